import { expect } from 'vitest';
import type { OutboxStoreErrorCode } from '../errors.ts';
import type { OutboxChange, OutboxStore, StoredChange } from '../types.ts';

/** Makes a fresh, empty store for one test (the suite closes it after). */
export type OutboxStoreFactory = () => OutboxStore | Promise<OutboxStore>;

/**
 * Several handles (connections, pools) onto one fresh outbox, for the tests of concurrent claims
 * across handles — what several processes sharing one outbox do.
 */
export interface SharedOutbox {
  /** Opens another handle onto the same outbox. */
  open(): Promise<OutboxStore>;
  /** Removes the outbox once its handles are closed (a temporary file, a schema). */
  dispose(): Promise<void>;
}

/** Options of {@link testOutboxStore}. */
export interface TestOutboxStoreOptions {
  /**
   * Opens several handles onto one fresh outbox; when given, the suite also checks that handles
   * claiming at once get disjoint work, one change per record at a time.
   */
  readonly shared?: () => Promise<SharedOutbox>;
  /** The store's cap on a record's JSON, in UTF-8 bytes (default 1 MiB, the stores' default). */
  readonly maxRecordBytes?: number;
  /** How many random runs each property test makes (default 30). */
  readonly propertyRuns?: number;
  /** The timeout of each test, in milliseconds (default 60,000). */
  readonly timeoutMs?: number;
}

/** What the suite's groups of tests share. */
export interface SuiteContext {
  /** Runs `fn` on a fresh store and closes the store after. */
  readonly withStore: (fn: (store: OutboxStore) => Promise<void>) => () => Promise<void>;
  /** See {@link TestOutboxStoreOptions}. */
  readonly shared: TestOutboxStoreOptions['shared'];
  /** The store's record cap. */
  readonly maxRecordBytes: number;
  /** Runs per property. */
  readonly propertyRuns: number;
  /** Per test. */
  readonly timeoutMs: number;
}

/** The suite's clock starts here: 2030-01-01T00:00:00Z. */
export const T0 = Date.UTC(2030, 0, 1);

/** The instant `ms` after {@link T0}. */
export const at = (ms: number): Date => new Date(T0 + ms);

/** {@link at} as ISO 8601 text. */
export const isoAt = (ms: number): string => at(ms).toISOString();

/** The record key the suite gives a pupil's change: entity, school and pupil id. */
export const keyOf = (
  entity: string,
  truongId: string,
  record: Readonly<Record<string, unknown>>,
) => JSON.stringify([entity, truongId, record['hocSinhId']]);

/** A pupil's change, with the record key {@link keyOf} gives it. */
export function change(
  id: string,
  pupil = 'HS-1',
  extra: Partial<OutboxChange> & { readonly fields?: Readonly<Record<string, unknown>> } = {},
): OutboxChange {
  const { fields, ...rest } = extra;
  const entity = rest.entity ?? 'HocSinh';
  const truongId = rest.truongId ?? '79000701';
  const record = rest.record ?? { hocSinhId: pupil, hoTen: 'Nguyễn Văn An', ...fields };
  return {
    id,
    truongId,
    entity,
    recordKey: keyOf(entity, truongId, record),
    kind: 'upsert',
    record,
    occurredAt: '2030-01-01T07:00:00+07:00',
    ...rest,
  };
}

/** Claims everything due at `now` for `worker` (lease 1 s). */
export const claimAll = (
  store: OutboxStore,
  worker: string,
  now: number,
): Promise<StoredChange[]> => store.claim({ worker, limit: 100, leaseMs: 1_000, now: at(now) });

/** The ids of changes. */
export const ids = (changes: readonly { readonly id: string }[]): string[] =>
  changes.map((c) => c.id);

/** Asserts that `promise` rejects with an `OutboxStoreError` of this code (by name and code, so a vendor's copy of the class passes). */
export async function rejectsWith(promise: Promise<unknown>, code: OutboxStoreErrorCode) {
  await expect(promise).rejects.toMatchObject({ name: 'OutboxStoreError', code });
}

/** Delivers changes the worker holds, at `now`. */
export const deliver = (
  store: OutboxStore,
  worker: string,
  changes: readonly { id: string }[],
  now: number,
) =>
  store.complete(
    worker,
    changes.map((c) => ({ id: c.id, outcome: 'delivered' as const, at: at(now) })),
  );

/** A rejection as the client would report it. */
export const REJECTION = {
  status: 422,
  type: 'urn:eduvn:problem:validation',
  detail: 'Ngày sinh không hợp lệ',
  ruleIds: ['HS.NGAY_SINH'],
  issues: [{ ruleId: 'HS.NGAY_SINH', pointer: '/NGAY_SINH', message: 'Ngày sinh sai' }],
} as const;
