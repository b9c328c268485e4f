/** How the client retries. */
export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  readonly retries?: number;
  /** The first backoff, in milliseconds (default 200); each retry doubles it, with full jitter. */
  readonly baseDelayMs?: number;
  /** The longest backoff, in milliseconds (default 20,000). */
  readonly maxDelayMs?: number;
  /** The longest `Retry-After` honoured, in milliseconds (default 60,000); a longer one gives up. */
  readonly maxRetryAfterMs?: number;
  /**
   * The retry budget shared by every call of the client (default 500 units; a retry costs 5, a
   * retry after a timeout 10, a success returns 1): when a dead server has drained it, calls fail
   * at once instead of retrying — no retry storm from thousands of schools' outboxes.
   */
  readonly budget?: number;
}

/** The resolved retry settings. */
export interface RetrySettings {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly budget: number;
}

/** Resolves and checks {@link RetryOptions}; a `RangeError` names a bad one. */
export function retrySettings(options: RetryOptions | number = {}): RetrySettings {
  const o = typeof options === 'number' ? { retries: options } : options;
  const s = {
    retries: o.retries ?? 4,
    baseDelayMs: o.baseDelayMs ?? 200,
    maxDelayMs: o.maxDelayMs ?? 20_000,
    maxRetryAfterMs: o.maxRetryAfterMs ?? 60_000,
    budget: o.budget ?? 500,
  };
  for (const [name, value] of Object.entries(s)) {
    if (!(Number.isFinite(value) && value >= 0))
      throw new RangeError(`retry.${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  if (!Number.isInteger(s.retries)) throw new RangeError('retry.retries must be a whole number');
  return s;
}

/** The cost of a retry, and of a retry after a timeout, in budget units (as AWS SDKs count). */
const RETRY_COST = 5;
const TIMEOUT_RETRY_COST = 10;

/**
 * The retry budget of a client (a token bucket shared by all its calls): retries spend it,
 * successes slowly refill it.
 */
export class RetryBudget {
  readonly #capacity: number;
  #available: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#available = capacity;
  }

  /** Spends the cost of one retry; `false` when the budget cannot pay (do not retry). */
  spend(afterTimeout: boolean): boolean {
    const cost = afterTimeout ? TIMEOUT_RETRY_COST : RETRY_COST;
    if (this.#available < cost) return false;
    this.#available -= cost;
    return true;
  }

  /** Returns one unit after a success. */
  refill(): void {
    this.#available = Math.min(this.#capacity, this.#available + 1);
  }

  /** What is left. */
  get available(): number {
    return this.#available;
  }
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base × 2^n)). */
export function backoff(retry: number, settings: RetrySettings, random: () => number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds (seconds, or an HTTP date), or
 * `undefined` when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Whether an answer's status is worth retrying: 408, 429 and 5xx. */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500;
