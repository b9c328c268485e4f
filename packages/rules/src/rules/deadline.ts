import { perRecord } from '../core/record-scope.ts';
import { defineRule, type RecordContext, type RecordRule } from '../core/rule.ts';
import { onlyWithSync } from '../core/sync-gate.ts';
import type { InputRecord, RuleSettings } from '../core/types.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Vietnam's offset from UTC (no daylight saving time). */
const VIETNAM_OFFSET_MINUTES = 7 * 60;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|([+-])(\d{2}):?(\d{2}))$/;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysIn = (year: number, month: number): number =>
  month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] ?? 0);

/**
 * The instant (milliseconds since the epoch) of an ISO 8601 / RFC 3339 date-time **with an offset**
 * (`2026-05-30T08:15:00+07:00`, `2026-05-30T01:15:00Z`; seconds and fractions optional, `T` or a
 * space, `+0700` accepted), or `undefined` when the text is not one — a date alone, a date-time
 * without an offset (it would depend on the machine's time zone), or an impossible date or time.
 * Never uses the local time zone.
 *
 * @example
 * ```ts
 * parseIsoDateTime('2026-05-30T07:00:00+07:00') === parseIsoDateTime('2026-05-30T00:00:00Z') // true
 * parseIsoDateTime('2026-05-30T07:00:00') // undefined: no offset
 * ```
 */
export function parseIsoDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millis));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() - offset * MINUTE;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An instant written in Vietnam time, `yyyy-mm-ddThh:mm:ss+07:00`. */
export function toVietnamTime(instant: number): string {
  const d = new Date(instant + VIETNAM_OFFSET_MINUTES * MINUTE);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
}

/**
 * The check time of the deadline rules: the end of `settings.asOf` in Vietnam,
 * `{asOf}T23:59:59+07:00`. The rules never read the machine's clock, so a report is reproducible
 * from its settings: "as of 31 May" means "at the end of 31 May, Vietnam time". Pass today's date
 * as `asOf` (the default) to check against now, to within a day.
 */
export function deadlineCheckTime(settings: Pick<RuleSettings, 'asOf'>): number {
  return parseIsoDateTime(`${settings.asOf}T23:59:59+07:00`) as number;
}

/** A duration as hours and minutes, in both languages (`49 giờ 05 phút`, `49 h 05 min`). */
function duration(ms: number): { readonly vi: string; readonly en: string } {
  const total = Math.floor(Math.abs(ms) / MINUTE);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return { vi: `${h} giờ ${pad(m)} phút`, en: `${h} h ${pad(m)} min` };
}

/** What the sync bookkeeping of a record says, once parsed. */
type Timing =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'malformed';
      readonly which: 'occurredAt' | 'pushedAt';
      readonly value: string;
    }
  | { readonly kind: 'ok'; readonly occurred: number; readonly pushed: number | undefined };

const NO_TIMING: Timing = Object.freeze({ kind: 'none' });

/** What the sync bookkeeping of a record says, read once per record for the five rules. */
const timingOf = perRecord((item: InputRecord): Timing => {
  const sync = item.sync;
  if (!sync || sync.occurredAt === undefined) return NO_TIMING;
  const occurred =
    typeof sync.occurredAt === 'string' ? parseIsoDateTime(sync.occurredAt) : undefined;
  if (occurred === undefined)
    return { kind: 'malformed', which: 'occurredAt', value: String(sync.occurredAt) };
  if (sync.pushedAt === undefined) return { kind: 'ok', occurred, pushed: undefined };
  const pushed = typeof sync.pushedAt === 'string' ? parseIsoDateTime(sync.pushedAt) : undefined;
  if (pushed === undefined)
    return { kind: 'malformed', which: 'pushedAt', value: String(sync.pushedAt) };
  return { kind: 'ok', occurred, pushed };
});

const BASIS = 'seed regulation Art. 6 cl. 2 (possibly a local rule)';

const shorten = (s: string): string => {
  const chars = [...s];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : s;
};

