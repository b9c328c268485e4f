import type { ChangeKind, ChangeState, Rejection, StoredChange } from './types.ts';

/**
 * A change as the SQL stores read it (and as the memory store keeps it): times in milliseconds
 * since the epoch, the record and the rejection as JSON text, the last error as a JSON string.
 * Numbers may come as text (PostgreSQL's `bigint`).
 */
export interface ChangeRow {
  /** Its position. */
  seq: number | string;
  /** The change's id. */
  id: string;
  /** The school. */
  truongId: string;
  /** The entity. */
  entity: string;
  /** The record key. */
  recordKey: string;
  /** Upsert or event. */
  kind: string;
  /** The record, JSON text. */
  record: string;
  /** As the host gave it. */
  occurredAt: string;
  /** Where it is. */
  state: string;
  /** Milliseconds. */
  enqueuedAt: number | string;
  /** Delivery attempts. */
  attempts: number | string;
  /** Milliseconds, or `null`. */
  nextAttemptAt: number | string | null;
  /** The worker holding it, or `null`. */
  leaseOwner: string | null;
  /** Milliseconds, or `null`. */
  leaseExpiresAt: number | string | null;
  /** Milliseconds, or `null`. */
  deliveredAt: number | string | null;
  /** A JSON string, or `null`. */
  lastError: string | null;
  /** JSON text, or `null`. */
  rejection: string | null;
  /** The new change of a requeued one, or `null`. */
  requeuedAs: string | null;
}

const iso = (ms: number | string): string => new Date(Number(ms)).toISOString();

/** The change a row holds, as the store contract returns it (absent members left out). */
export function toStoredChange(row: ChangeRow): StoredChange {
  const change: {
    -readonly [K in keyof StoredChange]: StoredChange[K];
  } = {
    id: row.id,
    truongId: row.truongId,
    entity: row.entity,
    recordKey: row.recordKey,
    kind: row.kind as ChangeKind,
    record: JSON.parse(row.record) as Record<string, unknown>,
    occurredAt: row.occurredAt,
    seq: Number(row.seq),
    state: row.state as ChangeState,
    enqueuedAt: iso(row.enqueuedAt),
    attempts: Number(row.attempts),
  };
  if (row.nextAttemptAt !== null) change.nextAttemptAt = iso(row.nextAttemptAt);
  if (row.leaseOwner !== null) change.leaseOwner = row.leaseOwner;
  if (row.leaseExpiresAt !== null) change.leaseExpiresAt = iso(row.leaseExpiresAt);
  if (row.deliveredAt !== null) change.deliveredAt = iso(row.deliveredAt);
  if (row.lastError !== null) change.lastError = JSON.parse(row.lastError) as string;
  if (row.rejection !== null) change.rejection = JSON.parse(row.rejection) as Rejection;
  if (row.requeuedAs !== null) change.requeuedAs = row.requeuedAs;
  return change;
}
