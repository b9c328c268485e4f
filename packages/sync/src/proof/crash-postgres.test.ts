/**
 * Crash safety of the shared outbox: one PostgreSQL outbox (in a schema of its own, dropped after)
 * holds two schools' changes; four worker processes drain it at once to the sandbox over real
 * HTTP. One of them is SIGKILLed while it holds leases — its batch sent, slowed down by the
 * sandbox, not answered yet. The others finish once those leases expire. The database must hold
 * exactly the intended state, each record's versions in the order they were enqueued.
 */
import { randomBytes } from 'node:crypto';
import { personalIdOf } from '@eduvn/rules';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createOutbox } from '../outbox/outbox.ts';
import { createPostgresStore } from '../postgres.ts';
import { type Child, startChild } from './child.test-helper.ts';
import { expectExactEnd } from './end-state.test-helper.ts';
import {
  buildWorkload,
  fixedSteps,
  type SchoolSource,
  schoolSource,
} from './workload.test-helper.ts';
import { cleanClientOf, connect, proofSandbox } from './world.test-helper.ts';

/** A real PostgreSQL server: `EDUVN_TEST_POSTGRES`, by default the local one (trust auth). */
const URL = process.env['EDUVN_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const PUSHER = 'src/proof/pusher.test-helper.ts';

const admin = new pg.Pool({ connectionString: URL, max: 2 });
admin.on('error', () => {});
beforeAll(async () => {
  try {
    await admin.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `This test needs a PostgreSQL server at ${URL} (set EDUVN_TEST_POSTGRES): ${(error as Error).message}`,
    );
  }
});
afterAll(() => admin.end());

const SCHOOLS: SchoolSource[] = [
  schoolSource('proof-crash-pg-1', '79000803', { pupils: 25, newcomers: 2 }),
  schoolSource('proof-crash-pg-2', '79000804', { pupils: 25, newcomers: 2 }),
];
const WORKLOADS = SCHOOLS.map((s, i) => buildWorkload(s, fixedSteps(s, 803 + i, 90)));

describe('the PostgreSQL outbox drained by several processes', () => {
  it('one worker SIGKILLed while it holds leases: the others finish, every change exactly once, in order', async () => {
    // Generated schools may draw the same personal ID, which the database rightly refuses.
    const personalIds = SCHOOLS.flatMap((s) => [...s.pupils, ...s.newcomers]).map(
      (record) => personalIdOf({ entity: 'HocSinh', record }) ?? '',
    );
    expect(new Set(personalIds).size).toBe(personalIds.length);

    const schema = `eduvn_proof_${process.pid}_${randomBytes(4).toString('hex')}`;
    onTestFinished(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    });
    const store = createPostgresStore({ connectionString: URL, schema, poolSize: 2 });
    onTestFinished(() => store.close());
    const { sandbox, credentials } = proofSandbox(SCHOOLS);
    onTestFinished(() => sandbox.close());
    const connection = await connect(sandbox, 'http');
    onTestFinished(() => connection.close());
    const clean = cleanClientOf(connection, credentials);

    // The two schools' changes, interleaved, each school's in its order.
    const [a = [], b = []] = WORKLOADS.map((w) => w.changes);
    const changes = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [
      a[i],
      b[i],
    ]).flatMap((pair) => pair.filter((c) => c !== undefined));
    const outbox = createOutbox({ store, client: clean, massChange: false });
    await outbox.enqueue(changes);

    const common = {
      EDUVN_PROOF_STORE: 'postgres',
      EDUVN_PROOF_TARGET: URL,
      EDUVN_PROOF_SCHEMA: schema,
      EDUVN_PROOF_URL: connection.baseUrl,
      EDUVN_PROOF_CREDENTIALS: JSON.stringify(credentials),
      EDUVN_PROOF_LEASE_MS: '1500',
      EDUVN_PROOF_BATCH: '5',
      EDUVN_PROOF_WAIT: '1',
    };
    // The victim's batches are answered after 300 ms: it is killed in the middle of its first.
    const victim = startChild(PUSHER, {
      ...common,
      EDUVN_PROOF_WORKER: 'victim',
      EDUVN_PROOF_FAULT: 'latency=300',
    });
    const workers: Child[] = ['w1', 'w2', 'w3'].map((id) =>
      startChild(PUSHER, { ...common, EDUVN_PROOF_WORKER: id }),
    );
    for (const child of [victim, ...workers]) onTestFinished(() => child.kill());
    await Promise.all([victim, ...workers].map((c) => c.waitFor((l) => l['ready'] === true)));
    for (const child of [victim, ...workers]) child.say('go');

    const claimed = await victim.waitFor((l) => Array.isArray(l['claimed']));
    await victim.waitFor((l) => l['sending'] === 1);
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const held = claimed['claimed'] as string[];
    expect(held.length).toBeGreaterThan(0);

    const ends = await Promise.all(workers.map((w) => w.exited));
    for (const [i, end] of ends.entries())
      expect(end, workers[i]?.errors()).toEqual({ code: 0, signal: null });
    for (const w of workers) expect(w.lines().at(-1)).toMatchObject({ done: true, rejected: 0 });
    // The three survivors shared the work.
    expect(workers.every((w) => w.lines().some((l) => Array.isArray(l['claimed'])))).toBe(true);

    // Each record's versions in the feed are its changes in the order enqueued (the check of
    // every record's history), nothing lost, nothing twice.
    await expectExactEnd(clean, WORKLOADS, outbox);
    // The dead worker's changes were taken over once its leases ran out.
    for (const id of held) {
      const change = await store.get(id);
      expect(change?.state, id).toBe('delivered');
      expect(change?.attempts, id).toBeGreaterThanOrEqual(2);
      expect(change?.leaseOwner, id).toBeUndefined();
    }
  }, 60_000);
});
