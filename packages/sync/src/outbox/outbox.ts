import { createHash, randomUUID } from 'node:crypto';
import {
  AuthError,
  type BatchItem,
  type BatchOutcome,
  type EduvnClient,
  type EntityName,
  type IdentifierIssued,
} from '@eduvn/client';
import { pupilReferenceFields, type RekeyEvent } from '@eduvn/rules';
import { ENTITIES, entityOf } from '@eduvn/standard';
import type {
  Completion,
  OutboxChange,
  OutboxStore,
  Rejection,
  StoredChange,
} from '../store/types.ts';
import {
  type DeadlineSettings,
  type DeadlineState,
  deadlineOf,
  deadlineState,
  thresholds,
} from './deadline.ts';
import { orderKeyOf } from './keys.ts';
import { MassChangeHold, type MassChangeOptions, massChangeFindings } from './mass-change.ts';

/** A change for {@link Outbox.enqueue}: a record (or status event) and when its information arose. */
export interface ChangeInput {
  /**
   * A stable id (default: a new UUID; a status event's default is `event:<suKienId>`). Enqueuing
   * the same id twice stores it once — give your own id to enqueue safely again after a crash.
   */
  readonly id?: string;
  /** The entity (`'HocSinh'`; `'SuKienTrangThai'` records a status event). */
  readonly entity: EntityName;
  /** The canonical record; its `truongId` names the school. */
  readonly record: Readonly<Record<string, unknown>>;
  /** When the information arose and was entered (the 48-hour deadline runs from it; default now). */
  readonly occurredAt?: string | Date;
}

/** When something is at risk of missing, or has missed, the deadline. */
export interface DeadlineAlert {
  /** `'at-risk'` (under `atRiskHours` left) or `'overdue'`. */
  readonly state: 'at-risk' | 'overdue';
  /** The change. */
  readonly change: StoredChange;
  /** Its deadline (ISO 8601). */
  readonly deadline: string;
}

/** A pupil code issued for a provisional identifier, and what the outbox did with it. */
export interface IdentifierMapping extends IdentifierIssued {
  /** The school. */
  readonly truongId: string;
  /** How many pending changes of the pupil were re-keyed. */
  readonly rekeyed: number;
  /** The audit record of the re-key (keep it: an identifier changed, by the database's decision). */
  readonly event: RekeyEvent;
}

/** Hooks of the outbox (exceptions in them are caught and logged, never stopping delivery). */
export interface OutboxHooks {
  /**
   * A change became at risk of missing the deadline, or missed it: fired by `status()` once per
   * change and state, for the changes it examines — the `oldest` undelivered ones (20 by default),
   * which are the most urgent. The counts `atRisk` and `overdue` of the status cover every change;
   * to be alerted of each one in a large backlog, pass a larger `oldest` or act on the counts.
   */
  onDeadline?(alert: DeadlineAlert): void;
  /**
   * The database issued a pupil code for a provisional identifier: the outbox has re-keyed its
   * pending changes; update your own records (awaited before the next round).
   */
  onIdentifierIssued?(mapping: IdentifierMapping): void | Promise<void>;
  /** The server refused a change (409/422…): it is in the dead-letter list, to be fixed by a person. */
  onRejected?(change: StoredChange, rejection: Rejection): void;
  /** A round could not deliver (network down, server failing): the changes will be retried. */
  onRetry?(error: Error, count: number): void;
}

/** How long the outbox waits before trying an undelivered change again. */
export interface BackoffOptions {
  /** The first wait, in milliseconds (default 5,000); it doubles with each attempt, with jitter. */
  readonly baseMs?: number;
  /** The longest wait (default 600,000). */
  readonly maxMs?: number;
}

/** Where the outbox logs what a person may want to know (no personal data is passed). */
export interface OutboxLogger {
  /** A round that could not be delivered, a hook that failed. */
  warn?(message: string, meta: Readonly<Record<string, unknown>>): void;
}

