import { generateSchool, type PROBLEM_KIND_RULES, plantProblems, recordsOf } from '@eduvn/fixtures';
import { Catalogs } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { InputRecord } from '../core/types.ts';
import { encodePersonalId } from '../identifiers/personal-id.ts';
import { identifierRules } from './identifiers.ts';

const asOf = '2026-05-31';
const run = (records: readonly InputRecord[], options: Parameters<typeof runRules>[2] = {}) =>
  runRules(records, identifierRules, { asOf, ...options });

/** A pupil's personal ID agreeing with its birth year and sex. */
const pid = (birthYear: number, sex: '1' | '2', serial = '000123', prefix = '079'): string =>
  encodePersonalId({ prefix, birthYear, sex, serial });

const pupil = (fields: Record<string, unknown> = {}): InputRecord => ({
  entity: 'HocSinh',
  record: {
    truongId: '79000701',
    hocSinhId: '7900070120001',
    maLop: '1A',
    maKhoi: '1',
    hoTen: 'Nguyễn Văn An',
    ngaySinh: '2019-03-04',
    maGioiTinh: '1',
    maCongDanId: pid(2019, '1'),
    ...fields,
  },
});

const staff = (fields: Record<string, unknown> = {}): InputRecord => ({
  entity: 'CanBo',
  record: {
    truongId: '79000701',
    giaoVienId: '79000701GV001',
    hoTen: 'Trần Thị Bình',
    ngaySinh: '1985-11-20',
    maGioiTinh: '2',
    soCmtnd: pid(1985, '2', '555555', '001'),
    ...fields,
  },
});

const idsOf = async (records: readonly InputRecord[]) =>
  (await run(records)).issues.map(
    (i) => `${i.ruleId} ${i.recordKey}${i.field === undefined ? '' : ` ${i.field}`}`,
  );

describe('identifier rules on generated schools', () => {
  it.each([1, 2, 3])('find nothing in a coherent school (seed %i)', async (seed) => {
    const records = recordsOf(generateSchool({ seed, pupils: 200 }));
    const report = await run(records);
    expect(report.issues).toEqual([]);
    expect(report.summary.records).toBe(records.length);
  });

  it('find exactly the planted identifier problems', async () => {
    const expected: Record<string, string> = {
      'personal-id-year-mismatch': 'ID.PERSONAL.002',
      'personal-id-sex-mismatch': 'ID.PERSONAL.003',
      'duplicate-identifier': 'ID.UNIQUE.001',
      'duplicate-person': 'ID.UNIQUE.002',
    };
    const kinds = Object.keys(expected) as (keyof typeof PROBLEM_KIND_RULES)[];
    for (const seed of [7, 8]) {
      const school = recordsOf(generateSchool({ seed, pupils: 200 }));
      const { records, planted } = plantProblems(school, { kinds, rate: 0.03, seed });
      expect(new Set(planted.map((p) => p.kind))).toEqual(new Set(kinds));
      const report = await run(records);
      const found = report.issues.map((i) => `${i.ruleId} ${i.entity} ${i.recordKey}`).sort();
      const wanted = planted.map((p) => `${expected[p.kind]} ${p.entity} ${p.recordKey}`).sort();
      expect(found).toEqual(wanted);
    }
  });

  it('never shows a full personal ID', async () => {
    const school = recordsOf(generateSchool({ seed: 4, pupils: 200 }));
    const { records } = plantProblems(school, {
      kinds: ['personal-id-year-mismatch', 'personal-id-sex-mismatch', 'duplicate-person'],
      rate: 0.05,
      seed: 4,
    });
    const report = await run(records);
    expect(report.issues.length).toBeGreaterThan(0);
    const text = JSON.stringify(report);
    for (const item of records) {
      const id = item.entity === 'HocSinh' ? item.record.maCongDanId : undefined;
      if (id !== undefined) expect(text).not.toContain(id);
    }
  });
});

