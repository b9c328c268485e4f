import { describe } from 'vitest';
import { STORE_LIMITS } from '../limits.ts';
import type { OutboxStore } from '../types.ts';
import type { OutboxStoreFactory, SuiteContext, TestOutboxStoreOptions } from './context.ts';
import { deadLetterTests } from './dead-letters.ts';
import { guardTests } from './guards.ts';
import { lifecycleTests } from './lifecycle.ts';
import { propertyTests } from './properties.ts';
import { queryTests } from './queries.ts';
import { sharedTests } from './shared.ts';

/**
 * The conformance suite every outbox store must pass, as vitest tests — the memory, SQLite and
 * PostgreSQL stores run it, and so can a vendor's own store. It checks, with one example per
 * rule: enqueue (idempotent by id, ordered, atomic), claim (seq order, `limit`, leases, one
 * change per record at a time, retries and expired leases, many claims at once), complete (only
 * by the lease holder, before the lease expires), renew, rekey (atomic, only undelivered changes
 * of the school, only the named fields), summary, the dead-letter list and requeue (idempotent,
 * typed errors), the outbox's questions (`population`, `knownKeys`, `deadlineCounts`), that
 * nothing is ever deleted, the bounds (limits, list lengths, record size,
 * identifiers — `RangeError`s and `OutboxStoreError`s), hostile input (SQL-looking text, quotes,
 * `__proto__` keys, NUL characters, lone surrogates: kept verbatim or refused with a typed
 * error) and `close`. Then fast-check runs random interleavings of enqueue, claims by several
 * workers (one at a time and at once), completions with random outcomes, lease expiry, renewals,
 * re-keys and requeues against a reference model: at most one change per record in flight, each
 * record's changes delivered in enqueue order, nothing lost, nothing delivered twice. With
 * `options.shared`, several handles on one outbox claim at once.
 *
 * Call it at the top level of a test file:
 *
 * ```ts
 * testOutboxStore('my store', () => createMyStore({ ... }));
 * ```
 *
 * `factory` must return a new, empty outbox each time (a fresh file, schema or table); the suite
 * closes every store it makes. Errors are matched by `name` and `code`, so a store must throw
 * `OutboxStoreError`s (from `@eduvn/sync`) and `RangeError`s as the built-in stores do.
 */
export function testOutboxStore(
  name: string,
  factory: OutboxStoreFactory,
  options: TestOutboxStoreOptions = {},
): void {
  const make = async (): Promise<OutboxStore> => factory();
  const ctx: SuiteContext = {
    withStore: (fn) => async () => {
      const store = await make();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    },
    shared: options.shared,
    maxRecordBytes: options.maxRecordBytes ?? STORE_LIMITS.defaultMaxRecordBytes,
    propertyRuns: options.propertyRuns ?? 30,
    timeoutMs: options.timeoutMs ?? 60_000,
  };
  describe(`outbox store ${name} (conformance)`, () => {
    lifecycleTests(ctx);
    deadLetterTests(ctx);
    queryTests(ctx);
    guardTests(ctx);
    propertyTests(ctx, make);
    if (options.shared) sharedTests(ctx, options.shared);
  });
}
