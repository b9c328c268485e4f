import type { WireObject } from '@eduvn/standard';
import type { ApiIssue, ProblemDocument } from './problems.ts';

/** What a write did: created the record, changed it, or found it already as sent. */
export type WriteOutcomeKind = 'created' | 'updated' | 'unchanged';

/** A pupil code the database issued for a provisional identifier (`TAM-…`). */
export interface IdentifierIssued {
  /** Always `'HocSinh'`. */
  readonly entity: 'HocSinh';
  /** The provisional identifier the client sent; it keeps resolving to the record. */
  readonly from: string;
  /** The issued `HOC_SINH_ID`. */
  readonly to: string;
}

/** The answer to a write (`PUT`, a status event, one item of a batch that succeeded). */
export interface WriteResult {
  /** What the write did. */
  readonly outcome: WriteOutcomeKind;
  /** The entity (`'HocSinh'`). */
  readonly entity: string;
  /** The school. */
  readonly truongId: string;
  /** The record's key after TRUONG_ID, by QĐ 4998 symbol (`{ HOC_SINH_ID: '…' }`). */
  readonly key: Readonly<Record<string, string>>;
  /** The record's version after the write (1 when created; unchanged writes keep it). */
  readonly version: number;
  /** When the information arose, as the client said (`X-Occurred-At`, or receipt when absent). */
  readonly occurredAt: string;
  /** When the server received it. */
  readonly receivedAt: string;
  /** Whether it arrived after the push deadline (`PUSH.DEADLINE.001`; seed regulation Art. 6 cl. 2). */
  readonly late: boolean;
  /** Issues that did not stop the write: queries, and `PUSH.DEADLINE.001` when late. */
  readonly warnings: readonly ApiIssue[];
  /** Present when the server issued a pupil code for a provisional identifier. */
  readonly identifierIssued?: IdentifierIssued;
  /**
   * `true` when the write was not applied because the stored version's information arose later
   * (a late retry): the outcome is then `unchanged` and `data` the newer stored record.
   */
  readonly stale?: boolean;
}

/** The answer to `PUT` of one record: the write result with the record as stored. */
export interface RecordResult extends WriteResult {
  /** The record as stored, a wire object. */
  readonly data: WireObject;
}

/** The person a status event is about, after it. */
export interface PersonStatus {
  /** A pupil or a staff member. */
  readonly entity: 'HocSinh' | 'CanBo';
  /** Their key (`{ HOC_SINH_ID: '…' }`). */
  readonly key: Readonly<Record<string, string>>;
  /** Their record's version after the event. */
  readonly version: number;
  /** Their current status code (the latest event's `TRANG_THAI_SAU`). */
  readonly status: string;
}

/** The answer to a status event: the event recorded and the person's new status. */
export interface EventResult extends RecordResult {
  /** The person the event is about, after it. */
  readonly person: PersonStatus;
}

/** A batch item that was written. */
export interface BatchItemWritten extends WriteResult {
  /** The item's position in the batch. */
  readonly index: number;
  /** 201 created, 200 updated or unchanged. */
  readonly status: 200 | 201;
}

/** A batch item that was refused, with its problem (and rule ids). */
export interface BatchItemRejected {
  /** The item's position in the batch. */
  readonly index: number;
  /** The status the item would have had on its own (400, 403, 404, 409, 422). */
  readonly status: number;
  /** Always `'rejected'`. */
  readonly outcome: 'rejected';
  /** Why, as a problem document (without the request's instance and correlation id). */
  readonly problem: Omit<ProblemDocument, 'instance' | 'correlationId'>;
}

/** The answer for one item of a batch. */
export type BatchItemResult = BatchItemWritten | BatchItemRejected;

/** The answer to `POST /v1/batches`. */
export interface BatchResult {
  /** One result per item, in the order of the items. */
  readonly results: readonly BatchItemResult[];
  /** How many items had each outcome. */
  readonly summary: Readonly<Record<WriteOutcomeKind | 'rejected', number>>;
}

/** One entry of the delta feed (`GET /v1/changes`). */
export interface ChangeEntry {
  /** Its position: pass the last one as `since` to continue. */
  readonly seq: number;
  /** A record written, a status event recorded, or a pupil code issued. */
  readonly type: 'upsert' | 'status-event' | 'identifier-issued';
  /** The school. */
  readonly truongId: string;
  /** The entity. */
  readonly entity: string;
  /** The record's key after TRUONG_ID, by symbol. */
  readonly key: Readonly<Record<string, string>>;
  /** The record's version (absent for identifier issuance). */
  readonly version?: number;
  /** When the information arose. */
  readonly occurredAt: string;
  /** When the server received it. */
  readonly receivedAt: string;
  /** Whether it arrived after the push deadline. */
  readonly late: boolean;
  /** The record (or event) as written; for `identifier-issued`, `{ from, to }`. */
  readonly data: WireObject;
}

/** A stored record as `GET` returns it. */
export interface RecordView {
  /** The entity. */
  readonly entity: string;
  /** The school. */
  readonly truongId: string;
  /** The record's key after TRUONG_ID, by symbol. */
  readonly key: Readonly<Record<string, string>>;
  /** Its version (also the `ETag`). */
  readonly version: number;
  /** When it was first received. */
  readonly createdAt: string;
  /** When it last changed. */
  readonly updatedAt: string;
  /** The record, a wire object. */
  readonly data: WireObject;
}
