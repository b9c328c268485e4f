import type { Rule } from '../core/rule.ts';
import { catalogRules } from './catalogs.ts';
import { changeRules } from './change.ts';
import { deadlineRules } from './deadline.ts';
import { identifierRules } from './identifiers.ts';
import { lifecycleRules } from './lifecycle.ts';
import { periodRules } from './periods.ts';
import { qualityRules } from './quality.ts';
import { schemaRules } from './schema.ts';
import { tt27Rules } from './tt27.ts';
import { tt28Rules } from './tt28.ts';

/**
 * Every built-in rule, grouped by area: structure, identifiers, changes between snapshots,
 * lifecycle, TT27, TT28, catalogs, the 48-hour push, data quality, reporting periods. The rule
 * catalog `docs/rules.md` is generated from this list.
 */
export const BUILT_IN_RULES: readonly Rule[] = [
  ...schemaRules,
  ...identifierRules,
  ...changeRules,
  ...lifecycleRules,
  ...tt27Rules,
  ...tt28Rules,
  ...catalogRules,
  ...deadlineRules,
  ...qualityRules,
  ...periodRules,
];

/** Rule ids that were used once and must never be reused (none retired yet). */
export const RETIRED_RULE_IDS: readonly string[] = [];
