import {
  excelSerialToIso,
  isoToExcelSerial,
  parseVnDate,
  type VnDateErrorReason,
} from '@eduvn/text';
import { inUnicodeFont } from '../layout/clean-text.ts';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, reject, textInput } from './converter.ts';
import { describeValue, maskDigits } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Serials below this are not read from plain numbers: `2015` is a year, not 8 July 1905. */
const MIN_SERIAL = 10_000;

/** The serials of 2100-12-31, the latest date `parseVnDate` accepts, in each date system. */
const LAST_SERIAL_1900 = isoToExcelSerial('2100-12-31', '1900');
const LAST_SERIAL_1904 = isoToExcelSerial('2100-12-31', '1904');

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
 * ISO dates already written: a file's dates repeat (a school's pupils were born in a few years),
 * and one string per day is cheaper than one per cell. Text dates by day slot (31 a month, 1900 to
 * 2100, made on first use); serials by serial, in each date system (at most
 * {@link MAX_CACHED_SERIALS}: 200 years of days).
 */
let textDates: (string | undefined)[] | undefined;
const DAY_SLOTS = 201 * 372;
const serials1900 = new Map<number, string>();
const serials1904 = new Map<number, string>();
const MAX_CACHED_SERIALS = 80_000;

/** The value of two ASCII digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The ISO date of text written exactly `dd/mm/yyyy` (the templates' form) that names a calendar
 * day from 1900 to 2100 — what `parseVnDate` returns for it, without its regular expressions —
 * or `undefined` for any other text (which `parseVnDate` then reads, or explains).
 */
function dayFirstIso(text: string): string | undefined {
  if (text.length !== 10 || text.charCodeAt(2) !== 0x2f || text.charCodeAt(5) !== 0x2f) {
    return undefined;
  }
  const day = twoDigits(text, 0);
  const month = twoDigits(text, 3);
  const century = twoDigits(text, 6);
  const rest = twoDigits(text, 8);
  if (day < 1 || month < 1 || month > 12 || century < 0 || rest < 0) return undefined;
  const year = century * 100 + rest;
  if (year < 1900 || year > 2100) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days =
    month === 2
      ? leap
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  if (day > days) return undefined;
  textDates ??= new Array(DAY_SLOTS);
  const slot = (year - 1900) * 372 + (month - 1) * 31 + day - 1;
  let iso = textDates[slot];
  if (iso === undefined) {
    iso = `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`;
    textDates[slot] = iso;
  }
  return iso;
}

/** The ISO date of an Excel serial (see {@link convertDate}), remembered like {@link textDates}. */
function serialIso(serial: number, system: '1900' | '1904'): string {
  const cache = system === '1904' ? serials1904 : serials1900;
  const key = Math.floor(serial);
  let iso = cache.get(key);
  if (iso === undefined) {
    iso = excelSerialToIso(key, system);
    if (cache.size < MAX_CACHED_SERIALS) cache.set(key, iso);
  }
  return iso;
}

/**
 * {@link convertDate}'s value for most dates — a date cell, `dd/mm/yyyy` text in a Unicode font
 * (which cleaning leaves alone), a serial number of a day up to 2100-12-31 (what `parseVnDate`
 * gives for it) — without building a result; `undefined` for any other cell.
 *
 * @internal
 */
export function quickDate(cell: Cell | undefined, options: ConvertOptions): string | undefined {
  if (cell === undefined) return undefined;
  const { value } = cell;
  if (typeof value === 'string') {
    return value.length === 10 && inUnicodeFont(cell) ? dayFirstIso(value) : undefined;
  }
  if (typeof value !== 'number') return undefined;
  if (cell.date !== undefined) return cell.date;
  const system = options.dateSystem ?? '1900';
  return value >= MIN_SERIAL &&
    value < (system === '1904' ? LAST_SERIAL_1904 : LAST_SERIAL_1900) + 1
    ? serialIso(value, system)
    : undefined;
}

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
  const quick = quickDate(cell, options);
  if (quick !== undefined) return accept(quick);
  const text = textInput(cell);
  if (text === undefined) return ABSENT;
  if (text === null) return ERROR_VALUE;
  const value = (cell as Cell).value as string | number | boolean;
  if (typeof value === 'number' && (cell as Cell).date !== undefined)
    return accept((cell as Cell).date);
  const hide = options.hideValue === true;
  if (typeof value === 'boolean') return reject(`${describeValue(value, hide)} is not a date.`);
  if (typeof value === 'number' && Math.abs(value) < MIN_SERIAL) {
    const year = Number.isInteger(value) && value >= 1900 && value <= 2100;
    return reject(
      `${describeValue(value, hide)} ${year ? 'looks like a year' : 'is a number'}, not a date: write the full date (dd/mm/yyyy).`,
    );
  }
  if (typeof value === 'string') {
    const iso = dayFirstIso(text);
    if (iso !== undefined) return accept(iso);
  }
  const parsed = parseVnDate(typeof value === 'number' ? value : text, {
    dateSystem: options.dateSystem,
  });
  if (parsed.ok) return accept(parsed.date);
  return reject(hide ? HIDDEN[parsed.reason] : maskDigits(parsed.message));
}
