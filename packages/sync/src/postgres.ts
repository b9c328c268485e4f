/**
 * The outbox store for many worker processes on many machines: PostgreSQL through `pg` (an
 * optional peer dependency: install it to use this entry).
 *
 * ```ts
 * import { createPostgresStore } from '@eduvn/sync/postgres';
 * const store = createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * ```
 *
 * @module
 */
export { createPostgresStore, type PostgresStoreOptions } from './store/postgres/store.ts';
