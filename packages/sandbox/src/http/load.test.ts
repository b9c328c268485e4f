/**
 * The sandbox under concurrent clients over real HTTP (a file database, 127.0.0.1): schools
 * writing their own records while others write the same ones, read-modify-write with If-Match,
 * batches of hundreds of items among single PUTs. Whatever the interleaving, every acknowledged
 * write is stored, each change gets its own version, and the delta feed lists each version once,
 * in commit order.
 */
import { generateSchool } from '@eduvn/fixtures';
import { encodeWire, HocSinh } from '@eduvn/standard';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  type Ack,
  expectAcksInFeed,
  readFeed,
  recordId,
  upsertsByRecord,
} from './feed.test-helper.ts';
import { expectProblem } from './problem.test-helper.ts';
import { type Answer, type HttpWorld, httpWorld, send, tokenOf } from './world.test-helper.ts';

async function world(schools: number): Promise<HttpWorld> {
  const w = await httpWorld({ schools });
  onTestFinished(() => w.close());
  return w;
}

/** A class (Lop, QĐ 4998 LOPC1.1.1) with a sort order THU_TU: the record every client writes. */
const lop = (truongId: string, ma: string, thuTu: number): Record<string, unknown> => ({
  TRUONG_ID: truongId,
  MA: ma,
  TEN: `Lớp ${ma}`,
  THU_TU: thuTu,
});

const lopPath = (truongId: string, ma: string): string =>
  `/v1/truong/${truongId}/lop/${encodeURIComponent(ma)}`;

/** Every THU_TU written in a test is new, so every write is a change. */
function counter(): () => number {
  let n = 0;
  return () => ++n;
}

/** PUTs a class and returns the acknowledgement (the test fails on anything but 200/201). */
async function putLop(w: HttpWorld, token: string, data: Record<string, unknown>): Promise<Ack> {
  const truongId = data['TRUONG_ID'] as string;
  const ma = data['MA'] as string;
  const answer = await w.request('PUT', lopPath(truongId, ma), { token, body: data });
  return ackOf(answer, truongId, ma, data);
}

function ackOf(answer: Answer, truongId: string, ma: string, data: Record<string, unknown>): Ack {
  expect([200, 201], answer.text.slice(0, 300)).toContain(answer.status);
  const result = answer.body;
  expect(result.outcome).toBe(
    answer.status === 201 ? 'created' : result.outcome === 'unchanged' ? 'unchanged' : 'updated',
  );
  expect(answer.headers.get('etag')).toBe(`"${result.version}"`);
  expect(result.data).toEqual(data);
  return {
    id: recordId(truongId, 'Lop', { MA: ma }),
    outcome: result.outcome,
    version: result.version,
    data,
  };
}

/**
 * Reads the records of the acknowledgements back: each school's list holds exactly the
 * acknowledged records, each with the data of its latest acknowledged change; a sample of them,
 * read one by one, is at that change's version (body and ETag).
 */
