/**
 * The sandbox database's schema, as ordered migrations: migration `i` brings the database from
 * `PRAGMA user_version = i` to `i + 1`. Append new ones; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- Organisation units: the Sở, its Phòng, their schools. A school's id is its TRUONG_ID.
  CREATE TABLE units (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('so', 'phong', 'truong')),
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES units (id)
  ) STRICT;

  CREATE TABLE accounts (
    client_id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quan-tri', 'khai-thac')),
    unit_id TEXT NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  -- Every record of every school; a status event is a record of SuKienTrangThai. Never deleted.
  -- key: the JSON array of the record's key values after TRUONG_ID.
  CREATE TABLE records (
    truong_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    version INTEGER NOT NULL,
    person_id TEXT,
    subject TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (truong_id, entity, key)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX records_by_key ON records (entity, key);
  CREATE INDEX records_by_person ON records (entity, person_id) WHERE person_id IS NOT NULL;
  CREATE INDEX records_by_subject ON records (truong_id, subject) WHERE subject IS NOT NULL;

  -- Provisional pupil identifiers (TAM-…) and the official code the database issued for each.
  CREATE TABLE aliases (
    entity TEXT NOT NULL,
    alias TEXT NOT NULL,
    truong_id TEXT NOT NULL,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (entity, alias)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) STRICT;

  -- The delta feed, in commit order.
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    truong_id TEXT NOT NULL,
    type TEXT NOT NULL,
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    version INTEGER,
    data TEXT,
    occurred_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    late INTEGER NOT NULL,
    delay_ms INTEGER NOT NULL,
    account_id TEXT NOT NULL
  ) STRICT;
  CREATE INDEX changes_by_school ON changes (truong_id, seq);

  CREATE TABLE idempotency (
    account_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
  ) STRICT, WITHOUT ROWID;

  -- Append-only: who did what, when, to which records (personal IDs masked).
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    account_id TEXT,
    action TEXT NOT NULL,
    truong_id TEXT,
    status INTEGER NOT NULL,
    correlation_id TEXT NOT NULL,
    detail TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_by_school ON audit (truong_id, seq);
  `,
  // 2: when the information of each record's stored version arose (writes that arose earlier
  // than the stored version are not applied: a late, stale retry never overwrites a newer write).
  `
  ALTER TABLE records ADD COLUMN occurred_at TEXT;
  `,
];
