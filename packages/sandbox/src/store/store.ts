import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database.ts';

/** An organisation unit: the Sở, a Phòng, or a school (whose id is its `TRUONG_ID`). */
export interface Unit {
  /** The unit's code; for a school, its TRUONG_ID. */
  readonly id: string;
  /** `'so'` (Sở GD&ĐT), `'phong'` (Phòng GD&ĐT) or `'truong'` (a school). */
  readonly kind: 'so' | 'phong' | 'truong';
  /** Its name. */
  readonly name: string;
  /** The unit above it (a school's Phòng or Sở; a Phòng's Sở). */
  readonly parentId?: string;
}

/** An account as stored (the secret only as its hash). */
export interface StoredAccount {
  readonly clientId: string;
  readonly secretHash: string;
  readonly kind: 'quan-tri' | 'khai-thac';
  readonly unitId: string;
  readonly name: string;
  readonly createdAt: string;
}

/** A stored record: its school, entity, key, wire JSON and version. */
export interface StoredRecord {
  readonly truongId: string;
  readonly entity: string;
  /** The JSON array of its key values after TRUONG_ID. */
  readonly key: string;
  /** The record's wire object, as JSON text. */
  readonly data: string;
  readonly version: number;
  /** Its personal ID, for pupils and staff (to find one person under two identifiers). */
  readonly personId: string | null;
  /** For status events: `HOC_SINH:<id>` or `CAN_BO:<id>`, the person the event is about. */
  readonly subject: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When the information of this version arose (ISO 8601; null for records stored before it was kept). */
  readonly occurredAt: string | null;
}

/** One entry of the delta feed. */
export interface StoredChange {
  readonly seq: number;
  readonly truongId: string;
  readonly type: 'upsert' | 'status-event' | 'identifier-issued';
  readonly entity: string;
  readonly key: string;
  readonly version: number | null;
  readonly data: string | null;
  readonly occurredAt: string;
  readonly receivedAt: string;
  readonly late: boolean;
  readonly delayMs: number;
  readonly accountId: string;
}

/** A stored response of an idempotent request. */
export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: string;
  readonly body: string;
  readonly createdAt: string;
}

/** One audit log entry. */
export interface StoredAudit {
  readonly seq: number;
  readonly at: string;
  readonly accountId: string | null;
  readonly action: string;
  readonly truongId: string | null;
  readonly status: number;
  readonly correlationId: string;
  readonly detail: string;
}

/** Late pushes of one school in a period. */
export interface LateSummary {
  readonly truongId: string;
  readonly changes: number;
  readonly late: number;
  readonly maxDelayMs: number;
  readonly lastLateAt: string | null;
}

/** Which schools a query covers: a list, or every school. */
export type SchoolFilter = readonly string[] | 'all';

const RECORD_COLUMNS = `truong_id AS truongId, entity, key, data, version, person_id AS personId,
  subject, created_at AS createdAt, updated_at AS updatedAt, occurred_at AS occurredAt`;
const CHANGE_COLUMNS = `seq, truong_id AS truongId, type, entity, key, version, data,
  occurred_at AS occurredAt, received_at AS receivedAt, late, delay_ms AS delayMs,
  account_id AS accountId`;

