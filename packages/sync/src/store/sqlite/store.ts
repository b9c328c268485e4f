import Database from 'better-sqlite3';
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
import { type Durability, openOutboxDatabase, type SqliteDatabase } from './open.ts';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** The outbox file (created when absent), or `':memory:'` for a throwaway one. */
  readonly path: string;
  /**
   * `'process'` (the default: WAL, `synchronous = NORMAL`) survives a killed process;
   * `'power'` (`synchronous = FULL`) survives a power cut too, at a cost on every commit.
   */
  readonly durability?: Durability;
  /**
   * How long a statement waits for another process's write lock on the file before it fails, in
   * milliseconds (default 5,000). While it waits, this process's event loop waits too
   * (better-sqlite3 is synchronous), so keep other processes' transactions short — ours are.
   */
  readonly busyTimeoutMs?: number;
  /**
   * The largest record (and rejection) accepted, as UTF-8 bytes of JSON (default 1 MiB, at most
   * 64 MiB); a larger one is an `OutboxStoreError` with code `'too-large'`.
   */
  readonly maxRecordBytes?: number;
}

const UNDELIVERED = `state IN ('pending', 'in-flight')`;

const COLUMNS = `seq, id, truong_id AS truongId, entity, record_key AS recordKey, kind, record,
  occurred_at AS occurredAt, state, enqueued_at_ms AS enqueuedAt, attempts,
  next_attempt_at_ms AS nextAttemptAt, lease_owner AS leaseOwner,
  lease_expires_at_ms AS leaseExpiresAt, delivered_at_ms AS deliveredAt, last_error AS lastError,
  rejection, requeued_as AS requeuedAs`;

/** The statements of a store, prepared once. */
function prepare(db: SqliteDatabase) {
  const holds = `id = :id AND state = 'in-flight' AND lease_owner = :worker AND lease_expires_at_ms > :at`;
  return {
    insert: db.prepare(`
      INSERT INTO changes (id, truong_id, entity, record_key, kind, record, occurred_at,
        occurred_at_ms, state, enqueued_at_ms)
      VALUES (:id, :truongId, :entity, :recordKey, :kind, :record, :occurredAt, :occurredAtMs,
        'pending', :now)
      ON CONFLICT (id) DO NOTHING`),
    // The earliest undelivered change of each record, when it is due and no change of that
    // record is in flight under a live lease; in seq order.
    claim: db.prepare(`
      UPDATE changes
      SET state = 'in-flight', lease_owner = :worker, lease_expires_at_ms = :expires,
        attempts = attempts + 1
      WHERE seq IN (
        SELECT c.seq FROM changes AS c INDEXED BY changes_undelivered
        WHERE c.${UNDELIVERED}
          AND CASE c.state
            WHEN 'pending' THEN coalesce(c.next_attempt_at_ms, 0) <= :now
            ELSE c.lease_expires_at_ms <= :now END
          AND NOT EXISTS (
            SELECT 1 FROM changes AS e INDEXED BY changes_undelivered_by_record
            WHERE e.record_key = c.record_key AND e.${UNDELIVERED} AND e.seq <> c.seq
              AND (e.seq < c.seq OR (e.state = 'in-flight' AND e.lease_expires_at_ms > :now)))
        ORDER BY c.seq
        LIMIT :limit)
      RETURNING ${COLUMNS}`),
    delivered: db.prepare(`
      UPDATE changes SET state = 'delivered', delivered_at_ms = :at, lease_owner = NULL,
        lease_expires_at_ms = NULL
      WHERE ${holds}`),
    rejected: db.prepare(`
      UPDATE changes SET state = 'rejected', rejection = :rejection, lease_owner = NULL,
        lease_expires_at_ms = NULL
      WHERE ${holds}`),
    retry: db.prepare(`
      UPDATE changes SET state = 'pending', next_attempt_at_ms = :next, last_error = :error,
        lease_owner = NULL, lease_expires_at_ms = NULL
      WHERE ${holds}`),
    renew: db.prepare(`
      UPDATE changes SET lease_expires_at_ms = :expires
      WHERE id = :id AND state = 'in-flight' AND lease_owner = :worker
        AND lease_expires_at_ms > :now`),
    rekeyCandidates: db.prepare(`
      SELECT seq, entity, record FROM changes INDEXED BY changes_undelivered_by_school
      WHERE truong_id = ? AND ${UNDELIVERED} AND instr(record, ?) > 0`),
    rekey: db.prepare('UPDATE changes SET record = ?, record_key = ? WHERE seq = ?'),
    counts: db.prepare('SELECT state, count(*) AS n FROM changes GROUP BY state'),
    oldest: db.prepare(`
      SELECT ${COLUMNS} FROM changes INDEXED BY changes_undelivered_by_age WHERE ${UNDELIVERED}
      ORDER BY occurred_at_ms, seq LIMIT ?`),
    rejectedList: db.prepare(`
      SELECT ${COLUMNS} FROM changes WHERE state = 'rejected' ORDER BY seq LIMIT ?`),
    get: db.prepare(`SELECT ${COLUMNS} FROM changes WHERE id = ?`),
    forRequeue: db.prepare(`
      SELECT truong_id AS truongId, entity, record_key AS recordKey, kind, record,
        occurred_at AS occurredAt, occurred_at_ms AS occurredAtMs, state, requeued_as AS requeuedAs
      FROM changes WHERE id = ?`),
    exists: db.prepare('SELECT 1 FROM changes WHERE id = ?').pluck(),
    population: db
      .prepare(
        `SELECT count(DISTINCT record_key) FROM changes INDEXED BY changes_by_school
         WHERE truong_id = ? AND entity = ?`,
      )
      .pluck(),
    knownKeys: db
      .prepare(
        `SELECT DISTINCT record_key FROM changes INDEXED BY changes_by_record
         WHERE record_key IN (SELECT value FROM json_each(?))`,
      )
      .pluck(),
    deadlineCounts: db.prepare(`
      SELECT
        (SELECT count(*) FROM changes INDEXED BY changes_undelivered_by_age
          WHERE ${UNDELIVERED} AND occurred_at_ms < :overdue) AS overdue,
        (SELECT count(*) FROM changes INDEXED BY changes_undelivered_by_age
          WHERE ${UNDELIVERED} AND occurred_at_ms >= :overdue AND occurred_at_ms < :risk) AS atRisk`),
    markRequeued: db.prepare('UPDATE changes SET requeued_as = ? WHERE id = ?'),
  };
}

