import { generateSchool, recordsOf } from '@eduvn/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { InputRecord } from '../core/types.ts';
import { deadlineCheckTime, deadlineRules, parseIsoDateTime, toVietnamTime } from './deadline.ts';

const ASOF = '2026-05-31';
const H = 3_600_000;
const M = 60_000;

const item = (sync: InputRecord['sync']): InputRecord => ({
  entity: 'HocSinh',
  record: { hocSinhId: 'HS001', hoTen: 'Trần Thị Bình' },
  ...(sync === undefined ? {} : { sync }),
});

const check = (
  records: InputRecord[],
  options: { deadlineHours?: number; deadlineWarningHours?: number } = {},
) => runRules(records, deadlineRules, { asOf: ASOF, ...options });

const ids = async (records: InputRecord[], options = {}) =>
  (await check(records, options)).issues.map((i) => i.ruleId);

/** An instant written in UTC with a `Z`. */
const utc = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('parseIsoDateTime', () => {
  it('reads instants with offsets, never the local time zone', () => {
    const z = Date.UTC(2026, 4, 30, 1, 15);
    expect(parseIsoDateTime('2026-05-30T08:15:00+07:00')).toBe(z);
    expect(parseIsoDateTime('2026-05-30T01:15:00Z')).toBe(z);
    expect(parseIsoDateTime('2026-05-30T01:15Z')).toBe(z);
    expect(parseIsoDateTime('2026-05-29T21:15:00-04:00')).toBe(z);
    expect(parseIsoDateTime('2026-05-30 08:15:00+0700')).toBe(z);
    expect(parseIsoDateTime('2026-05-30T08:15:00.250+07:00')).toBe(z + 250);
    expect(parseIsoDateTime('2026-05-30T00:30:00+07:00')).toBe(Date.UTC(2026, 4, 29, 17, 30));
  });

  it('refuses what is not a date-time with an offset', () => {
    for (const bad of [
      '2026-05-30T08:15:00', // no offset: it would depend on the machine
      '2026-05-30',
      '2026-02-30T08:00:00Z',
      '2025-02-29T08:00:00Z',
      '2026-05-30T24:00:00Z',
      '2026-05-30T08:60:00Z',
      '2026-05-30T08:15:00+25:00',
      '30/05/2026 08:15',
      '',
      'soon',
    ]) {
      expect(parseIsoDateTime(bad), bad).toBeUndefined();
    }
    expect(parseIsoDateTime('2024-02-29T08:00:00Z')).toBe(Date.UTC(2024, 1, 29, 8));
  });

  it('round-trips any instant through any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (instant, offset) => {
          const ms = instant - (instant % 1000);
          const local = new Date(ms + offset * M);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const text = `${local.toISOString().slice(0, 19)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseIsoDateTime(text)).toBe(ms);
        },
      ),
    );
  });

  it('writes instants in Vietnam time', () => {
    expect(toVietnamTime(Date.UTC(2026, 4, 30, 20, 0))).toBe('2026-05-31T03:00:00+07:00');
  });
});

describe('PUSH.DEADLINE.001 — pushed more than the window after it arose', () => {
  const occurredAt = '2026-05-20T10:00:00+07:00';
  const occurred = parseIsoDateTime(occurredAt) as number;

  it('passes a push at 47 h 59 min and at exactly 48 h', async () => {
    expect(await ids([item({ occurredAt, pushedAt: utc(occurred + 47 * H + 59 * M) })])).toEqual(
      [],
    );
    expect(await ids([item({ occurredAt, pushedAt: utc(occurred + 48 * H) })])).toEqual([]);
  });

  it('fails a push at 48 h 01 min', async () => {
    const report = await check([item({ occurredAt, pushedAt: utc(occurred + 48 * H + M) })]);
    expect(report.issues.map((i) => [i.ruleId, i.severity])).toEqual([
      ['PUSH.DEADLINE.001', 'error'],
    ]);
    expect(report.issues[0]?.message.vi).toContain('48 giờ 01 phút');
    expect(report.issues[0]?.message.en).toContain('48 h 01 min');
    expect(report.issues[0]?.message.en).toContain('2026-05-20T10:00:00+07:00');
  });

  it('compares instants across offsets (+07:00 against Z)', async () => {
    // 10:00+07:00 is 03:00Z: a push at 02:59Z two days later is in time, at 03:01Z it is late.
    expect(await ids([item({ occurredAt, pushedAt: '2026-05-22T02:59:00Z' })])).toEqual([]);
    expect(await ids([item({ occurredAt, pushedAt: '2026-05-22T03:01:00Z' })])).toEqual([
      'PUSH.DEADLINE.001',
    ]);
    // Read naively (ignoring offsets), 10:00 → 09:59 two days later would look in time: it is 54 h 59 min.
    const late = await check([item({ occurredAt, pushedAt: '2026-05-22T09:59:00Z' })]);
    expect(late.issues.map((i) => i.ruleId)).toEqual(['PUSH.DEADLINE.001']);
    expect(late.issues[0]?.message.en).toContain('54 h 59 min');
  });

  it('uses the configured window (the 48 hours may be a local rule)', async () => {
    const sync = { occurredAt, pushedAt: utc(occurred + 30 * H) };
    expect(await ids([item(sync)])).toEqual([]);
    expect(await ids([item(sync)], { deadlineHours: 24 })).toEqual(['PUSH.DEADLINE.001']);
  });
});

describe('records not pushed yet, against the check time (end of asOf, Vietnam time)', () => {
  const now = deadlineCheckTime({ asOf: ASOF });

  it('checks at the end of asOf in Vietnam', () => {
    expect(now).toBe(Date.UTC(2026, 4, 31, 16, 59, 59));
  });

  it('PUSH.DEADLINE.002: fails once the window has closed (48 h 01 min ago)', async () => {
    const report = await check([item({ occurredAt: utc(now - 48 * H - M) })]);
    expect(report.issues.map((i) => [i.ruleId, i.severity])).toEqual([
      ['PUSH.DEADLINE.002', 'error'],
    ]);
    expect(report.issues[0]?.message.en).toContain('checked at 2026-05-31T23:59:59+07:00');
  });

  it('PUSH.DEADLINE.003: queries when less than the warning time is left (47 h 59 min ago)', async () => {
    const report = await check([item({ occurredAt: utc(now - 47 * H - 59 * M) })]);
    expect(report.issues.map((i) => [i.ruleId, i.severity])).toEqual([
      ['PUSH.DEADLINE.003', 'query'],
    ]);
    expect(report.issues[0]?.message.vi).toContain('0 giờ 01 phút');
  });

  it('says nothing while more than the warning time is left', async () => {
    expect(await ids([item({ occurredAt: utc(now - 36 * H + M) })])).toEqual([]);
    expect(await ids([item({ occurredAt: utc(now - 36 * H - M) })])).toEqual(['PUSH.DEADLINE.003']);
    expect(
      await ids([item({ occurredAt: utc(now - 36 * H - M) })], { deadlineWarningHours: 6 }),
    ).toEqual([]);
  });

  it('reads the same instant the same way whatever its offset', async () => {
    const occurred = now - 48 * H - M;
    expect(await ids([item({ occurredAt: toVietnamTime(occurred) })])).toEqual([
      'PUSH.DEADLINE.002',
    ]);
    expect(await ids([item({ occurredAt: utc(occurred + 2 * M) })])).toEqual(['PUSH.DEADLINE.003']);
  });
});

describe('PUSH.TIME.001 / 002 — the bookkeeping itself', () => {
  it('refuses a time without an offset or that is not a date-time', async () => {
    expect(await ids([item({ occurredAt: '2026-05-30T08:00:00' })])).toEqual(['PUSH.TIME.001']);
    const report = await check([
      item({ occurredAt: '2026-05-30T08:00:00+07:00', pushedAt: 'hôm qua <b>' }),
    ]);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['PUSH.TIME.001']);
    expect(report.issues[0]?.message.en).toContain('sync.pushedAt "hôm qua <b>"');
  });

  it('queries a push before the change arose', async () => {
    expect(
      await ids([
        item({ occurredAt: '2026-05-30T08:00:00+07:00', pushedAt: '2026-05-30T00:59:00Z' }),
      ]),
    ).toEqual(['PUSH.TIME.002']);
  });

  it('ignores records without sync.occurredAt', async () => {
    expect(
      await ids([item(undefined), item({}), item({ pushedAt: '2026-05-30T08:00:00+07:00' })]),
    ).toEqual([]);
  });

  it('finds nothing in a generated school (no sync bookkeeping)', async () => {
    const records = recordsOf(generateSchool({ seed: 3, pupils: 300 }));
    expect((await check(records)).issues).toEqual([]);
  });
});
