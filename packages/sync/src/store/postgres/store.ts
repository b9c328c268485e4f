import type { CustomTypesConfig, Pool, PoolClient } from 'pg';
import pg from 'pg';
import { closedError, OutboxStoreError } from '../errors.ts';
import { checkLeaseMs, checkLimit, checkList, checkMaxRecordBytes, timeOf } from '../limits.ts';
import { planRekey, rekeyRecord } from '../rekey.ts';
import { alreadyRequeued, checkRequeueRequest, idConflict, notRejected } from '../requeue.ts';
import { type ChangeRow, toStoredChange } from '../row.ts';
import type {
  ChangeState,
  ClaimRequest,
  Completion,
  DeadlineCounts,
  OutboxChange,
  OutboxStore,
  RekeyRequest,
  RequeueRequest,
  StoredChange,
  StoreSummary,
} from '../types.ts';
import {
  checkChanges,
  checkCompletions,
  checkIdentifier,
  checkIds,
  checkRecordKeys,
} from '../validate.ts';
import { pgMigrations } from './migrations.ts';
import { type PgNames, pgNames } from './names.ts';
import { pgStatements } from './sql.ts';

/** Options of {@link createPostgresStore}: a `pool` or a `connectionString`, not both. */
export interface PostgresStoreOptions {
  /** A `pg` pool the caller owns: the store uses it and leaves it open on `close()`. */
  readonly pool?: Pool;
  /** A connection string: the store makes its own pool and ends it on `close()`. */
  readonly connectionString?: string;
  /** The size of the store's own pool (with `connectionString`; default 10). */
  readonly poolSize?: number;
  /**
   * The schema holding the outbox (default `'eduvn_sync'`; created when absent): letters, digits
   * and underscores, not starting with a digit.
   */
  readonly schema?: string;
  /** The outbox table (default `'outbox'`; at most 40 characters, same alphabet). */
  readonly table?: string;
  /**
   * The largest record (and rejection) accepted, as UTF-8 bytes of JSON (default 1 MiB, at most
   * 64 MiB); a larger one is an `OutboxStoreError` with code `'too-large'`.
   */
  readonly maxRecordBytes?: number;
}

/** Every value comes back as PostgreSQL's text, whatever type parsers the caller's pool has. */
const RAW: CustomTypesConfig = {
  getTypeParser: (() => (value: string) => value) as unknown as CustomTypesConfig['getTypeParser'],
};

/** Deadlocks and serialization failures: the transaction is run again (at most 3 times). */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

type Row = Record<string, string | null>;
type Queryable = Pool | PoolClient;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The outbox store for vendors who outgrow one machine: PostgreSQL through `pg`. Many worker
 * processes on many machines claim from one outbox at once: a claim locks the rows it takes with
 * `FOR UPDATE SKIP LOCKED`, so concurrent claims get disjoint work without waiting on each other,
 * and marks them in flight under a lease (`lease_owner`, `lease_expires_at`) that expires when a
 * worker dies. Writers that add changes to a record take a transaction-scoped advisory lock on its
 * key, so a record's changes become visible in `seq` order.
 *
 * The table and its indexes are created on first use, in `schema` (default `eduvn_sync`), with
 * versioned migrations kept in `eduvn_sync_migrations` of that schema — under an advisory lock, so
 * processes starting together do not race. A role without the right to create may use an outbox a
 * DBA migrated beforehand. Times are the `now`/`at` the caller passes, never the server's clock.
 *
 * A completion is applied only while its worker still holds the lease: at its `at`, the lease
 * has not expired and nobody else claimed the change. A completion that comes after the lease
 * expired is refused (not counted) even if nobody claimed the change since: the change is simply
 * delivered again, which the idempotency key makes harmless. The store also answers the outbox's
 * questions (`population`, `knownKeys`, `deadlineCounts`).
 *
 * Errors are `OutboxStoreError`s: `'database'` for the server's (its SQLSTATE in the message, the
 * `pg` error as `cause`), `'not-an-outbox'` when the table exists but was not made by this store,
 * `'newer-schema'` when a newer `@eduvn/sync` migrated it.
 */
