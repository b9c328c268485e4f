import { column, defineAdapter, defineMapping } from '../index.ts';
import { writeXlsx } from '../workbook/xlsx/writer.ts';
import { testAdapter } from './test-adapter.ts';

/** The conformance suite, run on two small adapters: a single-row header and a merged one. */

const flat = defineAdapter({
  id: 'flat-list',
  label: 'A flat pupil list',
  version: 'test',
  basis: 'a model made for this test',
  formats: ['xlsx'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
          hoTen: column(['Họ tên', 'Họ và tên'], 'name', { required: true }),
          ngaySinh: column('Ngày sinh', 'date'),
          maGioiTinh: column('Giới tính', 'sex'),
        },
      }),
    },
  ],
});

const flatFile = writeXlsx([
  {
    name: 'Lớp 1A',
    rows: [
      ['DANH SÁCH HỌC SINH'],
      [],
      ['STT', 'Mã HS', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
      [1, 'HS01', 'Nguyễn Văn An', '05/09/2018', 'Nam'],
      [2, 'HS02', 'Lê Thị Hoà', 43346, 'Nữ'],
      ['Lớp 1B'],
      ['STT', 'Mã HS', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
      [1, 'HS03', 'Trần Minh Khôi', '31/12/2018', 'nam'],
    ],
  },
]);

const merged = defineAdapter({
  id: 'merged-list',
  label: 'A pupil list under a merged header',
  version: 'test',
  basis: 'a model made for this test',
  formats: ['xlsx'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column('Mã học sinh', 'code', { required: true }),
          hoTen: column({ path: ['Thông tin học sinh', 'Họ tên'] }, 'name', { required: true }),
          ngaySinh: column({ path: ['Thông tin học sinh', 'Ngày sinh'] }, 'date'),
        },
      }),
    },
  ],
  write: ({ records }) =>
    writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['Mã học sinh', 'Thông tin học sinh', null],
          [null, 'Họ tên', 'Ngày sinh'],
          ...records.map((r) => [
            { text: String(r['hocSinhId']) },
            String(r['hoTen']),
            r['ngaySinh'] === undefined ? null : { date: String(r['ngaySinh']) },
          ]),
        ],
        merges: ['A1:A2', 'B1:C1'],
      },
    ]),
});

const mergedFile = writeXlsx([
  {
    name: 'Sheet1',
    rows: [
      ['Mã học sinh', 'Thông tin học sinh', null],
      [null, 'Họ tên', 'Ngày sinh'],
      ['0012', 'Phạm Thu Trang', '01/01/2019'],
      ['0013', 'Vũ Đức Anh', 43500],
    ],
    merges: ['A1:A2', 'B1:C1'],
  },
]);

testAdapter(flat, [{ name: 'flat.xlsx', bytes: flatFile, expect: { records: { HocSinh: 3 } } }], {
  competitors: [merged],
});
testAdapter(merged, [
  { name: 'merged.xlsx', bytes: mergedFile, expect: { records: { HocSinh: 2 } } },
]);
