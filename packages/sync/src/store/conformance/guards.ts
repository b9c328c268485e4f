import { describe, expect, it } from 'vitest';
import type { OutboxChange, OutboxStore } from '../types.ts';
import { at, change, claimAll, ids, REJECTION, rejectsWith, type SuiteContext } from './context.ts';

const BAD_LIMITS = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10_001];

/** Ids, school ids, entities and keys that must be stored verbatim. */
const HOSTILE_IDS = [
  "'; DROP TABLE changes; --",
  '" OR 1=1 --',
  '\\\\x00\\n',
  '__proto__',
  'constructor',
  '%_*?$1 :id @now',
  'Nguyễn Văn An 🎓 ',
  ' ',
  'ễ'.repeat(168), // 504 bytes: with '#key', the record key is 508
];

/** A record with everything a JSON store could get wrong. */
const HOSTILE_RECORD_JSON = JSON.stringify({
  hocSinhId: 'HS-1',
  __proto__placeholder: { polluted: 'yes' },
  constructor: { prototype: { polluted: 'yes' } },
  nul: 'a\u0000b',
  lone: 'x\uD800y\uDFFFz',
  sql: "'); DROP TABLE changes; --",
  quotes: '"\'`',
  backslashes: '\\\\u0000 \\" \\n',
  dollar: '$1 $$ $tag$',
  unicode: 'Trường Tiểu học Lê Lợi — 学校 🎒',
  numbers: [0, -0.5, 1e21, 2 ** 53],
  empty: ['', {}, []],
  nested: JSON.parse(`${'['.repeat(200)}1${']'.repeat(200)}`),
}).replace('"__proto__placeholder"', '"__proto__"');