/**
 * `PUSH.DEADLINE.001`: a change pushed to the city database more than `settings.deadlineHours`
 * (default 48) after it arose (`sync.pushedAt − sync.occurredAt`). Exactly the window is in time.
 * The 48 hours come from the seed regulation (Art. 6 cl. 2) and may be a local rule, hence the
 * setting.
 */
export const pushedLate: RecordRule = defineRule({
  id: 'PUSH.DEADLINE.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: BASIS,
  message: {
    vi: 'Thay đổi phát sinh lúc {occurredAt} được đẩy lên CSDL lúc {pushedAt}, sau {elapsedVi}: quá thời hạn {hours} giờ',
    en: 'The change that arose at {occurredAt} was pushed to the city database at {pushedAt}, {elapsedEn} later: over the {hours}-hour deadline',
  },
  hint: {
    vi: 'Đẩy thông tin mới trong vòng {hours} giờ kể từ khi phát sinh; kiểm tra hàng đợi đồng bộ và lịch đẩy dữ liệu',
    en: 'Push new information within {hours} hours of its arising; check the sync outbox and the push schedule',
  },
  check(item: InputRecord, ctx: RecordContext) {
    const t = timingOf(item, ctx.settings);
    if (t.kind !== 'ok' || t.pushed === undefined) return;
    const window = ctx.settings.deadlineHours * HOUR;
    const elapsed = t.pushed - t.occurred;
    if (elapsed <= window) return;
    const d = duration(elapsed);
    ctx.report({
      params: {
        occurredAt: toVietnamTime(t.occurred),
        pushedAt: toVietnamTime(t.pushed),
        elapsedVi: d.vi,
        elapsedEn: d.en,
        hours: ctx.settings.deadlineHours,
      },
    });
  },
});

/**
 * `PUSH.DEADLINE.002`: a change not pushed yet (no `sync.pushedAt`) whose window has closed at the
 * check time — the end of `settings.asOf`, Vietnam time (see {@link deadlineCheckTime}).
 */
export const notPushedOverdue: RecordRule = defineRule({
  id: 'PUSH.DEADLINE.002',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: BASIS,
  message: {
    vi: 'Thay đổi phát sinh lúc {occurredAt} chưa được đẩy lên CSDL; hạn {hours} giờ đã hết lúc {deadline} (kiểm tra lúc {checkedAt})',
    en: 'The change that arose at {occurredAt} has not been pushed to the city database; the {hours}-hour deadline passed at {deadline} (checked at {checkedAt})',
  },
  hint: {
    vi: 'Đẩy bản ghi lên CSDL ngay và ghi lại thời điểm đẩy (sync.pushedAt)',
    en: 'Push the record now and record when it was pushed (sync.pushedAt)',
  },
  check(item: InputRecord, ctx: RecordContext) {
    const t = timingOf(item, ctx.settings);
    if (t.kind !== 'ok' || t.pushed !== undefined) return;
    const now = deadlineCheckTime(ctx.settings);
    const deadline = t.occurred + ctx.settings.deadlineHours * HOUR;
    if (now <= deadline) return;
    ctx.report({
      params: {
        occurredAt: toVietnamTime(t.occurred),
        deadline: toVietnamTime(deadline),
        checkedAt: toVietnamTime(now),
        hours: ctx.settings.deadlineHours,
      },
    });
  },
});

/**
 * `PUSH.DEADLINE.003`: a change not pushed yet whose window is still open at the check time but
 * closes in less than `settings.deadlineWarningHours` (default 12).
 */
export const notPushedDueSoon: RecordRule = defineRule({
  id: 'PUSH.DEADLINE.003',
  entity: '*',
  scope: 'record',
  severity: 'query',
  basis: BASIS,
  message: {
    vi: 'Thay đổi phát sinh lúc {occurredAt} chưa được đẩy lên CSDL; chỉ còn {leftVi} đến hạn {deadline}',
    en: 'The change that arose at {occurredAt} has not been pushed to the city database; only {leftEn} left before the deadline at {deadline}',
  },
  hint: {
    vi: 'Đẩy bản ghi lên CSDL trước {deadline}',
    en: 'Push the record before {deadline}',
  },
  check(item: InputRecord, ctx: RecordContext) {
    const t = timingOf(item, ctx.settings);
    if (t.kind !== 'ok' || t.pushed !== undefined) return;
    const now = deadlineCheckTime(ctx.settings);
    const deadline = t.occurred + ctx.settings.deadlineHours * HOUR;
    const left = deadline - now;
    if (left < 0 || left >= ctx.settings.deadlineWarningHours * HOUR) return;
    const d = duration(left);
    ctx.report({
      params: {
        occurredAt: toVietnamTime(t.occurred),
        deadline: toVietnamTime(deadline),
        leftVi: d.vi,
        leftEn: d.en,
      },
    });
  },
});

