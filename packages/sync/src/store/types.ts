/**
 * The outbox store contract: what every store (memory, SQLite, PostgreSQL) implements, and what
 * the shared conformance suite checks. Stores hold changes; the outbox (workers, deadlines,
 * re-keying, holds) is built on top and never touches a database directly.
 *
 * @module
 */

/** What a change does at the city database: upsert a record, or record a status event. */
export type ChangeKind = 'upsert' | 'event';

/** A change to push, as the host application enqueues it. */
export interface OutboxChange {
  /**
   * The change's id: unique and stable (a UUID the host makes once, or its own event id). Enqueuing
   * the same id again is a no-op, so a host that crashes after enqueuing may enqueue again.
   */
  readonly id: string;
  /** The school the record belongs to (TRUONG_ID). */
  readonly truongId: string;
  /** The entity (`'HocSinh'`, `'SuKienTrangThai'`, …). */
  readonly entity: string;
  /**
   * The record's identity for ordering: changes with the same `recordKey` are delivered one at a
   * time, in `seq` order (the outbox makes it from the entity, the school and the key values).
   */
  readonly recordKey: string;
  /** Upsert or event. */
  readonly kind: ChangeKind;
  /** The canonical record (JSON-serializable). */
  readonly record: Readonly<Record<string, unknown>>;
  /** When the information arose (ISO 8601 with an offset): the 48-hour deadline runs from it. */
  readonly occurredAt: string;
}

/**
 * Where a change is: `'pending'` (waiting, possibly for `nextAttemptAt`), `'in-flight'` (claimed by
 * a worker; once its lease expires it stays `'in-flight'` until another claim takes it over),
 * `'delivered'` (the server acknowledged it), `'rejected'` (the server refused it: 409/422 — kept
 * in the dead-letter list, never retried blindly).
 */
export type ChangeState = 'pending' | 'in-flight' | 'delivered' | 'rejected';

/** A change as stored. */
export interface StoredChange extends OutboxChange {
  /** Its position in the outbox: strictly increasing in enqueue order. */
  readonly seq: number;
  /** Where it is. */
  readonly state: ChangeState;
  /** When it was enqueued (ISO 8601). */
  readonly enqueuedAt: string;
  /** How many delivery attempts were made. */
  readonly attempts: number;
  /** Not to be claimed before (ISO 8601), after a failed attempt. */
  readonly nextAttemptAt?: string;
  /** The worker holding it (in flight). */
  readonly leaseOwner?: string;
  /** When the lease runs out (ISO 8601): the change is claimable again after. */
  readonly leaseExpiresAt?: string;
  /** When the server acknowledged it (ISO 8601). */
  readonly deliveredAt?: string;
  /** The last transport error (retryable), for the status report. */
  readonly lastError?: string;
  /** Why the server refused it (rejected changes). */
  readonly rejection?: Rejection;
  /**
   * A rejected change that {@link OutboxStore.requeue} put back: the id of the new change. (Added
   * for the stores: it makes `requeue` idempotent — a host that crashes after requeuing may
   * requeue again — and lets the dead-letter list tell fixed changes from waiting ones.)
   */
  readonly requeuedAs?: string;
}

/** Why the server refused a change: its answer, kept for the person who fixes it. */
export interface Rejection {
  /** The HTTP status (409, 422, 403, 404…). */
  readonly status: number;
  /** The problem type (`urn:eduvn:problem:validation`). */
  readonly type: string;
  /** The problem's detail. */
  readonly detail: string;
  /** The rule ids. */
  readonly ruleIds: readonly string[];
  /** The issues (rule id, pointer, message), as the server gave them. */
  readonly issues: readonly unknown[];
}

/** What {@link OutboxStore.claim} is asked for. */
export interface ClaimRequest {
  /** The claiming worker's id (unique per worker process or loop). */
  readonly worker: string;
  /** At most this many changes. */
  readonly limit: number;
  /** How long the lease lasts, in milliseconds. */
  readonly leaseMs: number;
  /** The time of the claim. */
  readonly now: Date;
}

/** The outcome of one delivery attempt, reported by the worker that holds the change. */
export type Completion =
  | {
      /** The change's id. */
      readonly id: string;
      /** The server acknowledged it. */
      readonly outcome: 'delivered';
      /** When the worker learned the outcome (the lease must still hold then). */
      readonly at: Date;
    }
  | {
      /** The change's id. */
      readonly id: string;
      /** The server refused it (409/422): it goes to the dead-letter list. */
      readonly outcome: 'rejected';
      /** When the worker learned the outcome (the lease must still hold then). */
      readonly at: Date;
      /** The server's answer. */
      readonly rejection: Rejection;
    }
  | {
      /** The change's id. */
      readonly id: string;
      /** The attempt failed in transport (timeout, 5xx, 429): try again later. */
      readonly outcome: 'retry';
      /** When the worker learned the outcome (the lease must still hold then). */
      readonly at: Date;
      /** Not to be claimed before. */
      readonly nextAttemptAt: Date;
      /** The transport error, for the status report. */
      readonly error: string;
    };

