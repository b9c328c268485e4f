/** The formats the kit reads. */
export type WorkbookFormat = 'xlsx' | 'xls' | 'csv';

/**
 * A cell's value as the file stores it: text, a number, a boolean, a date (for date-formatted
 * number cells of spreadsheets: a calendar date as an ISO `yyyy-mm-dd` string is in
 * {@link Cell.date}), or `null` for an error value such as `#N/A`.
 */
export type CellValue = string | number | boolean | null;

/** One cell. */
export interface Cell {
  /** The stored value. */
  readonly value: CellValue;
  /**
   * For a number cell formatted as a date: the Excel serial read as an ISO calendar date in the
   * workbook's date system (1900 or 1904). Absent otherwise.
   */
  readonly date?: string;
  /** The name of the cell's font (`.VnTime`, `VNI-Times` — legacy encodings are detected by it). */
  readonly font?: string;
  /** The formula, when the cell has one (its cached result is the value). */
  readonly formula?: string;
  /**
   * Set when the text, or the formula, was longer than `Limits.maxCellLength` and was cut
   * (readers report it as an issue).
   */
  readonly truncated?: true;
  /**
   * Set when the text holds characters that stand for bytes the reader could not read as text: a
   * U+FFFD replacing bytes invalid in a CSV file's encoding, or a NUL (a zero byte). The value is
   * kept as decoded; readers report it as an error, with its row and column, instead of letting
   * cleaning drop or garble it silently.
   */
  readonly invalidText?: true;
}

/** One row of a sheet, with its cells by 0-based column index (gaps are `undefined`). */
export interface Row {
  /** The 1-based row number, as the spreadsheet shows it. */
  readonly row: number;
  /** The cells; `cells[0]` is column A. */
  readonly cells: readonly (Cell | undefined)[];
}

/** A rectangle of merged cells (1-based rows, 0-based columns, both ends included). */
export interface MergedRange {
  /** First row. */
  readonly top: number;
  /** First column. */
  readonly left: number;
  /** Last row. */
  readonly bottom: number;
  /** Last column. */
  readonly right: number;
}

/** What a workbook says about one sheet before its rows are read. */
export interface SheetInfo {
  /** The sheet's name. */
  readonly name: string;
  /** Its 0-based position. */
  readonly index: number;
  /** `'visible'`, or hidden by the user or by a program (`'veryHidden'`). */
  readonly state: 'visible' | 'hidden' | 'veryHidden';
}

/** Options of {@link Workbook.rows}. */
export interface RowOptions {
  /** Stop after this row (1-based, included). */
  readonly until?: number;
}

/**
 * An opened workbook (or CSV file, as one sheet): its sheets, and their rows as a stream, so that a
 * province-size file is read in bounded memory. Readers keep only what a row needs (shared strings
 * and styles for .xlsx).
 */
export interface Workbook {
  /** The format. */
  readonly format: WorkbookFormat;
  /** The file's name, as the caller gave it. */
  readonly file: string | undefined;
  /** The sheets, in workbook order. */
  readonly sheets: readonly SheetInfo[];
  /** The rows of a sheet (by name or index), in order; empty rows may be left out. */
  rows(sheet: string | number, options?: RowOptions): AsyncIterable<Row>;
  /** The merged ranges of a sheet (may scan the sheet once more for .xlsx). */
  merges(sheet: string | number): Promise<readonly MergedRange[]>;
  /**
   * The sheet's used range as the file declares it (.xlsx: its `<dimension>`; .xls: its range), or
   * `undefined` when it declares none (CSV, or a writer that left it out). A hint — for the time
   * left on a progress bar — not a promise: writers may get it wrong, so never trust it to bound
   * a read (the limits do that). Optional: a workbook of your own may leave it out.
   */
  dimension?(sheet: string | number): Promise<MergedRange | undefined>;
  /** Releases the file (the workbook cannot be read afterwards). */
  close(): Promise<void>;
}

/** Column letters of a 0-based column index (`0` → `'A'`, `26` → `'AA'`). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The 0-based column index of column letters (`'A'` → `0`, `'AI'` → `34`), or `-1`. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export { NodeOnlyError } from '../platform/platform.ts';
