/** What went wrong in an {@link OutboxStoreError}. */
export type OutboxStoreErrorCode =
  /** A change, completion or argument is malformed (an empty id, a NUL character, a bad date…). */
  | 'invalid-input'
  /** A record or a rejection is larger, as JSON, than the store accepts. */
  | 'too-large'
  /** `requeue` was given an id the store does not hold. */
  | 'not-found'
  /** `requeue` was given a change that is not rejected. */
  | 'not-rejected'
  /** `requeue`: the rejected change was already requeued under another id. */
  | 'already-requeued'
  /** `requeue`: the new id is already taken by an unrelated change. */
  | 'id-conflict'
  /** The store was used after `close`. */
  | 'closed'
  /** The file or schema holds something other than an eduvn outbox. */
  | 'not-an-outbox'
  /** The outbox was made by a newer version of `@eduvn/sync` (its schema is newer than this one). */
  | 'newer-schema'
  /** The database cannot be opened or reached, or failed a statement. */
  | 'database';

/**
 * An error of an outbox store: malformed input, a record over the size cap, a requeue of a change
 * that is not in the dead-letter list, a store used after it was closed, a database that cannot be
 * opened or is newer than this version. `code` tells which; the driver's own error, if any, is the
 * `cause`. Messages name ids and field names but never a record's values (they may hold personal
 * data). Limits out of range (`limit`, `leaseMs`, list lengths) are `RangeError`s instead.
 */
export class OutboxStoreError extends Error {
  /** Always `'OutboxStoreError'`. */
  override readonly name = 'OutboxStoreError';
  /** What went wrong. */
  readonly code: OutboxStoreErrorCode;

  /**
   * @param code - What went wrong.
   * @param message - A sentence for the person who reads the log.
   * @param options - The underlying error, as `cause`.
   */
  constructor(code: OutboxStoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** The error every method of a closed store throws. */
export const closedError = (store: string): OutboxStoreError =>
  new OutboxStoreError('closed', `The ${store} outbox store is closed`);
