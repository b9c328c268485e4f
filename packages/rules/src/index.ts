/**
 * The rules engine of eduvn: identifier, lifecycle and legal rules (TT 42, TT 27, TT 28, the
 * 48-hour push) over records of the QĐ 4998 standard, as data with stable ids, severities and
 * bilingual messages; reports that point at the cell, in text, JSON and JUnit XML; acknowledgements
 * of queries; state machines for pupils and staff; re-keying of provisional identifiers.
 *
 * @packageDocumentation
 */

export { ruleCatalogMarkdown } from './catalog.ts';
export { type AcknowledgeInput, AcknowledgementError, acknowledge } from './core/acknowledge.ts';
export { inBatches } from './core/batches.ts';
export {
  type EngineOptions,
  type RuleSelection,
  runRules,
  runRulesSync,
  type SyncEngineOptions,
  selectRules,
} from './core/engine.ts';
export { maskRecordKey, recordKeyOf } from './core/keys.ts';
export {
  MAX_LAYOUT_ENTITIES,
  MAX_LAYOUT_FIELDS,
  type NotChecked,
  type SourceLayout,
} from './core/layout.ts';
export { localize } from './core/localize.ts';
export type {
  AcknowledgedBy,
  Acknowledgement,
  Issue,
  IssueCounts,
  IssueLocation,
  Report,
} from './core/report.ts';
export {
  type ChangeRule,
  type DatasetContext,
  type DatasetRule,
  defineRule,
  type LayoutGap,
  type RecordContext,
  type RecordRule,
  type Rule,
  type RuleInfo,
  type RuleReferences,
} from './core/rule.ts';
export {
  DEFAULT_TT27_THRESHOLDS,
  defaultRuleCatalogs,
  resolveSettings,
  type SettingsInput,
} from './core/settings.ts';
export type {
  Finding,
  FindingTarget,
  InputRecord,
  Localized,
  Provenance,
  ReportingPeriod,
  RuleScope,
  RuleSettings,
  Severity,
  SyncTimes,
  Tt27Thresholds,
} from './core/types.ts';
export * from './format/index.ts';
export * from './identifiers/personal-id.ts';
export * from './identifiers/provisional.ts';
export * from './lifecycle/index.ts';
export {
  READING_RULE_CATALOG,
  READING_RULES,
  type ReadingCode,
  type ReadingIssueOptions,
  type ReadingProblem,
  type ReadingRuleId,
  type ReadingRuleInfo,
  readingIssue,
} from './reading.ts';
export * from './rules/catalogs.ts';
export * from './rules/change.ts';
export * from './rules/deadline.ts';
export * from './rules/identifiers.ts';
export { BUILT_IN_RULES, RETIRED_RULE_IDS } from './rules/index.ts';
export * from './rules/lifecycle.ts';
export * from './rules/periods.ts';
export * from './rules/quality.ts';
export * from './rules/schema.ts';
export * from './rules/tt27.ts';
export * from './rules/tt28.ts';
export * from './tt27/index.ts';
export { type ValidateOptions, validate, validateSync } from './validate.ts';
