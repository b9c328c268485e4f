import { describe, expect, it } from 'vitest';
import type { OutboxStore, RekeyRequest } from '../types.ts';
import {
  at,
  change,
  claimAll,
  deliver,
  ids,
  isoAt,
  keyOf,
  REJECTION,
  rejectsWith,
  type SuiteContext,
} from './context.ts';

const SCHOOL = '79000701';

/** The re-key of TAM-1 to HS-100 in the suite's school, for pupils and their events. */
const rekeyTam1: RekeyRequest = {
  truongId: SCHOOL,
  from: 'TAM-1',
  to: 'HS-100',
  fields: { HocSinh: ['hocSinhId'], SuKienTrangThai: ['hocSinhId', 'hocSinhMoiId'] },
  recordKeyOf: (entity, record) => keyOf(entity, SCHOOL, record),
};

/** Claims the one change due and completes it as told. */
async function finish(
  store: OutboxStore,
  id: string,
  outcome: 'delivered' | 'rejected',
  now: number,
) {
  const claimed = await store.claim({ worker: 'w', limit: 1, leaseMs: 1_000, now: at(now) });
  expect(ids(claimed)).toEqual([id]);
  const n = await store.complete(
    'w',
    outcome === 'delivered'
      ? [{ id, outcome, at: at(now) }]
      : [{ id, outcome, at: at(now), rejection: REJECTION }],
  );
  expect(n).toBe(1);
}

