import { OutboxStoreError } from './errors.ts';
import { checkList, inRange, longerThan, STORE_LIMITS, timeOf } from './limits.ts';
import type { Completion, OutboxChange, Rejection } from './types.ts';

/** A change checked and ready to write: its record as JSON text, its `occurredAt` in milliseconds. */
export interface NewChange {
  /** The change's id. */
  readonly id: string;
  /** The school. */
  readonly truongId: string;
  /** The entity. */
  readonly entity: string;
  /** The record key. */
  readonly recordKey: string;
  /** Upsert or event. */
  readonly kind: 'upsert' | 'event';
  /** The record as JSON text (what every store keeps). */
  readonly record: string;
  /** `occurredAt` as the host gave it. */
  readonly occurredAt: string;
  /** Its instant, in milliseconds since the epoch (for ordering across offsets). */
  readonly occurredAtMs: number;
}

/** A completion checked and ready to apply. */
export interface CheckedCompletion {
  /** The change's id. */
  readonly id: string;
  /** What happened. */
  readonly outcome: 'delivered' | 'rejected' | 'retry';
  /** When, in milliseconds since the epoch. */
  readonly atMs: number;
  /** `retry`: not before. */
  readonly nextAttemptAtMs?: number;
  /** `retry`: the transport error, cut to {@link STORE_LIMITS}.maxErrorLength characters. */
  readonly error?: string;
  /** `rejected`: the rejection as JSON text. */
  readonly rejection?: string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `value` if it is a usable identifier (an id, a school id, an entity, a record key, a worker id):
 * a non-empty string of at most {@link STORE_LIMITS}.maxIdentifierBytes UTF-8 bytes, without NUL
 * characters (PostgreSQL's text cannot hold them) or lone surrogates (UTF-8 cannot) — so that
 * every store keeps it verbatim. An `OutboxStoreError` otherwise.
 */
export function checkIdentifier(what: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new OutboxStoreError('invalid-input', `${what} must be a non-empty string`);
  }
  if (longerThan(value, STORE_LIMITS.maxIdentifierBytes)) {
    throw new OutboxStoreError(
      'invalid-input',
      `${what} is longer than ${STORE_LIMITS.maxIdentifierBytes} bytes`,
    );
  }
  if (value.includes('\0')) {
    throw new OutboxStoreError('invalid-input', `${what} holds a NUL character`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new OutboxStoreError(
      'invalid-input',
      `${what} holds a lone surrogate (not valid UTF-16)`,
    );
  }
  return value;
}

const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `occurredAt` in milliseconds, if it is an ISO 8601 date-time with an offset. */
function occurredAtMs(id: string, value: unknown): number {
  const ms = typeof value === 'string' && ISO_WITH_OFFSET.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms) || !inRange(ms)) {
    throw new OutboxStoreError(
      'invalid-input',
      `Change ${JSON.stringify(id)}: occurredAt must be an ISO 8601 date-time with an offset (2025-09-05T08:30:00+07:00), from the year 1000 to 9000`,
    );
  }
  return ms;
}

/**
 * JSON text of a plain object (a record or a rejection), at most `maxBytes` UTF-8 bytes: an
 * `OutboxStoreError` (`'invalid-input'`) when it is not an object or cannot be serialized (a
 * cycle, a `BigInt`), `'too-large'` beyond the cap. Values JSON drops (`undefined`, functions)
 * are dropped, as `JSON.stringify` does.
 */
