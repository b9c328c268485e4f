import {
  type EngineOptions,
  runRules,
  runRulesSync,
  type SyncEngineOptions,
} from './core/engine.ts';
import type { Report } from './core/report.ts';
import type { InputRecord } from './core/types.ts';
import { BUILT_IN_RULES } from './rules/index.ts';

/** Options of {@link validate}: settings, a previous snapshot, acknowledgements, rule selection. */
export type ValidateOptions = EngineOptions;

/**
 * Checks records against the standard and the law with every built-in rule (or a selection):
 * structure, identifiers and their immutability, lifecycles, TT27 results, TT28 ages and class
 * sizes, catalogs as of the date, the 48-hour push, data quality, and — with `period` — the
 * completeness rule set of a reporting period.
 *
 * `input` is an array, any iterable or an `AsyncIterable` (a reader's stream); record rules run as
 * records stream by and dataset rules keep only keys, so a province fits in bounded memory.
 *
 * @example
 * ```ts
 * const report = await validate(records, { asOf: '2026-05-31' });
 * if (!report.passes) console.log(formatText(report));
 * ```
 */
export function validate(
  input: Iterable<InputRecord> | AsyncIterable<InputRecord>,
  options: ValidateOptions = {},
): Promise<Report> {
  return runRules(input, BUILT_IN_RULES, options);
}

/**
 * {@link validate} over records already in memory (an array or any iterable), synchronously: the
 * same report without a promise, for a server checking a write inside a transaction or a test
 * matcher. Streams from files need {@link validate}.
 *
 * @example
 * ```ts
 * const report = validateSync([{ entity: 'HocSinh', record }], { asOf: '2026-05-31' });
 * ```
 */
export function validateSync(
  input: Iterable<InputRecord>,
  options: SyncEngineOptions = {},
): Report {
  return runRulesSync(input, BUILT_IN_RULES, options);
}
