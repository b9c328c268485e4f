import { OutboxStoreError } from './errors.ts';

/**
 * The bounds every store applies, so that nothing a caller passes makes a store accumulate without
 * limit.
 */
export const STORE_LIMITS = {
  /** The largest `limit` a method takes, and the longest list a method takes in one call. */
  maxBatch: 10_000,
  /** The longest lease a claim or a renewal may ask for, in milliseconds (one day). */
  maxLeaseMs: 86_400_000,
  /** The default cap on a record's JSON (and a rejection's), in UTF-8 bytes (1 MiB). */
  defaultMaxRecordBytes: 1_048_576,
  /** The largest cap a store may be given (64 MiB). */
  maxMaxRecordBytes: 67_108_864,
  /**
   * The longest id, school id, entity, record key or worker id, in UTF-8 bytes (they are indexed:
   * PostgreSQL's B-tree takes at most about 2,700 bytes per entry).
   */
  maxIdentifierBytes: 512,
  /** A transport error kept as `lastError` is cut to this many characters (it is a diagnostic). */
  maxErrorLength: 4_096,
} as const;

/** Throws a `RangeError` unless `value` is an integer from 1 to {@link STORE_LIMITS}.maxBatch. */
export function checkLimit(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > STORE_LIMITS.maxBatch) {
    throw new RangeError(
      `${name} must be an integer from 1 to ${STORE_LIMITS.maxBatch}, not ${String(value)}`,
    );
  }
}

/** Throws a `RangeError` unless `list` is an array of at most {@link STORE_LIMITS}.maxBatch items. */
export function checkList(name: string, list: readonly unknown[]): void {
  if (!Array.isArray(list)) {
    throw new OutboxStoreError('invalid-input', `${name} must be an array`);
  }
  if (list.length > STORE_LIMITS.maxBatch) {
    throw new RangeError(
      `${name} holds ${list.length} items; at most ${STORE_LIMITS.maxBatch} are taken in one call`,
    );
  }
}

/** Throws a `RangeError` unless `leaseMs` is an integer from 1 ms to one day. */
export function checkLeaseMs(leaseMs: number): void {
  if (!Number.isInteger(leaseMs) || leaseMs < 1 || leaseMs > STORE_LIMITS.maxLeaseMs) {
    throw new RangeError(
      `leaseMs must be an integer from 1 to ${STORE_LIMITS.maxLeaseMs}, not ${String(leaseMs)}`,
    );
  }
}

/** The cap a store was given, checked (a `RangeError` beyond 1 byte to 64 MiB). */
export function checkMaxRecordBytes(value: number | undefined): number {
  const bytes = value ?? STORE_LIMITS.defaultMaxRecordBytes;
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > STORE_LIMITS.maxMaxRecordBytes) {
    throw new RangeError(
      `maxRecordBytes must be an integer from 1 to ${STORE_LIMITS.maxMaxRecordBytes}, not ${String(value)}`,
    );
  }
  return bytes;
}

/** The earliest instant a store takes (1000-01-01T00:00:00Z). */
const EARLIEST = Date.UTC(1000, 0, 1);
/** The latest instant a store takes (9000-01-01T00:00:00Z), leaving room for leases after it. */
const LATEST = Date.UTC(9000, 0, 1);

/** Whether an instant (ms) is one every store can keep: from the year 1000 to the year 9000. */
export const inRange = (ms: number): boolean => ms >= EARLIEST && ms <= LATEST;

/**
 * The instant of a `Date` argument in milliseconds; an `OutboxStoreError` when it is not a valid
 * `Date` from the year 1000 to the year 9000.
 */
export function timeOf(name: string, value: Date): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms) || !inRange(ms)) {
    throw new OutboxStoreError(
      'invalid-input',
      `${name} must be a valid Date from the year 1000 to the year 9000`,
    );
  }
  return ms;
}

/** The number of UTF-8 bytes of a string (lone surrogates count 3, as they would be replaced). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether the UTF-8 form of `text` is longer than `max` bytes, without counting when not needed. */
export function longerThan(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return utf8Length(text) > max;
}
