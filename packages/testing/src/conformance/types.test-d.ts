import type { ProblemKind } from '@eduvn/fixtures';
import type { Report } from '@eduvn/rules';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ConformanceMismatch,
  type ConformanceOutcome,
  type ConformanceValidator,
  checkConformance,
} from './check.ts';
import { eduvnValidator } from './eduvn-validator.ts';
import { conformanceSet } from './load.ts';
import type { ConformanceCase, ConformanceProblem, ConformanceSet } from './types.ts';

describe('conformance types', () => {
  it('loads sets by name', () => {
    expectTypeOf(conformanceSet).parameter(0).toEqualTypeOf<'records'>();
    expectTypeOf(conformanceSet('records')).toEqualTypeOf<ConformanceSet>();
    // @ts-expect-error no such set
    conformanceSet('rules');
  });

  it('narrows a case by `valid`: only invalid cases carry a problem', () => {
    const c = {} as ConformanceCase;
    if (c.valid) {
      // @ts-expect-error a valid case has no problem
      void c.problem;
    } else {
      expectTypeOf(c.problem).toEqualTypeOf<ConformanceProblem>();
      expectTypeOf(c.problem.kind).toEqualTypeOf<ProblemKind>();
    }
  });

  it('runs any validator that gives back issues or a report, sync or async', () => {
    expectTypeOf(eduvnValidator).toEqualTypeOf<ConformanceValidator>();
    expectTypeOf<Report>().toExtend<ConformanceOutcome>();
    expectTypeOf(
      checkConformance({} as ConformanceSet, () => [{ ruleId: 'X.Y.001', severity: 'error' }]),
    ).toEqualTypeOf<Promise<ConformanceMismatch[]>>();
    void checkConformance({} as ConformanceSet, async (records, options, c) => {
      expectTypeOf(records[0]?.wire).toEqualTypeOf<
        import('@eduvn/standard').WireObject | undefined
      >();
      expectTypeOf(options.asOf).toBeString();
      expectTypeOf(c.id).toBeString();
      return { issues: [] };
    });
    // @ts-expect-error a validator must give back issues
    void checkConformance({} as ConformanceSet, () => 'ok');
  });
});
