import { CanBo, encodeWire, HocSinh, Lop, TaiChinh, Truong } from '@eduvn/standard';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertContract } from './contract.test-helper.ts';
import { SCHOOL_A, SCHOOL_B, type TestWorld, testWorld } from './testing.test-helper.ts';

const pupil = SCHOOL_A.hocSinhs.find((p) => p.maCongDanId && p.maKhoi === '2') as HocSinh;
const pupilWire = encodeWire(HocSinh, pupil);
const pupilPath = (truongId: string, id = pupil.hocSinhId) =>
  `/v1/truong/${truongId}/hoc-sinh/${id}`;

describe('records: upsert by identifier, read, list', () => {
  let w: TestWorld;
  beforeEach(async () => {
    w = await testWorld();
  });

  it('creates (201), finds unchanged (200, same version), updates (200, next version)', async () => {
    const created = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: pupilWire,
    });
    expect(created.status).toBe(201);
    assertContract('putHocSinh', 201, created.body);
    expect(created.body).toMatchObject({
      outcome: 'created',
      entity: 'HocSinh',
      truongId: w.schoolA,
      key: { HOC_SINH_ID: pupil.hocSinhId },
      version: 1,
      late: false,
      data: pupilWire,
    });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(pupilPath(w.schoolA));

    const again = await w.call('PUT', pupilPath(w.schoolA), { token: w.tokens.a, body: pupilWire });
    expect([again.status, again.body.outcome, again.body.version]).toEqual([200, 'unchanged', 1]);

    const renamed = { ...pupilWire, HO_TEN: 'Nguyễn Thị Hồng Nhung' };
    const updated = await w.call('PUT', pupilPath(w.schoolA), { token: w.tokens.a, body: renamed });
    expect([updated.status, updated.body.outcome, updated.body.version]).toEqual([
      200,
      'updated',
      2,
    ]);
    assertContract('putHocSinh', 200, updated.body);

    const read = await w.call('GET', pupilPath(w.schoolA), { token: w.tokens.aRead });
    expect(read.status).toBe(200);
    assertContract('getHocSinh', 200, read.body);
    expect(read.body).toMatchObject({
      version: 2,
      data: renamed,
      key: { HOC_SINH_ID: pupil.hocSinhId },
    });
    expect(read.headers.get('etag')).toBe('"2"');
  });

  it('answers 404 for a record that does not exist', async () => {
    const r = await w.call('GET', pupilPath(w.schoolA, 'KHONGCO'), { token: w.tokens.a });
    expect(r.status).toBe(404);
    assertContract('getHocSinh', 404, r.body);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('fills TRUONG_ID from the path and refuses another school in the body (409)', async () => {
    const { TRUONG_ID: _t, ...withoutSchool } = pupilWire;
    const r = await w.call('PUT', pupilPath(w.schoolA), { token: w.tokens.a, body: withoutSchool });
    expect(r.status).toBe(201);
    expect(r.body.data.TRUONG_ID).toBe(w.schoolA);
    const other = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, TRUONG_ID: w.schoolB },
    });
    expect(other.status).toBe(409);
    expect(other.body.ruleIds).toEqual(['CHANGE.ID.002']);
  });

  it('refuses a body whose identifier differs from the path: identifiers never change (409)', async () => {
    const r = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, HOC_SINH_ID: 'KHAC123' },
    });
    expect(r.status).toBe(409);
    assertContract('putHocSinh', 409, r.body);
    expect(r.body).toMatchObject({
      type: 'urn:eduvn:problem:identifier-conflict',
      ruleIds: ['CHANGE.ID.002'],
      issues: [{ ruleId: 'CHANGE.ID.002', pointer: '/HOC_SINH_ID', severity: 'error' }],
    });
    expect(r.body.issues[0].message.vi).toContain('HOC_SINH_ID');
  });

  it('refuses the same identifier for another person, at any school (409 CHANGE.ID.002)', async () => {
    await w.call('PUT', pupilPath(w.schoolA), { token: w.tokens.a, body: pupilWire });
    const child = SCHOOL_B.hocSinhs.find((p) => p.maCongDanId && p.maKhoi === '2') as HocSinh;
    const otherChild = { ...encodeWire(HocSinh, child), HOC_SINH_ID: pupil.hocSinhId };
    const r = await w.call('PUT', pupilPath(w.schoolB), { token: w.tokens.b, body: otherChild });
    expect(r.status).toBe(409);
    expect(r.body.ruleIds).toEqual(['CHANGE.ID.002']);
    expect(r.body.issues[0].pointer).toBe('/MA_CONG_DAN_ID');
    expect(JSON.stringify(r.body)).not.toContain(pupil.maCongDanId as string);
    expect(JSON.stringify(r.body)).not.toContain(child.maCongDanId as string);
  });

  it('refuses one person under a second identifier (409 CHANGE.ID.001) but lets a pupil be at two schools under one', async () => {
    await w.call('PUT', pupilPath(w.schoolA), { token: w.tokens.a, body: pupilWire });
    const renamed = { ...pupilWire, TRUONG_ID: w.schoolB, HOC_SINH_ID: 'MOI0001' };
    const r = await w.call('PUT', pupilPath(w.schoolB, 'MOI0001'), {
      token: w.tokens.b,
      body: renamed,
    });
    expect(r.status).toBe(409);
    expect(r.body.ruleIds).toEqual(['CHANGE.ID.001']);
    expect(r.body.issues[0].message.en).toContain(pupil.hocSinhId);
    const transferred = { ...pupilWire, TRUONG_ID: w.schoolB, MA_LOP: '2A' };
    const moved = await w.call('PUT', pupilPath(w.schoolB), {
      token: w.tokens.b,
      body: transferred,
    });
    expect(moved.status).toBe(201);
  });

  it('lists every error at once with rule ids, JSON pointers and both languages (422)', async () => {
    const r = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: {
        ...pupilWire,
        HO_TEN: 'x'.repeat(10_000),
        NGAY_SINH: '2019-02-30',
        LIST_KHEN_THUONG: [{ NOI_DUNG: 'Khen', BOGUS: 1 }],
        MA_CONG_DAN_ID: '07921600',
        LA_GI: true,
      },
    });
    expect(r.status).toBe(422);
    assertContract('putHocSinh', 422, r.body);
    const pointers = r.body.issues.map((i: { pointer: string }) => i.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/HO_TEN',
        '/NGAY_SINH',
        '/LIST_KHEN_THUONG/0/BOGUS',
        '/LA_GI',
        '/MA_CONG_DAN_ID',
      ]),
    );
    expect(r.body.ruleIds).toEqual(expect.arrayContaining(['STD.SCHEMA.001', 'ID.PERSONAL.001']));
    for (const issue of r.body.issues) {
      expect(issue.message.vi.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(r.body)).not.toContain('x'.repeat(100));
    const read = await w.call('GET', pupilPath(w.schoolA), { token: w.tokens.a });
    expect(read.status).toBe(404);
  });

  it('accepts a query with the write and returns it as a warning', async () => {
    const nfd = { ...pupilWire, HO_TEN: (pupil.hoTen as string).normalize('NFD') };
    const r = await w.call('PUT', pupilPath(w.schoolA), { token: w.tokens.a, body: nfd });
    expect(r.status).toBe(201);
    expect(r.body.warnings.map((i: { ruleId: string }) => i.ruleId)).toContain('DQ.NAME.001');
  });

  it('refuses a body that is not a wire object, and canonical keys (422)', async () => {
    for (const body of [[pupilWire], 'x', null, { hocSinhId: pupil.hocSinhId, hoTen: 'An' }]) {
      const r = await w.call('PUT', pupilPath(w.schoolA), {
        token: w.tokens.a,
        body: JSON.stringify(body),
      });
      expect(r.status).toBe(422);
    }
  });

  it('honours If-Match: the version expected, or 412', async () => {
    await w.call('PUT', pupilPath(w.schoolA), { token: w.tokens.a, body: pupilWire });
    const stale = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, HO_TEN: 'Lê Văn Tám' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(1);
    const ok = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, HO_TEN: 'Lê Văn Tám' },
      headers: { 'if-match': 'W/"1"' },
    });
    expect([ok.status, ok.body.version]).toEqual([200, 2]);
    const none = await w.call('PUT', pupilPath(w.schoolA, 'HS404'), {
      token: w.tokens.a,
      body: { ...pupilWire, HOC_SINH_ID: 'HS404', MA_CONG_DAN_ID: undefined },
      headers: { 'if-match': '*' },
    });
    expect(none.status).toBe(412);
    const bad = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: pupilWire,
      headers: { 'if-match': 'yesterday' },
    });
    expect(bad.status).toBe(400);
  });

  it('writes every resource of a school with its key in the path', async () => {
    const t = w.tokens.a;
    const base = `/v1/truong/${w.schoolA}`;
    const lop = SCHOOL_A.lops[0] as Lop;
    const canBo = SCHOOL_A.canBos[0] as CanBo;
    const dg = SCHOOL_A.danhGias[0];
    const csvc = SCHOOL_A.coSoVatChats[0];
    const writes: [string, unknown, string][] = [
      [base, encodeWire(Truong, SCHOOL_A.truong), 'putTruong'],
      [`${base}/lop/${encodeURIComponent(lop.ma)}`, encodeWire(Lop, lop), 'putLop'],
      [`${base}/can-bo/${canBo.giaoVienId}`, encodeWire(CanBo, canBo), 'putCanBo'],
      [
        `${base}/tai-chinh/${SCHOOL_A.taiChinh.namTaiChinh}`,
        encodeWire(TaiChinh, SCHOOL_A.taiChinh),
        'putTaiChinh',
      ],
    ];
    if (dg) {
      const { DanhGiaHocSinh } = await import('@eduvn/standard');
      await w.call('PUT', pupilPath(w.schoolA, dg.hocSinhId), {
        token: t,
        body: encodeWire(
          HocSinh,
          SCHOOL_A.hocSinhs.find((p) => p.hocSinhId === dg.hocSinhId) as HocSinh,
        ),
      });
      writes.push([
        `${base}/danh-gia/${dg.hocSinhId}/${dg.namHoc}/${dg.kyDanhGia}`,
        encodeWire(DanhGiaHocSinh, dg),
        'putDanhGiaHocSinh',
      ]);
    }
    if (csvc) {
      const { CoSoVatChat } = await import('@eduvn/standard');
      writes.push([
        `${base}/co-so-vat-chat/${csvc.diemTruongId}/${csvc.namHoc}`,
        encodeWire(CoSoVatChat, csvc),
        'putCoSoVatChat',
      ]);
    }
    for (const [path, body, op] of writes) {
      const r = await w.call('PUT', path, { token: t, body });
      expect([path, r.status]).toEqual([path, 201]);
      assertContract(op, 201, r.body);
      const read = await w.call('GET', path, { token: t });
      expect([path, read.status]).toEqual([path, 200]);
    }
    const wrongYear = await w.call('PUT', `${base}/tai-chinh/1999`, {
      token: t,
      body: encodeWire(TaiChinh, SCHOOL_A.taiChinh),
    });
    expect(wrongYear.status).toBe(409);
  });

  it('lists a school in key order, page by page, with an opaque cursor', async () => {
    const pupils = SCHOOL_A.hocSinhs.slice(0, 7);
    for (const p of pupils)
      await w.call('PUT', pupilPath(w.schoolA, p.hocSinhId), {
        token: w.tokens.a,
        body: encodeWire(HocSinh, p),
      });
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const r = await w.call('GET', `/v1/truong/${w.schoolA}/hoc-sinh?limit=3&cursor=${cursor}`, {
        token: w.tokens.aRead,
      });
      expect(r.status).toBe(200);
      assertContract('listHocSinh', 200, r.body);
      seen.push(...r.body.data.map((d: { HOC_SINH_ID: string }) => d.HOC_SINH_ID));
      cursor = r.body.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(pupils.map((p) => p.hocSinhId).sort());
    for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'cursor=!!', 'cursor=bm90IGpzb24']) {
      const r = await w.call('GET', `/v1/truong/${w.schoolA}/hoc-sinh?${q}`, { token: w.tokens.a });
      expect([q, r.status]).toEqual([q, 400]);
    }
  });

  it('issues a pupil code for a provisional identifier; the provisional one keeps resolving', async () => {
    const newcomer = SCHOOL_A.hocSinhs.find((p) => p.maKhoi === '1' && p.maCongDanId) as HocSinh;
    const tam = { ...encodeWire(HocSinh, newcomer), HOC_SINH_ID: 'TAM-0000000000000042' };
    const r = await w.call('PUT', pupilPath(w.schoolA, 'TAM-0000000000000042'), {
      token: w.tokens.a,
      body: tam,
    });
    expect(r.status).toBe(201);
    const issued = r.body.identifierIssued.to as string;
    expect(r.body.identifierIssued).toEqual({
      entity: 'HocSinh',
      from: 'TAM-0000000000000042',
      to: issued,
    });
    expect(issued.startsWith(w.schoolA)).toBe(true);
    expect(r.body.data.HOC_SINH_ID).toBe(issued);
    expect(r.body.warnings.map((i: { ruleId: string }) => i.ruleId)).toContain(
      'ID.PROVISIONAL.001',
    );

    const viaTam = await w.call('GET', pupilPath(w.schoolA, 'TAM-0000000000000042'), {
      token: w.tokens.a,
    });
    expect([viaTam.status, viaTam.body.data.HOC_SINH_ID]).toEqual([200, issued]);
    const retry = await w.call('PUT', pupilPath(w.schoolA, 'TAM-0000000000000042'), {
      token: w.tokens.a,
      body: tam,
    });
    expect([retry.status, retry.body.outcome, retry.body.identifierIssued?.to]).toEqual([
      200,
      'unchanged',
      issued,
    ]);
    const feed = await w.call('GET', '/v1/changes', { token: w.tokens.a });
    const issuedEntry = feed.body.data.find(
      (c: { type: string }) => c.type === 'identifier-issued',
    );
    expect(issuedEntry).toMatchObject({
      entity: 'HocSinh',
      key: { HOC_SINH_ID: issued },
      data: { from: 'TAM-0000000000000042', to: issued },
    });

    const { DanhGiaHocSinh } = await import('@eduvn/standard');
    const assessment = SCHOOL_A.danhGias.find((d) => d.hocSinhId === newcomer.hocSinhId);
    if (assessment) {
      const a = await w.call(
        'PUT',
        `/v1/truong/${w.schoolA}/danh-gia/TAM-0000000000000042/${assessment.namHoc}/${assessment.kyDanhGia}`,
        {
          token: w.tokens.a,
          body: { ...encodeWire(DanhGiaHocSinh, assessment), HOC_SINH_ID: 'TAM-0000000000000042' },
        },
      );
      expect([a.status, a.body.key.HOC_SINH_ID]).toEqual([201, issued]);
    }
    const older = SCHOOL_A.hocSinhs.find((p) => p.maKhoi === '3') as HocSinh;
    const refused = await w.call('PUT', pupilPath(w.schoolA, 'TAM-0000000000000043'), {
      token: w.tokens.a,
      body: { ...encodeWire(HocSinh, older), HOC_SINH_ID: 'TAM-0000000000000043' },
    });
    expect([refused.status, refused.body.ruleIds]).toEqual([422, ['ID.PROVISIONAL.002']]);
  });

  it('never lets a write that arose earlier overwrite a newer one (a late retry is stale)', async () => {
    const at = (h: number) => ({ 'x-occurred-at': `2026-03-02T0${h}:00:00+07:00` });
    await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: pupilWire,
      headers: at(5),
    });
    const newer = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, NOI_SINH: 'Huế' },
      headers: at(7),
    });
    expect(newer.body.version).toBe(2);
    const late = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, NOI_SINH: 'Vinh' },
      headers: at(6),
    });
    expect([
      late.status,
      late.body.outcome,
      late.body.stale,
      late.body.version,
      late.body.data.NOI_SINH,
    ]).toEqual([200, 'unchanged', true, 2, 'Huế']);
    const same = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, NOI_SINH: 'Vinh' },
      headers: at(7),
    });
    expect([same.body.outcome, same.body.version]).toEqual(['updated', 3]);
  });

  it('stores text verbatim, whatever it looks like', async () => {
    const text = `'); DROP TABLE records;-- <script>alert("x")</script> \u{1F600} Ê`;
    const r = await w.call('PUT', pupilPath(w.schoolA), {
      token: w.tokens.a,
      body: { ...pupilWire, NOI_SINH: text },
    });
    expect(r.status).toBe(201);
    const read = await w.call('GET', pupilPath(w.schoolA), { token: w.tokens.a });
    expect(read.body.data.NOI_SINH).toBe(text);
  });

  it("keeps each school's records apart", async () => {
    const b = SCHOOL_B.hocSinhs[0] as HocSinh;
    await w.call('PUT', pupilPath(w.schoolB, b.hocSinhId), {
      token: w.tokens.b,
      body: encodeWire(HocSinh, b),
    });
    const r = await w.call('GET', pupilPath(w.schoolA, b.hocSinhId), { token: w.tokens.a });
    expect(r.status).toBe(404);
    const list = await w.call('GET', `/v1/truong/${w.schoolA}/hoc-sinh`, { token: w.tokens.a });
    expect(list.body.data).toEqual([]);
  });
});
