/**
 * Hostile input over real HTTP: malformed, mistyped, oversized, deeply nested and badly encoded
 * bodies; prototype-polluting keys; SQL and HTML in text; oversized strings and headers; expired,
 * forged and foreign tokens. The sandbox answers each with a problem document — never a crash,
 * never a write, never a polluted prototype — and stores hostile-looking text verbatim.
 */
import { createHmac } from 'node:crypto';
import { generateSchool } from '@eduvn/fixtures';
import { encodeWire, HocSinh } from '@eduvn/standard';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LIMITS } from '../contract/limits.ts';
import { contractOperations } from '../contract/operations.ts';
import type { ProblemType } from '../contract/problems.ts';
import { type Credentials, createSandbox } from '../sandbox.ts';
import { readFeed } from './feed.test-helper.ts';
import { expectProblem } from './problem.test-helper.ts';
import { parseRaw, rawExchange } from './raw.test-helper.ts';
import {
  type HttpWorld,
  httpWorld,
  send,
  T0,
  tokenOf,
  type WorldOptions,
} from './world.test-helper.ts';

async function world(options: WorldOptions = {}): Promise<HttpWorld> {
  const w = await httpWorld(options);
  onTestFinished(() => w.close());
  return w;
}

const A = (w: HttpWorld) => w.schools[0] as string;
const tokenA = (w: HttpWorld) => w.tokens.school[0] as string;
const lopPath = (w: HttpWorld, ma = '1A') => `/v1/truong/${A(w)}/lop/${encodeURIComponent(ma)}`;
const json = { 'content-type': 'application/json' };

/** Nothing at all was written: the Sở's delta feed is empty. */
async function expectNothingWritten(w: HttpWorld): Promise<void> {
  expect(await readFeed(w.url, w.tokens.so)).toEqual([]);
}

/** No request reached Object.prototype. */
function expectNoPollution(): void {
  const probe: Record<string, unknown> = {};
  for (const name of ['polluted', 'isAdmin', 'a'])
    expect(probe[name], `Object.prototype.${name}`).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
}
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** A stream of `size` bytes of JSON-ish text, in 64 KiB chunks, sent without a Content-Length. */
function streamOf(size: number): ReadableStream<Uint8Array> {
  let left = size;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(left, 65_536);
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
}

