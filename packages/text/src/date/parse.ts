import { normalizeText } from '../normalize.ts';
import {
  type CalendarDate,
  calendarDateProblem,
  fromDayNumber,
  toDayNumber,
  toIso,
} from './calendar.ts';
import { dateToCalendarDate, isDate } from './date-object.ts';
import { serialToDayNumber } from './excel-serial.ts';
import { matchIsoDate } from './iso.ts';
import { type ParseVnDateOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import type {
  ParsedVnDate,
  ParsedVnDateFailure,
  VnDateErrorReason,
  VnDateSource,
} from './result.ts';
import { isSerialText, isYearFirst, matchDayFirst, quote } from './text.ts';

const EXPECTED =
  'expected dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy or dd.mm.yyyy), yyyy-mm-dd, or an Excel serial number';

/**
 * Serials written as text need at least this many integer digits. Shorter digit strings in a date
 * column are years (`'2015'`) or typing slips far more often than dates before 1927, and reading
 * `'2015'` as 8 July 1905 would hide the problem.
 */
const MIN_SERIAL_TEXT_DIGITS = 5;

function fail(reason: VnDateErrorReason, message: string): ParsedVnDateFailure {
  return { ok: false, reason, message };
}

/** Accepts `dayNumber` if it is within the range, naming the value as `shown` otherwise. */
function inRange(
  dayNumber: number,
  from: VnDateSource,
  shown: string,
  options: ResolvedOptions,
): ParsedVnDate {
  const iso = toIso(fromDayNumber(dayNumber));
  const what = from === 'iso' ? shown : `${shown} (${iso})`;
  if (dayNumber < options.minDay) {
    return fail('out-of-range', `${what} is before ${options.min}, the earliest accepted date.`);
  }
  if (dayNumber > options.maxDay) {
    return fail('out-of-range', `${what} is after ${options.max}, the latest accepted date.`);
  }
  return { ok: true, date: iso, from };
}

function fromCalendarText(
  date: CalendarDate,
  from: 'text' | 'iso',
  shown: string,
  options: ResolvedOptions,
): ParsedVnDate {
  const problem = calendarDateProblem(date.year, date.month, date.day);
  if (problem !== null) {
    const order =
      from === 'text' && (date.month < 1 || date.month > 12)
        ? '; the day comes first (dd/mm/yyyy)'
        : '';
    return fail('not-a-calendar-date', `${shown} is not a calendar date: ${problem}${order}.`);
  }
  return inRange(toDayNumber(date), from, shown, options);
}

function fromSerial(serial: number, shown: string, options: ResolvedOptions): ParsedVnDate {
  const day = serialToDayNumber(serial, options.dateSystem, shown);
  if (!day.ok) return fail(day.reason, day.message);
  return inRange(day.dayNumber, 'serial', `Excel serial ${shown}`, options);
}

function fromString(value: string, options: ResolvedOptions): ParsedVnDate {
  const s = normalizeText(value);
  if (s === '') {
    return fail(
      'empty',
      value === '' ? 'The value is an empty string.' : 'The value contains only white space.',
    );
  }
  const shown = quote(s);
  const iso = matchIsoDate(s);
  if (iso !== null) return fromCalendarText(iso, 'iso', shown, options);
  const text = matchDayFirst(s);
  if (text !== null) {
    const { yearDigits } = text;
    if (yearDigits === 2) {
      const [head, yy] = [s.slice(0, -2), s.slice(-2)];
      return fail(
        'two-digit-year',
        `${shown} has a two-digit year, and the century is not guessed: write the year in full (e.g. ${head}20${yy} or ${head}19${yy}).`,
      );
    }
    if (yearDigits !== 4) {
      return fail(
        'unrecognized',
        `${shown} has a year of ${yearDigits} digit${yearDigits === 1 ? '' : 's'}; write the year with four digits (dd/mm/yyyy).`,
      );
    }
    return fromCalendarText(text, 'text', shown, options);
  }
  if (isSerialText(s)) {
    const digits = s.replace(/^-/, '').split('.')[0]?.length ?? 0;
    if (digits < MIN_SERIAL_TEXT_DIGITS) {
      return fail(
        'unrecognized',
        digits === 4
          ? `${shown} looks like a year, not a date: write the full date (dd/mm/yyyy).`
          : `${shown} is a number, not a date: serial numbers written as text are read only from ${MIN_SERIAL_TEXT_DIGITS} digits (10000 is 18/05/1927); pass a number to read a smaller serial.`,
      );
    }
    const serial = Number(s);
    if (!Number.isFinite(serial)) {
      return fail('out-of-range', `Excel serial ${shown} is far too large to be a date.`);
    }
    return fromSerial(serial, shown, options);
  }
  if (isYearFirst(s)) {
    return fail(
      'unrecognized',
      `${shown} is written year first, which is accepted only as ISO yyyy-mm-dd (with '-' and two-digit month and day).`,
    );
  }
  return fail('unrecognized', `${shown} is not a date: ${EXPECTED}.`);
}

function fromDate(value: Date, options: ResolvedOptions): ParsedVnDate {
  const date = dateToCalendarDate(value, options.dateObjects);
  if (date === null) return fail('invalid-date-object', 'The Date is invalid (its time is NaN).');
  const instant = new Date(Date.prototype.getTime.call(value)).toISOString();
  return inRange(toDayNumber(date), 'date', `The Date ${instant}`, options);
}

function describeType(value: unknown): string {
  switch (typeof value) {
    case 'boolean':
      return `The boolean ${value}`;
    case 'bigint':
      return `The bigint ${value}n`;
    case 'symbol':
      return 'A symbol';
    case 'function':
      return 'A function';
    default:
      return Array.isArray(value) ? 'An array' : 'An object';
  }
}

/**
 * Reads a date as Vietnamese school spreadsheets hold it, whatever the cell's type, into an ISO
 * `yyyy-mm-dd` calendar date. Never throws for a bad value: it returns the reason instead.
 *
 * Accepted values:
 *
 * - **Day-first text** (`from: 'text'`): `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy` —
 *   one or two digits for day and month, the same separator twice, a four-digit year. Two-digit
 *   years are rejected (`'two-digit-year'`), never guessed.
 * - **ISO text** (`from: 'iso'`): `yyyy-mm-dd`.
 * - **Excel serial numbers** (`from: 'serial'`): a number, or a string of at least five digits
 *   (files often store serials as text, e.g. `'44096'`; shorter digit strings such as `'2015'` are
 *   years or slips and are rejected as `'unrecognized'`), in the workbook's {@link ParseVnDateOptions.dateSystem}. The
 *   fraction of a date-time serial (the time of day) is ignored. In the 1900 system serial 60 is
 *   Excel's phantom 29 February 1900 (`'phantom-leap-day'`).
 * - **`Date` objects** (`from: 'date'`), read by {@link ParseVnDateOptions.dateObjects}; the
 *   calendar date is taken from the instant's UTC or local fields, never shifted by hand.
 *
 * White space (including NBSP) and zero-width characters around text are ignored. Text must name a
 * real day (`'31/02/2017'`, `'29/02/1900'`: `'not-a-calendar-date'`), and every date must fall in
 * `options.min`..`options.max` (default 1900-01-01..2100-12-31, `'out-of-range'`).
 *
 * @param value - A cell value: string, number, `Date`, or anything else (which is rejected).
 * @param options - The workbook's date system, how to read `Date` values, and the accepted range.
 * @returns `{ ok: true, date, from }`, or `{ ok: false, reason, message }`.
 * @throws RangeError only for invalid `options` (a programming error, not bad data): an unknown
 * `dateSystem` or `dateObjects`, a `min` or `max` that is not an ISO date, or `min` after `max`.
 *
 * @example
 * ```ts
 * parseVnDate('22/09/2020')  // { ok: true, date: '2020-09-22', from: 'text' }
 * parseVnDate(' 2.9.2020 ')  // { ok: true, date: '2020-09-02', from: 'text' }
 * parseVnDate('44096')       // { ok: true, date: '2020-09-22', from: 'serial' }
 * parseVnDate(new Date(Date.UTC(2020, 8, 22)))  // { ok: true, date: '2020-09-22', from: 'date' }
 * parseVnDate('31/02/2017')  // { ok: false, reason: 'not-a-calendar-date', message: '"31/02/2017" is not a calendar date: February 2017 has 28 days.' }
 * parseVnDate('22/09/20')    // { ok: false, reason: 'two-digit-year', message: … }
 * ```
 */
export function parseVnDate(value: unknown, options?: ParseVnDateOptions): ParsedVnDate {
  const resolved = resolveOptions(options);
  if (value === null || value === undefined) {
    return fail('empty', `The value is ${value === null ? 'null' : 'undefined'} (a blank cell).`);
  }
  if (typeof value === 'string') return fromString(value, resolved);
  if (typeof value === 'number') return fromSerial(value, String(value), resolved);
  if (isDate(value)) return fromDate(value, resolved);
  return fail(
    'unsupported-type',
    `${describeType(value)} is not a date: expected a string, a number (an Excel serial) or a Date.`,
  );
}
