/**
 * A problem found while binding a mapping to a header or mapping a row. `'error'` must be fixed
 * (the value was not read, or a required value is missing); `'warning'` is a query: the value was
 * read, but how it was written deserves a look. Problem texts are English and never quote
 * personal data in full.
 */
export interface MappingIssue {
  /** The field (or extras name) concerned, when there is one. */
  readonly field?: string;
  /** The column letters (`'D'`), when the issue is about one column. */
  readonly column?: string;
  /** What is wrong, in English. */
  readonly problem: string;
  /** How serious. */
  readonly severity: 'error' | 'warning';
}