describe('bodies that are not what they claim', () => {
  it('malformed JSON is a 400 problem on PUT, on status events and on batches, and writes nothing', async () => {
    const w = await world();
    const bodies = ['{"TRUONG_ID":', "{'MA':'1A'}", 'NaN', '', '{"MA":"1A"} trailing', '\u0000'];
    const paths = [
      ['PUT', lopPath(w)],
      ['POST', `/v1/truong/${A(w)}/hoc-sinh/HS1/su-kien`],
      ['POST', '/v1/batches'],
    ] as const;
    for (const [method, path] of paths) {
      for (const body of bodies) {
        const answer = await w.request(method, path, { token: tokenA(w), body, headers: json });
        const problem = expectProblem(answer, 400, 'malformed-request');
        expect(problem.instance).toBe(path);
      }
    }
    await expectNothingWritten(w);
  });

  it('a body that is not declared JSON is a 415 problem', async () => {
    const w = await world();
    const body = JSON.stringify({ TRUONG_ID: A(w), MA: '1A' });
    const types = [
      undefined, // fetch sends text/plain;charset=UTF-8 for a string
      'text/plain',
      'text/json',
      'application/jsonp',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'json',
    ];
    for (const type of types) {
      const headers = type === undefined ? {} : { 'content-type': type };
      for (const [method, path] of [
        ['PUT', lopPath(w)],
        ['POST', '/v1/batches'],
      ] as const) {
        const answer = await w.request(method, path, { token: tokenA(w), body, headers });
        expectProblem(answer, 415, 'unsupported-media-type');
      }
    }
    // A PUT without any body is not JSON either.
    expectProblem(await w.request('PUT', lopPath(w), { token: tokenA(w) }), 415);
    // The token request takes a form or JSON, nothing else.
    const token = await w.request('POST', '/v1/token', {
      body: 'grant_type=client_credentials',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(token, 415, 'unsupported-media-type');
    await expectNothingWritten(w);
  });

  it('a body over 5 MiB is a 413 problem with and without Content-Length; one of exactly 5 MiB is read', async () => {
    const w = await world();
    const max = LIMITS.maxBodyBytes;
    // Exactly the limit: valid JSON padded with spaces, accepted.
    const record = JSON.stringify({ TRUONG_ID: A(w), MA: '1A', TEN: 'Lớp 1A' });
    const exact = record + ' '.repeat(max - Buffer.byteLength(record));
    expect(Buffer.byteLength(exact)).toBe(max);
    const ok = await w.request('PUT', lopPath(w), { token: tokenA(w), body: exact, headers: json });
    expect(ok.status).toBe(201);

    // One byte more, with a Content-Length (fetch sets it for a string).
    const over = `${exact} `;
    for (const [method, path] of [
      ['PUT', lopPath(w, '1B')],
      ['POST', '/v1/batches'],
      ['POST', `/v1/truong/${A(w)}/hoc-sinh/HS1/su-kien`],
    ] as const) {
      const answer = await w.request(method, path, { token: tokenA(w), body: over, headers: json });
      const problem = expectProblem(answer, 413, 'payload-too-large');
      expect(problem.limit).toBe(max);
    }
    // Chunked, without a Content-Length: counted while read. (On a connection of its own, closed
    // after: what a client's next request meets on a kept-alive one is the next test's matter.)
    const chunked = parseRaw(
      await rawExchange(w.server.port, [
        `PUT ${lopPath(w, '1C')} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokenA(w)}\r\n` +
          'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
        `${(max + 1).toString(16)}\r\n${' '.repeat(max + 1)}\r\n0\r\n\r\n`,
      ]),
    );
    expect(chunked?.status).toBe(413);
    expect(JSON.parse(chunked?.body ?? '{}')).toMatchObject({
      type: 'urn:eduvn:problem:payload-too-large',
      limit: max,
    });

    // A Content-Length that announces too much is refused at once, before the body arrives.
    const raw = parseRaw(
      await rawExchange(
        w.server.port,
        `PUT ${lopPath(w, '1D')} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokenA(w)}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${max * 20}\r\nConnection: close\r\n\r\n{"TRUONG_ID":`,
      ),
    );
    expect(raw?.status).toBe(413);
    expect(JSON.parse(raw?.body ?? '{}').type).toBe('urn:eduvn:problem:payload-too-large');

    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed.map((e) => e.key)).toEqual([{ MA: '1A' }]);
  });

  it('after a 413 on a chunked body, the same client goes on working (the connection is closed or still usable)', async () => {
    const w = await world();
    // A listener of its own, so that fetch's pool to it holds only this test's connections.
    const server = await w.sandbox.listen({ port: 0 });
    onTestFinished(() => server.close());
    const chunked = await send(server.url, 'PUT', lopPath(w, '1C'), {
      token: tokenA(w),
      body: streamOf(LIMITS.maxBodyBytes * 1.1),
      headers: json,
    });
    expectProblem(chunked, 413, 'payload-too-large');
    // fetch keeps connections alive: the next requests may reuse the one the 413 came on. A
    // server that drops that connection must say so (`Connection: close`), or the client's next
    // request fails with "other side closed" though the server never read it.
    expect((await send(server.url, 'GET', '/v1/health')).status).toBe(200);
    for (const ma of ['2A', '2B', '2C']) {
      const answer = await send(server.url, 'PUT', lopPath(w, ma), {
        token: tokenA(w),
        body: { TRUONG_ID: A(w), MA: ma },
      });
      expect(answer.status).toBe(201);
    }
  });

  it('the same on a raw connection: a 413 that keeps the connection alive answers the next request on it', async () => {
    const w = await world();
    const head =
      `PUT ${lopPath(w, '1C')} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokenA(w)}\r\n` +
      'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const chunk = `10000\r\n${' '.repeat(0x10000)}\r\n`;
    const body = chunk.repeat(Math.ceil((LIMITS.maxBodyBytes * 1.1) / 0x10000));
    const next = 'GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    // The server closes the connection with the rest of the body unread; the kernel may then
    // reset it before the client has read the 413 (no lingering close in Node's http server).
    // That race is rare and depends on scheduling: one exchange of three must show the answer.
    let raw = '';
    for (let attempt = 0; attempt < 3 && parseRaw(raw) === undefined; attempt++)
      raw = await rawExchange(w.server.port, [head, body, '0\r\n\r\n', 100, next]);
    const first = parseRaw(raw);
    expect(first?.status).toBe(413);
    const closes = first?.headers.some(([k, v]) => k === 'connection' && /close/i.test(v));
    const answers = raw.split('HTTP/1.1 ').length - 1;
    expect({ closes, answers }, raw.slice(0, 300)).toSatisfy(
      (x: { closes?: boolean; answers: number }) => x.closes === true || x.answers === 2,
    );
  });

  it('JSON nested deeper than 32 levels is a 400 before it is parsed', async () => {
    const w = await world();
    const deep = [
      '['.repeat(100_000), // never closed: a parser would call it malformed, not deep
      `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
      `{"TRUONG_ID":"x","MA":"1A","MON_HOCS":${'['.repeat(LIMITS.maxJsonDepth)}${']'.repeat(LIMITS.maxJsonDepth)}}`,
    ];
    for (const [method, path] of [
      ['PUT', lopPath(w)],
      ['POST', '/v1/batches'],
    ] as const) {
      for (const body of deep) {
        const answer = await w.request(method, path, { token: tokenA(w), body, headers: json });
        const problem = expectProblem(answer, 400, 'malformed-request');
        expect(problem.limit).toBe(LIMITS.maxJsonDepth);
        expect(problem.detail).toMatch(/deeper than 32/);
      }
    }
    // 32 levels are read (and then judged by the standard); brackets inside strings are text.
    const at32 = `{"TRUONG_ID":"${A(w)}","MA":"1A","MON_HOCS":${'['.repeat(31)}${']'.repeat(31)}}`;
    const judged = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body: at32,
      headers: json,
    });
    expectProblem(judged, 422, 'validation');
    const brackets = '[{'.repeat(10);
    const text = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body: { TRUONG_ID: A(w), MA: '1A', TEN: brackets },
    });
    expect(text.status).toBe(201);
    expect(text.body.data.TEN).toBe(brackets);
  });

  it('invalid UTF-8 is a 400 problem, never replaced silently', async () => {
    const w = await world();
    const encode = (s: string) => new TextEncoder().encode(s);
    const withBytes = (bytes: number[]) => {
      const before = encode(`{"TRUONG_ID":"${A(w)}","MA":"1A","TEN":"a`);
      const after = encode('b"}');
      return Uint8Array.from([...before, ...bytes, ...after]);
    };
    const invalid = [
      [0xff],
      [0xc0, 0xaf], // overlong "/"
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded as UTF-8
      [0xe1, 0xba], // a truncated sequence
      [0xf8, 0x88, 0x80, 0x80, 0x80], // a 5-byte form
    ];
    for (const bytes of invalid) {
      const answer = await w.request('PUT', lopPath(w), {
        token: tokenA(w),
        body: withBytes(bytes),
        headers: json,
      });
      expect(expectProblem(answer, 400, 'malformed-request').detail).toMatch(/UTF-8/);
    }
    await expectNothingWritten(w);
    // Valid multi-byte text (Vietnamese, precomposed) is kept as sent.
    const ten = 'Lớp Một Ánh Dương';
    const ok = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body: withBytes([...encode(ten.slice(0, 15))]),
      headers: json,
    });
    expect(ok.status, ok.text.slice(0, 300)).toBe(201);
    expect(ok.body.data.TEN).toBe(`a${ten.slice(0, 15)}b`);
  });
});

