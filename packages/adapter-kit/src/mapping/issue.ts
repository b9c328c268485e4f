/**
 * What kind of problem a {@link MappingIssue} (or a file or sheet issue of `readWith`) is: a
 * stable, machine-readable code, for tools that turn read problems into catalogued rules. The
 * problem text may change wording between versions; the code does not.
 */
export type MappingIssueCode =
  /** A date converter rejected the value (`31/02/2019`, a date before 1900, a number that is no date). */
  | 'date-invalid'
  /** A converter other than a date's rejected the value (a code with spaces, `Nam/Nữ` as a sex…). */
  | 'value-invalid'
  /** A converter accepted the value, with a warning about how it was written (a query, not an error). */
  | 'value-unusual'
  /** The cell holds a spreadsheet error value (`#N/A`, `#REF!`, `#VALUE!`…) instead of data. */
  | 'cell-error'
  /** The cell's text was cut at the reader's length limit (`maxCellLength`): its value is incomplete. */
  | 'cell-truncated'
  /** A required field's cell is blank. */
  | 'required-blank'
  /** A required column is absent from the sheet's header: the sheet's rows cannot be read. */
  | 'column-missing'
  /** An optional column is absent from the sheet's header: its fields stay empty. */
  | 'column-absent'
  /** Several columns fit one field's header; the first is used. */
  | 'column-ambiguous'
  /** The mapping's transform hook failed, or returned a key that is not a field of the entity. */
  | 'transform-failed'
  /** No sheet of the file looks like the adapter's layout (no header found). */
  | 'no-layout'
  /** The file is of a format the adapter is not made for (read anyway). */
  | 'wrong-format'
  /**
   * Bytes that are not valid in the file's encoding (each read as U+FFFD): a cell holding some,
   * or a CSV file read as UTF-8 with invalid bytes, or read as Windows-1258 because it is not
   * UTF-8.
   */
  | 'encoding-invalid'
  /** A NUL character in a cell's text (a binary or damaged file). */
  | 'nul-byte';

/**
 * Every {@link MappingIssueCode}, in the order of its documentation.
 */
export const MAPPING_ISSUE_CODES: readonly MappingIssueCode[] = Object.freeze([
  'date-invalid',
  'value-invalid',
  'value-unusual',
  'cell-error',
  'cell-truncated',
  'required-blank',
  'column-missing',
  'column-absent',
  'column-ambiguous',
  'transform-failed',
  'no-layout',
  'wrong-format',
  'encoding-invalid',
  'nul-byte',
]);

/**
 * A problem found while binding a mapping to a header or mapping a row. `'error'` must be fixed
 * (the value was not read, or a required value is missing); `'warning'` is a query: the value was
 * read, but how it was written deserves a look. Problem texts are English and never quote
 * personal data in full.
 */
export interface MappingIssue {
  /**
   * What kind of problem it is, stable across versions (see {@link MappingIssueCode}). Every
   * issue adapter-kit makes has one; an adapter's own issues may lack it.
   */
  readonly code?: MappingIssueCode;
  /** The field (or extras name) concerned, when there is one. */
  readonly field?: string;
  /** The column letters (`'D'`), when the issue is about one column. */
  readonly column?: string;
  /** What is wrong, in English. */
  readonly problem: string;
  /** How serious. */
  readonly severity: 'error' | 'warning';
}
