import { matchKey } from '@eduvn/text';
import { type Cell, columnLetter, type MergedRange, type Row } from '../workbook/types.ts';
import { cellText } from './cell-text.ts';
import { cleanText, inUnicodeFont } from './clean-text.ts';
import {
  exampleReason,
  MAX_MARKER,
  mayBeMarker,
  mayStartMarker,
  rowNumberColumn,
  rowNumberOf,
} from './example-row.ts';
import type { HeaderMatch } from './types.ts';

/**
 * What a row below the header is:
 *
 * - `'data'`: a record (possibly incomplete: mapping reports what is missing);
 * - `'empty'`: no cell with a value — the phantom rows of formatted sheets, blank separators;
 * - `'repeated-header'`: the header again (files that repeat it for every class);
 * - `'caption'`: a lone text outside the key columns, such as `Lớp 1A` or
 *   `DANH SÁCH HỌC SINH LỚP 2B` above each class;
 * - `'numbering'`: the row of column numbers (`1 2 3 …` or `(1) (2) (3) …`) that Vietnamese forms
 *   put under their header;
 * - `'example'`: the filled-in example row Vietnamese forms put under their header (`VD`, `Ví dụ`,
 *   `Mẫu`, often with `Nguyễn Văn A`), see {@link classifyRow} for how it is recognised;
 * - `'numbered-blank'`: a row that holds only its row number (`1`, `2`, … in the STT column) —
 *   a form's numbered lines left blank.
 */
export type RowKind =
  | 'data'
  | 'empty'
  | 'repeated-header'
  | 'caption'
  | 'numbering'
  | 'example'
  | 'numbered-blank';

/** A row's {@link RowKind} and why. */
export interface RowClass {
  /** The kind. */
  readonly kind: RowKind;
  /** Why, in English, without the row's values (they may be personal data). */
  readonly reason: string;
  /** For a caption: its text (a class name, a title), for callers that track the current class. */
  readonly caption?: string;
}

/** Options of {@link classifyRow}. */
export interface ClassifyRowOptions {
  /**
   * The 0-based indexes of the key columns (a bound mapping's {@link BoundMapping.keyColumns}):
   * a lone value in one of them makes an incomplete data row, never a caption. Default none: any
   * lone text is a caption.
   */
  readonly keyColumns?: readonly number[];
  /** The sheet's merged ranges, to say how far a caption spans. */
  readonly merges?: readonly MergedRange[];
  /**
   * Whether no data row has come yet under the header: the place of a form's example row, where
   * placeholder values (`Nguyễn Văn A`, `xxx`, `dd/mm/yyyy`, `0123456789`) make the row an
   * `'example'` even without a `VD`/`Ví dụ`/`Mẫu` marker. Default `false`: only a marker does.
   */
  readonly firstData?: boolean;
}

/** The keys of the header texts over one column, and the first character of each key. */
interface ColumnKeys {
  /** `matchKey` of every header text over the column (any of the header's rows). */
  readonly keys: ReadonlySet<string>;
  /** The first characters of the non-empty keys that are ASCII, as bits (`keyStart`'s codes). */
  readonly starts: Uint32Array;
  /** Whether a number's text could match: a key starts with a digit, or a key is `''`. */
  readonly numbers: boolean;
}

/** The keys of every header text over each column, by column index, computed once per header. */
const headerKeysCache = new WeakMap<HeaderMatch, readonly (ColumnKeys | undefined)[]>();

/** The header looked up last, and its keys (rows of one sheet come with the same header). */
let lastHeader: HeaderMatch | undefined;
let lastKeys: readonly (ColumnKeys | undefined)[] = [];

function headerKeys(header: HeaderMatch): readonly (ColumnKeys | undefined)[] {
  if (header === lastHeader) return lastKeys;
  let keys = headerKeysCache.get(header);
  if (keys === undefined) {
    const byIndex: (ColumnKeys | undefined)[] = [];
    for (const column of header.columns) {
      const set = new Set(column.path.map(matchKey));
      const firsts = [...set].filter((k) => k !== '').map((k) => k.charCodeAt(0));
      const starts = new Uint32Array(4);
      for (const c of firsts)
        if (c < 128) starts[c >>> 5] = (starts[c >>> 5] ?? 0) | (1 << (c & 31));
      const numbers = set.has('') || firsts.some((c) => c >= 0x30 && c <= 0x39);
      byIndex[column.index] = { keys: set, starts, numbers };
    }
    keys = byIndex;
    headerKeysCache.set(header, keys);
  }
  lastHeader = header;
  lastKeys = keys;
  return keys;
}

