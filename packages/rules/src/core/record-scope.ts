/**
 * Facts computed once per record and shared by the rules that read them (the three TT28 age rules
 * share one age computation, the two identifier-form rules one scan, the catalog rules one set of
 * lookups). The engine opens a scope around each record it checks; inside it, a {@link perRecord}
 * function computes its value on the first call for the record and returns it to later calls.
 * Outside a scope — a rule called directly, or a helper used on its own — nothing is kept, so a
 * record changed between two calls is never answered from a stale value.
 *
 * @module
 */

import type { InputRecord, RuleSettings } from './types.ts';

/** Counts the scopes opened; a value computed in one scope is never used in another. */
let scope = 0;
/** Whether a scope is open (the engine is checking a record). */
let open = false;

/**
 * Opens the scope of one record: until {@link closeRecordScope}, {@link perRecord} functions keep
 * their value for the record. Records are checked synchronously, one at a time, so scopes never
 * overlap even when several runs stream their inputs concurrently.
 */
export function openRecordScope(): void {
  scope++;
  open = true;
}

/** Closes the scope opened by {@link openRecordScope}. */
export function closeRecordScope(): void {
  open = false;
}

/**
 * Wraps `compute` so that, within a record's scope, it runs once for that record and settings;
 * outside a scope it runs on every call.
 *
 * @example
 * ```ts
 * const factsOf = perRecord((item, settings) => expensiveFacts(item.record, settings.startYear));
 * ```
 */
export function perRecord<T>(
  compute: (item: InputRecord, settings: RuleSettings) => T,
): (item: InputRecord, settings: RuleSettings) => T {
  let keptScope = 0;
  let keptItem: InputRecord | undefined;
  let keptSettings: RuleSettings | undefined;
  let kept: T | undefined;
  return (item, settings) => {
    if (open && keptScope === scope && keptItem === item && keptSettings === settings)
      return kept as T;
    const value = compute(item, settings);
    if (open) {
      keptScope = scope;
      keptItem = item;
      keptSettings = settings;
      kept = value;
    }
    return value;
  };
}