export function createPostgresStore(options: PostgresStoreOptions): OutboxStore {
  if (typeof options !== 'object' || options === null) {
    throw new OutboxStoreError('invalid-input', 'createPostgresStore: options must be an object');
  }
  const names = pgNames(options.schema, options.table);
  const maxRecordBytes = checkMaxRecordBytes(options.maxRecordBytes);
  if ((options.pool === undefined) === (options.connectionString === undefined)) {
    throw new OutboxStoreError(
      'invalid-input',
      'createPostgresStore: give either pool or connectionString',
    );
  }
  if (options.pool) return new PostgresOutboxStore(options.pool, false, names, maxRecordBytes);
  const size = options.poolSize ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > 1_000) {
    throw new RangeError(`poolSize must be an integer from 1 to 1000, not ${String(size)}`);
  }
  const pool = new pg.Pool({ connectionString: options.connectionString, max: size });
  // An idle connection that breaks is dropped by the pool; the next query opens another.
  pool.on('error', () => {});
  return new PostgresOutboxStore(pool, true, names, maxRecordBytes);
}

/** A `pg` error as an `OutboxStoreError` (ours pass through). */
function dbError(error: unknown): unknown {
  if (error instanceof OutboxStoreError) return error;
  const code = (error as { code?: unknown }).code;
  return new OutboxStoreError(
    'database',
    `The outbox database failed${typeof code === 'string' ? ` (${code})` : ''}: ${(error as Error).message}`,
    { cause: error },
  );
}

const retryable = (error: unknown): boolean =>
  error instanceof OutboxStoreError &&
  RETRYABLE.has(String((error.cause as { code?: unknown } | undefined)?.code));

async function run(db: Queryable, text: string, values: unknown[] = []): Promise<Row[]> {
  try {
    return (await db.query<Row>({ text, values, types: RAW })).rows;
  } catch (error) {
    throw dbError(error);
  }
}

async function count(db: Queryable, text: string, values: unknown[]): Promise<number> {
  try {
    return (await db.query({ text, values, types: RAW })).rowCount ?? 0;
  } catch (error) {
    throw dbError(error);
  }
}

