/**
 * Why {@link parseVnDate} did not accept a value. Each reason comes with an English `message`
 * about the given value; branch on the reason, show the message.
 */
export type VnDateErrorReason =
  /** `null`, `undefined` (a blank cell), an empty string, or a string of only white space. */
  | 'empty'
  /** Not a string, number or `Date`: a boolean, an object, an array, a bigint, a symbol, a function. */
  | 'unsupported-type'
  /**
   * A string in none of the accepted forms: `d/m/yyyy` (with `/`, `-` or `.`, the same both
   * times), ISO `yyyy-mm-dd`, or the digits of an Excel serial number.
   */
  | 'unrecognized'
  /** Day-first text with a two-digit year, such as `'22/09/20'`: the century is never guessed. */
  | 'two-digit-year'
  /** Well-formed text naming a day that does not exist, such as `'31/02/2017'` or `'29/02/1900'`. */
  | 'not-a-calendar-date'
  /**
   * Excel serial 60 in the 1900 date system: Excel's 29 February 1900, a day that never existed
   * (Excel copied Lotus 1-2-3's mistake of treating 1900 as a leap year).
   */
  | 'phantom-leap-day'
  /** A number that is `NaN`, `Infinity` or `-Infinity`. */
  | 'invalid-number'
  /**
   * A date before `options.min` or after `options.max` (by default 1900-01-01 to 2100-12-31), or
   * an Excel serial that names no day at all: negative, below 1 in the 1900 date system (a time of
   * day without a date), or after 9999-12-31.
   */
  | 'out-of-range'
  /** A `Date` whose time value is `NaN` (`new Date('garbage')`). */
  | 'invalid-date-object';

/** Where a date accepted by {@link parseVnDate} came from. */
export type VnDateSource =
  /** Day-first Vietnamese text: `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy` or `dd.mm.yyyy`. */
  | 'text'
  /** ISO text, `yyyy-mm-dd`. */
  | 'iso'
  /** An Excel serial day number, given as a number or as a string of digits. */
  | 'serial'
  /** A JavaScript `Date`. */
  | 'date';

/** A value {@link parseVnDate} accepted. */
export interface ParsedVnDateSuccess {
  /** Always `true`: the value is a date. */
  readonly ok: true;
  /** The calendar date, as ISO `yyyy-mm-dd`. */
  readonly date: string;
  /** What kind of value the date was read from. */
  readonly from: VnDateSource;
}

/** A value {@link parseVnDate} rejected. */
export interface ParsedVnDateFailure {
  /** Always `false`: the value is not an acceptable date. */
  readonly ok: false;
  /** Why, as a stable code to branch on. */
  readonly reason: VnDateErrorReason;
  /** What was wrong with the given value, in English, for people (logs, validation reports). */
  readonly message: string;
}

/** The result of {@link parseVnDate}: a date, or the reason there is none. Check `ok` first. */
export type ParsedVnDate = ParsedVnDateSuccess | ParsedVnDateFailure;
