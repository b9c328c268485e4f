/**
 * A class name as Vietnamese schools write them: a grade from 1 to 12 followed either by one to
 * three letters and up to three more letters or digits (`1A`, `1A1`, `10A12`, `5CLC`), or by a
 * separator and a number (`1.1`, `5-3`, `2_4`). At most 8 characters, within the 10 of `MA_LOP`.
 */
const CLASS = String.raw`(?:1[0-2]|[1-9])(?:\p{L}{1,3}[\p{L}\d]{0,3}|[.\-_]\d{1,2}\p{L}?)`;

/** The word "lớp" (class), with or without its diacritics, in any case. */
const LOP = 'l[ớơóòởõọo]p';

/** A sheet name that names a class: `1A`, `Lớp 1A`, `LOP_1A`, or `1A (2)` as Excel names a copy. */
const SHEET_NAME = new RegExp(
  String.raw`^\s*(?:${LOP}[\s._-]*)?(${CLASS})(\s*\([^()]*\))?\s*$`,
  'iu',
);

/** "Lớp 1A" inside a title: `DANH SÁCH HỌC SINH LỚP 1A`, `Lớp: 2B - Năm học 2025-2026`. */
const IN_CAPTION = new RegExp(
  String.raw`(?<![\p{L}\d])${LOP}\s*:?\s*(${CLASS})(?![\p{L}\d])`,
  'iu',
);

/** A class read from a sheet name (see {@link classFromSheetName}). */
export interface SheetClass {
  /** The class name, as written (`'1A'` from `'Lớp 1A'`). */
  readonly name: string;
  /**
   * Whether the sheet name is the class name alone (with or without the word `Lớp`); `false` for
   * names with a remark, such as Excel's `1A (2)` for a copied sheet.
   */
  readonly exact: boolean;
}

/**
 * The class a sheet name names, in MISA EMIS's one-sheet-per-class form: `1A`, `Lớp 1A`,
 * `LỚP 1A`, `Lop_1A`, `1A1`, `10A2`, `1.1`; a name followed by a remark in parentheses (`1A (2)`)
 * counts, marked not {@link SheetClass.exact}. `undefined` for other names (`Sheet1`,
 * `Toàn trường`, `2025-2026`).
 *
 * @param sheetName - the sheet's name
 * @returns the class, or `undefined`
 *
 * @example
 * ```ts
 * classFromSheetName('Lớp 1A'); // { name: '1A', exact: true }
 * classFromSheetName('Sheet1'); // undefined
 * ```
 */
export function classFromSheetName(sheetName: string): SheetClass | undefined {
  if (typeof sheetName !== 'string' || sheetName.length > 64) return undefined;
  const match = SHEET_NAME.exec(sheetName.normalize('NFC'));
  const name = match?.[1];
  return name === undefined ? undefined : { name, exact: match?.[2] === undefined };
}

/**
 * The class a title names (`DANH SÁCH HỌC SINH LỚP 1A`, `Lớp: 2B`), as written; `undefined` when
 * it names none (`DANH SÁCH HỌC SINH TOÀN TRƯỜNG`, `Từ lớp 1 đến lớp 5`).
 *
 * @param text - a title or caption
 * @returns the class name, or `undefined`
 *
 * @example
 * ```ts
 * classFromCaption('DANH SÁCH HỌC SINH LỚP 1A - NĂM HỌC 2025-2026'); // '1A'
 * ```
 */
export function classFromCaption(text: string): string | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  // Titles are short; a long cell is not a caption, and is not worth a regular expression's time.
  const head = text.length > 500 ? text.slice(0, 500) : text;
  return IN_CAPTION.exec(head.normalize('NFC'))?.[1];
}