/**
 * The indexes of a row's filled cells, reused from row to row ({@link classifyCells} runs to the
 * end without calling out, so one buffer serves every call).
 */
let scratch = new Int32Array(64);

/** {@link keyStart}: the text's key is `''` (only punctuation, symbols and spaces, all ASCII). */
const EMPTY_KEY = -1;
/** {@link keyStart}: not decided cheaply (a character outside ASCII comes first). */
const UNKNOWN = -2;

/**
 * The first character of `matchKey(text)`, found without building the key when the text starts
 * with ASCII: ASCII punctuation, symbols and spaces fold to separators (dropped at the start of a
 * key), and an ASCII letter or digit is the key's first character, in lower case (`Đ` and `đ`
 * too: they fold to `d`). Another character before the first letter or digit gives
 * {@link UNKNOWN}; only ASCII separators, {@link EMPTY_KEY}.
 */
function keyStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return c;
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    if (c === 0x110 || c === 0x111) return 0x64; // Đ and đ fold to d
    if (c < 0x20 || c > 0x7e) return UNKNOWN;
  }
  return EMPTY_KEY;
}

/** Whether a key of the column starts with the ASCII character `code` ({@link keyStart}'s). */
function startsWith(column: ColumnKeys, code: number): boolean {
  return ((column.starts[code >>> 5] ?? 0) & (1 << (code & 31))) !== 0;
}

/**
 * Whether a cell may repeat the header text over its column: `false` only where
 * {@link repeatsHeader} surely says `false` — a number under a column no number's text can match,
 * or a string in a Unicode font whose key starts with an ASCII character no header key of the
 * column starts with — decided without cleaning the text or building its key.
 */
function mayRepeatHeader(cell: Cell, value: Cell['value'], column: ColumnKeys): boolean {
  if (typeof value === 'number') return column.numbers;
  if (typeof value === 'string' && inUnicodeFont(cell)) {
    const start = keyStart(value);
    return !(start >= 0 && !startsWith(column, start));
  }
  return true;
}

/**
 * Whether a cell's text ({@link cellText}) equals, by `matchKey`, one of the header texts over its
 * column. A string in a Unicode font is first looked at as stored: cleaning it (NFC, invisible
 * characters, white space) cannot change the first letter or digit of its key when the characters
 * before it are ASCII, so a first character no header key starts with settles it.
 */
function repeatsHeader(cell: Cell | undefined, column: ColumnKeys): boolean {
  const value = cell?.value;
  // A number's text starts with a digit or a minus sign, or is '' (not finite).
  if (typeof value === 'number' && !column.numbers) return false;
  if (typeof value === 'string' && inUnicodeFont(cell as Cell)) {
    const start = keyStart(value);
    if (start >= 0 && !startsWith(column, start)) return false;
  }
  const text = cellText(cell);
  const start = keyStart(text);
  if (start === EMPTY_KEY) return column.keys.has('');
  if (start !== UNKNOWN && !startsWith(column, start)) return false;
  return column.keys.has(matchKey(text));
}

/** A column number as the numbering row writes it: `3`, `'3'` or `'(3)'` (as `/^\(?(\d{1,3})\)?$/`). */
function columnNumber(text: string): number | undefined {
  let from = 0;
  let to = text.length;
  if (text.charCodeAt(0) === 0x28) from = 1;
  if (to > from && text.charCodeAt(to - 1) === 0x29) to--;
  if (to - from < 1 || to - from > 3) return undefined;
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    n = n * 10 + digit;
  }
  return n;
}

/** {@link columnNumber} of a cell's text; a plain number cell is read without writing it out. */
function cellColumnNumber(cell: Cell | undefined): number | undefined {
  const value = cell?.value;
  if (typeof value === 'number' && cell?.date === undefined) {
    // Its text is JavaScript's shortest form: a column number only for 0–999.
    return Number.isInteger(value) && value >= 0 && value <= 999 ? value : undefined;
  }
  if (typeof value === 'string' && inUnicodeFont(cell as Cell)) {
    // Text read as stored that starts with an ASCII letter: cleaning keeps that letter first
    // (composed with what follows at most), so it is no number.
    const c = value.charCodeAt(0) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return undefined;
  }
  return columnNumber(cellText(cell));
}

