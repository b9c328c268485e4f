import {
  BUILT_IN_RULES,
  defaultRuleCatalogs,
  type InputRecord,
  type Rule,
  runRulesSync,
} from '@eduvn/rules';
import type { Catalogs } from '@eduvn/standard';
import type { ApiIssue } from '../contract/problems.ts';
import type { Resource } from '../contract/resources.ts';
import { apiIssue } from './issues.ts';

/**
 * The rules the server runs on each record it receives: every record-scope rule of @eduvn/rules
 * (structure, identifiers, lifecycle fields, TT27, TT28, catalogs, names, push times). Dataset
 * rules need a whole school and run in a Sở's own checks; the few that concern one write
 * (identifier changes, a status that skips its events, transitions) run in {@link ../write}.
 */
const RECORD_RULES: readonly Rule[] = BUILT_IN_RULES.filter((r) => r.scope === 'record');

/** The rule that a write arriving after the push deadline trips; it marks the write late, never refuses it. */
export const LATE_RULE_ID = 'PUSH.DEADLINE.001';

/** One record to check: what it is, and when it arose and arrived. */
export interface CheckItem {
  /** Its resource. */
  readonly resource: Resource;
  /** The canonical record. */
  readonly record: Readonly<Record<string, unknown>>;
  /** When the information arose (ISO 8601 with an offset, as the client said). */
  readonly occurredAt: string;
  /** When the server received it. */
  readonly receivedAt: string;
}

/** What the server checks records with. */
export interface CheckSettings {
  /** The day the rules take as today (Vietnam time of receipt). */
  readonly asOf: string;
  /** The push deadline in hours (seed regulation Art. 6 cl. 2; possibly local). */
  readonly deadlineHours: number;
  /** The catalogs (default: bundled ones and administrative units). */
  readonly catalogs?: Catalogs;
}

/**
 * Runs the record rules over items in one pass of the engine and returns each item's issues (by
 * index) in API form. The push times go in as the record's sync bookkeeping, so `PUSH.TIME.*` and
 * `PUSH.DEADLINE.001` (late) are found by the rules themselves.
 */
export function checkRecords(items: readonly CheckItem[], settings: CheckSettings): ApiIssue[][] {
  const out: ApiIssue[][] = items.map(() => []);
  if (items.length === 0) return out;
  const input: InputRecord[] = items.map((item, i) => ({
    entity: item.resource.entity,
    record: item.record,
    provenance: { row: i + 1 },
    sync: { occurredAt: item.occurredAt, pushedAt: item.receivedAt },
  }));
  const report = runRulesSync(input, RECORD_RULES, {
    asOf: settings.asOf,
    deadlineHours: settings.deadlineHours,
    catalogs: settings.catalogs ?? defaultRuleCatalogs(),
  });
  for (const issue of report.issues) {
    const index = (issue.location?.row ?? 0) - 1;
    const item = items[index];
    if (item) out[index]?.push(apiIssue(item.resource.schema, issue));
  }
  return out;
}
