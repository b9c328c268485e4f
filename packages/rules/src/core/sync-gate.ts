import type { RecordRule } from './rule.ts';

/** The record rules registered by {@link onlyWithSync}. */
const syncOnly = new WeakSet<RecordRule>();

/**
 * Marks a record rule that finds nothing in a record without sync bookkeeping (`item.sync` absent
 * or empty — the 48-hour rules read nothing else): the engine then does not call it for such
 * records, which are most records. Returns the rule.
 */
export function onlyWithSync<R extends RecordRule>(rule: R): R {
  syncOnly.add(rule);
  return rule;
}

/** Whether a record rule was marked by {@link onlyWithSync}. */
export function needsSync(rule: RecordRule): boolean {
  return syncOnly.has(rule);
}