function isNumbering(all: Row['cells'], filled: Int32Array, count: number): boolean {
  if (count < 3) return false;
  let previous: number | undefined;
  for (let i = 0; i < count; i++) {
    const n = cellColumnNumber(all[filled[i] as number]);
    if (n === undefined || (previous !== undefined && n !== previous + 1)) return false;
    previous = n;
  }
  return true;
}

function spanOf(index: number, row: number, merges: readonly MergedRange[] | undefined): string {
  const m = merges?.find(
    (r) => r.top <= row && r.bottom >= row && r.left <= index && r.right >= index,
  );
  return m === undefined || m.left === m.right
    ? columnLetter(index)
    : `${columnLetter(m.left)}:${columnLetter(m.right)}`;
}

/**
 * Classifies a row below a header (see {@link RowKind}), so that readers skip what is not a record
 * and say why. In order:
 *
 * 1. `'empty'` when no cell has a value (formatted but empty cells count as none);
 * 2. `'numbered-blank'` when the only filled cell is a row number (`1`, `'2'`) in the
 *    row-number column (headed `STT`/`TT`/`Số thứ tự`, or an unlabelled first column) that is not
 *    a key column, under a header of more than one column;
 * 3. `'numbering'` when three or more cells hold consecutive numbers, left to right;
 * 4. `'repeated-header'` when at least two cells, and at least 60 % of the filled cells, equal (by
 *    `matchKey`) a header text over their own column — any of the header's rows, so a
 *    repeated multi-row header is recognized row by row;
 * 5. `'example'` when it is a form's filled-in example row: a marker (`VD`, `Ví dụ`, `Ví dụ mẫu`,
 *    `Dòng mẫu`, `Example` alone in a cell; `Mẫu` alone in the first filled cell; `VD:`, `Ví dụ:`,
 *    `Mẫu:` starting it), or — only for the first row under the header
 *    ({@link ClassifyRowOptions.firstData}) — placeholder values: two of `Nguyễn Văn A`, `xxx`,
 *    `dd/mm/yyyy`, `000000000000`, `0123456789`, or a placeholder name with no row number in the
 *    first column. A real pupil named `Nguyễn Văn A` in a numbered row is data;
 * 6. `'caption'` when a single text remains (not an error value) (cells holding the same text side by side count as
 *    one, as readers that copy a merged value into every cell produce) and it is not in a key
 *    column and is not a number or a one-character mark (`x`), in a header of more than one column
 *    (in a one-column table a lone text is the record);
 * 7. `'data'` otherwise.
 *
 * @param row - the row
 * @param header - the sheet's header ({@link findHeader})
 * @param options - key columns and merged ranges
 */
export function classifyRow(
  row: Row,
  header: HeaderMatch,
  options: ClassifyRowOptions = {},
): RowClass {
  const found = classifyCells(row, header, options);
  if (typeof found !== 'number') return found;
  return { kind: 'data', reason: `${found} cell${found === 1 ? '' : 's'} with a value` };
}

/**
 * {@link classifyRow} for readers that only need to know whether a row is data: the number of
 * filled cells of a data row (no reason text is built), else the row's class.
 *
 * @internal
 */
