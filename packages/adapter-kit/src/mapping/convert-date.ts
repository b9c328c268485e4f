import { parseVnDate, type VnDateErrorReason } from '@eduvn/text';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, inputOf, reject } from './converter.ts';
import { describeValue, maskDigits } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Serials below this are not read from plain numbers: `2015` is a year, not 8 July 1905. */
const MIN_SERIAL = 10_000;

/** Problem texts without the value, for {@link ConvertOptions.hideValue}. */
const HIDDEN: Readonly<Record<VnDateErrorReason, string>> = {
  empty: 'The value is blank.',
  'unsupported-type': 'The value is not a date.',
  unrecognized: 'The value is not a date: expected dd/mm/yyyy.',
  'two-digit-year': 'The date has a two-digit year: write the year in full (dd/mm/yyyy).',
  'not-a-calendar-date': 'The value is not a calendar date (no such day).',
  'phantom-leap-day': "The value is Excel's 29 February 1900, a day that never existed.",
  'invalid-number': 'The value is not a finite number.',
  'out-of-range': 'The date is outside the accepted range.',
  'invalid-date-object': 'The value is an invalid date.',
};

/**
 * Reads a cell as a date (`'date'`), an ISO `yyyy-mm-dd` string, never shifted by time zones:
 *
 * - a date-formatted number cell gives its `Cell.date` (read by the workbook reader in the
 *   workbook's date system);
 * - text is read by `parseVnDate`: `dd/mm/yyyy` (also `d/m/yyyy`, `-` or `.`), ISO
 *   `yyyy-mm-dd`, or an Excel serial written as text (`'44096'` → `2020-09-22`); two-digit years
 *   and days that do not exist (`31/02/2017`) are problems;
 * - a plain number is read as an Excel serial (`44096` → `2020-09-22`, files often keep dates as
 *   General-formatted serials) in {@link ConvertOptions.dateSystem}; numbers below 10000 are a
 *   problem (`2015` is a year, not a date);
 * - a boolean is not a date.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.dateSystem}, {@link ConvertOptions.hideValue}
 */
export function convertDate(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  if (typeof value === 'number' && input.cell.date !== undefined) return accept(input.cell.date);
  const hide = options.hideValue === true;
  if (typeof value === 'boolean') return reject(`${describeValue(value, hide)} is not a date.`);
  if (typeof value === 'number' && Math.abs(value) < MIN_SERIAL) {
    const year = Number.isInteger(value) && value >= 1900 && value <= 2100;
    return reject(
      `${describeValue(value, hide)} ${year ? 'looks like a year' : 'is a number'}, not a date: write the full date (dd/mm/yyyy).`,
    );
  }
  const parsed = parseVnDate(typeof value === 'number' ? value : input.text, {
    dateSystem: options.dateSystem,
  });
  if (parsed.ok) return accept(parsed.date);
  return reject(hide ? HIDDEN[parsed.reason] : maskDigits(parsed.message));
}