async function expectStoredAsAcked(w: HttpWorld, acks: readonly Ack[], sample: number) {
  const latest = new Map<string, Ack>();
  for (const ack of acks) {
    const seen = latest.get(ack.id);
    if (!seen || ack.version > seen.version) latest.set(ack.id, ack);
  }
  const bySchool = new Map<string, Map<string, Ack>>();
  for (const ack of latest.values()) {
    const [truongId, , key] = ack.id.split('|') as [string, string, string];
    const { MA } = JSON.parse(key) as { MA: string };
    const school = bySchool.get(truongId) ?? new Map<string, Ack>();
    school.set(MA, ack);
    bySchool.set(truongId, school);
  }
  for (const [truongId, expected] of bySchool) {
    const list = await w.request('GET', `/v1/truong/${truongId}/lop?limit=1000`, {
      token: w.tokens.soRead,
    });
    expect(list.status).toBe(200);
    expect(list.body.next).toBeNull();
    const listed = new Map(
      (list.body.data as Record<string, unknown>[]).map((r) => [r['MA'] as string, r]),
    );
    expect([...listed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [ma, ack] of expected) expect(listed.get(ma), ack.id).toEqual(ack.data);
  }
  const all = [...latest.values()];
  const step = Math.max(1, Math.floor(all.length / sample));
  for (let i = 0; i < all.length; i += step) {
    const ack = all[i] as Ack;
    const [truongId, , key] = ack.id.split('|') as [string, string, string];
    const answer = await w.request(
      'GET',
      lopPath(truongId, (JSON.parse(key) as { MA: string }).MA),
      {
        token: w.tokens.so,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.version, ack.id).toBe(ack.version);
    expect(answer.headers.get('etag')).toBe(`"${ack.version}"`);
    expect(answer.body.data).toEqual(ack.data);
  }
  return latest;
}

interface BatchItemResult {
  readonly index: number;
  readonly status: number;
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  readonly version?: number;
  readonly problem?: { readonly ruleIds?: readonly string[] };
}

describe('many clients over HTTP at once', () => {
  it('16 schools writing their own classes and 6 clients writing the same ones: every acknowledged write is stored once, in order', async () => {
    const w = await world(16);
    const next = counter();
    const acks: Ack[] = [];

    // Each school's own client: three classes written again and again; twice, the same body a
    // second time in a row, which must be `unchanged` at the same version.
    const own = w.schools.map(async (truongId, i) => {
      const token = w.tokens.school[i] as string;
      for (let round = 0; round < 6; round++) {
        const data = lop(truongId, `${(round % 3) + 1}A`, next());
        const ack = await putLop(w, token, data);
        acks.push(ack);
        if (round % 3 === 1) {
          const again = await putLop(w, token, data);
          expect(again.outcome).toBe('unchanged');
          expect(again.version).toBe(ack.version);
          acks.push(again);
        }
      }
    });
    // Six clients — three with the Sở's account, three with the school's own — on the same two
    // classes of the first school, without If-Match: the last write wins, none is lost.
    const school0 = w.schools[0] as string;
    const sharedTokens = [w.tokens.so, w.tokens.so, w.tokens.so];
    for (let i = 0; i < 3; i++) sharedTokens.push(w.tokens.school[0] as string);
    const shared = sharedTokens.map(async (token, c) => {
      for (let round = 0; round < 6; round++)
        acks.push(await putLop(w, token, lop(school0, `CHUNG${(round + c) % 2}`, next())));
    });
    await Promise.all([...own, ...shared]);

    const latest = await expectStoredAsAcked(w, acks, 20);
    expect(latest.size).toBe(16 * 3 + 2);
    const feed = await readFeed(w.url, w.tokens.so, { limit: 37 });
    expect(feed.every((e) => e.type === 'upsert')).toBe(true);
    const byRecord = upsertsByRecord(feed);
    expectAcksInFeed(acks, byRecord, true);
    expect(feed).toHaveLength(acks.filter((a) => a.outcome !== 'unchanged').length);
    // A school's own feed is its part of the whole, in the same order.
    const own0 = await readFeed(w.url, w.tokens.schoolRead[0] as string, { truongId: school0 });
    expect(own0.map((e) => e.seq)).toEqual(
      feed.filter((e) => e.truongId === school0).map((e) => e.seq),
    );
  }, 20_000);

  it('no lost update: 16 clients each incrementing one record with If-Match, retrying on 412, apply all 16 increments', async () => {
    const w = await world(1);
    const truongId = w.schools[0] as string;
    const path = lopPath(truongId, 'DEM');
    const created = await putLop(w, w.tokens.school[0] as string, lop(truongId, 'DEM', 0));
    expect(created.version).toBe(1);

    // Sixteen clients, each with its own account of the school.
    const clients = 16;
    const tokens = await Promise.all(
      Array.from({ length: clients }, (_, i) =>
        tokenOf(
          w.url,
          w.sandbox.addAccount({ kind: 'quan-tri', unitId: truongId, clientId: `dem-${i}` }),
        ),
      ),
    );
    const acks: Ack[] = [created];
    let refused = 0;
    await Promise.all(
      tokens.map(async (token) => {
        for (let attempt = 0; ; attempt++) {
          expect(attempt, 'a client never got its turn').toBeLessThan(clients * 2);
          const read = await w.request('GET', path, { token });
          expect(read.status).toBe(200);
          const version = read.body.version as number;
          const data = { ...read.body.data, THU_TU: (read.body.data.THU_TU as number) + 1 };
          const write = await w.request('PUT', path, {
            token,
            body: data,
            headers: { 'if-match': `"${version}"` },
          });
          if (write.status === 412) {
            const problem = expectProblem(write, 412, 'precondition-failed');
            expect(problem.currentVersion).toBeGreaterThan(version);
            refused++;
            continue;
          }
          const ack = ackOf(write, truongId, 'DEM', data);
          expect(ack.version).toBe(version + 1);
          acks.push(ack);
          return;
        }
      }),
    );

    const final = await w.request('GET', path, { token: w.tokens.so });
    expect(final.body.data.THU_TU).toBe(clients);
    expect(final.body.version).toBe(1 + clients);
    const byRecord = upsertsByRecord(await readFeed(w.url, w.tokens.so));
    expectAcksInFeed(acks, byRecord, true);
    // The feed shows every increment, one after the other.
    expect(
      byRecord.get(recordId(truongId, 'Lop', { MA: 'DEM' }))?.map((e) => e.data['THU_TU']),
    ).toEqual(Array.from({ length: 1 + clients }, (_, i) => i));
    // The audit log has one refused write (412) per retry, and one accepted write per increment.
    const audit = await w.request('GET', '/v1/audit?limit=1000', { token: w.tokens.soRead });
    const writes = (audit.body.data as { action: string; status: number }[]).filter(
      (e) => e.action === 'upsert',
    );
    expect(writes.filter((e) => e.status === 412)).toHaveLength(refused);
    expect(writes.filter((e) => e.status < 300)).toHaveLength(1 + clients);
  }, 20_000);

  it('batches of up to 500 items from 2 clients among single PUTs from 8 others: each item and PUT is applied once, in order', async () => {
    const w = await world(4);
    const next = counter();
    const acks: Ack[] = [];
    const keys = Array.from({ length: 60 }, (_, k) => `B${k}`);

    const batchClient = async (client: number) => {
      for (let round = 0; round < 2; round++) {
        // 240 items, or 500 (the limit) for the last: the same keys again, then new ones.
        const items = w.schools.flatMap((truongId) =>
          keys.map((ma) => ({ entity: 'Lop', data: lop(truongId, ma, next()) })),
        );
        if (client === 1 && round === 1) {
          for (let k = items.length; k < 500; k++)
            items.push({ entity: 'Lop', data: lop(w.schools[0] as string, `C${k}`, next()) });
        }
        // One item of each batch breaks the standard (TEN is at most 20 characters): refused alone.
        const bad = 17 + client * 3 + round;
        (items[bad] as { data: Record<string, unknown> }).data['TEN'] = 'x'.repeat(21);
        const answer = await w.request('POST', '/v1/batches', {
          token: w.tokens.so,
          body: { items },
        });
        expect(answer.status, answer.text.slice(0, 300)).toBe(200);
        const results = answer.body.results as BatchItemResult[];
        expect(results).toHaveLength(items.length);
        expect(answer.body.summary.rejected).toBe(1);
        expect(answer.body.summary.unchanged).toBe(0);
        for (const [index, result] of results.entries()) {
          expect(result.index).toBe(index);
          if (index === bad) {
            expect(result.outcome).toBe('rejected');
            expect(result.status).toBe(422);
            expect(result.problem?.ruleIds).toEqual(['STD.SCHEMA.001']);
            continue;
          }
          const data = (items[index] as { data: Record<string, unknown> }).data;
          expect(['created', 'updated']).toContain(result.outcome);
          expect(result.status).toBe(result.outcome === 'created' ? 201 : 200);
          acks.push({
            id: recordId(data['TRUONG_ID'] as string, 'Lop', { MA: data['MA'] as string }),
            outcome: result.outcome as Ack['outcome'],
            version: result.version as number,
            data,
          });
        }
      }
    };
    // Two clients per school PUT the first ten keys, which the batches write too.
    const putClient = async (client: number) => {
      const school = client % w.schools.length;
      const truongId = w.schools[school] as string;
      for (let round = 0; round < 10; round++) {
        const ma = keys[(round * 3 + client) % 10] as string;
        acks.push(await putLop(w, w.tokens.school[school] as string, lop(truongId, ma, next())));
      }
    };
    await Promise.all([
      ...[0, 1].map(batchClient),
      ...Array.from({ length: 8 }, (_, c) => putClient(c)),
    ]);

    const latest = await expectStoredAsAcked(w, acks, 20);
    expect(latest.size).toBe(4 * 60 + (500 - 4 * 60));
    const feed = await readFeed(w.url, w.tokens.soRead);
    const byRecord = upsertsByRecord(feed);
    expectAcksInFeed(acks, byRecord, true);
    expect(feed).toHaveLength(acks.length);
    // A refused item left nothing behind: no TEN of 21 characters anywhere.
    expect(feed.some((e) => String(e.data['TEN']).length > 20)).toBe(false);
  }, 20_000);

  it('a Sở polling the feed while schools write sees each change exactly once, with no gap', async () => {
    const w = await world(6);
    const next = counter();
    let writing = true;
    const writers = w.schools.map(async (truongId, i) => {
      for (let round = 0; round < 8; round++)
        await putLop(w, w.tokens.school[i] as string, lop(truongId, `${(round % 4) + 1}A`, next()));
    });
    // The Sở polls the feed with small pages while the schools write, as a real consumer does.
    const polled: number[] = [];
    const poller = (async () => {
      let since = '0';
      for (;;) {
        // Decided before asking: once every write had committed, a last page ends the reading.
        const last = !writing;
        const answer = await send(w.url, 'GET', `/v1/changes?since=${since}&limit=7`, {
          token: w.tokens.soRead,
        });
        expect(answer.status).toBe(200);
        for (const entry of answer.body.data as { seq: number }[]) polled.push(entry.seq);
        since = answer.body.next;
        if (last && !answer.body.hasMore) return;
      }
    })();
    await Promise.all(writers);
    writing = false;
    await poller;
    const all = (await readFeed(w.url, w.tokens.so)).map((e) => e.seq);
    expect(polled).toEqual(all);
    expect(all).toHaveLength(6 * 8);
  }, 20_000);

  it('one Idempotency-Key sent by 8 clients at once is applied once; the others get the stored answer or a 409', async () => {
    const w = await world(2);
    const a = w.schools[0] as string;
    const token = w.tokens.school[0] as string;
    const body = {
      items: ['1A', '1B', '1C'].map((ma) => ({ entity: 'Lop', data: lop(a, ma, 1) })),
    };
    const same = await Promise.all(
      Array.from({ length: 8 }, () =>
        w.request('POST', '/v1/batches', { token, body, idempotencyKey: 'same-key' }),
      ),
    );
    expect(same.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(same.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    for (const r of same) expect(r.body).toEqual(same[0]?.body);
    expect(same[0]?.body.summary).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    // The same key with eight different bodies at once: one is applied, seven refused.
    const different = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        w.request('POST', '/v1/batches', {
          token,
          body: { items: [{ entity: 'Lop', data: lop(a, '2A', 100 + i) }] },
          idempotencyKey: 'other-key',
        }),
      ),
    );
    expect(different.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of different.filter((x) => x.status !== 200))
      expectProblem(r, 409, 'idempotency-key-reused');
    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed.map((e) => e.key['MA'])).toEqual(['1A', '1B', '1C', '2A']);
  }, 20_000);

  it('a pupil pushed under one provisional identifier by 8 clients at once gets one code', async () => {
    const w = await world(1);
    const a = w.schools[0] as string;
    const pupil = generateSchool({
      seed: 11,
      province: '79',
      truongId: a,
      pupils: 2,
      assessments: false,
    }).hocSinhs[0];
    if (!pupil) throw new Error('no pupil generated');
    const provisional = 'TAM-CUNGLUC1';
    const wire = encodeWire(HocSinh, { ...pupil, hocSinhId: provisional } as never);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        w.request('PUT', `/v1/truong/${a}/hoc-sinh/${provisional}`, {
          token: i % 2 ? w.tokens.so : (w.tokens.school[0] as string),
          body: wire,
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const codes = new Set(answers.map((r) => r.body.identifierIssued?.to));
    expect(codes.size).toBe(1);
    const [code] = codes;
    expect(code).toMatch(new RegExp(`^${a}\\d+$`));
    for (const r of answers.filter((x) => x.status === 200))
      expect(r.body.outcome).toBe('unchanged');
    const feed = await readFeed(w.url, w.tokens.so);
    expect(feed.map((e) => [e.type, e.key['HOC_SINH_ID'], e.version ?? null])).toEqual([
      ['identifier-issued', code, null],
      ['upsert', code, 1],
    ]);
  }, 20_000);
});
