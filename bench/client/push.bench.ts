/**
 * The city-database client pushing generated pupils to the sandbox over real HTTP on 127.0.0.1
 * (the sandbox in a process of its own: see `sandbox-server.ts`), side by side:
 *
 * A. Batching: `client.batch` (500 pupils per `POST /v1/batches`, one request in flight) against
 *    one `client.upsert` (`PUT /v1/truong/{truongId}/hoc-sinh/{hocSinhId}`) per pupil, with 1 and
 *    with BENCH_IN_FLIGHT requests in flight. Goal: batched ≥ 10× the pupils/s of one request
 *    per record.
 * B. Overhead: `client.batch` against raw `fetch` sending the same 500-pupil batches, one at a
 *    time (the body and headers built by hand — `encodeWire` per record, JSON, a bearer token
 *    fetched once, an Idempotency-Key per request — and the answer parsed). Goal: the client
 *    ≤ 1.15× the raw time.
 *
 * Every run starts on a fresh sandbox (a new file database; rate limiting off; the clock in the
 * fixtures' school year) and checks that every pupil was created; the reset (a message to the
 * server process, a few tens of ms) is inside the timed run, the same for every candidate. The
 * first (warm-up) run of each candidate pushes only BENCH_WARMUP_ROWS pupils. Interleaved rounds,
 * medians; figures compare within one run, not across machines.
 *
 * Run: `pnpm --filter @eduvn/bench bench:client` (or `pnpm bench`). Sizes: BENCH_ROWS pupils
 * (default 100000), BENCH_ROUNDS for B (default 5), BENCH_SINGLE_ROUNDS for A (default 1: one
 * request per record is slow), BENCH_IN_FLIGHT (default 8), BENCH_WARMUP_ROWS (default 2000).
 */
import { randomUUID } from 'node:crypto';
import { type BatchItem, createClient, type EduvnClient } from '@eduvn/client';
import { type EntitySchema, encodeWire, entityByName, type HocSinh } from '@eduvn/standard';
import { type AsyncCandidate, compareAsync } from '../harness.ts';
import { generatePupils } from './pupils.ts';
import { startSandboxProcess, type Target } from './sandbox-process.ts';