export function classifyCells(
  row: Row,
  header: HeaderMatch,
  options: ClassifyRowOptions,
): RowClass | number {
  // The filled cells by index; their texts are computed only where a step needs them.
  const all = row.cells;
  if (scratch.length < all.length)
    scratch = new Int32Array(Math.max(all.length, 2 * scratch.length));
  const filled = scratch;
  let count = 0;
  let formatted = false;
  // In the same pass, whether a cell may hold an example row's marker (exampleReason's own first
  // test, sharper for text read as stored).
  let mayMark = false;
  for (let index = 0; index < all.length; index++) {
    const cell = all[index];
    if (cell === undefined) continue;
    formatted = true;
    const value = cell.value;
    if (typeof value === 'string') {
      // hasValue, inline.
      const c = value.charCodeAt(0);
      if (
        !((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x300 && c !== 0xad)) &&
        cleanText(value) === ''
      ) {
        continue;
      }
      // mayBeMarker's verdict on the first character, inline: most texts are settled by it.
      const f = c | 0x20;
      if (
        !mayMark &&
        (f === 0x76 ||
          f === 0x65 ||
          f === 0x6d ||
          f === 0x64 ||
          f === 0x68 ||
          f === 0x20 ||
          f === 0x28 ||
          f === 0x7b) &&
        (count === 0 || value.length <= MAX_MARKER)
      ) {
        mayMark = inUnicodeFont(cell) ? mayStartMarker(value) : mayBeMarker(value);
      }
    }
    filled[count++] = index;
  }
  if (count === 0) {
    return {
      kind: 'empty',
      reason: formatted
        ? 'no cell has a value (a formatted but empty row)'
        : 'the row has no cells',
    };
  }
  if (count === 1 && header.columns.length > 1) {
    // A numbered line left blank: only its row number, in the row-number column.
    const index = filled[0] as number;
    if (
      index === rowNumberColumn(header) &&
      !(options.keyColumns ?? []).includes(index) &&
      rowNumberOf(all[index]) !== undefined
    ) {
      return {
        kind: 'numbered-blank',
        reason: `only the row number is filled (in ${columnLetter(index)}): a numbered line left blank`,
      };
    }
  }
  if (isNumbering(all, filled, count)) {
    return { kind: 'numbering', reason: 'the cells number the columns (1, 2, 3, …)' };
  }
  const keys = headerKeys(header);
  // A repeated header needs at least this many cells equal to the header text over them. First
  // a cheap test that never rules out a cell that does (a data row is settled by it, on its
  // first few cells); then the count, which stops as soon as the cells left cannot reach it.
  const needed = Math.max(2, 0.6 * count);
  let may = count;
  for (let i = 0; i < count && may >= needed; i++) {
    const index = filled[i] as number;
    const column = keys[index];
    const cell = all[index] as Cell;
    if (column === undefined || !mayRepeatHeader(cell, cell.value, column)) may--;
  }
  let same = 0;
  for (let i = 0; i < count && may >= needed; i++) {
    const index = filled[i] as number;
    const column = keys[index];
    if (column !== undefined && repeatsHeader(all[index], column)) same++;
    else if (same + (count - i - 1) < needed) break;
  }
  if (same >= 2 && same >= 0.6 * count) {
    return {
      kind: 'repeated-header',
      reason: `${same} of its ${count} filled cells repeat the header`,
    };
  }
  // Without a cell that may be a marker, only the first row under the header can be an example.
  const firstData = options.firstData === true;
  const example =
    mayMark || firstData ? exampleReason(row, filled, count, header, firstData) : undefined;
  if (example !== undefined) return { kind: 'example', reason: example };
  const firstIndex = filled[0] as number;
  // A caption is one text (not a number), maybe copied into the next cells (as readers do with a
  // merged value).
  if (typeof all[firstIndex]?.value === 'number') return count;
  const firstText = cellText(all[firstIndex]);
  let lone = true;
  for (let i = 1; i < count && lone; i++) {
    const index = filled[i] as number;
    lone = index === (filled[i - 1] as number) + 1 && cellText(all[index]) === firstText;
  }
  // In a one-column table a lone text is all a record can hold: never a caption.
  // Nor is a mark (`x`, `✓`: one character) a caption.
  if (lone && firstText.length > 1 && header.columns.length > 1 && !/^[\d.,\s]+$/.test(firstText)) {
    const keyColumns = options.keyColumns ?? [];
    const where = spanOf(firstIndex, row.row, options.merges);
    const span =
      count > 1 ? `${columnLetter(firstIndex)}:${columnLetter(firstIndex + count - 1)}` : where;
    let inKeyColumn = false;
    for (let i = 0; i < count && !inKeyColumn; i++) {
      inKeyColumn = keyColumns.includes(filled[i] as number);
    }
    if (!inKeyColumn) {
      return {
        kind: 'caption',
        reason: `a single text in ${span}, outside the key columns (a caption such as a class name)`,
        caption: firstText,
      };
    }
  }
  return count;
}
