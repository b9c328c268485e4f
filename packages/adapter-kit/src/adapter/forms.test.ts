import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { column } from '../mapping/column.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import type { CellValue } from '../workbook/types.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';
import { defineAdapter } from './define.ts';
import { readAll } from './read.ts';

// Forms as schools fill them: an example row under the header, two tables in one sheet, numbered
// lines left blank. Generated people and places only.

const school = defineAdapter({
  id: 'test-school',
  label: 'Test school form',
  version: '1',
  basis: 'a layout made for this test',
  formats: ['xlsx'],
  entities: [
    // Classes first: the order of the entities does not decide which table is whose.
    {
      mapping: defineMapping({
        entity: 'Lop',
        columns: {
          ma: column('Mã lớp', 'code', { required: true }),
          ten: column('Tên lớp', 'text'),
          maKhoi: column('Mã khối', 'code'),
          diemTruongId: column('Mã điểm trường', 'code'),
        },
      }),
    },
    {
      mapping: defineMapping({
        entity: 'DiemTruong',
        columns: {
          diemTruongId: column('Mã điểm trường', 'code', { required: true }),
          ten: column('Tên điểm trường', 'text'),
          diaChi: column('Địa chỉ', 'text'),
        },
      }),
    },
  ],
});

const SITES_HEADER = ['STT', 'Mã điểm trường', 'Tên điểm trường', 'Địa chỉ'];
const CLASSES_HEADER = ['STT', 'Mã lớp', 'Tên lớp', 'Mã khối', 'Mã điểm trường'];

describe('two tables in one sheet', () => {
  it('reads each table as its own entity, rows numbered as in the sheet, blank numbered lines skipped', async () => {
    const rows: CellValue[][] = [
      ['TRƯỜNG TIỂU HỌC TÂN LẬP'], // 1
      ['I. CÁC ĐIỂM TRƯỜNG'], // 2
      SITES_HEADER, // 3
      [1, 'DT01', 'Điểm chính', 'Thôn 1'], // 4
      [2, 'DT02', 'Điểm lẻ Đồng Xa', 'Thôn 5'], // 5
      [3], // 6: numbered, left blank
      [4], // 7
      [], // 8
      ['II. DANH SÁCH LỚP'], // 9
      CLASSES_HEADER, // 10
      [1, '1A', 'Lớp 1A', '1', 'DT01'], // 11
      [2, '2A', 'Lớp 2A', '2', 'DT02'], // 12
      [3], // 13
    ];
    const result = await readAll(school, writeXlsx([{ name: 'Trường', rows }]), {
      file: 'truong.xlsx',
    });
    const records = (entity: string) =>
      result.records
        .filter((r) => r.entity === entity)
        .map((r) => [r.provenance.row, r.record['diemTruongId'], r.record['ten']]);
    expect(records('DiemTruong')).toEqual([
      [4, 'DT01', 'Điểm chính'],
      [5, 'DT02', 'Điểm lẻ Đồng Xa'],
    ]);
    expect(records('Lop')).toEqual([
      [11, 'DT01', 'Lớp 1A'],
      [12, 'DT02', 'Lớp 2A'],
    ]);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Every row of the sheet is accounted for once: a record, or a skip with its reason.
    expect(
      result.skipped.map((s) => [s.row, s.reason]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [1, 'title'],
      [2, 'title'],
      [6, 'numbered-blank'],
      [7, 'numbered-blank'],
      [9, 'title'],
      [13, 'numbered-blank'],
    ]);
    const blank = result.skipped.find((s) => s.row === 6);
    expect(blank?.detail).toBe('only the row number is filled (in A): a numbered line left blank');
    // Nothing reads a row of the other table: no record lacks its required code.
    expect(result.records.flatMap((r) => r.issues)).toEqual([]);
  });

  it('on generated sheets: any number of sites and classes, captions, blank and numbered lines', async () => {
    const spec = fc.record({
      sites: fc.integer({ min: 1, max: 8 }),
      classes: fc.integer({ min: 1, max: 25 }),
      numberedBlank: fc.integer({ min: 0, max: 3 }),
      gap: fc.boolean(),
      caption: fc.boolean(),
      example: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const rows: CellValue[][] = [['DANH SÁCH ĐIỂM TRƯỜNG VÀ LỚP HỌC'], SITES_HEADER];
        if (s.example) rows.push(['VD', 'DT99', 'Điểm trường mẫu', 'Thôn A']);
        const siteRows: number[] = [];
        for (let i = 1; i <= s.sites; i++) {
          rows.push([i, `DT${i}`, `Điểm ${i}`, `Thôn ${i}`]);
          siteRows.push(rows.length);
        }
        for (let i = 1; i <= s.numberedBlank; i++) rows.push([s.sites + i]);
        if (s.gap) rows.push([]);
        if (s.caption) rows.push(['DANH SÁCH LỚP HỌC']);
        rows.push(CLASSES_HEADER);
        if (s.example) rows.push(['Ví dụ', '1A', 'Lớp 1A', '1', 'DT1']);
        const classRows: number[] = [];
        for (let i = 1; i <= s.classes; i++) {
          rows.push([i, `L${i}`, `Lớp ${i}`, String(1 + (i % 5)), `DT${1 + (i % s.sites)}`]);
          classRows.push(rows.length);
        }
        for (let i = 1; i <= s.numberedBlank; i++) rows.push([s.classes + i]);
        const result = await readAll(school, writeXlsx([{ name: 'DS', rows }]));
        const rowsOf = (entity: string) =>
          result.records.filter((r) => r.entity === entity).map((r) => r.provenance.row);
        expect(rowsOf('DiemTruong')).toEqual(siteRows);
        expect(rowsOf('Lop')).toEqual(classRows);
        expect(result.records.flatMap((r) => r.issues)).toEqual([]);
        const reasons = result.skipped.map((x) => x.reason);
        expect(reasons.filter((r) => r === 'numbered-blank')).toHaveLength(2 * s.numberedBlank);
        expect(reasons.filter((r) => r === 'example')).toHaveLength(s.example ? 2 : 0);
        // No row is reported twice.
        const seen = [
          ...result.records.map((r) => r.provenance.row),
          ...result.skipped.map((x) => x.row),
        ];
        expect(new Set(seen).size).toBe(seen.length);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it('one table per sheet reads as before, from the top of the sheet', async () => {
    const rows: CellValue[][] = [['TIÊU ĐỀ'], SITES_HEADER, [1, 'DT01', 'Điểm chính', 'Thôn 1']];
    const result = await readAll(school, writeXlsx([{ name: 'DS', rows }]));
    expect(result.records.map((r) => [r.entity, r.provenance.row])).toEqual([['DiemTruong', 3]]);
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([[1, 'title']]);
  });
});

const pupils = defineAdapter({
  id: 'test-pupils',
  label: 'Test pupil list',
  version: '1',
  basis: 'a layout made for this test',
  formats: ['xlsx'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
          hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
          ngaySinh: column('Ngày sinh', 'date'),
        },
      }),
    },
  ],
});

