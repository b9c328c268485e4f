import { type CalendarDate, fromDayNumber, MS_PER_DAY } from './calendar.ts';

/**
 * How {@link parseVnDate} reads the calendar date of a JavaScript `Date`. A `Date` is an instant,
 * not a day; spreadsheet libraries put a date-only cell at midnight of some time zone.
 *
 * - `'auto'` (default): at UTC midnight (exceljs, and SheetJS with `UTC: true`) the UTC date;
 *   otherwise at local midnight (SheetJS `cellDates` without `UTC`) the local date; otherwise
 *   the UTC date.
 * - `'utc'`: always the UTC calendar date.
 * - `'local'`: always the calendar date in the time zone of the JavaScript runtime.
 */
export type DateObjectMode = 'auto' | 'utc' | 'local';

/**
 * Whether `value` is a genuine `Date`, from this realm or another (an iframe, a `vm` context):
 * `Date.prototype.getTime` throws on anything else, whatever its `Symbol.toStringTag`.
 *
 * @internal
 */
export function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  try {
    Date.prototype.getTime.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date a valid `Date` stands for under `mode`, or `null` for an invalid `Date`.
 * The date is read with the UTC or local getters of a fresh `Date` built from the time value;
 * nothing is parsed from strings and no offset arithmetic is done by hand.
 *
 * @internal
 */
export function dateToCalendarDate(value: Date, mode: DateObjectMode): CalendarDate | null {
  const time = Date.prototype.getTime.call(value);
  if (Number.isNaN(time)) return null;
  const utcDay = Math.floor(time / MS_PER_DAY);
  if (mode === 'utc' || (mode === 'auto' && time - utcDay * MS_PER_DAY === 0)) {
    return fromDayNumber(utcDay);
  }
  const local = new Date(time);
  const localMidnight =
    local.getHours() === 0 &&
    local.getMinutes() === 0 &&
    local.getSeconds() === 0 &&
    local.getMilliseconds() === 0;
  if (mode === 'local' || localMidnight) {
    return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
  }
  return fromDayNumber(utcDay);
}
