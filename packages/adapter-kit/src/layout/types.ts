/**
 * A header the layout functions look for: a canonical label and the other ways files write it.
 *
 * A term matches a header column when, by `matchKey` (so case, diacritics, tone style,
 * NFC/NFD, line breaks, punctuation and `(*)` markers never matter):
 *
 * - its {@link HeaderTerm.label} or one of its {@link HeaderTerm.aliases} equals the column's own
 *   header (the lowest header text over it) or the column's whole {@link HeaderColumn.label} (a
 *   header flattened into one cell, such as `Toán - Mức đạt được`);
 * - or one of its {@link HeaderTerm.paths} fits the column's {@link HeaderColumn.path}: the last
 *   element equals the column's own header, and the others appear, in order, among the headers
 *   above it (`['Toán', 'Điểm KTĐK']` fits `['Môn học và hoạt động giáo dục', 'Toán', 'Điểm KTĐK']`).
 *
 * Failing that, the same comparisons are made once more with remarks in parentheses or brackets
 * left out (`Tỉnh/Thành phố\n(Theo địa chỉ thường trú)` matches `Tỉnh/Thành phố`): a *loose*
 * match, which an exact match of another column always beats.
 */
export interface HeaderTerm {
  /** The canonical header text; for a term known only by its path, the path joined with ` › `. */
  readonly label: string;
  /** Other texts of the same header (`Mã HS` for `Mã học sinh`). */
  readonly aliases?: readonly string[];
  /** Paths through multi-row headers, from an upper header row down to the column's own header. */
  readonly paths?: readonly (readonly string[])[];
}

/** One column under a header, as {@link findHeader} reads it. */
export interface HeaderColumn {
  /** The 0-based column index (`0` is column A). */
  readonly index: number;
  /** The column letters (`'A'`, `'AI'`). */
  readonly letter: string;
  /**
   * The header text of each header row over this column, top to bottom, after merged parents were
   * filled across their span; blank rows are left out, and a text repeated by a vertical merge
   * appears once. Empty for a column that has data but no header.
   */
  readonly path: readonly string[];
  /** The path joined with ` › ` (`'Môn học và hoạt động giáo dục › Toán › Điểm KTĐK'`). */
  readonly label: string;
  /** `matchKey` of the label: for comparing, never for display. */
  readonly key: string;
}

/** Where a sheet's header is, and what its columns are. */
export interface HeaderMatch {
  /** The first header row (1-based, as the spreadsheet shows it). */
  readonly firstRow: number;
  /** The last header row; data starts below it. */
  readonly lastRow: number;
  /**
   * The columns, left to right. Columns with neither header text nor data in the rows given (the
   * phantom columns of formatted sheets) are left out.
   */
  readonly columns: readonly HeaderColumn[];
  /** How many terms of the vocabulary were found (each at most once, each column used once). */
  readonly score: number;
  /** The column each vocabulary term was found in, by the term's {@link HeaderTerm.label}. */
  readonly matched: ReadonlyMap<string, HeaderColumn>;
}
