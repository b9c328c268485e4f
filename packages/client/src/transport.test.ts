import type { HocSinh } from '@eduvn/standard';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClientOptions, createClient } from './client.ts';
import {
  AuthError,
  ConflictError,
  NetworkError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors.ts';
import { SCHOOL } from './world.test-helper.ts';

const BASE = 'https://csdl.test';
const pupil = SCHOOL.hocSinhs[0] as HocSinh;
const path = `${BASE}/v1/truong/${pupil.truongId}/hoc-sinh/${pupil.hocSinhId}`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const written = {
  outcome: 'created',
  entity: 'HocSinh',
  truongId: pupil.truongId,
  key: { HOC_SINH_ID: pupil.hocSinhId },
  version: 1,
  data: { TRUONG_ID: pupil.truongId, HOC_SINH_ID: pupil.hocSinhId, HO_TEN: pupil.hoTen },
  occurredAt: '2026-03-02T08:00:00+07:00',
  receivedAt: '2026-03-02T01:00:00.000Z',
  late: false,
  warnings: [],
};

const problem = (status: number, type: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    {
      type: `urn:eduvn:problem:${type}`,
      title: type,
      status,
      detail: `${type} happened`,
      ...extra,
    },
    {
      status,
      headers: { 'content-type': 'application/problem+json', 'x-correlation-id': 'srv-1' },
    },
  );

let tokens = 0;
const tokenHandler = (expiresIn = 3600) =>
  http.post(`${BASE}/v1/token`, async ({ request }) => {
    tokens++;
    const form = new URLSearchParams(await request.text());
    if (form.get('client_secret') !== 'bi-mat') return problem(401, 'invalid-client');
    return HttpResponse.json({
      access_token: `evs1.tok${tokens}.sig`,
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope: 'quan-tri truong:x',
    });
  });

function make(o: Partial<ClientOptions> = {}) {
  tokens = 0;
  return createClient({
    baseUrl: BASE,
    credentials: { clientId: 'truong-a', clientSecret: 'bi-mat' },
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 4 },
    ...o,
  });
}

/** Answers a sequence of responses, one per request; records the requests. */
function sequence(...answers: (() => Response | Promise<Response>)[]) {
  const seen: Request[] = [];
  server.use(
    tokenHandler(),
    http.put(path, ({ request }) => {
      seen.push(request.clone());
      const next = answers[Math.min(seen.length - 1, answers.length - 1)] as () => Response;
      return next();
    }),
  );
  return seen;
}