/** Every statement of the store, prepared once. */
function prepare(db: SqliteDatabase) {
  const p = (sql: string): Statement => db.prepare(sql);
  const scoped = (column: string): string =>
    `(@schools IS NULL OR ${column} IN (SELECT value FROM json_each(@schools)))`;
  return {
    meta: p('SELECT value FROM meta WHERE name = ?'),
    setMeta: p(
      'INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ),
    units: p('SELECT id, kind, name, parent_id AS parentId FROM units ORDER BY id'),
    putUnit: p(
      `INSERT INTO units (id, kind, name, parent_id) VALUES (@id, @kind, @name, @parentId)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, parent_id = excluded.parent_id`,
    ),
    account: p(
      `SELECT client_id AS clientId, secret_hash AS secretHash, kind, unit_id AS unitId, name,
        created_at AS createdAt FROM accounts WHERE client_id = ?`,
    ),
    accounts: p(
      `SELECT client_id AS clientId, secret_hash AS secretHash, kind, unit_id AS unitId, name,
        created_at AS createdAt FROM accounts ORDER BY client_id`,
    ),
    putAccount: p(
      `INSERT INTO accounts (client_id, secret_hash, kind, unit_id, name, created_at)
       VALUES (@clientId, @secretHash, @kind, @unitId, @name, @createdAt)
       ON CONFLICT (client_id) DO UPDATE SET secret_hash = excluded.secret_hash,
         kind = excluded.kind, unit_id = excluded.unit_id, name = excluded.name`,
    ),
    record: p(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE truong_id = ? AND entity = ? AND key = ?`,
    ),
    withKey: p(`SELECT ${RECORD_COLUMNS} FROM records WHERE entity = ? AND key = ?`),
    ofPerson: p(`SELECT ${RECORD_COLUMNS} FROM records WHERE entity = ? AND person_id = ?`),
    ofSubject: p(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE truong_id = ? AND subject = ? AND entity = 'SuKienTrangThai'`,
    ),
    list: p(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE truong_id = ? AND entity = ? AND key > ?
       ORDER BY key LIMIT ?`,
    ),
    insert: p(
      `INSERT INTO records (truong_id, entity, key, data, version, person_id, subject, created_at, updated_at, occurred_at)
       VALUES (@truongId, @entity, @key, @data, @version, @personId, @subject, @createdAt, @updatedAt, @occurredAt)`,
    ),
    update: p(
      `UPDATE records SET data = @data, version = @version, person_id = @personId, subject = @subject,
         updated_at = @updatedAt, occurred_at = @occurredAt
       WHERE truong_id = @truongId AND entity = @entity AND key = @key`,
    ),
    count: p('SELECT count(*) AS n FROM records WHERE truong_id = ? AND entity = ?'),
    alias: p('SELECT truong_id AS truongId, key FROM aliases WHERE entity = ? AND alias = ?'),
    putAlias: p(
      'INSERT INTO aliases (entity, alias, truong_id, key, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    counter: p(
      `INSERT INTO counters (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
    ),
    appendChange: p(
      `INSERT INTO changes (truong_id, type, entity, key, version, data, occurred_at, received_at, late, delay_ms, account_id)
       VALUES (@truongId, @type, @entity, @key, @version, @data, @occurredAt, @receivedAt, @late, @delayMs, @accountId)`,
    ),
    changes: p(
      `SELECT ${CHANGE_COLUMNS} FROM changes WHERE seq > @since AND ${scoped('truong_id')}
       ORDER BY seq LIMIT @limit`,
    ),
    lastSeq: p('SELECT coalesce(max(seq), 0) AS seq FROM changes'),
    late: p(
      `SELECT truong_id AS truongId, count(*) AS changes, sum(late) AS late,
         max(CASE WHEN late = 1 THEN delay_ms ELSE 0 END) AS maxDelayMs,
         max(CASE WHEN late = 1 THEN received_at END) AS lastLateAt
       FROM changes WHERE ${scoped('truong_id')} AND received_at >= @from AND received_at < @to
       GROUP BY truong_id HAVING sum(late) > 0 ORDER BY sum(late) DESC, truong_id`,
    ),
    idempotent: p(
      `SELECT fingerprint, status, headers, body, created_at AS createdAt FROM idempotency
       WHERE account_id = ? AND key = ?`,
    ),
    putIdempotent: p(
      `INSERT INTO idempotency (account_id, key, fingerprint, status, headers, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    purgeIdempotent: p('DELETE FROM idempotency WHERE created_at < ?'),
    appendAudit: p(
      `INSERT INTO audit (at, account_id, action, truong_id, status, correlation_id, detail)
       VALUES (@at, @accountId, @action, @truongId, @status, @correlationId, @detail)`,
    ),
    audit: p(
      `SELECT seq, at, account_id AS accountId, action, truong_id AS truongId, status,
         correlation_id AS correlationId, detail
       FROM audit WHERE seq > @since AND ${scoped('truong_id')} ORDER BY seq LIMIT @limit`,
    ),
  };
}

/**
 * The sandbox's persistence over one SQLite database: synchronous (better-sqlite3), every
 * statement prepared once. Records are inserted and updated, never deleted: no statement here
 * deletes a record (only expired idempotency keys are forgotten).
 */
export class SandboxStore {
  readonly db: SqliteDatabase;
  readonly #s: ReturnType<typeof prepare>;

  constructor(db: SqliteDatabase) {
    this.db = db;
    this.#s = prepare(db);
  }

  /** Runs `fn` in one transaction (nested calls join it). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** A setting kept in the database. */
  meta(name: string): string | undefined {
    return (this.#s.meta.get(name) as { value: string } | undefined)?.value;
  }

  /** Keeps a setting. */
  setMeta(name: string, value: string): void {
    this.#s.setMeta.run(name, value);
  }

  /** Every unit. */
  units(): Unit[] {
    return (this.#s.units.all() as (Unit & { parentId: string | null })[]).map((u) =>
      u.parentId === null ? { id: u.id, kind: u.kind, name: u.name } : (u as Unit),
    );
  }

  /** Adds or changes a unit. */
  putUnit(unit: Unit): void {
    this.#s.putUnit.run({ ...unit, parentId: unit.parentId ?? null });
  }

  /** An account by its client id. */
  account(clientId: string): StoredAccount | undefined {
    return this.#s.account.get(clientId) as StoredAccount | undefined;
  }

  /** Every account. */
  accounts(): StoredAccount[] {
    return this.#s.accounts.all() as StoredAccount[];
  }

  /** Adds or changes an account. */
  putAccount(account: StoredAccount): void {
    this.#s.putAccount.run(account);
  }

  /** The record of a school with this entity and key. */
  record(truongId: string, entity: string, key: string): StoredRecord | undefined {
    return this.#s.record.get(truongId, entity, key) as StoredRecord | undefined;
  }

  /** The records of every school with this entity and key. */
  recordsWithKey(entity: string, key: string): StoredRecord[] {
    return this.#s.withKey.all(entity, key) as StoredRecord[];
  }

  /** The records of every school of the person with this personal ID. */
  recordsOfPerson(entity: string, personId: string): StoredRecord[] {
    return this.#s.ofPerson.all(entity, personId) as StoredRecord[];
  }

  /** The status events a school recorded about one person (`HOC_SINH:<id>`, `CAN_BO:<id>`). */
  eventsOf(truongId: string, subject: string): StoredRecord[] {
    return this.#s.ofSubject.all(truongId, subject) as StoredRecord[];
  }

  /** A page of a school's records of one entity, by key, after `after` (exclusive). */
  list(truongId: string, entity: string, after: string, limit: number): StoredRecord[] {
    return this.#s.list.all(truongId, entity, after, limit) as StoredRecord[];
  }

  /** How many records of an entity a school has. */
  count(truongId: string, entity: string): number {
    return (this.#s.count.get(truongId, entity) as { n: number }).n;
  }

  /** Adds a record. */
  insert(record: StoredRecord): void {
    this.#s.insert.run(record);
  }

  /** Replaces a record's data and version. */
  update(record: StoredRecord): void {
    this.#s.update.run(record);
  }

  /** The school and key a provisional identifier resolves to. */
  alias(entity: string, alias: string): { truongId: string; key: string } | undefined {
    return this.#s.alias.get(entity, alias) as { truongId: string; key: string } | undefined;
  }

  /** Records that a provisional identifier resolves to a record. */
  putAlias(entity: string, alias: string, truongId: string, key: string, at: string): void {
    this.#s.putAlias.run(entity, alias, truongId, key, at);
  }

  /** The next value (1, 2, …) of a named counter. */
  next(name: string): number {
    return (this.#s.counter.get(name) as { value: number }).value;
  }

  /** Appends a change to the delta feed; returns its sequence number. */
  appendChange(change: Omit<StoredChange, 'seq'>): number {
    const info = this.#s.appendChange.run({ ...change, late: change.late ? 1 : 0 });
    return Number(info?.lastInsertRowid);
  }

  /** The changes after `since` of the given schools, in commit order. */
  changes(since: number, schools: SchoolFilter, limit: number): StoredChange[] {
    return (
      this.#s.changes.all({ schools: filterParam(schools), since, limit }) as StoredChange[]
    ).map((c) => ({
      ...c,
      late: Boolean(c.late),
    }));
  }

  /** The sequence number of the latest change (0 when none). */
  lastSeq(): number {
    return (this.#s.lastSeq.get() as { seq: number }).seq;
  }

  /** Schools with late changes received in [from, to), the most late first. */
  late(schools: SchoolFilter, from: string, to: string): LateSummary[] {
    return this.#s.late.all({ schools: filterParam(schools), from, to }) as LateSummary[];
  }

  /** The stored response of an idempotency key. */
  idempotent(accountId: string, key: string): StoredResponse | undefined {
    return this.#s.idempotent.get(accountId, key) as StoredResponse | undefined;
  }

  /** Stores the response of an idempotency key. */
  putIdempotent(accountId: string, key: string, response: StoredResponse): void {
    this.#s.putIdempotent.run(
      accountId,
      key,
      response.fingerprint,
      response.status,
      response.headers,
      response.body,
      response.createdAt,
    );
  }

  /** Forgets idempotency keys stored before `before` (ISO date-time). */
  purgeIdempotency(before: string): number {
    return this.#s.purgeIdempotent.run(before).changes ?? 0;
  }

  /** Appends an audit entry. */
  appendAudit(entry: Omit<StoredAudit, 'seq'>): void {
    this.#s.appendAudit.run(entry);
  }

  /** Audit entries after `since` about the given schools (entries about no school for `'all'`). */
  audit(since: number, schools: SchoolFilter, limit: number): StoredAudit[] {
    return this.#s.audit.all({ schools: filterParam(schools), since, limit }) as StoredAudit[];
  }

  /** Closes the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

const filterParam = (schools: SchoolFilter): string | null =>
  schools === 'all' ? null : JSON.stringify(schools);
