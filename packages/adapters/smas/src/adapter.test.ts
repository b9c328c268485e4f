import { AdapterError, type CellInput, writeXlsx } from '@eduvn/adapter-kit';
import { compileValidator, DanhGiaHocSinh } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { smasAdapter } from './adapter.ts';
import {
  assessmentBlock,
  FIXTURE_ADAPTER,
  type Layout,
  pupilsOf,
  SCHOOL,
  smasFixtures,
} from './fixtures.test-helper.ts';
import { readAllSmas } from './read.ts';

const fixtures = smasFixtures();
const fixture = (name: string) => {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
};

/** A one-sheet workbook: a title block, then the pupils' assessment block. */
function book(
  title: CellInput[][],
  pupils: ReturnType<typeof pupilsOf>,
  layout: Layout,
  name = 'Sheet1',
): Uint8Array {
  const block = assessmentBlock(pupils, layout, title.length + 1);
  return writeXlsx([{ name, rows: [...title, ...block.rows], merges: block.merges }]);
}

/** The issues of this package, not the kit's note of the optional columns a sheet lacks. */
const ours = (issue: { problem: string }): boolean => !/ has no column for /.test(issue.problem);

/** A workbook of one sheet with these rows. */
const sheet = (rows: CellInput[][], name = 'Sheet1') => writeXlsx([{ name, rows }]);

describe('smasAdapter', () => {
  it('is an adapter of the kit with an honest basis and a version', () => {
    const adapter = smasAdapter({ truongId: '79000001' });
    expect(adapter).toMatchObject({ id: 'smas', defined: true, formats: ['xlsx', 'xls', 'csv'] });
    expect(adapter.basis).toMatch(/model/);
    expect(adapter.version).toMatch(/^smas-tt27-model-\d+$/);
    expect(adapter.options).toEqual({ truongId: '79000001' });
    expect(Object.isFrozen(adapter.options)).toBe(true);
  });

  it.each([
    [{}, TypeError, /truongId/],
    [{ truongId: '' }, TypeError, /truongId/],
    [{ truongId: 'x'.repeat(16) }, TypeError, /15 characters/],
    [{ truongId: '1', namHoc: '2024' }, RangeError, /namHoc/],
    [{ truongId: '1', namHoc: '2024-2026' }, RangeError, /namHoc/],
    [{ truongId: '1', khoi: 6 }, RangeError, /khoi/],
    [{ truongId: '1', khoi: 2.5 }, RangeError, /khoi/],
    [{ truongId: '1', kyDanhGia: 'CK2' }, RangeError, /kyDanhGia/],
  ])('rejects the options %j', (options, type, message) => {
    expect(() => smasAdapter(options as never)).toThrow(type);
    expect(() => smasAdapter(options as never)).toThrow(message);
  });

  it('rejects options that are not an object', () => {
    expect(() => smasAdapter(null as never)).toThrow(TypeError);
  });
});

