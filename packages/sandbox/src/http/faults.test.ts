/**
 * Injected faults over real HTTP: what a client of the sandbox sees when a connection drops
 * before or after a write, when a batch is applied in part, on injected 429s and 5xx, with added
 * latency, and with sandbox-wide fault rates — and that retries with the same Idempotency-Key
 * complete the work exactly once.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Credentials, createSandbox, type SandboxOptions } from '../sandbox.ts';
import { readFeed, upsertsByRecord } from './feed.test-helper.ts';
import { expectProblem } from './problem.test-helper.ts';
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
const lopPath = (w: HttpWorld, ma = '1A') => `/v1/truong/${A(w)}/lop/${ma}`;
const lop = (w: HttpWorld, ma = '1A', thuTu = 1) => ({ TRUONG_ID: A(w), MA: ma, THU_TU: thuTu });

/** What `fetch` throws when the connection is dropped: a TypeError caused by a socket error. */
async function expectDropped(request: Promise<unknown>): Promise<void> {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the request should have failed').toBeInstanceOf(TypeError);
  const cause = (error as { cause?: { code?: string } }).cause;
  expect(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']).toContain(cause?.code);
}

describe('dropped connections', () => {
  it('drop: fetch rejects and nothing is written', async () => {
    const w = await world();
    for (const [method, path, body] of [
      ['PUT', lopPath(w), lop(w)],
      ['POST', '/v1/batches', { items: [{ entity: 'Lop', data: lop(w, '1B') }] }],
      ['GET', lopPath(w), undefined],
    ] as const) {
      await expectDropped(
        w.request(method, path, {
          token: tokenA(w),
          ...(body === undefined ? {} : { body }),
          headers: { 'x-eduvn-fault': 'drop' },
        }),
      );
    }
    expectProblem(await w.request('GET', lopPath(w), { token: tokenA(w) }), 404, 'not-found');
    expect(await readFeed(w.url, w.tokens.so)).toEqual([]);
    // The server goes on serving.
    expect((await w.request('PUT', lopPath(w), { token: tokenA(w), body: lop(w) })).status).toBe(
      201,
    );
  });

  it('drop-after: fetch rejects but the write is applied; the same Idempotency-Key gets the stored answer', async () => {
    const w = await world();
    const key = 'drop-after-put-1';
    await expectDropped(
      w.request('PUT', lopPath(w), {
        token: tokenA(w),
        body: lop(w),
        headers: { 'x-eduvn-fault': 'drop-after', 'idempotency-key': key },
      }),
    );
    const stored = await w.request('GET', lopPath(w), { token: tokenA(w) });
    expect(stored.status).toBe(200);
    expect(stored.body.version).toBe(1);

    // The client retries with the same key: the answer it lost, marked as replayed.
    const retry = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body: lop(w),
      headers: { 'idempotency-key': key },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe('"1"');
    expect(retry.headers.get('location')).toBe(lopPath(w));
    expect(retry.body).toMatchObject({ outcome: 'created', version: 1, data: lop(w) });
    // The same key with another body is refused; the write is never applied twice.
    const other = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body: lop(w, '1A', 2),
      headers: { 'idempotency-key': key },
    });
    expectProblem(other, 409, 'idempotency-key-reused');
    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed.map((e) => [e.type, e.version])).toEqual([['upsert', 1]]);
  });

  it('drop-after on a PUT without a key: a plain retry finds the record unchanged', async () => {
    const w = await world();
    await expectDropped(
      w.request('PUT', lopPath(w), {
        token: tokenA(w),
        body: lop(w),
        headers: { 'x-eduvn-fault': 'drop-after' },
      }),
    );
    const retry = await w.request('PUT', lopPath(w), { token: tokenA(w), body: lop(w) });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ outcome: 'unchanged', version: 1 });
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await readFeed(w.url, w.tokens.so)).toHaveLength(1);
  });

  it('drop-after on a batch: applied once, and the retry replays its results', async () => {
    const w = await world();
    const key = 'batch-drop-after';
    const body = { items: [1, 2, 3].map((i) => ({ entity: 'Lop', data: lop(w, `${i}A`, i) })) };
    await expectDropped(
      w.request('POST', '/v1/batches', {
        token: tokenA(w),
        body,
        idempotencyKey: key,
        headers: { 'x-eduvn-fault': 'drop-after' },
      }),
    );
    const retry = await w.request('POST', '/v1/batches', {
      token: tokenA(w),
      body,
      idempotencyKey: key,
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.summary).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await readFeed(w.url, w.tokens.so)).toHaveLength(3);
  });

  it('a replayed refusal carries the correlation id of the request it answers', async () => {
    const w = await world();
    const key = 'refused-once';
    const body = { TRUONG_ID: A(w), MA: '1A', TEN: 'x'.repeat(21) };
    const first = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body,
      headers: { 'idempotency-key': key, 'x-correlation-id': 'first-try' },
    });
    expect(expectProblem(first, 422, 'validation').correlationId).toBe('first-try');
    const again = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body,
      headers: { 'idempotency-key': key, 'x-correlation-id': 'second-try' },
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-correlation-id')).toBe('second-try');
    // Every problem document names the request it answers: header and body agree.
    expectProblem(again, 422, 'validation');
  });
});