/** Bounds, hostile input and closing. */
export function guardTests(ctx: SuiteContext): void {
  const { withStore, timeoutMs, maxRecordBytes } = ctx;

  describe('bounds', () => {
    it(
      'refuses a limit that is not an integer from 1 to 10,000 (RangeError)',
      withStore(async (store) => {
        for (const limit of BAD_LIMITS) {
          await expect(
            store.claim({ worker: 'w', limit, leaseMs: 1_000, now: at(0) }),
          ).rejects.toThrow(RangeError);
          await expect(store.summary(limit)).rejects.toThrow(RangeError);
          await expect(store.rejected(limit)).rejects.toThrow(RangeError);
        }
        expect(
          await store.claim({ worker: 'w', limit: 10_000, leaseMs: 1_000, now: at(0) }),
        ).toEqual([]);
        expect((await store.summary(10_000)).oldest).toEqual([]);
      }),
      timeoutMs,
    );

    it(
      'refuses a lease that is not an integer from 1 ms to one day (RangeError)',
      withStore(async (store) => {
        for (const leaseMs of [0, -5, 1.5, Number.NaN, 86_400_001]) {
          await expect(store.claim({ worker: 'w', limit: 1, leaseMs, now: at(0) })).rejects.toThrow(
            RangeError,
          );
          await expect(store.renew('w', ['a'], leaseMs, at(0))).rejects.toThrow(RangeError);
        }
      }),
      timeoutMs,
    );

    it(
      'refuses lists longer than 10,000 in one call (RangeError), storing nothing',
      withStore(async (store) => {
        const many = Array.from({ length: 10_001 }, (_, i) => change(`c${i}`));
        await expect(store.enqueue(many, at(0))).rejects.toThrow(RangeError);
        const done = Array.from({ length: 10_001 }, (_, i) => ({
          id: `c${i}`,
          outcome: 'delivered' as const,
          at: at(0),
        }));
        await expect(store.complete('w', done)).rejects.toThrow(RangeError);
        await expect(store.renew('w', ids(many), 1_000, at(0))).rejects.toThrow(RangeError);
        await expect(
          store.requeue(
            many.map((c) => ({ id: c.id, newId: `${c.id}-2` })),
            at(0),
          ),
        ).rejects.toThrow(RangeError);
        expect((await store.summary(1)).counts.pending).toBe(0);
      }),
      timeoutMs,
    );

    it(
      `caps a record's JSON at ${maxRecordBytes} bytes (UTF-8, not characters): a typed error beyond`,
      withStore(async (store) => {
        // {"x":"…"} is the text plus 8 bytes.
        const fits = change('fits', 'A', { record: { x: 'a'.repeat(maxRecordBytes - 8) } });
        const over = change('over', 'B', { record: { x: 'a'.repeat(maxRecordBytes - 7) } });
        const wide = change('wide', 'C', {
          record: { x: 'ễ'.repeat(Math.floor((maxRecordBytes - 8) / 3) + 1) },
        });
        await store.enqueue([fits], at(0));
        expect((await store.get('fits'))?.record).toStrictEqual(fits.record);
        await rejectsWith(store.enqueue([over], at(0)), 'too-large');
        await rejectsWith(store.enqueue([wide], at(0)), 'too-large');
        expect(await store.get('over')).toBeUndefined();
        await store.enqueue([change('r')], at(0));
        const [held] = await store.claim({ worker: 'w', limit: 2, leaseMs: 1_000, now: at(0) });
        expect(held?.id).toBe('fits');
        await rejectsWith(
          store.complete('w', [
            {
              id: 'fits',
              outcome: 'rejected',
              at: at(1),
              rejection: { ...REJECTION, issues: [over.record] },
            },
          ]),
          'too-large',
        );
        expect(await store.get('fits')).toMatchObject({ state: 'in-flight' });
        await store.complete('w', [
          { id: 'fits', outcome: 'rejected', at: at(1), rejection: REJECTION },
        ]);
        await rejectsWith(
          store.requeue([{ id: 'fits', newId: 'fits-2', record: over.record }], at(2)),
          'too-large',
        );
        expect(await store.get('fits-2')).toBeUndefined();
      }),
      timeoutMs,
    );

    it(
      'refuses ids, keys and worker ids that are empty, longer than 512 bytes, or hold NUL or a lone surrogate',
      withStore(async (store) => {
        const bad = ['', 'ễ'.repeat(171), 'a\u0000b', 'a\uD800b', 'b\uDC00'];
        for (const value of bad) {
          for (const c of [
            change(value),
            { ...change('x'), truongId: value },
            { ...change('x'), entity: value },
            { ...change('x'), recordKey: value },
          ]) {
            await rejectsWith(store.enqueue([c], at(0)), 'invalid-input');
          }
          await rejectsWith(
            store.claim({ worker: value, limit: 1, leaseMs: 1_000, now: at(0) }),
            'invalid-input',
          );
          await rejectsWith(store.get(value), 'invalid-input');
        }
        await rejectsWith(
          store.enqueue([{ ...change('x'), id: 42 } as unknown as OutboxChange], at(0)),
          'invalid-input',
        );
        expect((await store.summary(1)).counts.pending).toBe(0);
      }),
      timeoutMs,
    );

    it(
      'refuses records that are not JSON objects, dates that are not dates, and unknown kinds or outcomes',
      withStore(async (store) => {
        const cyclic: Record<string, unknown> = { hocSinhId: 'HS-1' };
        cyclic['self'] = cyclic;
        const records: unknown[] = [null, [1, 2], 'text', 42, cyclic, { n: 10n }];
        for (const record of records) {
          await rejectsWith(
            store.enqueue([{ ...change('x'), record } as unknown as OutboxChange], at(0)),
            'invalid-input',
          );
        }
        for (const occurredAt of [
          '2030-01-01T07:00:00', // no offset
          '01/01/2030',
          '2030-13-01T00:00:00Z',
          '0999-01-01T00:00:00Z',
          '',
        ]) {
          await rejectsWith(
            store.enqueue([change('x', 'A', { occurredAt })], at(0)),
            'invalid-input',
          );
        }
        await rejectsWith(
          store.enqueue([{ ...change('x'), kind: 'delete' } as unknown as OutboxChange], at(0)),
          'invalid-input',
        );
        await rejectsWith(store.enqueue([change('x')], new Date(Number.NaN)), 'invalid-input');
        await rejectsWith(
          store.claim({ worker: 'w', limit: 1, leaseMs: 1, now: new Date('nope') }),
          'invalid-input',
        );
        await store.enqueue([change('x')], at(0));
        await claimAll(store, 'w', 0);
        await rejectsWith(
          store.complete('w', [{ id: 'x', outcome: 'deleted', at: at(1) } as never]),
          'invalid-input',
        );
        await rejectsWith(
          store.complete('w', [
            { id: 'x', outcome: 'rejected', at: at(1), rejection: { status: '422' } } as never,
          ]),
          'invalid-input',
        );
        expect(await store.get('x')).toMatchObject({ state: 'in-flight' });
      }),
      timeoutMs,
    );
  });

  describe('hostile input', () => {
    it(
      'stores ids, schools, entities and keys that look like SQL, quotes or prototypes verbatim',
      withStore(async (store) => {
        const changes = HOSTILE_IDS.map(
          (id, i): OutboxChange => ({
            id,
            truongId: HOSTILE_IDS[(i + 1) % HOSTILE_IDS.length] as string,
            entity: HOSTILE_IDS[(i + 2) % HOSTILE_IDS.length] as string,
            recordKey: `${id}#key`,
            kind: 'upsert',
            record: { hocSinhId: id },
            occurredAt: '2030-01-01T00:00:00Z',
          }),
        );
        await store.enqueue(changes, at(0));
        for (const c of changes) {
          expect(await store.get(c.id)).toMatchObject({ ...c, state: 'pending' });
        }
        const claimed = await store.claim({
          worker: HOSTILE_IDS[0] as string,
          limit: 100,
          leaseMs: 1_000,
          now: at(0),
        });
        expect(ids(claimed)).toEqual(HOSTILE_IDS);
        expect(
          await store.complete(
            HOSTILE_IDS[0] as string,
            claimed.map((c) => ({ id: c.id, outcome: 'delivered' as const, at: at(1) })),
          ),
        ).toBe(HOSTILE_IDS.length);
        expect(({} as Record<string, unknown>)['hocSinhId']).toBeUndefined();
      }),
      timeoutMs,
    );

    it(
      'returns records and rejections with __proto__ keys, NUL, lone surrogates and deep nesting exactly as given',
      withStore(async (store: OutboxStore) => {
        const record = JSON.parse(HOSTILE_RECORD_JSON) as Record<string, unknown>;
        expect(Object.hasOwn(record, '__proto__')).toBe(true);
        await store.enqueue([change('h', 'HS-1', { record })], at(0));
        const got = await store.get('h');
        expect(JSON.stringify(got?.record)).toBe(HOSTILE_RECORD_JSON);
        expect(Object.getPrototypeOf(got?.record)).toBe(Object.prototype);
        expect(Object.hasOwn(got?.record ?? {}, '__proto__')).toBe(true);
        await claimAll(store, 'w', 0);
        const rejection = { ...REJECTION, detail: 'a\u0000b\uD800', issues: [record] };
        await store.complete('w', [{ id: 'h', outcome: 'rejected', at: at(1), rejection }]);
        const [dead] = await store.rejected(1);
        expect(JSON.stringify(dead?.rejection)).toBe(JSON.stringify(rejection));
        await store.requeue([{ id: 'h', newId: 'h2', record }], at(2));
        expect(JSON.stringify((await store.get('h2'))?.record)).toBe(HOSTILE_RECORD_JSON);
        const [again] = await claimAll(store, 'w', 3);
        await store.complete('w', [
          { id: 'h2', outcome: 'retry', at: at(4), nextAttemptAt: at(5), error: 'a\u0000b\uDFFF' },
        ]);
        expect(again?.id).toBe('h2');
        expect((await store.get('h2'))?.lastError).toBe('a\u0000b\uDFFF');
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      timeoutMs,
    );
  });

  describe('close', () => {
    it(
      'may be called twice; every other method then refuses with a typed error',
      withStore(async (store) => {
        await store.enqueue([change('a')], at(0));
        await store.close();
        await store.close();
        const rekey = {
          truongId: 'T',
          from: 'a',
          to: 'b',
          fields: {},
          recordKeyOf: () => 'k',
        };
        const calls: (() => Promise<unknown>)[] = [
          () => store.enqueue([change('b')], at(0)),
          () => store.claim({ worker: 'w', limit: 1, leaseMs: 1, now: at(0) }),
          () => store.complete('w', []),
          () => store.renew('w', [], 1, at(0)),
          () => store.rekey(rekey),
          () => store.summary(1),
          () => store.rejected(1),
          () => store.requeue([], at(0)),
          () => store.get('a'),
          () => store.population('T', 'HocSinh'),
          () => store.knownKeys(['k']),
          () => store.deadlineCounts(at(0), at(1)),
        ];
        for (const call of calls) await rejectsWith(call(), 'closed');
      }),
      timeoutMs,
    );
  });
}