const rows = Number(process.env['BENCH_ROWS'] ?? 100_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const singleRounds = Number(process.env['BENCH_SINGLE_ROUNDS'] ?? 1);
const inFlight = Number(process.env['BENCH_IN_FLIGHT'] ?? 8);
const warmupRows = Number(process.env['BENCH_WARMUP_ROWS'] ?? 2_000);
const BATCH = 500;
const OCCURRED = '2026-03-02T08:00:00+07:00';
const BATCHING_GOAL = 10;
const OVERHEAD_GOAL = 1.15;
const HocSinhSchema = entityByName('HocSinh') as EntitySchema;

const clientOf = (target: Target): EduvnClient =>
  createClient({
    baseUrl: target.url,
    credentials: target.credentials,
    timeout: 120_000,
    userAgent: 'eduvn-bench',
  });

/** `client.batch`: 500 per request, `concurrency` requests in flight. */
async function clientBatch(target: Target, pupils: readonly HocSinh[], concurrency = 1) {
  const items: BatchItem[] = pupils.map((record) => ({
    entity: 'HocSinh',
    record,
    occurredAt: OCCURRED,
  }));
  const outcome = await clientOf(target).batch(items, { chunkSize: BATCH, concurrency });
  return outcome.summary.created;
}

/** One `client.upsert` per pupil, `concurrency` in flight. */
async function clientUpserts(target: Target, pupils: readonly HocSinh[], concurrency: number) {
  const client = clientOf(target);
  let next = 0;
  let created = 0;
  const worker = async () => {
    while (next < pupils.length) {
      const record = pupils[next++] as HocSinh;
      const result = await client.upsert('HocSinh', record, { occurredAt: OCCURRED });
      if (result.outcome === 'created') created++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return created;
}

/** Raw `fetch`: the same 500-pupil batches, one at a time, body and headers by hand. */
async function rawBatches(target: Target, pupils: readonly HocSinh[]) {
  const answer = await fetch(`${target.url}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: target.credentials.clientId,
      client_secret: target.credentials.clientSecret,
    }),
  });
  const { access_token: token } = (await answer.json()) as { access_token: string };
  let created = 0;
  for (let i = 0; i < pupils.length; i += BATCH) {
    const items = pupils.slice(i, i + BATCH).map((record) => ({
      entity: 'HocSinh',
      data: encodeWire(HocSinhSchema, record as never),
      occurredAt: OCCURRED,
    }));
    const response = await fetch(`${target.url}/v1/batches`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ items }),
    });
    if (response.status !== 200) throw new Error(`raw batch: HTTP ${response.status}`);
    const body = (await response.json()) as { summary: { created: number } };
    created += body.summary.created;
  }
  return created;
}

const started = performance.now();
const { pupils, schools, skipped } = generatePupils(rows);
console.log(
  `${pupils.length.toLocaleString('en')} generated pupils in ${schools.length} schools ` +
    `(${skipped} left out: a personal ID drawn twice; generated in ${Math.round(performance.now() - started)} ms)`,
);
const server = startSandboxProcess();

/** How busy the server process was during each candidate's last run (CPU ms, wall ms). */
const busy = new Map<string, { cpu: number; wall: number }>();

/** A candidate on a fresh sandbox, checking every pupil was created; its first run is a small warm-up. */
function candidate(
  name: string,
  push: (target: Target, pupils: readonly HocSinh[]) => Promise<number>,
): AsyncCandidate<HocSinh> {
  let warmedUp = false;
  return {
    name,
    async run(input) {
      const list = warmedUp ? input : input.slice(0, warmupRows);
      warmedUp = true;
      const target = await server.reset(schools);
      const cpu = await server.cpuMs();
      const start = performance.now();
      const created = await push(target, list);
      busy.set(name, { cpu: (await server.cpuMs()) - cpu, wall: performance.now() - start });
      if (created !== list.length) throw new Error(`${name}: ${created} of ${list.length} created`);
      return created;
    },
  };
}

try {
  await server.reset(schools); // loads the server's modules
  const resetStart = performance.now();
  await server.reset(schools);
  console.log(`A fresh sandbox (reset) takes ${Math.round(performance.now() - resetStart)} ms.`);

  const overhead = await compareAsync(
    'B. The client vs raw fetch: the same batches of 500, one in flight, over HTTP',
    pupils,
    [
      candidate('raw fetch (body + headers by hand)', rawBatches),
      candidate('client.batch', (t, p) => clientBatch(t, p, 1)),
    ],
    { unit: 'pupils', rounds },
  );
  const batching = await compareAsync(
    'A. Batched vs one request per record, over HTTP',
    pupils,
    [
      candidate(`client.batch (${BATCH}/request, 1 in flight)`, (t, p) => clientBatch(t, p, 1)),
      candidate('client.upsert, 1 in flight', (t, p) => clientUpserts(t, p, 1)),
      candidate(`client.upsert, ${inFlight} in flight`, (t, p) => clientUpserts(t, p, inFlight)),
    ],
    { unit: 'pupils', rounds: singleRounds },
  );

  const [raw = Number.NaN, viaClient = Number.NaN] = [...overhead.values()];
  const [batched = Number.NaN, one = Number.NaN, many = Number.NaN] = [...batching.values()];
  const ratio = viaClient / raw;
  console.log(
    `\nBatched vs one request per record: ${(one / batched).toFixed(1)}× the pupils/s of 1 in flight, ` +
      `${(many / batched).toFixed(1)}× of ${inFlight} in flight (goal ≥ ${BATCHING_GOAL}×: ` +
      `${many / batched >= BATCHING_GOAL ? 'met' : 'missed'}).`,
  );
  console.log(
    `The client over raw fetch: ${ratio.toFixed(3)}× the time (goal ≤ ${OVERHEAD_GOAL}×: ` +
      `${ratio <= OVERHEAD_GOAL ? 'met' : 'missed'}).`,
  );
  console.log('\nThe server process busy (its CPU time over the wall time, last run of each):');
  for (const [name, b] of busy)
    console.log(`  ${name.padEnd(42)}${Math.round((b.cpu / b.wall) * 100)}%`);
  console.log(`RSS at the end: ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
} finally {
  await server.stop();
}