describe('retries', () => {
  it('retries 5xx, 408 and 429 with the same Idempotency-Key and correlation id, then succeeds', async () => {
    const seen = sequence(
      () => problem(503, 'unavailable'),
      () => problem(408, 'timeout'),
      () => problem(429, 'rate-limited'),
      () => HttpResponse.json(written, { status: 201 }),
    );
    const r = await make().upsert('HocSinh', pupil);
    expect(r.$metadata).toMatchObject({ attempts: 4, status: 201 });
    const keys = new Set(seen.map((q) => q.headers.get('idempotency-key')));
    const ids = new Set(seen.map((q) => q.headers.get('x-correlation-id')));
    expect([keys.size, ids.size, [...keys][0]?.length]).toEqual([1, 1, 36]);
  });

  it('honours Retry-After (seconds or a date) and gives up when it asks for more than the cap', async () => {
    sequence(
      () => problem(429, 'rate-limited', {}),
      () => HttpResponse.json(written, { status: 201 }),
    );
    server.use(
      http.put(
        path,
        () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } }),
        { once: true },
      ),
    );
    const started = Date.now();
    const r = await make().upsert('HocSinh', pupil);
    expect(r.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    sequence(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3600' } }));
    const capped = await make({ retry: { maxRetryAfterMs: 5_000 } })
      .upsert('HocSinh', pupil)
      .catch((e: unknown) => e);
    expect(capped).toBeInstanceOf(RateLimitError);
    expect((capped as RateLimitError).$metadata).toMatchObject({ attempts: 1, totalRetryDelay: 0 });
  });

  it('never retries other 4xx', async () => {
    for (const [status, type, kind] of [
      [422, 'validation', ValidationError],
      [409, 'identifier-conflict', ConflictError],
      [400, 'malformed-request', ServerError],
    ] as const) {
      const seen = sequence(() => problem(status, type, { ruleIds: ['X.Y.001'] }));
      const e = await make()
        .upsert('HocSinh', pupil)
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(kind);
      expect([seen.length, (e as ValidationError).$metadata.attempts]).toEqual([1, 1]);
    }
  });

  it('retries dropped connections and gives a NetworkError when they go on', async () => {
    const seen = sequence(() => HttpResponse.error());
    const e = await make()
      .upsert('HocSinh', pupil)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect([
      (e as NetworkError).status,
      (e as NetworkError).$metadata.attempts,
      seen.length,
    ]).toEqual([0, 4, 4]);
  });

  it("names each retry by its own failure: a dropped connection after a 503 is not 'HTTP 503'", async () => {
    sequence(
      () => problem(503, 'unavailable'),
      () => HttpResponse.error(),
    );
    const reasons: string[] = [];
    const e = await make({ hooks: { onRetry: (r) => reasons.push(r.reason) } })
      .upsert('HocSinh', pupil)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkError);
    expect((e as NetworkError).status).toBe(0);
    expect((e as NetworkError).$metadata.status).toBeUndefined();
    expect(reasons).toEqual(['HTTP 503', 'NetworkError', 'NetworkError']);
  });

  it('times out each attempt and says so', async () => {
    sequence(async () => {
      await new Promise((r) => setTimeout(r, 300));
      return HttpResponse.json(written, { status: 201 });
    });
    const e = await make({ timeout: 50, retry: { retries: 1, baseDelayMs: 1 } })
      .upsert('HocSinh', pupil)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TimeoutError);
    expect((e as TimeoutError).$metadata.attempts).toBe(2);
  });

  it('stops retrying when a dead server has drained the retry budget', async () => {
    const seen = sequence(() => problem(503, 'unavailable'));
    const client = make({ retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 1, budget: 20 } });
    const attempts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const e = (await client.upsert('HocSinh', pupil).catch((x: unknown) => x)) as ServerError;
      attempts.push(e.$metadata.attempts);
    }
    expect(attempts).toEqual([4, 2, 1, 1]);
    expect(seen.length).toBe(8);
  });

  it('aborts during a wait at once', async () => {
    sequence(() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '30' } }));
    const controller = new AbortController();
    const pending = make().upsert('HocSinh', pupil, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('người dùng huỷ')), 50);
    const started = Date.now();
    await expect(pending).rejects.toThrow('người dùng huỷ');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('tokens', () => {
  it('gets one token for many calls at once, and reuses it', async () => {
    sequence(() => HttpResponse.json(written, { status: 201 }));
    const client = make();
    await Promise.all(Array.from({ length: 10 }, () => client.upsert('HocSinh', pupil)));
    await client.upsert('HocSinh', pupil);
    expect(tokens).toBe(1);
  });

  it('gets a new token before the old one expires', async () => {
    let now = 0;
    server.use(
      tokenHandler(120),
      http.put(path, () => HttpResponse.json(written, { status: 201 })),
    );
    const client = make({ now: () => now, refreshMarginMs: 60_000 });
    tokens = 0;
    await client.upsert('HocSinh', pupil);
    now = 59_000;
    await client.upsert('HocSinh', pupil);
    now = 61_000;
    await client.upsert('HocSinh', pupil);
    expect(tokens).toBe(2);
  });

  it('authenticates once more after a 401, then gives an AuthError', async () => {
    const used: (string | null)[] = [];
    server.use(
      tokenHandler(),
      http.put(path, ({ request }) => {
        used.push(request.headers.get('authorization'));
        return used.length === 1
          ? problem(401, 'unauthorized')
          : HttpResponse.json(written, { status: 201 });
      }),
    );
    const ok = await make().upsert('HocSinh', pupil);
    expect(ok.outcome).toBe('created');
    expect(used).toEqual(['Bearer evs1.tok1.sig', 'Bearer evs1.tok2.sig']);
    sequence(() => problem(401, 'unauthorized'));
    const e = await make()
      .upsert('HocSinh', pupil)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuthError);
    expect(tokens).toBe(2);
  });

  it('does not retry wrong credentials', async () => {
    sequence(() => HttpResponse.json(written, { status: 201 }));
    const e = await make({ credentials: { clientId: 'truong-a', clientSecret: 'sai' } })
      .upsert('HocSinh', pupil)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AuthError);
    expect(tokens).toBe(1);
  });
});

describe('what never leaks', () => {
  it('keeps tokens, secrets and personal IDs out of errors and log lines', async () => {
    const lines: string[] = [];
    const logger = {
      debug: (m: string, meta: unknown) => lines.push(m + JSON.stringify(meta)),
      info: (m: string, meta: unknown) => lines.push(m + JSON.stringify(meta)),
      warn: (m: string, meta: unknown) => lines.push(m + JSON.stringify(meta)),
      error: (m: string, meta: unknown) => lines.push(m + JSON.stringify(meta)),
    };
    const personalId = pupil.maCongDanId as string;
    sequence(
      () =>
        problem(503, 'unavailable', { detail: `down for ${personalId} with Bearer evs1.tok1.sig` }),
      () =>
        problem(422, 'validation', { detail: `MA_CONG_DAN_ID ${personalId} client_secret=bi-mat` }),
    );
    const e = (await make({ logger })
      .upsert('HocSinh', pupil)
      .catch((x: unknown) => x)) as Error;
    const everything = [e.message, JSON.stringify(e), ...lines].join('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const secret of ['bi-mat', 'evs1.tok1.sig', personalId])
      expect(everything).not.toContain(secret);
    expect(e.message).toContain(`*********${personalId.slice(-3)}`);
    expect(e.message).not.toContain(`${personalId.slice(0, 3)}*`);
  });
});

describe('any fetch', () => {
  it('works with a fetch that never reads the request body (a stub)', async () => {
    const stub: typeof fetch = async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      return url.pathname === '/v1/token'
        ? Response.json({ access_token: 'evs1.a.b', token_type: 'Bearer', expires_in: 60 })
        : Response.json(written, { status: 201 });
    };
    const r = await make({ fetch: stub }).upsert('HocSinh', pupil);
    expect(r.outcome).toBe('created');
  });
});
