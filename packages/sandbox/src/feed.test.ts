import { encodeWire, HocSinh, Lop, maskText } from '@eduvn/standard';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertContract } from './contract.test-helper.ts';
import { SCHOOL_A, SCHOOL_B, type TestWorld, testClock, testWorld } from './testing.test-helper.ts';

const HOUR = 3_600_000;
const [p1, p2] = SCHOOL_A.hocSinhs as [HocSinh, HocSinh];
const q1 = SCHOOL_B.hocSinhs[0] as HocSinh;

describe('the delta feed, late pushes and the audit log', () => {
  let w: TestWorld;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    clock = testClock();
    w = await testWorld({ now: clock.now });
  });

  const put = (token: string, truongId: string, p: HocSinh, headers: Record<string, string> = {}) =>
    w.call('PUT', `/v1/truong/${truongId}/hoc-sinh/${p.hocSinhId}`, {
      token,
      body: encodeWire(HocSinh, p),
      headers,
    });

  it('gives every change once, in commit order, within the account’s scope', async () => {
    await put(w.tokens.a, w.schoolA, p1);
    await put(w.tokens.b, w.schoolB, q1);
    await put(w.tokens.a, w.schoolA, { ...p1, noiSinh: 'Hà Nội' });
    await put(w.tokens.a, w.schoolA, { ...p1, noiSinh: 'Hà Nội' });

    const so = await w.call('GET', '/v1/changes?since=0', { token: w.tokens.soRead });
    assertContract('listChanges', 200, so.body);
    expect(
      so.body.data.map((c: { seq: number; truongId: string; version: number }) => [
        c.truongId,
        c.version,
      ]),
    ).toEqual([
      [w.schoolA, 1],
      [w.schoolB, 1],
      [w.schoolA, 2],
    ]);
    const seqs = so.body.data.map((c: { seq: number }) => c.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(so.body.next).toBe(String(seqs.at(-1)));

    const a = await w.call('GET', '/v1/changes', { token: w.tokens.a });
    expect(a.body.data.every((c: { truongId: string }) => c.truongId === w.schoolA)).toBe(true);
    const phong = await w.call('GET', '/v1/changes', { token: w.tokens.phong });
    expect(phong.body.data.map((c: { truongId: string }) => c.truongId)).toEqual([
      w.schoolA,
      w.schoolA,
    ]);

    const later = await w.call('GET', `/v1/changes?since=${seqs[0]}&limit=1`, {
      token: w.tokens.so,
    });
    expect([later.body.data.length, later.body.hasMore, later.body.data[0].seq]).toEqual([
      1,
      true,
      seqs[1],
    ]);
    const end = await w.call('GET', `/v1/changes?since=${seqs.at(-1)}`, { token: w.tokens.so });
    expect([end.body.data, end.body.next, end.body.hasMore]).toEqual([
      [],
      String(seqs.at(-1)),
      false,
    ]);

    const filtered = await w.call('GET', `/v1/changes?truongId=${w.schoolB}`, {
      token: w.tokens.so,
    });
    expect(filtered.body.data.map((c: { truongId: string }) => c.truongId)).toEqual([w.schoolB]);
    const forbidden = await w.call('GET', `/v1/changes?truongId=${w.schoolB}`, {
      token: w.tokens.a,
    });
    expect(forbidden.status).toBe(403);
    for (const q of ['since=-1', 'since=x', 'limit=0']) {
      const bad = await w.call('GET', `/v1/changes?${q}`, { token: w.tokens.so });
      expect([q, bad.status]).toEqual([q, 400]);
    }
  });

  it('records when information arose and arrived: a push after 48 hours is accepted, flagged and listed for the Sở', async () => {
    const arose = new Date(clock.now() - 50 * HOUR).toISOString();
    const late = await put(w.tokens.a, w.schoolA, p1, { 'x-occurred-at': arose });
    expect(late.status).toBe(201);
    expect(late.body.late).toBe(true);
    expect(late.body.occurredAt).toBe(arose);
    expect(late.body.warnings.map((i: { ruleId: string }) => i.ruleId)).toContain(
      'PUSH.DEADLINE.001',
    );
    const inTime = await put(w.tokens.a, w.schoolA, p2, {
      'x-occurred-at': new Date(clock.now() - 47 * HOUR).toISOString(),
    });
    expect(inTime.body.late).toBe(false);
    await put(w.tokens.b, w.schoolB, q1);

    const report = await w.call('GET', '/v1/late-pushes', { token: w.tokens.soRead });
    assertContract('listLatePushes', 200, report.body);
    expect(report.body.deadlineHours).toBe(48);
    expect(report.body.data).toEqual([
      {
        truongId: w.schoolA,
        changes: 2,
        late: 1,
        maxDelayHours: 50,
        lastLateAt: late.body.receivedAt,
      },
    ]);
    const feed = await w.call('GET', '/v1/changes', { token: w.tokens.so });
    expect(feed.body.data[0]).toMatchObject({ late: true, occurredAt: arose });
    const outside = await w.call('GET', '/v1/late-pushes', { token: w.tokens.b });
    expect(outside.body.data).toEqual([]);
    const bad = await put(w.tokens.a, w.schoolA, p2, { 'x-occurred-at': 'hôm qua' });
    expect([bad.status, bad.body.ruleIds]).toEqual([422, ['PUSH.TIME.001']]);
    const range = await w.call('GET', '/v1/late-pushes?from=x', { token: w.tokens.so });
    expect(range.status).toBe(400);
  });

  it('keeps an append-only audit log a Sở or Phòng reads, personal IDs masked', async () => {
    await put(w.tokens.a, w.schoolA, p1);
    await put(w.tokens.a, w.schoolA, { ...p1, hoTen: 'x'.repeat(60) });
    await w.call('PUT', `/v1/truong/${w.schoolB}/lop/1A`, {
      token: w.tokens.a,
      body: encodeWire(Lop, SCHOOL_B.lops[0] as Lop),
    });
    const log = await w.call('GET', '/v1/audit', { token: w.tokens.soRead });
    assertContract('listAudit', 200, log.body);
    const entries = log.body.data.filter(
      (e: { truongId: string | null }) => e.truongId === w.schoolA,
    );
    expect(entries.map((e: { action: string; status: number }) => [e.action, e.status])).toEqual([
      ['upsert', 201],
      ['upsert', 422],
    ]);
    expect(entries[0].detail).toMatchObject({
      method: 'PUT',
      entity: 'HocSinh',
      key: { HOC_SINH_ID: p1.hocSinhId },
      outcome: 'created',
      personalId: maskText(p1.maCongDanId as string),
    });
    expect(JSON.stringify(log.body)).not.toContain(p1.maCongDanId as string);
    const denied = log.body.data.find((e: { truongId: string | null }) => e.truongId === w.schoolB);
    expect(denied).toMatchObject({
      action: 'denied',
      status: 403,
      detail: { method: 'PUT', reason: 'out-of-scope' },
    });
    const school = await w.call('GET', '/v1/audit', { token: w.tokens.a });
    expect(school.status).toBe(403);
  });
});