describe('example rows', () => {
  it('are skipped with their reason, not read as pupils; a real Nguyễn Văn A is read', async () => {
    const rows: CellValue[][] = [
      ['STT', 'Mã HS', 'Họ và tên', 'Ngày sinh'], // 1
      [1, 2, 3, 4], // 2: column numbers
      ['VD', 'HS0000', 'Nguyễn Văn A', '01/01/2018'], // 3
      [1, 'HS0001', 'Trần Thị Bình', '05/09/2018'], // 4
      [2, 'HS0002', 'Nguyễn Văn A', '12/03/2018'], // 5: a pupil of that name
    ];
    const result = await readAll(pupils, writeXlsx([{ name: 'DS', rows }]));
    expect(result.records.map((r) => [r.provenance.row, r.record['hoTen']])).toEqual([
      [4, 'Trần Thị Bình'],
      [5, 'Nguyễn Văn A'],
    ]);
    expect(result.skipped).toEqual([
      { kind: 'skip', sheet: 'DS', row: 2, reason: 'numbering' },
      {
        kind: 'skip',
        sheet: 'DS',
        row: 3,
        reason: 'example',
        detail: 'an example row of the form, marked "VD" in A',
      },
    ]);
  });

  it('without a marker, only the first row under the header with placeholders is one', async () => {
    const rows: CellValue[][] = [
      ['STT', 'Mã HS', 'Họ và tên', 'Ngày sinh'],
      ['', 'xxxxxx', 'Nguyễn Văn A', 'dd/mm/yyyy'], // 2: the form's example
      [1, 'HS0001', 'Trần Thị Bình', '05/09/2018'],
    ];
    const result = await readAll(pupils, writeXlsx([{ name: 'DS', rows }]));
    expect(result.records.map((r) => r.provenance.row)).toEqual([3]);
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([[2, 'example']]);
    // A numbered first pupil of that name is read.
    const real: CellValue[][] = [
      ['STT', 'Mã HS', 'Họ và tên', 'Ngày sinh'],
      [1, 'HS0001', 'Nguyễn Văn A', '05/09/2018'],
    ];
    const read = await readAll(pupils, writeXlsx([{ name: 'DS', rows: real }]));
    expect(read.records.map((r) => r.record['hoTen'])).toEqual(['Nguyễn Văn A']);
    expect(read.skipped).toEqual([]);
  });
});