describe('prototype pollution', () => {
  const hostileKeys = ['__proto__', 'constructor', 'prototype'];

  it('__proto__, constructor and prototype keys at every level are refused as unknown symbols and pollute nothing', async () => {
    const w = await world();
    const a = A(w);
    // A stored record that the hostile writes aim at.
    const stored = { TRUONG_ID: a, MA: '1A', TEN: 'Lớp 1A', THU_TU: 1 };
    expect((await w.request('PUT', lopPath(w), { token: tokenA(w), body: stored })).status).toBe(
      201,
    );
    for (const key of hostileKeys) {
      const payload = `{"polluted":true,"isAdmin":true}`;
      const nested = key === 'constructor' ? `{"prototype":${payload}}` : payload;
      // Built as text: JSON.parse makes "__proto__" an own key, as a server's parser would.
      const records = [
        `{"TRUONG_ID":"${a}","MA":"1A","${key}":${nested}}`,
        `{"TRUONG_ID":"${a}","MA":"1A","MON_HOCS":[{"MA_MON_HOC":"TV","${key}":${nested}}]}`,
        `{"TRUONG_ID":"${a}","MA":"1A","TEN":{"${key}":${nested}}}`,
      ];
      for (const body of records) {
        const answer = await w.request('PUT', lopPath(w), {
          token: tokenA(w),
          body,
          headers: json,
        });
        const problem = expectProblem(answer, 422, 'validation');
        expect(problem.ruleIds).toEqual(['STD.SCHEMA.001']);
        expectNoPollution();
      }
      const finance = `{"TRUONG_ID":"${a}","NAM_TAI_CHINH":2025,"KHOAN_THUS":[{"NGUON_THU":"HOC_PHI","SO_TIEN":1,"${key}":${nested}}],"KHOAN_CHIS":[]}`;
      const refused = await w.request('PUT', `/v1/truong/${a}/tai-chinh/2025`, {
        token: tokenA(w),
        body: finance,
        headers: json,
      });
      expect(expectProblem(refused, 422, 'validation').issues[0].pointer).toBe(
        `/KHOAN_THUS/0/${key}`,
      );
      // In a batch: the body, an item, an item's data, and the entity's name.
      const item = `{"entity":"Lop","data":{"TRUONG_ID":"${a}","MA":"1B"}}`;
      const batchBody = await w.request('POST', '/v1/batches', {
        token: tokenA(w),
        body: `{"items":[${item}],"${key}":${nested}}`,
        headers: json,
      });
      expectProblem(batchBody, 400, 'malformed-request');
      const batch = await w.request('POST', '/v1/batches', {
        token: tokenA(w),
        body:
          `{"items":[{"entity":"Lop","data":{"TRUONG_ID":"${a}","MA":"1B"},"${key}":${nested}},` +
          `{"entity":"Lop","data":{"TRUONG_ID":"${a}","MA":"1B","${key}":${nested}}},` +
          `{"entity":"${key}","data":{"TRUONG_ID":"${a}"}}]}`,
        headers: json,
      });
      expect(batch.status).toBe(200);
      expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([400, 422, 422]);
      expect(batch.body.summary).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 3 });
      // The token request, as JSON and as a form.
      const token = await w.request('POST', '/v1/token', {
        body: `{"grant_type":"client_credentials","client_id":"${w.accounts.school[0]?.clientId}","client_secret":"x","${key}":${nested}}`,
        headers: json,
      });
      expectProblem(token, 401, 'invalid-client');
      const form = await w.request('POST', '/v1/token', {
        body: `${key}[polluted]=1&grant_type=client_credentials&client_id=${key}&client_secret=x`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectProblem(form, 401, 'invalid-client');
      // Query parameters and path segments of the same names.
      const list = await w.request('GET', `/v1/truong/${a}/lop?${key}=1&${key}[polluted]=1`, {
        token: tokenA(w),
      });
      expect(list.status).toBe(200);
      expectProblem(
        await w.request('GET', `/v1/truong/${key}/lop/1A`, { token: tokenA(w) }),
        403,
        'forbidden',
      );
      expectNoPollution();
    }
    // The stored record is as it was: no hostile key, same version; nothing else was written.
    const read = await w.request('GET', lopPath(w), { token: tokenA(w) });
    expect(read.body.version).toBe(1);
    expect(read.body.data).toEqual(stored);
    for (const key of hostileKeys) expect(Object.hasOwn(read.body.data, key)).toBe(false);
    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed).toHaveLength(1);
    expectNoPollution();
  });

  it('a record whose key is "__proto__", "prototype" or "toString" is an ordinary record', async () => {
    const w = await world();
    const names = ['__proto__', 'prototype', 'toString', 'valueOf'];
    for (const ma of names) {
      const answer = await w.request('PUT', lopPath(w, ma), {
        token: tokenA(w),
        body: { TRUONG_ID: A(w), MA: ma, TEN: ma },
      });
      expect(answer.status, answer.text.slice(0, 300)).toBe(201);
      const read = await w.request('GET', lopPath(w, ma), { token: tokenA(w) });
      expect(read.body.key).toEqual({ MA: ma });
      expect(Object.hasOwn(read.body.key, 'MA')).toBe(true);
      expect(read.body.data.MA).toBe(ma);
    }
    const list = await w.request('GET', `/v1/truong/${A(w)}/lop`, { token: tokenA(w) });
    expect(list.body.data.map((r: { MA: string }) => r.MA).sort()).toEqual([...names].sort());
    expectNoPollution();
  });
});

