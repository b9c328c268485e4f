import { generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import { describe, expect, it } from 'vitest';
import { runRulesSync } from './core/engine.ts';
import { changeRules } from './rules/change.ts';
import { validate, validateSync } from './validate.ts';

describe('validateSync', () => {
  it('gives the report validate gives, planted problems included', async () => {
    const school = generateSchool({ seed: 11, province: '79', pupils: 90 });
    const { records } = plantProblems(recordsOf(school), { seed: 3, rate: 0.05 });
    const options = { asOf: '2026-05-31' };
    const sync = validateSync(records, options);
    expect(sync.issues.length).toBeGreaterThan(0);
    expect(sync).toEqual(await validate(records, options));
  }, 30_000);

  it('runs change rules against a previous snapshot given as an iterable', () => {
    const school = generateSchool({ seed: 12, province: '79', pupils: 30 });
    const previous = recordsOf(school);
    const current = previous.filter(
      (r) => r.entity !== 'HocSinh' || r.record['hocSinhId'] !== school.hocSinhs[0]?.hocSinhId,
    );
    const report = runRulesSync(current, changeRules, {
      asOf: '2026-05-31',
      previous: new Set(previous),
    });
    expect(report.issues.map((i) => i.ruleId)).toEqual(['CHANGE.MISSING.001']);
  });

  it('reads any synchronous iterable, a generator included', () => {
    function* gen() {
      yield { entity: 'Nope', record: {} };
    }
    expect(validateSync(gen(), { asOf: '2026-05-31' }).issues.map((i) => i.ruleId)).toEqual([
      'STD.ENTITY.001',
    ]);
  });
});