/**
 * `PUSH.TIME.001`: `sync.occurredAt` or `sync.pushedAt` is not an ISO 8601 date-time with an
 * offset (see {@link parseIsoDateTime}), so the deadline cannot be checked. A time without an
 * offset is refused rather than read in some time zone.
 */
export const malformedSyncTime: RecordRule = defineRule({
  id: 'PUSH.TIME.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: BASIS,
  message: {
    vi: 'Thời điểm sync.{which} "{value}" không phải ngày giờ ISO 8601 có múi giờ: không kiểm tra được hạn đẩy dữ liệu',
    en: 'sync.{which} "{value}" is not an ISO 8601 date-time with an offset: the push deadline cannot be checked',
  },
  hint: {
    vi: 'Ghi thời điểm kèm múi giờ, ví dụ 2026-05-30T08:15:00+07:00',
    en: 'Write the time with its offset, e.g. 2026-05-30T08:15:00+07:00',
  },
  check(item: InputRecord, ctx: RecordContext) {
    const t = timingOf(item, ctx.settings);
    if (t.kind === 'malformed') ctx.report({ params: { which: t.which, value: shorten(t.value) } });
  },
});

/** `PUSH.TIME.002`: `sync.pushedAt` is earlier than `sync.occurredAt` — a clock or bookkeeping slip. */
export const pushedBeforeOccurred: RecordRule = defineRule({
  id: 'PUSH.TIME.002',
  entity: '*',
  scope: 'record',
  severity: 'query',
  basis: BASIS,
  message: {
    vi: 'Thời điểm đẩy {pushedAt} sớm hơn thời điểm phát sinh {occurredAt}',
    en: 'The push time {pushedAt} is earlier than the time the change arose, {occurredAt}',
  },
  hint: {
    vi: 'Kiểm tra đồng hồ và múi giờ của phần mềm quản lý trường học',
    en: "Check the school software's clock and time zone",
  },
  check(item: InputRecord, ctx: RecordContext) {
    const t = timingOf(item, ctx.settings);
    if (t.kind !== 'ok' || t.pushed === undefined || t.pushed >= t.occurred) return;
    ctx.report({
      params: { pushedAt: toVietnamTime(t.pushed), occurredAt: toVietnamTime(t.occurred) },
    });
  },
});

/**
 * The 48-hour push rules (seed regulation Art. 6 cl. 2; possibly a local rule, so the window is
 * `settings.deadlineHours`), for every record with `sync.occurredAt`:
 *
 * - pushed (`sync.pushedAt`) more than the window after it arose → `PUSH.DEADLINE.001` (error);
 * - not pushed, and the window closed before the check time → `PUSH.DEADLINE.002` (error);
 * - not pushed, less than `settings.deadlineWarningHours` left → `PUSH.DEADLINE.003` (query);
 * - a time that is not an ISO 8601 date-time with an offset → `PUSH.TIME.001` (error);
 * - pushed before it arose → `PUSH.TIME.002` (query).
 *
 * The clock is data, not the machine's: the check time is the end of `settings.asOf` in Vietnam
 * (`{asOf}T23:59:59+07:00`, {@link deadlineCheckTime}); no setting was added for it. Times are
 * compared as instants, whatever offsets they are written with.
 */
export const deadlineRules: readonly RecordRule[] = [
  pushedLate,
  notPushedOverdue,
  notPushedDueSoon,
  malformedSyncTime,
  pushedBeforeOccurred,
];

// They read nothing but `item.sync`: the engine skips them for records without one.
for (const rule of deadlineRules) onlyWithSync(rule);