class PostgresOutboxStore implements OutboxStore {
  readonly #pool: Pool;
  readonly #ownsPool: boolean;
  readonly #n: PgNames;
  readonly #sql: ReturnType<typeof pgStatements>;
  readonly #maxRecordBytes: number;
  #ready: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(pool: Pool, ownsPool: boolean, names: PgNames, maxRecordBytes: number) {
    this.#pool = pool;
    this.#ownsPool = ownsPool;
    this.#n = names;
    this.#sql = pgStatements(names);
    this.#maxRecordBytes = maxRecordBytes;
  }

  /** Throws when closed. */
  #assertOpen(): void {
    if (this.#closing) throw closedError('PostgreSQL');
  }

  /** Throws when closed; creates or migrates the table on first use. */
  async #open(): Promise<void> {
    if (this.#closing) throw closedError('PostgreSQL');
    this.#ready ??= this.#migrate().catch((error: unknown) => {
      this.#ready = undefined; // the next call tries again (the server may be back)
      throw error;
    });
    await this.#ready;
    if (this.#closing) throw closedError('PostgreSQL');
  }

  async #version(db: Queryable): Promise<number> {
    const [has] = await run(db, 'SELECT to_regclass($1) IS NOT NULL AS has', [this.#n.qMigrations]);
    if (has?.['has'] !== 't') return 0;
    const [row] = await run(
      db,
      `SELECT version FROM ${this.#n.qMigrations} WHERE table_name = $1`,
      [this.#n.table],
    );
    return row ? Number(row['version']) : 0;
  }

  #newer(version: number, known: number): OutboxStoreError {
    return new OutboxStoreError(
      'newer-schema',
      `The outbox table ${this.#n.qTable} has schema version ${version}, newer than this @eduvn/sync knows (${known}): upgrade @eduvn/sync`,
    );
  }

  async #migrate(): Promise<void> {
    const migrations = pgMigrations(this.#n);
    const current = await this.#version(this.#pool);
    if (current > migrations.length) throw this.#newer(current, migrations.length);
    if (current === migrations.length) return;
    await this.#transaction(async (db) => {
      await run(db, `SELECT pg_advisory_xact_lock(hashtext('eduvn_sync:migrate'), hashtext($1))`, [
        this.#n.schema,
      ]);
      const [schema] = await run(db, 'SELECT 1 AS one FROM pg_namespace WHERE nspname = $1', [
        this.#n.schema,
      ]);
      if (!schema) await run(db, `CREATE SCHEMA ${this.#n.qSchema}`);
      await run(
        db,
        `CREATE TABLE IF NOT EXISTS ${this.#n.qMigrations} (
          table_name text PRIMARY KEY,
          version integer NOT NULL,
          migrated_at timestamptz NOT NULL DEFAULT now())`,
      );
      const version = await this.#version(db);
      if (version > migrations.length) throw this.#newer(version, migrations.length);
      if (version === 0) {
        const [exists] = await run(db, 'SELECT to_regclass($1) IS NOT NULL AS has', [
          this.#n.qTable,
        ]);
        if (exists?.['has'] === 't') {
          throw new OutboxStoreError(
            'not-an-outbox',
            `The table ${this.#n.qTable} exists but was not made by @eduvn/sync (it has no version in ${this.#n.qMigrations}): choose another schema or table`,
          );
        }
      }
      for (let v = version; v < migrations.length; v++) {
        try {
          await db.query(migrations[v] as string);
        } catch (error) {
          throw dbError(error);
        }
      }
      await run(
        db,
        `INSERT INTO ${this.#n.qMigrations} (table_name, version) VALUES ($1, $2)
         ON CONFLICT (table_name) DO UPDATE SET version = excluded.version, migrated_at = now()`,
        [this.#n.table, migrations.length],
      );
    });
  }

  /** Runs `fn` in a transaction on one connection, again after a deadlock (at most 3 times). */
  async #transaction<T>(fn: (db: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let client: PoolClient;
      try {
        client = await this.#pool.connect();
      } catch (error) {
        throw dbError(error);
      }
      let broken: Error | undefined;
      try {
        await run(client, begin);
        const result = await fn(client);
        await run(client, 'COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollback) {
          broken = rollback as Error; // the connection is gone: the pool must not reuse it
        }
        if (attempt < ATTEMPTS && retryable(error)) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  /** Runs one statement, again after a deadlock (at most 3 times). */
  async #retry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt < ATTEMPTS && retryable(error)) continue;
        throw error;
      }
    }
  }

  async enqueue(changes: readonly OutboxChange[], now: Date): Promise<void> {
    this.#assertOpen();
    const nowMs = timeOf('now', now);
    const checked = checkChanges(changes, this.#maxRecordBytes);
    await this.#open();
    if (checked.length === 0) return;
    await this.#transaction(async (db) => {
      await run(db, this.#sql.lockRecords, [this.#n.qTable, checked.map((c) => c.recordKey)]);
      await run(db, this.#sql.insert, [
        checked.map((c) => c.id),
        checked.map((c) => c.truongId),
        checked.map((c) => c.entity),
        checked.map((c) => c.recordKey),
        checked.map((c) => c.kind),
        checked.map((c) => c.record),
        checked.map((c) => c.occurredAt),
        checked.map((c) => iso(c.occurredAtMs)),
        iso(nowMs),
      ]);
    });
  }

  async claim(request: ClaimRequest): Promise<StoredChange[]> {
    this.#assertOpen();
    const worker = checkIdentifier('worker', request.worker);
    checkLimit('limit', request.limit);
    checkLeaseMs(request.leaseMs);
    const now = timeOf('now', request.now);
    await this.#open();
    const rows = await this.#retry(() =>
      run(this.#pool, this.#sql.claim, [
        iso(now),
        request.limit,
        worker,
        iso(now + request.leaseMs),
      ]),
    );
    return rows.map((r) => toStoredChange(r as unknown as ChangeRow)).sort((a, b) => a.seq - b.seq);
  }

  async complete(worker: string, completions: readonly Completion[]): Promise<number> {
    this.#assertOpen();
    checkIdentifier('worker', worker);
    const checked = checkCompletions(completions, this.#maxRecordBytes);
    await this.#open();
    if (checked.length === 0) return 0;
    return this.#retry(() =>
      count(this.#pool, this.#sql.complete, [
        checked.map((c) => c.id),
        checked.map((c) => c.outcome),
        checked.map((c) => iso(c.atMs)),
        checked.map((c) => (c.nextAttemptAtMs === undefined ? null : iso(c.nextAttemptAtMs))),
        checked.map((c) => (c.error === undefined ? null : JSON.stringify(c.error))),
        checked.map((c) => c.rejection ?? null),
        worker,
      ]),
    );
  }

  async renew(worker: string, ids: readonly string[], leaseMs: number, now: Date): Promise<void> {
    this.#assertOpen();
    checkIdentifier('worker', worker);
    checkLeaseMs(leaseMs);
    const nowMs = timeOf('now', now);
    const checked = checkIds(ids);
    await this.#open();
    if (checked.length === 0) return;
    await this.#retry(() =>
      count(this.#pool, this.#sql.renew, [checked, worker, iso(nowMs), iso(nowMs + leaseMs)]),
    );
  }

  async rekey(request: RekeyRequest): Promise<number> {
    this.#assertOpen();
    const plan = planRekey(request, this.#maxRecordBytes);
    await this.#open();
    return this.#transaction(async (db) => {
      const candidates = await run(db, this.#sql.rekeyCandidates, [plan.truongId, plan.needle]);
      const seqs: string[] = [];
      const records: string[] = [];
      const keys: string[] = [];
      for (const c of candidates) {
        const next = rekeyRecord(plan, c['entity'] as string, c['record'] as string);
        if (!next) continue;
        seqs.push(c['seq'] as string);
        records.push(next.record);
        keys.push(next.recordKey);
      }
      if (seqs.length > 0) await run(db, this.#sql.rekey, [seqs, records, keys]);
      return seqs.length;
    });
  }

  async summary(limit: number): Promise<StoreSummary> {
    this.#assertOpen();
    checkLimit('limit', limit);
    await this.#open();
    return this.#transaction(async (db) => {
      const counts: Record<ChangeState, number> = {
        pending: 0,
        'in-flight': 0,
        delivered: 0,
        rejected: 0,
      };
      for (const row of await run(db, this.#sql.counts)) {
        counts[row['state'] as ChangeState] = Number(row['n']);
      }
      const oldest = (await run(db, this.#sql.oldest, [limit])).map((r) =>
        toStoredChange(r as unknown as ChangeRow),
      );
      return { counts, oldest };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async rejected(limit: number): Promise<StoredChange[]> {
    this.#assertOpen();
    checkLimit('limit', limit);
    await this.#open();
    const rows = await run(this.#pool, this.#sql.rejected, [limit]);
    return rows.map((r) => toStoredChange(r as unknown as ChangeRow));
  }

  async requeue(requests: readonly RequeueRequest[], now: Date): Promise<void> {
    this.#assertOpen();
    const nowMs = timeOf('now', now);
    checkList('requests', requests);
    const checked = requests.map((q) => checkRequeueRequest(q, this.#maxRecordBytes));
    await this.#open();
    if (checked.length === 0) return;
    const ids = [...new Set(checked.map((q) => q.id))];
    await this.#transaction(async (db) => {
      // Rejected changes never change key, so the keys read before locking are the keys after.
      const keys = await run(db, this.#sql.recordKeysOf, [ids]);
      await run(db, this.#sql.lockRecords, [this.#n.qTable, keys.map((k) => k['recordKey'])]);
      const originals = new Map(
        (await run(db, this.#sql.forRequeue, [ids])).map((r) => [r['id'] as string, r]),
      );
      const taken = new Set(
        (await run(db, this.#sql.existing, [checked.map((q) => q.newId)])).map(
          (r) => r['id'] as string,
        ),
      );
      const marks = new Map<string, string>();
      const added: (Row & { newId: string; newRecord: string })[] = [];
      for (const { id, newId, record } of checked) {
        const original = originals.get(id);
        if (!original) {
          if (added.some((a) => a.newId === id)) throw notRejected(id);
          throw new OutboxStoreError('not-found', `requeue: no change ${JSON.stringify(id)}`);
        }
        if (original['state'] !== 'rejected') throw notRejected(id);
        const already = marks.get(id) ?? original['requeuedAs'];
        if (already !== null && already !== undefined) {
          if (already === newId) continue;
          throw alreadyRequeued(id, already);
        }
        if (taken.has(newId)) throw idConflict(newId);
        taken.add(newId);
        marks.set(id, newId);
        added.push({ ...original, newId, newRecord: record ?? (original['record'] as string) });
      }
      if (added.length === 0) return;
      await run(db, this.#sql.insert, [
        added.map((a) => a.newId),
        added.map((a) => a['truongId']),
        added.map((a) => a['entity']),
        added.map((a) => a['recordKey']),
        added.map((a) => a['kind']),
        added.map((a) => a.newRecord),
        added.map((a) => a['occurredAt']),
        added.map((a) => iso(Date.parse(a['occurredAt'] as string))),
        iso(nowMs),
      ]);
      await run(db, this.#sql.markRequeued, [[...marks.keys()], [...marks.values()]]);
    });
  }

  async population(truongId: string, entity: string): Promise<number> {
    this.#assertOpen();
    checkIdentifier('truongId', truongId);
    checkIdentifier('entity', entity);
    await this.#open();
    const [row] = await run(this.#pool, this.#sql.population, [truongId, entity]);
    return Number(row?.['n'] ?? 0);
  }

  async knownKeys(recordKeys: readonly string[]): Promise<ReadonlySet<string>> {
    this.#assertOpen();
    const keys = checkRecordKeys(recordKeys);
    await this.#open();
    if (keys.length === 0) return new Set();
    const rows = await run(this.#pool, this.#sql.knownKeys, [keys]);
    return new Set(rows.map((r) => r['recordKey'] as string));
  }

  async deadlineCounts(overdueBefore: Date, atRiskBefore: Date): Promise<DeadlineCounts> {
    this.#assertOpen();
    const overdue = iso(timeOf('overdueBefore', overdueBefore));
    const risk = iso(timeOf('atRiskBefore', atRiskBefore));
    await this.#open();
    const [row] = await run(this.#pool, this.#sql.deadlineCounts, [overdue, risk]);
    return { overdue: Number(row?.['overdue'] ?? 0), atRisk: Number(row?.['atRisk'] ?? 0) };
  }

  async get(id: string): Promise<StoredChange | undefined> {
    this.#assertOpen();
    checkIdentifier('id', id);
    await this.#open();
    const [row] = await run(this.#pool, this.#sql.get, [id]);
    return row ? toStoredChange(row as unknown as ChangeRow) : undefined;
  }

  async close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#ready?.catch(() => {});
      if (this.#ownsPool) await this.#pool.end();
    })();
    await this.#closing;
  }
}
