import { inUnicodeFont } from '../layout/clean-text.ts';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, reject, textInput } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Digits written in scientific notation, as CSV exports write long numbers (`1.17554E+12`). */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/** A whole number that went through a float: `'12.0'`. */
const TRAILING_ZERO_FRACTION = /^(\d+)\.0+$/;

/** {@link codeMarks}: an `e` or `E` (maybe scientific notation). */
const HAS_E = 1;
/** {@link codeMarks}: a `.` (maybe a trailing `.0`). */
const HAS_DOT = 2;
/** {@link codeMarks}: a character that is not an ASCII digit. */
const NOT_DIGIT = 4;
/** {@link codeMarks}: one or more ASCII digits and nothing else. */
const DIGITS_ONLY = 0;

/** Which of {@link HAS_E}, {@link HAS_DOT} and {@link NOT_DIGIT} a code has, in one pass. */
function codeMarks(code: string): number {
  let marks = code.length === 0 ? NOT_DIGIT : 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    marks |= NOT_DIGIT;
    if (c === 0x65 || c === 0x45) marks |= HAS_E;
    else if (c === 0x2e) marks |= HAS_DOT;
  }
  return marks;
}

/** {@link plainCode}: not a plain code. */
const NOT_PLAIN = -1;

/**
 * Whether a stored code is plain — one or more ASCII letters and digits without `e` or `E`, so
 * cleaning, the apostrophe, scientific notation and `.0` do not apply — and then whether it is
 * {@link DIGITS_ONLY}; else {@link NOT_PLAIN}.
 */
function plainCode(code: string): number {
  if (code.length === 0) return NOT_PLAIN;
  let marks = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c === 0x65 || c === 0x45) return NOT_PLAIN;
    if ((c < 0x41 || c > 0x5a) && (c < 0x61 || c > 0x7a)) return NOT_PLAIN;
    marks = NOT_DIGIT;
  }
  return marks;
}

/** Whether a text is one or more ASCII digits (as `/^\d+$/`). */
function isDigits(text: string): boolean {
  return codeMarks(text) === DIGITS_ONLY;
}

/** The code with leading zeros restored up to `pad`, when it is all digits (`digits` if known). */
function padded(code: string, pad: number | undefined, digits?: boolean): string {
  return pad !== undefined && code.length < pad && (digits ?? isDigits(code))
    ? code.padStart(pad, '0')
    : code;
}

/**
 * {@link convertCode}'s value for most codes — ASCII letters and digits in a Unicode font, which
 * nothing else in it changes — without building a result; `undefined` for any other cell.
 *
 * @internal
 */
export function quickCode(cell: Cell | undefined, options: ConvertOptions): string | undefined {
  const stored = cell?.value;
  if (typeof stored !== 'string' || !inUnicodeFont(cell as Cell)) return undefined;
  const kind = plainCode(stored);
  return kind === NOT_PLAIN ? undefined : padded(stored, options.pad, kind === DIGITS_ONLY);
}

/**
 * Reads a cell as a code (`'code'`): catalog codes, class codes, pupil codes, personal IDs.
 *
 * - Text is cleaned ({@link cellText}); a leading apostrophe (CSV files' way to force text) is
 *   dropped, and an all-digit code ending in `.0` loses it, with a warning.
 * - A number becomes its digits without `.0` (`1` → `'1'`, `1175538200001` → `'1175538200001'`).
 *   A number too large for its digits to be exact (over 2^53, or Excel's 15 significant digits)
 *   was rounded by the spreadsheet: a problem. A fraction (`1.5`) is kept as written, with a warning.
 * - {@link ConvertOptions.pad} restores leading zeros: with `pad: 2`, `1` and `'1'` give `'01'`.
 * - A date-formatted number is a problem: the spreadsheet turned the code into a date, and the
 *   code cannot be recovered from it.
 * - Text in scientific notation (`1.17554E+12`) lost digits on export: a problem.
 * - A boolean is not a code.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.pad}, {@link ConvertOptions.hideValue}
 */
export function convertCode(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const quick = quickCode(cell, options);
  if (quick !== undefined) return accept(quick);
  const text = textInput(cell);
  if (text === undefined) return ABSENT;
  if (text === null) return ERROR_VALUE;
  const value = (cell as Cell).value as string | number | boolean;
  if (typeof value === 'boolean')
    return reject(`${describeValue(value, options.hideValue)} is not a code.`);
  if (typeof value === 'number') {
    if ((cell as Cell).date !== undefined) {
      return reject(
        'The cell holds a date, not a code: the spreadsheet may have turned the code into a date. Type the code as text.',
      );
    }
    if (!Number.isFinite(value))
      return reject(`${describeValue(value, options.hideValue)} is not a code.`);
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER || Math.abs(value) >= 1e15) {
      return reject(
        'The code is stored as a number with too many digits: the spreadsheet has rounded it. Format the column as text and type the code again.',
      );
    }
    if (!Number.isInteger(value)) {
      return accept(
        String(value),
        'The code is stored as a decimal number; trailing zeros may have been lost (format the column as text).',
      );
    }
    return accept(padded(String(value), options.pad));
  }
  let code = text.charCodeAt(0) === 39 ? text.replace(/^'(?=\S)/, '') : text;
  // Most codes are digits and letters: one look at their characters rules both patterns out.
  const marks = codeMarks(code);
  if (marks === DIGITS_ONLY) return accept(padded(code, options.pad, true));
  if ((marks & HAS_E) !== 0 && SCIENTIFIC.test(code)) {
    return reject(
      `${describeValue(value, options.hideValue)} is written in scientific notation: its digits were lost when the file was exported. Format the column as text and export again.`,
    );
  }
  const whole = (marks & HAS_DOT) !== 0 ? TRAILING_ZERO_FRACTION.exec(code) : null;
  if (whole?.[1] !== undefined) {
    code = whole[1];
    return accept(
      padded(code, options.pad),
      'The code ended in .0 (a number turned into text); the .0 was dropped.',
    );
  }
  return accept(padded(code, options.pad));
}
