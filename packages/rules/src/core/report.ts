import type { NotChecked } from './layout.ts';
import type { Localized, Provenance, Severity } from './types.ts';

/** Where an issue is, down to the cell when the record's provenance says so. */
export interface IssueLocation {
  /** The file. */
  readonly file?: string;
  /** The sheet. */
  readonly sheet?: string;
  /** The 1-based row. */
  readonly row?: number;
  /** The column of the field at fault (its letters `'E'`, or the header text). */
  readonly column?: string;
  /** The cell reference (`'E15'`), when the column is given by its letters and the row is known. */
  readonly cell?: string;
}

/** An acknowledgement recorded for a query: who accepted it and why. */
export interface Acknowledgement {
  /** The rule. */
  readonly ruleId: string;
  /** The record's key (as in {@link Issue.recordKey}). */
  readonly recordKey: string;
  /** Why the query is acceptable (required). */
  readonly note: string;
  /** Who acknowledged it. */
  readonly by: string;
  /** When (ISO 8601 date-time). */
  readonly at: string;
}

/** Who acknowledged a query, when, and why. */
export interface AcknowledgedBy {
  /** Why the query is acceptable. */
  readonly note: string;
  /** Who acknowledged it. */
  readonly by: string;
  /** When (ISO 8601 date-time). */
  readonly at: string;
}

/** One problem in the data, localized and located. */
export interface Issue {
  /** The rule that found it. */
  readonly ruleId: string;
  /** `'error'` or `'query'` (after any override). */
  readonly severity: Severity;
  /** The rule's legal basis or `eduvn`. */
  readonly basis: string;
  /** The entity of the record at fault. */
  readonly entity: string;
  /** The key of the record at fault (`hocSinhId`, `truongId/ma` …). */
  readonly recordKey: string;
  /** The canonical field (or path) at fault. */
  readonly field?: string;
  /** The field's QĐ 4998 symbol, when it has one. */
  readonly symbol?: string;
  /** The class the record belongs to, for the summary by class. */
  readonly classCode?: string;
  /** Where the record came from. */
  readonly location?: IssueLocation;
  /**
   * The value at fault as the reader describes it (a reading problem: `'31/02/2019'`, a text's
   * length), already shortened and masked where personal; absent for most rule findings, whose
   * message shows what matters.
   */
  readonly value?: string;
  /** What is wrong. */
  readonly message: Localized;
  /** How to fix it. */
  readonly hint: Localized;
  /** Present when a recorded acknowledgement accepts this query. */
  readonly acknowledged?: AcknowledgedBy;
}

/** Counts of issues. */
export interface IssueCounts {
  /** Errors. */
  readonly error: number;
  /** Queries not acknowledged. */
  readonly query: number;
  /** Queries acknowledged. */
  readonly acknowledged: number;
}

/** The outcome of {@link validate}. */
export interface Report {
  /** Every issue, in input order (record rules), then dataset and change rules. */
  readonly issues: readonly Issue[];
  /** Counts. */
  readonly summary: {
    /** How many records were checked. */
    readonly records: number;
    /** Issues by severity. */
    readonly bySeverity: IssueCounts;
    /** Issues by rule id. */
    readonly byRule: Readonly<Record<string, IssueCounts>>;
    /** Issues by class code (records of no class are left out). */
    readonly byClass: Readonly<Record<string, IssueCounts>>;
  };
  /** Whether the data pass: no errors and no unacknowledged queries. */
  readonly passes: boolean;
  /** The day the data were checked as of. */
  readonly asOf: string;
  /** The reporting period checked, if any. */
  readonly period?: string;
  /** The ids of the rules that ran (change rules run only with a previous snapshot). */
  readonly rules: readonly string[];
  /**
   * The checks that were not possible, once per entity, rule and reason: rules whose evidence the
   * source layout does not carry (the `layout` option), required fields it lacks, catalogs
   * without values. Empty when every check could run.
   */
  readonly notChecked: readonly NotChecked[];
}

/** The location of a field of a record with this provenance. */
export function locate(
  provenance: Provenance | undefined,
  field: string | undefined,
): IssueLocation | undefined {
  if (!provenance) return undefined;
  const top = field?.split('.')[0];
  const column = top === undefined ? undefined : provenance.columns?.[top];
  const row = provenance.row;
  // Built property by property (no spreads: an issue's location is made for every issue).
  const location: { -readonly [K in keyof IssueLocation]: IssueLocation[K] } = {};
  if (provenance.file !== undefined) location.file = provenance.file;
  if (provenance.sheet !== undefined) location.sheet = provenance.sheet;
  if (row !== undefined) location.row = row;
  if (column !== undefined) {
    location.column = column;
    if (row !== undefined && COLUMN_LETTERS.test(column)) location.cell = `${column}${row}`;
  }
  return location;
}

/** Column letters of a spreadsheet (`A` … `XFD`). */
const COLUMN_LETTERS = /^[A-Z]{1,3}$/;