/**
 * The embedded outbox store: one SQLite file (through better-sqlite3) in WAL mode, its schema
 * migrated by `PRAGMA user_version`. Every write is one `BEGIN IMMEDIATE` transaction, so several
 * processes may share the file (each claim takes the write lock, so claims are disjoint), and a
 * process killed at any point leaves every committed change in the file and the file usable.
 *
 * Throws an `OutboxStoreError` at once when the file cannot be opened (`'database'`), is not an
 * outbox (`'not-an-outbox'`) or was made by a newer version (`'newer-schema'`).
 *
 * A completion is applied only while its worker still holds the lease: at its `at`, the lease
 * has not expired and nobody else claimed the change. A completion that comes after the lease
 * expired is refused (not counted) even if nobody claimed the change since: the change is simply
 * delivered again, which the idempotency key makes harmless. The store also answers the outbox's
 * questions (`population`, `knownKeys`, `deadlineCounts`).
 */
export function createSqliteStore(options: SqliteStoreOptions): OutboxStore {
  if (typeof options?.path !== 'string') {
    throw new OutboxStoreError('invalid-input', 'createSqliteStore: path must be a string');
  }
  const busy = options.busyTimeoutMs ?? 5_000;
  if (!Number.isInteger(busy) || busy < 0 || busy > 600_000) {
    throw new RangeError(`busyTimeoutMs must be an integer from 0 to 600000, not ${String(busy)}`);
  }
  const durability = options.durability ?? 'process';
  if (durability !== 'process' && durability !== 'power') {
    throw new OutboxStoreError(
      'invalid-input',
      `createSqliteStore: durability must be 'process' or 'power'`,
    );
  }
  const maxRecordBytes = checkMaxRecordBytes(options.maxRecordBytes);
  return new SqliteOutboxStore(openOutboxDatabase(options.path, durability, busy), maxRecordBytes);
}

