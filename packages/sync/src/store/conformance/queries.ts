import { describe, expect, it } from 'vitest';
import type { OutboxStore } from '../types.ts';
import { at, change, claimAll, REJECTION, rejectsWith, type SuiteContext } from './context.ts';

/** The outbox's questions (they are to join `OutboxStore`; the outbox already asks them). */
const ask = (store: OutboxStore): OutboxStore => store;

/** population, knownKeys, deadlineCounts. */
export function queryTests(ctx: SuiteContext): void {
  const { withStore, timeoutMs } = ctx;

  describe('questions of the outbox', () => {
    it(
      "counts a school's distinct records of an entity, delivered history included",
      withStore(async (store) => {
        await store.enqueue(
          [
            change('a1', 'HS-1'),
            change('a2', 'HS-1'),
            change('b1', 'HS-2'),
            change('c1', 'HS-3', { truongId: '79000702' }),
            change('d1', 'CB-1', { entity: 'CanBo' }),
          ],
          at(0),
        );
        await claimAll(store, 'w', 0);
        await store.complete('w', [
          { id: 'a1', outcome: 'delivered', at: at(1) },
          { id: 'b1', outcome: 'rejected', at: at(1), rejection: REJECTION },
        ]);
        expect(await ask(store).population('79000701', 'HocSinh')).toBe(2);
        expect(await ask(store).population('79000701', 'CanBo')).toBe(1);
        expect(await ask(store).population('79000702', 'HocSinh')).toBe(1);
        expect(await ask(store).population('79000799', 'HocSinh')).toBe(0);
        await rejectsWith(ask(store).population('', 'HocSinh'), 'invalid-input');
      }),
      timeoutMs,
    );

    it(
      'tells which record keys it holds changes of, in any state',
      withStore(async (store) => {
        const hostile = change('h', "'); DROP TABLE changes; --");
        await store.enqueue([change('a', 'HS-1'), change('b', 'HS-2'), hostile], at(0));
        await claimAll(store, 'w', 0);
        await store.complete('w', [{ id: 'a', outcome: 'delivered', at: at(1) }]);
        const keys = [
          change('x', 'HS-1').recordKey,
          change('x', 'HS-2').recordKey,
          hostile.recordKey,
          change('x', 'HS-9').recordKey,
          'not a key',
        ];
        const known = await ask(store).knownKeys([...keys, keys[0] as string]);
        expect([...known].sort()).toEqual(keys.slice(0, 3).sort());
        expect((await ask(store).knownKeys([])).size).toBe(0);
        await expect(
          ask(store).knownKeys(Array.from({ length: 10_001 }, (_, i) => `k${i}`)),
        ).rejects.toThrow(RangeError);
        await rejectsWith(ask(store).knownKeys(['a\u0000b']), 'invalid-input');
      }),
      timeoutMs,
    );

    it(
      'counts undelivered changes overdue and at risk by when they occurred, across offsets',
      withStore(async (store) => {
        const overdueBefore = new Date('2030-01-01T00:00:00Z');
        const atRiskBefore = new Date('2030-01-01T12:00:00Z');
        await store.enqueue(
          [
            change('old', 'A', { occurredAt: '2030-01-01T06:59:59.999+07:00' }), // overdue
            change('edge', 'B', { occurredAt: '2030-01-01T07:00:00+07:00' }), // = overdueBefore: at risk
            change('risk', 'C', { occurredAt: '2030-01-01T11:59:59.999Z' }), // at risk
            change('fine', 'D', { occurredAt: '2030-01-01T12:00:00Z' }), // = atRiskBefore: on time
            change('gone', 'E', { occurredAt: '2029-01-01T00:00:00Z' }), // delivered below
            change('held', 'F', { occurredAt: '2029-06-01T00:00:00-05:00' }), // in flight: overdue
          ],
          at(0),
        );
        await store.claim({ worker: 'w', limit: 10, leaseMs: 1_000, now: at(0) });
        await store.complete('w', [
          { id: 'gone', outcome: 'delivered', at: at(1) },
          ...['old', 'edge', 'risk', 'fine'].map((id) => ({
            id,
            outcome: 'retry' as const,
            at: at(1),
            nextAttemptAt: at(2),
            error: '503',
          })),
        ]);
        expect(await ask(store).deadlineCounts(overdueBefore, atRiskBefore)).toEqual({
          overdue: 2,
          atRisk: 2,
        });
        expect(await ask(store).deadlineCounts(atRiskBefore, overdueBefore)).toEqual({
          overdue: 4,
          atRisk: 0,
        });
        await rejectsWith(
          ask(store).deadlineCounts(new Date(Number.NaN), atRiskBefore),
          'invalid-input',
        );
      }),
      timeoutMs,
    );
  });
}
