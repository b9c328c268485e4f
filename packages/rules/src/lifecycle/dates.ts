import { isIsoDate } from '@eduvn/text';

/**
 * Vietnam's offset from UTC in minutes (UTC+07:00, no daylight saving time). The day on which an
 * event was recorded is taken in Vietnam time, whatever offset its `ngayGhiNhan` is written with
 * (eduvn's choice: a school in Vietnam records in Vietnam's day).
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

/** The RFC 3339 date-time shape `@eduvn/standard` accepts for `ngayGhiNhan`. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,9}))?(?:(Z)|([+-])([01]\d|2[0-3]):([0-5]\d))$/;

/**
 * The instant (milliseconds since the epoch) of an RFC 3339 date-time with an offset
 * (`2025-09-05T08:30:00+07:00`, `2025-09-05T01:30:00.250Z`), or `undefined` when the value is not
 * one (of the shape `@eduvn/standard` accepts, on a calendar date). Fractions beyond milliseconds
 * are cut, never rounded, so an instant never moves to the next millisecond.
 */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_TIME.exec(value);
  if (m === null || !isIsoDate(value.slice(0, 10))) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = m;
  const ms = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    ms,
  );
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  // Date.UTC maps years 0–99 to 1900–1999; such dates are not school data, but stay exact.
  const fixed = Number(y) < 100 ? new Date(local).setUTCFullYear(Number(y)) : local;
  return fixed - offset * 60_000;
}

/** The ISO day (`yyyy-mm-dd`) of an instant in Vietnam time (UTC+07:00). */
export function vietnamDayOf(instant: number): string {
  return new Date(instant + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/**
 * Whether an event was recorded before the day its change takes effect: the Vietnam day of
 * `recordedAt` is earlier than `effectiveDate`. `false` when either value is malformed (the schema
 * reports those).
 *
 * @example
 * ```ts
 * recordedBeforeEffective('2025-09-05', '2025-09-04T23:30:00Z'); // false: 06:30 on the 5th in Vietnam
 * recordedBeforeEffective('2025-09-05', '2025-09-04T16:00:00+07:00'); // true
 * ```
 */
export function recordedBeforeEffective(effectiveDate: unknown, recordedAt: unknown): boolean {
  if (!isIsoDate(effectiveDate)) return false;
  const instant = instantOf(recordedAt);
  return instant !== undefined && vietnamDayOf(instant) < effectiveDate;
}
