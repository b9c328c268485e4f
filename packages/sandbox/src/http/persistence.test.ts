/**
 * The sandbox's state outlives its process: a sandbox reopened on its database file has every
 * record, version, account, token and stored answer; and the `eduvn-sandbox` bin killed with
 * SIGKILL in the middle of concurrent writes comes back with every acknowledged write, no partial
 * record or batch, and a consistent delta feed.
 */
import { join } from 'node:path';
import { generateSchool } from '@eduvn/fixtures';
import { encodeWire, HocSinh } from '@eduvn/standard';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Credentials, createSandbox } from '../sandbox.ts';
import { startBin } from './child.test-helper.ts';
import {
  type Ack,
  expectAcksInFeed,
  type FeedEntry,
  readFeed,
  recordId,
  upsertsByRecord,
} from './feed.test-helper.ts';
import { populate, removeDir, schoolId, send, T0, tempDir, tokenOf } from './world.test-helper.ts';

/** A temporary directory for the test's database, removed when the test ends. */
function dbFile(): string {
  const dir = tempDir();
  onTestFinished(() => removeDir(dir));
  return join(dir, 'sandbox.db');
}

describe('a sandbox reopened on its file', () => {
  it('keeps every record, version, account, token, pupil code, idempotent answer and audit entry', async () => {
    const db = dbFile();
    const first = createSandbox({ db, rateLimit: false, now: () => T0 });
    const accounts = populate(first, 2);
    const a = schoolId(0);
    let server = await first.listen({ port: 0 });
    const soToken = await tokenOf(server.url, accounts.so);
    const aToken = await tokenOf(server.url, accounts.school[0] as Credentials);
    const call = (method: string, path: string, token: string, body?: object, key?: string) =>
      send(server.url, method, path, {
        token,
        ...(body === undefined ? {} : { body }),
        ...(key === undefined ? {} : { idempotencyKey: key }),
      });

    // Three versions of a class, the school's finance, a pupil under a provisional identifier
    // (the database issues its code), the pupil's transfer, and a batch under a known key.
    for (const thuTu of [1, 2, 3])
      expect(
        (
          await call('PUT', `/v1/truong/${a}/lop/1A`, aToken, {
            TRUONG_ID: a,
            MA: '1A',
            THU_TU: thuTu,
          })
        ).status,
      ).toBeLessThan(300);
    const finance = {
      TRUONG_ID: a,
      NAM_TAI_CHINH: 2025,
      KHOAN_THUS: [{ NGUON_THU: 'HOC_PHI', SO_TIEN: 1_500_000 }],
      KHOAN_CHIS: [],
    };
    expect((await call('PUT', `/v1/truong/${a}/tai-chinh/2025`, aToken, finance)).status).toBe(201);
    const pupil = generateSchool({
      seed: 3,
      province: '79',
      truongId: a,
      pupils: 3,
      assessments: false,
    }).hocSinhs[0];
    if (!pupil) throw new Error('no pupil generated');
    const provisional = 'TAM-0001';
    const wire = encodeWire(HocSinh, { ...pupil, hocSinhId: provisional } as never);
    const created = await call('PUT', `/v1/truong/${a}/hoc-sinh/${provisional}`, aToken, wire);
    expect(created.status).toBe(201);
    const code = created.body.identifierIssued.to as string;
    const event = await call('POST', `/v1/truong/${a}/hoc-sinh/${code}/su-kien`, aToken, {
      SU_KIEN_ID: `${code}-1`,
      DOI_TUONG: 'HOC_SINH',
      TRUONG_ID: a,
      MA_DOI_TUONG: code,
      TRANG_THAI_TRUOC: 'DANG_HOC',
      TRANG_THAI_SAU: 'CHUYEN_DI',
      NGAY_HIEU_LUC: '2026-03-01',
      TRUONG_DEN_ID: schoolId(1),
      NGAY_GHI_NHAN: '2026-03-02T08:00:00+07:00',
      NGUOI_GHI_NHAN: 'Văn thư nhà trường',
    });
    expect(event.status).toBe(201);
    const batchBody = {
      items: ['2A', '2B'].map((ma) => ({ entity: 'Lop', data: { TRUONG_ID: a, MA: ma } })),
    };
    const batch = await call('POST', '/v1/batches', aToken, batchBody, 'batch-before-restart');
    expect(batch.status).toBe(200);

    const feedBefore = await readFeed(server.url, soToken);
    const auditBefore = (await call('GET', '/v1/audit?limit=1000', soToken)).body.data;
    const reads = [
      `/v1/truong/${a}/lop/1A`,
      `/v1/truong/${a}/tai-chinh/2025`,
      `/v1/truong/${a}/hoc-sinh/${code}`,
      `/v1/truong/${a}/su-kien/${code}-1`,
      `/v1/truong/${a}/lop/2B`,
    ];
    const before = await Promise.all(reads.map((path) => call('GET', path, aToken)));
    const unitsBefore = first.units();
    const accountsBefore = first.accounts();
    await server.close();
    first.close();

    // The same file, a new sandbox, a new port.
    const second = createSandbox({ db, rateLimit: false, now: () => T0 + 60_000 });
    onTestFinished(() => second.close());
    server = await second.listen({ port: 0 });
    onTestFinished(() => server.close());
    expect(second.units()).toEqual(unitsBefore);
    expect(second.accounts()).toEqual(accountsBefore);
    // Tokens issued before still work (the signing key is in the database); so do the secrets.
    for (const [i, path] of reads.entries()) {
      const after = await call('GET', path, aToken);
      expect(after.status, path).toBe(200);
      expect(after.body, path).toEqual(before[i]?.body);
      expect(after.headers.get('etag')).toBe(before[i]?.headers.get('etag'));
    }
    expect((await call('GET', `/v1/truong/${a}/lop/1A`, aToken)).body.version).toBe(3);
    expect((await call('GET', `/v1/truong/${a}/hoc-sinh/${provisional}`, aToken)).body.key).toEqual(
      { HOC_SINH_ID: code },
    );
    const fresh = await tokenOf(server.url, accounts.school[1] as Credentials);
    expect((await call('GET', `/v1/truong/${schoolId(1)}/lop`, fresh)).status).toBe(200);
    expect(await readFeed(server.url, soToken)).toEqual(feedBefore);
    const auditAfter = (await call('GET', '/v1/audit?limit=1000', soToken)).body.data;
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    // The stored answer of the batch's key is replayed; the provisional identifier still maps.
    const replay = await call('POST', '/v1/batches', aToken, batchBody, 'batch-before-restart');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(batch.body);
    // The pupil as stored now (transferred), pushed again under its provisional identifier.
    const current = { ...before[2]?.body.data, HOC_SINH_ID: provisional };
    const again = await call('PUT', `/v1/truong/${a}/hoc-sinh/${provisional}`, aToken, current);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    expect(again.body.identifierIssued).toEqual({ entity: 'HocSinh', from: provisional, to: code });
    // Writing goes on where it stopped: the next version, the next place in the feed.
    const next = await call('PUT', `/v1/truong/${a}/lop/1A`, aToken, {
      TRUONG_ID: a,
      MA: '1A',
      THU_TU: 4,
    });
    expect(next.body.version).toBe(4);
    const feedAfter = await readFeed(server.url, soToken);
    expect(feedAfter.slice(0, feedBefore.length)).toEqual(feedBefore);
    expect(feedAfter.at(-1)?.seq).toBeGreaterThan(feedBefore.at(-1)?.seq ?? 0);
    upsertsByRecord(feedAfter);
  });
});