describe('a batch applied in part', () => {
  it('partial=3 on 10 items applies exactly 3 and drops; the retry with the same key applies the other 7', async () => {
    const w = await world();
    const key = 'partial-batch-1';
    const items = Array.from({ length: 10 }, (_, i) => ({
      entity: 'Lop',
      data: lop(w, `P${i}`, i),
    }));
    await expectDropped(
      w.request('POST', '/v1/batches', {
        token: tokenA(w),
        body: { items },
        idempotencyKey: key,
        headers: { 'x-eduvn-fault': 'partial=3' },
      }),
    );
    const applied = await readFeed(w.url, w.tokens.so);
    expect(applied.map((e) => e.key)).toEqual([{ MA: 'P0' }, { MA: 'P1' }, { MA: 'P2' }]);
    for (const i of [0, 2])
      expect((await w.request('GET', lopPath(w, `P${i}`), { token: tokenA(w) })).status).toBe(200);
    for (const i of [3, 9])
      expectProblem(await w.request('GET', lopPath(w, `P${i}`), { token: tokenA(w) }), 404);

    const retry = await w.request('POST', '/v1/batches', {
      token: tokenA(w),
      body: { items },
      idempotencyKey: key,
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      ...Array(3).fill('unchanged'),
      ...Array(7).fill('created'),
    ]);
    expect(retry.body.summary).toEqual({ created: 7, updated: 0, unchanged: 3, rejected: 0 });
    // Now the answer is stored: a third try replays it, and nothing is written twice.
    const third = await w.request('POST', '/v1/batches', {
      token: tokenA(w),
      body: { items },
      idempotencyKey: key,
    });
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(third.body).toEqual(retry.body);
    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed.map((e) => e.key['MA'])).toEqual(items.map((_, i) => `P${i}`));
    expect([...upsertsByRecord(feed).values()].every((list) => list.length === 1)).toBe(true);
  });

  it('partial needs an Idempotency-Key like any batch, and partial=0 applies nothing', async () => {
    const w = await world();
    const items = [{ entity: 'Lop', data: lop(w) }];
    const without = await w.request('POST', '/v1/batches', {
      token: tokenA(w),
      body: { items },
      idempotencyKey: null,
      headers: { 'x-eduvn-fault': 'partial=3' },
    });
    expectProblem(without, 400, 'idempotency-key-required');
    await expectDropped(
      w.request('POST', '/v1/batches', {
        token: tokenA(w),
        body: { items },
        headers: { 'x-eduvn-fault': 'partial=0' },
      }),
    );
    expect(await readFeed(w.url, w.tokens.so)).toEqual([]);
  });
});

describe('injected answers', () => {
  it('status=429; retry-after=2 is a 429 problem with Retry-After: 2, and nothing is written', async () => {
    const w = await world();
    for (const header of ['status=429; retry-after=2', 'retry-after=2, status=429']) {
      const answer = await w.request('PUT', lopPath(w), {
        token: tokenA(w),
        body: lop(w),
        headers: { 'x-eduvn-fault': header },
      });
      const problem = expectProblem(answer, 429, 'rate-limited');
      expect(answer.headers.get('retry-after')).toBe('2');
      expect(problem.retryAfter).toBe(2);
    }
    const plain = await w.request('GET', '/v1/health', {
      headers: { 'x-eduvn-fault': 'status=429' },
    });
    expect(plain.headers.get('retry-after')).toBe('1');
    expect(await readFeed(w.url, w.tokens.so)).toEqual([]);
  });

  it('status=502, 503 and 500 are problem documents of the server-error or unavailable type', async () => {
    const w = await world();
    const cases = [
      [502, 'server-error'],
      [503, 'unavailable'],
      [500, 'server-error'],
      [504, 'server-error'],
    ] as const;
    for (const [status, slug] of cases) {
      const answer = await w.request('POST', '/v1/batches', {
        token: tokenA(w),
        body: { items: [{ entity: 'Lop', data: lop(w) }] },
        headers: { 'x-eduvn-fault': `status=${status}`, 'x-correlation-id': `fault-${status}` },
      });
      expect(expectProblem(answer, status, slug).correlationId).toBe(`fault-${status}`);
    }
    expect(await readFeed(w.url, w.tokens.so)).toEqual([]);
  });

  it('an unreadable X-Eduvn-Fault is a 400 problem', async () => {
    const w = await world();
    for (const header of [
      'status=200',
      'status=abc',
      'drop=1',
      'latency=-5',
      'latency=600000',
      'explode',
    ]) {
      const answer = await w.request('GET', '/v1/health', { headers: { 'x-eduvn-fault': header } });
      expectProblem(answer, 400, 'malformed-request');
    }
  });

  it('latency=150 delays the answer by at least 150 ms, and the write is still applied', async () => {
    const w = await world();
    const started = performance.now();
    const answer = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body: lop(w),
      headers: { 'x-eduvn-fault': 'latency=150' },
    });
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(201);
    // A lower bound only: a busy machine makes it later, never earlier (timers may fire ~1 ms early).
    expect(elapsed).toBeGreaterThanOrEqual(148);
    // Latency and a fault together: the fault comes after the wait.
    const both = w.request('GET', '/v1/health', {
      headers: { 'x-eduvn-fault': 'latency=100; status=503' },
    });
    const quick = await w.request('GET', '/v1/health');
    expect(quick.status).toBe(200);
    expectProblem(await both, 503, 'unavailable');
  });

  it('with header: false, X-Eduvn-Fault is ignored', async () => {
    const w = await world({ faults: { header: false } });
    const answer = await w.request('PUT', lopPath(w), {
      token: tokenA(w),
      body: lop(w),
      headers: { 'x-eduvn-fault': 'drop' },
    });
    expect(answer.status).toBe(201);
  });
});

