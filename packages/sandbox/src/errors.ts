/** What went wrong in a {@link SandboxError}. */
export type SandboxErrorCode = 'database' | 'config' | 'seed';

/**
 * An error of the sandbox itself (not of a request): its database cannot be opened or is newer
 * than this version, an option is invalid, a seed cannot be applied. Requests never throw: they
 * get problem documents.
 */
export class SandboxError extends Error {
  /** Always `'SandboxError'`. */
  override readonly name = 'SandboxError';
  /** What went wrong. */
  readonly code: SandboxErrorCode;

  constructor(code: SandboxErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
