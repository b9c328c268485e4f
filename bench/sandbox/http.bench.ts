/**
 * The sandbox as a server: the same generated pupils pushed into a fresh file database, side by
 * side —
 *
 * 1. over real HTTP on 127.0.0.1 (Node's global `fetch`, keep-alive), one pupil per
 *    `PUT /v1/truong/{truongId}/hoc-sinh/{hocSinhId}` with 8 requests in flight (the baseline:
 *    its pupils/s is requests/s);
 * 2. over HTTP, `POST /v1/batches` of 500 pupils, one batch at a time;
 * 3. and 4. the same two through `sandbox.fetch` in-process (no sockets, no HTTP parsing): the
 *    reference for what the network layer costs.
 *
 * Every run starts a new sandbox on a new SQLite file in a temporary directory (rate limiting
 * off; the clock on 2 March 2026, in the fixtures' school year 2025-2026) with a Sở account that
 * reaches every school, and checks that every pupil was created; that setup (a few tens of ms)
 * is inside the timed run. The pupils are @eduvn/fixtures schools of about 1,000 pupils each,
 * encoded once beforehand with `encodeWire`. Interleaved rounds, medians; figures compare within
 * one run, not across machines.
 *
 * Run: `pnpm --filter @eduvn/bench bench:sandbox` (or `pnpm bench`). Sizes: BENCH_ROWS pupils
 * (default 20000), BENCH_ROUNDS (default 3), BENCH_IN_FLIGHT (default 8).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSchool, recordsOf } from '@eduvn/fixtures';
import { personalIdOf } from '@eduvn/rules';
import { createSandbox, type Sandbox } from '@eduvn/sandbox';
import { type EntitySchema, encodeWire, entityByName } from '@eduvn/standard';
import { type AsyncCandidate, compareAsync } from '../harness.ts';

const rows = Number(process.env['BENCH_ROWS'] ?? 20_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const inFlight = Number(process.env['BENCH_IN_FLIGHT'] ?? 8);
const BATCH = 500;
const NOW = Date.parse('2026-03-02T09:00:00+07:00');
const SO = '79';

/** A pupil ready to push: its school, its identifier and its wire object. */
interface Pupil {
  readonly truongId: string;
  readonly hocSinhId: string;
  readonly wire: Record<string, unknown>;
}

/**
 * Generated schools of about 1,000 pupils until `count` pupils (the last school is cut). Schools
 * generated one by one do not share their personal IDs' space, so a few pupils of different
 * schools can draw the same one (about 10 in 20,000); the sandbox rightly refuses the second
 * (409, CHANGE.ID.001), so such a pupil is left out.
 */
function generatePupils(count: number): { pupils: Pupil[]; schools: string[]; skipped: number } {
  const pupils: Pupil[] = [];
  const schools: string[] = [];
  const personalIds = new Set<string>();
  let skipped = 0;
  const HocSinh = entityByName('HocSinh') as EntitySchema;
  for (let i = 1; pupils.length < count; i++) {
    const truongId = `7980${String(i).padStart(4, '0')}`;
    schools.push(truongId);
    const school = generateSchool({
      seed: `bench-${i}`,
      province: '79',
      truongId,
      pupils: Math.min(1000, count - pupils.length + 10),
      assessments: false,
    });
    for (const r of recordsOf(school)) {
      if (r.entity !== 'HocSinh' || pupils.length >= count) continue;
      const personalId = personalIdOf(r) ?? '';
      if (personalIds.has(personalId)) {
        skipped++;
        continue;
      }
      personalIds.add(personalId);
      const record = r.record as { hocSinhId: string };
      pupils.push({
        truongId,
        hocSinhId: record.hocSinhId,
        wire: encodeWire(HocSinh, r.record as never) as Record<string, unknown>,
      });
    }
  }
  return { pupils, schools, skipped };
}

/** One fresh sandbox: a new file database, the Sở and the schools, a token. */
interface Target {
  readonly fetch: (path: string, init: RequestInit) => Promise<Response>;
  readonly token: string;
  close(): Promise<void>;
}