describe('readAllSmas on the fixtures', () => {
  const validate = compileValidator(DanhGiaHocSinh);

  for (const f of fixtures) {
    it(`${f.name}: ${f.covers}`, async () => {
      const result = await readAllSmas(FIXTURE_ADAPTER, f.bytes, { file: f.name });
      expect(result.records.map((r) => r.record)).toEqual(f.records);
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      for (const r of result.records) {
        expect(r.provenance.file).toBe(f.name);
        expect(r.provenance.columns['hocSinhId']).toBe('B');
        if (r.issues.length === 0) expect(validate(r.record).ok).toBe(true);
      }
    });
  }

  it('reads competencies named like subjects apart from the subjects (two-row header)', async () => {
    const { records } = await readAllSmas(
      FIXTURE_ADAPTER,
      fixture('ck1-two-row-merged.xlsx').bytes,
    );
    const columns = records[0]?.provenance.columns ?? {};
    expect(columns['nlKhoaHoc']).toMatch(/^[A-Z]+$/);
    expect(columns['nlTinHoc']).toMatch(/^[A-Z]+$/);
    expect(columns['nlKhoaHoc']).not.toBe(columns['nlTinHoc']);
    expect(records.every((r) => r.issues.length === 0)).toBe(true);
  });

  it('reads the header on row 9 and the records from row 10', async () => {
    const result = await readAllSmas(FIXTURE_ADAPTER, fixture('gk1-header-row-9.xlsx').bytes);
    expect(result.records[0]?.provenance.row).toBe(10);
    expect(result.skipped.filter((s) => s.reason === 'title').map((s) => s.row)).toEqual([
      1, 2, 4, 5, 6,
    ]);
  });

  it('gives every record of a sheet whose title names no period an error, and no period', async () => {
    const f = fixture('no-period.xlsx');
    const { records } = await readAllSmas(FIXTURE_ADAPTER, f.bytes);
    expect(records).toHaveLength(f.records.length);
    for (const r of records) {
      expect(r.record).not.toHaveProperty('kyDanhGia');
      expect(r.issues).toEqual([
        {
          field: 'kyDanhGia',
          severity: 'error',
          problem: expect.stringMatching(/sheet "Sheet1" names none .*never guessed/),
        },
      ]);
    }
  });

  it('uses the period given to smasAdapter() when the title names none', async () => {
    const adapter = smasAdapter({ truongId: SCHOOL.truong.truongId, kyDanhGia: 'GK2' });
    const { records } = await readAllSmas(adapter, fixture('no-period.xlsx').bytes);
    expect(records.every((r) => r.record['kyDanhGia'] === 'GK2' && r.issues.length === 0)).toBe(
      true,
    );
  });

  it('reads the four periods of a workbook with one sheet per period', async () => {
    const { records } = await readAllSmas(FIXTURE_ADAPTER, fixture('four-periods.xlsx').bytes);
    const bySheet = new Map<string, unknown>();
    for (const r of records) bySheet.set(r.provenance.sheet, r.record['kyDanhGia']);
    expect(Object.fromEntries(bySheet)).toEqual({ GKI: 'GK1', CKI: 'CK1', GKII: 'GK2', CN: 'CN' });
  });

  it('reports a score with a decimal comma as not a whole number, and leaves it out', async () => {
    const { records } = await readAllSmas(
      FIXTURE_ADAPTER,
      fixture('decimal-comma-scores.xlsx').bytes,
    );
    const flagged = records.filter((r) => r.issues.length > 0);
    expect(flagged.map((r) => r.provenance.row)).toEqual([5, 7]);
    for (const r of flagged) {
      expect(r.issues).toEqual([
        {
          code: 'value-invalid',
          field: 'monHocs.TOAN.diemKtdk',
          column: expect.stringMatching(/^[A-Z]+$/),
          severity: 'error',
          problem: expect.stringMatching(
            /^'\d+,5' is not a whole number\. .*whole number from 0 to 10/,
          ),
        },
      ]);
      const toan = (r.record['monHocs'] as { maMonHoc: string }[]).find(
        (m) => m.maMonHoc === 'TOAN',
      );
      expect(toan).not.toHaveProperty('diemKtdk');
    }
  });

  it('skips repeated headers, the footer and phantom rows, each with its reason', async () => {
    const { skipped, records } = await readAllSmas(
      FIXTURE_ADAPTER,
      fixture('repeated-headers-phantom-rows.xlsx').bytes,
    );
    expect(records).toHaveLength(8);
    const reasons = skipped.map((s) => s.reason);
    expect(reasons.filter((r) => r === 'repeated-header')).toHaveLength(1);
    expect(reasons.filter((r) => r === 'caption')).toHaveLength(1);
    expect(reasons.filter((r) => r === 'empty').length).toBeGreaterThanOrEqual(25);
  });

  it('warns about an unknown subject column between the subjects, and never reads it', async () => {
    const result = await readAllSmas(FIXTURE_ADAPTER, fixture('whole-school.csv').bytes, {
      file: 'whole-school.csv',
    });
    expect(result.issues.filter(ours)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        sheet: 'whole-school',
        problem: expect.stringMatching(/column \w+ \("Kỹ năng sống"\): it looks like a subject/),
      }),
    ]);
    expect(JSON.stringify(result.records)).not.toMatch(/ky nang|Kỹ năng/i);
  });
});

