import { fromDayNumber, toDayNumber, toIso } from './calendar.ts';
import { isoToCalendarDate } from './iso.ts';

/**
 * An Excel workbook's date system: the day its serial numbers count from.
 *
 * - `'1900'`: Windows Excel's default and what almost every file uses. Serial 1 is 1900-01-01; serial
 *   60 is a phantom 29 February 1900 (Excel treats 1900 as a leap year, as Lotus 1-2-3 did), so from
 *   serial 61 (1900-03-01) on, serial _n_ is _n_ days after 1899-12-30.
 * - `'1904'`: old Mac Excel's system (the workbook flag "Use 1904 date system"). Serial 0 is
 *   1904-01-01; a date's 1904 serial is its 1900 serial minus 1462.
 */
export type ExcelDateSystem = '1900' | '1904';

/** 1899-12-31: serial 0 of the 1900 system as counted for serials 1–59. */
const DAY_1899_12_31 = toDayNumber({ year: 1899, month: 12, day: 31 });
/** 1899-12-30: serial 0 of the 1900 system as counted from serial 61 on (after the phantom day). */
const DAY_1899_12_30 = DAY_1899_12_31 - 1;
/** 1900-03-01, serial 61 in the 1900 system: the first day after the phantom 29 February 1900. */
const DAY_1900_03_01 = toDayNumber({ year: 1900, month: 3, day: 1 });
/** 1904-01-01: serial 0 of the 1904 system. */
const DAY_1904_01_01 = toDayNumber({ year: 1904, month: 1, day: 1 });
/** 9999-12-31: the last day Excel can represent. */
const DAY_9999_12_31 = toDayNumber({ year: 9999, month: 12, day: 31 });

/** The serial of Excel's phantom 29 February 1900 in the 1900 date system. */
const PHANTOM_SERIAL = 60;

/**
 * The outcome of reading an Excel serial: the day number (days since 1970-01-01) it names, or why
 * it names none, with an English sentence about it.
 *
 * @internal
 */
export type SerialDay =
  | { readonly ok: true; readonly dayNumber: number }
  | {
      readonly ok: false;
      readonly reason: 'invalid-number' | 'out-of-range' | 'phantom-leap-day';
      readonly message: string;
    };

/**
 * Whether `value` is one of the two {@link ExcelDateSystem} values.
 *
 * @internal
 */
export function isExcelDateSystem(value: unknown): value is ExcelDateSystem {
  return value === '1900' || value === '1904';
}

function assertDateSystem(dateSystem: unknown, fn: string): asserts dateSystem is ExcelDateSystem {
  if (!isExcelDateSystem(dateSystem)) {
    throw new RangeError(
      `${fn}: dateSystem must be '1900' or '1904', got ${typeof dateSystem === 'string' ? `'${dateSystem}'` : String(dateSystem)}.`,
    );
  }
}

/**
 * The day an Excel serial names in `dateSystem`. The fraction of a date-time serial (the time of
 * day) is ignored. `shown` is how the serial is quoted in messages.
 *
 * @internal
 */
export function serialToDayNumber(
  serial: number,
  dateSystem: ExcelDateSystem,
  shown: string = String(serial),
): SerialDay {
  const what = `Excel serial ${shown}`;
  const system = `Excel's ${dateSystem} date system`;
  if (!Number.isFinite(serial)) {
    return {
      ok: false,
      reason: 'invalid-number',
      message: `The number ${shown} is not finite, so it is not an Excel serial date.`,
    };
  }
  const whole = Math.floor(serial);
  if (serial < 0) {
    return {
      ok: false,
      reason: 'out-of-range',
      message: `${what} is negative; in ${system} serials count days from ${dateSystem === '1900' ? '1 (1900-01-01)' : '0 (1904-01-01)'}.`,
    };
  }
  if (dateSystem === '1904') {
    const dayNumber = DAY_1904_01_01 + whole;
    return dayNumber > DAY_9999_12_31
      ? tooLate(what, system, DAY_9999_12_31 - DAY_1904_01_01)
      : { ok: true, dayNumber };
  }
  if (whole < 1) {
    return {
      ok: false,
      reason: 'out-of-range',
      message: `${what} is before 1 (1900-01-01), the first day of ${system}; a serial between 0 and 1 is a time of day without a date.`,
    };
  }
  if (whole === PHANTOM_SERIAL) {
    return {
      ok: false,
      reason: 'phantom-leap-day',
      message: `${what} is 29 February 1900 in ${system}, a day that never existed (Excel treats 1900 as a leap year, as Lotus 1-2-3 did); serial 59 is 1900-02-28 and serial 61 is 1900-03-01.`,
    };
  }
  const dayNumber = whole < PHANTOM_SERIAL ? DAY_1899_12_31 + whole : DAY_1899_12_30 + whole;
  return dayNumber > DAY_9999_12_31
    ? tooLate(what, system, DAY_9999_12_31 - DAY_1899_12_30)
    : { ok: true, dayNumber };
}

