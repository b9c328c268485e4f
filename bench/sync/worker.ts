/**
 * One outbox worker process of `postgres.bench.ts` (started with `fork`): `createOutbox` on the
 * benchmark's PostgreSQL schema under its own worker id, delivering to the sandbox over HTTP — or,
 * with `fake`, to a no-op server in-process that answers every batch "created" (to measure the
 * store and the outbox without the sandbox). It says `{ ready }`, waits for `{ go }`, drains until
 * nothing is pending (waiting for the other workers' claims to finish), then says
 * `{ done, at, delivered, rounds, cpuMs }` (its CPU time since `go`) and exits.
 */
import { createClient } from '@eduvn/client';
import { createOutbox } from '@eduvn/sync';
import { createPostgresStore } from '@eduvn/sync/postgres';

/** What the bench tells a worker. */
export interface WorkerSetup {
  readonly connectionString: string;
  readonly schema: string;
  readonly worker: string;
  readonly batchSize: number;
  /** The sandbox, or `undefined` for the no-op server. */
  readonly target?: {
    readonly url: string;
    readonly credentials: { readonly clientId: string; readonly clientSecret: string };
  };
}

/** A server that takes every batch: each item "created", nothing stored. */
const noop: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const { items } = (await request.json()) as { items: unknown[] };
  return Response.json({
    results: items.map((_, index) => ({
      index,
      status: 201,
      outcome: 'created',
      version: 1,
      late: false,
      warnings: [],
    })),
    summary: { created: items.length, updated: 0, unchanged: 0, rejected: 0 },
  });
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (message: unknown) => process.send?.(message);

process.once('message', async (setup: WorkerSetup) => {
  const store = createPostgresStore({
    connectionString: setup.connectionString,
    schema: setup.schema,
    poolSize: 2,
  });
  const client = setup.target
    ? createClient({
        baseUrl: setup.target.url,
        credentials: setup.target.credentials,
        timeout: 120_000,
      })
    : createClient({
        baseUrl: 'http://noop.local',
        credentials: { getToken: async () => 'noop' },
        fetch: noop,
      });
  const outbox = createOutbox({
    store,
    client,
    worker: setup.worker,
    batchSize: setup.batchSize,
    leaseMs: 600_000,
    massChange: false,
  });
  await store.summary(1); // connected, the table found
  send({ ready: true });
  await new Promise((resolve) => process.once('message', resolve));
  const cpu = process.cpuUsage();
  let delivered = 0;
  let rounds = 0;
  for (;;) {
    const report = await outbox.drain();
    delivered += report.delivered;
    rounds += report.rounds;
    if (report.rounds > 0) continue;
    if ((await outbox.status({ oldest: 1 })).pending === 0) break;
    await sleep(5);
  }
  const used = process.cpuUsage(cpu);
  send({ done: true, at: Date.now(), delivered, rounds, cpuMs: (used.user + used.system) / 1000 });
  await store.close();
  process.disconnect();
});
