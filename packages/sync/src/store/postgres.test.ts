import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../postgres.ts';
import { testOutboxStore } from '../testing.ts';
import { startWorker } from './child.test-helper.ts';
import { expectExactEnd } from './end-state.test-helper.ts';
import type { OutboxChange, OutboxStore, StoredChange } from './types.ts';

/**
 * A real PostgreSQL server (no mock anywhere): `EDUVN_TEST_POSTGRES`, by default the local one
 * with trust authentication (`pg_isready -h 127.0.0.1` tells whether it is up). Every store gets
 * its own schema, dropped when the store is closed, so runs never see each other's rows.
 */
const URL = process.env['EDUVN_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const admin = new pg.Pool({ connectionString: URL, max: 2 });
admin.on('error', () => {});
beforeAll(async () => {
  try {
    await admin.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `These tests need a PostgreSQL server at ${URL} (set EDUVN_TEST_POSTGRES): ${(error as Error).message}`,
    );
  }
});
afterAll(() => admin.end());

let counter = 0;
const freshSchema = (): string =>
  `eduvn_test_${process.pid}_${counter++}_${randomBytes(4).toString('hex')}`;
const drop = async (schema: string) => {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
};

/** The store, whose `close` also drops its schema. */
function dropping(store: OutboxStore, schema: string): OutboxStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'close') {
        return async () => {
          await target.close();
          await drop(schema);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const open = (schema: string, poolSize = 4) =>
  createPostgresStore({ connectionString: URL, schema, poolSize });

testOutboxStore(
  'postgres',
  () => {
    const schema = freshSchema();
    return dropping(open(schema), schema);
  },
  {
    shared: async () => {
      const schema = freshSchema();
      return { open: async () => open(schema), dispose: () => drop(schema) };
    },
  },
);

const change = (id: string, recordKey = id): OutboxChange => ({
  id,
  truongId: '79000701',
  entity: 'HocSinh',
  recordKey,
  kind: 'upsert',
  record: { hocSinhId: id },
  occurredAt: '2030-01-01T00:00:00Z',
});
const T = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);

describe('createPostgresStore', () => {
  it('creates its schema, table and indexes once, even when several stores start at once', async () => {
    const schema = freshSchema();
    const stores = Array.from({ length: 4 }, () => open(schema, 2));
    try {
      expect(await Promise.all(stores.map((s) => s.get('x')))).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      const { rows: tables } = await admin.query(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [schema],
      );
      expect(tables.map((r) => r.table_name)).toEqual(['eduvn_sync_migrations', 'outbox']);
      const { rows: indexes } = await admin.query(
        'SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY 1',
        [schema],
      );
      expect(indexes.map((r) => r.indexname)).toEqual([
        'eduvn_sync_migrations_pkey',
        'outbox_by_record',
        'outbox_by_school',
        'outbox_by_state',
        'outbox_id_key',
        'outbox_pkey',
        'outbox_undelivered',
        'outbox_undelivered_by_age',
        'outbox_undelivered_by_record',
        'outbox_undelivered_by_school',
      ]);
      const { rows } = await admin.query(
        `SELECT table_name, version FROM "${schema}".eduvn_sync_migrations`,
      );
      expect(rows).toEqual([{ table_name: 'outbox', version: 1 }]);
      // A second table in the same schema has its own version.
      const second = createPostgresStore({ connectionString: URL, schema, table: 'Outbox_2' });
      await second.enqueue([change('a')], T(0));
      expect((await stores[0]?.get('a')) ?? 'not there').toBe('not there');
      expect((await second.get('a'))?.id).toBe('a');
      await second.close();
    } finally {
      for (const s of stores) await s.close();
      await drop(schema);
    }
  });

  it('refuses schema and table names that are not letters, digits and underscores', () => {
    for (const schema of [
      'bad-name',
      'a"; DROP SCHEMA public; --',
      '1abc',
      '',
      'x'.repeat(64),
      'Trường',
    ]) {
      expect(() => createPostgresStore({ connectionString: URL, schema })).toThrow(
        expect.objectContaining({ name: 'OutboxStoreError', code: 'invalid-input' }),
      );
    }
    expect(() => createPostgresStore({ connectionString: URL, table: 't'.repeat(41) })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => createPostgresStore({} as never)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => createPostgresStore({ connectionString: URL, pool: admin } as never)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => createPostgresStore({ connectionString: URL, poolSize: 0 })).toThrow(RangeError);
  });

  it('refuses a table it did not make, and one a newer version migrated', async () => {
    const schema = freshSchema();
    try {
      await admin.query(`CREATE SCHEMA "${schema}"`);
      await admin.query(`CREATE TABLE "${schema}".outbox (id text)`);
      const foreign = open(schema);
      await expect(foreign.get('x')).rejects.toMatchObject({ code: 'not-an-outbox' });
      await foreign.close();
      const mine = createPostgresStore({ connectionString: URL, schema, table: 'mine' });
      await mine.enqueue([change('a')], T(0));
      await mine.close();
      await admin.query(
        `UPDATE "${schema}".eduvn_sync_migrations SET version = 99 WHERE table_name = 'mine'`,
      );
      const newer = createPostgresStore({ connectionString: URL, schema, table: 'mine' });
      await expect(newer.get('a')).rejects.toMatchObject({
        code: 'newer-schema',
        message: expect.stringMatching(/newer/),
      });
      await newer.close();
    } finally {
      await drop(schema);
    }
  });

  it('reports an unreachable server as a typed error, and tries again on the next call', async () => {
    const store = createPostgresStore({
      connectionString: 'postgres://postgres@127.0.0.1:1/test',
      poolSize: 1,
    });
    await expect(store.get('a')).rejects.toMatchObject({
      name: 'OutboxStoreError',
      code: 'database',
      cause: expect.anything(),
    });
    await expect(
      store.claim({ worker: 'w', limit: 1, leaseMs: 1, now: T(0) }),
    ).rejects.toMatchObject({
      code: 'database',
    });
    await store.close();
  });

  it("uses the caller's pool without ending it, whatever type parsers that pool has", async () => {
    const schema = freshSchema();
    const garbage = { getTypeParser: () => () => 'garbage' };
    const pool = new pg.Pool({ connectionString: URL, max: 3, types: garbage as never });
    try {
      const store = createPostgresStore({ pool, schema });
      await store.enqueue([change('a')], T(0));
      const [claimed] = await store.claim({ worker: 'w', limit: 1, leaseMs: 1_000, now: T(1) });
      expect(claimed).toMatchObject({
        id: 'a',
        seq: 1,
        attempts: 1,
        leaseExpiresAt: T(1_001).toISOString(),
      });
      await store.close();
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 'garbage' }]);
    } finally {
      await pool.end();
      await drop(schema);
    }
  });

  it('many pools claiming and completing at once, free-running: each change once, never two of one record at once, each record in order', async () => {
    const schema = freshSchema();
    const stores = Array.from({ length: 5 }, () => open(schema, 3));
    try {
      const records = Array.from({ length: 40 }, (_, r) => `R${r}`);
      const changes = [0, 1, 2, 3, 4].flatMap((n) => records.map((r) => change(`${r}-${n}`, r)));
      await stores[0]?.enqueue(changes, T(0));
      const busy = new Set<string>();
      const claimed = new Map<string, number>();
      const order = new Map<string, string[]>();
      const violations: string[] = [];
      const loop = async (store: OutboxStore, worker: string, limit: number) => {
        for (let idle = 0; idle < 40; ) {
          const got: StoredChange[] = await store.claim({
            worker,
            limit,
            leaseMs: 600_000,
            now: T(1),
          });
          if (got.length === 0) {
            idle++;
            await new Promise((resolve) => setTimeout(resolve, 5));
            continue;
          }
          idle = 0;
          for (const c of got) {
            if (busy.has(c.recordKey)) violations.push(`${c.recordKey} twice at once`);
            busy.add(c.recordKey);
            claimed.set(c.id, (claimed.get(c.id) ?? 0) + 1);
            order.set(c.recordKey, [...(order.get(c.recordKey) ?? []), c.id]);
          }
          await new Promise((resolve) => setTimeout(resolve, 1)); // delivering
          for (const c of got) busy.delete(c.recordKey);
          const n = await store.complete(
            worker,
            got.map((c) => ({ id: c.id, outcome: 'delivered' as const, at: T(2) })),
          );
          if (n !== got.length) violations.push(`${worker} lost ${got.length - n} completions`);
        }
      };
      await Promise.all(
        stores.flatMap((store, s) => [1, 3].map((limit, w) => loop(store, `p${s}-w${w}`, limit))),
      );
      expect(violations).toEqual([]);
      expect(claimed.size).toBe(changes.length);
      expect([...claimed.values()].every((n) => n === 1)).toBe(true);
      for (const r of records)
        expect(order.get(r)).toEqual([0, 1, 2, 3, 4].map((n) => `${r}-${n}`));
      expect((await stores[1]?.summary(1))?.counts.delivered).toBe(changes.length);
    } finally {
      for (const s of stores) await s.close();
      await drop(schema);
    }
  }, 60_000);
});

