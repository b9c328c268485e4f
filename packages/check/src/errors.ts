/**
 * Why {@link checkFiles} refused its arguments — a programming error, never a problem of a file
 * (a file that cannot be read is an issue of the report):
 *
 * - `'bad-source'`: a source that is not a path, bytes or a stream, or an empty list;
 * - `'bad-hint'`: a hint out of range (a grade that is not 1–5, an unknown period, an adapter id
 *   that is not offered for the file);
 * - `'bad-option'`: an option out of range (`asOf` that is not an ISO date, a confidence outside
 *   0–1, an unknown entity).
 */
export type CheckOptionsErrorCode = 'bad-source' | 'bad-hint' | 'bad-option';

/** Arguments {@link checkFiles} cannot work with, with a stable code and an English message. */
export class CheckOptionsError extends Error {
  /** Always `'CheckOptionsError'`. */
  override readonly name = 'CheckOptionsError';
  /** Why. */
  readonly code: CheckOptionsErrorCode;

  /** An error with a code and a message (and the error it comes from, if any). */
  constructor(
    code: CheckOptionsErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** A short, safe rendering of a caller's value for an error message. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
