import { toDayNumber } from './calendar.ts';
import type { DateObjectMode } from './date-object.ts';
import type { ExcelDateSystem } from './excel-serial.ts';
import { isExcelDateSystem } from './excel-serial.ts';
import { isoToCalendarDate } from './iso.ts';

/** Options for {@link parseVnDate}. */
export interface ParseVnDateOptions {
  /**
   * The workbook's Excel date system, for serial numbers. Default `'1900'`; use `'1904'` when the
   * workbook says so (exceljs: `workbook.properties.date1904`, SheetJS: `workbook.Workbook.WBProps.date1904`).
   */
  readonly dateSystem?: ExcelDateSystem | undefined;
  /** How to read the calendar date of a JavaScript `Date`. Default `'auto'`. */
  readonly dateObjects?: DateObjectMode | undefined;
  /**
   * The earliest accepted date, ISO `yyyy-mm-dd`, inclusive. Applies to every kind of input.
   * Default `'1900-01-01'`.
   */
  readonly min?: string | undefined;
  /**
   * The latest accepted date, ISO `yyyy-mm-dd`, inclusive. Applies to every kind of input.
   * Default `'2100-12-31'`.
   */
  readonly max?: string | undefined;
}

/**
 * {@link ParseVnDateOptions} with defaults filled in and the range as day numbers.
 *
 * @internal
 */
export interface ResolvedOptions {
  /** The Excel date system. */
  readonly dateSystem: ExcelDateSystem;
  /** How to read `Date` values. */
  readonly dateObjects: DateObjectMode;
  /** The earliest accepted date, ISO. */
  readonly min: string;
  /** The latest accepted date, ISO. */
  readonly max: string;
  /** {@link ResolvedOptions.min} as a day number. */
  readonly minDay: number;
  /** {@link ResolvedOptions.max} as a day number. */
  readonly maxDay: number;
}

const DEFAULT_MIN = '1900-01-01';
const DEFAULT_MAX = '2100-12-31';

const DEFAULTS: ResolvedOptions = {
  dateSystem: '1900',
  dateObjects: 'auto',
  min: DEFAULT_MIN,
  max: DEFAULT_MAX,
  minDay: toDayNumber({ year: 1900, month: 1, day: 1 }),
  maxDay: toDayNumber({ year: 2100, month: 12, day: 31 }),
};

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
}

function rangeDay(value: string, name: 'min' | 'max'): number {
  const date = typeof value === 'string' ? isoToCalendarDate(value) : null;
  if (date === null) {
    throw new RangeError(
      `parseVnDate: options.${name} must be an ISO calendar date (yyyy-mm-dd), got ${shown(value)}.`,
    );
  }
  return toDayNumber(date);
}

/**
 * Fills in the defaults and checks the options. Options are the program's, not the data's, so
 * a bad option throws.
 *
 * @throws RangeError on an unknown `dateSystem` or `dateObjects`, a `min` or `max` that is not an
 * ISO calendar date, or `min` after `max`.
 * @internal
 */
export function resolveOptions(options: ParseVnDateOptions | undefined): ResolvedOptions {
  if (options === undefined) return DEFAULTS;
  if (typeof options !== 'object' || options === null) {
    throw new RangeError(`parseVnDate: options must be an object, got ${shown(options)}.`);
  }
  const { dateSystem = '1900', dateObjects = 'auto', min, max } = options;
  if (!isExcelDateSystem(dateSystem)) {
    throw new RangeError(
      `parseVnDate: options.dateSystem must be '1900' or '1904', got ${shown(dateSystem)}.`,
    );
  }
  if (dateObjects !== 'auto' && dateObjects !== 'utc' && dateObjects !== 'local') {
    throw new RangeError(
      `parseVnDate: options.dateObjects must be 'auto', 'utc' or 'local', got ${shown(dateObjects)}.`,
    );
  }
  if (min === undefined && max === undefined) {
    return dateSystem === '1900' && dateObjects === 'auto'
      ? DEFAULTS
      : { ...DEFAULTS, dateSystem, dateObjects };
  }
  const minDay = min === undefined ? DEFAULTS.minDay : rangeDay(min, 'min');
  const maxDay = max === undefined ? DEFAULTS.maxDay : rangeDay(max, 'max');
  const resolved = {
    dateSystem,
    dateObjects,
    min: min ?? DEFAULT_MIN,
    max: max ?? DEFAULT_MAX,
    minDay,
    maxDay,
  };
  if (minDay > maxDay) {
    throw new RangeError(
      `parseVnDate: options.min (${resolved.min}) is after options.max (${resolved.max}).`,
    );
  }
  return resolved;
}
