import type { Catalogs } from '@eduvn/standard';
import type { Directory } from '../domain/directory.ts';
import type { SandboxStore } from '../store/store.ts';
import type { FaultInjector } from './faults.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Where the sandbox reports what went wrong on its side (never a request body or a secret). */
export interface SandboxLogger {
  /** Something unexpected, with what is known (correlation id, path). */
  error(message: string, meta?: Readonly<Record<string, unknown>>): void;
}

/** What the app's handlers share. */
export interface AppDeps {
  /** The store. */
  readonly store: SandboxStore;
  /** The units and scopes (re-read when the sandbox's units change). */
  readonly directory: () => Directory;
  /** The clock, milliseconds since the epoch. */
  readonly now: () => number;
  /** The push deadline in hours (default 48; seed regulation Art. 6 cl. 2, possibly local). */
  readonly deadlineHours: number;
  /** How long a token lives, in seconds. */
  readonly tokenTtlSeconds: number;
  /** The key tokens are signed with. */
  readonly signingKey: string;
  /** The fault injector. */
  readonly faults: FaultInjector;
  /** The rate limiter, unless rate limiting is off. */
  readonly rateLimiter: RateLimiter | undefined;
  /** The catalogs the rules check codes against. */
  readonly catalogs: Catalogs | undefined;
  /** Where unexpected errors go. */
  readonly logger: SandboxLogger | undefined;
}
