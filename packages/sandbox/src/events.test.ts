import { CanBo, encodeWire, HocSinh } from '@eduvn/standard';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertContract } from './contract.test-helper.ts';
import { SCHOOL_A, type TestWorld, testWorld } from './testing.test-helper.ts';

const pupil = SCHOOL_A.hocSinhs.find(
  (p) => p.maTrangThaiHienTai === 'DANG_HOC' && p.maKhoi === '3',
) as HocSinh;
const teacher = SCHOOL_A.canBos.find((c) => c.maTrangThaiCanBo === 'DANG_LAM_VIEC') as CanBo;

const event = (over: Record<string, unknown> = {}) => ({
  SU_KIEN_ID: 'sk-0001',
  DOI_TUONG: 'HOC_SINH',
  TRUONG_ID: SCHOOL_A.truong.truongId,
  MA_DOI_TUONG: pupil.hocSinhId,
  TRANG_THAI_TRUOC: 'DANG_HOC',
  TRANG_THAI_SAU: 'CHUYEN_DI',
  NGAY_HIEU_LUC: '2026-03-01',
  NGAY_GHI_NHAN: '2026-03-01T10:00:00+07:00',
  TRUONG_DEN_ID: '79000999',
  ...over,
});

describe('status events: a status changes, nothing is deleted', () => {
  let w: TestWorld;
  let base: string;
  beforeEach(async () => {
    w = await testWorld();
    base = `/v1/truong/${w.schoolA}/hoc-sinh/${pupil.hocSinhId}`;
    const r = await w.call('PUT', base, { token: w.tokens.a, body: encodeWire(HocSinh, pupil) });
    expect(r.status).toBe(201);
  });

  it("records a transfer out and sets the pupil's status (201), the same event again is unchanged", async () => {
    const r = await w.call('POST', `${base}/su-kien`, { token: w.tokens.a, body: event() });
    expect(r.status).toBe(201);
    assertContract('recordHocSinhEvent', 201, r.body);
    expect(r.body).toMatchObject({
      outcome: 'created',
      entity: 'SuKienTrangThai',
      key: { SU_KIEN_ID: 'sk-0001' },
      occurredAt: '2026-03-01T10:00:00+07:00',
      late: false,
      person: {
        entity: 'HocSinh',
        key: { HOC_SINH_ID: pupil.hocSinhId },
        version: 2,
        status: 'CHUYEN_DI',
      },
    });
    const read = await w.call('GET', base, { token: w.tokens.a });
    expect([read.body.version, read.body.data.MA_TRANG_THAI_HIEN_TAI]).toEqual([2, 'CHUYEN_DI']);

    const again = await w.call('POST', `${base}/su-kien`, { token: w.tokens.a, body: event() });
    expect([again.status, again.body.outcome, again.body.person.version]).toEqual([
      200,
      'unchanged',
      2,
    ]);
    const list = await w.call('GET', `${base}/su-kien`, { token: w.tokens.aRead });
    assertContract('listHocSinhEvents', 200, list.body);
    expect(list.body.data.map((e: { SU_KIEN_ID: string }) => e.SU_KIEN_ID)).toEqual(['sk-0001']);
    const one = await w.call('GET', `/v1/truong/${w.schoolA}/su-kien/sk-0001`, {
      token: w.tokens.a,
    });
    expect([one.status, one.body.data.TRANG_THAI_SAU]).toEqual([200, 'CHUYEN_DI']);
  });

  it('never changes a recorded event (409) and has no PUT for events', async () => {
    await w.call('POST', `${base}/su-kien`, { token: w.tokens.a, body: event() });
    const edited = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event({ NGAY_HIEU_LUC: '2026-02-28' }),
    });
    expect(edited.status).toBe(409);
    expect(edited.body.type).toBe('urn:eduvn:problem:event-immutable');
    const put = await w.call('PUT', `/v1/truong/${w.schoolA}/su-kien/sk-0001`, {
      token: w.tokens.a,
      body: event(),
    });
    expect(put.status).toBe(404);
  });

  it('refuses a transition the lifecycle does not allow (422 LIFE.TRANSITION.001)', async () => {
    await w.call('POST', `${base}/su-kien`, { token: w.tokens.a, body: event() });
    const r = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event({
        SU_KIEN_ID: 'sk-0002',
        TRANG_THAI_TRUOC: 'CHUYEN_DI',
        TRANG_THAI_SAU: 'THOI_HOC',
        NGAY_HIEU_LUC: '2026-03-02',
        NGAY_GHI_NHAN: '2026-03-02T08:00:00+07:00',
        TRUONG_DEN_ID: undefined,
        MA_LY_DO: 'GIA_DINH',
      }),
    });
    expect(r.status).toBe(422);
    assertContract('recordHocSinhEvent', 422, r.body);
    expect(r.body.ruleIds).toContain('LIFE.TRANSITION.001');
    const read = await w.call('GET', base, { token: w.tokens.a });
    expect(read.body.data.MA_TRANG_THAI_HIEN_TAI).toBe('CHUYEN_DI');
  });

  it('refuses an event whose fields its status needs are missing (422 LIFE.FIELDS.001)', async () => {
    const r = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event({ TRUONG_DEN_ID: undefined }),
    });
    expect(r.status).toBe(422);
    expect(r.body.ruleIds).toContain('LIFE.FIELDS.001');
  });

  it('refuses a status set by PUT without its event (422 LIFE.CURRENT.001)', async () => {
    await w.call('POST', `${base}/su-kien`, { token: w.tokens.a, body: event() });
    const read = await w.call('GET', base, { token: w.tokens.a });
    const back = { ...read.body.data, MA_TRANG_THAI_HIEN_TAI: 'DANG_HOC' };
    const r = await w.call('PUT', base, { token: w.tokens.a, body: back });
    expect(r.status).toBe(422);
    expect(r.body.ruleIds).toEqual(['LIFE.CURRENT.001']);
    const same = await w.call('PUT', base, { token: w.tokens.a, body: read.body.data });
    expect(same.body.outcome).toBe('unchanged');
  });

  it('refuses an event about someone else than the path names (409), or a person never pushed (404)', async () => {
    const wrongPerson = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event({ MA_DOI_TUONG: 'KHAC' }),
    });
    expect([wrongPerson.status, wrongPerson.body.ruleIds]).toEqual([409, ['CHANGE.ID.002']]);
    const wrongKind = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event({ DOI_TUONG: 'CAN_BO' }),
    });
    expect(wrongKind.status).toBe(409);
    const nobody = await w.call('POST', `/v1/truong/${w.schoolA}/hoc-sinh/KHONGCO/su-kien`, {
      token: w.tokens.a,
      body: event({ MA_DOI_TUONG: 'KHONGCO' }),
    });
    expect(nobody.status).toBe(404);
  });

  it('needs an Idempotency-Key (400) and replays the stored answer for a repeated one', async () => {
    const noKey = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event(),
      headers: { 'idempotency-key': '' },
    });
    expect([noKey.status, noKey.body.type]).toEqual([
      400,
      'urn:eduvn:problem:idempotency-key-required',
    ]);
    const first = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event(),
      headers: { 'idempotency-key': 'k-1' },
    });
    const replay = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event(),
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const reused = await w.call('POST', `${base}/su-kien`, {
      token: w.tokens.a,
      body: event({ SU_KIEN_ID: 'sk-9' }),
      headers: { 'idempotency-key': 'k-1' },
    });
    expect([reused.status, reused.body.type]).toEqual([
      409,
      'urn:eduvn:problem:idempotency-key-reused',
    ]);
  });

  it('records staff events the same way', async () => {
    const staffPath = `/v1/truong/${w.schoolA}/can-bo/${teacher.giaoVienId}`;
    await w.call('PUT', staffPath, { token: w.tokens.a, body: encodeWire(CanBo, teacher) });
    const r = await w.call('POST', `${staffPath}/su-kien`, {
      token: w.tokens.a,
      body: event({
        SU_KIEN_ID: 'sk-cb-1',
        DOI_TUONG: 'CAN_BO',
        MA_DOI_TUONG: teacher.giaoVienId,
        TRANG_THAI_TRUOC: 'DANG_LAM_VIEC',
        TRANG_THAI_SAU: 'NGHI_HUU',
        TRUONG_DEN_ID: undefined,
      }),
    });
    expect([r.status, r.body.person?.status]).toEqual([201, 'NGHI_HUU']);
  });
});
