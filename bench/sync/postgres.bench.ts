/**
 * The PostgreSQL outbox draining generated pupils to the sandbox over real HTTP on 127.0.0.1,
 * with 1, 2 and 4 worker processes (each `createOutbox` on the same schema under its own worker
 * id, `drain` until nothing is pending): records/s each, side by side with
 *
 * - the same workers against a no-op server (each batch answered "created" in-process, nothing
 *   sent): the store and the outbox alone;
 * - `client.batch` from this process straight to the sandbox (no outbox; 500 per request, 1 and 4
 *   in flight): what the sandbox itself takes.
 *
 * Every run has a fresh schema (dropped after) holding the N pupils' changes, enqueued before the
 * clock starts (the enqueue rate is reported on its own), and a fresh sandbox (a new file
 * database, in a process of its own: `../client/sandbox-server.ts`). The clock runs from the
 * moment the workers, started and connected, are told to go, to the last one's last delivery;
 * each run checks that the outbox delivered every change once and the sandbox's feed holds
 * exactly N changes. Interleaved rounds, medians.
 *
 * A fresh table has no planner statistics until autovacuum gets to it: PostgreSQL then plans the
 * claim as a scan of every undelivered change. BENCH_ANALYZE=1 runs `ANALYZE` on the table after
 * the enqueue (as autovacuum or a DBA would), for the steady state.
 *
 * Run: `pnpm --filter @eduvn/bench bench:sync` (or `pnpm bench`); PostgreSQL at
 * EDUVN_BENCH_POSTGRES (default `postgres://postgres@127.0.0.1:5432/test`). Sizes: BENCH_ROWS
 * pupils (default 20000), BENCH_ROUNDS (default 3), BENCH_BATCH changes per round (default 500).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type BatchItem, createClient } from '@eduvn/client';
import { type ChangeInput, createOutbox } from '@eduvn/sync';
import { createPostgresStore } from '@eduvn/sync/postgres';
import { generatePupils } from '../client/pupils.ts';
import { startSandboxProcess, type Target } from '../client/sandbox-process.ts';
import type { WorkerSetup } from './worker.ts';

const rows = Number(process.env['BENCH_ROWS'] ?? 20_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const batchSize = Number(process.env['BENCH_BATCH'] ?? 500);
const analyze = process.env['BENCH_ANALYZE'] === '1';
const DATABASE =
  process.env['EDUVN_BENCH_POSTGRES'] ??
  process.env['EDUVN_TEST_POSTGRES'] ??
  'postgres://postgres@127.0.0.1:5432/test';
const OCCURRED = '2026-03-02T08:00:00+07:00';

/** `pg`, untyped here (the bench needs one query: dropping its schemas). */
interface PgPool {
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(import.meta.url)('pg') as { Pool: new (o: object) => PgPool };
const admin = new pg.Pool({ connectionString: DATABASE, max: 1 });

const { pupils, schools, skipped } = generatePupils(rows);
console.log(
  `${pupils.length.toLocaleString('en')} generated pupils in ${schools.length} schools (${skipped} left out: a personal ID drawn twice)`,
);
const changes: ChangeInput[] = pupils.map((record, i) => ({
  id: `bench-${i}`,
  entity: 'HocSinh',
  record,
  occurredAt: OCCURRED,
}));
const server = startSandboxProcess();

/** Enqueues every change into a fresh schema; returns the schema and the time it took. */
async function freshOutbox(): Promise<{ schema: string; enqueueMs: number }> {
  const schema = `eduvn_bench_${randomBytes(4).toString('hex')}`;
  const store = createPostgresStore({ connectionString: DATABASE, schema, poolSize: 2 });
  const outbox = createOutbox({
    store,
    client: createClient({ baseUrl: 'http://unused.local', credentials: { getToken: () => 'x' } }),
    massChange: false,
  });
  await store.summary(1);
  const start = performance.now();
  for (let i = 0; i < changes.length; i += 5_000) await outbox.enqueue(changes.slice(i, i + 5_000));
  const enqueueMs = performance.now() - start;
  await store.close();
  if (analyze) await admin.query(`ANALYZE "${schema}".outbox`);
  return { schema, enqueueMs };
}

/** How many changes the sandbox's delta feed holds (exactly: the last seq, nothing after). */
async function feedLength(target: Target): Promise<number> {
  const { access_token: token } = (await fetch(`${target.url}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: target.credentials.clientId,
      client_secret: target.credentials.clientSecret,
    }),
  }).then((r) => r.json())) as { access_token: string };
  let since = Math.max(0, rows - 5);
  for (;;) {
    const page = (await fetch(`${target.url}/v1/changes?since=${since}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json())) as { data: { seq: number }[]; next: string; hasMore: boolean };
    since = Number(page.next);
    if (!page.hasMore) return since;
  }
}

interface Measure {
  readonly ms: number;
  /** The sandbox process's CPU time over the wall time. */
  readonly serverBusy?: number;
  /** The worker processes' CPU time (together) over the wall time. */
  readonly workersBusy?: number;
}