describe('the bin killed mid-stream', () => {
  it('SIGKILL during concurrent writes: after a restart every acknowledged write is there, no partial record or batch', async () => {
    const db = dbFile();
    // Units and accounts are made on the file before the bin starts.
    const setup = createSandbox({ db });
    const accounts = populate(setup, 4);
    setup.close();

    const bin = await startBin(['--db', db, '--no-rate-limit']);
    onTestFinished(() => {
      bin.child.kill('SIGKILL');
    });
    const soToken = await tokenOf(bin.url, accounts.so);
    const schoolTokens = await Promise.all(accounts.school.map((c) => tokenOf(bin.url, c)));

    let n = 0;
    const acks: Ack[] = [];
    /** Every THU_TU sent, acknowledged or not: nothing else may turn up in the feed. */
    const sent = new Set<number>();
    const batches: { values: number[]; acked: boolean }[] = [];
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      bin.child.kill('SIGKILL');
    };

    // Four schools PUT their classes one after the other; two clients send batches of 40 to the
    // same classes across the schools; the bin is killed once 80 writes were acknowledged.
    const putLoop = async (school: number) => {
      const truongId = schoolId(school);
      for (let round = 0; ; round++) {
        const ma = `${(round % 5) + 1}A`;
        const data = { TRUONG_ID: truongId, MA: ma, THU_TU: ++n };
        sent.add(data.THU_TU);
        let answer: Awaited<ReturnType<typeof send>>;
        try {
          answer = await send(bin.url, 'PUT', `/v1/truong/${truongId}/lop/${ma}`, {
            token: schoolTokens[school] as string,
            body: data,
          });
        } catch {
          return; // the connection died with the process
        }
        expect([200, 201]).toContain(answer.status);
        acks.push({
          id: recordId(truongId, 'Lop', { MA: ma }),
          outcome: answer.body.outcome,
          version: answer.body.version,
          data,
        });
        if (acks.length >= 80) kill();
      }
    };
    const batchLoop = async (client: number) => {
      for (;;) {
        const items = Array.from({ length: 40 }, (_, i) => {
          const truongId = schoolId(i % 4);
          return {
            entity: 'Lop',
            data: { TRUONG_ID: truongId, MA: `${((i + client) % 5) + 1}A`, THU_TU: ++n },
          };
        });
        const record = { values: items.map((i) => i.data.THU_TU), acked: false };
        for (const v of record.values) sent.add(v);
        batches.push(record);
        let answer: Awaited<ReturnType<typeof send>>;
        try {
          answer = await send(bin.url, 'POST', '/v1/batches', { token: soToken, body: { items } });
        } catch {
          return;
        }
        expect(answer.status).toBe(200);
        record.acked = true;
        for (const [i, result] of (
          answer.body.results as { outcome: Ack['outcome']; version: number }[]
        ).entries()) {
          const data = (items[i] as (typeof items)[number]).data;
          acks.push({
            id: recordId(data.TRUONG_ID, 'Lop', { MA: data.MA }),
            outcome: result.outcome,
            version: result.version,
            data,
          });
        }
      }
    };
    await Promise.all([...[0, 1, 2, 3].map(putLoop), batchLoop(0), batchLoop(1)]);
    expect(killed).toBe(true);
    expect(await bin.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acks.length).toBeGreaterThanOrEqual(80);

    // Restart on the same file (in this process, which is quicker than a second bin and opens the
    // file the same way); the tokens issued before the crash still work.
    const again = createSandbox({ db, rateLimit: false });
    onTestFinished(() => again.close());
    const server = await again.listen({ port: 0 });
    onTestFinished(() => server.close());
    const feed = await readFeed(server.url, soToken);
    const byRecord = upsertsByRecord(feed);
    // Every acknowledged write is there, at its version, with its data.
    expectAcksInFeed(acks, byRecord, false);
    // Nothing that was never sent; each batch entirely or not at all.
    const inFeed = new Set(feed.map((e) => e.data['THU_TU'] as number));
    for (const value of inFeed)
      expect(sent.has(value), `THU_TU ${value} was never sent`).toBe(true);
    for (const batch of batches) {
      const present = batch.values.filter((v) => inFeed.has(v)).length;
      expect(present, `a batch ${batch.acked ? 'acknowledged' : 'cut by the kill'}`).toBe(
        batch.acked ? batch.values.length : present === 0 ? 0 : batch.values.length,
      );
    }
    // Each record is whole: its data is that of its last version in the feed.
    await expectRecordsMatchFeed(server.url, soToken, byRecord);
    // And the restarted sandbox takes writes again, continuing the versions.
    const [id, entries] = [...byRecord.entries()][0] as [string, FeedEntry[]];
    const [truongId, , key] = id.split('|') as [string, string, string];
    const { MA } = JSON.parse(key) as { MA: string };
    const write = await send(server.url, 'PUT', `/v1/truong/${truongId}/lop/${MA}`, {
      token: soToken,
      body: { TRUONG_ID: truongId, MA, THU_TU: ++n },
    });
    expect(write.body.version).toBe(entries.length + 1);
  }, 30_000);
});

/** Each school's list holds exactly the records of the feed, each with its last version's data. */
async function expectRecordsMatchFeed(
  url: string,
  token: string,
  byRecord: ReadonlyMap<string, readonly FeedEntry[]>,
): Promise<void> {
  const bySchool = new Map<string, Map<string, unknown>>();
  for (const [id, entries] of byRecord) {
    const [truongId, , key] = id.split('|') as [string, string, string];
    const school = bySchool.get(truongId) ?? new Map<string, unknown>();
    school.set((JSON.parse(key) as { MA: string }).MA, entries.at(-1)?.data);
    bySchool.set(truongId, school);
  }
  for (const [truongId, expected] of bySchool) {
    const list = await send(url, 'GET', `/v1/truong/${truongId}/lop?limit=1000`, { token });
    expect(list.status).toBe(200);
    const listed = new Map((list.body.data as { MA: string }[]).map((r) => [r.MA, r] as const));
    expect([...listed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [ma, data] of expected) expect(listed.get(ma), `${truongId}/${ma}`).toEqual(data);
  }
}
