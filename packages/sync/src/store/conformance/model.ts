import type {
  ChangeState,
  Completion,
  OutboxChange,
  RekeyRequest,
  RequeueRequest,
} from '../types.ts';

/** A change as the reference model keeps it (times in milliseconds). */
export interface ModelChange {
  /** The change's id. */
  readonly id: string;
  /** The model's own position: stores may leave gaps, so only the order is compared. */
  readonly seq: number;
  /** The school. */
  readonly truongId: string;
  /** The entity. */
  readonly entity: string;
  /** Its record key (a re-key changes it). */
  recordKey: string;
  /** Upsert or event. */
  readonly kind: string;
  /** The record. */
  record: Record<string, unknown>;
  /** As given. */
  readonly occurredAt: string;
  /** Where it is. */
  state: ChangeState;
  /** Claims so far. */
  attempts: number;
  /** The worker holding it. */
  leaseOwner: string | undefined;
  /** When its lease runs out. */
  leaseExpiresAt: number | undefined;
  /** Not before (after a retry). */
  nextAttemptAt: number | undefined;
  /** The new change of a requeued one. */
  requeuedAs: string | undefined;
}

const open = (c: ModelChange): boolean => c.state === 'pending' || c.state === 'in-flight';

/**
 * The outbox's rules written as plainly as possible, for property tests to check a store
 * against: the earliest undelivered change of each record, when due and when no change of the
 * record is in flight under a live lease, in seq order; completions only from the lease holder
 * before the lease expires.
 */
export class OutboxModel {
  /** Every change, in enqueue order. */
  readonly changes: ModelChange[] = [];
  readonly #byId = new Map<string, ModelChange>();

  /** A change by id. */
  get(id: string): ModelChange | undefined {
    return this.#byId.get(id);
  }

  /** Adds the changes whose ids are new. */
  enqueue(changes: readonly OutboxChange[]): void {
    for (const c of changes) {
      if (this.#byId.has(c.id)) continue;
      this.#add({
        id: c.id,
        seq: this.changes.length + 1,
        truongId: c.truongId,
        entity: c.entity,
        recordKey: c.recordKey,
        kind: c.kind,
        record: structuredClone(c.record) as Record<string, unknown>,
        occurredAt: c.occurredAt,
        state: 'pending',
        attempts: 0,
        leaseOwner: undefined,
        leaseExpiresAt: undefined,
        nextAttemptAt: undefined,
        requeuedAs: undefined,
      });
    }
  }

  #add(change: ModelChange): void {
    this.changes.push(change);
    this.#byId.set(change.id, change);
  }

  /** Every change a claim at `now` may take, in seq order (one per record at most). */
  claimable(now: number): ModelChange[] {
    const out: ModelChange[] = [];
    for (const c of this.changes) {
      if (!open(c)) continue;
      const first = this.changes.find((e) => open(e) && e.recordKey === c.recordKey);
      if (first !== c) continue;
      const live = this.changes.some(
        (e) =>
          e !== c &&
          e.recordKey === c.recordKey &&
          e.state === 'in-flight' &&
          (e.leaseExpiresAt ?? 0) > now,
      );
      if (live) continue;
      const due =
        c.state === 'pending' ? (c.nextAttemptAt ?? 0) <= now : (c.leaseExpiresAt ?? 0) <= now;
      if (due) out.push(c);
    }
    return out;
  }

  /** Marks changes claimed by a worker. */
  take(ids: readonly string[], worker: string, leaseMs: number, now: number): void {
    for (const id of ids) {
      const c = this.#byId.get(id);
      if (!c) throw new Error(`model: unknown id ${id}`);
      c.state = 'in-flight';
      c.leaseOwner = worker;
      c.leaseExpiresAt = now + leaseMs;
      c.attempts++;
    }
  }

  /** What a claim takes, applied. */
  claim(worker: string, limit: number, leaseMs: number, now: number): ModelChange[] {
    const picked = this.claimable(now).slice(0, limit);
    this.take(
      picked.map((c) => c.id),
      worker,
      leaseMs,
      now,
    );
    return picked;
  }

  /** Whether `worker` holds the change's lease at `at`. */
  holds(c: ModelChange, worker: string, at: number): boolean {
    return c.state === 'in-flight' && c.leaseOwner === worker && (c.leaseExpiresAt ?? 0) > at;
  }

  /** The completions applied; returns how many. */
  complete(worker: string, completions: readonly Completion[]): number {
    let n = 0;
    const seen = new Set<string>();
    for (const k of completions) {
      if (seen.has(k.id)) continue;
      seen.add(k.id);
      const c = this.#byId.get(k.id);
      if (!c || !this.holds(c, worker, k.at.getTime())) continue;
      c.leaseOwner = undefined;
      c.leaseExpiresAt = undefined;
      if (k.outcome === 'delivered') c.state = 'delivered';
      else if (k.outcome === 'rejected') c.state = 'rejected';
      else {
        c.state = 'pending';
        c.nextAttemptAt = k.nextAttemptAt.getTime();
      }
      n++;
    }
    return n;
  }

  /** Leases renewed. */
  renew(worker: string, ids: readonly string[], leaseMs: number, now: number): void {
    for (const id of ids) {
      const c = this.#byId.get(id);
      if (c && this.holds(c, worker, now)) c.leaseExpiresAt = now + leaseMs;
    }
  }

  /** A re-key applied; returns how many changes it re-keyed. */
  rekey(request: RekeyRequest): number {
    let n = 0;
    for (const c of this.changes) {
      if (!open(c) || c.truongId !== request.truongId) continue;
      if (!Object.hasOwn(request.fields, c.entity)) continue;
      let changed = false;
      for (const f of request.fields[c.entity] ?? []) {
        if (Object.hasOwn(c.record, f) && c.record[f] === request.from) {
          Object.defineProperty(c.record, f, {
            value: request.to,
            enumerable: true,
            writable: true,
            configurable: true,
          });
          changed = true;
        }
      }
      if (changed) {
        c.recordKey = request.recordKeyOf(c.entity, c.record);
        n++;
      }
    }
    return n;
  }

  /** Rejected changes put back (assumes the requests are valid). */
  requeue(requests: readonly RequeueRequest[]): void {
    for (const q of requests) {
      const c = this.#byId.get(q.id);
      if (c?.state !== 'rejected' || c.requeuedAs !== undefined) continue;
      c.requeuedAs = q.newId;
      this.#add({
        id: q.newId,
        seq: this.changes.length + 1,
        truongId: c.truongId,
        entity: c.entity,
        recordKey: c.recordKey,
        kind: c.kind,
        record: structuredClone(q.record ?? c.record) as Record<string, unknown>,
        occurredAt: c.occurredAt,
        state: 'pending',
        attempts: 0,
        leaseOwner: undefined,
        leaseExpiresAt: undefined,
        nextAttemptAt: undefined,
        requeuedAs: undefined,
      });
    }
  }

  /** Changes by state. */
  counts(): Record<ChangeState, number> {
    const counts: Record<ChangeState, number> = {
      pending: 0,
      'in-flight': 0,
      delivered: 0,
      rejected: 0,
    };
    for (const c of this.changes) counts[c.state]++;
    return counts;
  }
}