async function freshTarget(schools: readonly string[], http: boolean): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'eduvn-bench-sandbox-'));
  const sandbox: Sandbox = createSandbox({
    db: join(dir, 'sandbox.db'),
    rateLimit: false,
    now: () => NOW,
  });
  sandbox.addUnit({ id: SO, kind: 'so', name: 'Sở GD&ĐT (bench)' });
  for (const id of schools)
    sandbox.addUnit({ id, kind: 'truong', name: `Trường ${id}`, parentId: SO });
  const credentials = sandbox.addAccount({ kind: 'quan-tri', unitId: SO });
  const server = http ? await sandbox.listen({ port: 0 }) : undefined;
  const fetchFn = server
    ? (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init)
    : (path: string, init: RequestInit) => sandbox.fetch(path, init);
  const answer = await fetchFn('/v1/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    }),
  });
  const { access_token: token } = (await answer.json()) as { access_token: string };
  return {
    fetch: fetchFn,
    token,
    async close() {
      await server?.close();
      sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** PUTs every pupil, `inFlight` requests at a time; returns how many were created. */
async function putEach(target: Target, pupils: readonly Pupil[]): Promise<number> {
  let next = 0;
  let created = 0;
  const worker = async () => {
    while (next < pupils.length) {
      const pupil = pupils[next++] as Pupil;
      const response = await target.fetch(
        `/v1/truong/${pupil.truongId}/hoc-sinh/${encodeURIComponent(pupil.hocSinhId)}`,
        {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${target.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(pupil.wire),
        },
      );
      await response.arrayBuffer();
      if (response.status === 201) created++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return created;
}

/** POSTs the pupils in batches of 500, one after the other; returns how many were created. */
async function postBatches(target: Target, pupils: readonly Pupil[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < pupils.length; i += BATCH) {
    const items = pupils.slice(i, i + BATCH).map((p) => ({ entity: 'HocSinh', data: p.wire }));
    const response = await target.fetch('/v1/batches', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({ items }),
    });
    const body = (await response.json()) as { summary?: { created: number } };
    created += body.summary?.created ?? 0;
  }
  return created;
}

/** A candidate: a fresh target, the pushing, a check that every pupil was created. */
function candidate(
  name: string,
  http: boolean,
  push: (target: Target, pupils: readonly Pupil[]) => Promise<number>,
  schools: readonly string[],
): AsyncCandidate<Pupil> {
  return {
    name,
    async run(pupils) {
      const target = await freshTarget(schools, http);
      try {
        const created = await push(target, pupils);
        if (created !== pupils.length)
          throw new Error(`${name}: ${created} of ${pupils.length} pupils created`);
        return created;
      } finally {
        await target.close();
      }
    },
  };
}

const started = performance.now();
const { pupils, schools, skipped } = generatePupils(rows);
console.log(
  `${pupils.length.toLocaleString('en')} generated pupils in ${schools.length} schools ` +
    `(${skipped} left out: a personal ID drawn twice), ` +
    `${(JSON.stringify(pupils.map((p) => p.wire)).length / 1e6).toFixed(1)} MB of JSON ` +
    `(generated in ${Math.round(performance.now() - started)} ms)`,
);

const medians = await compareAsync(
  'The sandbox: pushing pupils into a fresh file database',
  pupils,
  [
    candidate(`HTTP: PUT 1 per request, ${inFlight} in flight`, true, putEach, schools),
    candidate(`HTTP: POST batches of ${BATCH}`, true, postBatches, schools),
    candidate(`in-process: PUT, ${inFlight} in flight`, false, putEach, schools),
    candidate(`in-process: batches of ${BATCH}`, false, postBatches, schools),
  ],
  { unit: 'pupils', rounds },
);
const ms = [...medians.values()];
const [httpPut = Number.NaN, httpBatch = Number.NaN, inPut = Number.NaN, inBatch = Number.NaN] = ms;
console.log(
  `\nBatches vs single PUTs: ${(httpPut / httpBatch).toFixed(1)}× the pupils/s over HTTP, ` +
    `${(inPut / inBatch).toFixed(1)}× in-process. HTTP vs in-process: PUTs at ` +
    `${(inPut / httpPut).toFixed(2)}× the in-process rate, batches at ${(inBatch / httpBatch).toFixed(2)}×.`,
);
console.log(`RSS at the end: ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