describe('text that looks like code', () => {
  const hostile = [
    "'); DROP TABLE records;--",
    "' OR 1=1 --",
    '" OR ""="',
    '1; DELETE FROM changes',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, as text
    '{{7*7}} ${7*7} %s %n',
    'a\u0000b',
    'lone \ud800 surrogate',
    '\u202Egnp.exe',
  ];

  it('is stored verbatim and returned intact by GET, the list and the delta feed', async () => {
    const w = await world();
    const a = A(w);
    const finance = {
      TRUONG_ID: a,
      NAM_TAI_CHINH: 2025,
      KHOAN_THUS: hostile.map((ghiChu, i) => ({
        NGUON_THU: 'HOC_PHI',
        SO_TIEN: i,
        GHI_CHU: ghiChu,
      })),
      KHOAN_CHIS: [{ NHOM_CHI: 'KHAC', SO_TIEN: 0, GHI_CHU: hostile.join(' | ').slice(0, 255) }],
    };
    const put = await w.request('PUT', `/v1/truong/${a}/tai-chinh/2025`, {
      token: tokenA(w),
      body: finance,
    });
    expect(put.status, put.text.slice(0, 300)).toBe(201);
    expect(put.headers.get('content-type')).toMatch(/^application\/json/);
    expect(put.body.data).toEqual(finance);
    // Short ones in a class name (at most 20 characters) too.
    const short = hostile.filter((s) => s.length <= 20);
    for (const [i, ten] of short.entries()) {
      const answer = await w.request('PUT', lopPath(w, `L${i}`), {
        token: tokenA(w),
        body: { TRUONG_ID: a, MA: `L${i}`, TEN: ten },
      });
      expect(answer.status, answer.text.slice(0, 300)).toBe(201);
    }

    const get = await w.request('GET', `/v1/truong/${a}/tai-chinh/2025`, { token: tokenA(w) });
    expect(get.body.data).toEqual(finance);
    const list = await w.request('GET', `/v1/truong/${a}/tai-chinh`, { token: tokenA(w) });
    expect(list.body.data).toEqual([finance]);
    const classes = await w.request('GET', `/v1/truong/${a}/lop?limit=1000`, { token: tokenA(w) });
    expect(classes.body.data.map((r: { TEN: string }) => r.TEN).sort()).toEqual([...short].sort());
    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed[0]?.data).toEqual(finance);
    expect(feed.slice(1).map((e) => e.data['TEN'])).toEqual(short);
    // The tables are all still there: the database goes on taking writes.
    const after = await w.request('PUT', lopPath(w, 'SAU'), {
      token: tokenA(w),
      body: { TRUONG_ID: a, MA: 'SAU' },
    });
    expect(after.status).toBe(201);
    expect(await readFeed(w.url, w.tokens.so)).toHaveLength(2 + short.length);
  });

  it('in paths, query strings and headers is a 4xx problem, never a 500', async () => {
    const w = await world();
    const a = A(w);
    const t = tokenA(w);
    for (const s of ["' OR 1=1 --", '1; DROP TABLE records', '<script>x</script>']) {
      const e = encodeURIComponent(s);
      expectProblem(await w.request('GET', lopPath(w, s), { token: t }), 404, 'not-found');
      expectProblem(await w.request('GET', `/v1/truong/${e}/lop`, { token: t }), 403);
      expectProblem(await w.request('GET', `/v1/truong/${a}/lop?limit=${e}`, { token: t }), 400);
      expectProblem(await w.request('GET', `/v1/truong/${a}/lop?cursor=${e}`, { token: t }), 400);
      expectProblem(await w.request('GET', `/v1/changes?since=${e}`, { token: t }), 400);
      expectProblem(
        await w.request('GET', `/v1/changes?truongId=${e}`, { token: w.tokens.so }),
        403,
      );
      expectProblem(
        await w.request('GET', `/v1/late-pushes?from=${e}`, { token: w.tokens.so }),
        400,
      );
      expectProblem(
        await w.request('PUT', lopPath(w), {
          token: t,
          body: { TRUONG_ID: a, MA: '1A' },
          headers: { 'if-match': s },
        }),
        400,
        'malformed-request',
      );
    }
    // A cursor that decodes to a key array is only a position: nothing leaks or breaks.
    const forged = Buffer.from(JSON.stringify(["' OR 1=1 --"])).toString('base64url');
    const page = await w.request('GET', `/v1/truong/${a}/lop?cursor=${forged}`, { token: t });
    expect(page.status).toBe(200);
    expect(page.body).toEqual({ data: [], next: null });
    await expectNothingWritten(w);
  });
});