/** A waiting change in the 48-hour report. */
export interface WaitingChange extends StoredChange {
  /** Its deadline (ISO 8601). */
  readonly deadline: string;
  /** On time, at risk or overdue. */
  readonly deadlineState: DeadlineState;
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** Where changes are kept: memory, SQLite (`@eduvn/sync/sqlite`) or PostgreSQL (`@eduvn/sync/postgres`). */
  readonly store: OutboxStore;
  /** The client that delivers them. */
  readonly client: EduvnClient;
  /** This worker's id (default: a new UUID): unique per worker; leases are held in its name. */
  readonly worker?: string;
  /** Changes claimed and sent per round (default 200, at most 500). */
  readonly batchSize?: number;
  /** How long a claim lasts before another worker may take the changes over (default 120,000 ms). */
  readonly leaseMs?: number;
  /** The deadline: 48 hours by default (seed regulation Art. 6 cl. 2, possibly local), at risk under 12. */
  readonly deadline?: Partial<DeadlineSettings>;
  /** Waits before a change that could not be delivered is tried again (default 5 s doubling to 10 min). */
  readonly backoff?: BackoffOptions;
  /** Holds runs that change too much at once (default on; `false` turns it off). */
  readonly massChange?: MassChangeOptions | false;
  /** Hooks. */
  readonly hooks?: OutboxHooks;
  /** Where hook failures and transport troubles are logged. */
  readonly logger?: OutboxLogger;
  /** The clock (default `Date.now`). */
  readonly now?: () => number;
}

/** What one {@link Outbox.drain} did. */
export interface DrainReport {
  /** Rounds (claim, send, complete). */
  readonly rounds: number;
  /** Changes the server acknowledged. */
  readonly delivered: number;
  /** Changes the server refused (now in the dead-letter list). */
  readonly rejected: number;
  /** Changes that will be tried again later. */
  readonly retried: number;
  /** Pupil codes issued. */
  readonly identifiersIssued: number;
}

/** The 48-hour report. */
export interface OutboxStatus {
  /** When it was made (ISO 8601). */
  readonly at: string;
  /** The settings. */
  readonly deadlineHours: number;
  /** The at-risk threshold. */
  readonly atRiskHours: number;
  /** Changes waiting (pending or in flight). */
  readonly pending: number;
  /** Of those, in flight now. */
  readonly inFlight: number;
  /** Waiting with under `atRiskHours` left. */
  readonly atRisk: number;
  /** Waiting past their deadline. */
  readonly overdue: number;
  /** Delivered. */
  readonly delivered: number;
  /** Refused by the server, in the dead-letter list. */
  readonly rejected: number;
  /** The oldest waiting changes, with their deadlines. */
  readonly oldest: readonly WaitingChange[];
}

/** A durable outbox in front of the city database (see {@link createOutbox}). */
export interface Outbox {
  /**
   * Records changes to deliver, atomically (at most `STORE_LIMITS.maxBatch` per call); returns them
   * with their ids. May throw {@link MassChangeHold} (nothing is then enqueued).
   */
  enqueue(
    changes: ChangeInput | readonly ChangeInput[],
    options?: { readonly confirm?: boolean },
  ): Promise<OutboxChange[]>;
  /** Delivers until nothing is deliverable now (changes waiting for a retry stay for a later drain). */
  drain(options?: {
    readonly signal?: AbortSignal;
    readonly maxRounds?: number;
  }): Promise<DrainReport>;
  /** A worker loop: drains, waits `idleMs` when idle, until `signal` aborts. */
  run(options: { readonly signal: AbortSignal; readonly idleMs?: number }): Promise<void>;
  /**
   * The 48-hour report; fires `onDeadline` for the examined changes (the `oldest`, default 20)
   * newly at risk or overdue. `atRisk` and `overdue` count every undelivered change.
   */
  status(options?: { readonly oldest?: number }): Promise<OutboxStatus>;
  /** The dead-letter list: changes the server refused, with its issues. */
  rejected(limit?: number): Promise<StoredChange[]>;
  /** Puts a refused change back, corrected (or as it was); returns the new change's id. */
  requeue(id: string, record?: Readonly<Record<string, unknown>>): Promise<string>;
}

/** For each entity, the fields holding a pupil's identifier (re-keyed when a code is issued). */
const PUPIL_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ENTITIES.filter((e) => entityOf(e).kind === 'record')
    .map((e) => entityOf(e).name)
    .map((name) => [
      name,
      name === 'SuKienTrangThai'
        ? ['maDoiTuong']
        : [
            ...pupilReferenceFields({ entity: name, record: {} }),
            ...(name === 'HocSinh' ? ['hocSinhId'] : []),
          ],
    ])
    .filter(([, fields]) => (fields as string[]).length > 0),
);

