import { createClient } from '@eduvn/client';
import { generateSchool } from '@eduvn/fixtures';
import { createSandbox, type Sandbox } from '@eduvn/sandbox';
import type { DanhGiaHocSinh, HocSinh, SuKienTrangThai } from '@eduvn/standard';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory.ts';
import type { OutboxStore } from '../store/types.ts';
import { MassChangeHold } from './mass-change.ts';
import {
  createOutbox,
  type DeadlineAlert,
  type IdentifierMapping,
  type OutboxOptions,
} from './outbox.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-02T09:00:00+07:00');
const school = generateSchool({ seed: 31, province: '79', pupils: 60 });
const truongId = school.truong.truongId;
const pupils = school.hocSinhs.filter((p) => p.maTrangThaiHienTai === 'DANG_HOC') as HocSinh[];

interface World {
  sandbox: Sandbox;
  store: OutboxStore;
  clock: { t: number };
  outbox: (o?: Partial<OutboxOptions>) => ReturnType<typeof createOutbox>;
  read: (hocSinhId: string) => Promise<Record<string, unknown> | undefined>;
}

function world(faults: Parameters<typeof createSandbox>[0] = {}): World {
  const clock = { t: NOW };
  const sandbox = createSandbox({ rateLimit: false, now: () => clock.t, ...faults });
  sandbox.addUnit({ id: truongId, kind: 'truong', name: 'Trường thử' });
  const credentials = sandbox.addAccount({ kind: 'quan-tri', unitId: truongId });
  const client = createClient({
    baseUrl: 'http://sandbox.local',
    credentials,
    fetch: sandbox.fetch,
    now: () => clock.t,
    retry: { retries: 1, baseDelayMs: 0, maxDelayMs: 1 },
  });
  const store = createMemoryStore();
  const clean = createClient({
    baseUrl: 'http://sandbox.local',
    credentials,
    fetch: (input, init) => {
      const request = new Request(input, init);
      request.headers.set('x-eduvn-fault', 'none');
      return sandbox.fetch(request);
    },
  });
  return {
    sandbox,
    store,
    clock,
    outbox: (o = {}) =>
      createOutbox({ store, client, now: () => clock.t, backoff: { baseMs: 10, maxMs: 20 }, ...o }),
    read: async (id) =>
      clean
        .get('HocSinh', truongId, { hocSinhId: id })
        .then((r) => r.record as Record<string, unknown>)
        .catch(() => undefined),
  };
}

const event = (p: HocSinh, n: number, over: Partial<SuKienTrangThai> = {}): SuKienTrangThai => ({
  suKienId: `ev-${p.hocSinhId}-${n}`,
  doiTuong: 'HOC_SINH',
  truongId,
  maDoiTuong: p.hocSinhId,
  trangThaiTruoc: 'DANG_HOC',
  trangThaiSau: 'CHUYEN_DI',
  ngayHieuLuc: '2026-03-01',
  ngayGhiNhan: '2026-03-01T15:00:00+07:00',
  truongDenId: '79000999',
  ...over,
});

