import { encodeWire, HocSinh } from '@eduvn/standard';
import { beforeEach, describe, expect, it } from 'vitest';
import { contractOperations } from './contract/operations.ts';
import { assertContract } from './contract.test-helper.ts';
import { createSandbox } from './sandbox.ts';
import { SCHOOL_A, type TestWorld, testClock, testWorld } from './testing.test-helper.ts';

const pupil = SCHOOL_A.hocSinhs[0] as HocSinh;

describe('tokens: OAuth 2.0 client credentials', () => {
  it('issues a token for a form, JSON or HTTP Basic request, and refuses wrong secrets alike', async () => {
    const sandbox = createSandbox();
    sandbox.addUnit({ id: '79', kind: 'so', name: 'Sở' });
    const { clientId, clientSecret } = sandbox.addAccount({
      kind: 'khai-thac',
      unitId: '79',
      clientId: 'so-79',
    });
    const form = await sandbox.fetch('/v1/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=${clientId}&client_secret=${encodeURIComponent(clientSecret)}`,
    });
    const body = await form.json();
    expect(form.status).toBe(200);
    assertContract('createToken', 200, body);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'khai-thac so:79',
    });
    expect(form.headers.get('cache-control')).toBe('no-store');
    const basic = await sandbox.fetch('/v1/token', {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(basic.status).toBe(200);
    for (const [type, payload, status] of [
      [
        'application/json',
        { grant_type: 'client_credentials', client_id: clientId, client_secret: 'sai' },
        401,
      ],
      [
        'application/json',
        { grant_type: 'client_credentials', client_id: 'khong-co', client_secret: 'sai' },
        401,
      ],
      [
        'application/json',
        { grant_type: 'password', client_id: clientId, client_secret: clientSecret },
        400,
      ],
      ['application/json', { grant_type: 'client_credentials' }, 400],
      ['text/plain', 'x', 415],
    ] as const) {
      const r = await sandbox.fetch('/v1/token', {
        method: 'POST',
        headers: { 'content-type': type },
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      expect([JSON.stringify(payload), r.status]).toEqual([JSON.stringify(payload), status]);
      const problem = await r.json();
      expect(JSON.stringify(problem)).not.toContain(clientSecret);
    }
  });
});

describe('access: accounts, scopes and the requests every server refuses', () => {
  let w: TestWorld;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    clock = testClock();
    w = await testWorld({ now: clock.now, tokenTtlSeconds: 600 });
  });

  it('refuses a missing, malformed, forged or expired token (401, with the reason)', async () => {
    const path = `/v1/truong/${w.schoolA}/hoc-sinh`;
    const other = await testWorld();
    const cases: [Record<string, string>, string][] = [
      [{}, 'missing'],
      [{ authorization: 'Token abc' }, 'malformed'],
      [{ authorization: 'Bearer evs1.e30.AAAA' }, 'bad-signature'],
      [{ authorization: `Bearer ${other.tokens.a}` }, 'bad-signature'],
      [{ authorization: `Bearer ${w.tokens.a.slice(0, -2)}xx` }, 'bad-signature'],
      [{ authorization: 'Bearer garbage' }, 'malformed'],
    ];
    for (const [headers, reason] of cases) {
      const r = await w.call('GET', path, { headers });
      expect([reason, r.status, r.body.reason]).toEqual([reason, 401, reason]);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    clock.advance(601_000);
    const expired = await w.call('GET', path, { token: w.tokens.a });
    expect([expired.status, expired.body.reason]).toEqual([401, 'expired']);
  });

  it('lets a token reach only its scope, and a khai-thac token only read — on every route', async () => {
    const school = (path: string, truongId: string) =>
      path
        .replace('{truongId}', truongId)
        .replace(/\{(\w+)\}/g, (_, name: string) => (name === 'namTaiChinh' ? '2025' : `x${name}`));
    for (const op of contractOperations()) {
      if (!op.path.includes('{truongId}')) continue;
      const method = op.method.toUpperCase();
      const body = method === 'GET' ? undefined : {};
      const other = await w.call(method, school(op.path, w.schoolA), { token: w.tokens.b, body });
      expect([op.operationId, other.status]).toEqual([op.operationId, 403]);
      expect(other.body.reason).toBe('out-of-scope');
      if (method !== 'GET') {
        const readOnly = await w.call(method, school(op.path, w.schoolA), {
          token: w.tokens.aRead,
          body,
        });
        expect([op.operationId, readOnly.status, readOnly.body.reason]).toEqual([
          op.operationId,
          403,
          'read-only-account',
        ]);
      }
      const unknownSchool = await w.call(method, school(op.path, 'KHONGCO'), {
        token: w.tokens.so,
        body,
      });
      expect([op.operationId, unknownSchool.status]).toEqual([op.operationId, 403]);
    }
  });

  it('lets a Sở or Phòng reach the schools under it, and lists them', async () => {
    const so = await w.call('GET', '/v1/truong', { token: w.tokens.soRead });
    assertContract('listSchools', 200, so.body);
    expect(so.body.data.map((s: { truongId: string }) => s.truongId).sort()).toEqual(
      [w.schoolA, w.schoolB].sort(),
    );
    const phong = await w.call('GET', '/v1/truong', { token: w.tokens.phong });
    expect(phong.body.data.map((s: { truongId: string }) => s.truongId)).toEqual([w.schoolA]);
    const write = await w.call('PUT', `/v1/truong/${w.schoolA}/hoc-sinh/${pupil.hocSinhId}`, {
      token: w.tokens.so,
      body: encodeWire(HocSinh, pupil),
    });
    expect(write.status).toBe(201);
    const phongWrites = await w.call('PUT', `/v1/truong/${w.schoolA}/hoc-sinh/${pupil.hocSinhId}`, {
      token: w.tokens.phong,
      body: encodeWire(HocSinh, pupil),
    });
    expect(phongWrites.status).toBe(403);
  });

  it('never deletes (405 citing the law), has no PATCH, and answers unknown paths 404', async () => {
    for (const path of [
      `/v1/truong/${w.schoolA}/hoc-sinh/${pupil.hocSinhId}`,
      `/v1/truong/${w.schoolA}`,
      '/v1/anything',
    ]) {
      const r = await w.call('DELETE', path, { token: w.tokens.so });
      expect(r.status).toBe(405);
      expect(r.body.type).toBe('urn:eduvn:problem:no-delete');
      expect(r.body.basis).toMatch(/TT 42\/2021/);
      expect(r.headers.get('allow')).not.toMatch(/DELETE/);
    }
    const patch = await w.call('PATCH', `/v1/truong/${w.schoolA}`, { token: w.tokens.a, body: {} });
    expect(patch.status).toBe(405);
    const missing = await w.call('GET', '/v1/khong-co', { token: w.tokens.a });
    expect([missing.status, missing.body.type]).toEqual([404, 'urn:eduvn:problem:not-found']);
  });

  it('refuses bodies that are not JSON (415), too large (413), malformed or too deep (400)', async () => {
    const path = `/v1/truong/${w.schoolA}/hoc-sinh/${pupil.hocSinhId}`;
    const send = (body: string, type = 'application/json') =>
      w.call('PUT', path, { token: w.tokens.a, body, headers: { 'content-type': type } });
    expect((await send('{}', 'text/plain')).status).toBe(415);
    expect((await send('HOC_SINH_ID=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await send('{"a":')).status).toBe(400);
    expect((await send(`${'['.repeat(40)}${']'.repeat(40)}`)).status).toBe(400);
    const deepInString = await send(JSON.stringify({ HO_TEN: '['.repeat(100) }));
    expect(deepInString.status).toBe(422);
    const huge = await send(JSON.stringify({ HO_TEN: 'x'.repeat(6 * 1024 * 1024) }));
    expect([huge.status, huge.body.limit]).toEqual([413, 5 * 1024 * 1024]);
    const ok = await send(
      JSON.stringify(encodeWire(HocSinh, pupil)),
      'application/json; charset=utf-8',
    );
    expect(ok.status).toBe(201);
  });

  it('never lets __proto__ or constructor reach a record or a prototype', async () => {
    const path = `/v1/truong/${w.schoolA}/hoc-sinh/${pupil.hocSinhId}`;
    const body = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(encodeWire(HocSinh, pupil)).slice(1)}`;
    const r = await w.call('PUT', path, { token: w.tokens.a, body });
    expect(r.status).toBe(422);
    expect(r.body.issues.map((i: { pointer: string }) => i.pointer)).toEqual([
      '/__proto__',
      '/constructor',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const batch = await w.call('POST', '/v1/batches', {
      token: w.tokens.a,
      body: `{"items":[{"entity":"HocSinh","__proto__":{"x":1},"data":{}}]}`,
    });
    expect(batch.body.results[0].status).toBe(400);
  });

  it('carries a correlation id on every answer: the client’s when sensible, else a new one', async () => {
    const mine = await w.call('GET', '/v1/health', {
      headers: { 'x-correlation-id': 'qlnt-42.a_b' },
    });
    expect(mine.headers.get('x-correlation-id')).toBe('qlnt-42.a_b');
    assertContract('getHealth', 200, mine.body);
    for (const bad of ['a b', 'x'.repeat(200), 'ý']) {
      const r = await w.call('GET', '/v1/khong-co', { headers: { 'x-correlation-id': bad } });
      const id = r.headers.get('x-correlation-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.body.correlationId).toBe(id);
    }
  });

  it('serves its own contract', async () => {
    const r = await w.call('GET', '/v1/openapi.json');
    expect([r.status, r.body.openapi, r.body.info.version]).toEqual([200, '3.1.0', '1.0.0']);
  });
});

describe('rate limits and injected faults, in-process', () => {
  it('answers 429 with Retry-After once an account spends its burst', async () => {
    // The clock stands still, so nothing refills: each account has its burst, no more.
    const w = await testWorld({ rateLimit: { perSecond: 1, burst: 8 } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await w.call('GET', '/v1/truong', { token: w.tokens.so })).status);
    expect(statuses).toEqual([...Array(8).fill(200), 429, 429]);
    const r = await w.call('GET', '/v1/truong', { token: w.tokens.so });
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.retryAfter).toBe(1);
    const other = await w.call('GET', '/v1/truong', { token: w.tokens.a });
    expect(other.status).toBe(200);
  });

  it('drops connections as fetch would report them, before or after applying the write', async () => {
    const w = await testWorld();
    const path = `/v1/truong/${w.schoolA}/hoc-sinh/${pupil.hocSinhId}`;
    const put = (fault: string) =>
      w.sandbox.fetch(path, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${w.tokens.a}`,
          'content-type': 'application/json',
          'x-eduvn-fault': fault,
        },
        body: JSON.stringify(encodeWire(HocSinh, pupil)),
      });
    await expect(put('drop')).rejects.toThrow(TypeError);
    expect((await w.call('GET', path, { token: w.tokens.a })).status).toBe(404);
    await expect(put('drop-after')).rejects.toThrow('fetch failed');
    expect((await w.call('GET', path, { token: w.tokens.a })).status).toBe(200);
    const handled = await w.sandbox.handle(
      new Request(`http://x${path}`, {
        headers: { authorization: `Bearer ${w.tokens.a}`, 'x-eduvn-fault': 'drop' },
      }),
    );
    expect(handled.type).toBe('error');
    const bad = await w.call('GET', path, {
      token: w.tokens.a,
      headers: { 'x-eduvn-fault': 'status=200' },
    });
    expect(bad.status).toBe(400);
    const unavailable = await w.call('GET', path, {
      token: w.tokens.a,
      headers: { 'x-eduvn-fault': 'status=502' },
    });
    expect([unavailable.status, unavailable.body.status]).toEqual([502, 502]);
  });
});
