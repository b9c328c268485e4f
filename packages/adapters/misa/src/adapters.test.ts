import {
  AdapterError,
  type CellInput,
  detectAdapter,
  type ReadResult,
  readAll,
  writeXlsx,
} from '@eduvn/adapter-kit';
import { validate } from '@eduvn/rules';
import { type CatalogPack, Catalogs } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMisaAdapters,
  misaAdapters,
  misaClassAdapter,
  misaSchoolAdapter,
  VERSION,
} from './adapters.ts';
import {
  adapterFixtures,
  CLASS_HEADER,
  fixturePupils,
  type MisaPupil,
} from './fixtures.test-helper.ts';

const SCHOOL_HEADER = [...CLASS_HEADER, 'Lớp'];

/** A whole-school sheet: a title, the header, and the rows given. */
function schoolFile(rows: readonly CellInput[][], header: readonly string[] = SCHOOL_HEADER) {
  return writeXlsx([{ name: 'Toàn trường', rows: [['DANH SÁCH HỌC SINH'], [...header], ...rows] }]);
}

/** A valid row of the whole-school sheet (generated person), with changes. */
function row(changes: Partial<Record<(typeof SCHOOL_HEADER)[number], CellInput>> = {}) {
  const base: Record<string, CellInput> = {
    STT: 1,
    'Mã học sinh': { text: 'HS0000001' },
    'Mã thống kê': { text: 'TK250001' },
    'Họ và tên': 'Nguyễn Văn An',
    'Ngày sinh': '05/09/2018',
    'Giới tính': 'Nam',
    'Dân tộc': 'Kinh',
    'Số định danh cá nhân': { text: '001218001234' },
    Lớp: { text: '2A' },
    ...changes,
  };
  return SCHOOL_HEADER.map((h) => base[h] ?? null);
}

/** Every text a read result could show a user: issues, cell issues, skips. */
function shown(result: ReadResult): string {
  return JSON.stringify([result.issues, result.records.map((r) => r.issues), result.skipped]);
}

/** What the generated pupil should read as. */
function expected(p: MisaPupil) {
  const { pupil } = p;
  return {
    maLop: pupil.maLop,
    hoTen: pupil.hoTen,
    ngaySinh: pupil.ngaySinh,
    maGioiTinh: pupil.maGioiTinh,
    maDanToc: pupil.maDanToc,
    maCongDanId: pupil.maCongDanId,
  };
}

