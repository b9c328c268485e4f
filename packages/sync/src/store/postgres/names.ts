import { OutboxStoreError } from '../errors.ts';

/** The longest table name: its index names (`<table>_undelivered_by_record`) must fit in 63 bytes. */
const MAX_TABLE = 40;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The qualified names one PostgreSQL outbox uses, checked (letters, digits and underscores, not
 * starting with a digit) and quoted, so that nothing a caller passes ends up as SQL.
 */
export interface PgNames {
  /** The schema's name, unquoted. */
  readonly schema: string;
  /** The table's name, unquoted. */
  readonly table: string;
  /** The quoted schema. */
  readonly qSchema: string;
  /** The quoted, schema-qualified table. */
  readonly qTable: string;
  /** The quoted, schema-qualified migrations table. */
  readonly qMigrations: string;
  /** The quoted name (unqualified: an index lives in its table's schema) of an index of the table. */
  index(suffix: string): string;
}

const quote = (name: string): string => `"${name}"`;

function check(what: string, name: unknown, max: number): string {
  if (typeof name !== 'string' || !NAME.test(name) || name.length > max) {
    throw new OutboxStoreError(
      'invalid-input',
      `The PostgreSQL ${what} name must be 1 to ${max} letters, digits or underscores, not starting with a digit`,
    );
  }
  return name;
}

/** The names of the outbox in `schema` (default `eduvn_sync`) and `table` (default `outbox`). */
export function pgNames(schema = 'eduvn_sync', table = 'outbox'): PgNames {
  const s = check('schema', schema, 63);
  const t = check('table', table, MAX_TABLE);
  return {
    schema: s,
    table: t,
    qSchema: quote(s),
    qTable: `${quote(s)}.${quote(t)}`,
    qMigrations: `${quote(s)}.${quote('eduvn_sync_migrations')}`,
    index: (suffix) => quote(`${t}_${suffix}`),
  };
}
