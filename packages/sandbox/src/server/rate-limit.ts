/** How many requests an account (or, for the token request, an address) may make. */
export interface RateLimitOptions {
  /** Requests per second, sustained (default 100). */
  readonly perSecond?: number;
  /** Requests allowed at once above the sustained rate (default 200). */
  readonly burst?: number;
}

/** The most callers tracked at once; the least recently seen are forgotten beyond it. */
const MAX_KEYS = 10_000;

/**
 * A token bucket per caller: each request takes a token, tokens come back at `perSecond`, at most
 * `burst` are kept. Bounded: at most {@link MAX_KEYS} callers are remembered.
 */
export class RateLimiter {
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(options: RateLimitOptions = {}) {
    this.#perSecond = options.perSecond ?? 100;
    this.#burst = options.burst ?? 200;
    if (!(this.#perSecond > 0) || !(this.#burst >= 1))
      throw new RangeError('rateLimit.perSecond must be > 0 and rateLimit.burst ≥ 1');
  }

  /** Takes a token for `key` at `nowMs`: `0` when allowed, else the seconds to wait. */
  take(key: string, nowMs: number): number {
    let bucket = this.#buckets.get(key);
    if (bucket) {
      this.#buckets.delete(key);
      bucket.tokens = Math.min(
        this.#burst,
        bucket.tokens + ((nowMs - bucket.at) / 1000) * this.#perSecond,
      );
      bucket.at = nowMs;
    } else {
      bucket = { tokens: this.#burst, at: nowMs };
      if (this.#buckets.size >= MAX_KEYS) {
        const oldest = this.#buckets.keys().next().value;
        if (oldest !== undefined) this.#buckets.delete(oldest);
      }
    }
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perSecond));
  }
}
