import { formatPersonName } from '@eduvn/text';
import { inUnicodeFont, isCleanText } from '../layout/clean-text.ts';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, reject, textInput } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Whether a UTF-16 code unit is a letter that certainly changes when upper-cased (1) or lower-cased (2). */
function caseOf(c: number): 0 | 1 | 2 {
  if (c >= 0x61 && c <= 0x7a) return 1; // a–z
  if (c >= 0x41 && c <= 0x5a) return 2; // A–Z
  if (c >= 0x1ea0 && c <= 0x1ef9) return c % 2 === 0 ? 2 : 1; // Ạ ạ … Ỹ ỹ: capital, small in turn
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return 2; // À–Þ
  if (c >= 0xdf && c <= 0xff && c !== 0xf7) return 1; // ß–ÿ
  switch (c) {
    case 0x102: // Ă
    case 0x110: // Đ
    case 0x128: // Ĩ
    case 0x168: // Ũ
    case 0x1a0: // Ơ
    case 0x1af: // Ư
      return 2;
    case 0x103: // ă
    case 0x111: // đ
    case 0x129: // ĩ
    case 0x169: // ũ
    case 0x1a1: // ơ
    case 0x1b0: // ư
      return 1;
    default:
      return 0;
  }
}

/** {@link nameShape}: not decided cheaply. */
const UNDECIDED = 0;
/** {@link nameShape}: an ASCII digit. */
const DIGITS = 1;
/** {@link nameShape}: no digit (nor any other `\p{N}`), and both a capital and a small letter. */
const MIXED_CASE = 2;

/**
 * What one pass over a name proves: it has an ASCII digit ({@link DIGITS}); or it has no
 * character that could be a number (only ASCII, Latin letters up to U+024F, combining marks and
 * the Vietnamese letters U+1EA0–U+1EF9) and both a capital and a small letter
 * ({@link MIXED_CASE}: neither all capitals nor all small letters — `Nguyễn Văn An`); else
 * {@link UNDECIDED}, and {@link convertName} checks the slow way.
 */
function nameShape(name: string): number {
  let seen = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return DIGITS;
    if (c >= 0x80 && c < 0xc0) return UNDECIDED;
    if (c > 0x24f && (c < 0x300 || c > 0x36f) && (c < 0x1ea0 || c > 0x1ef9)) return UNDECIDED;
    seen |= caseOf(c);
  }
  return seen === 3 ? MIXED_CASE : UNDECIDED;
}

/**
 * Whether a stored name is returned as it is by {@link convertName}, found in one pass: text that
 * cleaning leaves alone (printable, single inner spaces, composed: ASCII, Latin letters up to
 * U+024F, the Vietnamese letters U+1EA0–U+1EF9), no digit nor any character that could be a number
 * (U+0080–U+00BF), and both a capital and a small letter. `false` means "not proven".
 */
function isCleanMixedName(name: string): boolean {
  const last = name.length - 1;
  let seen = 0;
  for (let i = 0; i <= last; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      seen |= 1; // a–z, most characters
    } else if (c === 0x20) {
      if (i === 0 || i === last || name.charCodeAt(i - 1) === 0x20) return false;
    } else if (c < 0x20 || (c >= 0x30 && c <= 0x39) || (c >= 0x7f && c < 0xc0)) {
      return false;
    } else if (c > 0x24f && (c < 0x1ea0 || c > 0x1ef9)) {
      return false;
    } else if (seen !== 3) {
      seen |= caseOf(c);
    }
  }
  return seen === 3;
}

/**
 * {@link convertText}'s value for text in a Unicode font that cleaning leaves alone (most cells),
 * without building a result; `undefined` for any other cell.
 *
 * @internal
 */
export function quickText(cell: Cell | undefined): string | undefined {
  const stored = cell?.value;
  return typeof stored === 'string' &&
    stored !== '' &&
    inUnicodeFont(cell as Cell) &&
    isCleanText(stored)
    ? stored
    : undefined;
}

/**
 * {@link convertName}'s value for most names — clean text in a Unicode font, with capitals and
 * small letters and no digit, kept as written — without building a result; `undefined` for any
 * other cell.
 *
 * @internal
 */
export function quickName(cell: Cell | undefined, options: ConvertOptions): string | undefined {
  const stored = cell?.value;
  return typeof stored === 'string' &&
    options.format !== true &&
    inUnicodeFont(cell as Cell) &&
    isCleanMixedName(stored)
    ? stored
    : undefined;
}

/**
 * Reads a cell as text (`'text'`): the text the cell shows ({@link cellText}) — a string decoded
 * from TCVN3 or VNI when the cell's font is a legacy one (`.VnTime` → `Hà Nội` from `Hµ Néi`,
 * `.VnTimeH` in capitals, `VNI-Times`), then cleaned by `normalizeText`; numbers as written
 * in JavaScript's shortest form; booleans as `TRUE`/`FALSE`. Blank cells are absent.
 *
 * @param cell - the cell
 */
export function convertText(cell: Cell | undefined, _options: ConvertOptions = {}): Converted {
  const quick = quickText(cell);
  if (quick !== undefined) return accept(quick);
  const text = textInput(cell);
  if (text === undefined) return ABSENT;
  if (text === null) return ERROR_VALUE;
  return accept(text);
}

/**
 * Reads a cell as a person's name (`'name'`): as {@link convertText}, kept as written unless
 * {@link ConvertOptions.format} (then `formatPersonName`: `NGUYỄN văn an` → `Nguyễn Văn An`).
 * A name kept as written that is all in capitals or all in lower case, or that contains digits,
 * is accepted with a warning (a query: fix it or acknowledge it). A number is not a name.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.format}, {@link ConvertOptions.hideValue}
 */
export function convertName(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const quick = quickName(cell, options);
  if (quick !== undefined) return accept(quick);
  const text = textInput(cell);
  if (text === undefined) return ABSENT;
  if (text === null) return ERROR_VALUE;
  const value = (cell as Cell).value as string | number | boolean;
  if (typeof value !== 'string') {
    return reject(
      `${describeValue(value, options.hideValue)} is not a name: expected text such as Nguyễn Văn An.`,
    );
  }
  if (options.format === true) return accept(formatPersonName(text));
  const name = text;
  const shape = nameShape(name);
  if (shape === MIXED_CASE) return accept(name);
  if (shape === DIGITS || /\p{N}/u.test(name)) {
    return accept(name, 'The name contains digits; kept as written.');
  }
  const upper = name.toLocaleUpperCase('vi');
  const lower = name.toLocaleLowerCase('vi');
  if (upper !== lower && name === upper && [...name].length > 1) {
    return accept(
      name,
      'The name is written in capitals; kept as written (set format: true to write it as Nguyễn Văn An).',
    );
  }
  if (upper !== lower && name === lower) {
    return accept(
      name,
      'The name is written in lower case; kept as written (set format: true to write it as Nguyễn Văn An).',
    );
  }
  return accept(name);
}