class SqliteOutboxStore implements OutboxStore {
  readonly #db: SqliteDatabase;
  readonly #s: ReturnType<typeof prepare>;
  readonly #maxRecordBytes: number;

  constructor(db: SqliteDatabase, maxRecordBytes: number) {
    this.#db = db;
    this.#s = prepare(db);
    this.#maxRecordBytes = maxRecordBytes;
  }

  /** Runs `fn` in a `BEGIN IMMEDIATE` transaction; SQLite's own errors become `OutboxStoreError`s. */
  #write<T>(fn: () => T): T {
    if (!this.#db.open) throw closedError('SQLite');
    try {
      return this.#db.transaction(fn).immediate();
    } catch (error) {
      throw wrap(error);
    }
  }

  /** Runs `fn` in a read transaction (one snapshot). */
  #read<T>(fn: () => T): T {
    if (!this.#db.open) throw closedError('SQLite');
    try {
      return this.#db.transaction(fn).deferred();
    } catch (error) {
      throw wrap(error);
    }
  }

  async enqueue(changes: readonly OutboxChange[], now: Date): Promise<void> {
    if (!this.#db.open) throw closedError('SQLite');
    const nowMs = timeOf('now', now);
    const checked = checkChanges(changes, this.#maxRecordBytes);
    this.#write(() => {
      for (const c of checked) this.#s.insert.run({ ...c, now: nowMs });
    });
  }