/** Re-keying, the summary, the dead-letter list and requeuing. */
export function deadLetterTests(ctx: SuiteContext): void {
  const { withStore, timeoutMs } = ctx;

  describe('rekey', () => {
    it(
      "replaces the provisional id in the named fields of the school's undelivered changes, with new record keys",
      withStore(async (store) => {
        await store.enqueue([change('old-1', 'TAM-1'), change('old-2', 'TAM-1')], at(0));
        await finish(store, 'old-1', 'delivered', 1);
        await finish(store, 'old-2', 'rejected', 2);
        const event = change('ev', 'TAM-1', {
          entity: 'SuKienTrangThai',
          kind: 'event',
          fields: { hocSinhMoiId: 'TAM-1', ghiChu: 'TAM-1' },
        });
        await store.enqueue([event], at(3));
        expect(ids(await claimAll(store, 'w', 3))).toEqual(['ev']); // in flight: re-keyed too
        await store.enqueue(
          [
            change('pupil', 'TAM-1'),
            change('other-school', 'TAM-1', { truongId: '79000702' }),
            change('other-pupil', 'TAM-2', { fields: { ghiChu: 'TAM-1' } }),
            change('other-entity', 'TAM-1', { entity: 'DanhGiaHocSinh' }),
          ],
          at(4),
        );
        expect(await store.rekey(rekeyTam1)).toBe(2);
        expect(await store.get('pupil')).toMatchObject({
          record: { hocSinhId: 'HS-100', hoTen: 'Nguyễn Văn An' },
          recordKey: keyOf('HocSinh', SCHOOL, { hocSinhId: 'HS-100' }),
          state: 'pending',
        });
        expect(await store.get('ev')).toMatchObject({
          record: { hocSinhId: 'HS-100', hocSinhMoiId: 'HS-100', ghiChu: 'TAM-1' },
          recordKey: keyOf('SuKienTrangThai', SCHOOL, { hocSinhId: 'HS-100' }),
          state: 'in-flight',
        });
        for (const id of ['old-1', 'old-2', 'other-school', 'other-pupil', 'other-entity']) {
          const c = await store.get(id);
          expect(c?.record['hocSinhId'], id).toBe(id === 'other-pupil' ? 'TAM-2' : 'TAM-1');
          expect(c?.recordKey, id).toBe(
            keyOf(c?.entity ?? '', c?.truongId ?? '', { hocSinhId: c?.record['hocSinhId'] }),
          );
        }
        expect(await store.rekey(rekeyTam1)).toBe(0);
      }),
      timeoutMs,
    );

    it(
      'is atomic: when recordKeyOf throws, nothing changes',
      withStore(async (store) => {
        await store.enqueue([change('a', 'TAM-1'), change('b', 'TAM-1', { entity: 'X' })], at(0));
        let calls = 0;
        const failing: RekeyRequest = {
          ...rekeyTam1,
          fields: { HocSinh: ['hocSinhId'], X: ['hocSinhId'] },
          recordKeyOf: (entity, record) => {
            if (++calls === 2) throw new Error('no key for this one');
            return keyOf(entity, SCHOOL, record);
          },
        };
        await expect(store.rekey(failing)).rejects.toThrow('no key for this one');
        expect((await store.get('a'))?.record['hocSinhId']).toBe('TAM-1');
        expect((await store.get('b'))?.record['hocSinhId']).toBe('TAM-1');
        await rejectsWith(store.rekey({ ...rekeyTam1, recordKeyOf: () => '' }), 'invalid-input');
        await rejectsWith(store.rekey({ ...rekeyTam1, to: 'TAM-1' }), 'invalid-input');
        expect((await store.get('a'))?.recordKey).toBe(change('a', 'TAM-1').recordKey);
      }),
      timeoutMs,
    );

    it(
      'treats fields named __proto__ or constructor as plain fields, and entities without fields as untouched',
      withStore(async (store) => {
        const record = JSON.parse(
          '{"__proto__":"TAM-1","constructor":"TAM-1","hocSinhId":"TAM-1"}',
        );
        await store.enqueue(
          [
            change('a', 'TAM-1', { record }),
            change('b', 'TAM-1', { entity: 'constructor' }),
            change('c', 'TAM-1', { entity: '__proto__' }),
          ],
          at(0),
        );
        const fields = JSON.parse(
          '{"HocSinh":["__proto__","constructor"],"__proto__":["hocSinhId"]}',
        );
        expect(await store.rekey({ ...rekeyTam1, fields })).toBe(2);
        const a = (await store.get('a'))?.record;
        expect(JSON.stringify(a)).toBe(
          '{"__proto__":"HS-100","constructor":"HS-100","hocSinhId":"TAM-1"}',
        );
        expect((await store.get('b'))?.record['hocSinhId']).toBe('TAM-1');
        expect((await store.get('c'))?.record['hocSinhId']).toBe('HS-100');
        expect(({} as Record<string, unknown>)['hocSinhId']).toBeUndefined();
      }),
      timeoutMs,
    );

    it(
      're-keyed changes keep their place: they go out before later changes under the issued id',
      withStore(async (store) => {
        await store.enqueue([change('p1', 'TAM-1'), change('p2', 'TAM-1')], at(0));
        await store.enqueue([change('q1', 'HS-100')], at(1));
        expect(await store.rekey(rekeyTam1)).toBe(2);
        const order: string[] = [];
        for (let t = 10; t < 100; t += 10) {
          const claimed = await claimAll(store, 'w', t);
          order.push(...ids(claimed));
          await deliver(store, 'w', claimed, t);
        }
        expect(order).toEqual(['p1', 'p2', 'q1']);
      }),
      timeoutMs,
    );
  });

  describe('summary', () => {
    it(
      'counts every state and lists the oldest undelivered changes by when they occurred, across offsets',
      withStore(async (store) => {
        const empty = await store.summary(5);
        expect(empty).toEqual({
          counts: { pending: 0, 'in-flight': 0, delivered: 0, rejected: 0 },
          oldest: [],
        });
        await store.enqueue(
          [
            change('a', 'A', { occurredAt: '2030-01-01T07:00:00+07:00' }), // 00:00Z
            change('b', 'B', { occurredAt: '2030-01-01T01:00:00Z' }),
            change('c', 'C', { occurredAt: '2029-12-31T23:00:00-03:00' }), // 02:00Z
            change('d', 'D', { occurredAt: '2029-12-31T20:00:00Z' }),
            change('e', 'E', { occurredAt: '2029-01-01T00:00:00Z' }),
            change('f', 'F', { occurredAt: '2029-01-01T00:00:00Z' }),
            change('g', 'G', { occurredAt: '2029-01-01T07:00:00+07:00' }), // the same instant
          ],
          at(0),
        );
        await store.claim({ worker: 'w', limit: 5, leaseMs: 1_000, now: at(0) });
        await store.complete('w', [
          { id: 'e', outcome: 'delivered', at: at(1) },
          { id: 'b', outcome: 'rejected', at: at(1), rejection: REJECTION },
        ]);
        const s = await store.summary(3);
        expect(s.counts).toEqual({ pending: 2, 'in-flight': 3, delivered: 1, rejected: 1 });
        expect(ids(s.oldest)).toEqual(['f', 'g', 'd']);
        expect(ids((await store.summary(10)).oldest)).toEqual(['f', 'g', 'd', 'a', 'c']);
        expect(s.oldest[2]).toMatchObject({ state: 'in-flight', leaseOwner: 'w' });
      }),
      timeoutMs,
    );
  });

  describe('dead-letter list and requeue', () => {
    it(
      'lists rejected changes oldest first, at most limit, with the rejection as the server gave it',
      withStore(async (store) => {
        await store.enqueue(
          ['a', 'b', 'c', 'd'].map((id) => change(id, id)),
          at(0),
        );
        const claimed = await claimAll(store, 'w', 0);
        await store.complete(
          'w',
          claimed.map((c) => ({
            id: c.id,
            outcome: 'rejected' as const,
            at: at(1),
            rejection: { ...REJECTION, detail: `bad ${c.id}` },
          })),
        );
        const dead = await store.rejected(3);
        expect(ids(dead)).toEqual(['a', 'b', 'c']);
        expect(dead[1]?.rejection).toEqual({ ...REJECTION, detail: 'bad b' });
      }),
      timeoutMs,
    );

    it(
      'puts a rejected change back as a new pending change, corrected; the rejected one stays, marked',
      withStore(async (store) => {
        await store.enqueue([change('a', 'A', { occurredAt: '2029-06-01T10:00:00+07:00' })], at(0));
        await store.enqueue([change('b', 'B', { kind: 'event' })], at(0));
        await finish(store, 'a', 'rejected', 1);
        await finish(store, 'b', 'rejected', 2);
        const fixed = { hocSinhId: 'A', hoTen: 'Nguyễn Văn Ân', ngaySinh: '2019-02-28' };
        await store.requeue(
          [
            { id: 'a', newId: 'a-fix', record: fixed },
            { id: 'b', newId: 'b-again' },
          ],
          at(50),
        );
        const original = await store.get('a');
        expect(original).toMatchObject({
          state: 'rejected',
          rejection: REJECTION,
          requeuedAs: 'a-fix',
        });
        const again = await store.get('a-fix');
        expect(again).toStrictEqual({
          id: 'a-fix',
          truongId: original?.truongId,
          entity: original?.entity,
          recordKey: original?.recordKey,
          kind: 'upsert',
          record: fixed,
          occurredAt: '2029-06-01T10:00:00+07:00',
          seq: expect.any(Number),
          state: 'pending',
          enqueuedAt: isoAt(50),
          attempts: 0,
        });
        expect(again?.seq).toBeGreaterThan((await store.get('b'))?.seq ?? Infinity);
        expect(await store.get('b-again')).toMatchObject({
          kind: 'event',
          record: change('b', 'B').record,
        });
        expect(ids(await claimAll(store, 'w', 60))).toEqual(['a-fix', 'b-again']);
        expect(ids(await store.rejected(10))).toEqual(['a', 'b']);
      }),
      timeoutMs,
    );

    it(
      'is idempotent: the same request again does nothing; another new id for the same change is refused',
      withStore(async (store) => {
        await store.enqueue([change('a')], at(0));
        await finish(store, 'a', 'rejected', 1);
        await store.requeue([{ id: 'a', newId: 'a2' }], at(2));
        await store.requeue(
          [
            { id: 'a', newId: 'a2' },
            { id: 'a', newId: 'a2' },
          ],
          at(3),
        );
        expect(await store.get('a2')).toMatchObject({ enqueuedAt: isoAt(2) });
        await rejectsWith(store.requeue([{ id: 'a', newId: 'a3' }], at(4)), 'already-requeued');
        expect(await store.get('a3')).toBeUndefined();
        expect((await store.summary(1)).counts).toEqual({
          pending: 1,
          'in-flight': 0,
          delivered: 0,
          rejected: 1,
        });
      }),
      timeoutMs,
    );

    it(
      'refuses, changing nothing, a change that is not rejected, an unknown one, or a new id already taken',
      withStore(async (store) => {
        await store.enqueue(
          [change('r', 'R'), change('d', 'D'), change('f', 'F'), change('p', 'P')],
          at(0),
        );
        const claimed = await claimAll(store, 'w', 0);
        await store.complete('w', [
          { id: 'r', outcome: 'rejected', at: at(1), rejection: REJECTION },
          { id: 'd', outcome: 'delivered', at: at(1) },
        ]);
        expect(ids(claimed)).toContain('f'); // still in flight
        await store.enqueue([change('p2', 'P2')], at(2)); // pending
        for (const id of ['d', 'f', 'p2']) {
          await rejectsWith(store.requeue([{ id, newId: `${id}-new` }], at(3)), 'not-rejected');
        }
        await rejectsWith(store.requeue([{ id: 'nope', newId: 'x' }], at(3)), 'not-found');
        await rejectsWith(store.requeue([{ id: 'r', newId: 'd' }], at(3)), 'id-conflict');
        await rejectsWith(store.requeue([{ id: 'r', newId: 'r' }], at(3)), 'id-conflict');
        await rejectsWith(
          store.requeue(
            [
              { id: 'r', newId: 'r-new' },
              { id: 'r-new', newId: 'r-newer' },
            ],
            at(3),
          ),
          'not-rejected',
        );
        await rejectsWith(
          store.requeue(
            [
              { id: 'r', newId: 'r-new' },
              { id: 'd', newId: 'd-new' },
            ],
            at(3),
          ),
          'not-rejected',
        );
        expect(await store.get('r-new')).toBeUndefined();
        expect((await store.get('r'))?.requeuedAs).toBeUndefined();
        await rejectsWith(store.requeue([{ id: 'r', newId: '' }], at(3)), 'invalid-input');
        await store.requeue([], at(3));
      }),
      timeoutMs,
    );
  });

  describe('history', () => {
    it(
      'never loses a change: delivered, rejected and requeued ones all stay',
      withStore(async (store) => {
        const all = Array.from({ length: 12 }, (_, i) => change(`c${i}`, `P${i % 3}`));
        await store.enqueue(all, at(0));
        let t = 1;
        for (let round = 0; round < 6; round++, t += 10) {
          const claimed = await claimAll(store, 'w', t);
          await store.complete(
            'w',
            claimed.map((c, i) =>
              i % 3 === 1
                ? { id: c.id, outcome: 'rejected' as const, at: at(t), rejection: REJECTION }
                : { id: c.id, outcome: 'delivered' as const, at: at(t) },
            ),
          );
        }
        const dead = await store.rejected(100);
        await store.requeue(
          dead.map((c) => ({ id: c.id, newId: `${c.id}-again` })),
          at(t),
        );
        for (const c of all) expect(await store.get(c.id), c.id).toBeDefined();
        const { counts } = await store.summary(1);
        expect(counts.pending + counts['in-flight'] + counts.delivered + counts.rejected).toBe(
          12 + dead.length,
        );
        expect(counts.rejected).toBe(dead.length);
        expect(counts.delivered).toBe(12 - dead.length);
      }),
      timeoutMs,
    );
  });
}
