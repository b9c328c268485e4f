import {
  type CellInput,
  detectAdapter,
  openWorkbook,
  readAll,
  readCatalogSheets,
  writeXlsx,
} from '@eduvn/adapter-kit';
import { bundledCatalogs, type HocSinh } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { C1_CATALOG_SHEETS, c1HocSinh, createC1HocSinh } from './c1-hoc-sinh.ts';
import { csdlGiaoVien } from './csdl-giao-vien.ts';
import { c1Rows, c1Xls, c1Xlsx, fixturePupils } from './fixtures.test-helper.ts';

/** What the reader must give for a generated pupil. */
function expected(p: HocSinh): Record<string, unknown> {
  const out: Record<string, unknown> = {
    hocSinhId: p.hocSinhId,
    hoTen: p.hoTen,
    maLop: p.maLop,
    ngaySinh: p.ngaySinh,
    maGioiTinh: p.maGioiTinh,
    maCongDanId: p.maCongDanId,
    maTrangThaiHienTai: p.maTrangThaiHienTai,
    maDanToc: p.maDanToc,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

const pupils = fixturePupils(3, 6);

/** The headers the default reader maps (adapter-kit reads a sheet only when it has them all). */
const HEADERS = [
  'Mã lớp',
  'Mã học sinh',
  'Họ tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Trạng thái HS',
  'Ngày nhập trạng thái',
  'Số định danh cá nhân',
];

/** A one-sheet C1 file: the header on row 1 (`headers`), then one row per object, by header. */
function sheet(
  rows: readonly Readonly<Record<string, CellInput>>[],
  headers: readonly string[] = HEADERS,
): Uint8Array {
  return writeXlsx([
    { name: 'Sheet1', rows: [[...headers], ...rows.map((r) => headers.map((h) => r[h] ?? null))] },
  ]);
}

describe('c1HocSinh', () => {
  it('finds the header on row 9 under the title block and reads every pupil', async () => {
    const result = await readAll(c1HocSinh, c1Xlsx(pupils), { file: 'C1-HocSinh.xlsx' });
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.record)).toEqual(pupils.map(expected));
    expect(result.records.every((r) => r.issues.length === 0)).toBe(true);
    expect(result.records[0]?.provenance).toEqual({
      file: 'C1-HocSinh.xlsx',
      sheet: 'Sheet1',
      row: 10,
      columns: {
        hocSinhId: 'C',
        hoTen: 'D',
        maLop: 'B',
        ngaySinh: 'E',
        maGioiTinh: 'F',
        maCongDanId: 'K',
      },
    });
  });

  it('skips the title block and the header repeated for every class, saying why', async () => {
    const result = await readAll(c1HocSinh, c1Xlsx(pupils));
    const reasons = result.skipped.map((s) => `${s.row}:${s.reason}`);
    expect(reasons.filter((r) => r.endsWith('repeated-header'))).toHaveLength(2);
    expect(reasons.filter((r) => r.endsWith('title')).length).toBeGreaterThan(3);
  });

  it('reads NFD headers with line breaks and ignores a column added by a newer template', async () => {
    const bytes = c1Xlsx(pupils, { nfd: true, newer: true, titleRows: 3 });
    const result = await readAll(c1HocSinh, bytes);
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.record)).toEqual(pupils.map(expected));
    expect(result.records.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('reads the legacy .xls export', async () => {
    const few = fixturePupils(1, 2);
    const result = await readAll(c1HocSinh, c1Xls(few, { titleRows: 2 }));
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.record)).toEqual(few.map(expected));
  });

  it('reads Excel serial dates, date cells and text dates alike', async () => {
    const file = sheet([
      {
        'Mã học sinh': 'HS1',
        'Họ tên': 'Lê Văn Tám',
        'Ngày sinh': 44096,
        'Ngày nhập trạng thái': '05/09/2024',
      },
      {
        'Mã học sinh': 'HS2',
        'Họ tên': 'Lê Thị Sáu',
        'Ngày sinh': { date: '2018-03-01' },
        'Ngày nhập trạng thái': 45540,
      },
      { 'Mã học sinh': 'HS3', 'Họ tên': 'Vũ Văn Năm', 'Ngày sinh': '01/12/2018' },
    ]);
    const result = await readAll(c1HocSinh, file);
    expect(result.records.map((r) => r.record['ngaySinh'])).toEqual([
      '2020-09-22',
      '2018-03-01',
      '2018-12-01',
    ]);
    expect(result.records.flatMap((r) => r.issues)).toEqual([]);
  });

  it('reads codes that a spreadsheet turned into numbers, restoring the personal ID’s leading zero', async () => {
    const headers = HEADERS.map((h) =>
      h === 'Mã học sinh' ? 'Mã HS' : h === 'Họ tên' ? 'Họ và tên' : h,
    );
    const file = sheet(
      [
        {
          'Mã HS': 7904121800001,
          'Họ và tên': 'Lê Văn Tám',
          'Số định danh cá nhân': 79218000123,
          'Dân tộc': 1,
        },
      ],
      headers,
    );
    const [record] = (await readAll(c1HocSinh, file)).records;
    expect(record?.record).toEqual({
      hocSinhId: '7904121800001',
      hoTen: 'Lê Văn Tám',
      maCongDanId: '079218000123',
      maDanToc: '01',
    });
  });

  it('reports a class code that a spreadsheet turned into a date, keeping the rest of the row', async () => {
    const file = sheet([
      { 'Mã lớp': { date: '2024-01-02' }, 'Mã học sinh': 'HS1', 'Họ tên': 'Lê Văn Tám' },
    ]);
    const [record] = (await readAll(c1HocSinh, file)).records;
    expect(record?.record).toEqual({ hocSinhId: 'HS1', hoTen: 'Lê Văn Tám' });
    expect(record?.issues).toEqual([
      expect.objectContaining({ field: 'maLop', column: 'A', severity: 'error' }),
    ]);
  });

  it('names a missing required column in an error issue and reads no row', async () => {
    const file = sheet(
      [{ 'Mã lớp': '1A', 'Họ tên': 'Lê Văn Tám', 'Ngày sinh': '01/01/2018', 'Giới tính': 'Nam' }],
      HEADERS.filter((h) => h !== 'Mã học sinh'),
    );
    const result = await readAll(c1HocSinh, file);
    expect(result.records).toEqual([]);
    const problems = result.issues.map((i) => i.problem).join('\n');
    expect(problems).toContain('hocSinhId');
    expect(problems).toMatch(/Mã học sinh/);
    expect(result.issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('never guesses a catalog code: a name outside the catalog is an error issue and the coded fields are left out', async () => {
    const row = (id: string, name: string, ethnicity: string, status: string, sex: string) => ({
      'Mã học sinh': id,
      'Họ tên': name,
      'Dân tộc': ethnicity,
      'Trạng thái HS': status,
      'Giới tính': sex,
    });
    const file = sheet([
      row('HS1', 'Lê Văn Tám', 'Người Sao Hoả', 'Đang học', 'Nam'),
      row('HS2', 'Lê Thị Sáu', 'Kinh', 'Đã tốt nghiệp', 'Nữ'),
      row('HS3', 'Vũ Văn Năm', 'Kinh', 'Đang học', 'nam'),
    ]);
    const { records } = await readAll(c1HocSinh, file);
    expect(records.map((r) => r.record)).toEqual([
      { hocSinhId: 'HS1', hoTen: 'Lê Văn Tám', maGioiTinh: '1' },
      { hocSinhId: 'HS2', hoTen: 'Lê Thị Sáu', maGioiTinh: '2' },
      {
        hocSinhId: 'HS3',
        hoTen: 'Vũ Văn Năm',
        maGioiTinh: '1',
        maDanToc: '01',
        maTrangThaiHienTai: 'DANG_HOC',
      },
    ]);
    const [first, second] = records.map((r) => r.issues);
    expect(first).toHaveLength(1);
    expect(first?.[0]?.severity).toBe('error');
    expect(first?.[0]?.problem).toContain('Dân tộc is not in DM_DAN_TOC');
    // Ethnicity is sensitive: the value is never quoted.
    expect(first?.[0]?.problem).not.toContain('Sao');
    expect(second?.[0]?.problem).toContain(
      'Trạng thái HS "Đã tốt nghiệp" is not in DM_TRANG_THAI_HOC_SINH',
    );
  });

  it('reads the disability type only with a catalog for it, such as the template’s own catalog sheet', async () => {
    const file = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          [...HEADERS, 'Loại khuyết tật'],
          ['1A', 'HS1', 'Lê Văn Tám', ...HEADERS.slice(3).map(() => null), 'Khuyết tật vận động'],
          ['1A', 'HS2', 'Lê Thị Sáu', ...HEADERS.slice(3).map(() => null), 'Khuyết tật khác'],
        ],
      },
      {
        name: 'LOAI_KHUYET_TAT',
        state: 'hidden',
        rows: [
          ['Mã', 'Tên'],
          ['1', 'Khuyết tật vận động'],
          ['2', 'Khuyết tật nghe, nói'],
        ],
      },
    ]);
    const plain = await readAll(c1HocSinh, file);
    expect(plain.records.map((r) => r.record['maLoaiKhuyetTat'])).toEqual([undefined, undefined]);
    expect(plain.records.flatMap((r) => r.issues)).toEqual([]);

    const workbook = await openWorkbook(file);
    const pack = await readCatalogSheets(workbook, {
      sheets: { LOAI_KHUYET_TAT: 'DM_LOAI_KHUYET_TAT' },
    });
    await workbook.close();
    const reader = createC1HocSinh({ catalogs: bundledCatalogs(pack) });
    const { records } = await readAll(reader, file);
    expect(records[0]?.record['maLoaiKhuyetTat']).toBe('1');
    expect(records[1]?.record['maLoaiKhuyetTat']).toBeUndefined();
    expect(records[1]?.issues[0]?.problem).toContain(
      'Loại khuyết tật is not in DM_LOAI_KHUYET_TAT',
    );
  });

  it('checks the status date as a date, without keeping it (HocSinh has no field for it)', async () => {
    const file = sheet([
      { 'Mã học sinh': 'HS1', 'Họ tên': 'Lê Văn Tám', 'Ngày nhập trạng thái': '31/02/2024' },
    ]);
    const [record] = (await readAll(c1HocSinh, file)).records;
    expect(record?.record).toEqual({ hocSinhId: 'HS1', hoTen: 'Lê Văn Tám' });
    expect(record?.issues).toEqual([
      expect.objectContaining({ field: 'ngayNhapTrangThai', column: 'H', severity: 'error' }),
    ]);
  });

  it('never quotes a personal ID in an issue', async () => {
    const file = sheet([
      { 'Mã học sinh': 'HS1', 'Họ tên': 'Lê Văn Tám', 'Số định danh cá nhân': '7.92180001E+10' },
    ]);
    const [record] = (await readAll(c1HocSinh, file)).records;
    expect(record?.record['maCongDanId']).toBeUndefined();
    expect(record?.issues).toHaveLength(1);
    expect(record?.issues[0]?.problem).not.toMatch(/792|E\+10/);
  });

  it('reads the data sheet only, never a catalog sheet, and takes catalog sheets as detection evidence', async () => {
    const bytes = c1Xlsx(pupils);
    const workbook = await openWorkbook(bytes);
    expect(c1HocSinh.detect?.(workbook.sheets)).toBeCloseTo(0.5);
    await workbook.close();
    expect(c1HocSinh.detect?.([{ name: 'Sheet1', index: 0, state: 'visible' }])).toBe(0);
    expect(C1_CATALOG_SHEETS).toContain('DAN_TOC');
    const [best, second] = await detectAdapter(bytes, [csdlGiaoVien, c1HocSinh]);
    expect(best?.adapter.id).toBe('moet-c1-hocsinh');
    expect(best?.confidence).toBeGreaterThan(0.9);
    expect(second?.confidence ?? 0).toBeLessThan(0.5);
  });

  it('reads an older export that lacks an optional column, with a warning naming it', async () => {
    const file = sheet(
      [{ 'Mã học sinh': 'HS1', 'Họ tên': 'Lê Văn Tám' }],
      HEADERS.filter((h) => h !== 'Số định danh cá nhân'),
    );
    const result = await readAll(c1HocSinh, file);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        problem: expect.stringMatching(/has no column for maCongDanId/),
      }),
    ]);
    expect(result.records.map((r) => r.record)).toEqual([
      { hocSinhId: 'HS1', hoTen: 'Lê Văn Tám' },
    ]);
  });

  it('rejects wrong options with a TypeError', () => {
    expect(() => createC1HocSinh({ catalogs: {} as never })).toThrow(TypeError);
    expect(() => createC1HocSinh({ asOf: '1/7/2025' })).toThrow(/asOf/);
    expect(() => createC1HocSinh(null as never)).toThrow(TypeError);
  });

  it('reads a 10,000-character cell and a header named __proto__ without harm', async () => {
    const rows = c1Rows(fixturePupils(1, 1), { titleRows: 0 });
    rows[0]?.push('__proto__');
    rows[1]?.push('x'.repeat(10_000));
    const { records } = await readAll(c1HocSinh, writeXlsx([{ name: 'Sheet1', rows }]));
    expect(records).toHaveLength(1);
    expect(Object.hasOwn(records[0]?.record ?? {}, '__proto__')).toBe(false);
  });
});