export function encodeObject(what: string, value: unknown, maxBytes: number): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OutboxStoreError('invalid-input', `${what} must be a JSON object`);
  }
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new OutboxStoreError(
      'invalid-input',
      `${what} cannot be serialized as JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (longerThan(json, maxBytes)) {
    throw new OutboxStoreError('too-large', `${what} is larger than ${maxBytes} bytes as JSON`);
  }
  return json;
}

/** A change checked (see {@link checkIdentifier} and {@link encodeObject}), ready to write. */
export function checkChange(change: OutboxChange, maxRecordBytes: number): NewChange {
  if (typeof change !== 'object' || change === null) {
    throw new OutboxStoreError('invalid-input', 'A change must be an object');
  }
  const id = checkIdentifier('A change id', change.id);
  const what = `Change ${JSON.stringify(id)}`;
  const kind = change.kind;
  if (kind !== 'upsert' && kind !== 'event') {
    throw new OutboxStoreError('invalid-input', `${what}: kind must be 'upsert' or 'event'`);
  }
  return {
    id,
    truongId: checkIdentifier(`${what}: truongId`, change.truongId),
    entity: checkIdentifier(`${what}: entity`, change.entity),
    recordKey: checkIdentifier(`${what}: recordKey`, change.recordKey),
    kind,
    record: encodeObject(`${what}: the record`, change.record, maxRecordBytes),
    occurredAt: change.occurredAt,
    occurredAtMs: occurredAtMs(id, change.occurredAt),
  };
}

/** The changes of an `enqueue` call, checked. */
export function checkChanges(
  changes: readonly OutboxChange[],
  maxRecordBytes: number,
): NewChange[] {
  checkList('changes', changes);
  return changes.map((c) => checkChange(c, maxRecordBytes));
}

/** A rejection as JSON text (its five members, in order), checked. */
function encodeRejection(id: string, rejection: Rejection, maxBytes: number): string {
  const what = `The rejection of change ${JSON.stringify(id)}`;
  if (
    typeof rejection !== 'object' ||
    rejection === null ||
    !Number.isInteger(rejection.status) ||
    typeof rejection.type !== 'string' ||
    typeof rejection.detail !== 'string' ||
    !Array.isArray(rejection.ruleIds) ||
    !rejection.ruleIds.every((r) => typeof r === 'string') ||
    !Array.isArray(rejection.issues)
  ) {
    throw new OutboxStoreError(
      'invalid-input',
      `${what} must have status (an integer), type, detail (strings), ruleIds (strings) and issues (an array)`,
    );
  }
  const { status, type, detail, ruleIds, issues } = rejection;
  return encodeObject(what, { status, type, detail, ruleIds, issues }, maxBytes);
}

/**
 * The completions of a `complete` call, checked; an id given twice counts once (the first).
 */
export function checkCompletions(
  completions: readonly Completion[],
  maxRecordBytes: number,
): CheckedCompletion[] {
  checkList('completions', completions);
  const seen = new Set<string>();
  const out: CheckedCompletion[] = [];
  for (const c of completions) {
    if (typeof c !== 'object' || c === null) {
      throw new OutboxStoreError('invalid-input', 'A completion must be an object');
    }
    const id = checkIdentifier('A completion id', c.id);
    const atMs = timeOf(`The completion of ${JSON.stringify(id)}: at`, c.at);
    let checked: CheckedCompletion;
    switch (c.outcome) {
      case 'delivered':
        checked = { id, outcome: 'delivered', atMs };
        break;
      case 'rejected':
        checked = {
          id,
          outcome: 'rejected',
          atMs,
          rejection: encodeRejection(id, c.rejection, maxRecordBytes),
        };
        break;
      case 'retry':
        checked = {
          id,
          outcome: 'retry',
          atMs,
          nextAttemptAtMs: timeOf(
            `The completion of ${JSON.stringify(id)}: nextAttemptAt`,
            c.nextAttemptAt,
          ),
          error: cutError(c.error),
        };
        break;
      default:
        throw new OutboxStoreError(
          'invalid-input',
          `The completion of ${JSON.stringify(id)}: outcome must be 'delivered', 'rejected' or 'retry'`,
        );
    }
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(checked);
  }
  return out;
}

/** A transport error cut to {@link STORE_LIMITS}.maxErrorLength characters, never inside a surrogate pair. */
function cutError(error: unknown): string {
  const text = typeof error === 'string' ? error : String(error);
  if (text.length <= STORE_LIMITS.maxErrorLength) return text;
  const end = STORE_LIMITS.maxErrorLength;
  const high = text.charCodeAt(end - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? end - 1 : end);
}

/** The record keys of a `knownKeys` call, checked and without repeats. */
export function checkRecordKeys(recordKeys: readonly string[]): string[] {
  checkList('recordKeys', recordKeys);
  return [...new Set(recordKeys.map((k) => checkIdentifier('A record key', k)))];
}

/** The ids of a `renew` call, checked and without repeats. */
export function checkIds(ids: readonly string[]): string[] {
  checkList('ids', ids);
  return [...new Set(ids.map((id) => checkIdentifier('An id', id)))];
}
