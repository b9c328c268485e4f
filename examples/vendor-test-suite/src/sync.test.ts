import { createClient, type EduvnClient } from '@eduvn/client';
import type { HocSinh } from '@eduvn/standard';
import { createSandboxWorld, type SandboxWorld, sandboxHandlers } from '@eduvn/testing/sandbox';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportPupils } from './export.ts';
import { enrolled, vendorRowOf } from './fixtures.test-helper.ts';
import { syncPupils } from './sync.ts';

// The city database's URL as the vendor's configuration names it; msw answers every request to it
// from an @eduvn/sandbox running in-process — the real server's validation, identifiers,
// idempotency and faults, without a port.
const CITY_DATABASE = 'https://csdl.example.vn';
const ENTERED_AT = '2026-03-02T08:00:00+07:00';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A sandbox world behind the city database's URL, and the vendor's pupils for its school. */
function world(options: Parameters<typeof createSandboxWorld>[0] = {}): SandboxWorld & {
  pupils: HocSinh[];
} {
  const w = createSandboxWorld({ seed: 8, pupils: 90, ...options });
  server.resetHandlers(...sandboxHandlers(w.sandbox, { baseUrl: CITY_DATABASE }));
  const rows = enrolled(w.school.hocSinhs).map(vendorRowOf);
  return { ...w, pupils: exportPupils(rows, { truongId: w.truongId }) };
}

/** What the client's hooks saw: attempts sent, answers by status, retries. */
interface Traffic {
  sent: number;
  statuses: number[];
  retries: number;
}

/** The client as the vendor's application makes it (shorter retry waits, for the tests). */
function clientOf(w: SandboxWorld, traffic?: Traffic): EduvnClient {
  return createClient({
    baseUrl: CITY_DATABASE,
    credentials: w.credentials.school,
    userAgent: 'vendor-qlnt/2.3 (tests)',
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    hooks: {
      onRequest: () => {
        if (traffic) traffic.sent++;
      },
      onResponse: ({ status }) => traffic?.statuses.push(status),
      onRetry: () => {
        if (traffic) traffic.retries++;
      },
    },
  });
}

/** The pupil codes the city database holds for the school. */
async function onServer(client: EduvnClient, truongId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const pupil of client.list('HocSinh', truongId)) ids.push(pupil.hocSinhId);
  return ids;
}

describe('the vendor sync against the city database (sandbox handlers)', () => {
  it('pushes every exported pupil, and sending them again changes nothing', async () => {
    const w = world();
    const client = clientOf(w);
    const first = await syncPupils(client, w.pupils, ENTERED_AT);
    expect(first).toEqual({
      created: w.pupils.length,
      updated: 0,
      unchanged: 0,
      refused: [],
      failed: [],
    });
    const again = await syncPupils(client, w.pupils, ENTERED_AT);
    expect(again.unchanged).toBe(w.pupils.length);
    expect((await onServer(client, w.truongId)).sort()).toEqual(
      w.pupils.map((p) => p.hocSinhId).sort(),
    );
    w.sandbox.close();
  });

  it('brings back a refused pupil with its rule ids, and writes the others', async () => {
    const w = world();
    const [bad, ...good] = w.pupils;
    if (!bad) throw new Error('no pupil');
    // A name over QĐ 4998's 50 characters: the city database refuses the record (422).
    const summary = await syncPupils(
      clientOf(w),
      [{ ...bad, hoTen: `${bad.hoTen} ${'Nguyễn '.repeat(8)}`.trim() }, ...good],
      ENTERED_AT,
    );
    expect(summary.refused).toEqual([
      { hocSinhId: bad.hocSinhId, status: 422, ruleIds: ['STD.SCHEMA.001'] },
    ]);
    expect(summary.created).toBe(good.length);
    w.sandbox.close();
  });

  it('survives injected faults: 5xx answers and answers lost after the write', async () => {
    // Three requests in ten fail with a 503, one in ten is applied and its answer lost (seeded:
    // the same faults on every run). Batches of ten, one at a time, so that there are many.
    const w = world({ faults: { errorRate: 0.3, dropAfterRate: 0.1, seed: 3 } });
    const traffic: Traffic = { sent: 0, statuses: [], retries: 0 };
    const client = clientOf(w, traffic);
    const summary = await syncPupils(client, w.pupils, ENTERED_AT, {
      chunkSize: 10,
      concurrency: 1,
    });
    // The faults happened: 503 answers, and attempts that got no answer at all.
    expect(traffic.statuses).toContain(503);
    expect(traffic.sent - traffic.statuses.length).toBeGreaterThan(0);
    expect(traffic.retries).toBeGreaterThan(0);
    // And the vendor's sync came through them: every pupil written, none failed or refused (a
    // write whose answer was lost is answered from the idempotency key on the retry: "created").
    expect(summary).toEqual({
      created: w.pupils.length,
      updated: 0,
      unchanged: 0,
      refused: [],
      failed: [],
    });
    // Each pupil is on the server once, however many times its batch was sent.
    const ids = await onServer(client, w.truongId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(w.pupils.map((p) => p.hocSinhId).sort());
    w.sandbox.close();
  });
});
