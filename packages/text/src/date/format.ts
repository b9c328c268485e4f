import { toVn } from './calendar.ts';
import { isoToCalendarDate } from './iso.ts';
import { quote } from './text.ts';

/**
 * Writes an ISO calendar date the Vietnamese way, `dd/mm/yyyy`, with two-digit day and month.
 *
 * @param iso - A valid ISO calendar date, `yyyy-mm-dd` (see {@link isIsoDate}).
 * @returns The date as `dd/mm/yyyy`.
 * @throws RangeError when `iso` is not a valid ISO calendar date.
 *
 * @example
 * ```ts
 * formatVnDate('2017-02-28') // '28/02/2017'
 * formatVnDate('2017-02-29') // throws RangeError: 2017 is not a leap year
 * ```
 */
export function formatVnDate(iso: string): string {
  const date = typeof iso === 'string' ? isoToCalendarDate(iso) : null;
  if (date === null) {
    throw new RangeError(
      `formatVnDate: expected a valid ISO calendar date (yyyy-mm-dd), got ${typeof iso === 'string' ? quote(iso) : typeof iso}.`,
    );
  }
  return toVn(date);
}
