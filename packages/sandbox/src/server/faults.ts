import { ApiProblem } from './problem.ts';

/**
 * Faults the sandbox injects, for testing clients against a server that misbehaves as real ones
 * do. All off by default. Rates are probabilities per request in [0, 1], drawn from a seeded
 * generator (`seed`), so a run can be repeated.
 */
export interface FaultOptions {
  /** Added latency in milliseconds: a fixed value or a `[min, max]` range. */
  readonly latencyMs?: number | readonly [number, number];
  /** The share of requests answered with a server error before anything is done. */
  readonly errorRate?: number;
  /** The status of those errors (default 503). */
  readonly errorStatus?: 500 | 502 | 503 | 504;
  /** The share of requests answered 429 with `Retry-After`. */
  readonly rateLimitRate?: number;
  /** The `Retry-After` of injected 429s, in seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** The share of requests whose connection is dropped before anything is done. */
  readonly dropRate?: number;
  /** The share of writes whose connection is dropped after they were applied (the answer is lost). */
  readonly dropAfterRate?: number;
  /** The share of batches applied only in part (a random number of items) before the connection drops. */
  readonly partialRate?: number;
  /** The seed of the generator (default 1). */
  readonly seed?: number;
  /**
   * Whether a request may ask for a fault with the `X-Eduvn-Fault` header (default `true`): a
   * list of `status=503`, `status=429; retry-after=2`, `drop`, `drop-after`, `partial=3`,
   * `latency=200`, separated by `;` or `,`; `none` asks for no fault whatever the rates (to
   * read the state in a test).
   */
  readonly header?: boolean;
}

/** What happens to one request. */
export interface FaultPlan {
  /** Milliseconds to wait first. */
  readonly latencyMs: number;
  /** Answer this status at once (429 or 5xx). */
  readonly status?: number;
  /** The `Retry-After` of a 429 (seconds). */
  readonly retryAfter?: number;
  /** Drop the connection before doing anything, or after applying the write. */
  readonly drop?: 'before' | 'after';
  /** For a batch: apply this many items, then drop the connection (`-1`: a random number). */
  readonly partial?: number;
}

/** No fault. */
export const NO_FAULT: FaultPlan = Object.freeze({ latencyMs: 0 });

/** The header a request asks for faults with. */
export const FAULT_HEADER = 'x-eduvn-fault';

const MAX_LATENCY_MS = 60_000;

function parseHeader(value: string): FaultPlan {
  const plan: { -readonly [K in keyof FaultPlan]: FaultPlan[K] } = { latencyMs: 0 };
  for (const part of value.split(/[;,]/)) {
    const directive = part.trim();
    if (directive === '') continue;
    const [name = '', raw] = directive.split('=').map((s) => s.trim());
    const n = raw === undefined ? Number.NaN : Number(raw);
    const bad = (): never => {
      throw new ApiProblem(
        'malformed-request',
        `${FAULT_HEADER}: cannot read ${JSON.stringify(directive.slice(0, 40))}; use status=503, status=429; retry-after=2, drop, drop-after, partial=3, latency=200, or none`,
      );
    };
    switch (name.toLowerCase()) {
      case 'status':
        if (!(n === 429 || (Number.isInteger(n) && n >= 500 && n <= 599))) bad();
        plan.status = n;
        break;
      case 'retry-after':
        if (!(Number.isInteger(n) && n >= 0 && n <= 3600)) bad();
        plan.retryAfter = n;
        break;
      case 'drop':
        if (raw !== undefined) bad();
        plan.drop = 'before';
        break;
      case 'drop-after':
        if (raw !== undefined) bad();
        plan.drop = 'after';
        break;
      case 'partial':
        if (raw !== undefined && !(Number.isInteger(n) && n >= 0)) bad();
        plan.partial = raw === undefined ? -1 : n;
        break;
      case 'none':
        if (raw !== undefined) bad();
        break;
      case 'latency':
        if (!(Number.isInteger(n) && n >= 0 && n <= MAX_LATENCY_MS)) bad();
        plan.latencyMs = n;
        break;
      default:
        bad();
    }
  }
  return plan;
}

/** Decides each request's faults from the options and the request's header. */
export class FaultInjector {
  readonly #options: FaultOptions;
  readonly #random: () => number;

  constructor(options: FaultOptions, random: () => number) {
    for (const name of [
      'errorRate',
      'rateLimitRate',
      'dropRate',
      'dropAfterRate',
      'partialRate',
    ] as const) {
      const rate = options[name];
      if (rate !== undefined && !(rate >= 0 && rate <= 1))
        throw new RangeError(`faults.${name} must be a probability in [0, 1], got ${String(rate)}`);
    }
    this.#options = options;
    this.#random = random;
  }

  /** The plan of one request (`header`: its `X-Eduvn-Fault`, if any). */
  plan(header: string | undefined, isBatch: boolean): FaultPlan {
    const o = this.#options;
    if (header !== undefined && o.header !== false) return parseHeader(header);
    const r = this.#random;
    const hit = (rate: number | undefined): boolean => rate !== undefined && rate > 0 && r() < rate;
    const latency = o.latencyMs;
    const latencyMs =
      latency === undefined
        ? 0
        : typeof latency === 'number'
          ? latency
          : Math.round(latency[0] + r() * (latency[1] - latency[0]));
    if (hit(o.dropRate)) return { latencyMs, drop: 'before' };
    if (hit(o.errorRate)) return { latencyMs, status: o.errorStatus ?? 503 };
    if (hit(o.rateLimitRate))
      return { latencyMs, status: 429, retryAfter: o.retryAfterSeconds ?? 1 };
    if (isBatch && hit(o.partialRate)) return { latencyMs, partial: -1 };
    if (hit(o.dropAfterRate)) return { latencyMs, drop: 'after' };
    return latencyMs === 0 ? NO_FAULT : { latencyMs };
  }

  /** A random number of items in [0, n) for a partial batch. */
  partialCount(n: number): number {
    return Math.floor(this.#random() * n);
  }
}

/** The marker of a response that stands for a dropped connection (in-process). */
export const DROPPED_HEADER = 'x-eduvn-dropped';