describe('ID.FORM: Ministry identifiers are not blank and hold no white space', () => {
  it('passes opaque codes of any structure', async () => {
    expect(
      await idsOf([pupil({ hocSinhId: 'ABC-12/x', maLop: 'Lớp 1A'.replace(' ', '') })]),
    ).toEqual([]);
  });

  it('ID.FORM.001: a blank identifier or reference', async () => {
    expect(await idsOf([pupil({ maLop: '' })])).toEqual(['ID.FORM.001 7900070120001 maLop']);
    expect(await idsOf([{ entity: 'Lop', record: { truongId: '79000701', ma: '  ' } }])).toEqual([
      'ID.FORM.001 79000701/   ma',
    ]);
  });

  it('ID.FORM.002: white space or invisible characters, at the field and its column', async () => {
    const report = await run([
      {
        ...pupil({ hocSinhId: '7900070120001 ', truongId: '7900\u200b0701' }),
        provenance: { file: 'hs.xlsx', sheet: 'DS', row: 7, columns: { hocSinhId: 'D' } },
      },
    ]);
    expect(report.issues.map((i) => [i.ruleId, i.field, i.symbol])).toEqual([
      ['ID.FORM.002', 'truongId', 'TRUONG_ID'],
      ['ID.FORM.002', 'hocSinhId', 'HOC_SINH_ID'],
    ]);
    expect(report.issues[1]?.location).toEqual({
      file: 'hs.xlsx',
      sheet: 'DS',
      row: 7,
      column: 'D',
      cell: 'D7',
    });
    expect(report.issues[1]?.message.en).toContain('U+0020 at position 14');
    expect(report.issues[0]?.message.vi).toContain('U+200B');
  });

  it('checks references of other entities and sub-table rows', async () => {
    const found = await idsOf([
      {
        entity: 'Truong',
        record: {
          truongId: '79000701',
          diemTruongs: [{ diemTruongId: '01' }, { diemTruongId: '0 2' }],
        },
      },
      {
        entity: 'Lop',
        record: {
          truongId: '79000701',
          ma: '1A',
          giaoVienId: 'GV\t1',
          monHocs: [{ giaoVienId: '' }],
        },
      },
      {
        entity: 'SuKienTrangThai',
        record: {
          suKienId: 'e 1',
          doiTuong: 'HOC_SINH',
          truongId: '79000701',
          maDoiTuong: '\u00a0123',
          truongDenId: '7 9',
        },
      },
      {
        entity: 'DanhGiaHocSinh',
        record: { truongId: '79000701', hocSinhId: '1\n', namHoc: '2025-2026', kyDanhGia: 'CN' },
      },
    ]);
    expect(found).toEqual([
      'ID.FORM.002 79000701 diemTruongs.1.diemTruongId',
      'ID.FORM.001 79000701/1A monHocs.0.giaoVienId',
      'ID.FORM.002 79000701/1A giaoVienId',
      'ID.FORM.002 e 1 maDoiTuong',
      'ID.FORM.002 e 1 truongDenId',
      'ID.FORM.002 79000701/1\n/2025-2026/CN hocSinhId',
    ]);
  });
});

describe('ID.UNIQUE.001: record keys are unique', () => {
  it('passes distinct keys (the same class code in two schools is two classes)', async () => {
    expect(
      await idsOf([
        pupil(),
        pupil({ hocSinhId: '7900070120002', maCongDanId: pid(2019, '1', '000124') }),
        { entity: 'Lop', record: { truongId: '79000701', ma: '1A' } },
        { entity: 'Lop', record: { truongId: '79000702', ma: '1A' } },
      ]),
    ).toEqual([]);
  });

  it("reports each duplicate after the first, with the first's place", async () => {
    const report = await run([
      { ...pupil(), provenance: { file: 'hs.xlsx', sheet: 'HocSinh', row: 4 } },
      {
        ...pupil({ maCongDanId: pid(2019, '1', '999999') }),
        provenance: { file: 'hs.xlsx', sheet: 'HocSinh', row: 9 },
      },
      pupil({ maCongDanId: pid(2019, '1', '888888') }),
      staff(),
      staff({ soCmtnd: '012345678' }),
      { entity: 'Lop', record: { truongId: '79000701', ma: '1A' } },
      { entity: 'Lop', record: { truongId: '79000701', ma: '1A' } },
      { entity: 'Truong', record: { truongId: '79000701' } },
      { entity: 'Truong', record: { truongId: '79000701' } },
    ]);
    expect(
      report.issues.map((i) => `${i.ruleId} ${i.entity} ${i.recordKey} ${i.location?.row ?? '-'}`),
    ).toEqual([
      'ID.UNIQUE.001 HocSinh 7900070120001 9',
      'ID.UNIQUE.001 HocSinh 7900070120001 -',
      'ID.UNIQUE.001 CanBo 79000701GV001 -',
      'ID.UNIQUE.001 Lop 79000701/1A -',
      'ID.UNIQUE.001 Truong 79000701 -',
    ]);
    expect(report.issues[0]?.message.en).toBe(
      'The key 7900070120001 of HocSinh is used twice: it first appears at file hs.xlsx, sheet HocSinh, row 4',
    );
    expect(report.issues[0]?.message.vi).toContain('tệp hs.xlsx, trang HocSinh, dòng 4');
    expect(report.issues[3]?.message.en).toContain('record no. 6');
    expect(report.issues[0]?.field).toBe('hocSinhId');
    expect(report.issues[3]?.field).toBeUndefined();
  });
});

