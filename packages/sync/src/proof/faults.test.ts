/**
 * The proof that every change arrives exactly once, under random faults: fast-check draws a fault
 * schedule — per-request probabilities of 429 (Retry-After 0), 5xx, connections dropped before
 * and after the write is applied, batches applied in part, small latencies and timeouts — and a
 * workload of a generated school's changes (pupils created, updated and sent again unchanged,
 * status events along valid transitions, classes, assessments, newcomers under provisional `TAM-…`
 * identifiers with assessments and events that refer to them), enqueued in two waves. The outbox
 * drains to the sandbox — in-process, through msw, and over real HTTP — again and again, its
 * clock moved on past the backoff, until nothing is pending; then the database must hold exactly
 * the intended state: nothing lost, nothing applied twice, every record's versions in order.
 */
import type { ClientOptions } from '@eduvn/client';
import type { FaultOptions } from '@eduvn/sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChangeInput,
  createOutbox,
  type IdentifierMapping,
  type Outbox,
} from '../outbox/outbox.ts';
import { createMemoryStore } from '../store/memory.ts';
import { expectExactEnd } from './end-state.test-helper.ts';
import {
  buildWorkload,
  NOW,
  type SchoolSource,
  type Step,
  schoolSource,
  stepsArbitrary,
} from './workload.test-helper.ts';
import {
  cleanClientOf,
  clientOf,
  connect,
  proofSandbox,
  startMsw,
  type TransportKind,
} from './world.test-helper.ts';

const SOURCE: SchoolSource = schoolSource('proof-faults', '79000801', {
  pupils: 8,
  newcomers: 3,
});

/** A fault schedule: the sandbox's rates, the client's retries and timeout, the outbox's rounds. */
interface Schedule {
  readonly faults: FaultOptions;
  /** The share of requests the sandbox answers only after the client's timeout (it still applies them). */
  readonly timeoutRate: number;
  readonly client: Pick<ClientOptions, 'retry'>;
  readonly batchSize: number;
  /** Where the workload is cut in two waves (a share of its changes). */
  readonly split: number;
  /** Rounds the first drain may take before the second wave is enqueued. */
  readonly firstRounds: number;
  /** How far the outbox's clock moves between drains, in turn (ms). */
  readonly steps: readonly number[];
}

const BACKOFF = { baseMs: 10, maxMs: 40 };

/** A probability: none at all a quarter of the time, else uniform in (0, max]. */
const rate = (max: number) =>
  fc.noBias(fc.integer({ min: -300, max: 1000 })).map((n) => (n <= 0 ? 0 : (n / 1000) * max));

