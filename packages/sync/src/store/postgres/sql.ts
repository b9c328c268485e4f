import type { PgNames } from './names.ts';

/** Milliseconds since the epoch of a `timestamptz` column, as `bigint`. */
const ms = (column: string): string => `(extract(epoch FROM ${column}) * 1000)::bigint`;

const UNDELIVERED = `state IN ('pending', 'in-flight')`;

/** The statements of one PostgreSQL outbox (its names are checked and quoted by {@link PgNames}). */
export function pgStatements(n: PgNames) {
  const t = n.qTable;
  const columns = (a: string) => `${a}.seq, ${a}.id, ${a}.truong_id AS "truongId", ${a}.entity,
    ${a}.record_key AS "recordKey", ${a}.kind, ${a}.record, ${a}.occurred_at AS "occurredAt",
    ${a}.state, ${ms(`${a}.enqueued_at`)} AS "enqueuedAt", ${a}.attempts,
    ${ms(`${a}.next_attempt_at`)} AS "nextAttemptAt", ${a}.lease_owner AS "leaseOwner",
    ${ms(`${a}.lease_expires_at`)} AS "leaseExpiresAt", ${ms(`${a}.delivered_at`)} AS "deliveredAt",
    ${a}.last_error AS "lastError", ${a}.rejection, ${a}.requeued_as AS "requeuedAs"`;
  return {
    /**
     * Takes the transaction-scoped advisory locks of the record keys $2 (in one order, so two
     * writers cannot deadlock) in the outbox's lock space $1: a writer that adds changes to a
     * record waits for the previous one to commit, so seq order is commit order per record and a
     * claim never sees a record's later change before its earlier one.
     */
    lockRecords: `
      SELECT pg_advisory_xact_lock(hashtext($1), k.h)
      FROM (SELECT DISTINCT hashtext(x) AS h FROM unnest($2::text[]) AS x ORDER BY 1) AS k`,
    insert: `
      INSERT INTO ${t} (id, truong_id, entity, record_key, kind, record, occurred_at,
        occurred_at_ts, state, enqueued_at)
      SELECT u.id, u.truong_id, u.entity, u.record_key, u.kind, u.record::json, u.occurred_at,
        u.occurred_at_ts, 'pending', $9::timestamptz
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
        $7::text[], $8::timestamptz[])
        WITH ORDINALITY AS u(id, truong_id, entity, record_key, kind, record, occurred_at,
          occurred_at_ts, ord)
      ORDER BY u.ord
      ON CONFLICT (id) DO NOTHING`,
    /**
     * The earliest undelivered change of each record, when it is due and no change of that record
     * is in flight under a live lease; in seq order, skipping rows another claim has locked.
     * $1 now, $2 limit, $3 worker, $4 lease expiry.
     */
    claim: `
      WITH picked AS (
        SELECT c.seq FROM ${t} AS c
        WHERE c.${UNDELIVERED}
          AND CASE WHEN c.state = 'pending'
            THEN c.next_attempt_at IS NULL OR c.next_attempt_at <= $1::timestamptz
            ELSE c.lease_expires_at <= $1::timestamptz END
          AND NOT EXISTS (
            SELECT 1 FROM ${t} AS e
            WHERE e.record_key = c.record_key AND e.${UNDELIVERED} AND e.seq <> c.seq
              AND (e.seq < c.seq OR (e.state = 'in-flight' AND e.lease_expires_at > $1::timestamptz)))
        ORDER BY c.seq
        LIMIT $2
        FOR UPDATE OF c SKIP LOCKED)
      UPDATE ${t} AS t
      SET state = 'in-flight', lease_owner = $3, lease_expires_at = $4::timestamptz,
        attempts = t.attempts + 1
      FROM picked WHERE t.seq = picked.seq
      RETURNING ${columns('t')}`,
    /** Applies the completions (arrays $1…$6) of worker $7 that it still holds. */
    complete: `
      UPDATE ${t} AS t SET
        state = CASE u.outcome WHEN 'retry' THEN 'pending' ELSE u.outcome END,
        delivered_at = CASE WHEN u.outcome = 'delivered' THEN u.at ELSE t.delivered_at END,
        rejection = CASE WHEN u.outcome = 'rejected' THEN u.rejection::json ELSE t.rejection END,
        next_attempt_at = CASE WHEN u.outcome = 'retry' THEN u.next ELSE t.next_attempt_at END,
        last_error = CASE WHEN u.outcome = 'retry' THEN u.error::json ELSE t.last_error END,
        lease_owner = NULL,
        lease_expires_at = NULL
      FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[],
        $6::text[]) AS u(id, outcome, at, next, error, rejection)
      WHERE t.id = u.id AND t.state = 'in-flight' AND t.lease_owner = $7
        AND t.lease_expires_at > u.at`,
    renew: `
      UPDATE ${t} SET lease_expires_at = $4::timestamptz
      WHERE id = ANY($1::text[]) AND state = 'in-flight' AND lease_owner = $2
        AND lease_expires_at > $3::timestamptz`,
    rekeyCandidates: `
      SELECT seq, entity, record FROM ${t}
      WHERE truong_id = $1 AND ${UNDELIVERED} AND strpos(record::text, $2) > 0
      ORDER BY seq
      FOR UPDATE`,
    rekey: `
      UPDATE ${t} AS t SET record = u.record::json, record_key = u.record_key
      FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(seq, record, record_key)
      WHERE t.seq = u.seq`,
    counts: `SELECT state, count(*) AS n FROM ${t} GROUP BY state`,
    oldest: `
      SELECT ${columns('c')} FROM ${t} AS c WHERE c.${UNDELIVERED}
      ORDER BY c.occurred_at_ts, c.seq LIMIT $1`,
    rejected: `SELECT ${columns('c')} FROM ${t} AS c WHERE c.state = 'rejected' ORDER BY c.seq LIMIT $1`,
    get: `SELECT ${columns('c')} FROM ${t} AS c WHERE c.id = $1`,
    /** The changes with these ids, locked: what `requeue` reads and marks. */
    forRequeue: `
      SELECT id, truong_id AS "truongId", entity, record_key AS "recordKey", kind, record,
        occurred_at AS "occurredAt", state,
        requeued_as AS "requeuedAs"
      FROM ${t} WHERE id = ANY($1::text[])
      ORDER BY seq
      FOR UPDATE`,
    recordKeysOf: `SELECT DISTINCT record_key AS "recordKey" FROM ${t} WHERE id = ANY($1::text[])`,
    existing: `SELECT id FROM ${t} WHERE id = ANY($1::text[])`,
    population: `SELECT count(DISTINCT record_key) AS n FROM ${t} WHERE truong_id = $1 AND entity = $2`,
    knownKeys: `SELECT DISTINCT record_key AS "recordKey" FROM ${t} WHERE record_key = ANY($1::text[])`,
    deadlineCounts: `
      SELECT
        count(*) FILTER (WHERE occurred_at_ts < $1::timestamptz) AS overdue,
        count(*) FILTER (WHERE occurred_at_ts >= $1::timestamptz AND occurred_at_ts < $2::timestamptz)
          AS "atRisk"
      FROM ${t}
      WHERE ${UNDELIVERED} AND occurred_at_ts < greatest($1::timestamptz, $2::timestamptz)`,
    markRequeued: `
      UPDATE ${t} AS t SET requeued_as = u.new_id
      FROM unnest($1::text[], $2::text[]) AS u(id, new_id) WHERE t.id = u.id`,
  };
}
