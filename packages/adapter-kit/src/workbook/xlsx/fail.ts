import { AdapterError, type AdapterErrorCode, type Limits } from '../../errors.ts';
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
 * A `'limit-exceeded'` {@link AdapterError} naming the limit, its value and what was found.
 *
 * @internal
 */
export function limitExceeded(
  context: ReadContext,
  name: keyof Limits,
  max: number,
  found: number,
  what: string,
): AdapterError {
  const where = context.file === undefined ? '' : `${context.file}: `;
  return new AdapterError(
    'limit-exceeded',
    `${where}${what} (${found}) exceeds the limit ${name} = ${max}. Split the file, or raise the limit if the file is trusted.`,
    {
      ...(context.file === undefined ? {} : { file: context.file }),
      limit: { name, max, found },
    },
  );
}

/**
 * `error` if it is already an {@link AdapterError}, else a `'corrupt-file'` error caused by it: no
 * raw zlib, decoder or type error ever reaches the caller.
 *
 * @internal
 */
export function asAdapterError(context: ReadContext, error: unknown, what: string): AdapterError {
  if (error instanceof AdapterError) return error;
  if (error instanceof XmlSyntaxError) return corrupt(context, `${what}: ${error.message}`, error);
  return corrupt(context, `${what} could not be read.`, error);
}