describe('ID.UNIQUE.002: one personal ID per pupil, one per staff member', () => {
  it('passes distinct personal IDs, and the same number on a pupil and a staff member', async () => {
    const shared = pid(2019, '1');
    expect(
      await idsOf([pupil(), staff({ soCmtnd: shared, ngaySinh: '2019-01-01', maGioiTinh: '1' })]),
    ).toEqual([]);
  });

  it('reports the second pupil or staff member, masked, with the first', async () => {
    const report = await run([
      { ...pupil(), provenance: { file: 'hs.xlsx', row: 3 } },
      pupil({ hocSinhId: '7900070120009' }),
      staff(),
      staff({ giaoVienId: '79000701GV002' }),
    ]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.recordKey} ${i.field}`)).toEqual([
      'ID.UNIQUE.002 7900070120009 maCongDanId',
      'ID.UNIQUE.002 79000701GV002 soCmtnd',
    ]);
    expect(report.issues[0]?.message.en).toBe(
      'The personal ID *********123 is already on pupil 7900070120001 (file hs.xlsx, row 3)',
    );
    expect(report.issues[1]?.message.vi).toContain('cán bộ 79000701GV001');
  });
});

describe('ID.PERSONAL: the personal ID number', () => {
  it('passes an ID agreeing with the birth year and sex, and a staff member with an old ID card', async () => {
    expect(
      await idsOf([
        pupil(),
        staff({ soCmtnd: '012345678' }),
        staff({ giaoVienId: 'X', soCmtnd: 'B1234567' }),
      ]),
    ).toEqual([]);
    expect(await idsOf([pupil({ maCongDanId: undefined })])).toEqual([]);
  });

  it('ID.PERSONAL.001: a pupil ID that is not 12 digits', async () => {
    const report = await run([pupil({ maCongDanId: '07921900012' })]);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['ID.PERSONAL.001']);
    expect(report.issues[0]?.message.en).toBe(
      'The personal ID ********012 is not exactly 12 digits (11 characters)',
    );
    expect(await idsOf([pupil({ maCongDanId: '07921900012x' })])).toEqual([
      'ID.PERSONAL.001 7900070120001 maCongDanId',
    ]);
    expect(await idsOf([pupil({ maCongDanId: '' })])).toEqual([
      'ID.PERSONAL.001 7900070120001 maCongDanId',
    ]);
  });

  it('ID.PERSONAL.002: the birth year differs from ngaySinh', async () => {
    const report = await run([
      pupil({ ngaySinh: '2018-12-31' }),
      staff({ ngaySinh: '1986-01-01' }),
    ]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.field}`)).toEqual([
      'ID.PERSONAL.002 maCongDanId',
      'ID.PERSONAL.002 soCmtnd',
    ]);
    expect(report.issues[0]?.message.en).toBe(
      'The personal ID *********123 encodes birth year 2019, not 2018 as the birth date says',
    );
    // The century counts: 1919 is not 2019.
    expect(await idsOf([pupil({ maCongDanId: pid(1919, '1') })])).toEqual([
      'ID.PERSONAL.002 7900070120001 maCongDanId',
    ]);
  });

  it('ID.PERSONAL.003: the sex differs from maGioiTinh', async () => {
    const report = await run([pupil({ maGioiTinh: '2' }), staff({ maGioiTinh: '1' })]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.field}`)).toEqual([
      'ID.PERSONAL.003 maCongDanId',
      'ID.PERSONAL.003 soCmtnd',
    ]);
    expect(report.issues[0]?.message.en).toBe(
      'The personal ID *********123 encodes the sex male, not female as recorded',
    );
    expect(report.issues[0]?.message.vi).toContain('giới tính Nam, khác giới tính đã khai (Nữ)');
    expect(await idsOf([pupil({ maGioiTinh: undefined })])).toEqual([]);
  });

  it('ID.PERSONAL.004: an unknown prefix is a query; old pre-2025 prefixes are known forever', async () => {
    // 031 Hải Phòng and 030 Hải Dương (merged into Hải Phòng in 2025) both stay valid.
    expect(await idsOf([pupil({ maCongDanId: pid(2019, '1', '000123', '030') })])).toEqual([]);
    expect(await idsOf([pupil({ maCongDanId: pid(2019, '1', '000123', '031') })])).toEqual([]);
    const report = await run([pupil({ maCongDanId: pid(2019, '1', '000123', '999') })]);
    expect(report.issues.map((i) => [i.ruleId, i.severity])).toEqual([
      ['ID.PERSONAL.004', 'query'],
    ]);
    expect(report.issues[0]?.message.en).toContain('prefix 999');
  });

  it('ID.PERSONAL.004 is skipped when the catalogs have no prefix list', async () => {
    const report = await run([pupil({ maCongDanId: pid(2019, '1', '000123', '999') })], {
      catalogs: Catalogs.from([]),
    });
    expect(report.issues).toEqual([]);
  });
});

describe('ID.PROVISIONAL: provisional pupil identifiers', () => {
  it('ID.PROVISIONAL.001: a grade-1 pupil may have one (a query, a reminder to re-key)', async () => {
    const report = await run([pupil({ hocSinhId: 'TAM-7900070100000001' })]);
    expect(report.issues.map((i) => [i.ruleId, i.severity, i.recordKey])).toEqual([
      ['ID.PROVISIONAL.001', 'query', 'TAM-7900070100000001'],
    ]);
    expect(await idsOf([pupil({ hocSinhId: 'TAM-1', maKhoi: undefined })])).toEqual([
      'ID.PROVISIONAL.001 TAM-1 hocSinhId',
    ]);
  });

  it('ID.PROVISIONAL.002: above grade 1 it is an error', async () => {
    const report = await run([pupil({ hocSinhId: 'TAM-1', maKhoi: '3' })]);
    expect(report.issues.map((i) => [i.ruleId, i.severity])).toEqual([
      ['ID.PROVISIONAL.002', 'error'],
    ]);
    expect(report.issues[0]?.message.en).toContain('grade-3 pupil');
  });

  it('an issued code is neither', async () => {
    expect(
      await idsOf([
        pupil({ maKhoi: '3' }),
        pupil({ hocSinhId: 'tam-1', maCongDanId: pid(2019, '1', '000999') }),
      ]),
    ).toEqual([]);
  });
});

describe('hostile input', () => {
  it('never throws, and reports what it can', async () => {
    const records: InputRecord[] = [
      pupil({ hocSinhId: '__proto__', maCongDanId: '__proto__' }),
      pupil({ hocSinhId: '__proto__', maCongDanId: null }),
      pupil({ hocSinhId: 'x'.repeat(10_000), maCongDanId: '1'.repeat(10_000), ngaySinh: null }),
      pupil({ hocSinhId: 'x'.repeat(10_000) }),
      pupil({
        hocSinhId: null,
        maLop: null,
        maKhoi: null,
        maGioiTinh: null,
        ngaySinh: null,
        truongId: null,
      }),
      pupil({ hocSinhId: 42, maCongDanId: 79219000123 }),
      { entity: 'HocSinh', record: {} },
      { entity: 'Lop', record: { truongId: {}, ma: [] } },
      {
        entity: 'Truong',
        record: { truongId: 'T', diemTruongs: [null, 'x', { diemTruongId: 5 }] },
      },
      { entity: 'Truong', record: { truongId: 'U', diemTruongs: 'not a list' } },
      { entity: 'constructor', record: { hocSinhId: '1' } },
      { entity: '__proto__', record: { hocSinhId: '1' } },
      {
        entity: 'HocSinh',
        record: JSON.parse('{"__proto__": {"hocSinhId": "p"}, "hocSinhId": "q"}'),
      },
      { entity: 'HocSinh', record: { hocSinhId: 'r' }, provenance: null as never },
    ];
    const report = await run(records);
    const byRule = report.issues.map((i) => i.ruleId);
    expect(byRule.filter((r) => r === 'ID.UNIQUE.001')).toHaveLength(2);
    // Two of the pupils above keep the default personal ID.
    expect(byRule.filter((r) => r === 'ID.UNIQUE.002')).toHaveLength(1);
    expect(byRule.filter((r) => r === 'ID.PERSONAL.001')).toHaveLength(2);
    for (const issue of report.issues) {
      expect(issue.message.vi.length).toBeLessThan(400);
      expect(issue.message.en.length).toBeLessThan(400);
    }
    expect(({} as Record<string, unknown>)['hocSinhId']).toBeUndefined();
  });
});
