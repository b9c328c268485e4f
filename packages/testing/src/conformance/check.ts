import { parseConformanceSet } from './parse.ts';
import type {
  ConformanceCase,
  ConformanceExpectation,
  ConformanceOptions,
  ConformanceRecord,
  ConformanceSet,
} from './types.ts';

/** What {@link checkConformance} reads of each issue a validator reports. */
export interface ReportedIssue {
  /** The rule's id (`'ID.UNIQUE.001'`). */
  readonly ruleId: string;
  /** `'error'` or `'query'`. */
  readonly severity: string;
}

/** What a validator gives back: its issues, or an object holding them (a `Report` of @eduvn/rules). */
export type ConformanceOutcome = readonly ReportedIssue[] | IssuesHolder;

/** An object holding the issues a validator found, such as a `Report` of @eduvn/rules. */
export interface IssuesHolder {
  /** The issues. */
  readonly issues: readonly ReportedIssue[];
}

/**
 * The implementation under test: validates one case's records (wire objects, as the API takes
 * them) with the case's options and gives back the issues it found. May be async. Each call gets
 * its own copy of the records.
 */
export type ConformanceValidator = (
  records: readonly ConformanceRecord[],
  options: ConformanceOptions,
  testCase: ConformanceCase,
) => ConformanceOutcome | Promise<ConformanceOutcome>;

/** A case where the validator did not report exactly what the set expects. */
export interface ConformanceMismatch {
  /** The case's id. */
  readonly caseId: string;
  /** What the set expects. */
  readonly expected: ConformanceExpectation;
  /** What the validator reported (empty when it failed). */
  readonly actual: ConformanceExpectation;
  /** Expected but not reported, as `'error STD.SCHEMA.001'` / `'query DQ.NAME.001'`. */
  readonly missing: readonly string[];
  /** Reported but not expected, in the same form. */
  readonly unexpected: readonly string[];
  /** Present when the validator threw or gave back something unreadable: what happened. */
  readonly failure?: string;
}

/** Options of {@link checkConformance}. */
export interface CheckConformanceOptions {
  /**
   * Which cases to run (default: all). E.g. `(c) => c.scope === 'record'` for an API that checks
   * one record per write.
   */
  readonly filter?: (testCase: ConformanceCase) => boolean;
}

const NONE: ConformanceExpectation = Object.freeze({ errors: [], queries: [] });

/** Rule ids once each, sorted by code unit (the order of the published files). */
const sorted = (ids: Iterable<string>): string[] =>
  [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function readOutcome(outcome: unknown): ConformanceExpectation {
  const list = Array.isArray(outcome)
    ? outcome
    : typeof outcome === 'object' &&
        outcome !== null &&
        Array.isArray((outcome as { issues?: unknown }).issues)
      ? (outcome as { issues: unknown[] }).issues
      : undefined;
  if (list === undefined) {
    throw new TypeError(
      'the validator must give back an array of issues or an object with `issues`',
    );
  }
  const errors: string[] = [];
  const queries: string[] = [];
  list.forEach((issue: unknown, i) => {
    const o = (typeof issue === 'object' && issue !== null ? issue : {}) as Record<string, unknown>;
    const ruleId = o['ruleId'];
    if (typeof ruleId !== 'string' || ruleId === '') {
      throw new TypeError(`issue ${i} has no ruleId (a non-empty string)`);
    }
    if (o['severity'] === 'error') errors.push(ruleId);
    else if (o['severity'] === 'query') queries.push(ruleId);
    else
      throw new TypeError(
        `issue ${i} (${ruleId.slice(0, 60)}) has a severity other than 'error' or 'query'`,
      );
  });
  return { errors: sorted(errors), queries: sorted(queries) };
}

function differences(expected: ConformanceExpectation, actual: ConformanceExpectation) {
  const missing: string[] = [];
  const unexpected: string[] = [];
  for (const severity of ['error', 'query'] as const) {
    const key = severity === 'error' ? 'errors' : 'queries';
    const want = new Set(expected[key]);
    const got = new Set(actual[key]);
    for (const id of want) if (!got.has(id)) missing.push(`${severity} ${id}`);
    for (const id of got) if (!want.has(id)) unexpected.push(`${severity} ${id}`);
  }
  return { missing, unexpected };
}

const describeFailure = (error: unknown): string =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/**
 * Runs a validator over every case of a conformance set and gives back the cases where it did not
 * report exactly the expected rule ids — each with what was expected, what was reported, and the
 * difference. An empty array means the validator conforms. Cases run one after another; a
 * validator that throws (or gives back something that is not a list of issues) on one case is
 * that case's mismatch, and the run goes on.
 *
 * Compares rule ids by severity, each counted once: how many issues a rule reports and where are
 * not compared. The set is checked first with {@link parseConformanceSet} (a malformed set throws
 * a {@link ConformanceSetError}).
 *
 * @example
 * ```ts
 * // In your test suite: does your validator agree with the standard's conformance set?
 * const mismatches = await checkConformance(conformanceSet('records'), async (records, options) => {
 *   const response = await myApi.validate(records, options); // your implementation
 *   return response.issues; // [{ ruleId, severity }, …]
 * });
 * expect(mismatches).toEqual([]);
 * ```
 */
export async function checkConformance(
  set: ConformanceSet,
  validator: ConformanceValidator,
  options: CheckConformanceOptions = {},
): Promise<ConformanceMismatch[]> {
  if (typeof validator !== 'function') {
    throw new TypeError('checkConformance: the validator must be a function');
  }
  const { cases } = parseConformanceSet(set);
  const mismatches: ConformanceMismatch[] = [];
  for (const testCase of cases) {
    if (options.filter && !options.filter(testCase)) continue;
    let actual: ConformanceExpectation;
    try {
      actual = readOutcome(
        await validator(structuredClone(testCase.records), { ...testCase.options }, testCase),
      );
    } catch (error) {
      mismatches.push({
        caseId: testCase.id,
        expected: testCase.expect,
        actual: NONE,
        ...differences(testCase.expect, NONE),
        failure: describeFailure(error),
      });
      continue;
    }
    const { missing, unexpected } = differences(testCase.expect, actual);
    if (missing.length > 0 || unexpected.length > 0) {
      mismatches.push({
        caseId: testCase.id,
        expected: testCase.expect,
        actual,
        missing,
        unexpected,
      });
    }
  }
  return mismatches;
}
