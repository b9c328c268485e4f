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
  return typeof s === 'string' && isoToCalendarDate(s) !== null;
}
