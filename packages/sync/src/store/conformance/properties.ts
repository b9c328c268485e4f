import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Completion,
  OutboxChange,
  OutboxStore,
  RekeyRequest,
  StoredChange,
} from '../types.ts';
import { at, isoAt, keyOf, REJECTION, type SuiteContext, T0 } from './context.ts';
import { type ModelChange, OutboxModel } from './model.ts';

const SCHOOLS = ['79000701', '79000702'] as const;
const ENTITIES = ['HocSinh', 'SuKienTrangThai'] as const;
const PUPILS = ['TAM-1', 'TAM-2', 'HS-1', 'HS-2'] as const;
const WORKERS = ['w0', 'w1', 'w2'] as const;
const LEASES = [2_000, 10_000] as const;

/** One step of a random run. */
type Op =
  | {
      readonly op: 'enqueue';
      readonly items: readonly {
        readonly school: number;
        readonly entity: number;
        readonly pupil: number;
        /** Enqueue an id already used (with another record) instead of a new one. */
        readonly again: number | null;
      }[];
    }
  | {
      readonly op: 'claim';
      readonly worker: number;
      readonly limit: number;
      readonly lease: number;
    }
  | { readonly op: 'claimAtOnce'; readonly limit: number; readonly lease: number }
  | {
      readonly op: 'complete';
      readonly worker: number;
      readonly picks: readonly {
        readonly index: number;
        readonly outcome: number;
        readonly delay: number;
      }[];
      /** Also complete a change picked among all, held or not. */
      readonly stray: number | null;
    }
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'renew'; readonly worker: number; readonly lease: number }
  | { readonly op: 'rekey'; readonly school: number; readonly pupil: number }
  | { readonly op: 'requeue'; readonly index: number; readonly fix: boolean };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('enqueue' as const),
      items: fc.array(
        fc.record({
          school: fc.nat(1),
          entity: fc.nat(1),
          pupil: fc.nat(3),
          again: fc.option(fc.nat(), { freq: 6 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('claim' as const),
      worker: fc.nat(2),
      limit: fc.integer({ min: 1, max: 4 }),
      lease: fc.nat(1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('claimAtOnce' as const),
      limit: fc.integer({ min: 1, max: 3 }),
      lease: fc.nat(1),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('complete' as const),
      worker: fc.nat(2),
      picks: fc.array(fc.record({ index: fc.nat(), outcome: fc.nat(5), delay: fc.nat(3_000) }), {
        minLength: 1,
        maxLength: 4,
      }),
      stray: fc.option(fc.nat(), { freq: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      // Mostly within a lease, sometimes past every lease.
      ms: fc.oneof(
        { weight: 3, arbitrary: fc.nat(1_500) },
        fc.integer({ min: 1_500, max: 12_000 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('renew' as const),
      worker: fc.nat(2),
      lease: fc.nat(1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('rekey' as const),
      school: fc.nat(1),
      pupil: fc.nat(1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('requeue' as const),
      index: fc.nat(),
      fix: fc.boolean(),
    }),
  },
);

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/** A store's change agrees with the model's. */
function expectSame(stored: StoredChange | undefined, model: ModelChange): void {
  expect(stored, model.id).toBeDefined();
  expect(
    {
      id: stored?.id,
      state: stored?.state,
      attempts: stored?.attempts,
      recordKey: stored?.recordKey,
      record: stored?.record,
      leaseOwner: stored?.leaseOwner,
      leaseExpiresAt: stored?.leaseExpiresAt,
      requeuedAs: stored?.requeuedAs,
    },
    model.id,
  ).toStrictEqual({
    id: model.id,
    state: model.state,
    attempts: model.attempts,
    recordKey: model.recordKey,
    record: model.record,
    leaseOwner: model.leaseOwner,
    leaseExpiresAt:
      model.leaseExpiresAt === undefined ? undefined : new Date(model.leaseExpiresAt).toISOString(),
    requeuedAs: model.requeuedAs,
  });
}

/**
 * Runs random steps against a store and the reference model side by side, checking after each
 * step that they agree, and at the end — after a drain — that nothing was lost, nothing was
 * delivered twice, and each record's changes were delivered in enqueue order.
 */
async function run(store: OutboxStore, ops: readonly Op[]): Promise<void> {
  const model = new OutboxModel();
  let now = 0;
  let counter = 0;
  const deliveredIds = new Set<string>();
  const lastDelivered = new Map<string, number>(); // record key → model seq

  const claimedOk = (claimed: readonly StoredChange[], worker: string, leaseMs: number) => {
    for (const c of claimed) {
      const m = model.get(c.id);
      expect(m, c.id).toBeDefined();
      expect(c).toMatchObject({
        state: 'in-flight',
        leaseOwner: worker,
        leaseExpiresAt: isoAt(now + leaseMs),
        attempts: (m?.attempts ?? 0) + 1,
        recordKey: m?.recordKey,
      });
      expect(c.record).toStrictEqual(m?.record);
    }
  };

  const oneLivePerRecord = () => {
    const live = model.changes.filter(
      (c) => c.state === 'in-flight' && (c.leaseExpiresAt ?? 0) > T0 + now,
    );
    expect(new Set(live.map((c) => c.recordKey)).size).toBe(live.length);
  };

  const complete = async (worker: string, completions: readonly Completion[]) => {
    const seen = new Set<string>();
    for (const k of completions) {
      if (seen.has(k.id)) continue;
      seen.add(k.id);
      const m = model.get(k.id);
      if (k.outcome !== 'delivered' || !m || !model.holds(m, worker, k.at.getTime())) continue;
      expect(deliveredIds.has(m.id), `${m.id} delivered twice`).toBe(false);
      deliveredIds.add(m.id);
      expect(m.seq, `${m.recordKey} delivered out of order`).toBeGreaterThan(
        lastDelivered.get(m.recordKey) ?? 0,
      );
      lastDelivered.set(m.recordKey, m.seq);
    }
    const expected = model.complete(worker, completions);
    expect(await store.complete(worker, completions)).toBe(expected);
  };

  for (const op of ops) {
    switch (op.op) {
      case 'enqueue': {
        const changes: OutboxChange[] = op.items.map((item) => {
          const entity = pick(ENTITIES, item.entity);
          const truongId = pick(SCHOOLS, item.school);
          const record = { hocSinhId: pick(PUPILS, item.pupil), n: counter };
          const id =
            item.again !== null && model.changes.length > 0
              ? pick(model.changes, item.again).id
              : `c${counter}`;
          counter++;
          const kind = entity === 'HocSinh' ? 'upsert' : 'event';
          return {
            id,
            truongId,
            entity,
            recordKey: keyOf(entity, truongId, record),
            kind,
            record,
            occurredAt: isoAt(now),
          };
        });
        await store.enqueue(changes, at(now));
        model.enqueue(changes);
        break;
      }
      case 'claim': {
        const worker = pick(WORKERS, op.worker);
        const leaseMs = pick(LEASES, op.lease);
        const claimed = await store.claim({ worker, limit: op.limit, leaseMs, now: at(now) });
        claimedOk(claimed, worker, leaseMs);
        const expected = model.claim(worker, op.limit, leaseMs, T0 + now);
        expect(claimed.map((c) => c.id)).toEqual(expected.map((c) => c.id));
        oneLivePerRecord();
        break;
      }
      case 'claimAtOnce': {
        const leaseMs = pick(LEASES, op.lease);
        const claimable = model.claimable(T0 + now).map((c) => c.id);
        const results = await Promise.all(
          WORKERS.map((worker) => store.claim({ worker, limit: op.limit, leaseMs, now: at(now) })),
        );
        const all = results.flat();
        expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
        expect(new Set(all.map((c) => c.recordKey)).size).toBe(all.length);
        for (const c of all) expect(claimable).toContain(c.id);
        expect(all.length).toBe(Math.min(claimable.length, op.limit * WORKERS.length));
        results.forEach((claimed, w) => {
          const worker = WORKERS[w] as string;
          expect(claimed.length).toBeLessThanOrEqual(op.limit);
          claimedOk(claimed, worker, leaseMs);
          model.take(
            claimed.map((c) => c.id),
            worker,
            leaseMs,
            T0 + now,
          );
        });
        oneLivePerRecord();
        break;
      }
      case 'complete': {
        // A worker that holds something, if any does.
        const holders = WORKERS.filter((w) => model.changes.some((c) => c.leaseOwner === w));
        const worker = pick(holders.length > 0 ? holders : WORKERS, op.worker);
        const held = model.changes.filter((c) => c.leaseOwner === worker);
        const completions: Completion[] = [];
        if (held.length > 0) {
          for (const p of op.picks) {
            const id = pick(held, p.index).id;
            const outcome = p.outcome % 3;
            completions.push(
              outcome === 0
                ? { id, outcome: 'delivered', at: at(now) }
                : outcome === 1
                  ? { id, outcome: 'rejected', at: at(now), rejection: REJECTION }
                  : {
                      id,
                      outcome: 'retry',
                      at: at(now),
                      nextAttemptAt: at(now + p.delay),
                      error: `HTTP 503 #${p.delay}`,
                    },
            );
          }
        }
        if (op.stray !== null && model.changes.length > 0) {
          completions.push({
            id: pick(model.changes, op.stray).id,
            outcome: 'delivered',
            at: at(now),
          });
        }
        await complete(worker, completions);
        break;
      }
      case 'advance':
        now += op.ms;
        break;
      case 'renew': {
        const worker = pick(WORKERS, op.worker);
        const leaseMs = pick(LEASES, op.lease);
        const held = model.changes.filter((c) => c.leaseOwner === worker).map((c) => c.id);
        await store.renew(worker, held, leaseMs, at(now));
        model.renew(worker, held, leaseMs, T0 + now);
        break;
      }
      case 'rekey': {
        const truongId = pick(SCHOOLS, op.school);
        const request: RekeyRequest = {
          truongId,
          from: pick(PUPILS, op.pupil),
          to: `HS-R${counter++}`,
          fields: { HocSinh: ['hocSinhId'], SuKienTrangThai: ['hocSinhId'] },
          recordKeyOf: (entity, record) => keyOf(entity, truongId, record),
        };
        expect(await store.rekey(request)).toBe(model.rekey(request));
        break;
      }
      case 'requeue': {
        const dead = model.changes.filter((c) => c.state === 'rejected' && !c.requeuedAs);
        if (dead.length === 0) break;
        const original = pick(dead, op.index);
        const request = {
          id: original.id,
          newId: `rq${counter++}`,
          ...(op.fix ? { record: { ...original.record, fixed: true } } : {}),
        };
        await store.requeue([request], at(now));
        model.requeue([request]);
        break;
      }
    }
  }

  // Drain: everything left is delivered, one record's changes in order.
  now += 10_000;
  for (let round = 0; round <= model.changes.length; round++) {
    const claimed = await store.claim({ worker: 'drain', limit: 50, leaseMs: 1_000, now: at(now) });
    claimedOk(claimed, 'drain', 1_000);
    expect(claimed.map((c) => c.id)).toEqual(
      model.claim('drain', 50, 1_000, T0 + now).map((c) => c.id),
    );
    if (claimed.length === 0) break;
    await complete(
      'drain',
      claimed.map((c) => ({ id: c.id, outcome: 'delivered' as const, at: at(now) })),
    );
  }
  const counts = model.counts();
  expect(counts.pending + counts['in-flight']).toBe(0);
  expect((await store.summary(10)).counts).toEqual(counts);
  let lastSeq = 0;
  for (const m of model.changes) {
    const stored = await store.get(m.id);
    expectSame(stored, m);
    expect(stored?.seq ?? 0).toBeGreaterThan(lastSeq);
    lastSeq = stored?.seq ?? 0;
  }
  expect((await store.rejected(10_000)).map((c) => c.id)).toEqual(
    model.changes.filter((c) => c.state === 'rejected').map((c) => c.id),
  );
}

/** fast-check runs of random interleavings, checked against the reference model. */
export function propertyTests(ctx: SuiteContext, factory: () => Promise<OutboxStore>): void {
  describe('random interleavings (fast-check, against a reference model)', () => {
    it(
      'agree with the model: one change per record in flight, per-record order, nothing lost or delivered twice',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(opArbitrary, { minLength: 5, maxLength: 40, size: 'max' }),
            async (ops) => {
              const store = await factory();
              try {
                await run(store, ops);
              } finally {
                await store.close();
              }
            },
          ),
          { numRuns: ctx.propertyRuns },
        );
      },
      ctx.timeoutMs,
    );
  });
}
