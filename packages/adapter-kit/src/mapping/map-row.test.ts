import { describe, expect, it } from 'vitest';
import { classifyRow } from '../layout/classify-row.ts';
import { findHeader } from '../layout/find-header.ts';
import { kqhtData, kqhtHeader, row } from '../layout/rows.test-helper.ts';
import type { Row } from '../workbook/types.ts';
import { bindMapping } from './bind-mapping.ts';
import { column } from './column.ts';
import { defineMapping, type MappingTransform } from './define-mapping.ts';
import { mapRow } from './map-row.ts';
import { pupils } from './pupil-mapping.test-helper.ts';

const HEADER = row(9, [
  'STT',
  'Mã lớp',
  'Mã học sinh',
  'Họ tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số định danh cá nhân',
  'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)',
  'Năm sinh mẹ',
  'Chiều cao',
  'Hộ nghèo',
  'Cột mới (mẫu 2025)',
]);

function bound(rows: Row[] = [HEADER]) {
  const header = findHeader(rows, pupils.vocabulary);
  if (header === undefined) throw new Error('no header');
  return bindMapping(pupils, header);
}

describe('mapRow', () => {
  it('maps a realistic row to canonical fields with provenance', () => {
    const b = bound();
    const result = mapRow(
      b,
      row(10, [
        1,
        '1A',
        1175538200001,
        'Nguyễn Thùy Uyên',
        44096,
        'Nữ',
        1,
        11319761095,
        { value: 'Hµ Néi', font: '.VnTime' },
        '1983',
        '106,8',
        'x',
        'ignored',
      ]),
    );
    expect(result.row).toBe(10);
    expect(result.record).toEqual({
      maLop: '1A',
      hocSinhId: '1175538200001',
      hoTen: 'Nguyễn Thùy Uyên',
      ngaySinh: '2020-09-22',
      maGioiTinh: '2',
      maDanToc: '01',
      maCongDanId: '011319761095',
      tinhThanhId: 'Hà Nội',
      namSinhMe: 1983,
      chieuCao: 106.8,
      isHoNgheo: true,
    });
    expect(result.columns).toMatchObject({
      hocSinhId: 'C',
      hoTen: 'D',
      ngaySinh: 'E',
      tinhThanhId: 'I',
    });
    expect(result.issues).toEqual([]);
  });

  it('reports bad values as issues at their field and column, and keeps the rest', () => {
    const result = mapRow(
      bound(),
      row(11, [
        2,
        '1A',
        '0110002',
        '',
        '31/02/2017',
        'F',
        'Kinh',
        '0791234567890',
        '01',
        'bảy',
        '7.5.1',
        'có lẽ',
      ]),
    );
    expect(result.record).toEqual({
      maLop: '1A',
      hocSinhId: '0110002',
      maGioiTinh: '2',
      maDanToc: 'Kinh',
      maCongDanId: '0791234567890',
      tinhThanhId: '01',
      isHoNgheo: undefined,
    } as Record<string, unknown>);
    const byField = Object.fromEntries(result.issues.map((i) => [i.field, i]));
    expect(byField['hoTen']).toEqual({
      code: 'required-blank',
      field: 'hoTen',
      column: 'D',
      problem: 'The required field hoTen is blank.',
      severity: 'error',
    });
    expect(byField['ngaySinh']).toMatchObject({ column: 'E', severity: 'error' });
    expect(byField['ngaySinh']?.problem).toContain('not a calendar date');
    expect(byField['maGioiTinh']).toMatchObject({ column: 'F', severity: 'warning' });
    expect(byField['namSinhMe']).toMatchObject({ column: 'J', severity: 'error' });
    expect(byField['chieuCao']).toMatchObject({ column: 'K', severity: 'error' });
    expect(byField['isHoNgheo']).toMatchObject({ column: 'L', severity: 'error' });
    expect(Object.hasOwn(result.record, 'isHoNgheo')).toBe(false);
  });

  it('never quotes a sensitive value in an issue', () => {
    const b = bound();
    const result = mapRow(
      b,
      row(12, [3, '1A', '0110003', 'An', undefined, undefined, 'Dân tộc Kinh', true]),
    );
    const problems = result.issues.map((i) => i.problem).join('\n');
    expect(result.issues.map((i) => i.field)).toEqual(['maCongDanId']);
    expect(problems).not.toContain('Kinh');
    expect(problems).toContain('a boolean');
  });

  it('warns about cells cut by the reader', () => {
    const result = mapRow(bound(), row(13, [4, '1A', '0110004', { value: 'Lê', truncated: true }]));
    expect(result.issues).toEqual([
      expect.objectContaining({ field: 'hoTen', column: 'D', severity: 'warning' }),
    ]);
  });

  it('builds records from the mapping, never from hostile header texts', () => {
    const hostile = row(1, [
      '__proto__',
      'constructor',
      'Mã HS',
      'Họ tên',
      'x'.repeat(10_000),
      'prototype',
    ]);
    const header = findHeader([hostile], pupils.vocabulary);
    if (header === undefined) throw new Error('no header');
    const b = bindMapping(pupils, header);
    const result = mapRow(
      b,
      row(2, ['{"polluted":1}', 'evil', '001', 'An', 'y'.repeat(10_000), 'z']),
    );
    expect(result.record).toEqual({ hocSinhId: '001', hoTen: 'An' });
    expect(Object.getPrototypeOf(result.record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(b.unmapped).toHaveLength(4);
  });

  it('maps the KQHT template through extras and a transform hook', () => {
    const kqht = defineMapping({
      entity: 'DanhGiaHocSinh',
      version: 'FlieMau-KQHT-C1-CN-Khoi12-TT27_2020',
      columns: {
        maLop: column('Mã lớp', 'code'),
        hocSinhId: column(['Mã học sinh', 'Mã định danh Bộ GD&ĐT'], 'code', { required: true }),
        nlTuChuTuHoc: column({ path: ['Năng lực chung', 'Tự chủ và tự học'] }, 'traitLevel'),
        nlTinhToan: column({ path: ['Năng lực đặc thù', 'Tính toán'] }, 'traitLevel'),
        pcChamChi: column({ path: ['Phẩm chất chủ yếu', 'Chăm chỉ'] }, 'traitLevel'),
        hoanThanhChuongTrinhLopHoc: column('Hoàn thành chương trình lớp học', 'flag'),
        lenLop: column('Lên lớp', 'flag'),
        ketQuaCuoiNam: column('Xếp loại', 'code'),
      },
      extras: {
        toanMucDat: column({ path: ['Toán', 'Mức đạt được'] }, 'subjectLevel'),
        toanDiem: column({ path: ['Toán', 'Điểm KTĐK'] }, 'integer'),
        tiengVietMucDat: column({ path: ['Tiếng Việt', 'Mức đạt được'] }, 'subjectLevel'),
        tiengVietDiem: column({ path: ['Tiếng Việt', 'Điểm KTĐK'] }, 'integer'),
      },
      transform: (record, _row, extras) => ({
        ...record,
        monHocs: [
          { maMonHoc: 'TOAN', mucDat: extras['toanMucDat'], diemKtdk: extras['toanDiem'] },
          {
            maMonHoc: 'TIENG_VIET',
            mucDat: extras['tiengVietMucDat'],
            diemKtdk: extras['tiengVietDiem'],
          },
        ],
      }),
    });
    const { rows, merges } = kqhtHeader(1);
    const data = kqhtData(4, { code: '0110001', name: 'Nguyễn Văn An' });
    const header = findHeader([...rows, data], kqht.vocabulary, { merges });
    if (header === undefined) throw new Error('no header');
    const b = bindMapping(kqht, header);
    expect(b.problems).toEqual([]);
    expect(classifyRow(data, header, { keyColumns: b.keyColumns }).kind).toBe('data');
    const result = mapRow(b, data);
    expect(result.issues).toEqual([]);
    expect(result.record).toEqual({
      maLop: '1A',
      hocSinhId: '0110001',
      nlTuChuTuHoc: 'T',
      nlTinhToan: 'Đ',
      pcChamChi: 'Đ',
      hoanThanhChuongTrinhLopHoc: true,
      lenLop: true,
      ketQuaCuoiNam: 'HTT',
      monHocs: [
        { maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 9 },
        { maMonHoc: 'TIENG_VIET', mucDat: 'H', diemKtdk: 7 },
      ],
    });
    expect(result.extras).toEqual({
      toanMucDat: 'T',
      toanDiem: 9,
      tiengVietMucDat: 'H',
      tiengVietDiem: 7,
    });
    expect(result.columns).toMatchObject({
      hocSinhId: 'C',
      nlTuChuTuHoc: 'S',
      nlTinhToan: 'W',
      pcChamChi: 'AC',
      lenLop: 'AG',
    });
  });

  it('contains a failing or misbehaving transform hook', () => {
    const base = {
      entity: 'HocSinh',
      columns: { hocSinhId: column('Mã HS', 'code'), hoTen: column('Họ tên', 'name') },
    } as const;
    const rows = [row(1, ['Mã HS', 'Họ tên'])];
    const data = row(2, ['001', 'An']);
    const run = (transform: MappingTransform) => {
      const m = defineMapping({ ...base, transform });
      const header = findHeader(rows, m.vocabulary);
      if (header === undefined) throw new Error('no header');
      return mapRow(bindMapping(m, header), data);
    };
    const thrown = run(() => {
      throw new Error('bad ID 079123456789');
    });
    expect(thrown.record).toEqual({ hocSinhId: '001', hoTen: 'An' });
    expect(thrown.issues[0]?.problem).toContain(
      'transform hook failed (Error: bad ID *********789)',
    );
    const extra = run((r) =>
      JSON.parse(`{"hoTen": "${String(r['hoTen'])} B", "__proto__": {"x": 1}, "ghiChu": 1}`),
    );
    expect(extra.record).toEqual({ hoTen: 'An B' });
    expect(extra.columns).toEqual({ hoTen: 'B' });
    expect(extra.issues.map((i) => i.field)).toEqual(['__proto__', 'ghiChu']);
    expect(run(() => null as never).issues[0]?.problem).toContain('must return a record');
  });
});
