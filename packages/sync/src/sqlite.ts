/**
 * The embedded outbox store: one SQLite file through better-sqlite3, in WAL mode, safe against a
 * killed process and shared safely by several processes on one machine.
 *
 * ```ts
 * import { createSqliteStore } from '@eduvn/sync/sqlite';
 * const store = createSqliteStore({ path: 'outbox.db' });
 * ```
 *
 * @module
 */
export type { Durability } from './store/sqlite/open.ts';
export { createSqliteStore, type SqliteStoreOptions } from './store/sqlite/store.ts';
