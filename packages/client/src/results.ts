import type { ApiIssue, ApiMetadata, EduvnApiError } from './errors.ts';
import type { EntityName, EntityRecords } from './resources.ts';

/** What a write did. */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

/** A pupil code the database issued for a provisional identifier. */
export interface IdentifierIssued {
  /** Always `'HocSinh'`. */
  readonly entity: 'HocSinh';
  /** The provisional identifier sent (`TAM-…`). */
  readonly from: string;
  /** The issued `hocSinhId`. */
  readonly to: string;
}

/** The answer to a write of one record. */
export interface UpsertResult<E extends EntityName = EntityName> {
  /** What the write did. */
  readonly outcome: WriteOutcome;
  /** The entity. */
  readonly entity: E;
  /** The school. */
  readonly truongId: string;
  /** The record's key after TRUONG_ID, by QĐ 4998 symbol. */
  readonly key: Readonly<Record<string, string>>;
  /** The record's version. */
  readonly version: number;
  /** The record as stored, canonical. */
  readonly record: EntityRecords[E];
  /** When the information arose and when the server received it (ISO 8601). */
  readonly occurredAt: string;
  /** When the server received it. */
  readonly receivedAt: string;
  /** Whether it arrived after the push deadline (`PUSH.DEADLINE.001`). */
  readonly late: boolean;
  /** Queries (and the late-push notice) that did not stop the write. */
  readonly warnings: readonly ApiIssue[];
  /** Present when the server issued a pupil code for a provisional identifier. */
  readonly identifierIssued?: IdentifierIssued;
  /** `true` when the server kept a newer version (this write arose earlier): not applied. */
  readonly stale?: boolean;
  /** Attempts and waiting. */
  readonly $metadata: ApiMetadata;
}

/** The answer to a status event. */
export interface EventResult extends UpsertResult<'SuKienTrangThai'> {
  /** The person after the event. */
  readonly person: {
    /** A pupil or a staff member. */
    readonly entity: 'HocSinh' | 'CanBo';
    /** Their key by symbol. */
    readonly key: Readonly<Record<string, string>>;
    /** Their record's version. */
    readonly version: number;
    /** Their status now. */
    readonly status: string;
  };
}

/** A stored record as `get` reads it. */
export interface StoredRecord<E extends EntityName = EntityName> {
  /** The entity. */
  readonly entity: E;
  /** The school. */
  readonly truongId: string;
  /** Its key by symbol. */
  readonly key: Readonly<Record<string, string>>;
  /** Its version. */
  readonly version: number;
  /** When it was first received, and last changed. */
  readonly createdAt: string;
  /** When it last changed. */
  readonly updatedAt: string;
  /** The record, canonical. */
  readonly record: EntityRecords[E];
}

/** One item of a batch: the record and when its information arose. */
export interface BatchItem<E extends EntityName = EntityName> {
  /** The entity (`'SuKienTrangThai'` records a status event). */
  readonly entity: E;
  /** The canonical record; its `truongId` names the school. */
  readonly record: EntityRecords[E];
  /** When the information arose (ISO 8601 with an offset). */
  readonly occurredAt?: string;
}

/** What happened to one item of a batch. */
export interface BatchItemOutcome {
  /** The item's index in the input. */
  readonly index: number;
  /**
   * `created`, `updated`, `unchanged`; `rejected` when the server refused the item (`error` says
   * why, with its rule ids); `failed` when its chunk got no answer after the retries (`error`).
   */
  readonly outcome: WriteOutcome | 'rejected' | 'failed';
  /** The item's HTTP status (0 for `failed`). */
  readonly status: number;
  /** The record's key by symbol (written items). */
  readonly key?: Readonly<Record<string, string>>;
  /** The record's version (written items). */
  readonly version?: number;
  /** Whether it came after the push deadline (written items). */
  readonly late?: boolean;
  /** Queries (written items). */
  readonly warnings?: readonly ApiIssue[];
  /** A pupil code issued for a provisional identifier. */
  readonly identifierIssued?: IdentifierIssued;
  /** `true` when the server kept a newer version (this item arose earlier): not applied. */
  readonly stale?: boolean;
  /** Why the item was refused or failed. */
  readonly error?: EduvnApiError;
}

/** The answer to {@link BatchItem}s. */
export interface BatchOutcome {
  /** One outcome per item, in input order. */
  readonly results: readonly BatchItemOutcome[];
  /** How many items had each outcome. */
  readonly summary: Readonly<Record<BatchItemOutcome['outcome'], number>>;
}

/** Progress of a batch. */
export interface BatchProgress {
  /** Items answered so far. */
  readonly done: number;
  /** All items. */
  readonly total: number;
  /** Items refused or failed so far. */
  readonly failed: number;
}

/** One entry of the delta feed, canonical. */
export interface Change {
  /** Its position: keep the last one and pass it as `since` to continue. */
  readonly seq: number;
  /** A record written, a status event, or a pupil code issued. */
  readonly type: 'upsert' | 'status-event' | 'identifier-issued';
  /** The school. */
  readonly truongId: string;
  /** The entity. */
  readonly entity: string;
  /** The record's key by symbol. */
  readonly key: Readonly<Record<string, string>>;
  /** The record's version (records and events). */
  readonly version?: number;
  /** When the information arose. */
  readonly occurredAt: string;
  /** When the server received it. */
  readonly receivedAt: string;
  /** Whether it arrived after the push deadline. */
  readonly late: boolean;
  /** The record or event as written, canonical (records and events). */
  readonly record?: Readonly<Record<string, unknown>>;
  /** The issued code (identifier-issued). */
  readonly identifierIssued?: IdentifierIssued;
}
