/**
 * Why a file could not be read at all (problems with single rows are issues in the result, never
 * errors):
 *
 * - `'wrong-file-type'`: the bytes are not the format expected (a PDF named `.xlsx`, an image…);
 * - `'unsupported-format'`: a format eduvn does not read (`.ods`, `.xlsb`, a password-protected
 *   workbook is `'password-protected'`);
 * - `'corrupt-file'`: the right kind of file, but damaged or truncated;
 * - `'password-protected'`: an encrypted workbook (Excel's "Encrypt with password");
 * - `'limit-exceeded'`: beyond one of the read's {@link Limits} (file size, inflated bytes,
 *   compression ratio — a zip bomb —, rows, columns, text per row, shared strings, merged ranges,
 *   XML nesting and tag length, sheets, .xls row width): {@link AdapterError.limit} says which;
 * - `'empty-file'`: no bytes, or no sheet with any cell;
 * - `'no-data-sheet'`: no sheet looks like the data the adapter reads.
 */
export type AdapterErrorCode =
  | 'wrong-file-type'
  | 'unsupported-format'
  | 'corrupt-file'
  | 'password-protected'
  | 'limit-exceeded'
  | 'empty-file'
  | 'no-data-sheet';

/** Which limit a file broke, the limit's value, what the file had, and where. */
export interface LimitBreach {
  /** The limit's name. */
  readonly name: keyof Limits;
  /** Its value. */
  readonly max: number;
  /**
   * What was found (a size, a count, a ratio, a depth). For limits checked while reading, the
   * first value over the limit: the file may hold more.
   */
  readonly found: number;
  /**
   * Where in the file, when the reader knows: the part or sheet (`'The sheet "Lớp 1A"
   * (xl/worksheets/sheet1.xml)'`), the line of a CSV record. Never cell contents.
   */
  readonly place?: string;
}

/**
 * A file that cannot be read, with a stable {@link AdapterError.code} and an English message that
 * says what is wrong and what to do. Never carries cell contents (they may be personal data).
 */
export class AdapterError extends Error {
  /** Always `'AdapterError'`. */
  override readonly name = 'AdapterError';
  /** Why. */
  readonly code: AdapterErrorCode;
  /** The file, as the caller named it, when known. */
  readonly file: string | undefined;
  /** For `'limit-exceeded'`: which limit, its value and what was found. */
  readonly limit: LimitBreach | undefined;

