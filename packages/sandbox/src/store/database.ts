import Database from 'better-sqlite3';
import { SandboxError } from '../errors.ts';
import { MIGRATIONS } from './migrations.ts';

/** The better-sqlite3 database the sandbox keeps its state in. */
export type SqliteDatabase = Database.Database;

/**
 * How hard a commit tries to reach the disk: `'process'` (the default, SQLite's WAL with
 * `synchronous = NORMAL`) survives the sandbox process being killed at any point — every
 * acknowledged write is in the WAL — but the last commits may be lost if the machine itself loses
 * power; `'power'` (`synchronous = FULL`) syncs every commit to the disk, slower.
 */
export type Durability = 'process' | 'power';

/**
 * Opens (creating when absent) the sandbox's SQLite database — a file, or `':memory:'` — in WAL
 * mode, and brings its schema up to date with {@link MIGRATIONS}. Throws a {@link SandboxError}
 * when the file is not a SQLite database or was made by a newer sandbox.
 */
export function openDatabase(path: string, durability: Durability = 'process'): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability === 'power' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new SandboxError(
      'database',
      `Cannot open the sandbox database ${JSON.stringify(path)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof SandboxError) throw error;
    throw new SandboxError(
      'database',
      `The sandbox database ${JSON.stringify(path)} cannot be used: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return db;
}

function migrate(db: SqliteDatabase): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new SandboxError(
      'database',
      `The sandbox database has schema version ${version}, newer than this sandbox knows (${MIGRATIONS.length}): upgrade @eduvn/sandbox or use another file`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