const scheduleArbitrary: fc.Arbitrary<Schedule> = fc
  .record({
    errorRate: rate(0.3),
    errorStatus: fc.constantFrom(500 as const, 502 as const, 503 as const, 504 as const),
    rateLimitRate: rate(0.2),
    dropRate: rate(0.2),
    dropAfterRate: rate(0.3),
    partialRate: rate(0.4),
    latency: fc.option(fc.tuple(fc.nat(3), fc.nat(8)), { nil: undefined }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    retries: fc.nat(3),
    timeoutRate: rate(0.2),
    batchSize: fc.integer({ min: 1, max: 40 }),
    split: fc.noBias(fc.integer({ min: 0, max: 100 })).map((n) => n / 100),
    firstRounds: fc.nat(4),
    steps: fc.array(
      fc.oneof(fc.integer({ min: 1, max: BACKOFF.maxMs }), fc.constant(BACKOFF.maxMs + 1)),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .map(
    (s): Schedule => ({
      faults: {
        errorRate: s.errorRate,
        errorStatus: s.errorStatus,
        rateLimitRate: s.rateLimitRate,
        retryAfterSeconds: 0,
        dropRate: s.dropRate,
        dropAfterRate: s.dropAfterRate,
        partialRate: s.partialRate,
        ...(s.latency
          ? { latencyMs: [s.latency[0], s.latency[0] + s.latency[1]] as [number, number] }
          : {}),
        seed: s.seed,
      },
      timeoutRate: s.timeoutRate,
      client: {
        retry: { retries: s.retries, baseDelayMs: 0, maxDelayMs: 2, budget: 1_000_000 },
      },
      batchSize: s.batchSize,
      split: s.split,
      firstRounds: s.firstRounds,
      steps: s.steps,
    }),
  );

/** What the runs went through, to check that the faults did happen. */
const seen = { retriedChanges: 0, clientRetries: 0, timeouts: 0, identifiers: 0, runs: 0 };

/** Drains until nothing is pending, moving the outbox's clock between drains. */
async function drainAll(
  outbox: Outbox,
  clock: { t: number },
  steps: readonly number[],
  maxRounds?: number,
): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    const report = await outbox.drain(maxRounds === undefined ? {} : { maxRounds });
    seen.retriedChanges += report.retried;
    if (maxRounds !== undefined) return;
    if (report.rounds === 0 && (await outbox.status()).pending === 0) return;
    clock.t += steps[i % steps.length] as number;
  }
  throw new Error(`still pending after 2,000 drains: ${JSON.stringify(await outbox.status())}`);
}

/** The client's timeout per attempt, and how late a "timed out" request is answered. */
const TIMEOUTS: Readonly<Record<TransportKind, { timeout: number; late: number }>> = {
  'in-process': { timeout: 20, late: 30 },
  msw: { timeout: 20, late: 30 },
  http: { timeout: 100, late: 120 },
};

/**
 * `fetch` that asks the sandbox to answer a share of the requests only after the client's
 * timeout (`X-Eduvn-Fault: latency=…`): the client gives up on them and tries again, while the
 * sandbox still applies them, late.
 */
function timingOut(
  fetchFn: typeof fetch,
  rate: number,
  lateMs: number,
  random: () => number,
): typeof fetch {
  if (rate === 0) return fetchFn;
  return (input, init) => {
    if (random() >= rate) return fetchFn(input, init);
    const request = new Request(input, init);
    request.headers.set('x-eduvn-fault', `latency=${lateMs}`);
    seen.timeouts++;
    return fetchFn(request);
  };
}

/** A small seeded generator (mulberry32), for the requests that time out. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One run: a fresh sandbox with the schedule's faults, the workload pushed, the end state checked. */
async function run(kind: TransportKind, schedule: Schedule, steps: readonly Step[]): Promise<void> {
  const workload = buildWorkload(SOURCE, steps);
  const { sandbox, credentials } = proofSandbox([SOURCE], { faults: schedule.faults });
  const connection = await connect(sandbox, kind);
  try {
    const clock = { t: NOW };
    const { timeout, late } = TIMEOUTS[kind];
    const client = clientOf(
      {
        ...connection,
        fetch: timingOut(
          connection.fetch,
          schedule.timeoutRate,
          late,
          seeded(schedule.faults.seed ?? 1),
        ),
      },
      credentials,
      { ...schedule.client, timeout, hooks: { onRetry: () => seen.clientRetries++ } },
    );
    const codes = new Map<string, string>();
    const mappings: IdentifierMapping[] = [];
    const outbox = createOutbox({
      store: createMemoryStore(),
      client,
      now: () => clock.t,
      batchSize: schedule.batchSize,
      leaseMs: 5_000,
      backoff: BACKOFF,
      massChange: false,
      hooks: {
        onIdentifierIssued: (m) => {
          mappings.push(m);
          codes.set(m.from, m.to);
        },
      },
    });
    // Two waves: the second is enqueued while the first may still be in the outbox, under the
    // pupil codes the host has learned by then (as a school's software would).
    const cut = Math.round(workload.changes.length * schedule.split);
    await outbox.enqueue(workload.changes.slice(0, cut));
    await drainAll(outbox, clock, schedule.steps, schedule.firstRounds);
    await outbox.enqueue(workload.changes.slice(cut).map((c) => withCodes(c, codes)));
    await drainAll(outbox, clock, schedule.steps);

    const clean = cleanClientOf(connection, credentials);
    const end = await expectExactEnd(clean, [workload], outbox);
    // The host was told each code (perhaps more than once, always the same).
    for (const m of mappings) expect(end.codes.get(m.from)).toBe(m.to);
    expect(new Set(mappings.map((m) => m.from))).toEqual(new Set(workload.provisional));
    seen.identifiers += workload.provisional.length;
    seen.runs++;
  } finally {
    await connection.close();
    sandbox.close();
  }
}

/** A change with the provisional identifiers the host knows the codes of replaced. */
function withCodes(change: ChangeInput, codes: ReadonlyMap<string, string>): ChangeInput {
  const field = change.entity === 'SuKienTrangThai' ? 'maDoiTuong' : 'hocSinhId';
  const value = change.record[field];
  if (typeof value !== 'string' || !codes.has(value)) return change;
  return { ...change, record: { ...change.record, [field]: codes.get(value) } };
}

const workloadArbitrary = stepsArbitrary(SOURCE, { minLength: 5, maxLength: 30 });

describe('exactly once through random faults', () => {
  it('in-process (sandbox.fetch): the end state is exactly the intended one', async () => {
    const before = { ...seen };
    await fc.assert(
      fc.asyncProperty(scheduleArbitrary, workloadArbitrary, (schedule, steps) =>
        run('in-process', schedule, steps),
      ),
      { numRuns: 40, interruptAfterTimeLimit: 15_000 },
    );
    // The faults did happen: rounds retried, client retries, pupil codes issued.
    expect(seen.retriedChanges).toBeGreaterThan(before.retriedChanges);
    expect(seen.clientRetries).toBeGreaterThan(before.clientRetries);
    expect(seen.timeouts).toBeGreaterThan(before.timeouts);
    expect(seen.identifiers).toBeGreaterThan(before.identifiers);
  }, 60_000);

  describe('through msw handlers (sandbox.handle)', () => {
    let stop: () => void = () => {};
    beforeAll(() => {
      stop = startMsw();
    });
    afterAll(() => stop());

    it('the end state is exactly the intended one', async () => {
      await fc.assert(
        fc.asyncProperty(scheduleArbitrary, workloadArbitrary, (schedule, steps) =>
          run('msw', schedule, steps),
        ),
        { numRuns: 8, interruptAfterTimeLimit: 8_000 },
      );
    }, 60_000);
  });

  it('over real HTTP (sandbox.listen()): the end state is exactly the intended one', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArbitrary, workloadArbitrary, (schedule, steps) =>
        run('http', schedule, steps),
      ),
      { numRuns: 15, interruptAfterTimeLimit: 15_000 },
    );
  }, 60_000);

  it('tells the host when a round could not be delivered (onRetry), as the hook promises', async () => {
    const { sandbox, credentials } = proofSandbox([SOURCE], { faults: { errorRate: 1 } });
    const connection = await connect(sandbox, 'in-process');
    try {
      const told: number[] = [];
      const warned: string[] = [];
      const outbox = createOutbox({
        store: createMemoryStore(),
        client: clientOf(connection, credentials, { retry: { retries: 1, baseDelayMs: 0 } }),
        massChange: false,
        hooks: { onRetry: (_error, count) => told.push(count) },
        logger: { warn: (message) => warned.push(message) },
      });
      await outbox.enqueue(
        SOURCE.pupils.slice(0, 3).map((record) => ({ entity: 'HocSinh' as const, record })),
      );
      expect(await outbox.drain()).toMatchObject({ delivered: 0, retried: 3 });
      expect(told).toEqual([3]);
      expect(warned).toHaveLength(1);
    } finally {
      await connection.close();
      sandbox.close();
    }
  });
});
