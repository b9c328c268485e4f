/**
 * A worker process for the multi-process tests, run from source:
 * `node --conditions=@eduvn/source --import tsx src/store/worker.test-helper.ts`.
 *
 * Environment: `EDUVN_STORE` (`sqlite` or `postgres`), `EDUVN_TARGET` (the SQLite file, or the
 * connection string), `EDUVN_SCHEMA` (PostgreSQL), `EDUVN_SERVER` (SQLite: the file of the fake
 * server's log), `EDUVN_WORKER` (its id), `EDUVN_LEASE_MS`, `EDUVN_MODE`:
 *
 * - `work`: prints `{"ready": true}`, waits for a line on stdin (so that workers start
 *   together), then claims with the real clock, "delivers" each change by appending it to the
 *   fake server's log (what an idempotent server would record) after `EDUVN_DELIVERY_MS`,
 *   completes it, and exits once nothing is left undelivered — waiting for the leases of dead
 *   workers to expire;
 * - `hang`: claims once (printing `{"held": [...]}`) and then hangs, holding the leases, until
 *   it is killed;
 * - `write`: enqueues batches of 20 changes forever, claiming and completing some, printing
 *   `{"committed": n}` after each commit, until it is killed.
 *
 * It prints one JSON object per line.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresStore } from '../postgres.ts';
import { createSqliteStore } from '../sqlite.ts';
import type { OutboxStore } from './types.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const kind = env('EDUVN_STORE');
const worker = env('EDUVN_WORKER');
const mode = env('EDUVN_MODE');
const leaseMs = Number(process.env['EDUVN_LEASE_MS'] ?? '1000');
const deliveryMs = Number(process.env['EDUVN_DELIVERY_MS'] ?? '0');
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fake server: an append-only log of deliveries. */
interface Server {
  record(id: string, recordKey: string): Promise<void>;
  close(): Promise<void>;
}

let store: OutboxStore;
let server: Server;
if (kind === 'sqlite') {
  store = createSqliteStore({ path: env('EDUVN_TARGET') });
  const db = new Database(env('EDUVN_SERVER'));
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS log (n INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT, record_key TEXT, worker TEXT)',
  );
  const insert = db.prepare('INSERT INTO log (id, record_key, worker) VALUES (?, ?, ?)');
  server = {
    record: async (id, recordKey) => {
      insert.run(id, recordKey, worker);
    },
    close: async () => {
      db.close();
    },
  };
} else {
  const schema = env('EDUVN_SCHEMA');
  const pool = new pg.Pool({ connectionString: env('EDUVN_TARGET'), max: 2 });
  store = createPostgresStore({ pool, schema });
  server = {
    record: async (id, recordKey) => {
      await pool.query(
        `INSERT INTO "${schema}".server_log (id, record_key, worker) VALUES ($1, $2, $3)`,
        [id, recordKey, worker],
      );
    },
    close: async () => pool.end(),
  };
}

if (mode === 'hang') {
  for (;;) {
    const held = await store.claim({ worker, limit: 5, leaseMs, now: new Date() });
    if (held.length > 0) {
      say({ held: held.map((c) => c.id) });
      break;
    }
    await sleep(20);
  }
  setInterval(() => {}, 60_000); // holds its leases until killed
} else if (mode === 'write') {
  for (let batch = 0; ; batch++) {
    const now = new Date();
    await store.enqueue(
      Array.from({ length: 20 }, (_, i) => ({
        id: `${worker}-${batch}-${i}`,
        truongId: '79000701',
        entity: 'HocSinh',
        recordKey: `R${i % 7}`,
        kind: 'upsert' as const,
        record: { hocSinhId: `HS-${i}`, batch },
        occurredAt: now.toISOString(),
      })),
      now,
    );
    say({ committed: batch });
    const claimed = await store.claim({ worker, limit: 3, leaseMs: 60_000, now });
    await store.complete(
      worker,
      claimed.map((c) => ({ id: c.id, outcome: 'delivered' as const, at: now })),
    );
  }
} else {
  say({ ready: true });
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  process.stdin.pause();
  let delivered = 0;
  let refused = 0;
  for (;;) {
    const claimed = await store.claim({ worker, limit: 5, leaseMs, now: new Date() });
    if (claimed.length === 0) {
      const { counts } = await store.summary(1);
      if (counts.pending + counts['in-flight'] === 0) break;
      await sleep(25);
      continue;
    }
    for (const c of claimed) {
      if (deliveryMs > 0) await sleep(deliveryMs);
      await server.record(c.id, c.recordKey);
    }
    const applied = await store.complete(
      worker,
      claimed.map((c) => ({ id: c.id, outcome: 'delivered' as const, at: new Date() })),
    );
    delivered += applied;
    refused += claimed.length - applied;
  }
  say({ done: true, delivered, refused });
  await store.close();
  await server.close();
}