  /** An error with a code, a message and optional details. */
  constructor(
    code: AdapterErrorCode,
    message: string,
    details: {
      readonly file?: string;
      readonly limit?: LimitBreach;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.file = details.file;
    this.limit = details.limit;
  }
}

/**
 * The budget of one read: limits that keep a hostile or absurd file from exhausting memory or time.
 * Every reader checks those that apply to its format as it goes, and throws an
 * {@link AdapterError} `'limit-exceeded'` naming the limit (see {@link LimitBreach}) — never an
 * out-of-memory abort, never a stall. Work stays linear in the file's bytes whatever it holds.
 * Raise a limit only for files from a trusted source; lower them on a server that reads uploads.
 */
export interface Limits {
  /** The largest file, in bytes (default 512 MiB). */
  readonly maxFileBytes: number;
  /** The most bytes a workbook's zip directory may declare, all parts together (default 4 GiB). */
  readonly maxUncompressedBytes: number;
  /**
   * The most bytes one opened workbook may inflate, every pass over every part counted (finding
   * a header, merged ranges, then the rows: default 8 GiB). Bounds the time a small .xlsx can cost.
   */
  readonly maxInflatedBytes: number;
  /** The highest compression ratio of one zip entry (default 200; zip bombs reach thousands). */
  readonly maxCompressionRatio: number;
  /** The most rows of one sheet (default 1,048,576, Excel's maximum). */
  readonly maxRows: number;
  /** The most columns of one sheet: cells per row (default 16,384, Excel's maximum). */
  readonly maxColumns: number;
  /**
   * The longest cell text, in characters (default 32,767, Excel's maximum). Longer text — a
   * value, a formula, a date — is cut, copied (never kept as a slice of a larger string) and
   * marked `truncated`: reported as an issue, not an error.
   */
  readonly maxCellLength: number;
  /**
   * The most characters of text one row may hold, all its cells together, shared strings
   * included (default 1,048,576): a row is built in memory before it is handed over.
   */
  readonly maxRowLength: number;
  /** The most strings of an .xlsx shared-strings table (default 8,388,608). */
  readonly maxSharedStrings: number;
  /**
   * The most characters of an .xlsx shared-strings table, all strings together (default
   * 134,217,728): the table stays in memory while the workbook is read.
   */
  readonly maxSharedStringsLength: number;
  /** The most merged ranges of one sheet (default 65,536). */
  readonly maxMergedRanges: number;
  /** The deepest nesting of XML elements in a part of an .xlsx (default 256; Excel's are under 20). */
  readonly maxXmlDepth: number;
  /**
   * The longest XML tag, comment or CDATA section of an .xlsx, in characters (default 1,048,576):
   * an unfinished tag is carried from one chunk to the next until it ends.
   */
  readonly maxTagLength: number;
  /**
   * The most sheets of a workbook (default 1,024). Two sheets of an .xlsx pointing at the same
   * part are refused as `'corrupt-file'` whatever the limit: each part is read once a pass.
   */
  readonly maxSheets: number;
  /**
   * The most columns of a legacy .xls row (default 256, the BIFF8 maximum `IV`): a cell record
   * beyond it is refused before the file is parsed.
   */
  readonly maxBiffColumns: number;
}

/** The default {@link Limits}. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxFileBytes: 512 * 1024 * 1024,
  maxUncompressedBytes: 4 * 1024 * 1024 * 1024,
  maxInflatedBytes: 8 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCellLength: 32_767,
  maxRowLength: 1_048_576,
  maxSharedStrings: 8_388_608,
  maxSharedStringsLength: 134_217_728,
  maxMergedRanges: 65_536,
  maxXmlDepth: 256,
  maxTagLength: 1_048_576,
  maxSheets: 1_024,
  maxBiffColumns: 256,
});

/**
 * Limits with the caller's overrides, checked: each a positive number (`Infinity` lifts a limit;
 * do that only for trusted files). Names that are not limits are refused, so that a misspelt
 * limit is not silently ignored.
 */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, name)) {
      throw new RangeError(
        `${JSON.stringify(name)} is not a limit; the limits are ${Object.keys(DEFAULT_LIMITS).join(', ')}`,
      );
    }
    if (!(typeof value === 'number' && value > 0)) {
      throw new RangeError(`limit ${name} must be a positive number, got ${String(value)}`);
    }
  }
  return limits;
}

/**
 * A `'limit-exceeded'` {@link AdapterError}: `<file>: <place>: <what> (<found>) exceeds the
 * limit <name> = <max>.`, with what to do.
 *
 * @internal Shared by the readers.
 */
export function limitError(breach: {
  readonly file: string | undefined;
  readonly name: keyof Limits;
  readonly max: number;
  readonly found: number;
  /** What exceeded it, as a noun phrase starting with a capital (`'The merged ranges'`). */
  readonly what: string;
  readonly place?: string | undefined;
}): AdapterError {
  const { file, name, max, found, what, place } = breach;
  const where = `${file === undefined ? '' : `${file}: `}${place === undefined ? '' : `${place}: `}`;
  const subject = place === undefined ? what : what.charAt(0).toLowerCase() + what.slice(1);
  return new AdapterError(
    'limit-exceeded',
    `${where}${subject} (${found}) exceeds the limit ${name} = ${max}. Split the file, or raise the limit if the file is trusted.`,
    {
      ...(file === undefined ? {} : { file }),
      limit: place === undefined ? { name, max, found } : { name, max, found, place },
    },
  );
}

/**
 * A limit reached by code that does not know the file or the place (an XML scanner, a handler):
 * the reader turns it into a {@link limitError} with both.
 *
 * @internal
 */
export class LimitHit extends Error {
  /** Always `'LimitHit'`. */
  override readonly name = 'LimitHit';

  /**
   * @param limit - The limit's name.
   * @param max - Its value.
   * @param found - The first value beyond it.
   * @param what - What exceeded it (`'The XML nesting depth'`).
   */
  constructor(
    readonly limit: keyof Limits,
    readonly max: number,
    readonly found: number,
    readonly what: string,
  ) {
    super(`${what} (${found}) exceeds the limit ${limit} = ${max}.`);
  }
}