describe('PostgreSQL with several processes', () => {
  it('lets worker processes share one outbox: a killed worker’s leases expire, the others finish, exactly', async () => {
    const schema = freshSchema();
    const store = open(schema);
    try {
      const records = Array.from({ length: 15 }, (_, r) => `R${r}`);
      const changes = [0, 1, 2, 3, 4].flatMap((n) => records.map((r) => change(`${r}-${n}`, r)));
      await store.enqueue(changes, new Date());
      await admin.query(
        `CREATE TABLE "${schema}".server_log (n bigserial PRIMARY KEY, id text, record_key text, worker text)`,
      );
      const common = {
        EDUVN_STORE: 'postgres',
        EDUVN_TARGET: URL,
        EDUVN_SCHEMA: schema,
        EDUVN_LEASE_MS: '1500',
        EDUVN_DELIVERY_MS: '5',
      };
      const dead = startWorker({ ...common, EDUVN_WORKER: 'dead', EDUVN_MODE: 'hang' });
      const held = (await dead.waitFor((l) => Array.isArray(l['held'])))['held'] as string[];
      expect(held.length).toBe(5);
      const workers = [1, 2, 3].map((n) =>
        startWorker({ ...common, EDUVN_WORKER: `w${n}`, EDUVN_MODE: 'work' }),
      );
      await Promise.all(workers.map((w) => w.waitFor((l) => l['ready'] === true)));
      dead.child.kill('SIGKILL');
      expect((await dead.exited).signal).toBe('SIGKILL');
      for (const w of workers) w.go();
      const ends = await Promise.all(workers.map((w) => w.exited));
      for (const [i, end] of ends.entries()) expect(end.code, workers[i]?.errors()).toBe(0);
      const { rows } = await admin.query(
        `SELECT id, record_key AS "recordKey" FROM "${schema}".server_log ORDER BY n`,
      );
      await expectExactEnd(store, changes, held, rows);
      // The dead worker's leases ran out; the others took its changes.
      for (const id of held) {
        expect(await store.get(id)).toMatchObject({ state: 'delivered' });
      }
    } finally {
      await store.close();
      await drop(schema);
    }
  }, 60_000);
});
