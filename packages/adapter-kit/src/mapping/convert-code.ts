import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, inputOf, reject } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Digits written in scientific notation, as CSV exports write long numbers (`1.17554E+12`). */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/** A whole number that went through a float: `'12.0'`. */
const TRAILING_ZERO_FRACTION = /^(\d+)\.0+$/;

function padded(code: string, pad: number | undefined): string {
  return pad !== undefined && /^\d+$/.test(code) && code.length < pad
    ? code.padStart(pad, '0')
    : code;
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
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  const shown = describeValue(value, options.hideValue);
  if (typeof value === 'boolean') return reject(`${shown} is not a code.`);
  if (typeof value === 'number') {
    if (input.cell.date !== undefined) {
      return reject(
        'The cell holds a date, not a code: the spreadsheet may have turned the code into a date. Type the code as text.',
      );
    }
    if (!Number.isFinite(value)) return reject(`${shown} is not a code.`);
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
  let code = input.text.replace(/^'(?=\S)/, '');
  if (SCIENTIFIC.test(code)) {
    return reject(
      `${shown} is written in scientific notation: its digits were lost when the file was exported. Format the column as text and export again.`,
    );
  }
  const whole = TRAILING_ZERO_FRACTION.exec(code);
  if (whole?.[1] !== undefined) {
    code = whole[1];
    return accept(
      padded(code, options.pad),
      'The code ended in .0 (a number turned into text); the .0 was dropped.',
    );
  }
  return accept(padded(code, options.pad));
}