describe('oversized values', () => {
  it('a 10,000-character string is a 422 naming the field, its rule and its pointer, and is not echoed', async () => {
    const w = await world();
    const a = A(w);
    const long = 'x'.repeat(10_000);
    const cases: [string, string, unknown, string][] = [
      ['PUT', lopPath(w), { TRUONG_ID: a, MA: '1A', TEN: long }, '/TEN'],
      [
        'PUT',
        `/v1/truong/${a}/tai-chinh/2025`,
        {
          TRUONG_ID: a,
          NAM_TAI_CHINH: 2025,
          KHOAN_THUS: [{ NGUON_THU: 'HOC_PHI', SO_TIEN: 1, GHI_CHU: long }],
          KHOAN_CHIS: [],
        },
        '/KHOAN_THUS/0/GHI_CHU',
      ],
      // A number too big for a double (JSON.parse makes it Infinity), sent as text.
      [
        'PUT',
        lopPath(w, 'X'),
        `{"TRUONG_ID":"${a}","MA":"X","THU_TU":1${'0'.repeat(400)}}`,
        '/THU_TU',
      ],
    ];
    for (const [method, path, body, pointer] of cases) {
      const answer = await w.request(method, path, {
        token: tokenA(w),
        body: body as object | string,
        headers: json,
      });
      const problem = expectProblem(answer, 422, 'validation');
      expect(problem.ruleIds).toEqual(['STD.SCHEMA.001']);
      expect(problem.issues.map((i: { pointer: string }) => i.pointer)).toEqual([pointer]);
      expect(problem.issues[0].message.en).toContain(pointer.split('/').at(-1));
      expect(answer.text).not.toContain('x'.repeat(100));
    }

    // A generated pupil whose name (personal data) is 10,000 characters: refused, not echoed.
    const school = generateSchool({
      seed: 7,
      province: '79',
      truongId: a,
      pupils: 3,
      assessments: false,
    });
    const pupil = school.hocSinhs[0];
    if (!pupil) throw new Error('no pupil generated');
    const wire = encodeWire(HocSinh, pupil as never) as Record<string, unknown>;
    const path = `/v1/truong/${a}/hoc-sinh/${pupil.hocSinhId}`;
    const valid = await w.request('PUT', path, { token: tokenA(w), body: wire });
    expect(valid.status).toBe(201);
    const named = await w.request('PUT', path, {
      token: tokenA(w),
      body: { ...wire, HO_TEN: long },
    });
    const problem = expectProblem(named, 422, 'validation');
    expect(problem.issues.map((i: { pointer: string }) => i.pointer)).toContain('/HO_TEN');
    expect(named.text).not.toContain('x'.repeat(100));
    // (Asserted as a boolean, so that a failure never prints the personal ID.)
    expect(named.text.includes(String(wire['MA_CONG_DAN_ID']))).toBe(false);
    // In a batch: that item alone is refused, with the same pointer.
    const batch = await w.request('POST', '/v1/batches', {
      token: tokenA(w),
      body: {
        items: [
          { entity: 'Lop', data: { TRUONG_ID: a, MA: '2A', TEN: long } },
          { entity: 'Lop', data: { TRUONG_ID: a, MA: '2B' } },
        ],
      },
    });
    expect(batch.body.results[0].problem.issues[0].pointer).toBe('/TEN');
    expect(batch.body.results[1].outcome).toBe('created');
    expect(batch.text).not.toContain('x'.repeat(100));
    // What is stored: the valid pupil and class 2B only.
    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed.map((e) => e.entity)).toEqual(['HocSinh', 'Lop']);
  });

  it('an X-Correlation-Id of 10 KB, over 128 characters or with odd characters is replaced, never echoed', async () => {
    const w = await world();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const refused = [
      'a'.repeat(10_240),
      'b'.repeat(LIMITS.maxCorrelationIdLength + 1),
      'abc def',
      'abc;x=1',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      'caf\u00e9',
    ];
    for (const id of refused) {
      for (const answer of [
        await w.request('GET', '/v1/health', { headers: { 'x-correlation-id': id } }),
        await w.request('GET', lopPath(w), { headers: { 'x-correlation-id': id } }),
      ]) {
        const echoed = answer.headers.get('x-correlation-id') ?? '';
        expect(echoed).toMatch(uuid);
        expect(answer.text).not.toContain(id.slice(0, 40));
      }
      expectProblem(
        await w.request('GET', lopPath(w), { headers: { 'x-correlation-id': id } }),
        401,
        'unauthorized',
      );
    }
    // One that follows the rules is echoed, in the header and the problem document.
    const good = `c.${'d'.repeat(LIMITS.maxCorrelationIdLength - 2)}`;
    const answer = await w.request('GET', lopPath(w), { headers: { 'x-correlation-id': good } });
    expect(expectProblem(answer, 401).correlationId).toBe(good);
  });

  it('CR or LF inside an X-Correlation-Id never becomes a header of the answer', async () => {
    const w = await world();
    const variants = [
      'abc\r\nX-Injected: yes', // two headers as far as HTTP goes: abc is echoed, nothing else
      'abc\r\n X-Injected: yes', // an obsolete folded line
      'abc\rX-Injected: yes',
      'abc\nX-Injected: yes',
    ];
    for (const value of variants) {
      const raw = await rawExchange(
        w.server.port,
        `GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Correlation-Id: ${value}\r\nConnection: close\r\n\r\n`,
      );
      const answer = parseRaw(raw);
      expect(answer, JSON.stringify(raw)).toBeDefined();
      expect(answer?.headers.some(([k]) => k === 'x-injected')).toBe(false);
      for (const [k, v] of answer?.headers ?? []) {
        if (k === 'x-correlation-id') expect(v).toMatch(/^[A-Za-z0-9._-]+$/);
      }
      expect([200, 400]).toContain(answer?.status);
    }
    // The server is still serving.
    expect((await w.request('GET', '/v1/health')).status).toBe(200);
  });

  it('a request the HTTP parser refuses (a bare CR in a header) is still answered with a problem document', async () => {
    const w = await world();
    const raw = await rawExchange(
      w.server.port,
      'GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Correlation-Id: abc\rdef\r\nConnection: close\r\n\r\n',
    );
    const answer = parseRaw(raw);
    expect(answer?.status).toBe(400);
    const type = answer?.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
    expect(type, JSON.stringify(raw)).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer?.body || '{}').type).toBe('urn:eduvn:problem:malformed-request');
  });
});

