/**
 * Two schedules the fault properties found, made small and exact: changes that refer to a
 * newcomer's provisional identifier (`TAM-…`) while the database issues the pupil's code. The
 * host enqueues the pupil, then changes that refer to it; whatever fails in between, the database
 * must end with every one of them under the issued code, and the outbox with nothing stuck.
 */
import type { Sandbox } from '@eduvn/sandbox';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createOutbox, type Outbox } from '../outbox/outbox.ts';
import { createMemoryStore } from '../store/memory.ts';
import type { OutboxStore } from '../store/types.ts';
import { expectExactEnd } from './end-state.test-helper.ts';
import { buildWorkload, NOW, type SchoolSource, schoolSource } from './workload.test-helper.ts';
import { cleanClientOf, clientOf, connect, proofSandbox } from './world.test-helper.ts';

const SOURCE: SchoolSource = schoolSource('proof-provisional', '79000805', {
  pupils: 2,
  newcomers: 1,
});
/** The newcomer, in the steps of a workload. */
const NEWCOMER = SOURCE.pupils.length;

/** A sandbox in-process, and a client that sends the given faults with its first batch requests. */
async function world(firstFaults: readonly string[]) {
  const { sandbox, credentials } = proofSandbox([SOURCE]);
  onTestFinished(() => sandbox.close());
  const connection = await connect(sandbox, 'in-process');
  const faults = [...firstFaults];
  const client = (next: string[] = faults) =>
    clientOf(
      {
        ...connection,
        fetch: (input, init) => {
          const request = new Request(input, init);
          const fault = new URL(request.url).pathname === '/v1/batches' ? next.shift() : undefined;
          if (fault) request.headers.set('x-eduvn-fault', fault);
          return sandbox.fetch(request);
        },
      },
      credentials,
      { retry: { retries: 0 } },
    );
  return { sandbox: sandbox as Sandbox, client, clean: cleanClientOf(connection, credentials) };
}

/** Drains until nothing is pending (at most `times` drains), the clock moved on between them. */
async function drainAll(outboxes: readonly Outbox[], clock: { t: number }, times = 20) {
  for (let i = 0; i < times; i++) {
    for (const o of outboxes) await o.drain();
    if ((await outboxes[0]?.status())?.pending === 0) return;
    clock.t += 2_000;
  }
}

describe('changes that refer to a provisional identifier', () => {
  it('an assessment of a newcomer is stored under the pupil code, even when the pupil’s first push failed', async () => {
    // The newcomer, then an assessment of them, both under TAM-…; the pupil's first batch is
    // answered 503. The assessment is not the pupil's record, so it may be claimed while the
    // pupil waits for its retry.
    const workload = buildWorkload(SOURCE, [
      { kind: 'assessment', who: NEWCOMER, period: 0, change: 0 },
    ]);
    expect(workload.changes.map((c) => c.entity)).toEqual(['HocSinh', 'DanhGiaHocSinh']);
    const w = await world(['status=503']);
    const clock = { t: NOW };
    const outbox = createOutbox({
      store: createMemoryStore(),
      client: w.client(),
      now: () => clock.t,
      batchSize: 1,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      massChange: false,
    });
    await outbox.enqueue(workload.changes);
    await outbox.drain(); // the pupil: 503, to be retried in 0.5–1 s
    await outbox.drain(); // what is deliverable now
    await drainAll([outbox], clock);
    await expectExactEnd(w.clean, [workload], outbox);
  });

  it('a change re-keyed after its answer was lost is delivered, not refused for a reused Idempotency-Key', async () => {
    // Two workers on one outbox. Worker 1 delivers the newcomer and learns the code; before it
    // re-keys the pupil's pending changes, worker 2 claims the next one (still under TAM-…) and
    // sends it: the database applies it, the answer is lost. Then the change is re-keyed, and sent
    // again in a batch of the same changes (the same key) with another body.
    const workload = buildWorkload(SOURCE, [
      { kind: 'pupil', who: NEWCOMER, change: 1 },
      { kind: 'pupil', who: NEWCOMER, change: 2 },
    ]);
    expect(workload.changes.map((c) => c.entity)).toEqual(['HocSinh', 'HocSinh', 'HocSinh']);
    const w = await world([]);
    const clock = { t: NOW };
    const store = createMemoryStore();
    const options = {
      now: () => clock.t,
      batchSize: 1,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      massChange: false as const,
    };
    const second = createOutbox({
      ...options,
      store,
      worker: 'w2',
      client: w.client(['drop-after']),
    });
    let raced = false;
    const racing: OutboxStore = new Proxy(store, {
      get(target, name) {
        if (name === 'rekey')
          return async (request: Parameters<OutboxStore['rekey']>[0]) => {
            if (!raced) {
              raced = true;
              await second.drain({ maxRounds: 1 }); // claims the next change, loses the answer
            }
            return target.rekey(request);
          };
        const value = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const first = createOutbox({ ...options, store: racing, worker: 'w1', client: w.client([]) });
    await first.enqueue(workload.changes);
    await first.drain({ maxRounds: 1 });
    expect(raced).toBe(true);
    await drainAll([first, second], clock);
    await expectExactEnd(w.clean, [workload], first);
  });
});