  async claim(request: ClaimRequest): Promise<StoredChange[]> {
    if (!this.#db.open) throw closedError('SQLite');
    const worker = checkIdentifier('worker', request.worker);
    checkLimit('limit', request.limit);
    checkLeaseMs(request.leaseMs);
    const now = timeOf('now', request.now);
    const rows = this.#write(
      () =>
        this.#s.claim.all({
          worker,
          now,
          expires: now + request.leaseMs,
          limit: request.limit,
        }) as ChangeRow[],
    );
    return rows.map(toStoredChange).sort((a, b) => a.seq - b.seq);
  }

  async complete(worker: string, completions: readonly Completion[]): Promise<number> {
    if (!this.#db.open) throw closedError('SQLite');
    checkIdentifier('worker', worker);
    const checked = checkCompletions(completions, this.#maxRecordBytes);
    return this.#write(() => {
      let applied = 0;
      for (const c of checked) {
        const holds = { id: c.id, worker, at: c.atMs };
        const info =
          c.outcome === 'delivered'
            ? this.#s.delivered.run(holds)
            : c.outcome === 'rejected'
              ? this.#s.rejected.run({ ...holds, rejection: c.rejection })
              : this.#s.retry.run({
                  ...holds,
                  next: c.nextAttemptAtMs,
                  error: JSON.stringify(c.error ?? ''),
                });
        applied += info.changes;
      }
      return applied;
    });
  }

  async renew(worker: string, ids: readonly string[], leaseMs: number, now: Date): Promise<void> {
    if (!this.#db.open) throw closedError('SQLite');
    checkIdentifier('worker', worker);
    checkLeaseMs(leaseMs);
    const nowMs = timeOf('now', now);
    const checked = checkIds(ids);
    this.#write(() => {
      for (const id of checked) {
        this.#s.renew.run({ id, worker, now: nowMs, expires: nowMs + leaseMs });
      }
    });
  }

  async rekey(request: RekeyRequest): Promise<number> {
    if (!this.#db.open) throw closedError('SQLite');
    const plan = planRekey(request, this.#maxRecordBytes);
    return this.#write(() => {
      const candidates = this.#s.rekeyCandidates.all(plan.truongId, plan.needle) as {
        seq: number;
        entity: string;
        record: string;
      }[];
      let count = 0;
      for (const c of candidates) {
        const next = rekeyRecord(plan, c.entity, c.record);
        if (!next) continue;
        this.#s.rekey.run(next.record, next.recordKey, c.seq);
        count++;
      }
      return count;
    });
  }

  async summary(limit: number): Promise<StoreSummary> {
    if (!this.#db.open) throw closedError('SQLite');
    checkLimit('limit', limit);
    return this.#read(() => {
      const counts: Record<ChangeState, number> = {
        pending: 0,
        'in-flight': 0,
        delivered: 0,
        rejected: 0,
      };
      for (const { state, n } of this.#s.counts.all() as { state: ChangeState; n: number }[]) {
        counts[state] = n;
      }
      const oldest = (this.#s.oldest.all(limit) as ChangeRow[]).map(toStoredChange);
      return { counts, oldest };
    });
  }

  async rejected(limit: number): Promise<StoredChange[]> {
    if (!this.#db.open) throw closedError('SQLite');
    checkLimit('limit', limit);
    return this.#read(() => (this.#s.rejectedList.all(limit) as ChangeRow[]).map(toStoredChange));
  }

  async requeue(requests: readonly RequeueRequest[], now: Date): Promise<void> {
    if (!this.#db.open) throw closedError('SQLite');
    const nowMs = timeOf('now', now);
    checkList('requests', requests);
    const checked = requests.map((q) => checkRequeueRequest(q, this.#maxRecordBytes));
    this.#write(() => {
      for (const { id, newId, record } of checked) {
        const original = this.#s.forRequeue.get(id) as
          | {
              truongId: string;
              entity: string;
              recordKey: string;
              kind: string;
              record: string;
              occurredAt: string;
              occurredAtMs: number;
              state: string;
              requeuedAs: string | null;
            }
          | undefined;
        if (!original) {
          throw new OutboxStoreError('not-found', `requeue: no change ${JSON.stringify(id)}`);
        }
        if (original.state !== 'rejected') throw notRejected(id);
        if (original.requeuedAs !== null) {
          if (original.requeuedAs === newId) continue;
          throw alreadyRequeued(id, original.requeuedAs);
        }
        if (this.#s.exists.get(newId) !== undefined) throw idConflict(newId);
        this.#s.insert.run({
          id: newId,
          truongId: original.truongId,
          entity: original.entity,
          recordKey: original.recordKey,
          kind: original.kind,
          record: record ?? original.record,
          occurredAt: original.occurredAt,
          occurredAtMs: original.occurredAtMs,
          now: nowMs,
        });
        this.#s.markRequeued.run(newId, id);
      }
    });
  }

  async population(truongId: string, entity: string): Promise<number> {
    if (!this.#db.open) throw closedError('SQLite');
    checkIdentifier('truongId', truongId);
    checkIdentifier('entity', entity);
    return this.#read(() => this.#s.population.get(truongId, entity) as number);
  }

  async knownKeys(recordKeys: readonly string[]): Promise<ReadonlySet<string>> {
    if (!this.#db.open) throw closedError('SQLite');
    const keys = JSON.stringify(checkRecordKeys(recordKeys));
    return new Set(this.#read(() => this.#s.knownKeys.all(keys) as string[]));
  }

  async deadlineCounts(overdueBefore: Date, atRiskBefore: Date): Promise<DeadlineCounts> {
    if (!this.#db.open) throw closedError('SQLite');
    const overdue = timeOf('overdueBefore', overdueBefore);
    const risk = timeOf('atRiskBefore', atRiskBefore);
    return this.#read(() => this.#s.deadlineCounts.get({ overdue, risk }) as DeadlineCounts);
  }

  async get(id: string): Promise<StoredChange | undefined> {
    if (!this.#db.open) throw closedError('SQLite');
    checkIdentifier('id', id);
    const row = this.#read(() => this.#s.get.get(id) as ChangeRow | undefined);
    return row ? toStoredChange(row) : undefined;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** SQLite's errors as `OutboxStoreError`s; ours, range errors and the caller's own pass through. */
function wrap(error: unknown): unknown {
  if (error instanceof Database.SqliteError) {
    return new OutboxStoreError(
      'database',
      `The outbox database failed (${error.code}): ${error.message}`,
      { cause: error },
    );
  }
  return error;
}
