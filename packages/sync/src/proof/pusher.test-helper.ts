/**
 * A school's software in a child process, for the crash tests, run from source:
 * `node --conditions=@eduvn/source --import tsx src/proof/pusher.test-helper.ts`.
 *
 * It owns an outbox on a SQLite file or a PostgreSQL schema, enqueues the changes of a JSON file
 * (if given; their ids are stable, so enqueuing them again after a crash stores nothing twice) and
 * drains them to the sandbox over HTTP, one round at a time, until nothing is pending — then
 * exits. Environment:
 *
 * - `EDUVN_PROOF_STORE` (`sqlite` or `postgres`), `EDUVN_PROOF_TARGET` (the file, or the
 *   connection string), `EDUVN_PROOF_SCHEMA` (PostgreSQL);
 * - `EDUVN_PROOF_URL` (the sandbox), `EDUVN_PROOF_CREDENTIALS` (JSON `{ clientId, clientSecret }`);
 * - `EDUVN_PROOF_CHANGES` (a JSON file of changes to enqueue first), `EDUVN_PROOF_WORKER`,
 *   `EDUVN_PROOF_LEASE_MS`, `EDUVN_PROOF_BATCH`;
 * - `EDUVN_PROOF_FAULT`: an `X-Eduvn-Fault` sent with every batch once `EDUVN_PROOF_FAULT_AFTER`
 *   rounds (default 0) are done;
 * - `EDUVN_PROOF_WAIT=1`: prints `{"ready": true}` and waits for a line on stdin before draining
 *   (so that workers start together).
 *
 * It prints one JSON object per line: `{"enqueued": n}`, `{"claimed": [ids]}` for each claim,
 * `{"sending": n}` as each batch request goes out, `{"round": n, "delivered": …}` after each round, `{"done": true, …}` at the end.
 */
import { readFileSync } from 'node:fs';
import { createClient } from '@eduvn/client';
import type { ChangeInput } from '../outbox/outbox.ts';
import { createOutbox } from '../outbox/outbox.ts';
import { createPostgresStore } from '../postgres.ts';
import { createSqliteStore } from '../sqlite.ts';
import type { OutboxStore } from '../store/types.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const opened: OutboxStore =
  env('EDUVN_PROOF_STORE') === 'sqlite'
    ? createSqliteStore({ path: env('EDUVN_PROOF_TARGET') })
    : createPostgresStore({
        connectionString: env('EDUVN_PROOF_TARGET'),
        schema: env('EDUVN_PROOF_SCHEMA'),
        poolSize: 2,
      });
/** The store, telling which changes each claim took. */
const store: OutboxStore = new Proxy(opened, {
  get(target, name) {
    if (name === 'claim')
      return async (request: Parameters<OutboxStore['claim']>[0]) => {
        const claimed = await target.claim(request);
        if (claimed.length > 0) say({ claimed: claimed.map((c) => c.id) });
        return claimed;
      };
    const value = Reflect.get(target, name);
    return typeof value === 'function' ? value.bind(target) : value;
  },
});
const fault = process.env['EDUVN_PROOF_FAULT'];
const faultAfter = Number(process.env['EDUVN_PROOF_FAULT_AFTER'] ?? '0');
let rounds = 0;
let sending = 0;

const client = createClient({
  baseUrl: env('EDUVN_PROOF_URL'),
  credentials: JSON.parse(env('EDUVN_PROOF_CREDENTIALS')) as {
    clientId: string;
    clientSecret: string;
  },
  fetch: (input, init) => {
    const request = new Request(input, init);
    if (fault && rounds >= faultAfter && new URL(request.url).pathname === '/v1/batches')
      request.headers.set('x-eduvn-fault', fault);
    return globalThis.fetch(request);
  },
  timeout: 10_000,
  retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  hooks: {
    onRequest: (info) => {
      if (info.operation === 'batch') say({ sending: ++sending });
    },
  },
});
const outbox = createOutbox({
  store,
  client,
  worker: env('EDUVN_PROOF_WORKER'),
  leaseMs: Number(process.env['EDUVN_PROOF_LEASE_MS'] ?? '1000'),
  batchSize: Number(process.env['EDUVN_PROOF_BATCH'] ?? '10'),
  backoff: { baseMs: 20, maxMs: 100 },
  massChange: false,
});

const changesFile = process.env['EDUVN_PROOF_CHANGES'];
if (changesFile) {
  const changes = JSON.parse(readFileSync(changesFile, 'utf8')) as ChangeInput[];
  await outbox.enqueue(changes);
  say({ enqueued: changes.length });
}
if (process.env['EDUVN_PROOF_WAIT'] === '1') {
  say({ ready: true });
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
}
const total = { delivered: 0, rejected: 0, retried: 0 };
for (;;) {
  const report = await outbox.drain({ maxRounds: 1 });
  if (report.rounds > 0) {
    rounds++;
    total.delivered += report.delivered;
    total.rejected += report.rejected;
    total.retried += report.retried;
    say({ round: rounds, delivered: report.delivered, retried: report.retried });
    continue;
  }
  if ((await outbox.status()).pending === 0) break;
  await sleep(20);
}
say({ done: true, rounds, ...total });
await store.close();
