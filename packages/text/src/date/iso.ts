import { type CalendarDate, calendarDateProblem } from './calendar.ts';

/** `yyyy-mm-dd`: four-digit year, two-digit month and day. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The year, month and day written in an ISO `yyyy-mm-dd` string, whether or not they form a
 * calendar date, or `null` when the string does not have that shape.
 *
 * @internal
 */
export function matchIsoDate(s: string): CalendarDate | null {
  const m = ISO_DATE.exec(s);
  if (m === null) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/**
 * The calendar date an ISO `yyyy-mm-dd` string names, or `null` when it is not a valid one.
 *
 * @internal
 */
export function isoToCalendarDate(s: string): CalendarDate | null {
  const date = matchIsoDate(s);
  if (date === null || calendarDateProblem(date.year, date.month, date.day) !== null) return null;
  return date;
}

/**
 * Whether `s` is a string holding exactly one ISO 8601 calendar date, `yyyy-mm-dd` (four-digit
 * year, two-digit month and day, no time, no surrounding white space), that exists in the
 * Gregorian calendar: `'2016-02-29'` is one, `'2017-02-29'`, `'2017-2-28'` and `'28/02/2017'`
 * are not.
 *
 * This is the form every eduvn date is stored in; use it to validate such fields in schemas.
 *
 * @example
 * ```ts
 * isIsoDate('2000-02-29') // true
 * isIsoDate('1900-02-29') // false: 1900 is not a leap year
 * isIsoDate(new Date())   // false: only strings
 * ```
 */
export function isIsoDate(s: unknown): s is string {
  // Read character by character: records' date fields are checked with it, and a regular
  // expression's match objects cost more than the check (same answers as isoToCalendarDate).
  if (typeof s !== 'string' || s.length !== 10) return false;
  if (s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return false;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return day <= (leap ? 29 : 28);
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

const DASH = 0x2d;

/** The number written by the `length` ASCII digits of `s` at `from`, or -1 when one is not a digit. */
function digitsAt(s: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
