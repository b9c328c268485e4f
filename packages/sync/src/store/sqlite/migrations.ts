/**
 * The SQLite outbox's schema, as ordered migrations: migration `i` brings the file from
 * `PRAGMA user_version = i` to `i + 1`. Append new ones; never edit one that has shipped.
 *
 * Times are milliseconds since the epoch (UTC) in `*_ms` columns; `occurred_at` keeps the text
 * the host gave (with its offset) and `occurred_at_ms` its instant, for ordering. `record` and
 * `rejection` are JSON text; `last_error` is a JSON string (so any character survives).
 * Nothing is ever deleted: delivered and rejected changes stay as history.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    truong_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('upsert', 'event')),
    record TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    occurred_at_ms INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'in-flight', 'delivered', 'rejected')),
    enqueued_at_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at_ms INTEGER,
    lease_owner TEXT,
    lease_expires_at_ms INTEGER,
    delivered_at_ms INTEGER,
    last_error TEXT,
    rejection TEXT,
    requeued_as TEXT
  ) STRICT;
  -- Claims walk the undelivered changes in seq order ...
  CREATE INDEX changes_undelivered ON changes (seq) WHERE state IN ('pending', 'in-flight');
  -- ... and look for an earlier undelivered change of the same record.
  CREATE INDEX changes_undelivered_by_record ON changes (record_key, seq)
    WHERE state IN ('pending', 'in-flight');
  -- Re-keying looks at one school's undelivered changes.
  CREATE INDEX changes_undelivered_by_school ON changes (truong_id)
    WHERE state IN ('pending', 'in-flight');
  -- The summary's oldest undelivered changes.
  CREATE INDEX changes_undelivered_by_age ON changes (occurred_at_ms, seq)
    WHERE state IN ('pending', 'in-flight');
  -- Counts by state, and the dead-letter list in seq order.
  CREATE INDEX changes_by_state ON changes (state, seq);
  -- The records the outbox has seen (history included): by key, and a school's by entity.
  CREATE INDEX changes_by_record ON changes (record_key);
  CREATE INDEX changes_by_school ON changes (truong_id, entity, record_key);
  `,
];