describe('tokens', () => {
  it('an expired token is a 401 problem with WWW-Authenticate, on reads and writes', async () => {
    let clock = T0;
    const w = await world({ now: () => clock, tokenTtlSeconds: 60 });
    const token = tokenA(w);
    const requests: [string, string, object | undefined][] = [
      ['GET', lopPath(w), undefined],
      ['PUT', lopPath(w), { TRUONG_ID: A(w), MA: '1A' }],
      ['POST', '/v1/batches', { items: [{ entity: 'Lop', data: { TRUONG_ID: A(w), MA: '1B' } }] }],
      ['GET', '/v1/changes', undefined],
    ];
    clock = T0 + 59_000;
    expect((await w.request('GET', '/v1/changes', { token })).status).toBe(200);
    for (const after of [60_000, 61_000, 86_400_000]) {
      clock = T0 + after;
      for (const [method, path, body] of requests) {
        const answer = await w.request(method, path, {
          token,
          ...(body === undefined ? {} : { body }),
        });
        const problem = expectProblem(answer, 401, 'unauthorized');
        expect(problem.reason).toBe('expired');
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      }
    }
    clock = T0;
    await expectNothingWritten(w);
    // A new token works again.
    const fresh = await tokenOf(w.url, w.accounts.school[0] as Credentials);
    expect((await w.request('GET', '/v1/changes', { token: fresh })).status).toBe(200);
  });

  it('forged tokens — another sandbox’s, tampered, re-signed nonsense, garbage — are 401 problems', async () => {
    const w = await world();
    const a = A(w);
    const real = tokenA(w);
    const [prefix, payload, signature] = real.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));

    // Another sandbox, with an account of the very same client id.
    const other = createSandbox({ rateLimit: false, now: () => T0 });
    onTestFinished(() => other.close());
    other.addUnit({ id: a, kind: 'truong', name: 'Elsewhere' });
    const creds = other.addAccount({ kind: 'quan-tri', unitId: a, clientId: claims.sub });
    const response = await other.fetch('/v1/token', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
      }),
    });
    const foreign = ((await response.json()) as { access_token: string }).access_token;

    const b64 = (value: unknown) =>
      Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    // Re-signed with the real key (read from the database file, as an intruder with the file
    // could): well signed, but nonsense inside.
    const db = new Database(w.db, { readonly: true });
    const key = (
      db.prepare("SELECT value FROM meta WHERE name = 'signing-key'").get() as {
        value: string;
      }
    ).value;
    db.close();
    const signed = (body: string) =>
      `${prefix}.${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
    const exp = Math.floor(T0 / 1000) + 600;

    const forged: [string, string][] = [
      [foreign, 'bad-signature'],
      [
        `${prefix}.${b64({ ...claims, sub: w.accounts.so.clientId })}.${signature}`,
        'bad-signature',
      ],
      [`${prefix}.${b64({ ...claims, exp: claims.exp + 86_400 })}.${signature}`, 'bad-signature'],
      [`${prefix}.${payload}.`, 'bad-signature'],
      [`${prefix}.${payload}`, 'malformed'],
      [`${prefix}.${payload}.${signature}.x`, 'malformed'],
      [`evs2.${payload}.${signature}`, 'malformed'],
      ['x', 'malformed'],
      ['evs1.', 'malformed'],
      [`evs1.${'a'.repeat(5000)}.b`, 'malformed'],
      [signed(b64('not json')), 'malformed'],
      [signed(b64('null')), 'malformed'],
      [signed(b64({ sub: 42, exp })), 'malformed'],
      [signed(b64({ sub: claims.sub })), 'malformed'],
      [signed(b64({ sub: claims.sub, exp: String(exp) })), 'malformed'],
      [signed(b64({ sub: 'nobody', exp })), 'unknown-account'],
      [signed(b64({ sub: '__proto__', exp })), 'unknown-account'],
      [signed(b64({ sub: 'constructor', exp })), 'unknown-account'],
    ];
    for (const [token, reason] of forged) {
      const answer = await w.request('GET', lopPath(w), { token });
      const problem = expectProblem(answer, 401, 'unauthorized');
      expect(problem.reason, token.slice(0, 60)).toBe(reason);
    }
    // Headers that are not a bearer token at all.
    for (const authorization of [
      '',
      'Bearer',
      'Bearer  ',
      `Basic ${b64('a:b')}`,
      `Token ${real}`,
      `Bearer ${real} extra`,
    ]) {
      const answer = await w.request('GET', lopPath(w), { headers: { authorization } });
      expectProblem(answer, 401, 'unauthorized');
    }
    // The real token, as a control (the scheme is case-insensitive).
    expect(
      (await w.request('GET', '/v1/changes', { headers: { authorization: `bearer ${real}` } }))
        .status,
    ).toBe(200);
    await expectNothingWritten(w);
  });

  it("a school's token reaches no other school: every {truongId} operation answers 403, and a khai-thac token every write", async () => {
    const w = await world();
    const a = A(w);
    // School A has records, so that a read by the wrong school would otherwise find something.
    for (const body of [
      { TRUONG_ID: a, MA: '1A' },
      { TRUONG_ID: a, NAM_TAI_CHINH: 2025, KHOAN_THUS: [], KHOAN_CHIS: [] },
    ]) {
      const path = 'MA' in body ? lopPath(w) : `/v1/truong/${a}/tai-chinh/2025`;
      expect((await w.request('PUT', path, { token: tokenA(w), body })).status).toBe(201);
    }
    const sample: Record<string, string> = {
      ma: '1A',
      giaoVienId: 'GV1',
      hocSinhId: 'HS1',
      hocKy: '1',
      namHoc: '2025-2026',
      kyDanhGia: 'CN',
      diemTruongId: a,
      namTaiChinh: '2025',
      suKienId: 'SK1',
    };
    const operations = contractOperations().filter((op) => op.path.includes('{truongId}'));
    expect(operations.length).toBeGreaterThanOrEqual(35);
    const tokenB = w.tokens.school[1] as string;
    const readA = w.tokens.schoolRead[0] as string;
    let writes = 0;
    for (const op of operations) {
      const method = op.method.toUpperCase();
      const fill = (truongId: string) =>
        op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent(name === 'truongId' ? truongId : (sample[name] ?? 'X')),
        );
      // A body no school could write (an unknown symbol): a write that got through would be a 422.
      const body = method === 'GET' ? {} : { body: { TRUONG_ID: a, NOT_A_SYMBOL: 1 } };
      const label = `${method} ${op.path} (${op.operationId})`;
      // School B on school A, and on a school that does not exist: the same 403.
      for (const truongId of [a, '79999999']) {
        const answer = await w.request(method, fill(truongId), { token: tokenB, ...body });
        expect(answer.status, label).toBe(403);
        expect(expectProblem(answer, 403, 'forbidden').reason, label).toBe('out-of-scope');
      }
      // Control: school A's own token is not refused (200, 404, or the body judged).
      const own = await w.request(method, fill(a), {
        token: method === 'GET' ? readA : tokenA(w),
        ...body,
      });
      expect(own.status, label).not.toBe(403);
      expect(own.status, label).toBeLessThan(500);
      if (method === 'GET') continue;
      writes++;
      // A khai-thac (read-only) token of school A, and of the Sở, may not write.
      for (const token of [readA, w.tokens.soRead]) {
        const answer = await w.request(method, fill(a), { token, ...body });
        expect(expectProblem(answer, 403, 'forbidden').reason, label).toBe('read-only-account');
      }
    }
    expect(writes).toBeGreaterThanOrEqual(12);
    // The same scopes where the school is not in the path: the feed, a batch item, the audit log.
    expectProblem(
      await w.request('GET', `/v1/changes?truongId=${a}`, { token: tokenB }),
      403,
      'forbidden',
    );
    const batch = await w.request('POST', '/v1/batches', {
      token: tokenB,
      body: { items: [{ entity: 'Lop', data: { TRUONG_ID: a, MA: '9Z' } }] },
    });
    expect(batch.body.results[0]).toMatchObject({ status: 403, outcome: 'rejected' });
    expectProblem(await w.request('GET', '/v1/audit', { token: tokenB }), 403, 'forbidden');
    const feedB = await readFeed(w.url, tokenB);
    expect(feedB).toEqual([]);
    // Nothing but the two seeded records was ever written.
    expect((await readFeed(w.url, w.tokens.so)).map((e) => e.entity)).toEqual(['Lop', 'TaiChinh']);
  });
});

describe('outside the contract', () => {
  it('DELETE, PATCH, unknown methods and paths are problem documents', async () => {
    const w = await world();
    const t = tokenA(w);
    const checks: [string, string, number, ProblemType][] = [
      ['DELETE', lopPath(w), 405, 'no-delete'],
      ['DELETE', '/v1/batches', 405, 'no-delete'],
      ['PATCH', lopPath(w), 405, 'method-not-allowed'],
      ['OPTIONS', lopPath(w), 404, 'not-found'],
      ['POST', '/v1/health', 404, 'not-found'],
      ['GET', '/v2/truong', 404, 'not-found'],
      ['GET', '/', 404, 'not-found'],
      ['GET', `/v1/truong/${A(w)}/lop/1A/extra`, 404, 'not-found'],
    ];
    for (const [method, path, status, slug] of checks) {
      const answer = await w.request(method, path, {
        token: t,
        headers: { 'x-correlation-id': 'req-1' },
      });
      expect(expectProblem(answer, status, slug).correlationId).toBe('req-1');
      if (status === 405) expect(answer.headers.get('allow')).toBe('GET, PUT, POST');
    }
  });
});
