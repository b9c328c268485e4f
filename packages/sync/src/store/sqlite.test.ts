import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../sqlite.ts';
import { testOutboxStore } from '../testing.ts';
import { startWorker } from './child.test-helper.ts';
import { expectExactEnd } from './end-state.test-helper.ts';
import { SQLITE_MIGRATIONS } from './sqlite/migrations.ts';
import { APPLICATION_ID, openOutboxDatabase } from './sqlite/open.ts';
import type { OutboxChange } from './types.ts';

const root = mkdtempSync(join(tmpdir(), 'eduvn-sync-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh file per store: the suite's tests run on real files, in WAL mode. */
testOutboxStore('sqlite', () => createSqliteStore({ path: freshFile() }), {
  shared: async () => {
    const path = freshFile();
    return { open: async () => createSqliteStore({ path }), dispose: async () => {} };
  },
});

function freshFile(): string {
  const dir = mkdtempSync(join(root, 'store-'));
  return join(dir, 'outbox.db');
}

const change = (id: string, recordKey = id): OutboxChange => ({
  id,
  truongId: '79000701',
  entity: 'HocSinh',
  recordKey,
  kind: 'upsert',
  record: { hocSinhId: id },
  occurredAt: '2030-01-01T00:00:00Z',
});

describe('createSqliteStore', () => {
  it('opens the file in WAL mode with the durability asked for, and reopens it as it was', async () => {
    const path = freshFile();
    const store = createSqliteStore({ path });
    await store.enqueue([change('a')], new Date());
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    raw.close();
    const db = openOutboxDatabase(path, 'power', 1_234);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1_234);
    db.close();
    const normal = openOutboxDatabase(path, 'process', 5_000);
    expect(normal.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    normal.close();
    const again = createSqliteStore({ path, durability: 'power' });
    expect((await again.get('a'))?.record).toEqual({ hocSinhId: 'a' });
    await again.close();
  });

  it('works in memory', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    await store.enqueue([change('a')], new Date());
    expect((await store.get('a'))?.state).toBe('pending');
    await store.close();
  });

  it('refuses a file that is not a database, another application’s database, or a newer outbox', () => {
    const junk = freshFile();
    writeFileSync(junk, 'this is not sqlite '.repeat(300));
    expect(() => createSqliteStore({ path: junk })).toThrow(
      expect.objectContaining({ name: 'OutboxStoreError', code: 'not-an-outbox' }),
    );
    const other = freshFile();
    const db = new Database(other);
    db.exec('CREATE TABLE pupils (id TEXT)');
    db.close();
    expect(() => createSqliteStore({ path: other })).toThrow(
      expect.objectContaining({ code: 'not-an-outbox' }),
    );
    const newer = freshFile();
    createSqliteStore({ path: newer }).close();
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SQLITE_MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => createSqliteStore({ path: newer })).toThrow(
      expect.objectContaining({ code: 'newer-schema', message: expect.stringMatching(/newer/) }),
    );
    expect(() => createSqliteStore({ path: join(freshFile(), 'no', 'such', 'dir.db') })).toThrow(
      expect.objectContaining({ code: 'database' }),
    );
  });

  it('checks its options', () => {
    expect(() => createSqliteStore({ path: 42 } as never)).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
    expect(() => createSqliteStore({ path: ':memory:', busyTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => createSqliteStore({ path: ':memory:', maxRecordBytes: 0 })).toThrow(RangeError);
    expect(() => createSqliteStore({ path: ':memory:', durability: 'disk' as never })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it('makes SQLite failures typed errors (a write lock held past the busy timeout)', async () => {
    const path = freshFile();
    createSqliteStore({ path }).close();
    const store = createSqliteStore({ path });
    // Another connection holds the write lock longer than the busy timeout allows.
    const blocker = new Database(path);
    blocker.exec('BEGIN IMMEDIATE');
    const waiting = createSqliteStore({ path, busyTimeoutMs: 0 });
    await expect(waiting.enqueue([change('a')], new Date())).rejects.toMatchObject({
      name: 'OutboxStoreError',
      code: 'database',
    });
    blocker.exec('ROLLBACK');
    blocker.close();
    await waiting.enqueue([change('a')], new Date());
    expect((await store.get('a'))?.id).toBe('a');
    await waiting.close();
    await store.close();
  });
});

describe('SQLite with several processes', () => {
  it('keeps every committed change when a writing process is killed, and the file stays usable', async () => {
    const path = freshFile();
    createSqliteStore({ path }).close();
    const writer = startWorker({
      EDUVN_STORE: 'sqlite',
      EDUVN_TARGET: path,
      EDUVN_SERVER: `${path}.server`,
      EDUVN_WORKER: 'writer',
      EDUVN_MODE: 'write',
    });
    await writer.waitFor((line) => Number(line['committed']) >= 25);
    writer.child.kill('SIGKILL');
    expect((await writer.exited).signal).toBe('SIGKILL');
    const committed = Math.max(...writer.lines().map((l) => Number(l['committed'] ?? -1)));
    const raw = new Database(path);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const store = createSqliteStore({ path });
    for (let batch = 0; batch <= committed; batch++) {
      for (const i of [0, 19]) {
        expect(await store.get(`writer-${batch}-${i}`), `batch ${batch}`).toBeDefined();
      }
    }
    const { counts } = await store.summary(1);
    expect(counts.pending + counts['in-flight'] + counts.delivered).toBeGreaterThanOrEqual(
      (committed + 1) * 20,
    );
    // Usable: what the killed writer held is taken back once its leases expire.
    const later = new Date(Date.now() + 120_000);
    const claimed = await store.claim({
      worker: 'after',
      limit: 10_000,
      leaseMs: 1_000,
      now: later,
    });
    expect(claimed.length).toBeGreaterThan(0);
    expect(
      await store.complete(
        'after',
        claimed.map((c) => ({ id: c.id, outcome: 'delivered' as const, at: later })),
      ),
    ).toBe(claimed.length);
    await store.close();
  }, 60_000);

  it('lets several processes share one file: disjoint claims, a killed worker’s leases expire, each record in order', async () => {
    const path = freshFile();
    const server = `${path}.server`;
    const store = createSqliteStore({ path });
    const records = Array.from({ length: 12 }, (_, r) => `R${r}`);
    const changes = [0, 1, 2, 3, 4].flatMap((n) => records.map((r) => change(`${r}-${n}`, r)));
    await store.enqueue(changes, new Date());
    const common = {
      EDUVN_STORE: 'sqlite',
      EDUVN_TARGET: path,
      EDUVN_SERVER: server,
      EDUVN_LEASE_MS: '1500',
      EDUVN_DELIVERY_MS: '5',
    };
    const dead = startWorker({ ...common, EDUVN_WORKER: 'dead', EDUVN_MODE: 'hang' });
    const held = (await dead.waitFor((l) => Array.isArray(l['held'])))['held'] as string[];
    const workers = [1, 2].map((n) =>
      startWorker({ ...common, EDUVN_WORKER: `w${n}`, EDUVN_MODE: 'work' }),
    );
    await Promise.all(workers.map((w) => w.waitFor((l) => l['ready'] === true)));
    dead.child.kill('SIGKILL');
    await dead.exited;
    for (const w of workers) w.go();
    const ends = await Promise.all(workers.map((w) => w.exited));
    for (const [i, end] of ends.entries()) {
      expect(end.code, workers[i]?.errors()).toBe(0);
    }
    await expectExactEnd(store, changes, held, readSqliteLog(server));
    await store.close();
  }, 60_000);
});

function readSqliteLog(path: string): { id: string; recordKey: string }[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare('SELECT id, record_key AS recordKey FROM log ORDER BY n').all();
  db.close();
  return rows as { id: string; recordKey: string }[];
}
