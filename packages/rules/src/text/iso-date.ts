/**
 * Whether `value` is an ISO `yyyy-mm-dd` calendar date: exactly `isIsoDate` of `@eduvn/text`
 * (four ASCII digits, `-`, two, `-`, two, nothing around them, a day that exists in the proleptic
 * Gregorian calendar), read character by character — the rules ask it of every pupil's birth
 * date, and a regular expression's match objects cost more than the check.
 *
 * @example
 * ```ts
 * isIsoCalendarDate('2016-02-29'); // true
 * isIsoCalendarDate('2017-02-29'); // false
 * ```
 */
export function isIsoCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
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
