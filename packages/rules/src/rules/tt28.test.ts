import { type FixtureRecord, generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import type { HocSinh, Lop } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { acknowledge } from '../core/acknowledge.ts';
import { type EngineOptions, runRules } from '../core/engine.ts';
import type { Report } from '../core/report.ts';
import type { InputRecord } from '../core/types.ts';
import { ageFacts, lateEntryReason, tt28Rules } from './tt28.ts';

const ASOF = { asOf: '2026-05-31' } as const; // school year 2025-2026

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

let seq = 0;
function pupil(maKhoi: string, birthYear: number, extra: Partial<HocSinh> = {}): Mutable<HocSinh> {
  seq++;
  return {
    truongId: '79000701',
    hocSinhId: `HS${String(seq).padStart(4, '0')}`,
    hoTen: 'Nguyễn Văn An',
    maKhoi,
    maLop: `${maKhoi}A`,
    ngaySinh: `${birthYear}-03-15`,
    maTrangThaiHienTai: 'DANG_HOC',
    maDanToc: '01',
    quocTichId: 'VN',
    ...extra,
  };
}

const asItems = (records: readonly HocSinh[]): InputRecord[] =>
  records.map((record) => ({ entity: 'HocSinh', record }));

function run(records: readonly InputRecord[], options: EngineOptions = {}): Promise<Report> {
  return runRules(records, tt28Rules, { ...ASOF, ...options });
}

async function found(...records: HocSinh[]): Promise<string[]> {
  return (await run(asItems(records))).issues.map((i) =>
    `${i.ruleId} ${i.severity} ${i.field ?? ''}`.trim(),
  );
}

describe('TT28 age rules (Art. 33)', () => {
  it('has well-formed ids and bases', () => {
    expect(tt28Rules.map((r) => r.id)).toEqual([
      'TT28.AGE.001',
      'TT28.AGE.002',
      'TT28.AGE.003',
      'TT28.CLASS.001',
    ]);
    expect(tt28Rules.map((r) => r.basis)).toEqual([
      'TT 28/2020 Art. 33',
      'TT 28/2020 Art. 33',
      'TT 28/2020 Art. 33',
      'TT 28/2020',
    ]);
  });

  it('passes pupils of the normal age of their grade, by calendar year', async () => {
    // 2025 − 2019 = 6 in grade 1, whatever the day of birth; 2025 − 2015 = 10 in grade 5.
    expect(
      await found(pupil('1', 2019), pupil('1', 2019, { ngaySinh: '2019-12-31' }), pupil('5', 2015)),
    ).toEqual([]);
  });

  it('TT28.AGE.001: younger than the grade (error)', async () => {
    expect(await found(pupil('1', 2020))).toEqual(['TT28.AGE.001 error ngaySinh']);
    const report = await run(asItems([pupil('3', 2018)]));
    expect(report.issues[0]?.message.en).toBe(
      'The pupil is 7 by calendar year, younger than the age of grade 3 (8)',
    );
  });

  it('TT28.AGE.002: 1–3 years older without a recorded reason (query)', async () => {
    expect(await found(pupil('1', 2018))).toEqual(['TT28.AGE.002 query ngaySinh']);
    expect(await found(pupil('1', 2016))).toEqual(['TT28.AGE.002 query ngaySinh']);
    const report = await run(asItems([pupil('2', 2016)]));
    expect(report.issues[0]?.message.en).toBe(
      'The pupil is 9 by calendar year, 2 year(s) older than the age of grade 2 (7), with no reason Art. 33 accepts recorded',
    );
  });

  it('TT28.AGE.002: the recorded reasons that count', async () => {
    const reasons: Partial<HocSinh>[] = [
      { maLoaiKhuyetTat: '5' },
      { isKhuyetTatKhongDanhGia: true },
      { maDanToc: '04' },
      { quocTichId: 'KR' },
      { isVungKk: true },
    ];
    for (const extra of reasons) {
      const p = pupil('1', 2016, extra);
      expect(lateEntryReason(p)).toBe(Object.keys(extra)[0]);
      expect(await found(p)).toEqual([]);
    }
    // Not reasons: a Kinh pupil, Vietnamese nationality, a numeric nationality code, empty codes.
    for (const extra of [
      { maDanToc: '01' },
      { quocTichId: '704' },
      { maLoaiKhuyetTat: '' },
      { isVungKk: false },
    ]) {
      expect(lateEntryReason(pupil('1', 2016, extra))).toBeUndefined();
    }
  });

  it('TT28.AGE.002: a repeat last year explains one year', async () => {
    expect(await found(pupil('2', 2017, { isLuuBanNamTruoc: true }))).toEqual([]);
    expect(await found(pupil('2', 2016, { isLuuBanNamTruoc: true }))).toEqual([
      'TT28.AGE.002 query ngaySinh',
    ]);
    expect(ageFacts(pupil('2', 2016, { isLuuBanNamTruoc: true }), 2025)).toEqual({
      grade: 2,
      age: 9,
      normalAge: 7,
      offset: 2,
      yearsLate: 1,
    });
  });

  it('TT28.AGE.003: more than 3 years older is an error even with a reason (no field records a decision)', async () => {
    // Grade 1 at 10 (the issue's "≥ 10 without a recorded decision"), and grade 3 at 12.
    expect(await found(pupil('1', 2015))).toEqual(['TT28.AGE.003 error ngaySinh']);
    expect(await found(pupil('1', 2015, { maDanToc: '04', maLoaiKhuyetTat: '1' }))).toEqual([
      'TT28.AGE.003 error ngaySinh',
    ]);
    expect(await found(pupil('3', 2013))).toEqual(['TT28.AGE.003 error ngaySinh']);
    // 4 years, one of them a recorded repeat: 3 years late, a reason needed.
    expect(await found(pupil('3', 2013, { isLuuBanNamTruoc: true }))).toEqual([
      'TT28.AGE.002 query ngaySinh',
    ]);
    expect(await found(pupil('3', 2013, { isLuuBanNamTruoc: true, maDanToc: '04' }))).toEqual([]);
  });

  it('TT28.AGE.003: with a decision, the severity can be lowered to a query and acknowledged', async () => {
    const p = pupil('1', 2014);
    const options: EngineOptions = { rules: { severity: { 'TT28.AGE.003': 'query' } } };
    const first = await run(asItems([p]), options);
    expect(first.passes).toBe(false);
    const ack = acknowledge(first, {
      ruleId: 'TT28.AGE.003',
      recordKey: p.hocSinhId,
      note: 'Quyết định số 12/QĐ-PGDĐT cho phép học lớp 1',
      by: 'hieu.truong',
      at: '2026-05-31T08:00:00Z',
    });
    const second = await run(asItems([p]), { ...options, acknowledgements: [ack] });
    expect(second.passes).toBe(true);
    expect(second.issues[0]?.acknowledged?.note).toContain('Quyết định');
  });

  it('leaves out pupils who completed primary, and records without a grade or an ISO birth date', async () => {
    expect(
      await found(
        pupil('5', 2010, { maTrangThaiHienTai: 'HOAN_THANH_TIEU_HOC' }),
        pupil('6', 2010),
        pupil('1', 2010, { ngaySinh: '2010-02-30' }),
      ),
    ).toEqual([]);
    // Pupils who left still state their grade: checked, like those on leave.
    for (const status of ['CHUYEN_DI', 'THOI_HOC', 'TAM_NGHI']) {
      expect(await found(pupil('1', 2020, { maTrangThaiHienTai: status }))).toEqual([
        'TT28.AGE.001 error ngaySinh',
      ]);
    }
  });
});

function lop(ma: string): Lop {
  return { truongId: '79000701', ma, ten: ma, maKhoi: ma.slice(0, 1) };
}

function classOf(ma: string, active: number, statuses: readonly string[] = []): HocSinh[] {
  const out: HocSinh[] = [];
  for (let i = 0; i < active; i++)
    out.push(pupil(ma.slice(0, 1), 2025 - 5 - Number(ma.slice(0, 1)), { maLop: ma }));
  for (const s of statuses) {
    out.push(
      pupil(ma.slice(0, 1), 2025 - 5 - Number(ma.slice(0, 1)), {
        maLop: ma,
        maTrangThaiHienTai: s,
      }),
    );
  }
  return out;
}

describe('TT28.CLASS.001 (class size)', () => {
  it('queries a class of more than 35 active pupils, on the class record with its provenance', async () => {
    const items: InputRecord[] = [
      { entity: 'Lop', record: lop('1A'), provenance: { file: 'lop.xlsx', sheet: 'Lớp', row: 3 } },
      { entity: 'Lop', record: lop('1B') },
      ...asItems(classOf('1A', 36, ['CHUYEN_DI', 'THOI_HOC'])),
      // 35 active (transfers in, returns and leaves count) and two who left: not over.
      ...asItems(
        classOf('1B', 32, [
          'CHUYEN_DEN',
          'HOC_LAI',
          'TAM_NGHI',
          'CHUYEN_DI',
          'HOAN_THANH_TIEU_HOC',
        ]),
      ),
    ];
    const report = await run(items);
    expect(report.issues).toHaveLength(1);
    const issue = report.issues[0];
    expect(issue).toMatchObject({
      ruleId: 'TT28.CLASS.001',
      severity: 'query',
      basis: 'TT 28/2020',
      entity: 'Lop',
      recordKey: '79000701/1A',
      classCode: '1A',
      location: { file: 'lop.xlsx', sheet: 'Lớp', row: 3 },
    });
    expect(issue?.message.en).toBe('Class 1A has 36 pupils, more than the maximum of 35');
    expect(report.summary.byClass['1A']).toEqual({ error: 0, query: 1, acknowledged: 0 });
  });

  it('uses settings.maxClassSize, and reports a class whose record is not in the input', async () => {
    const report = await run(asItems(classOf('2C', 31)), { maxClassSize: 30 });
    expect(report.issues.map((i) => [i.ruleId, i.recordKey, i.location])).toEqual([
      ['TT28.CLASS.001', '79000701/2C', undefined],
    ]);
    expect((await run(asItems(classOf('2C', 35)))).issues).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated schools: the expectations below are computed from the pupil records directly.

const ACTIVE = new Set(['DANG_HOC', 'CHUYEN_DEN', 'HOC_LAI', 'TAM_NGHI']);

function expectedAgeQueries(records: readonly FixtureRecord[]): string[] {
  const out: string[] = [];
  for (const r of records) {
    if (r.entity !== 'HocSinh') continue;
    const p = r.record;
    if (p.maTrangThaiHienTai === 'HOAN_THANH_TIEU_HOC' || p.ngaySinh === undefined) continue;
    const older = 2025 - Number(p.ngaySinh.slice(0, 4)) - (5 + Number(p.maKhoi));
    const late = older - (p.isLuuBanNamTruoc ? 1 : 0);
    const reason =
      p.maLoaiKhuyetTat !== undefined ||
      p.isKhuyetTatKhongDanhGia === true ||
      (p.maDanToc !== undefined && p.maDanToc !== '01') ||
      (p.quocTichId !== undefined && p.quocTichId !== 'VN') ||
      p.isVungKk === true;
    if (late >= 1 && late <= 3 && !reason) out.push(p.hocSinhId);
  }
  return out.sort();
}

function expectedFullClasses(records: readonly FixtureRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.entity !== 'HocSinh' || !ACTIVE.has(r.record.maTrangThaiHienTai ?? 'DANG_HOC')) continue;
    const key = `${r.record.truongId}/${r.record.maLop}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n > 35)
    .map(([key]) => key)
    .sort();
}

const keysOf = (report: Report, ruleId: string): string[] =>
  report.issues
    .filter((i) => i.ruleId === ruleId)
    .map((i) => i.recordKey)
    .sort();

describe('tt28Rules on generated schools', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`a generated school (seed ${seed}) has no TT28 error, and queries only older pupils without a recorded reason`, async () => {
      // A larger share of older pupils than the default, so that every school has some.
      const records = recordsOf(generateSchool({ seed, pupils: 400, pupil: { olderShare: 0.08 } }));
      const report = await run(records as readonly InputRecord[]);
      expect(report.summary.bySeverity.error).toBe(0);
      const queries = expectedAgeQueries(records);
      expect(queries.length).toBeGreaterThan(5);
      expect(keysOf(report, 'TT28.AGE.002')).toEqual(queries);
      expect(keysOf(report, 'TT28.CLASS.001')).toEqual(expectedFullClasses(records));
      expect(report.issues.length).toBe(queries.length + expectedFullClasses(records).length);
    });
  }

  it('the default school has a few such queries and no full class', async () => {
    const records = recordsOf(generateSchool({ seed: 5, pupils: 400 }));
    const report = await run(records as readonly InputRecord[]);
    expect(report.summary.bySeverity.error).toBe(0);
    const queries = expectedAgeQueries(records);
    expect(queries.length).toBeGreaterThan(0);
    expect(keysOf(report, 'TT28.AGE.002')).toEqual(queries);
    expect(keysOf(report, 'TT28.CLASS.001')).toEqual([]);
  });

  it('reports the planted ages and over-full classes on exactly the planted records', async () => {
    const records = recordsOf(generateSchool({ seed: 21, pupils: 400 }));
    const baseline = await run(records as readonly InputRecord[]);
    for (const seed of ['a', 'b', 'c']) {
      const { records: damaged, planted } = plantProblems(records, {
        kinds: ['age-outside-tt28', 'class-over-35'],
        rate: 0.05,
        seed,
      });
      const ages = planted
        .filter((p) => p.kind === 'age-outside-tt28')
        .map((p) => p.recordKey)
        .sort();
      const classes = planted
        .filter((p) => p.kind === 'class-over-35')
        .map((p) => p.recordKey)
        .sort();
      expect(ages.length).toBeGreaterThan(5);
      expect(classes.length).toBeGreaterThan(0);
      const report = await run(damaged as readonly InputRecord[]);
      const errors = report.issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.recordKey)
        .sort();
      expect(errors).toEqual(ages);
      expect(
        report.issues.filter((i) => i.severity === 'error').every((i) => i.field === 'ngaySinh'),
      ).toBe(true);
      expect(keysOf(report, 'TT28.CLASS.001')).toEqual(
        [...keysOf(baseline, 'TT28.CLASS.001'), ...classes].sort(),
      );
      // Queries on older pupils: the baseline's, less the planted ones, plus added children's.
      expect(keysOf(report, 'TT28.AGE.002')).toEqual(expectedAgeQueries(damaged));
    }
  });
});