describe('sandbox-wide fault rates', () => {
  /** The statuses (or 'dropped') of 24 health requests, one after the other, on a fresh sandbox. */
  async function run(options: SandboxOptions): Promise<(number | 'dropped')[]> {
    const sandbox = createSandbox({ rateLimit: false, now: () => T0, ...options });
    const server = await sandbox.listen({ port: 0 });
    try {
      const out: (number | 'dropped')[] = [];
      for (let i = 0; i < 24; i++) {
        try {
          const answer = await send(server.url, 'GET', '/v1/health');
          if (answer.status !== 200) expectProblem(answer, answer.status);
          out.push(answer.status);
        } catch {
          out.push('dropped');
        }
      }
      return out;
    } finally {
      await server.close();
      sandbox.close();
    }
  }

  it('errorRate: 0.5 with seed 7 gives the same answers every time; another seed, others', async () => {
    const seven = await run({ faults: { errorRate: 0.5, seed: 7 } });
    expect(await run({ faults: { errorRate: 0.5, seed: 7 } })).toEqual(seven);
    expect(new Set(seven)).toEqual(new Set([200, 503]));
    const share = seven.filter((s) => s === 503).length / seven.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
    expect(await run({ faults: { errorRate: 0.5, seed: 8 } })).not.toEqual(seven);
    const bad = await run({ faults: { errorRate: 0.5, errorStatus: 502, seed: 7 } });
    expect(bad.map((s) => (s === 502 ? 503 : s))).toEqual(seven);
  });

  it('dropRate and rateLimitRate are deterministic for a seed too', async () => {
    const faults = { dropRate: 0.3, rateLimitRate: 0.3, seed: 11 };
    const first = await run({ faults });
    expect(await run({ faults })).toEqual(first);
    expect(first).toContain('dropped');
    expect(first).toContain(429);
    expect(first).toContain(200);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After per account once its burst is spent, and the token request per address', async () => {
    let clock = T0;
    // A burst of 6: exactly the world's six token requests from this address.
    const w = await world({ now: () => clock, rateLimit: { perSecond: 1, burst: 6 } });
    for (let i = 0; i < 6; i++)
      expect((await w.request('GET', lopPath(w), { token: tokenA(w) })).status).toBe(404);
    const limited = await w.request('GET', lopPath(w), { token: tokenA(w) });
    const problem = expectProblem(limited, 429, 'rate-limited');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(problem.retryAfter).toBe(1);
    // Another account has its own bucket.
    const other = await w.request('GET', `/v1/truong/${w.schools[1]}/lop`, {
      token: w.tokens.school[1] as string,
    });
    expect(other.status).toBe(200);
    // The token request is limited by address: this one's six are spent.
    const token = await w.request('POST', '/v1/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: w.accounts.school[0]?.clientId,
        client_secret: w.accounts.school[0]?.clientSecret,
      },
    });
    expectProblem(token, 429, 'rate-limited');
    // A second later, one more of each; a fresh token does not reset the account's bucket.
    clock += 1000;
    const fresh = await tokenOf(w.url, w.accounts.school[0] as Credentials);
    expect((await w.request('GET', lopPath(w), { token: fresh })).status).toBe(404);
    expectProblem(await w.request('GET', lopPath(w), { token: fresh }), 429, 'rate-limited');
  });
});
