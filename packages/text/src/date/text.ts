/**
 * The shapes of date text found in Vietnamese school spreadsheets, recognized without judging
 * whether the numbers make a calendar date.
 *
 * @internal
 */

/** The numbers written in day-first text, `d/m/y` with `/`, `-` or `.` used both times. */
export interface DayFirstText {
  /** The day as written. */
  readonly day: number;
  /** The month as written. */
  readonly month: number;
  /** The year as written. */
  readonly year: number;
  /** How many digits the year was written with (4 is the only acceptable count). */
  readonly yearDigits: number;
  /** The separator, `/`, `-` or `.`. */
  readonly separator: string;
}

/** Day and month of one or two digits, the same separator twice, then the year's digits. */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/;

/** A four-digit year first that is not strict ISO (`2020/09/22`, `2020-9-22`). */
const YEAR_FIRST = /^\d{4}([/.-])\d{1,2}\1\d{1,2}$/;

/** An Excel serial written as text: digits, maybe a fraction (a date-time), maybe a minus sign. */
const SERIAL = /^-?\d+(?:\.\d+)?$/;

/** The parts of day-first date text, or `null` when `s` is not day-first text. */
export function matchDayFirst(s: string): DayFirstText | null {
  const m = DAY_FIRST.exec(s);
  if (m === null) return null;
  const [, day = '', separator = '', month = '', year = ''] = m;
  return {
    day: Number(day),
    month: Number(month),
    year: Number(year),
    yearDigits: year.length,
    separator,
  };
}

/** Whether `s` starts with a four-digit year but is not in the strict ISO form. */
export function isYearFirst(s: string): boolean {
  return YEAR_FIRST.test(s);
}

/** Whether `s` is an Excel serial written as text. */
export function isSerialText(s: string): boolean {
  return SERIAL.test(s);
}

/** `s` quoted for a message, cut short when long. */
export function quote(s: string): string {
  const MAX = 40;
  return s.length <= MAX
    ? JSON.stringify(s)
    : `${JSON.stringify(s.slice(0, MAX))}… (${s.length} characters)`;
}