describe('the outbox', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  it('delivers what it is given, a record’s changes in order, and reports it', async () => {
    const outbox = w.outbox({ batchSize: 7 });
    const p = pupils[0] as HocSinh;
    await outbox.enqueue(
      pupils.slice(0, 20).map((record) => ({
        entity: 'HocSinh' as const,
        record,
        occurredAt: '2026-03-02T08:00:00+07:00',
      })),
    );
    await outbox.enqueue([
      { entity: 'SuKienTrangThai', record: event(p, 1) },
      { entity: 'HocSinh', record: { ...p, maTrangThaiHienTai: 'CHUYEN_DI', noiSinh: 'Huế' } },
    ]);
    const report = await outbox.drain();
    expect(report).toMatchObject({ delivered: 22, rejected: 0, retried: 0 });
    expect(report.rounds).toBeGreaterThanOrEqual(4);
    expect(await w.read(p.hocSinhId)).toMatchObject({
      maTrangThaiHienTai: 'CHUYEN_DI',
      noiSinh: 'Huế',
    });
    const status = await outbox.status();
    expect(status).toMatchObject({
      pending: 0,
      delivered: 22,
      rejected: 0,
      atRisk: 0,
      overdue: 0,
      deadlineHours: 48,
    });
    expect((await outbox.drain()).rounds).toBe(0);
  });

  it('enqueues an id once: a host that crashes after enqueuing may enqueue again', async () => {
    const outbox = w.outbox();
    const change = { id: 'qlnt-42', entity: 'HocSinh' as const, record: pupils[1] as HocSinh };
    await outbox.enqueue(change);
    await outbox.enqueue(change);
    expect((await outbox.status()).pending).toBe(1);
    await expect(outbox.enqueue({ entity: 'HocSinh', record: { hoTen: 'x' } })).rejects.toThrow(
      /truongId/,
    );
  });

  it('keeps refusals in the dead-letter list with the server’s issues, and takes them back fixed', async () => {
    const rejected: string[][] = [];
    const outbox = w.outbox({ hooks: { onRejected: (_c, r) => rejected.push([...r.ruleIds]) } });
    const p = pupils[2] as HocSinh;
    await outbox.enqueue({ entity: 'HocSinh', record: { ...p, hoTen: 'x'.repeat(70) } });
    expect(await outbox.drain()).toMatchObject({ delivered: 0, rejected: 1 });
    expect(rejected).toEqual([['STD.SCHEMA.001']]);
    const [dead] = await outbox.rejected();
    expect(dead?.rejection).toMatchObject({ status: 422, ruleIds: ['STD.SCHEMA.001'] });
    expect((await outbox.drain()).rounds).toBe(0);
    await outbox.requeue(dead?.id as string, p);
    expect(await outbox.drain()).toMatchObject({ delivered: 1 });
    expect(await w.read(p.hocSinhId)).toMatchObject({ hoTen: p.hoTen });
    expect((await outbox.status()).rejected).toBe(1);
  });

  it('re-keys pending changes when the database issues a pupil code, and tells the host', async () => {
    const mappings: IdentifierMapping[] = [];
    const outbox = w.outbox({
      batchSize: 1,
      hooks: { onIdentifierIssued: (m) => void mappings.push(m) },
    });
    const newcomer = school.hocSinhs.find((x) => x.maKhoi === '1') as HocSinh;
    const tam = 'TAM-0000000000000099';
    const assessment = school.danhGias.find(
      (d) => d.hocSinhId === newcomer.hocSinhId,
    ) as DanhGiaHocSinh;
    await outbox.enqueue([
      { entity: 'HocSinh', record: { ...newcomer, hocSinhId: tam } },
      { entity: 'DanhGiaHocSinh', record: { ...assessment, hocSinhId: tam } },
      { entity: 'SuKienTrangThai', record: event(newcomer, 1, { maDoiTuong: tam }) },
    ]);
    const report = await outbox.drain();
    expect(report).toMatchObject({ delivered: 3, rejected: 0, identifiersIssued: 1 });
    const [m] = mappings;
    expect(m).toMatchObject({
      entity: 'HocSinh',
      truongId,
      from: tam,
      rekeyed: 2,
      event: { type: 'rekey', from: tam },
    });
    expect(m?.to).not.toMatch(/^TAM-/);
    expect(await w.read(m?.to as string)).toMatchObject({ maTrangThaiHienTai: 'CHUYEN_DI' });
  });

  it('watches the deadline: at risk under 12 hours left, overdue after 48, each told once', async () => {
    const alerts: DeadlineAlert[] = [];
    const outbox = w.outbox({ hooks: { onDeadline: (a) => alerts.push(a) } });
    await outbox.enqueue([
      { entity: 'HocSinh', record: pupils[3] as HocSinh, occurredAt: new Date(NOW - 50 * HOUR) },
      { entity: 'HocSinh', record: pupils[4] as HocSinh, occurredAt: new Date(NOW - 40 * HOUR) },
      { entity: 'HocSinh', record: pupils[5] as HocSinh, occurredAt: new Date(NOW - 1 * HOUR) },
    ]);
    const status = await outbox.status();
    expect(status).toMatchObject({ pending: 3, overdue: 1, atRisk: 1 });
    expect(status.oldest.map((c) => c.deadlineState)).toEqual(['overdue', 'at-risk', 'on-time']);
    await outbox.status();
    expect(alerts.map((a) => a.state)).toEqual(['overdue', 'at-risk']);
    w.clock.t += 10 * HOUR;
    await outbox.status();
    expect(alerts.map((a) => a.state)).toEqual(['overdue', 'at-risk', 'overdue']);
    await outbox.drain();
    expect(await outbox.status()).toMatchObject({
      pending: 0,
      overdue: 0,
      atRisk: 0,
      delivered: 3,
    });
  });

  it('holds a run that would move too many pupils out at once, until confirmed', async () => {
    const outbox = w.outbox();
    const class30 = pupils.slice(0, 30);
    await outbox.enqueue(class30.map((record) => ({ entity: 'HocSinh' as const, record })));
    await outbox.drain();
    const leaving = class30
      .slice(0, 4)
      .map((p, i) => ({ entity: 'SuKienTrangThai' as const, record: event(p, i) }));
    const held = await outbox.enqueue(leaving).catch((e: unknown) => e);
    expect(held).toBeInstanceOf(MassChangeHold);
    expect((held as MassChangeHold).findings).toEqual([
      { truongId, entity: 'HocSinh', population: 30, leaving: 4, changed: 4, reason: 'leaving' },
    ]);
    expect((await outbox.status()).pending).toBe(0);
    await outbox.enqueue(leaving.slice(0, 3));
    const rename = class30.map((record) => ({
      entity: 'HocSinh' as const,
      record: { ...record, noiSinh: 'Cần Thơ' },
    }));
    await expect(outbox.enqueue(rename)).rejects.toThrow(MassChangeHold);
    await outbox.enqueue(rename, { confirm: true });
    expect((await outbox.status()).pending).toBe(33);
  });

  it('retries what the server could not take, and delivers once it can', async () => {
    const down = world({ faults: { errorRate: 1, seed: 3 } });
    const outbox = down.outbox();
    await outbox.enqueue(
      pupils.slice(0, 5).map((record) => ({ entity: 'HocSinh' as const, record })),
    );
    expect(await outbox.drain()).toMatchObject({ delivered: 0, retried: 5 });
    const status = await outbox.status();
    expect(status.pending).toBe(5);
    expect(status.oldest[0]?.lastError).toMatch(/503/);
    expect((await outbox.drain()).rounds).toBe(0);
    const up = createOutbox({
      store: down.store,
      client: createClient({
        baseUrl: 'http://sandbox.local',
        credentials: down.sandbox.addAccount({ kind: 'quan-tri', unitId: truongId }),
        fetch: (input, init) => {
          const request = new Request(input, init);
          request.headers.set('x-eduvn-fault', 'none');
          return down.sandbox.fetch(request);
        },
      }),
      now: () => down.clock.t + 60_000,
    });
    expect(await up.drain()).toMatchObject({ delivered: 5 });
  });

  it('refuses settings that make no sense', () => {
    expect(() => w.outbox({ batchSize: 0 })).toThrow(RangeError);
    expect(() => w.outbox({ batchSize: 501 })).toThrow(RangeError);
    expect(() => w.outbox({ deadline: { deadlineHours: 10, atRiskHours: 12 } })).toThrow(
      RangeError,
    );
  });
});
