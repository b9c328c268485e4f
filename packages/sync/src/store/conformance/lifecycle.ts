import { describe, expect, it } from 'vitest';
import {
  at,
  change,
  claimAll,
  deliver,
  ids,
  isoAt,
  REJECTION,
  rejectsWith,
  type SuiteContext,
} from './context.ts';

/** Enqueue, get, claim, complete, renew: the rules, one example each. */
export function lifecycleTests(ctx: SuiteContext): void {
  const { withStore, timeoutMs } = ctx;

  describe('enqueue and get', () => {
    it(
      'keeps a change as given, pending, with its seq and enqueue time',
      withStore(async (store) => {
        const c = change('c1', 'HS-1', {
          kind: 'event',
          occurredAt: '2029-12-31T23:59:59.5-05:00',
        });
        await store.enqueue([c], at(5));
        const stored = await store.get('c1');
        expect(stored).toStrictEqual({
          ...c,
          seq: expect.any(Number),
          state: 'pending',
          enqueuedAt: isoAt(5),
          attempts: 0,
        });
        expect(Number.isSafeInteger(stored?.seq)).toBe(true);
        expect(await store.get('nope')).toBeUndefined();
      }),
      timeoutMs,
    );

    it(
      'gives strictly increasing seq in enqueue order, within and across calls',
      withStore(async (store) => {
        await store.enqueue([change('b', 'HS-2'), change('a', 'HS-1')], at(0));
        await store.enqueue([change('c', 'HS-1')], at(0));
        await store.enqueue([], at(0));
        const seqs = await Promise.all(
          ['b', 'a', 'c'].map(async (id) => (await store.get(id))?.seq),
        );
        expect(seqs.every((s) => typeof s === 'number')).toBe(true);
        const [b, a, c] = seqs as number[];
        expect(b).toBeLessThan(a as number);
        expect(a).toBeLessThan(c as number);
      }),
      timeoutMs,
    );

    it(
      'ignores an id it already holds, in a later call or the same one, and keeps the original',
      withStore(async (store) => {
        await store.enqueue([change('a', 'HS-1', { fields: { v: 1 } })], at(0));
        const first = await store.get('a');
        await store.enqueue(
          [change('a', 'HS-9', { fields: { v: 2 } }), change('b'), change('b', 'HS-8')],
          at(10),
        );
        expect(await store.get('a')).toStrictEqual(first);
        expect((await store.get('b'))?.record).toStrictEqual(change('b').record);
        expect((await store.summary(10)).counts.pending).toBe(2);
      }),
      timeoutMs,
    );

    it(
      'is atomic: one bad change refuses the whole list',
      withStore(async (store) => {
        await rejectsWith(
          store.enqueue([change('ok-1'), change(''), change('ok-2')], at(0)),
          'invalid-input',
        );
        await rejectsWith(
          store.enqueue(
            [change('ok-1'), { ...change('ok-3'), occurredAt: '2030-01-01 07:00' }],
            at(0),
          ),
          'invalid-input',
        );
        expect(await store.get('ok-1')).toBeUndefined();
        expect((await store.summary(1)).counts.pending).toBe(0);
      }),
      timeoutMs,
    );

    it(
      'keeps a copy: changing the object given, or the one returned, changes nothing stored',
      withStore(async (store) => {
        const record: Record<string, unknown> = { hocSinhId: 'HS-1', lop: ['1A'] };
        await store.enqueue([change('a', 'HS-1', { record })], at(0));
        record['hocSinhId'] = 'changed';
        (record['lop'] as string[]).push('1B');
        const got = await store.get('a');
        (got?.record as Record<string, unknown>)['lop'] = 'changed too';
        expect((await store.get('a'))?.record).toStrictEqual({ hocSinhId: 'HS-1', lop: ['1A'] });
      }),
      timeoutMs,
    );
  });

  describe('claim', () => {
    it(
      'takes due changes in seq order, at most limit, under a lease',
      withStore(async (store) => {
        await store.enqueue(
          ['a', 'b', 'c', 'd', 'e'].map((id) => change(id, `HS-${id}`)),
          at(0),
        );
        const first = await store.claim({ worker: 'w1', limit: 3, leaseMs: 1_000, now: at(10) });
        expect(ids(first)).toEqual(['a', 'b', 'c']);
        for (const c of first) {
          expect(c).toMatchObject({
            state: 'in-flight',
            leaseOwner: 'w1',
            leaseExpiresAt: isoAt(1_010),
            attempts: 1,
          });
          expect(await store.get(c.id)).toStrictEqual(c);
        }
        expect(
          ids(await store.claim({ worker: 'w2', limit: 10, leaseMs: 500, now: at(20) })),
        ).toEqual(['d', 'e']);
        expect(await claimAll(store, 'w3', 30)).toEqual([]);
      }),
      timeoutMs,
    );

    it(
      "hands out one record's changes one at a time, in order; delivered and rejected ones do not block",
      withStore(async (store) => {
        await store.enqueue(
          [change('a1', 'A'), change('a2', 'A'), change('b1', 'B'), change('a3', 'A')],
          at(0),
        );
        const first = await claimAll(store, 'w', 0);
        expect(ids(first)).toEqual(['a1', 'b1']);
        expect(await claimAll(store, 'w2', 1)).toEqual([]);
        expect(await deliver(store, 'w', first, 2)).toBe(2);
        expect(ids(await claimAll(store, 'w', 3))).toEqual(['a2']);
        expect(
          await store.complete('w', [
            { id: 'a2', outcome: 'rejected', at: at(4), rejection: REJECTION },
          ]),
        ).toBe(1);
        expect(ids(await claimAll(store, 'w', 5))).toEqual(['a3']);
      }),
      timeoutMs,
    );

    it(
      'keeps order through retries: a change waiting for its next attempt holds back the later ones',
      withStore(async (store) => {
        await store.enqueue([change('a1', 'A'), change('a2', 'A'), change('b1', 'B')], at(0));
        await claimAll(store, 'w', 0);
        await store.complete('w', [
          { id: 'a1', outcome: 'retry', at: at(1), nextAttemptAt: at(500), error: 'ETIMEDOUT' },
        ]);
        expect(await claimAll(store, 'w', 499)).toEqual([]);
        const again = await claimAll(store, 'w', 500);
        expect(ids(again)).toEqual(['a1']);
        expect(again[0]).toMatchObject({ attempts: 2, nextAttemptAt: isoAt(500) });
      }),
      timeoutMs,
    );

    it(
      'takes a change back when its lease expires (at the expiry instant, not before)',
      withStore(async (store) => {
        await store.enqueue([change('a1', 'A'), change('a2', 'A')], at(0));
        await store.claim({ worker: 'w1', limit: 5, leaseMs: 1_000, now: at(0) });
        expect(await claimAll(store, 'w2', 999)).toEqual([]);
        const taken = await claimAll(store, 'w2', 1_000);
        expect(ids(taken)).toEqual(['a1']);
        expect(taken[0]).toMatchObject({
          leaseOwner: 'w2',
          attempts: 2,
          leaseExpiresAt: isoAt(2_000),
        });
      }),
      timeoutMs,
    );

    it(
      'gives nothing of a record while one of its changes is in flight, even an earlier change a re-key moved under its key',
      withStore(async (store) => {
        await store.enqueue([change('p1', 'TAM-1'), change('q1', 'HS-1')], at(0));
        expect(ids(await claimAll(store, 'w', 0))).toEqual(['p1', 'q1']);
        await store.complete('w', [
          { id: 'p1', outcome: 'retry', at: at(1), nextAttemptAt: at(1), error: '503' },
        ]);
        const moved = await store.rekey({
          truongId: '79000701',
          from: 'TAM-1',
          to: 'HS-1',
          fields: { HocSinh: ['hocSinhId'] },
          recordKeyOf: (entity, record) =>
            change('x', String(record['hocSinhId']), { entity }).recordKey,
        });
        expect(moved).toBe(1);
        expect(await claimAll(store, 'w2', 2)).toEqual([]); // q1 is in flight under a live lease
        expect(await deliver(store, 'w', [{ id: 'q1' }], 3)).toBe(1);
        expect(ids(await claimAll(store, 'w2', 4))).toEqual(['p1']);
      }),
      timeoutMs,
    );

    it(
      'leaves changes not yet due without holding back other records',
      withStore(async (store) => {
        await store.enqueue([change('a1', 'A'), change('b1', 'B')], at(0));
        await claimAll(store, 'w', 0);
        await store.complete('w', [
          { id: 'a1', outcome: 'retry', at: at(1), nextAttemptAt: at(10_000), error: 'x' },
          { id: 'b1', outcome: 'delivered', at: at(1) },
        ]);
        await store.enqueue([change('c1', 'C'), change('b2', 'B')], at(2));
        expect(ids(await claimAll(store, 'w', 3))).toEqual(['c1', 'b2']);
      }),
      timeoutMs,
    );

    it(
      'never hands one change, or two changes of one record, to two claims made at once',
      withStore(async (store) => {
        const records = Array.from({ length: 20 }, (_, r) => `R${r}`);
        await store.enqueue(
          [0, 1, 2].flatMap((n) => records.map((r) => change(`${r}-${n}`, r))),
          at(0),
        );
        for (const round of [0, 1, 2]) {
          const claims = await Promise.all(
            Array.from({ length: 8 }, (_, w) =>
              store.claim({ worker: `w${w}`, limit: 5, leaseMs: 60_000, now: at(round * 10) }),
            ),
          );
          const all = claims.flat();
          expect(new Set(ids(all)).size).toBe(all.length);
          expect(new Set(all.map((c) => c.recordKey)).size).toBe(all.length);
          expect(ids(all).sort()).toEqual(records.map((r) => `${r}-${round}`).sort());
          claims.forEach((c, w) => {
            for (const x of c) expect(x.leaseOwner).toBe(`w${w}`);
          });
          const again = await Promise.all(
            [0, 1, 2].map((w) => claimAll(store, `late${w}`, round * 10 + 1)),
          );
          expect(again.flat()).toEqual([]);
          const delivered = await Promise.all(
            claims.map((c, w) => deliver(store, `w${w}`, c, round * 10 + 2)),
          );
          expect(delivered.reduce((a, b) => a + b, 0)).toBe(20);
        }
      }),
      timeoutMs,
    );
  });

  describe('complete', () => {
    it(
      'records a delivery, a rejection (the dead-letter list) and a retry, clearing the lease',
      withStore(async (store) => {
        await store.enqueue([change('d', 'D'), change('r', 'R'), change('t', 'T')], at(0));
        await claimAll(store, 'w', 0);
        const n = await store.complete('w', [
          { id: 'd', outcome: 'delivered', at: at(100) },
          { id: 'r', outcome: 'rejected', at: at(100), rejection: REJECTION },
          { id: 't', outcome: 'retry', at: at(100), nextAttemptAt: at(5_000), error: 'HTTP 503' },
        ]);
        expect(n).toBe(3);
        const [d, r, t] = await Promise.all(['d', 'r', 't'].map((id) => store.get(id)));
        expect(d).toMatchObject({ state: 'delivered', deliveredAt: isoAt(100), attempts: 1 });
        expect(r).toMatchObject({ state: 'rejected', rejection: REJECTION });
        expect(t).toMatchObject({
          state: 'pending',
          nextAttemptAt: isoAt(5_000),
          lastError: 'HTTP 503',
        });
        for (const c of [d, r, t]) {
          expect(c && Object.hasOwn(c, 'leaseOwner')).toBe(false);
          expect(c && Object.hasOwn(c, 'leaseExpiresAt')).toBe(false);
        }
        expect(d && Object.hasOwn(d, 'rejection')).toBe(false);
        expect(ids(await store.rejected(10))).toEqual(['r']);
      }),
      timeoutMs,
    );

    it(
      'applies only what the worker holds: not the changes of another worker, nor unclaimed, finished or unknown ones',
      withStore(async (store) => {
        await store.enqueue([change('a'), change('b', 'B'), change('c', 'C')], at(0));
        await store.claim({ worker: 'w1', limit: 1, leaseMs: 1_000, now: at(0) });
        await store.claim({ worker: 'w2', limit: 1, leaseMs: 1_000, now: at(0) });
        const done = (id: string) => ({ id, outcome: 'delivered' as const, at: at(10) });
        expect(await store.complete('w2', [done('a')])).toBe(0);
        expect(await store.complete('w1', [done('c'), done('nope'), done('b')])).toBe(0);
        expect(await store.complete('w1', [done('a'), done('a')])).toBe(1);
        expect(await store.complete('w1', [done('a')])).toBe(0);
        expect(await store.complete('w1', [])).toBe(0);
        expect(await store.get('b')).toMatchObject({ state: 'in-flight', leaseOwner: 'w2' });
        expect(await store.get('c')).toMatchObject({ state: 'pending' });
      }),
      timeoutMs,
    );

    it(
      'refuses a completion once the lease has expired, even if nobody took the change since (it is delivered again)',
      withStore(async (store) => {
        await store.enqueue([change('a')], at(0));
        await store.claim({ worker: 'w1', limit: 1, leaseMs: 1_000, now: at(0) });
        expect(await store.complete('w1', [{ id: 'a', outcome: 'delivered', at: at(1_000) }])).toBe(
          0,
        );
        expect(await store.get('a')).toMatchObject({ state: 'in-flight', leaseOwner: 'w1' });
        expect(ids(await claimAll(store, 'w2', 1_000))).toEqual(['a']);
      }),
      timeoutMs,
    );

    it(
      'never lets a worker whose lease expired overwrite the outcome of the worker who took over',
      withStore(async (store) => {
        await store.enqueue([change('a')], at(0));
        await store.claim({ worker: 'w1', limit: 1, leaseMs: 1_000, now: at(0) });
        await store.claim({ worker: 'w2', limit: 1, leaseMs: 1_000, now: at(1_500) });
        const late = await store.complete('w1', [
          { id: 'a', outcome: 'rejected', at: at(500), rejection: REJECTION },
        ]);
        expect(late).toBe(0);
        expect(await store.complete('w2', [{ id: 'a', outcome: 'delivered', at: at(1_600) }])).toBe(
          1,
        );
        expect(await store.get('a')).toMatchObject({ state: 'delivered', attempts: 2 });
      }),
      timeoutMs,
    );

    it(
      'cuts a long transport error to 4,096 characters',
      withStore(async (store) => {
        await store.enqueue([change('a')], at(0));
        await claimAll(store, 'w', 0);
        await store.complete('w', [
          { id: 'a', outcome: 'retry', at: at(1), nextAttemptAt: at(2), error: 'é'.repeat(10_000) },
        ]);
        expect((await store.get('a'))?.lastError).toBe('é'.repeat(4_096));
      }),
      timeoutMs,
    );
  });

  describe('renew', () => {
    it(
      'extends the leases the worker holds',
      withStore(async (store) => {
        await store.enqueue([change('a'), change('b', 'B')], at(0));
        await store.claim({ worker: 'w1', limit: 5, leaseMs: 1_000, now: at(0) });
        await store.renew('w1', ['a', 'b', 'a'], 1_000, at(900));
        expect(await store.get('a')).toMatchObject({ leaseExpiresAt: isoAt(1_900) });
        expect(await claimAll(store, 'w2', 1_500)).toEqual([]);
        expect(await store.complete('w1', [{ id: 'a', outcome: 'delivered', at: at(1_800) }])).toBe(
          1,
        );
        expect(ids(await claimAll(store, 'w2', 1_900))).toEqual(['b']);
      }),
      timeoutMs,
    );

    it(
      "renews neither another worker's lease nor an expired one, and ignores unknown ids",
      withStore(async (store) => {
        await store.enqueue([change('a')], at(0));
        await store.claim({ worker: 'w1', limit: 5, leaseMs: 1_000, now: at(0) });
        await store.renew('w2', ['a', 'nope'], 5_000, at(500));
        expect(await store.get('a')).toMatchObject({ leaseExpiresAt: isoAt(1_000) });
        await store.renew('w1', ['a'], 5_000, at(1_000));
        expect(await store.get('a')).toMatchObject({ leaseExpiresAt: isoAt(1_000) });
        await store.renew('w1', [], 5_000, at(1_000));
      }),
      timeoutMs,
    );
  });
}
