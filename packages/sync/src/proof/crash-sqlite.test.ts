/**
 * Crash safety of the embedded outbox: a school's software (a child process) owns an outbox on a
 * SQLite file, enqueues a school's changes and drains them to the sandbox over real HTTP; after
 * three acknowledged rounds the sandbox applies each batch only in part (its first three items)
 * and drops the connection, and the process is SIGKILLed in the middle of that batch — its
 * changes claimed, some of them applied, none acknowledged. A new process on the same file
 * enqueues the same changes again (as a restarted host would) and drains to the end. The
 * database must hold exactly the intended state: nothing lost, nothing applied twice.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EduvnClient, EntityName } from '@eduvn/client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createOutbox } from '../outbox/outbox.ts';
import { createSqliteStore } from '../sqlite.ts';
import type { StoredChange } from '../store/types.ts';
import { startChild } from './child.test-helper.ts';
import { expectExactEnd } from './end-state.test-helper.ts';
import { buildWorkload, fixedSteps, masked, schoolSource } from './workload.test-helper.ts';
import { cleanClientOf, connect, proofSandbox, tempDir } from './world.test-helper.ts';

const PUSHER = 'src/proof/pusher.test-helper.ts';
const SOURCE = schoolSource('proof-crash-sqlite', '79000802', { pupils: 30, newcomers: 3 });
const WORKLOAD = buildWorkload(SOURCE, fixedSteps(SOURCE, 802, 120));

/** Whether the database already holds a change as it was enqueued (a record, or an event). */
async function held(client: EduvnClient, change: StoredChange): Promise<boolean> {
  const entity = change.entity as EntityName;
  const key =
    entity === 'SuKienTrangThai' ? { suKienId: change.record['suKienId'] } : change.record;
  const stored = await client
    .get(entity, change.truongId, key as never)
    .then((r) => r.record as Record<string, unknown>)
    .catch(() => undefined);
  if (!stored) return false;
  const { hocSinhId: _a, ...mine } = masked(entity, change.record) ?? {};
  const { hocSinhId: _b, ...theirs } = masked(entity, stored) ?? {};
  return (
    JSON.stringify(Object.entries(mine).sort()) === JSON.stringify(Object.entries(theirs).sort())
  );
}

describe('the SQLite outbox killed mid-batch', () => {
  it('SIGKILL inside a partly applied batch, a new process on the same file: every change exactly once', async () => {
    const tmp = tempDir('sqlite');
    onTestFinished(() => tmp.remove());
    const { sandbox, credentials } = proofSandbox([SOURCE]);
    onTestFinished(() => sandbox.close());
    const connection = await connect(sandbox, 'http');
    onTestFinished(() => connection.close());
    const file = join(tmp.dir, 'outbox.db');
    const changesFile = join(tmp.dir, 'changes.json');
    writeFileSync(changesFile, JSON.stringify(WORKLOAD.changes));
    const common = {
      EDUVN_PROOF_STORE: 'sqlite',
      EDUVN_PROOF_TARGET: file,
      EDUVN_PROOF_URL: connection.baseUrl,
      EDUVN_PROOF_CREDENTIALS: JSON.stringify(credentials),
      EDUVN_PROOF_CHANGES: changesFile,
      EDUVN_PROOF_LEASE_MS: '1000',
      EDUVN_PROOF_BATCH: '10',
    };

    // Three rounds go through; from the fourth on, every batch is applied in part after 100 ms
    // and its connection dropped. The process dies while it retries the fourth batch.
    const first = startChild(PUSHER, {
      ...common,
      EDUVN_PROOF_WORKER: 'first',
      EDUVN_PROOF_FAULT: 'latency=100; partial=3',
      EDUVN_PROOF_FAULT_AFTER: '3',
    });
    onTestFinished(() => first.kill());
    expect(await first.waitFor((l) => typeof l['enqueued'] === 'number')).toEqual({
      enqueued: WORKLOAD.changes.length,
    });
    await first.waitFor((l) => l['round'] === 3);
    await first.waitFor((l) => l['sending'] === 5); // the fourth batch, sent again
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // It died holding the fourth batch: claimed, its first items applied, nothing acknowledged.
    const store = createSqliteStore({ path: file });
    onTestFinished(() => store.close());
    const acknowledged = first
      .lines()
      .reduce((n, l) => n + (typeof l['round'] === 'number' ? (l['delivered'] as number) : 0), 0);
    const { counts, oldest } = await store.summary(1_000);
    const batch = oldest.filter((c) => c.state === 'in-flight').sort((a, b) => a.seq - b.seq);
    expect(batch.length).toBeGreaterThan(3);
    expect(counts).toMatchObject({
      delivered: acknowledged,
      'in-flight': batch.length,
      rejected: 0,
    });
    expect(batch.every((c) => c.leaseOwner === 'first')).toBe(true);
    const clean = cleanClientOf(connection, credentials);
    for (const c of batch.slice(0, 3)) expect(await held(clean, c), c.id).toBe(true);

    // A new process on the same file enqueues the same changes again and drains to the end.
    const second = startChild(PUSHER, { ...common, EDUVN_PROOF_WORKER: 'second' });
    onTestFinished(() => second.kill());
    const end = await second.exited;
    expect(end, second.errors()).toEqual({ code: 0, signal: null });
    expect(second.lines().at(-1)).toMatchObject({ done: true, rejected: 0 });

    const outbox = createOutbox({ store, client: clean });
    await expectExactEnd(clean, [WORKLOAD], outbox);
    // The batch the first process died in was taken over after its lease ran out.
    for (const c of batch) {
      const now = await store.get(c.id);
      expect(now?.state, c.id).toBe('delivered');
      expect(now?.attempts, c.id).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);
});
