/**
 * For your test suites: published conformance sets of the QĐ 4998 standard (valid and invalid
 * records as wire objects, each labelled with exactly the rule ids validation must report) with a
 * runner for your own validator, and vitest matchers (`toConformTo`, `toFailRule`; registered by
 * `@eduvn/testing/vitest`). This entry point never imports vitest.
 *
 * @packageDocumentation
 */

export {
  type CheckConformanceOptions,
  type ConformanceMismatch,
  type ConformanceOutcome,
  type ConformanceValidator,
  checkConformance,
  type IssuesHolder,
  type ReportedIssue,
} from './conformance/check.ts';
export { inputRecordOf } from './conformance/decode.ts';
export { eduvnValidator } from './conformance/eduvn-validator.ts';
export { ConformanceSetError } from './conformance/errors.ts';
export { conformanceSet } from './conformance/load.ts';
export { parseConformanceSet } from './conformance/parse.ts';
export {
  CONFORMANCE_FORMAT,
  CONFORMANCE_FORMAT_VERSION,
  type ConformanceCase,
  type ConformanceExpectation,
  type ConformanceFault,
  type ConformanceOptions,
  type ConformanceProblem,
  type ConformanceRecord,
  type ConformanceScope,
  type ConformanceSet,
  type ConformanceSetName,
  type InvalidConformanceCase,
  type ValidConformanceCase,
} from './conformance/types.ts';
export type { EntityName } from './matchers/entity-name.ts';
export { type EduvnMatchersObject, eduvnMatchers } from './matchers/matchers.ts';
export { toConformTo } from './matchers/to-conform-to.ts';
export { toFailRule } from './matchers/to-fail-rule.ts';
export type { EduvnAssertions, EduvnAsymmetricMatchers, MatcherResult } from './matchers/types.ts';
