import {
  AdapterError,
  type AdapterErrorCode,
  LimitHit,
  type Limits,
  limitError,
} from '../../errors.ts';
import { XmlSyntaxError } from './xml-text.ts';

/**
 * Where a reader is, for error messages: the caller's name of the file and the zip entry being
 * read. Messages never quote cell contents (they may be personal data).
 *
 * @internal
 */
export interface ReadContext {
  /** The file, as the caller named it. */
  readonly file: string | undefined;
  /**
   * The bytes inflated so far by every read of the workbook, checked against
   * `Limits.maxInflatedBytes` (absent: not counted).
   */
  readonly inflated?: { bytes: number };
}

/**
 * An {@link AdapterError} with `code`, naming the file in the message when it is known.
 *
 * @internal
 */
export function adapterError(
  context: ReadContext,
  code: AdapterErrorCode,
  message: string,
  cause?: unknown,
): AdapterError {
  const where = context.file === undefined ? '' : `${context.file}: `;
  return new AdapterError(code, `${where}${message}`, {
    ...(context.file === undefined ? {} : { file: context.file }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * A `'corrupt-file'` {@link AdapterError}: the right kind of file, damaged or truncated.
 *
 * @internal
 */
export function corrupt(context: ReadContext, message: string, cause?: unknown): AdapterError {
  return adapterError(
    context,
    'corrupt-file',
    `${message} The file is damaged or was cut short; save it again from Excel or download it again.`,
    cause,
  );
}

/**
 * A `'limit-exceeded'` {@link AdapterError} naming the limit, its value, what was found, and
 * where when `place` is given.
 *
 * @internal
 */
export function limitExceeded(
  context: ReadContext,
  name: keyof Limits,
  max: number,
  found: number,
  what: string,
  place?: string,
): AdapterError {
  return limitError({ file: context.file, name, max, found, what, place });
}

/**
 * `error` if it is already an {@link AdapterError}; a `'limit-exceeded'` error placed at `what`
 * for a {@link LimitHit}; else a `'corrupt-file'` error caused by it: no raw zlib, decoder or type
 * error ever reaches the caller.
 *
 * @internal
 */
export function asAdapterError(context: ReadContext, error: unknown, what: string): AdapterError {
  if (error instanceof AdapterError) return error;
  if (error instanceof LimitHit) {
    return limitExceeded(context, error.limit, error.max, error.found, error.what, what);
  }
  if (error instanceof XmlSyntaxError) return corrupt(context, `${what}: ${error.message}`, error);
  return corrupt(context, `${what} could not be read.`, error);
}
