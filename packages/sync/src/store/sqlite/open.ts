import Database from 'better-sqlite3';
import { OutboxStoreError } from '../errors.ts';
import { SQLITE_MIGRATIONS } from './migrations.ts';

/** A better-sqlite3 connection. */
export type SqliteDatabase = Database.Database;

/**
 * How hard a commit tries to reach the disk: `'process'` (the default: WAL with
 * `synchronous = NORMAL`) survives the process being killed at any point — every acknowledged
 * commit is in the WAL — but the last commits may be lost if the machine itself loses power;
 * `'power'` (`synchronous = FULL`) syncs the WAL at every commit and survives that too, slower.
 */
export type Durability = 'process' | 'power';

/** The `PRAGMA application_id` of an eduvn outbox file (`'EDVS'`), so no other file is mistaken for one. */
export const APPLICATION_ID = 0x45445653;

/**
 * Opens (creating when absent) an outbox file — or `':memory:'` — in WAL mode with the given
 * durability and busy timeout, and brings its schema up to date. Throws an `OutboxStoreError`:
 * `'not-an-outbox'` when the file is not a SQLite database or holds something else,
 * `'newer-schema'` when a newer `@eduvn/sync` made it, `'database'` when it cannot be opened.
 */
export function openOutboxDatabase(
  path: string,
  durability: Durability,
  busyTimeoutMs: number,
): SqliteDatabase {
  const where = JSON.stringify(path);
  let db: SqliteDatabase;
  try {
    db = new Database(path);
  } catch (error) {
    throw new OutboxStoreError(
      'database',
      `Cannot open the outbox file ${where}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (path !== ':memory:' && path !== '') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability === 'power' ? 'FULL' : 'NORMAL'}`);
    migrate(db, where);
  } catch (error) {
    db.close();
    if (error instanceof OutboxStoreError) throw error;
    const notADatabase = (error as { code?: unknown }).code === 'SQLITE_NOTADB';
    throw new OutboxStoreError(
      notADatabase ? 'not-an-outbox' : 'database',
      notADatabase
        ? `The file ${where} is not a SQLite database, so not an outbox`
        : `The outbox file ${where} cannot be used: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return db;
}

/** The schema version of an outbox file (0 for a new, empty file); throws for any other file. */
function versionOf(db: SqliteDatabase, where: string): number {
  const app = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (app === APPLICATION_ID) {
    if (version > SQLITE_MIGRATIONS.length) {
      throw new OutboxStoreError(
        'newer-schema',
        `The outbox file ${where} has schema version ${version}, newer than this @eduvn/sync knows (${SQLITE_MIGRATIONS.length}): upgrade @eduvn/sync`,
      );
    }
    return version;
  }
  const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  if (app === 0 && version === 0 && objects === 0) return 0;
  throw new OutboxStoreError(
    'not-an-outbox',
    `The file ${where} is a SQLite database of something else, not an eduvn outbox`,
  );
}

function migrate(db: SqliteDatabase, where: string): void {
  if (versionOf(db, where) === SQLITE_MIGRATIONS.length) return;
  // Under the write lock, so that two processes opening a new file do not both migrate it.
  db.transaction(() => {
    for (let v = versionOf(db, where); v < SQLITE_MIGRATIONS.length; v++) {
      db.exec(SQLITE_MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}