/** k workers draining a fresh outbox to the sandbox (or the no-op server). */
async function drainWith(k: number, sandbox: boolean): Promise<Measure & { enqueueMs: number }> {
  const { schema, enqueueMs } = await freshOutbox();
  try {
    const target = sandbox ? await server.reset(schools) : undefined;
    const workers = Array.from({ length: k }, (_, i) => {
      const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), {
        execArgv: process.execArgv,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const setup: WorkerSetup = {
        connectionString: DATABASE,
        schema,
        worker: `bench-w${i + 1}`,
        batchSize,
        ...(target ? { target } : {}),
      };
      const messages: Record<string, unknown>[] = [];
      const next = (match: (m: Record<string, unknown>) => boolean) =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const seen = messages.find(match);
          if (seen) return resolve(seen);
          child.on('message', (m: Record<string, unknown>) => match(m) && resolve(m));
          child.once('exit', (code) => reject(new Error(`worker exited (${code}) early`)));
        });
      child.on('message', (m: Record<string, unknown>) => messages.push(m));
      child.send(setup);
      return { child, next, exited: new Promise((r) => child.once('exit', r)) };
    });
    await Promise.all(workers.map((w) => w.next((m) => m['ready'] === true)));
    const cpu = target ? await server.cpuMs() : 0;
    const start = Date.now();
    for (const w of workers) w.child.send({ go: true });
    const done = await Promise.all(workers.map((w) => w.next((m) => m['done'] === true)));
    const end = Math.max(...done.map((d) => d['at'] as number));
    const serverCpu = target ? (await server.cpuMs()) - cpu : 0;
    await Promise.all(workers.map((w) => w.exited));
    const delivered = done.reduce((n, d) => n + (d['delivered'] as number), 0);
    if (delivered !== changes.length)
      throw new Error(`${k} workers delivered ${delivered} of ${changes.length}`);
    if (target && (await feedLength(target)) !== changes.length)
      throw new Error(`the sandbox's feed does not hold exactly ${changes.length} changes`);
    return {
      ms: end - start,
      enqueueMs,
      workersBusy: done.reduce((n, d) => n + (d['cpuMs'] as number), 0) / (end - start),
      ...(target ? { serverBusy: serverCpu / (end - start) } : {}),
    };
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

/** `client.batch` straight to a fresh sandbox, no outbox. */
async function direct(concurrency: number): Promise<Measure> {
  const target = await server.reset(schools);
  const client = createClient({
    baseUrl: target.url,
    credentials: target.credentials,
    timeout: 120_000,
  });
  const items: BatchItem[] = pupils.map((record) => ({
    entity: 'HocSinh',
    record,
    occurredAt: OCCURRED,
  }));
  const cpu = await server.cpuMs();
  const start = Date.now();
  const outcome = await client.batch(items, { concurrency });
  const ms = Date.now() - start;
  const serverBusy = ((await server.cpuMs()) - cpu) / ms;
  if (outcome.summary.created !== items.length)
    throw new Error(`client.batch created ${outcome.summary.created} of ${items.length}`);
  return { ms, serverBusy };
}

const candidates: { name: string; run: () => Promise<Measure & { enqueueMs?: number }> }[] = [
  { name: 'outbox → sandbox, 1 worker', run: () => drainWith(1, true) },
  { name: 'outbox → sandbox, 2 workers', run: () => drainWith(2, true) },
  { name: 'outbox → sandbox, 4 workers', run: () => drainWith(4, true) },
  { name: 'outbox → no-op server, 1 worker', run: () => drainWith(1, false) },
  { name: 'outbox → no-op server, 2 workers', run: () => drainWith(2, false) },
  { name: 'outbox → no-op server, 4 workers', run: () => drainWith(4, false) },
  { name: 'client.batch → sandbox, 1 in flight', run: () => direct(1) },
  { name: 'client.batch → sandbox, 4 in flight', run: () => direct(4) },
];

const median = (list: readonly number[]): number =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;

try {
  await server.reset(schools); // loads the server's modules
  await drainWith(1, false); // warm-up: PostgreSQL, the file cache
  const times = new Map<string, Measure[]>(candidates.map((c) => [c.name, []]));
  const enqueues: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of candidates) {
      const m = await c.run();
      times.get(c.name)?.push(m);
      if (m.enqueueMs !== undefined) enqueues.push(m.enqueueMs);
    }
  }
  const count = changes.length;
  console.log(
    `\nThe PostgreSQL outbox draining ${count.toLocaleString('en')} pupils over HTTP — median of ${rounds} rounds (batches of ${batchSize}${analyze ? ', table analyzed' : ', fresh table'})`,
  );
  console.log(
    `${'candidate'.padEnd(40)}${'ms'.padStart(10)}${'records/s'.padStart(12)}${'× 1 worker'.padStart(12)}${'server busy'.padStart(13)}${'workers busy'.padStart(14)}`,
  );
  const base = median((times.get(candidates[0]?.name ?? '') ?? []).map((m) => m.ms));
  for (const c of candidates) {
    const list = times.get(c.name) ?? [];
    const ms = median(list.map((m) => m.ms));
    const share = (f: (m: Measure) => number | undefined) => {
      const value = median(list.map((m) => f(m) ?? Number.NaN));
      return Number.isNaN(value) ? '—' : `${Math.round(value * 100)}%`;
    };
    console.log(
      `${c.name.padEnd(40)}${ms.toFixed(0).padStart(10)}${Math.round((count / ms) * 1000)
        .toLocaleString('en')
        .padStart(12)}${(base / ms).toFixed(2).padStart(12)}${share((m) => m.serverBusy).padStart(
        13,
      )}${share((m) => m.workersBusy).padStart(14)}`,
    );
  }
  const enqueueMs = median(enqueues);
  console.log(
    `\nEnqueuing ${count.toLocaleString('en')} changes (5,000 per call): ${Math.round(enqueueMs)} ms, ` +
      `${Math.round((count / enqueueMs) * 1000).toLocaleString('en')} changes/s (median).`,
  );
  console.log(
    '"server busy": the sandbox process’s CPU time over the wall time; "workers busy": the worker\n' +
      'processes’ together (100% = one core). The rest of the 2 cores goes to PostgreSQL and this process.',
  );
} finally {
  await server.stop();
  await admin.end();
}
