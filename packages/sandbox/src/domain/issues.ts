import { type Issue, localize, schemaViolation } from '@eduvn/rules';
import { type EntitySchema, jsonPointer, type RecordIssue, wirePathOf } from '@eduvn/standard';
import type { ApiIssue } from '../contract/problems.ts';

/** A rules-engine issue as the API reports it: the pointer in wire symbols. */
export function apiIssue(schema: EntitySchema, issue: Issue): ApiIssue {
  return {
    ruleId: issue.ruleId,
    severity: issue.severity,
    pointer: jsonPointer(wirePathOf(schema, issue.field ?? '')),
    message: issue.message,
    hint: issue.hint,
  };
}

/**
 * A problem found while reading a wire object (an unknown symbol, a body that is not an object),
 * reported under `STD.SCHEMA.001` in the rule's own words.
 */
export function readIssue(issue: RecordIssue): ApiIssue {
  const symbol = issue.symbolPath.map(String).join('.') || '(bản ghi)';
  const params = { symbol, code: issue.code, problem: issue.message };
  return {
    ruleId: schemaViolation.id,
    severity: 'error',
    pointer: jsonPointer(issue.symbolPath),
    message: localize(schemaViolation.message, params),
    hint: localize(schemaViolation.hint, params),
  };
}

/** `STD.SCHEMA.001` about one field, worded by the rule (`problem` in English). */
export function fieldIssue(symbol: string, code: string, problem: string): ApiIssue {
  const params = { symbol, code, problem };
  return {
    ruleId: schemaViolation.id,
    severity: 'error',
    pointer: jsonPointer([symbol]),
    message: localize(schemaViolation.message, params),
    hint: localize(schemaViolation.hint, params),
  };
}

/** The distinct rule ids of the errors among issues, in order of first appearance. */
export function errorRuleIds(issues: readonly ApiIssue[]): string[] {
  return [...new Set(issues.filter((i) => i.severity === 'error').map((i) => i.ruleId))];
}
