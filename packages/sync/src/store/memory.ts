import { closedError, OutboxStoreError } from './errors.ts';
import { checkLeaseMs, checkLimit, checkList, checkMaxRecordBytes, timeOf } from './limits.ts';
import { planRekey, rekeyRecord } from './rekey.ts';
import { alreadyRequeued, checkRequeueRequest, idConflict, notRejected } from './requeue.ts';
import { type ChangeRow, toStoredChange } from './row.ts';
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
} from './types.ts';
import {
  checkChanges,
  checkCompletions,
  checkIdentifier,
  checkIds,
  checkRecordKeys,
} from './validate.ts';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * The largest record (and rejection) accepted, as UTF-8 bytes of JSON (default 1 MiB, at most
   * 64 MiB); a larger one is an `OutboxStoreError` with code `'too-large'`.
   */
  readonly maxRecordBytes?: number;
}

/** A change as the memory store keeps it. */
interface Row extends ChangeRow {
  seq: number;
  enqueuedAt: number;
  attempts: number;
  nextAttemptAt: number | null;
  leaseExpiresAt: number | null;
  deliveredAt: number | null;
  occurredAtMs: number;
}

/** Whether `worker` holds the change's lease at `at` (a lease holds until, not at, its expiry). */
const holds = (row: Row, worker: string, at: number): boolean =>
  row.state === 'in-flight' && row.leaseOwner === worker && (row.leaseExpiresAt ?? 0) > at;

const undelivered = (row: Row): boolean => row.state === 'pending' || row.state === 'in-flight';

