/**
 * Proleptic Gregorian calendar arithmetic on plain integers, independent of `Date` and of the time
 * zone: a calendar date is a year, a month and a day, and a day number counts days from 1970-01-01.
 *
 * @internal
 */

/** A calendar date: year, month (1–12) and day of the month (1–31), no time, no time zone. */
export interface CalendarDate {
  /** The year, e.g. `2020`. */
  readonly year: number;
  /** The month, 1 (January) to 12 (December). */
  readonly month: number;
  /** The day of the month, 1 to 31. */
  readonly day: number;
}

/** Milliseconds in one day. */
export const MS_PER_DAY = 86_400_000;

/** English month names for error messages, index 0 = January. */
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Whether `year` is a Gregorian leap year: divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The English name of `month` (1–12). */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? `month ${month}`;
}

/**
 * Why `year`-`month`-`day` is not a calendar date, as an English clause (e.g. `'February 2017 has
 * 28 days'`), or `null` when it is one. `year` must be an integer.
 */
export function calendarDateProblem(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    return `there is no month ${month} (months run from 1 to 12)`;
  }
  if (!Number.isInteger(day) || day < 1) return `there is no day ${day} (days start at 1)`;
  const last = daysInMonth(year, month);
  if (day > last) {
    if (day === 29 && month === 2) return `${year} is not a leap year, so February has 28 days`;
    return `${monthName(month)} ${year} has ${last} days`;
  }
  return null;
}

/**
 * The day number of a calendar date: days since 1970-01-01 (negative before). Pure integer
 * arithmetic (H. Hinnant's `days_from_civil`), valid for every year.
 */
export function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (days since 1970-01-01); the inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The ISO 8601 form of a calendar date: `yyyy-mm-dd` for years 0–9999, and the expanded form
 * (`+yyyyyy-mm-dd`, `-yyyyyy-mm-dd`) outside them, as `Date.prototype.toISOString` writes it.
 */
export function toIso({ year, month, day }: CalendarDate): string {
  const y =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** The Vietnamese form of a calendar date: `dd/mm/yyyy`. */
export function toVn({ year, month, day }: CalendarDate): string {
  return `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
}