/** Item statuses that are the server's final word on a change: it goes to the dead-letter list. */
const FINAL_STATUSES: ReadonlySet<number> = new Set([400, 403, 404, 409, 412, 413, 422]);

const isoOf = (v: string | Date | undefined, now: number): string =>
  v === undefined ? new Date(now).toISOString() : typeof v === 'string' ? v : v.toISOString();

/**
 * Creates an outbox: every change enqueued is delivered to the city database exactly once in
 * effect — whatever crashes in between — and one record's changes in the order they occurred,
 * never by two workers at once (the store's claims). Refusals go to a dead-letter list; pupil
 * codes issued for provisional identifiers re-key the pending changes; the 48-hour deadline is
 * watched; runs that would change too much at once are held for confirmation.
 *
 * @example
 * ```ts
 * const outbox = createOutbox({ store: createSqliteStore({ path: 'outbox.db' }), client });
 * await outbox.enqueue({ entity: 'HocSinh', record: pupil, occurredAt: enteredAt });
 * await outbox.drain();
 * console.log((await outbox.status()).overdue);
 * ```
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { store, client } = options;
  const worker = options.worker ?? randomUUID();
  const batchSize = options.batchSize ?? 200;
  const leaseMs = options.leaseMs ?? 120_000;
  const now = options.now ?? Date.now;
  const settings: DeadlineSettings = {
    deadlineHours: options.deadline?.deadlineHours ?? 48,
    atRiskHours: options.deadline?.atRiskHours ?? 12,
  };
  const baseMs = options.backoff?.baseMs ?? 5_000;
  const maxMs = options.backoff?.maxMs ?? 600_000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 500)
    throw new RangeError('batchSize must be a whole number from 1 to 500');
  if (!(leaseMs > 0)) throw new RangeError('leaseMs must be positive');
  if (
    !(
      settings.deadlineHours > 0 &&
      settings.atRiskHours >= 0 &&
      settings.atRiskHours < settings.deadlineHours
    )
  )
    throw new RangeError(
      'deadline: deadlineHours must be positive and atRiskHours in [0, deadlineHours)',
    );
  const warn = (message: string, meta: Record<string, unknown>): void => {
    try {
      options.logger?.warn?.(message, meta);
    } catch {
      // a broken logger must not stop delivery
    }
  };
  const safely = async (name: string, fn: () => unknown): Promise<void> => {
    try {
      await fn();
    } catch (error) {
      warn(`eduvn sync: the ${name} hook failed`, { error: (error as Error)?.message });
    }
  };
  const alerted = new Map<string, 'at-risk' | 'overdue'>();

  const toChange = (input: ChangeInput, at: number): OutboxChange => {
    if (typeof input !== 'object' || input === null)
      throw new TypeError('a change is an object { entity, record }');
    const record = input.record;
    if (typeof record !== 'object' || record === null)
      throw new TypeError(`${input.entity}: record must be an object`);
    const truongId = record['truongId'];
    if (typeof truongId !== 'string' || truongId === '')
      throw new TypeError(`${input.entity}: truongId is required`);
    const isEvent = input.entity === 'SuKienTrangThai';
    const id =
      input.id ??
      (isEvent && typeof record['suKienId'] === 'string'
        ? `event:${record['suKienId']}`
        : randomUUID());
    return {
      id,
      truongId,
      entity: input.entity,
      recordKey: orderKeyOf(input.entity, record),
      kind: isEvent ? 'event' : 'upsert',
      record,
      occurredAt: isoOf(
        input.occurredAt ?? (isEvent ? (record['ngayGhiNhan'] as string | undefined) : undefined),
        at,
      ),
    };
  };

  const backoff = (attempts: number): number => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  };

  const alert = (change: StoredChange, at: number): void => {
    const state = deadlineState(change, at, settings);
    if (state === 'on-time' || alerted.get(change.id) === state) return;
    alerted.set(change.id, state);
    if (alerted.size > 10_000) alerted.delete(alerted.keys().next().value as string);
    void safely('onDeadline', () =>
      options.hooks?.onDeadline?.({
        state,
        change,
        deadline: new Date(deadlineOf(change, settings)).toISOString(),
      }),
    );
  };

  const issued = async (mapping: IdentifierIssued, truongId: string): Promise<void> => {
    const at = new Date(now()).toISOString();
    const rekeyed = await store.rekey({
      truongId,
      from: mapping.from,
      to: mapping.to,
      fields: PUPIL_FIELDS,
      recordKeyOf: orderKeyOf,
    });
    const event: RekeyEvent = {
      type: 'rekey',
      entity: 'HocSinh',
      from: mapping.from,
      to: mapping.to,
      by: `eduvn-sync:${worker}`,
      at,
      count: rekeyed,
      byEntity: {},
    };
    await safely('onIdentifierIssued', () =>
      options.hooks?.onIdentifierIssued?.({ ...mapping, truongId, rekeyed, event }),
    );
  };

  /** One round: claim, send, complete. `undefined` when nothing was deliverable. */
  const round = async (signal: AbortSignal | undefined) => {
    const claimed = await store.claim({ worker, limit: batchSize, leaseMs, now: new Date(now()) });
    if (claimed.length === 0) return undefined;
    const items = claimed.map(
      (c): BatchItem => ({
        entity: c.entity as EntityName,
        record: c.record as never,
        occurredAt: c.occurredAt,
      }),
    );
    // The key names exactly what is sent — the ids and the records as they are now (a re-key
    // after a lost answer changes a record: the same key with another body would be a 409).
    const key = createHash('sha256')
      .update(JSON.stringify(claimed.map((c) => [c.id, c.occurredAt, c.record])))
      .digest('base64url');
    // The changes stay this worker's while the call lasts, however long its retries take.
    const ids = claimed.map((c) => c.id);
    const renewal = setInterval(
      () => {
        store.renew(worker, ids, leaseMs, new Date(now())).catch(() => {});
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    // A round that fails goes back together, to be tried again at one time (so its changes are
    // claimed again together rather than scattered across rounds).
    const retryAt = new Date(now() + backoff(Math.max(...claimed.map((c) => c.attempts))));
    let outcome: BatchOutcome;
    try {
      outcome = await client.batch(items, {
        chunkSize: items.length,
        concurrency: 1,
        idempotencyKey: `outbox:${key}`,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      clearInterval(renewal);
      const at = new Date(now());
      if (error instanceof AuthError) retryAt.setTime(now() + maxMs);
      await store.complete(
        worker,
        claimed.map((c) => ({
          id: c.id,
          outcome: 'retry',
          at,
          nextAttemptAt: signal?.aborted ? at : retryAt,
          error: String((error as Error)?.message ?? error).slice(0, 500),
        })),
      );
      if (signal?.aborted) throw error;
      warn('eduvn sync: a round could not be delivered; it will be retried', {
        error: (error as Error)?.message,
        changes: claimed.length,
      });
      await safely('onRetry', () => options.hooks?.onRetry?.(error as Error, claimed.length));
      return { delivered: 0, rejected: 0, retried: claimed.length, identifiersIssued: 0 };
    }
    clearInterval(renewal);
    const at = new Date(now());
    const completions: Completion[] = [];
    let failure: Error | undefined;
    const rejections: [StoredChange, Rejection][] = [];
    const mappings: [IdentifierIssued, string][] = [];
    let retried = 0;
    for (const r of outcome.results) {
      const change = claimed[r.index] as StoredChange;
      if (r.outcome === 'created' || r.outcome === 'updated' || r.outcome === 'unchanged') {
        completions.push({ id: change.id, outcome: 'delivered', at });
        if (r.identifierIssued) mappings.push([r.identifierIssued, change.truongId]);
      } else if (r.outcome === 'rejected' && r.error && FINAL_STATUSES.has(r.status)) {
        const rejection: Rejection = {
          status: r.status,
          type: r.error.problem?.type ?? 'unknown',
          detail: r.error.problem?.detail ?? r.error.message,
          ruleIds: r.error.ruleIds,
          issues: r.error.issues,
        };
        completions.push({ id: change.id, outcome: 'rejected', at, rejection });
        rejections.push([change, rejection]);
      } else {
        retried++;
        failure ??= r.error ?? new Error(`${r.outcome} (${r.status})`);
        completions.push({
          id: change.id,
          outcome: 'retry',
          at,
          nextAttemptAt: retryAt,
          error: (r.error?.message ?? r.outcome).slice(0, 500),
        });
      }
    }
    await store.complete(worker, completions);
    for (const [mapping, truongId] of mappings) await issued(mapping, truongId);
    for (const [change, rejection] of rejections)
      await safely('onRejected', () => options.hooks?.onRejected?.(change, rejection));
    if (failure) {
      warn('eduvn sync: changes could not be delivered; they will be retried', {
        error: failure.message,
        changes: retried,
      });
      const error = failure;
      await safely('onRetry', () => options.hooks?.onRetry?.(error, retried));
    }
    return {
      delivered: completions.length - rejections.length - retried,
      rejected: rejections.length,
      retried,
      identifiersIssued: mappings.length,
    };
  };

  const outbox: Outbox = {
    async enqueue(input, o) {
      const at = now();
      const list = (Array.isArray(input) ? input : [input]) as readonly ChangeInput[];
      const changes = list.map((c) => toChange(c, at));
      if (options.massChange !== false && o?.confirm !== true) {
        const findings = await massChangeFindings(
          changes,
          { count: (t, e) => store.population(t, e), known: (keys) => store.knownKeys(keys) },
          options.massChange ?? {},
        );
        if (findings.length > 0) throw new MassChangeHold(findings);
      }
      await store.enqueue(changes, new Date(at));
      return changes;
    },

    async drain(o) {
      const total = { rounds: 0, delivered: 0, rejected: 0, retried: 0, identifiersIssued: 0 };
      const maxRounds = o?.maxRounds ?? Number.POSITIVE_INFINITY;
      while (total.rounds < maxRounds) {
        o?.signal?.throwIfAborted();
        const r = await round(o?.signal);
        if (!r) break;
        total.rounds++;
        total.delivered += r.delivered;
        total.rejected += r.rejected;
        total.retried += r.retried;
        total.identifiersIssued += r.identifiersIssued;
        if (r.delivered + r.rejected === 0) break;
      }
      return total;
    },

    async run(o) {
      const idleMs = o.idleMs ?? 1_000;
      while (!o.signal.aborted) {
        try {
          const report = await outbox.drain({ signal: o.signal });
          if (report.rounds === 0 || report.delivered + report.rejected === 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, idleMs);
              o.signal.addEventListener(
                'abort',
                () => {
                  clearTimeout(timer);
                  resolve();
                },
                { once: true },
              );
            });
          }
        } catch (error) {
          if (o.signal.aborted) return;
          warn('eduvn sync: the worker loop failed; it goes on', {
            error: (error as Error)?.message,
          });
          await new Promise((resolve) => setTimeout(resolve, idleMs));
        }
      }
    },

    async status(o) {
      const at = now();
      const summary = await store.summary(o?.oldest ?? 20);
      const { overdueBefore, atRiskBefore } = thresholds(at, settings);
      const counts = await store.deadlineCounts(new Date(overdueBefore), new Date(atRiskBefore));
      for (const c of summary.oldest) alert(c, at);
      return {
        at: new Date(at).toISOString(),
        deadlineHours: settings.deadlineHours,
        atRiskHours: settings.atRiskHours,
        pending: summary.counts.pending + summary.counts['in-flight'],
        inFlight: summary.counts['in-flight'],
        atRisk: counts.atRisk,
        overdue: counts.overdue,
        delivered: summary.counts.delivered,
        rejected: summary.counts.rejected,
        oldest: summary.oldest.map((c) => ({
          ...c,
          deadline: new Date(deadlineOf(c, settings)).toISOString(),
          deadlineState: deadlineState(c, at, settings),
        })),
      };
    },

    rejected: (limit = 100) => store.rejected(limit),

    async requeue(id, record) {
      const newId = randomUUID();
      await store.requeue([{ id, newId, ...(record ? { record } : {}) }], new Date(now()));
      return newId;
    },
  };
  return outbox;
}
