/**
 * Report formatters: readable text in Vietnamese or English ({@link formatText}), a stable
 * versioned JSON document ({@link toJSON}, read back by {@link fromJSON}), and JUnit XML for CI
 * servers ({@link toJUnit}).
 *
 * @module
 */

export {
  fromJSON,
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  type ReportDocument,
  ReportFormatError,
  toJSON,
} from './json.ts';
export { type JUnitOptions, toJUnit, xmlAttribute, xmlText } from './junit.ts';
export {
  describeLocation,
  formatText,
  type GroupedIssues,
  groupIssues,
  groupOf,
  type IssueGroup,
  type ReportLanguage,
  type RuleIssues,
  safeText,
  type TextFormatOptions,
} from './text.ts';
