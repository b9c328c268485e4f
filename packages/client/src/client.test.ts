import type { HocSinh, Lop, SuKienTrangThai } from '@eduvn/standard';
import { beforeEach, describe, expect, it } from 'vitest';
import { createClient } from './client.ts';
import {
  ConflictError,
  EduvnApiError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from './errors.ts';
import { type ClientWorld, clientWorld, OTHER, SCHOOL } from './world.test-helper.ts';

const truongId = SCHOOL.truong.truongId;
const pupil = SCHOOL.hocSinhs.find(
  (p) => p.maTrangThaiHienTai === 'DANG_HOC' && p.maKhoi === '3',
) as HocSinh;

describe('the client against the sandbox', () => {
  let w: ClientWorld;
  beforeEach(() => {
    w = clientWorld();
  });

  it('upserts canonical records and reads them back: created, unchanged, updated', async () => {
    const created = await w.client.upsert('HocSinh', pupil, {
      occurredAt: '2026-03-02T08:00:00+07:00',
    });
    expect(created).toMatchObject({
      outcome: 'created',
      entity: 'HocSinh',
      truongId,
      key: { HOC_SINH_ID: pupil.hocSinhId },
      version: 1,
      record: pupil,
      occurredAt: '2026-03-02T08:00:00+07:00',
      late: false,
      $metadata: { attempts: 1, totalRetryDelay: 0, status: 201 },
    });
    expect((await w.client.upsert('HocSinh', pupil)).outcome).toBe('unchanged');
    const updated = await w.client.upsert(
      'HocSinh',
      { ...pupil, noiSinh: 'Đà Nẵng' },
      { ifMatch: 1 },
    );
    expect([updated.outcome, updated.version]).toEqual(['updated', 2]);
    const read = await w.reader.get('HocSinh', truongId, { hocSinhId: pupil.hocSinhId });
    expect([read.version, read.record.noiSinh]).toEqual([2, 'Đà Nẵng']);
  });

  it('turns every refusal into a typed error with the rule ids, the issues and the correlation id', async () => {
    const invalid = await w.client
      .upsert('HocSinh', { ...pupil, hoTen: 'x'.repeat(80) })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({
      status: 422,
      type: 'validation',
      ruleIds: ['STD.SCHEMA.001'],
      issues: [{ pointer: '/HO_TEN' }],
      $metadata: { attempts: 1 },
    });
    expect((invalid as EduvnApiError).correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const stale = await w.client.upsert('HocSinh', pupil, { ifMatch: 9 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    const missing = await w.client.get('Lop', truongId, { ma: 'KHONGCO' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    const other = OTHER.lops[0] as Lop;
    const forbidden = await w.client.upsert('Lop', other).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    const readOnly = await w.reader.upsert('HocSinh', pupil).catch((e: unknown) => e);
    expect([
      readOnly instanceof ForbiddenError,
      (readOnly as EduvnApiError).problem?.['reason'],
    ]).toEqual([true, 'read-only-account']);
  });

  it('refuses what it cannot send before sending it', async () => {
    await expect(
      w.client.upsert('HocSinh', { ...pupil, truongId: undefined } as never),
    ).rejects.toThrow(/truongId/);
    await expect(w.client.upsert('Nope' as never, pupil as never)).rejects.toThrow(
      /takes no entity/,
    );
    await expect(w.client.upsert('HocSinh', { ...pupil, bogus: 1 } as never)).rejects.toThrow(
      TypeError,
    );
    await expect(w.client.upsert('SuKienTrangThai' as never, {} as never)).rejects.toThrow(
      /recordEvent/,
    );
    await expect(w.client.get('HocSinh', truongId, {})).rejects.toThrow(/hocSinhId/);
    expect(() => createClient({ baseUrl: 'ftp://x', credentials: w.credentials })).toThrow(
      TypeError,
    );
    expect(() =>
      createClient({ baseUrl: 'https://x', credentials: { clientId: '', clientSecret: 'y' } }),
    ).toThrow(/clientId/);
  });

  it('has no delete: records are never deleted', () => {
    const methods = Object.keys(w.client);
    expect(methods.some((m) => /delete|remove|destroy/i.test(m))).toBe(false);
  });

  it('learns the pupil code issued for a provisional identifier', async () => {
    const newcomer = SCHOOL.hocSinhs.find((p) => p.maKhoi === '1') as HocSinh;
    const r = await w.client.upsert('HocSinh', { ...newcomer, hocSinhId: 'TAM-0000000000000007' });
    expect(r.identifierIssued).toEqual({
      entity: 'HocSinh',
      from: 'TAM-0000000000000007',
      to: r.record.hocSinhId,
    });
    expect(r.record.hocSinhId).not.toMatch(/^TAM-/);
  });

  it('records status events and the person follows', async () => {
    await w.client.upsert('HocSinh', pupil);
    const event: SuKienTrangThai = {
      suKienId: 'ev-1',
      doiTuong: 'HOC_SINH',
      truongId,
      maDoiTuong: pupil.hocSinhId,
      trangThaiTruoc: 'DANG_HOC',
      trangThaiSau: 'CHUYEN_DI',
      ngayHieuLuc: '2026-03-01',
      ngayGhiNhan: '2026-03-01T15:00:00+07:00',
      truongDenId: '79000999',
    };
    const r = await w.client.recordEvent(event);
    expect([r.outcome, r.person.status, r.person.version, r.record]).toEqual([
      'created',
      'CHUYEN_DI',
      2,
      event,
    ]);
    expect((await w.client.recordEvent(event)).outcome).toBe('created');
    const other = await w.client
      .recordEvent({ ...event, ngayHieuLuc: '2026-02-27' })
      .catch((e: unknown) => e);
    expect(other).toBeInstanceOf(EduvnApiError);
  });

  it('lists a school page by page and follows the delta feed to its end', async () => {
    const pupils = SCHOOL.hocSinhs.slice(0, 23);
    const outcome = await w.client.batch(
      pupils.map((record) => ({ entity: 'HocSinh' as const, record })),
    );
    expect(outcome.summary).toMatchObject({ created: 23, rejected: 0, failed: 0 });
    const listed: string[] = [];
    for await (const p of w.reader.list('HocSinh', truongId, { pageSize: 5 }))
      listed.push(p.hocSinhId);
    expect(listed).toEqual(pupils.map((p) => p.hocSinhId).sort());
    const changes = [];
    for await (const c of w.so.changes({ pageSize: 7 })) changes.push(c);
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    expect(changes[0]).toMatchObject({
      type: 'upsert',
      entity: 'HocSinh',
      version: 1,
      record: pupils[0],
    });
    const after = [];
    for await (const c of w.so.changes({ since: 20 })) after.push(c.seq);
    expect(after).toEqual([21, 22, 23]);
    expect((await w.so.schools()).map((s) => s.truongId).sort()).toEqual(
      [truongId, OTHER.truong.truongId].sort(),
    );
    expect((await w.so.latePushes()).data).toEqual([]);
  });

  it('answers each item of a batch on its own, in order, with progress', async () => {
    const progress: number[] = [];
    const items = [
      ...SCHOOL.hocSinhs.slice(0, 9).map((record) => ({ entity: 'HocSinh' as const, record })),
      { entity: 'HocSinh' as const, record: { ...pupil, hoTen: 'y'.repeat(60) } },
      { entity: 'Lop' as const, record: OTHER.lops[0] as Lop },
    ];
    const outcome = await w.client.batch(items, {
      chunkSize: 4,
      concurrency: 2,
      onProgress: (p) => progress.push(p.done),
    });
    expect(outcome.results.map((r) => r.index)).toEqual(items.map((_, i) => i));
    expect(outcome.summary).toEqual({
      created: 9,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      failed: 0,
    });
    expect(outcome.results[9]?.error).toBeInstanceOf(ValidationError);
    expect(outcome.results[9]?.error?.ruleIds).toEqual(['STD.SCHEMA.001']);
    expect(outcome.results[10]?.error).toBeInstanceOf(ForbiddenError);
    expect(progress.at(-1)).toBe(items.length);
    expect(progress).toHaveLength(3);
    await expect(w.client.batch(items, { chunkSize: 501 })).rejects.toThrow(RangeError);
  });
});
