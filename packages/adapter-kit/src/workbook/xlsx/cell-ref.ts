import { columnLetter, type MergedRange } from '../types.ts';

/**
 * A cell reference read from A1 notation: 0-based column, 1-based row. Either may be far beyond
 * Excel's grid in a hostile file; callers check them against their limits.
 *
 * @internal
 */
export interface CellRef {
  /** 0-based column. */
  readonly column: number;
  /** 1-based row. */
  readonly row: number;
}

/**
 * The cell `text` names (`'B7'`, `'$B$7'`), or `undefined` when it is not an A1 reference. Up to 7
 * letters and 15 digits are accepted, so that absurd references reach the limit checks.
 *
 * @internal
 */
export function parseCellRef(text: string): CellRef | undefined {
  let i = 0;
  if (text.charCodeAt(i) === 36) i++;
  let column = 0;
  const lettersStart = i;
  for (; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  const letters = i - lettersStart;
  if (letters === 0 || letters > 7) return undefined;
  if (text.charCodeAt(i) === 36) i++;
  const digitsStart = i;
  let row = 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  const digits = i - digitsStart;
  if (digits === 0 || digits > 15 || row === 0) return undefined;
  return { column: column - 1, row };
}

/**
 * The range `text` names (`'A1:C3'`, or one cell `'A1'`), corners in either order, or `undefined`.
 *
 * @internal
 */
export function parseRange(text: string): MergedRange | undefined {
  const colon = text.indexOf(':');
  const a = parseCellRef(colon < 0 ? text : text.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(text.slice(colon + 1));
  if (a === undefined || b === undefined) return undefined;
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

/** Column letters computed so far, by index. */
const letters: string[] = [];

/**
 * The column letters of a 0-based index, cached (writers call this for every cell).
 *
 * @internal
 */
export function cachedColumnLetter(column: number): string {
  let cached = letters[column];
  if (cached === undefined) {
    cached = columnLetter(column);
    if (column < 16_384) letters[column] = cached;
  }
  return cached;
}

/**
 * The A1 reference of a cell (0-based column, 1-based row).
 *
 * @internal
 */
export function cellRef(column: number, row: number): string {
  return cachedColumnLetter(column) + row;
}

/**
 * The A1 notation of a range (`'A1'` when it is one cell).
 *
 * @internal
 */
export function rangeRef(range: MergedRange): string {
  const start = cellRef(range.left, range.top);
  return range.left === range.right && range.top === range.bottom
    ? start
    : `${start}:${cellRef(range.right, range.bottom)}`;
}