/** Counts of the outbox by state, and the oldest undelivered changes. */
export interface StoreSummary {
  /** Changes by state. */
  readonly counts: Readonly<Record<ChangeState, number>>;
  /** The undelivered (pending or in-flight) changes, oldest `occurredAt` first, at most `limit`. */
  readonly oldest: readonly StoredChange[];
}

/**
 * A durable outbox store. Every method is safe to call from many workers at once (and, for the
 * PostgreSQL store, from many processes on many machines):
 *
 * - {@link OutboxStore.claim} hands each change to at most one worker at a time (a lease), only
 *   the earliest undelivered change of each record (by `seq`), and only once every earlier change
 *   of that record is delivered or rejected — so one record's changes go out in order, one at a time;
 * - a lease that expires (a dead worker) makes the change claimable again;
 * - {@link OutboxStore.complete} applies a completion only while the worker holds the change's
 *   lease (a worker whose lease expired cannot overwrite another's outcome).
 */
export interface OutboxStore {
  /** Adds changes (in order); a change whose id is already stored is ignored. */
  enqueue(changes: readonly OutboxChange[], now: Date): Promise<void>;
  /** Claims up to `limit` deliverable changes for a worker, in `seq` order. */
  claim(request: ClaimRequest): Promise<StoredChange[]>;
  /** Records the outcomes of a worker's attempts; returns how many it still held and applied. */
  complete(worker: string, completions: readonly Completion[]): Promise<number>;
  /** Extends the lease of changes the worker still holds. */
  renew(worker: string, ids: readonly string[], leaseMs: number, now: Date): Promise<void>;
  /**
   * Re-keys the undelivered changes of a pupil after the database issued a code for a provisional
   * identifier: replaces `from` by `to` in their records (`fields` names the fields to change for
   * each entity) and record keys, atomically. Returns how many changes were re-keyed.
   */
  rekey(request: RekeyRequest): Promise<number>;
  /** Counts and the oldest undelivered changes. */
  summary(limit: number): Promise<StoreSummary>;
  /** Rejected changes (the dead-letter list), oldest first. */
  rejected(limit: number): Promise<StoredChange[]>;
  /**
   * Puts rejected changes back as new pending changes (after a fix), under new ids and with the
   * records given (or the stored ones); the rejected ones stay as they were, for the record.
   */
  requeue(requests: readonly RequeueRequest[], now: Date): Promise<void>;
  /** A change by id. */
  get(id: string): Promise<StoredChange | undefined>;
  /**
   * How many distinct records (record keys) of `entity` at the school the store holds changes of,
   * in any state — delivered history included: the people of a kind the outbox has seen there
   * (for the mass-change hold).
   */
  population(truongId: string, entity: string): Promise<number>;
  /** Which of these record keys (at most 10,000) the store holds a change of, in any state. */
  knownKeys(recordKeys: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * Counts the undelivered (pending or in-flight) changes by when they occurred: `overdue` before
   * `overdueBefore`, `atRisk` from `overdueBefore` up to `atRiskBefore` (disjoint), compared as
   * instants (for the deadline report).
   */
  deadlineCounts(overdueBefore: Date, atRiskBefore: Date): Promise<DeadlineCounts>;
  /** Releases connections and handles. */
  close(): Promise<void>;
}

/** Undelivered changes against the deadline, as {@link OutboxStore.deadlineCounts} counts them. */
export interface DeadlineCounts {
  /** Undelivered changes that occurred before `overdueBefore`. */
  readonly overdue: number;
  /** Undelivered changes that occurred from `overdueBefore` up to (not at) `atRiskBefore`. */
  readonly atRisk: number;
}

/** What {@link OutboxStore.rekey} changes. */
export interface RekeyRequest {
  /** The school. */
  readonly truongId: string;
  /** The provisional identifier. */
  readonly from: string;
  /** The issued one. */
  readonly to: string;
  /** For each entity, the record fields that hold a pupil identifier (`{ HocSinh: ['hocSinhId'], … }`). */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** The record key a change of each entity gets once its record is re-keyed. */
  readonly recordKeyOf: (entity: string, record: Readonly<Record<string, unknown>>) => string;
}

/** A rejected change to put back. */
export interface RequeueRequest {
  /** The rejected change's id. */
  readonly id: string;
  /** The new change's id. */
  readonly newId: string;
  /** The corrected record (default: the stored one). */
  readonly record?: Readonly<Record<string, unknown>>;
}