describe('MISA adapters', () => {
  it('declare what they are based on, and their version', () => {
    for (const adapter of misaAdapters) {
      expect(adapter.version).toBe(VERSION);
      expect(adapter.basis).toMatch(/model/);
      expect(adapter.formats).toEqual(['xlsx', 'xls', 'csv']);
      expect(adapter.write).toBeUndefined();
    }
    expect(misaAdapters.map((a) => a.id)).toEqual(['misa-class', 'misa-school']);
  });

  it('read every fixture’s pupils exactly as generated, with the class of each', async () => {
    for (const { adapter, fixtures } of await adapterFixtures()) {
      for (const fixture of fixtures) {
        const result = await readAll(adapter, fixture.bytes, { file: fixture.name });
        const pupils = fixturePupils.get(fixture.name) ?? [];
        expect(result.issues, fixture.name).toEqual([]);
        expect(
          result.records.flatMap((r) => r.issues),
          fixture.name,
        ).toEqual([]);
        const read = result.records.map((r) => r.record);
        const want = pupils.map(expected);
        expect(read, fixture.name).toEqual(want);
      }
    }
  });

  it('never take MISA’s own Mã học sinh for the Ministry’s pupil code (by default)', async () => {
    const result = await readAll(misaSchoolAdapter, schoolFile([row()]));
    expect(result.records[0]?.record).not.toHaveProperty('hocSinhId');
    expect(result.records[0]?.record).toEqual({
      hoTen: 'Nguyễn Văn An',
      ngaySinh: '2018-09-05',
      maGioiTinh: '1',
      maDanToc: '01',
      maCongDanId: '001218001234',
      maLop: '2A',
    });
  });

  it('take MISA’s code or the statistics code as hocSinhId only when asked', async () => {
    const misa = createMisaAdapters({ pupilCode: 'misa' });
    const statistics = createMisaAdapters({ pupilCode: 'statistics' });
    const file = schoolFile([row()]);
    expect((await readAll(misa.schoolSheet, file)).records[0]?.record['hocSinhId']).toBe(
      'HS0000001',
    );
    expect((await readAll(statistics.schoolSheet, file)).records[0]?.record['hocSinhId']).toBe(
      'TK250001',
    );
    const blank = await readAll(misa.schoolSheet, schoolFile([row({ 'Mã học sinh': null })]));
    expect(blank.records[0]?.issues).toEqual([
      expect.objectContaining({ field: 'hocSinhId', severity: 'error' }),
    ]);
    expect(() => createMisaAdapters({ pupilCode: 'ministry' as never })).toThrow(
      /pupilCode must be one of 'none', 'misa', 'statistics'/,
    );
  });

  it('turn ethnic names into DM_DAN_TOC codes, and keep unknown names as written', async () => {
    const result = await readAll(
      misaSchoolAdapter,
      schoolFile([
        row({ 'Dân tộc': 'Tày' }),
        row({ 'Dân tộc': 'MƯỜNG'.normalize('NFD') }),
        row({ 'Dân tộc': 'Dân tộc Thái' }),
        row({ 'Dân tộc': 5 }),
        row({ 'Dân tộc': 'Người ngoài hành tinh' }),
      ]),
    );
    expect(result.records.map((r) => r.record['maDanToc'])).toEqual([
      '02',
      '06',
      '03',
      '05',
      'Người ngoài hành tinh',
    ]);
  });

  it('use the catalogs they are given', async () => {
    const pack: CatalogPack = {
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name: 'my-template',
      codeSystems: [
        {
          id: 'DM_DAN_TOC',
          name: { vi: 'Dân tộc', en: 'Ethnic groups' },
          source: 'a template of my own',
          versions: [{ version: 'mine', source: 'test', entries: [{ code: '99', name: 'Kinh' }] }],
        },
      ],
    };
    const mine = createMisaAdapters({ catalogs: Catalogs.from([pack]) });
    const result = await readAll(mine.schoolSheet, schoolFile([row()]));
    expect(result.records[0]?.record['maDanToc']).toBe('99');
  });

  it('find the class of a one-class sheet in its name, or in its title for a copied sheet', async () => {
    const rows = (caption: string) => [
      [caption],
      [],
      [...CLASS_HEADER],
      row().slice(0, CLASS_HEADER.length),
    ];
    const file = writeXlsx([
      { name: '1A', rows: rows('DANH SÁCH HỌC SINH LỚP 9Z') }, // the name wins
      { name: 'Lớp 2B', rows: rows('') },
      { name: '3C (2)', rows: rows('DANH SÁCH HỌC SINH LỚP 3D') }, // a copy: the title says
      { name: '4A (2)', rows: rows('DANH SÁCH') }, // a copy without a class in its title
    ]);
    const result = await readAll(misaClassAdapter, file);
    expect(result.records.map((r) => [r.provenance.sheet, r.record['maLop']])).toEqual([
      ['1A', '1A'],
      ['Lớp 2B', '2B'],
      ['3C (2)', '3D'],
      ['4A (2)', '4A'],
    ]);
  });

  it('leave sheets not named for a class to the whole-school adapter', async () => {
    const file = schoolFile([row()], CLASS_HEADER);
    const result = await readAll(misaClassAdapter, file);
    expect(result.records).toEqual([]);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        problem: expect.stringMatching(/No sheet of this file looks like a MISA EMIS/),
      }),
    ]);
  });

  it('skip class captions, repeated headers, title rows and phantom rows, saying why', async () => {
    const result = await readAll(
      misaSchoolAdapter,
      schoolFile([
        row(),
        ['Lớp 2B'],
        SCHOOL_HEADER,
        row({ Lớp: { text: '2B' } }),
        ['', '', ' ', ''],
      ]),
    );
    expect(result.records.map((r) => [r.provenance.row, r.record['maLop']])).toEqual([
      [3, '2A'],
      [6, '2B'],
    ]);
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1, 'title'],
      [4, 'caption'],
      [5, 'repeated-header'],
      [7, 'empty'],
    ]);
  });

  it('report a blank class in the whole-school form on its row', async () => {
    const result = await readAll(misaSchoolAdapter, schoolFile([row({ Lớp: null })]));
    expect(result.records[0]?.issues).toEqual([
      {
        code: 'required-blank',
        field: 'maLop',
        column: 'I',
        problem: 'The required field maLop is blank.',
        severity: 'error',
      },
    ]);
  });

  describe('unhappy paths', () => {
    it('refuses a sheet without the name column, saying which column is missing', async () => {
      const header = SCHOOL_HEADER.filter((h) => h !== 'Họ và tên');
      const result = await readAll(misaSchoolAdapter, schoolFile([row().slice(0, 8)], header));
      expect(result.records).toEqual([]);
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          problem: expect.stringMatching(
            /required field hoTen: expected a header like 'Họ và tên'/,
          ),
        }),
      );
      expect(result.issues).toContainEqual(
        expect.objectContaining({ problem: expect.stringMatching(/lacks the required column/) }),
      );
    });

    it('refuses a whole-school sheet without its class column', async () => {
      const result = await readAll(
        misaSchoolAdapter,
        schoolFile([row().slice(0, CLASS_HEADER.length)], CLASS_HEADER),
      );
      expect(result.records).toEqual([]);
      expect(result.issues).toContainEqual(
        expect.objectContaining({ problem: expect.stringMatching(/required field maLop/) }),
      );
    });

    it('reads a sheet that lacks an optional column, with a warning naming it', async () => {
      const header = SCHOOL_HEADER.filter((h) => h !== 'Dân tộc');
      const values = row();
      values.splice(SCHOOL_HEADER.indexOf('Dân tộc'), 1);
      const result = await readAll(misaSchoolAdapter, schoolFile([values], header));
      expect(result.records).toHaveLength(1);
      expect(result.records[0]?.record).not.toHaveProperty('maDanToc');
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          problem: expect.stringMatching(/has no column for .*maDanToc/),
        }),
      );
    });

    it('reports a bad sex value on its cell and leaves the field out', async () => {
      const result = await readAll(
        misaSchoolAdapter,
        schoolFile([row({ 'Giới tính': 'Trai' }), row({ 'Giới tính': 'x' })]),
      );
      for (const record of result.records) {
        expect(record.record).not.toHaveProperty('maGioiTinh');
        expect(record.issues).toEqual([
          expect.objectContaining({
            field: 'maGioiTinh',
            column: 'F',
            severity: 'error',
            problem: expect.stringMatching(/is not a sex: expected Nam or Nữ/),
          }),
        ]);
      }
    });

    it('reports impossible dates and years typed alone', async () => {
      const result = await readAll(
        misaSchoolAdapter,
        schoolFile([row({ 'Ngày sinh': '31/02/2018' }), row({ 'Ngày sinh': 2018 })]),
      );
      expect(result.records.map((r) => r.record['ngaySinh'])).toEqual([undefined, undefined]);
      expect(result.records.map((r) => r.issues[0]?.field)).toEqual(['ngaySinh', 'ngaySinh']);
      expect(result.records[1]?.issues[0]?.problem).toMatch(/looks like a year/);
    });

    it('restores the leading zero of a personal ID stored as a number', async () => {
      const result = await readAll(
        misaSchoolAdapter,
        schoolFile([row({ 'Số định danh cá nhân': 1218001234 })]),
      );
      expect(result.records[0]?.record['maCongDanId']).toBe('001218001234');
      expect(result.records[0]?.issues).toEqual([]);
    });

    it('pads an 11-digit personal ID, which the rules engine then reports without showing it', async () => {
      // The valid 001218001234 with its century-and-sex digit left out: padded to 12 digits, it
      // no longer agrees with the pupil's birth year and sex.
      const result = await readAll(
        misaSchoolAdapter,
        schoolFile([row({ 'Số định danh cá nhân': { text: '00118001234' } })]),
      );
      expect(result.records[0]?.record['maCongDanId']).toBe('000118001234');
      const report = await validate(
        result.records.map((r) => ({
          entity: r.entity,
          record: { hocSinhId: '0100000100001', ...r.record },
          provenance: r.provenance,
        })),
        { asOf: '2026-05-31' },
      );
      const personal = report.issues.filter((i) => i.ruleId.startsWith('ID.PERSONAL'));
      expect(personal.map((i) => i.ruleId)).toContain('ID.PERSONAL.002');
      expect(personal.some((i) => i.severity === 'error')).toBe(true);
      expect(JSON.stringify(report.issues)).not.toMatch(/000118001234|00118001234/);
    });

    it('keeps a personal ID of the wrong length as written, and never shows it in an issue', async () => {
      const result = await readAll(
        misaSchoolAdapter,
        schoolFile([
          row({ 'Số định danh cá nhân': { text: '0012180012345' } }),
          row({ 'Số định danh cá nhân': '1.21800123E+11' }),
          row({ 'Số định danh cá nhân': 1218001234, 'Dân tộc': 1218001234 }),
        ]),
      );
      expect(result.records.map((r) => r.record['maCongDanId'])).toEqual([
        '0012180012345',
        undefined,
        '001218001234',
      ]);
      expect(result.records[1]?.issues).toEqual([
        expect.objectContaining({ field: 'maCongDanId', severity: 'error' }),
      ]);
      expect(shown(result)).not.toMatch(/1218001234|121800123/);
    });

    it('survives hostile headers and cells without polluting objects', async () => {
      const header = ['__proto__', ...SCHOOL_HEADER, 'constructor', 'x'.repeat(10_000)];
      const values = ['{"polluted":1}', ...row({ 'Họ và tên': 'Lê '.repeat(4_000) }), 'x', 'y'];
      const file = writeXlsx([
        { name: 'Toàn trường', rows: [[`Lớp ${'1A'.repeat(5_000)}`], header, values] },
      ]);
      const result = await readAll(misaSchoolAdapter, file);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(result.records).toHaveLength(1);
      const record = result.records[0]?.record ?? {};
      expect(Object.keys(record).sort()).toEqual(
        ['hoTen', 'maCongDanId', 'maDanToc', 'maGioiTinh', 'maLop', 'ngaySinh'].sort(),
      );
      expect(String(record['hoTen']).length).toBeGreaterThan(10_000);
    });

    it('rejects files that are not spreadsheets, or damaged, with a typed AdapterError', async () => {
      const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
      const errors = await Promise.all(
        [pdf, new Uint8Array(0), schoolFile([row()]).subarray(0, 200)].map((bytes) =>
          readAll(misaSchoolAdapter, bytes).then(
            () => undefined,
            (e: unknown) => e,
          ),
        ),
      );
      for (const error of errors) expect(error).toBeInstanceOf(AdapterError);
      expect(errors.map((e) => (e as AdapterError).code)).toEqual([
        'wrong-file-type',
        'empty-file',
        'corrupt-file',
      ]);
    });
  });

  describe('detection', () => {
    it('ranks the one-sheet-per-class adapter first on its files, and the whole-school one on its', async () => {
      for (const { adapter, fixtures } of await adapterFixtures()) {
        for (const fixture of fixtures) {
          const [best, second] = await detectAdapter(fixture.bytes, misaAdapters, {
            file: fixture.name,
          });
          expect(best?.adapter.id, fixture.name).toBe(adapter.id);
          expect(best?.confidence ?? 0, fixture.name).toBeGreaterThan(second?.confidence ?? 0);
        }
      }
    });

    it('does not take another vendor’s pupil list for a MISA one', async () => {
      const k12 = writeXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['Họ và tên (*)', 'Giới tính (*)', 'Lớp (*)', 'Ngày sinh (*)', 'Họ và tên mẹ (*)'],
            ['Trần Văn Bình', 'Nam', '1A', '12/03/2019', 'Phạm Thị Lan'],
          ],
        },
      ]);
      const ranked = await detectAdapter(k12, misaAdapters);
      expect(Math.max(...ranked.map((d) => d.confidence))).toBeLessThanOrEqual(0.5);
    });
  });

  it('reads any birth date back, whether typed as text, a date cell or a plain serial', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('text', 'date', 'serial'),
        async (date, style) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          const serial = Math.round(
            (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000,
          );
          const cell: CellInput =
            style === 'text' ? `${d}/${m}/${y}` : style === 'date' ? { date: iso } : serial;
          const result = await readAll(misaSchoolAdapter, schoolFile([row({ 'Ngày sinh': cell })]));
          expect(result.records[0]?.record['ngaySinh']).toBe(iso);
        },
      ),
      { numRuns: 40 },
    );
  });
});
