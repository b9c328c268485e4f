import ky, { TimeoutError as KyTimeoutError } from 'ky';
import pRetry, { AbortError } from 'p-retry';
import {
  type ApiMetadata,
  AuthError,
  type EduvnApiError,
  errorFromProblem,
  NetworkError,
  problemOf,
  TimeoutError,
} from './errors.ts';
import { type ClientHooks, type ClientLogger, hook, log } from './logger.ts';
import {
  backoff,
  isRetryableStatus,
  type RetryBudget,
  type RetrySettings,
  retryAfterMs,
} from './retry.ts';

/** One logical call: made once, attempted until it succeeds, fails for good, or is aborted. */
export interface CallSpec {
  /** For logs and metrics (`'upsert HocSinh'`). */
  readonly operation: string;
  /** The method. */
  readonly method: 'GET' | 'PUT' | 'POST';
  /** The path, from `/v1`. */
  readonly path: string;
  /** Query parameters (undefined ones left out). */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** A JSON body. */
  readonly json?: unknown;
  /** A form body (the token request). */
  readonly form?: URLSearchParams;
  /** More headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The Idempotency-Key of the operation: the same on every attempt. */
  readonly idempotencyKey?: string;
  /** Whether the call needs a bearer token (all but the token request). */
  readonly auth: boolean;
  /** Aborts the call (and its waits). */
  readonly signal?: AbortSignal;
}

/** A successful answer. */
export interface CallResult<T> {
  /** Its status. */
  readonly status: number;
  /** Its parsed JSON body. */
  readonly body: T;
  /** Its headers. */
  readonly headers: Headers;
  /** Attempts and waiting. */
  readonly metadata: ApiMetadata;
}

/** Gives bearer tokens; `invalidate` drops one the server refused. */
export interface TokenSource {
  /** A valid token. */
  get(signal?: AbortSignal): Promise<string>;
  /** Forgets a token the server answered 401 to. */
  invalidate(token: string): void;
}

/** What a transport needs. */
export interface TransportOptions {
  /** The base URL (`https://csdl.example.vn`), without `/v1`. */
  readonly baseUrl: string;
  /** The `fetch` to use. */
  readonly fetch: typeof fetch;
  /** Per-attempt timeout in milliseconds (`false`: none). */
  readonly timeout: number | false;
  /** Retry settings. */
  readonly retry: RetrySettings;
  /** The shared retry budget. */
  readonly budget: RetryBudget;
  /** Logging. */
  readonly logger: ClientLogger | undefined;
  /** Metrics hooks. */
  readonly hooks: ClientHooks | undefined;
  /** Sent as `X-Eduvn-Client` (and `User-Agent` where the platform allows). */
  readonly userAgent: string;
  /** The clock (for Retry-After dates). */
  readonly now: () => number;
  /** Random numbers in [0, 1) for the jitter. */
  readonly random: () => number;
}

/**
 * `fetch`, releasing a request body the fetch did not read (a stub, a test double): ky waits for
 * its own copy of the body to be released after the answer, which a body nobody reads never is.
 */
function releasingBodies(fetchFn: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    if (input instanceof Request && input.body && !input.bodyUsed && !input.body.locked)
      input.body.cancel().catch(() => {});
    return response;
  };
}

/** Asks for one more try at once, with a new token, after a 401. */
class Reauthenticate extends Error {}

const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Reads a body as JSON when it is, else as text (bounded: a huge error page is cut). */
async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 2000);
  }
}

/** A call's retryable failure, and how long the server asked to wait. */
const retryable = new WeakMap<Error, { afterTimeout: boolean; retryAfter?: number }>();

/**
 * Sends calls: a bearer token on each, one Idempotency-Key per operation kept across attempts,
 * one correlation id per operation; retries network errors, timeouts, 408, 429 and 5xx (POST
 * included — the key makes it safe) with jittered exponential backoff or the server's
 * `Retry-After` (capped), within the shared retry budget; one re-authentication on a 401; every
 * failure a typed {@link EduvnApiError} with `$metadata`.
 */
export class Transport {
  readonly #o: TransportOptions;
  readonly #ky: typeof ky;
  #tokens: TokenSource | undefined;