describe('readAllSmas on hand-made sheets', () => {
  const pupils = pupilsOf('4B', 'CK1').slice(0, 3);
  const title: CellInput[][] = [['Cuối kỳ I'], ['Lớp 4B - Năm học 2024-2025'], []];

  it('warns about an unknown subject under a two-row header, and other unread columns', async () => {
    const layout: Layout = {
      header: 'double',
      extraSubjects: [{ name: 'Kỹ năng sống', value: 'H' }],
    };
    const block = assessmentBlock(pupils, layout, 4);
    const rows = [...title, ...block.rows].map((r, i) => [
      ...r,
      i === 3 ? 'Giới tính' : i > 4 ? 'Nam' : null,
      null,
      i > 4 ? 'ghi chú' : null,
    ]);
    const bytes = writeXlsx([{ name: 'Sheet1', rows, merges: block.merges }]);
    const { issues, records } = await readAllSmas(FIXTURE_ADAPTER, bytes);
    expect(records).toHaveLength(3);
    expect(issues.filter(ours).map((i) => [i.severity, i.problem])).toEqual([
      [
        'warning',
        expect.stringMatching(/\("Kỹ năng sống › Mức đạt được"\): it looks like a subject/),
      ],
      [
        'warning',
        expect.stringMatching(
          /columns \w+ \("Giới tính"\), \w+ \(values but no header\) are not part/,
        ),
      ],
    ]);
  });

  it('reports a sheet without the Mã học sinh column, and reads none of its rows', async () => {
    const block = assessmentBlock(pupils, { header: 'single' }, 4);
    const rows = [...title, ...block.rows].map((r) => [r[0] ?? null, ...r.slice(2)]);
    const { records, issues } = await readAllSmas(FIXTURE_ADAPTER, sheet(rows));
    expect(records).toEqual([]);
    expect(
      issues.some(
        (i) => i.severity === 'error' && /lacks the required column\(s\) hocSinhId/.test(i.problem),
      ),
    ).toBe(true);
  });

  it('reads a row without a pupil code as a record with an error, never silently', async () => {
    const block = assessmentBlock(pupils, { header: 'single' }, 4);
    const rows = [...title, ...block.rows];
    const second = rows[5];
    if (second) second[1] = null;
    const { records } = await readAllSmas(FIXTURE_ADAPTER, sheet(rows));
    expect(records).toHaveLength(3);
    expect(records[1]?.issues).toEqual([
      expect.objectContaining({ field: 'hocSinhId', severity: 'error' }),
    ]);
  });

  it('reports bad levels by their place in the record; reads D as Đ with a warning', async () => {
    const block = assessmentBlock(pupils, { header: 'single' }, 4);
    const [header = [], ...data] = block.rows;
    const toan = header.indexOf('Toán');
    const ngonNgu = header.indexOf('NL Ngôn ngữ');
    const yeuNuoc = header.indexOf('Yêu nước');
    const first = data[0] ?? [];
    first[toan] = 'X';
    first[ngonNgu] = 'D';
    first[yeuNuoc] = 'Giỏi';
    const { records } = await readAllSmas(FIXTURE_ADAPTER, sheet([...title, header, ...data]));
    const issues = records[0]?.issues ?? [];
    expect(issues).toEqual([
      expect.objectContaining({ field: 'nlNgonNgu', severity: 'warning' }),
      expect.objectContaining({ field: 'pcYeuNuoc', severity: 'error' }),
      expect.objectContaining({ field: 'monHocs.TOAN.mucDat', severity: 'error' }),
    ]);
    expect(records[0]?.record['nlNgonNgu']).toBe('Đ');
    expect(records[0]?.record).not.toHaveProperty('pcYeuNuoc');
  });

  it('reads results and awards written in words as their codes', async () => {
    const rows: CellInput[][] = [
      ['KẾT QUẢ CUỐI NĂM HỌC'],
      ['Lớp 5A - Năm học 2024-2025'],
      ['STT', 'Mã học sinh', 'Toán', 'Tiếng Việt', 'Đạo đức', 'Xếp loại', 'Khen thưởng', 'Lên lớp'],
      [1, 'HS1', 'T', 'T', 'T', 'Hoàn thành xuất sắc', 'Học sinh Xuất sắc', 'x'],
      [
        2,
        'HS2',
        'T',
        'T',
        'T',
        'htt',
        'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
        'X',
      ],
      [3, 'HS3', 'H', 'H', 'T', 'HT', null, null],
      [4, 'HS4', 'C', 'H', 'T', 'Giỏi', 'Cháu ngoan Bác Hồ', 'có'],
    ];
    const { records } = await readAllSmas(FIXTURE_ADAPTER, sheet(rows));
    expect(
      records.map((r) => [r.record['ketQuaCuoiNam'], r.record['khenThuong'], r.record['lenLop']]),
    ).toEqual([
      ['HTXS', 'HS_XUAT_SAC', true],
      ['HTT', 'HS_TIEU_BIEU', true],
      ['HT', undefined, false],
      ['Giỏi', 'Cháu ngoan Bác Hồ', true],
    ]);
    const validate = compileValidator(DanhGiaHocSinh);
    expect(validate(records[3]?.record).ok).toBe(false);
  });

  it('names the class, grade and school year it could not find on each record', async () => {
    const adapter = smasAdapter({ truongId: '79000001' });
    const rows = [['Cuối kỳ I'], [], ...assessmentBlock(pupils, { header: 'single' }, 3).rows];
    const { records } = await readAllSmas(adapter, sheet(rows));
    expect(records[0]?.issues.map((i) => i.field)).toEqual(['namHoc', 'maLop', 'khoi']);
    expect(records[0]?.issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('takes the class and grade of each row from a class column', async () => {
    const mixed = [...pupilsOf('2A', 'GK1').slice(0, 2), ...pupilsOf('5B', 'GK1').slice(0, 2)];
    const rows = [
      ['Giữa kỳ I - Lớp 2A'],
      [],
      ...assessmentBlock(mixed, { header: 'single', classColumn: true }, 3).rows,
    ];
    const { records } = await readAllSmas(FIXTURE_ADAPTER, sheet(rows));
    expect(records.map((r) => [r.record['maLop'], r.record['khoi']])).toEqual([
      ['2A', 2],
      ['2A', 2],
      ['5B', 5],
      ['5B', 5],
    ]);
  });

  it('survives hostile headers and cells: __proto__, 10,000 characters, formulas', async () => {
    const block = assessmentBlock(pupils, { header: 'single' }, 4);
    const [header = [], ...data] = block.rows;
    const long = 'Nguyễn '.repeat(1500);
    const rows = [
      ...title,
      [...header, '__proto__', 'constructor', 'x'.repeat(10_000)],
      ...data.map((r) => [...r, 'polluted', 'polluted', long]),
      [null, { text: '=HYPERLINK("http://example.invalid","x")' }, long, '@SUM(A1:A2)'],
    ];
    const result = await readAllSmas(FIXTURE_ADAPTER, sheet(rows));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.records).toHaveLength(4);
    for (const r of result.records) {
      expect(Object.getPrototypeOf(r.record)).toBe(Object.prototype);
      expect(Object.hasOwn(r.record, '__proto__')).toBe(false);
      expect(Object.hasOwn(r.record, 'constructor')).toBe(false);
    }
    expect(result.records[3]?.record['hocSinhId']).toBe('=HYPERLINK("http://example.invalid","x")');
    const unread = result.issues.find((i) => /not part of the SMAS layout/.test(i.problem));
    expect(unread?.problem.length).toBeLessThan(400);
  });

  it('says so when no sheet looks like an SMAS export', async () => {
    const rows = [
      ['Mã học sinh', 'Họ và tên', 'Giới tính'],
      ['HS1', 'Lê Văn Bình', 'Nam'],
    ];
    const result = await readAllSmas(FIXTURE_ADAPTER, sheet(rows), { file: 'list.xlsx' });
    expect(result.records).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'list.xlsx',
        problem: expect.stringMatching(/No sheet of this file looks like/),
      }),
    ]);
  });

  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'wrong-file-type'],
    ['an empty file', new Uint8Array(), 'empty-file'],
    ['a truncated .xlsx', fixtures[0]?.bytes.subarray(0, 1500) ?? new Uint8Array(), 'corrupt-file'],
  ])('rejects %s with a typed AdapterError', async (_, bytes, code) => {
    const error = await readAllSmas(FIXTURE_ADAPTER, bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe(code);
  });

  it('leaves an opened workbook open, and closes what it opened', async () => {
    const { openWorkbook } = await import('@eduvn/adapter-kit');
    const workbook = await openWorkbook(book(title, pupils, { header: 'single' }));
    await readAllSmas(FIXTURE_ADAPTER, workbook);
    const again = await readAllSmas(FIXTURE_ADAPTER, workbook);
    expect(again.records).toHaveLength(3);
    await workbook.close();
  });
});
