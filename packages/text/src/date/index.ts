/**
 * Dates as Vietnamese school spreadsheets hold them: `dd/mm/yyyy` text, ISO text, Excel serial
 * numbers in the 1900 and 1904 date systems, and JavaScript `Date` values, read into ISO
 * `yyyy-mm-dd` calendar dates without ever shifting a day through time zones.
 *
 * @module
 */

export type { DateObjectMode } from './date-object.ts';
export { type ExcelDateSystem, excelSerialToIso, isoToExcelSerial } from './excel-serial.ts';
export { formatVnDate } from './format.ts';
export { isIsoDate } from './iso.ts';
export type { ParseVnDateOptions } from './options.ts';
export { parseVnDate } from './parse.ts';
export type {
  ParsedVnDate,
  ParsedVnDateFailure,
  ParsedVnDateSuccess,
  VnDateErrorReason,
  VnDateSource,
} from './result.ts';
