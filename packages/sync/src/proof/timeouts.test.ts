/**
 * A schedule the fault properties found over real HTTP, made small and exact: a batch the client
 * gave up on (its timeout) is still applied by the server, late. The outbox has meanwhile sent
 * the same changes again in another batch — under another Idempotency-Key — and the records'
 * next versions after them. The late batch must not bring the records back to older versions.
 */
import type { Credentials } from '@eduvn/sandbox';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createOutbox } from '../outbox/outbox.ts';
import { createMemoryStore } from '../store/memory.ts';
import { expectExactEnd } from './end-state.test-helper.ts';
import { buildWorkload, NOW, type SchoolSource, schoolSource } from './workload.test-helper.ts';
import { cleanClientOf, clientOf, connect, proofSandbox } from './world.test-helper.ts';

const SOURCE: SchoolSource = schoolSource('proof-timeouts', '79000806', {
  pupils: 2,
  newcomers: 0,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the sandbox's audit log has an entry of the request with this correlation id. */
async function audited(url: string, so: Credentials, correlationId: string): Promise<boolean> {
  const token = await fetch(`${url}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-eduvn-fault': 'none' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: so.clientId,
      client_secret: so.clientSecret,
    }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const audit = await fetch(`${url}/v1/audit?limit=1000`, {
    headers: { authorization: `Bearer ${token.access_token}`, 'x-eduvn-fault': 'none' },
  }).then((r) => r.json() as Promise<{ data: { correlationId: string }[] }>);
  return audit.data.some((e) => e.correlationId === correlationId);
}

describe('a batch that timed out, applied late', () => {
  it('never brings a record back to an older version (over real HTTP)', {
    timeout: 60_000,
  }, async () => {
    // Pupil A created then changed; pupil B created.
    const workload = buildWorkload(SOURCE, [
      { kind: 'pupil', who: 0, change: 1 },
      { kind: 'pupil', who: 1, change: 0 },
    ]);
    const changes = [0, 2, 1, 3].map((i) => workload.changes[i]);
    expect(changes.map((c) => c?.record['hocSinhId'])).toEqual([
      SOURCE.pupils[0]?.hocSinhId,
      SOURCE.pupils[1]?.hocSinhId,
      SOURCE.pupils[0]?.hocSinhId,
      SOURCE.pupils[1]?.hocSinhId,
    ]);
    const { sandbox, credentials } = proofSandbox([SOURCE]);
    onTestFinished(() => sandbox.close());
    const connection = await connect(sandbox, 'http');
    onTestFinished(() => connection.close());

    // The first batch is answered after 3 s; its client gives up after 1 s (the other requests
    // are answered at once, and the second worker's client waits as long as a loaded machine needs).
    let late: string | undefined;
    const client = clientOf(
      {
        ...connection,
        fetch: (input, init) => {
          const request = new Request(input, init);
          if (late === undefined && new URL(request.url).pathname === '/v1/batches') {
            late = request.headers.get('x-correlation-id') ?? '';
            request.headers.set('x-eduvn-fault', 'latency=3000');
          }
          return connection.fetch(request);
        },
      },
      credentials,
      { timeout: 1_000, retry: { retries: 0 } },
    );
    const patient = clientOf(connection, credentials, { timeout: 60_000, retry: { retries: 0 } });
    const clock = { t: NOW };
    const store = createMemoryStore();
    const options = {
      store,
      client,
      now: () => clock.t,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      massChange: false as const,
    };
    // Worker 1 sends A and B's first versions together; worker 2 takes one change at a time.
    const first = createOutbox({ ...options, worker: 'w1', batchSize: 2 });
    const second = createOutbox({ ...options, client: patient, worker: 'w2', batchSize: 1 });
    await first.enqueue(changes as never);
    expect(await first.drain({ maxRounds: 1 })).toMatchObject({ delivered: 0, retried: 2 });
    clock.t += 1_001;
    await second.drain();
    expect(await second.status()).toMatchObject({ pending: 0 });

    // The first batch reaches the database now, late.
    while (!(await audited(connection.baseUrl, credentials, late ?? ''))) await sleep(50);
    await expectExactEnd(cleanClientOf(connection, credentials), [workload], first);
  });
});
