import { describe, expect, it } from 'vitest';
import type { OutboxStore } from '../types.ts';
import { at, change, deliver, type SharedOutbox, type SuiteContext } from './context.ts';

/** Several handles (connections, pools, processes' worth) on one outbox, claiming at once. */
export function sharedTests(ctx: SuiteContext, shared: () => Promise<SharedOutbox>): void {
  describe('several handles on one outbox', () => {
    it(
      'claim disjoint work, one change per record at a time, and deliver each record in order',
      async () => {
        const outbox = await shared();
        const handles: OutboxStore[] = [];
        try {
          for (let i = 0; i < 3; i++) handles.push(await outbox.open());
          const [first] = handles as [OutboxStore];
          const records = Array.from({ length: 30 }, (_, r) => `R${r}`);
          const changes = [0, 1, 2, 3].flatMap((n) => records.map((r) => change(`${r}-${n}`, r)));
          await first.enqueue(changes, at(0));
          const claims = new Map<string, number>();
          const delivered = new Map<string, string[]>();
          for (let round = 0; round < 10; round++) {
            const workers = handles.flatMap((store, h) =>
              [0, 1].map((w) => ({ store, worker: `h${h}-w${w}` })),
            );
            const results = await Promise.all(
              workers.map(({ store, worker }) =>
                store.claim({ worker, limit: 7, leaseMs: 60_000, now: at(round * 10) }),
              ),
            );
            const all = results.flat();
            if (all.length === 0) break;
            expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
            expect(new Set(all.map((c) => c.recordKey)).size).toBe(all.length);
            for (const c of all) claims.set(c.id, (claims.get(c.id) ?? 0) + 1);
            // Every handle sees what the others claimed.
            for (const c of all) {
              expect(await pickOther(handles, round).get(c.id)).toMatchObject({
                state: 'in-flight',
              });
            }
            const applied = await Promise.all(
              workers.map(({ store, worker }, i) =>
                deliver(store, worker, results[i] ?? [], round * 10 + 1),
              ),
            );
            expect(applied.reduce((a, b) => a + b, 0)).toBe(all.length);
            for (const c of all) {
              delivered.set(c.recordKey, [...(delivered.get(c.recordKey) ?? []), c.id]);
            }
          }
          expect(claims.size).toBe(changes.length);
          expect([...claims.values()].every((n) => n === 1)).toBe(true);
          for (const r of records) {
            const key = change('x', r).recordKey;
            expect(delivered.get(key)).toEqual([0, 1, 2, 3].map((n) => `${r}-${n}`));
          }
          expect((await first.summary(1)).counts.delivered).toBe(changes.length);
        } finally {
          for (const h of handles) await h.close();
          await outbox.dispose();
        }
      },
      ctx.timeoutMs,
    );
  });
}

const pickOther = (handles: readonly OutboxStore[], round: number): OutboxStore =>
  handles[(round + 1) % handles.length] as OutboxStore;
