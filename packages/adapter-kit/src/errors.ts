/**
 * Why a file could not be read at all (problems with single rows are issues in the result, never
 * errors):
 *
 * - `'wrong-file-type'`: the bytes are not the format expected (a PDF named `.xlsx`, an image…);
 * - `'unsupported-format'`: a format eduvn does not read (`.ods`, `.xlsb`, a password-protected
 *   workbook is `'password-protected'`);
 * - `'corrupt-file'`: the right kind of file, but damaged or truncated;
 * - `'password-protected'`: an encrypted workbook (Excel's "Encrypt with password");
 * - `'limit-exceeded'`: larger than a configured limit (file size, uncompressed size, compression
 *   ratio — a zip bomb —, rows, columns, cell length);
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

/** Which limit a file broke, the limit's value, and what the file had. */
export interface LimitBreach {
  /** The limit's name. */
  readonly name: keyof Limits;
  /** Its value. */
  readonly max: number;
  /** What was found (a size, a count, a ratio). */
  readonly found: number;
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
 * Limits that keep a hostile or absurd file from exhausting memory or time. Every reader checks
 * them and throws an {@link AdapterError} `'limit-exceeded'` naming the limit.
 */
export interface Limits {
  /** The largest file, in bytes (default 512 MiB). */
  readonly maxFileBytes: number;
  /** The most bytes a workbook may unpack to (default 4 GiB). */
  readonly maxUncompressedBytes: number;
  /** The highest compression ratio of one zip entry (default 200; zip bombs reach thousands). */
  readonly maxCompressionRatio: number;
  /** The most rows of one sheet (default 1,048,576, Excel's maximum). */
  readonly maxRows: number;
  /** The most columns of one sheet (default 16,384, Excel's maximum). */
  readonly maxColumns: number;
  /**
   * The longest cell text, in characters (default 32,767, Excel's maximum). Longer cells are cut
   * and reported as an issue, not an error.
   */
  readonly maxCellLength: number;
}

/** The default {@link Limits}. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxFileBytes: 512 * 1024 * 1024,
  maxUncompressedBytes: 4 * 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCellLength: 32_767,
});

/** Limits with the caller's overrides, checked (each a positive number). */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === 'number' && value > 0)) {
      throw new RangeError(`limit ${name} must be a positive number, got ${String(value)}`);
    }
  }
  return limits;
}