  constructor(options: TransportOptions) {
    this.#o = options;
    this.#ky = ky.create({
      prefixUrl: options.baseUrl,
      retry: 0,
      throwHttpErrors: false,
      timeout: options.timeout,
      fetch: releasingBodies(options.fetch),
    });
  }

  /** Sets where tokens come from (after construction: the token source calls this transport). */
  useTokens(tokens: TokenSource): void {
    this.#tokens = tokens;
  }

  /** Sends a call until it succeeds or fails for good. */
  async call<T>(spec: CallSpec): Promise<CallResult<T>> {
    const o = this.#o;
    const correlationId = crypto.randomUUID();
    let attempts = 0;
    let totalRetryDelay = 0;
    let status: number | undefined;
    let reauthenticated = false;
    const metadata = (): ApiMetadata => ({
      ...(status === undefined ? {} : { status, correlationId }),
      attempts,
      totalRetryDelay,
    });
    const info = () => ({
      operation: spec.operation,
      method: spec.method,
      path: spec.path,
      attempt: attempts,
      correlationId,
    });

    const once = async (): Promise<CallResult<T>> => {
      attempts++;
      // The status is this attempt's: a dropped connection after a 503 has none.
      status = undefined;
      let token: string | undefined;
      if (spec.auth) {
        if (!this.#tokens)
          throw new AuthError('No credentials: the client has no token source', {
            metadata: metadata(),
          });
        token = await this.#tokens.get(spec.signal);
      }
      const headers: Record<string, string> = {
        accept: 'application/json, application/problem+json',
        'x-correlation-id': correlationId,
        'x-eduvn-client': o.userAgent,
        ...spec.headers,
      };
      if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
      if (spec.idempotencyKey !== undefined) headers['idempotency-key'] = spec.idempotencyKey;
      const searchParams: Record<string, string> = {};
      for (const [k, v] of Object.entries(spec.query ?? {}))
        if (v !== undefined) searchParams[k] = String(v);
      hook(o.hooks?.onRequest, info());
      log(o.logger, 'debug', 'eduvn: request', { ...info() });
      const started = o.now();
      let response: Response;
      try {
        response = await this.#ky(spec.path.replace(/^\//, ''), {
          method: spec.method,
          headers,
          searchParams,
          ...(spec.json === undefined ? {} : { json: spec.json }),
          ...(spec.form === undefined ? {} : { body: spec.form }),
          ...(spec.signal ? { signal: spec.signal } : {}),
        });
      } catch (error) {
        if (spec.signal?.aborted)
          throw new AbortError(
            spec.signal.reason instanceof Error ? spec.signal.reason : new Error('aborted'),
          );
        const timedOut = error instanceof KyTimeoutError;
        const failure = timedOut
          ? new TimeoutError(`${spec.operation}: no answer within ${String(o.timeout)} ms`, {
              metadata: metadata(),
              cause: error,
            })
          : new NetworkError(`${spec.operation}: ${(error as Error)?.message ?? 'network error'}`, {
              metadata: metadata(),
              cause: error,
            });
        retryable.set(failure, { afterTimeout: timedOut });
        throw failure;
      }
      status = response.status;
      hook(o.hooks?.onResponse, { ...info(), status, durationMs: o.now() - started });
      const body = await bodyOf(response);
      if (response.ok)
        return { status, body: body as T, headers: response.headers, metadata: metadata() };
      if (status === 401 && token !== undefined && !reauthenticated) {
        reauthenticated = true;
        this.#tokens?.invalidate(token);
        throw new Reauthenticate('401: authenticate again');
      }
      const failure = errorFromProblem(problemOf(status, body), metadata());
      if (isRetryableStatus(status)) {
        const after = retryAfterMs(response.headers.get('retry-after'), o.now());
        retryable.set(failure, {
          afterTimeout: status === 408,
          ...(after === undefined ? {} : { retryAfter: after }),
        });
      }
      throw failure;
    };

    // A 401 is answered by one new token and one more try, inside the same attempt.
    const attempt = async (): Promise<CallResult<T>> => {
      try {
        return await once();
      } catch (error) {
        if (!(error instanceof Reauthenticate)) throw error;
        return once();
      }
    };

    try {
      const result = await pRetry(attempt, {
        retries: o.retry.retries,
        minTimeout: 0,
        factor: 1,
        ...(spec.signal ? { signal: spec.signal } : {}),
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const why = retryable.get(error);
          if (!why) throw error;
          const wait = why.retryAfter ?? backoff(attempts - 1, o.retry, o.random);
          const reason = (error as EduvnApiError).status
            ? `HTTP ${(error as EduvnApiError).status}`
            : error.name;
          if (
            retriesLeft <= 0 ||
            (why.retryAfter !== undefined && why.retryAfter > o.retry.maxRetryAfterMs) ||
            !o.budget.spend(why.afterTimeout)
          ) {
            throw error;
          }
          log(o.logger, 'warn', 'eduvn: retrying', { ...info(), reason, delayMs: wait });
          hook(o.hooks?.onRetry, { ...info(), reason, delayMs: wait });
          await sleep(wait, spec.signal);
          totalRetryDelay += wait;
        },
      });
      o.budget.refill();
      return result;
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      log(o.logger, 'error', 'eduvn: call failed', { ...info(), error: (error as Error).message });
      throw error;
    }
  }
}
