import type { PgNames } from './names.ts';

/**
 * The PostgreSQL outbox's schema, as ordered migrations of one table: migration `i` brings it from
 * version `i` to `i + 1` (the version is kept per table in `eduvn_sync_migrations`, in the same
 * schema). Append new ones; never edit one that has shipped.
 *
 * Times are `timestamptz` (readable by whoever inspects the table); `occurred_at` keeps the text
 * the host gave, `occurred_at_ts` its instant for ordering. `record` and `rejection` are `json`
 * (kept verbatim: key order, `__proto__` keys, `\u0000` escapes — `jsonb` refuses the last);
 * `last_error` is a JSON string for the same reason. Nothing is ever deleted.
 */
export function pgMigrations(n: PgNames): readonly string[] {
  const undelivered = `WHERE state IN ('pending', 'in-flight')`;
  return [
    `
    CREATE TABLE ${n.qTable} (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id text NOT NULL,
      truong_id text NOT NULL,
      entity text NOT NULL,
      record_key text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('upsert', 'event')),
      record json NOT NULL,
      occurred_at text NOT NULL,
      occurred_at_ts timestamptz NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'in-flight', 'delivered', 'rejected')),
      enqueued_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      lease_owner text,
      lease_expires_at timestamptz,
      delivered_at timestamptz,
      last_error json,
      rejection json,
      requeued_as text,
      CONSTRAINT ${n.index('id_key')} UNIQUE (id)
    );
    CREATE INDEX ${n.index('undelivered')} ON ${n.qTable} (seq) ${undelivered};
    CREATE INDEX ${n.index('undelivered_by_record')} ON ${n.qTable} (record_key, seq) ${undelivered};
    CREATE INDEX ${n.index('undelivered_by_school')} ON ${n.qTable} (truong_id) ${undelivered};
    CREATE INDEX ${n.index('undelivered_by_age')} ON ${n.qTable} (occurred_at_ts, seq) ${undelivered};
    CREATE INDEX ${n.index('by_state')} ON ${n.qTable} (state, seq);
    CREATE INDEX ${n.index('by_record')} ON ${n.qTable} (record_key);
    CREATE INDEX ${n.index('by_school')} ON ${n.qTable} (truong_id, entity, record_key);
    `,
  ];
}
