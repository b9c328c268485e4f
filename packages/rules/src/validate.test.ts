import { generateSchool, PROBLEM_KINDS, plantProblems, recordsOf } from '@eduvn/fixtures';
import { describe, expect, it } from 'vitest';
import { fromJSON, toJSON } from './format/json.ts';
import { toJUnit } from './format/junit.ts';
import { formatText } from './format/text.ts';
import { BUILT_IN_RULES } from './rules/index.ts';
import { validate } from './validate.ts';

const ASOF = '2026-05-31';

describe('validate (every built-in rule)', () => {
  const school = generateSchool({ seed: 8, pupils: 400, province: '79' });
  const records = recordsOf(school);

  it('finds no error in a coherent generated school; only queries a person must look at', async () => {
    const report = await validate(records, { asOf: ASOF });
    expect(report.summary.records).toBe(records.length);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Legitimately older pupils without a recorded reason are queries to acknowledge.
    for (const issue of report.issues)
      expect(['TT28.AGE.002', 'TT28.CLASS.001', 'DQ.PERSON.001']).toContain(issue.ruleId);
    // Change rules run only with a previous snapshot.
    expect(report.rules.length).toBe(
      BUILT_IN_RULES.filter((r) => !r.periods && r.scope !== 'change').length,
    );
  });

  it('runs the completeness rule set of each reporting period', async () => {
    for (const period of ['start-of-year', 'GK1', 'CK1', 'GK2', 'year-end'] as const) {
      const report = await validate(records, { asOf: ASOF, period, rules: { only: ['PERIOD.'] } });
      expect(report.issues, period).toEqual([]);
      expect(report.rules.length).toBeGreaterThan(0);
    }
    // Without assessments the assessment periods are incomplete.
    const noAssessments = records.filter((r) => r.entity !== 'DanhGiaHocSinh');
    const gk1 = await validate(noAssessments, {
      asOf: ASOF,
      period: 'GK1',
      rules: { only: ['PERIOD.'] },
    });
    expect(gk1.summary.bySeverity.error).toBeGreaterThan(300);
  });

  it('reports every planted problem, each on its planted record', async () => {
    const { records: damaged, planted } = plantProblems(records, {
      seed: 5,
      rate: 0.01,
      asOf: ASOF,
    });
    const report = await validate(damaged, { asOf: ASOF });
    const reported = new Set(report.issues.map((i) => i.recordKey));
    const missed = planted.filter(
      (p) => !reported.has(p.recordKey) && !reported.has(p.recordKey.split('/')[0] ?? ''),
    );
    expect(missed).toEqual([]);
    expect(new Set(planted.map((p) => p.kind)).size).toBe(PROBLEM_KINDS.length);
  });

  it('writes the report as text, JSON and JUnit XML', async () => {
    const { records: damaged } = plantProblems(records, {
      seed: 6,
      kinds: ['impossible-date', 'class-over-35'],
    });
    const report = await validate(damaged, { asOf: ASOF });
    expect(formatText(report)).toMatch(/lỗi|Lỗi/);
    expect(formatText(report, { lang: 'en' })).toMatch(/error/);
    expect(fromJSON(JSON.stringify(toJSON(report)))).toEqual(report);
    expect(toJUnit(report)).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  });

  it('never prints a full personal ID in any output', async () => {
    const { records: damaged } = plantProblems(records, {
      seed: 2,
      kinds: ['personal-id-year-mismatch', 'personal-id-sex-mismatch', 'duplicate-person'],
    });
    const report = await validate(damaged, { asOf: ASOF });
    const ids = school.hocSinhs
      .map((p) => p.maCongDanId)
      .filter((x): x is string => x !== undefined);
    const outputs = [
      formatText(report),
      formatText(report, { lang: 'en' }),
      JSON.stringify(toJSON(report)),
      toJUnit(report),
    ];
    for (const out of outputs) for (const id of ids) expect(out.includes(id)).toBe(false);
  });
});
