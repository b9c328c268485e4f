import { IntColumn } from './int-column.ts';
import { type Place, shorten } from './place.ts';
import type { Provenance } from './types.ts';

/**
 * Texts numbered 1, 2, 3… as they first come, 0 standing for none: the files, sheets, schools,
 * statuses and classes of records are few and repeat from record to record (a class's pupils come
 * together), so a record keeps a number instead of a reference.
 *
 * @example
 * ```ts
 * const files = new TextNumbers();
 * files.numberOf('a.xlsx'); // 1
 * files.numberOf(undefined); // 0
 * files.textOf(1); // 'a.xlsx'
 * ```
 */
export class TextNumbers {
  readonly #numbers = new Map<string, number>();
  readonly #texts: string[] = [];
  #last: string | undefined;
  #lastNumber = 0;

  /** The number of `text` (0 for `undefined`), numbering it when new. */
  numberOf(text: string | undefined): number {
    if (text === undefined) return 0;
    if (text === this.#last) return this.#lastNumber;
    let n = this.#numbers.get(text);
    if (n === undefined) {
      n = this.#texts.push(text);
      this.#numbers.set(text, n);
    }
    this.#last = text;
    this.#lastNumber = n;
    return n;
  }

  /** The text numbered `n` (`undefined` for 0). */
  textOf(n: number): string | undefined {
    return n === 0 ? undefined : this.#texts[n - 1];
  }
}

/** The largest row kept in a column (row + 1 must fit an `Int32Array`). */
const MAX_COLUMN_ROW = 0x7ffffffe - 1;

/**
 * The {@link Place}s of records, by a number the caller gives (a key's number, a record's index),
 * kept in columns: a file and a sheet by their numbers among the texts met (shortened as
 * `placeOf` shortens them), a row as a number — no object per record, and no string of the
 * records kept alive beyond a file's or sheet's name. {@link PlaceColumns.placeAt} builds the
 * place, equal to `placeOf(provenance, ordinal)`, only when a message needs it.
 *
 * @example
 * ```ts
 * const places = new PlaceColumns();
 * places.set(7, { file: 'a.xlsx', sheet: 'HocSinh', row: 12 });
 * describePlace(places.placeAt(7, 57)); // file a.xlsx, sheet HocSinh, row 12
 * ```
 */
export class PlaceColumns {
  readonly #files = new TextNumbers();
  readonly #sheets = new TextNumbers();
  /** By number: the file's number (0: none). */
  readonly #file = new IntColumn();
  /** By number: the sheet's number (0: none). */
  readonly #sheet = new IntColumn();
  /** By number: the row + 1 (0: none; -1: in {@link PlaceColumns.#oddRows}). */
  readonly #row = new IntColumn();
  /** Rows that are numbers but not whole numbers from 0 to {@link MAX_COLUMN_ROW} (`-0` included). */
  readonly #oddRows = new Map<number, number>();
  /** The file and sheet texts last given, and their numbers (records come file by file). */
  #lastFile: unknown;
  #lastFileNumber = 0;
  #lastSheet: unknown;
  #lastSheetNumber = 0;

  /**
   * Keeps the place of a record with this provenance under number `n` (only its file, sheet and
   * row, as `placeOf` keeps them); returns whether it names any of them.
   */
  set(n: number, provenance: Provenance | undefined): boolean {
    if (typeof provenance !== 'object' || provenance === null) {
      if (this.has(n)) {
        this.#file.set(n, 0);
        this.#sheet.set(n, 0);
        this.#row.set(n, 0);
      }
      return false;
    }
    const file: unknown = provenance.file;
    let fileNumber = 0;
    if (typeof file === 'string') {
      if (file !== this.#lastFile) {
        this.#lastFile = file;
        this.#lastFileNumber = this.#files.numberOf(shorten(file, 80));
      }
      fileNumber = this.#lastFileNumber;
    }
    const sheet: unknown = provenance.sheet;
    let sheetNumber = 0;
    if (typeof sheet === 'string') {
      if (sheet !== this.#lastSheet) {
        this.#lastSheet = sheet;
        this.#lastSheetNumber = this.#sheets.numberOf(shorten(sheet, 40));
      }
      sheetNumber = this.#lastSheetNumber;
    }
    const row: unknown = provenance.row;
    let rowEntry = 0;
    if (typeof row === 'number') {
      if (Number.isInteger(row) && row >= 0 && row <= MAX_COLUMN_ROW && !Object.is(row, -0))
        rowEntry = row + 1;
      else {
        rowEntry = -1;
        this.#oddRows.set(n, row);
      }
    }
    if (fileNumber !== 0 || this.#file.get(n) !== 0) this.#file.set(n, fileNumber);
    if (sheetNumber !== 0 || this.#sheet.get(n) !== 0) this.#sheet.set(n, sheetNumber);
    if (rowEntry !== 0 || this.#row.get(n) !== 0) this.#row.set(n, rowEntry);
    return fileNumber !== 0 || sheetNumber !== 0 || rowEntry !== 0;
  }

  /** Whether a place naming a file, sheet or row is kept under number `n`. */
  has(n: number): boolean {
    return this.#file.get(n) !== 0 || this.#sheet.get(n) !== 0 || this.#row.get(n) !== 0;
  }

  /**
   * The place kept under number `n`, with `ordinal`: what `placeOf(provenance, ordinal)` gives for
   * the provenance given to {@link PlaceColumns.set} (only `{ ordinal }` when none was kept).
   */
  placeAt(n: number, ordinal: number): Place {
    const file = this.#files.textOf(this.#file.get(n));
    const sheet = this.#sheets.textOf(this.#sheet.get(n));
    const entry = this.#row.get(n);
    const row = entry === 0 ? undefined : entry === -1 ? this.#oddRows.get(n) : entry - 1;
    return {
      ...(file === undefined ? {} : { file }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(row === undefined ? {} : { row }),
      ordinal,
    };
  }
}
