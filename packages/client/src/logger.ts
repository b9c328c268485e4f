import { redactMeta } from './redact.ts';

/** Where the client logs (each method optional); metadata is redacted before it gets here. */
export interface ClientLogger {
  /** Each request sent. */
  debug?(message: string, meta: Readonly<Record<string, unknown>>): void;
  /** Notable events (a token obtained). */
  info?(message: string, meta: Readonly<Record<string, unknown>>): void;
  /** A transport error or a retryable answer, before the retry. */
  warn?(message: string, meta: Readonly<Record<string, unknown>>): void;
  /** A call that failed for good. */
  error?(message: string, meta: Readonly<Record<string, unknown>>): void;
}

/** What the client tells metrics hooks about one attempt. */
export interface AttemptInfo {
  /** The logical operation (`'upsert HocSinh'`, `'batch'`, `'token'`). */
  readonly operation: string;
  /** The HTTP method. */
  readonly method: string;
  /** The request path (no query string). */
  readonly path: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** The correlation id sent. */
  readonly correlationId: string;
}

/** Hooks for metrics and tracing; they must not throw (an exception is logged and ignored). */
export interface ClientHooks {
  /** Before each attempt. */
  onRequest?(info: AttemptInfo): void;
  /** After each answer (any status). */
  onResponse?(info: AttemptInfo & { readonly status: number; readonly durationMs: number }): void;
  /** Before waiting to retry. */
  onRetry?(info: AttemptInfo & { readonly reason: string; readonly delayMs: number }): void;
}

/** Calls a logger method with redacted metadata, never letting the logger break a call. */
export function log(
  logger: ClientLogger | undefined,
  level: keyof ClientLogger,
  message: string,
  meta: Readonly<Record<string, unknown>>,
): void {
  try {
    logger?.[level]?.(message, redactMeta(meta));
  } catch {
    // a broken logger must not break the call
  }
}

/** Calls a hook, ignoring its failures. */
export function hook<A>(fn: ((arg: A) => void) | undefined, arg: A): void {
  try {
    fn?.(arg);
  } catch {
    // a broken hook must not break the call
  }
}