/**
 * An outbox store in memory, for tests and short-lived scripts: the same semantics as the SQLite
 * and PostgreSQL stores (it passes the same conformance suite), nothing durable. Records are kept
 * as JSON text, as the other stores keep them: what `get` returns is a copy, never the object
 * that was enqueued.
 *
 * A completion is applied only while its worker still holds the lease (at its `at`, the lease has
 * not expired and nobody else claimed the change); after the lease expired it is refused, even if
 * nobody claimed the change since — the change is delivered again, which the idempotency key
 * makes harmless. The store also answers the outbox's questions (`population`, `knownKeys`,
 * `deadlineCounts`).
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): OutboxStore {
  return new MemoryOutboxStore(checkMaxRecordBytes(options.maxRecordBytes));
}

class MemoryOutboxStore implements OutboxStore {
  readonly #rows: Row[] = [];
  readonly #byId = new Map<string, Row>();
  readonly #maxRecordBytes: number;
  #closed = false;

  constructor(maxRecordBytes: number) {
    this.#maxRecordBytes = maxRecordBytes;
  }

  #open(): void {
    if (this.#closed) throw closedError('memory');
  }

  #append(row: Omit<Row, 'seq'>): void {
    const stored: Row = { ...row, seq: this.#rows.length + 1 };
    this.#rows.push(stored);
    this.#byId.set(stored.id, stored);
  }

  async enqueue(changes: readonly OutboxChange[], now: Date): Promise<void> {
    this.#open();
    const nowMs = timeOf('now', now);
    for (const c of checkChanges(changes, this.#maxRecordBytes)) {
      if (this.#byId.has(c.id)) continue;
      this.#append({
        id: c.id,
        truongId: c.truongId,
        entity: c.entity,
        recordKey: c.recordKey,
        kind: c.kind,
        record: c.record,
        occurredAt: c.occurredAt,
        occurredAtMs: c.occurredAtMs,
        state: 'pending',
        enqueuedAt: nowMs,
        attempts: 0,
        nextAttemptAt: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        deliveredAt: null,
        lastError: null,
        rejection: null,
        requeuedAs: null,
      });
    }
  }

  async claim(request: ClaimRequest): Promise<StoredChange[]> {
    this.#open();
    const worker = checkIdentifier('worker', request.worker);
    checkLimit('limit', request.limit);
    checkLeaseMs(request.leaseMs);
    const now = timeOf('now', request.now);
    const open = this.#rows.filter(undelivered);
    // A record with a change in flight under a live lease gets nothing else (even an earlier
    // change, which a re-key may have moved under its key).
    const live = new Set<string>();
    for (const r of open) {
      if (r.state === 'in-flight' && (r.leaseExpiresAt ?? 0) > now) live.add(r.recordKey);
    }
    const seen = new Set<string>();
    const picked: Row[] = [];
    for (const r of open) {
      if (picked.length >= request.limit) break;
      if (seen.has(r.recordKey)) continue; // not the earliest undelivered change of its record
      seen.add(r.recordKey);
      if (live.has(r.recordKey)) continue;
      const due =
        r.state === 'pending' ? (r.nextAttemptAt ?? 0) <= now : (r.leaseExpiresAt ?? 0) <= now;
      if (due) picked.push(r);
    }
    for (const r of picked) {
      r.state = 'in-flight';
      r.leaseOwner = worker;
      r.leaseExpiresAt = now + request.leaseMs;
      r.attempts += 1;
    }
    return picked.map(toStoredChange);
  }

  async complete(worker: string, completions: readonly Completion[]): Promise<number> {
    this.#open();
    checkIdentifier('worker', worker);
    let applied = 0;
    for (const c of checkCompletions(completions, this.#maxRecordBytes)) {
      const r = this.#byId.get(c.id);
      if (!r || !holds(r, worker, c.atMs)) continue;
      r.leaseOwner = null;
      r.leaseExpiresAt = null;
      if (c.outcome === 'delivered') {
        r.state = 'delivered';
        r.deliveredAt = c.atMs;
      } else if (c.outcome === 'rejected') {
        r.state = 'rejected';
        r.rejection = c.rejection ?? null;
      } else {
        r.state = 'pending';
        r.nextAttemptAt = c.nextAttemptAtMs ?? null;
        r.lastError = JSON.stringify(c.error ?? '');
      }
      applied++;
    }
    return applied;
  }

  async renew(worker: string, ids: readonly string[], leaseMs: number, now: Date): Promise<void> {
    this.#open();
    checkIdentifier('worker', worker);
    checkLeaseMs(leaseMs);
    const nowMs = timeOf('now', now);
    for (const id of checkIds(ids)) {
      const r = this.#byId.get(id);
      if (
        r &&
        r.state === 'in-flight' &&
        r.leaseOwner === worker &&
        (r.leaseExpiresAt ?? 0) > nowMs
      ) {
        r.leaseExpiresAt = nowMs + leaseMs;
      }
    }
  }

  async rekey(request: RekeyRequest): Promise<number> {
    this.#open();
    const plan = planRekey(request, this.#maxRecordBytes);
    const updates: [Row, { record: string; recordKey: string }][] = [];
    for (const r of this.#rows) {
      if (!undelivered(r) || r.truongId !== plan.truongId || !r.record.includes(plan.needle)) {
        continue;
      }
      const next = rekeyRecord(plan, r.entity, r.record);
      if (next) updates.push([r, next]);
    }
    // Everything is computed before anything changes: a throwing recordKeyOf changes nothing.
    for (const [r, next] of updates) {
      r.record = next.record;
      r.recordKey = next.recordKey;
    }
    return updates.length;
  }

  async summary(limit: number): Promise<StoreSummary> {
    this.#open();
    checkLimit('limit', limit);
    const counts: Record<ChangeState, number> = {
      pending: 0,
      'in-flight': 0,
      delivered: 0,
      rejected: 0,
    };
    for (const r of this.#rows) counts[r.state as ChangeState]++;
    const oldest = this.#rows
      .filter(undelivered)
      .sort((a, b) => a.occurredAtMs - b.occurredAtMs || a.seq - b.seq)
      .slice(0, limit)
      .map(toStoredChange);
    return { counts, oldest };
  }

  async rejected(limit: number): Promise<StoredChange[]> {
    this.#open();
    checkLimit('limit', limit);
    const out: StoredChange[] = [];
    for (const r of this.#rows) {
      if (out.length >= limit) break;
      if (r.state === 'rejected') out.push(toStoredChange(r));
    }
    return out;
  }

  async requeue(requests: readonly RequeueRequest[], now: Date): Promise<void> {
    this.#open();
    const nowMs = timeOf('now', now);
    checkList('requests', requests);
    const added = new Map<string, Omit<Row, 'seq'>>();
    const marks = new Map<Row, string>();
    for (const q of requests) {
      const { id, newId, record } = checkRequeueRequest(q, this.#maxRecordBytes);
      const original = this.#byId.get(id);
      if (!original) {
        if (added.has(id)) throw notRejected(id);
        throw new OutboxStoreError('not-found', `requeue: no change ${JSON.stringify(id)}`);
      }
      if (original.state !== 'rejected') throw notRejected(id);
      const already = marks.get(original) ?? original.requeuedAs;
      if (already !== null && already !== undefined) {
        if (already === newId) continue;
        throw alreadyRequeued(id, already);
      }
      if (this.#byId.has(newId) || added.has(newId)) throw idConflict(newId);
      added.set(newId, {
        id: newId,
        truongId: original.truongId,
        entity: original.entity,
        recordKey: original.recordKey,
        kind: original.kind,
        record: record ?? original.record,
        occurredAt: original.occurredAt,
        occurredAtMs: original.occurredAtMs,
        state: 'pending',
        enqueuedAt: nowMs,
        attempts: 0,
        nextAttemptAt: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        deliveredAt: null,
        lastError: null,
        rejection: null,
        requeuedAs: null,
      });
      marks.set(original, newId);
    }
    for (const row of added.values()) this.#append(row);
    for (const [row, newId] of marks) row.requeuedAs = newId;
  }

  async population(truongId: string, entity: string): Promise<number> {
    this.#open();
    checkIdentifier('truongId', truongId);
    checkIdentifier('entity', entity);
    const keys = new Set<string>();
    for (const r of this.#rows) {
      if (r.truongId === truongId && r.entity === entity) keys.add(r.recordKey);
    }
    return keys.size;
  }

  async knownKeys(recordKeys: readonly string[]): Promise<ReadonlySet<string>> {
    this.#open();
    const wanted = new Set(checkRecordKeys(recordKeys));
    const known = new Set<string>();
    for (const r of this.#rows) if (wanted.has(r.recordKey)) known.add(r.recordKey);
    return known;
  }

  async deadlineCounts(overdueBefore: Date, atRiskBefore: Date): Promise<DeadlineCounts> {
    this.#open();
    const overdueMs = timeOf('overdueBefore', overdueBefore);
    const riskMs = timeOf('atRiskBefore', atRiskBefore);
    let overdue = 0;
    let atRisk = 0;
    for (const r of this.#rows) {
      if (!undelivered(r)) continue;
      if (r.occurredAtMs < overdueMs) overdue++;
      else if (r.occurredAtMs < riskMs) atRisk++;
    }
    return { overdue, atRisk };
  }

  async get(id: string): Promise<StoredChange | undefined> {
    this.#open();
    const r = this.#byId.get(checkIdentifier('id', id));
    return r ? toStoredChange(r) : undefined;
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}