function tooLate(what: string, system: string, maxSerial: number): SerialDay {
  return {
    ok: false,
    reason: 'out-of-range',
    message: `${what} is after ${maxSerial} (9999-12-31), the last day ${system} can represent.`,
  };
}

/**
 * The calendar date an Excel serial day number names, as ISO `yyyy-mm-dd`. The fraction of a
 * date-time serial (the time of day) is ignored: `44096.75` is `'2020-09-22'`.
 *
 * @param serial - The serial, as stored in the cell.
 * @param dateSystem - The workbook's date system; `'1900'` unless the workbook says 1904.
 * @returns The ISO date.
 * @throws RangeError when `serial` is not a finite number, is negative, names no day
 * (below 1 in the 1900 system, after 9999-12-31), or is 60 in the 1900 system (Excel's phantom
 * 29 February 1900), or when `dateSystem` is neither `'1900'` nor `'1904'`.
 *
 * @example
 * ```ts
 * excelSerialToIso(44096)          // '2020-09-22'
 * excelSerialToIso(61)             // '1900-03-01'
 * excelSerialToIso(42634, '1904')  // '2020-09-22'
 * ```
 */
export function excelSerialToIso(serial: number, dateSystem: ExcelDateSystem = '1900'): string {
  assertDateSystem(dateSystem, 'excelSerialToIso');
  if (typeof serial !== 'number') {
    throw new RangeError(
      `excelSerialToIso: expected an Excel serial number, got ${typeof serial}.`,
    );
  }
  const result = serialToDayNumber(serial, dateSystem);
  if (!result.ok) throw new RangeError(`excelSerialToIso: ${result.message}`);
  return toIso(fromDayNumber(result.dayNumber));
}

/**
 * The Excel serial day number of an ISO date, for writing dates into a workbook: the inverse of
 * {@link excelSerialToIso}. In the 1900 system dates from 1900-03-01 on count Excel's phantom
 * 29 February 1900, as Excel does.
 *
 * @param iso - A valid ISO calendar date, `yyyy-mm-dd`.
 * @param dateSystem - The workbook's date system; `'1900'` unless the workbook says 1904.
 * @returns A whole number: 1 or more in the 1900 system, 0 or more in the 1904 system.
 * @throws RangeError when `iso` is not a valid ISO calendar date (see {@link isIsoDate}), or is
 * before the first day of the date system (1900-01-01, or 1904-01-01), or when `dateSystem` is
 * neither `'1900'` nor `'1904'`.
 *
 * @example
 * ```ts
 * isoToExcelSerial('2020-09-22')          // 44096
 * isoToExcelSerial('2020-09-22', '1904')  // 42634
 * ```
 */
export function isoToExcelSerial(iso: string, dateSystem: ExcelDateSystem = '1900'): number {
  assertDateSystem(dateSystem, 'isoToExcelSerial');
  const date = typeof iso === 'string' ? isoToCalendarDate(iso) : null;
  if (date === null) {
    const shown = typeof iso === 'string' ? JSON.stringify(iso.slice(0, 40)) : typeof iso;
    throw new RangeError(
      `isoToExcelSerial: expected a valid ISO calendar date (yyyy-mm-dd), got ${shown}.`,
    );
  }
  const dayNumber = toDayNumber(date);
  if (dateSystem === '1904') {
    if (dayNumber < DAY_1904_01_01) {
      throw new RangeError(
        `isoToExcelSerial: ${iso} is before 1904-01-01, the first day of Excel's 1904 date system.`,
      );
    }
    return dayNumber - DAY_1904_01_01;
  }
  if (dayNumber <= DAY_1899_12_31) {
    throw new RangeError(
      `isoToExcelSerial: ${iso} is before 1900-01-01, the first day of Excel's 1900 date system.`,
    );
  }
  return dayNumber < DAY_1900_03_01 ? dayNumber - DAY_1899_12_31 : dayNumber - DAY_1899_12_30;
}
