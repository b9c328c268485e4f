import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, inputOf, reject, textInput } from './converter.ts';
import { describeValue } from './describe-value.ts';
import { parseNumberText } from './parse-number.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

const DATE_FORMATTED = 'The cell is formatted as a date; its number was used.';

/**
 * {@link convertInteger}'s value for a number cell (not date-formatted) holding a whole number
 * within 2^53, without building a result; `undefined` for any other cell.
 *
 * @internal
 */
export function quickInteger(cell: Cell | undefined): number | undefined {
  const value = cell?.value;
  if (typeof value !== 'number' || cell?.date !== undefined || !Number.isSafeInteger(value)) {
    return undefined;
  }
  return value === 0 ? 0 : value;
}

/**
 * Reads a cell as a whole number (`'integer'`): a number cell holding a whole number, or text read
 * by {@link parseNumberText} in `'integer'` mode (`'1.234'` is 1234, `'7,0'` is 7). A fraction
 * (`7.5`, `'7,5'`), a number beyond 2^53, a boolean or other text is a problem. A date-formatted
 * cell's number is used, with a warning.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function convertInteger(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const quick = quickInteger(cell);
  if (quick !== undefined) return accept(quick);
  const text = textInput(cell);
  if (text === undefined) return ABSENT;
  if (text === null) return ERROR_VALUE;
  const value = (cell as Cell).value as string | number | boolean;
  if (typeof value === 'boolean')
    return reject(`${describeValue(value, options.hideValue)} is not a number.`);
  const parsed =
    typeof value === 'number'
      ? {
          ok: true as const,
          value,
          warning: (cell as Cell).date === undefined ? undefined : DATE_FORMATTED,
        }
      : parseNumberText(text, 'integer');
  if (!parsed.ok) return reject(`${describeValue(value, options.hideValue)} is not a number.`);
  if (!Number.isInteger(parsed.value))
    return reject(`${describeValue(value, options.hideValue)} is not a whole number.`);
  if (!Number.isSafeInteger(parsed.value))
    return reject(`${describeValue(value, options.hideValue)} is too large to be read exactly.`);
  return accept(parsed.value === 0 ? 0 : parsed.value, parsed.warning);
}

/**
 * Reads a cell as a number (`'decimal'`): a number cell, or text read by {@link parseNumberText}
 * in `'decimal'` mode: `'7,5'` and `'7.5'` are 7.5, `'1.234,5'` is 1234.5; a lone separator
 * followed by three digits (`'1.234'`) is read as a decimal point, with a warning. A boolean or
 * other text is a problem. A date-formatted cell's number is used, with a warning.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function convertDecimal(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  if (typeof value === 'boolean')
    return reject(`${describeValue(value, options.hideValue)} is not a number.`);
  if (typeof value === 'number') {
    return accept(value, input.cell.date === undefined ? undefined : DATE_FORMATTED);
  }
  const parsed = parseNumberText(input.text, 'decimal');
  if (!parsed.ok)
    return reject(
      `${describeValue(value, options.hideValue)} is not a number: write it like 7,5 or 7.5.`,
    );
  return accept(parsed.value === 0 ? 0 : parsed.value, parsed.warning);
}
