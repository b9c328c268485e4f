import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type ConformanceValidator, checkConformance, type ReportedIssue } from './check.ts';
import { eduvnValidator } from './eduvn-validator.ts';
import { ConformanceSetError } from './errors.ts';
import { conformanceSet } from './load.ts';
import { parseConformanceSet } from './parse.ts';
import { smallSet } from './set.test-helper.ts';

const set = parseConformanceSet(smallSet());

/** A validator that answers each case with what the set expects, changed by `change`. */
const answering =
  (change: (issues: ReportedIssue[], caseId: string) => ReportedIssue[]): ConformanceValidator =>
  (_records, _options, testCase) =>
    change(
      [
        ...testCase.expect.errors.map((ruleId) => ({ ruleId, severity: 'error' })),
        ...testCase.expect.queries.map((ruleId) => ({ ruleId, severity: 'query' })),
      ],
      testCase.id,
    );

describe('checkConformance', () => {
  it('finds no mismatch for eduvn itself, nor for a validator that answers exactly', async () => {
    expect(await checkConformance(set, eduvnValidator)).toEqual([]);
    expect(
      await checkConformance(
        set,
        answering((issues) => issues),
      ),
    ).toEqual([]);
  });

  it('reports what a validator missed and what it added, by severity', async () => {
    const silent = await checkConformance(set, () => []);
    expect(silent.map((m) => [m.caseId, m.missing, m.unexpected])).toEqual([
      ['invalid/over-long-name/1', ['error STD.SCHEMA.001'], []],
      ['invalid/nfd-text/1', ['query DQ.NAME.001'], []],
      ['invalid/duplicate-identifier/1', ['error ID.UNIQUE.001'], []],
    ]);
    expect(silent[0]?.expected).toEqual({ errors: ['STD.SCHEMA.001'], queries: [] });
    expect(silent[0]?.actual).toEqual({ errors: [], queries: [] });

    const noisy = await checkConformance(
      set,
      answering((issues) => [...issues, { ruleId: 'DQ.NAME.001', severity: 'query' }]),
    );
    expect(noisy.map((m) => [m.caseId, m.unexpected])).toEqual([
      ['valid/HocSinh/1', ['query DQ.NAME.001']],
      ['invalid/over-long-name/1', ['query DQ.NAME.001']],
      ['invalid/duplicate-identifier/1', ['query DQ.NAME.001']],
    ]);

    const lenient = await checkConformance(
      set,
      answering((issues) => issues.map((i) => ({ ...i, severity: 'query' }))),
    );
    expect(lenient.find((m) => m.caseId === 'invalid/over-long-name/1')).toMatchObject({
      missing: ['error STD.SCHEMA.001'],
      unexpected: ['query STD.SCHEMA.001'],
    });
  });

  it('counts a rule once however many issues it reports, and reads a Report-like object', async () => {
    const many = await checkConformance(
      set,
      answering((issues) => ({ issues: [...issues, ...issues, ...issues] }) as never),
    );
    expect(many).toEqual([]);
  });

  it('records a validator that throws or answers nonsense as that case’s mismatch, and goes on', async () => {
    const calls: string[] = [];
    const result = await checkConformance(set, (_r, _o, c) => {
      calls.push(c.id);
      if (c.id === 'invalid/nfd-text/1') throw new Error('boom');
      if (c.id === 'valid/HocSinh/1') return undefined as never;
      if (c.id === 'invalid/over-long-name/1')
        return [{ ruleId: 'STD.SCHEMA.001', severity: 'warning' }];
      return [{ severity: 'error' }] as never;
    });
    expect(calls).toHaveLength(4);
    expect(result.map((m) => [m.caseId, m.failure])).toEqual([
      [
        'valid/HocSinh/1',
        'TypeError: the validator must give back an array of issues or an object with `issues`',
      ],
      [
        'invalid/over-long-name/1',
        "TypeError: issue 0 (STD.SCHEMA.001) has a severity other than 'error' or 'query'",
      ],
      ['invalid/nfd-text/1', 'Error: boom'],
      ['invalid/duplicate-identifier/1', 'TypeError: issue 0 has no ruleId (a non-empty string)'],
    ]);
    expect(result[2]?.missing).toEqual(['query DQ.NAME.001']);
  });

  it('runs only the cases the filter keeps', async () => {
    const validator = vi.fn(eduvnValidator);
    expect(await checkConformance(set, validator, { filter: (c) => c.scope === 'record' })).toEqual(
      [],
    );
    expect(validator.mock.calls.map((call) => call[2].id)).toEqual([
      'valid/HocSinh/1',
      'invalid/over-long-name/1',
      'invalid/nfd-text/1',
    ]);
  });

  it('gives each call its own copy of the records, and leaves the published set untouched', async () => {
    const published = conformanceSet('records');
    const before = JSON.stringify(published.cases[0]);
    await checkConformance(
      published,
      (records, options) => {
        (records[0]?.wire as Record<string, unknown>)['HO_TEN'] = 'changed';
        (options as { asOf: string }).asOf = '1999-01-01';
        return [];
      },
      { filter: (c) => c.id === published.cases[0]?.id },
    );
    expect(JSON.stringify(published.cases[0])).toBe(before);
  });

  it('hands records with hostile keys on as data', async () => {
    const hostile = smallSet();
    const text = JSON.stringify(hostile).replace(
      '"wire":{',
      '"wire":{"__proto__":{"polluted":true},',
    );
    const seen: boolean[] = [];
    const result = await checkConformance(
      JSON.parse(text),
      (records, options) => {
        seen.push(Object.hasOwn(records[0]?.wire ?? {}, '__proto__'));
        return eduvnValidator(records, options, undefined as never);
      },
      { filter: (c) => c.id === 'valid/HocSinh/1' },
    );
    expect(seen).toEqual([true]);
    // eduvn reports the unknown key: the valid case is no longer valid.
    expect(result.map((m) => m.unexpected)).toEqual([['error STD.SCHEMA.001']]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a malformed set and a validator that is not a function', async () => {
    await expect(checkConformance({ format: 'x' } as never, eduvnValidator)).rejects.toThrowError(
      ConformanceSetError,
    );
    const broken = smallSet();
    (broken.cases[1] as Record<string, unknown>)['records'] = 'none';
    await expect(checkConformance(broken as never, eduvnValidator)).rejects.toThrowError(
      /cases\[1\]\.records must be a non-empty array/,
    );
    await expect(checkConformance(set, 'validate' as never)).rejects.toThrowError(TypeError);
  });

  it('reports a mismatch exactly when the answered rule ids differ from the expected ones', async () => {
    const ids = ['STD.SCHEMA.001', 'DQ.NAME.001', 'ID.UNIQUE.001', 'TT28.AGE.002'];
    const issue = fc.record({
      ruleId: fc.constantFrom(...ids),
      severity: fc.constantFrom('error', 'query'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(issue, { maxLength: 6 }), async (answer) => {
        const mismatches = await checkConformance(set, () => answer);
        for (const c of set.cases) {
          const given = new Set(answer.map((i) => `${i.severity} ${i.ruleId}`));
          const wanted = new Set([
            ...c.expect.errors.map((id) => `error ${id}`),
            ...c.expect.queries.map((id) => `query ${id}`),
          ]);
          const m = mismatches.find((x) => x.caseId === c.id);
          const same = given.size === wanted.size && [...given].every((g) => wanted.has(g));
          expect(m === undefined).toBe(same);
          if (m) {
            expect(new Set(m.missing)).toEqual(new Set([...wanted].filter((w) => !given.has(w))));
            expect(new Set(m.unexpected)).toEqual(
              new Set([...given].filter((g) => !wanted.has(g))),
            );
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
