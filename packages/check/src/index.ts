/**
 * `@eduvn/check`: from a school's files to one report in one call, and the EQMS reports of
 * QĐ 4998 §2.5 computed from records.
 *
 * @packageDocumentation
 */
export { type DefaultAdapterOptions, defaultAdapters } from './adapters.ts';
export {
  checkFiles,
  DEFAULT_MAX_READING_ISSUES,
  DEFAULT_MIN_CONFIDENCE,
  DEFAULT_PROPOSE_ENTITIES,
} from './check-files.ts';
export * from './eqms/index.ts';
export { CheckOptionsError, type CheckOptionsErrorCode } from './errors.ts';
export * from './reports/index.ts';

export type {
  AdapterChoice,
  AssessmentPeriod,
  CheckIssue,
  CheckIssueLocation,
  CheckNotChecked,
  CheckOptions,
  CheckProgress,
  CheckReport,
  CheckSource,
  FileHints,
  FileInput,
  FileStatus,
  FileSummary,
  NodeByteStream,
} from './types.ts';
