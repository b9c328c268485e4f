/**
 * A durable outbox in front of the city education database: every change a school's software
 * makes is delivered exactly once in effect, one record's changes in order and never by two
 * workers at once, with the 48-hour deadline watched, refusals kept in a dead-letter list,
 * provisional pupil identifiers re-keyed when the database issues a code, and runs that would
 * change too much at once held for confirmation. Stores: memory (here), SQLite
 * (`@eduvn/sync/sqlite`, the embedded default) and PostgreSQL (`@eduvn/sync/postgres`, many
 * workers on many machines); `@eduvn/sync/testing` is the conformance suite every store passes.
 *
 * @packageDocumentation
 */

export {
  type DeadlineSettings,
  type DeadlineState,
  deadlineOf,
  deadlineState,
} from './outbox/deadline.ts';
export { orderKeyOf, type PersonRef, personOfKey, recordKeyOf } from './outbox/keys.ts';
export {
  type MassChangeFinding,
  MassChangeHold,
  type MassChangeOptions,
} from './outbox/mass-change.ts';
export {
  type BackoffOptions,
  type ChangeInput,
  createOutbox,
  type DeadlineAlert,
  type DrainReport,
  type IdentifierMapping,
  type Outbox,
  type OutboxHooks,
  type OutboxLogger,
  type OutboxOptions,
  type OutboxStatus,
  type WaitingChange,
} from './outbox/outbox.ts';
export { OutboxStoreError, type OutboxStoreErrorCode } from './store/errors.ts';
export { STORE_LIMITS } from './store/limits.ts';
export { createMemoryStore, type MemoryStoreOptions } from './store/memory.ts';
export type {
  ChangeKind,
  ChangeState,
  ClaimRequest,
  Completion,
  DeadlineCounts,
  OutboxChange,
  OutboxStore,
  Rejection,
  RekeyRequest,
  RequeueRequest,
  StoredChange,
  StoreSummary,
} from './store/types.ts';
