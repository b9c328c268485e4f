import type { MappingIssueCode } from '@eduvn/adapter-kit';
import {
  READING_RULE_CATALOG,
  READING_RULES,
  type ReadingCode,
  type ReadingProblem,
  readingIssue,
  type Severity,
} from '@eduvn/rules';
import type { CheckIssue } from './types.ts';

/** The file-level reading rules: a proposed mapping, a read limit, a file that cannot be read. */
export const FILE_RULES = Object.freeze({
  proposed: 'READ.MAPPING.001',
  limit: 'READ.LIMIT.001',
  file: 'READ.FILE.001',
  noLayout: 'READ.SHEET.001',
});

/** Every reading rule id of the catalog of `@eduvn/rules`. */
export const READING_RULE_IDS: readonly string[] = Object.freeze(
  READING_RULE_CATALOG.map((r) => r.id),
);

/**
 * The reading code of a reader's problem: its own code (`MappingIssueCode` of
 * `@eduvn/adapter-kit`, mapped to rules by `READING_RULES` of `@eduvn/rules`), or — for an
 * adapter's own problem without one — a value that could not be read (an error) or one worth a
 * look (a warning). `undefined` for `'column-absent'`: a column the layout lacks is no issue, it
 * makes the file's layout.
 */
export function readingCodeOf(
  code: MappingIssueCode | undefined,
  severity: 'error' | 'warning',
): ReadingCode | undefined {
  if (code === 'column-absent') return undefined;
  if (code !== undefined && Object.hasOwn(READING_RULES, code)) return code as ReadingCode;
  return severity === 'error' ? 'value-invalid' : 'value-unusual';
}

/** A reading problem as an issue of the report (the catalog's texts, the caller's severities). */
export function toIssue(
  problem: ReadingProblem,
  severity: Readonly<Record<string, Severity>> | undefined,
): CheckIssue {
  return readingIssue(problem, severity === undefined ? {} : { severity });
}
