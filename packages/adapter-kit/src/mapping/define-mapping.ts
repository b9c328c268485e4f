import { entityByName, entityOf, type FieldInfo, fieldsOf } from '@eduvn/standard';
import { matchKey } from '@eduvn/text';
import type { HeaderTerm } from '../layout/types.ts';
import type { Row } from '../workbook/types.ts';
import { type ColumnSpec, isColumnSpec } from './column.ts';
import { kindsForType } from './field-kinds.ts';

/**
 * A mapping's hook for layouts that need code: called by {@link mapRow} with the record built from
 * the columns (a copy it may change or replace), the row, and the values of the mapping's
 * {@link MappingInput.extras}. It returns the record; keys that are not fields of the entity are
 * left out and reported. A hook that throws gives an error issue, never a crash.
 */
export type MappingTransform = (
  record: Record<string, unknown>,
  row: Row,
  extras: Readonly<Record<string, unknown>>,
) => Record<string, unknown>;

/** What {@link defineMapping} takes. */
export interface MappingInput<F extends string = string> {
  /** The entity the records belong to, by name (`'HocSinh'`). */
  readonly entity: string;
  /** The layout version the mapping reads (`'C1-HocSinh 2024'`), for provenance. */
  readonly version?: string;
  /** The fields filled from columns, by canonical field name (see {@link column}). */
  readonly columns: { readonly [K in F]: ColumnSpec };
  /**
   * Columns read for the {@link MappingInput.transform} hook only, by a name of the mapping's
   * choosing (a JavaScript identifier that is not a field): subject levels that become rows of a
   * sub-table, a caption, a code split over two columns.
   */
  readonly extras?: Readonly<Record<string, ColumnSpec>>;
  /**
   * The fields that identify a record (default: the entity's key fields that the mapping fills).
   * Their columns are the key columns of {@link classifyRow}.
   */
  readonly rowKey?: readonly NoInfer<F>[];
  /** A hook for layouts that need code. */
  readonly transform?: MappingTransform;
}

/** A checked mapping, as {@link defineMapping} returns it. Frozen. */
export interface Mapping<F extends string = string> {
  /** The entity's name. */
  readonly entity: string;
  /** The layout version, if given. */
  readonly version: string | undefined;
  /** The fields filled from columns. */
  readonly columns: { readonly [K in F]: ColumnSpec };
  /** The columns read for the transform hook only. */
  readonly extras: Readonly<Record<string, ColumnSpec>>;
  /** The fields that identify a record. */
  readonly rowKey: readonly F[];
  /** The transform hook, if any. */
  readonly transform: MappingTransform | undefined;
  /** The header terms of every column, fields first, for {@link findHeader}. */
  readonly vocabulary: readonly HeaderTerm[];
}

/** Names an extra column may not take: they would shadow an object's own machinery. */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The edit distance of two short names, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

function suggestion(name: string, fields: ReadonlyMap<string, FieldInfo>): string {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(name.length / 3)) + 1;
  const lower = name.toLowerCase();
  for (const candidate of fields.keys()) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean '${best}'?)`;
}

/** A short, safe rendering of a name from the caller's input, for error messages. */
function shown(name: string): string {
  return JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
}

/** The keys by which two columns' headers could collide. */
function termKeys(spec: ColumnSpec): string[] {
  const { term } = spec;
  const texts = [term.label, ...(term.aliases ?? [])].map(matchKey);
  const paths = (term.paths ?? []).map((p) => p.map(matchKey).join(' › '));
  return [...texts, ...paths].filter((k) => k !== '');
}

/**
 * Defines how a sheet's columns fill an entity's records, checked against the standard when it
 * is defined:
 *
 * - the entity must exist (`entityByName`);
 * - every key of `columns` must be a field of it — a typo is a `TypeError` naming the field and
 *   suggesting the nearest one — that one cell can fill (not a sub-table or a date-time), and the
 *   column's kind must suit the field's type (see {@link kindsForType});
 * - every column must be made by {@link column}, and no two columns may share a header text;
 * - `rowKey` must name mapped fields; `extras` names must be identifiers that are not fields.
 *
 * The mapping's {@link Mapping.vocabulary} (every column's header term) is what
 * {@link findHeader} looks for. Records are built from the mapping's own field names, never from
 * header text, so no header can add or overwrite a key.
 *
 * @param input - the entity, the columns, and optionally version, extras, row key and transform
 * @returns the frozen mapping
 * @throws TypeError when the mapping does not fit the entity (a programming error)
 *
 * @example
 * ```ts
 * const pupils = defineMapping({
 *   entity: 'HocSinh',
 *   version: 'C1-HocSinh',
 *   columns: {
 *     hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
 *     hoTen: column(['Họ tên', 'Họ và tên'], 'name', { required: true }),
 *     ngaySinh: column(['Ngày sinh'], 'date'),
 *     maGioiTinh: column(['Giới tính'], 'sex'),
 *     maDanToc: column(['Dân tộc'], 'code', { pad: 2 }),
 *   },
 * });
 * ```
 */
export function defineMapping<const F extends string>(input: MappingInput<F>): Mapping<F> {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError('defineMapping: expected { entity, columns, … }');
  }
  const schema = typeof input.entity === 'string' ? entityByName(input.entity) : undefined;
  if (schema === undefined) {
    throw new TypeError(`defineMapping: unknown entity ${shown(String(input.entity))}`);
  }
  const entity = input.entity;
  const fields = new Map(fieldsOf(schema).map((f) => [f.name, f]));
  if (typeof input.columns !== 'object' || input.columns === null) {
    throw new TypeError(
      'defineMapping: columns must be an object of column(…) specs by field name',
    );
  }
  const owners = new Map<string, string>();
  const claim = (name: string, spec: ColumnSpec): void => {
    for (const key of termKeys(spec)) {
      const other = owners.get(key);
      if (other !== undefined && other !== name) {
        throw new TypeError(
          `defineMapping: ${other} and ${name} are both found by the header ${shown(key)}`,
        );
      }
      owners.set(key, name);
    }
  };

  const columns: Record<string, ColumnSpec> = {};
  for (const [name, spec] of Object.entries(input.columns as Record<string, unknown>)) {
    const field = fields.get(name);
    if (field === undefined) {
      throw new TypeError(
        `defineMapping: ${entity} has no field ${shown(name)}${suggestion(name, fields)}`,
      );
    }
    if (!isColumnSpec(spec)) {
      throw new TypeError(`defineMapping: columns.${name} must be made by column(…)`);
    }
    const kinds = kindsForType(field.type);
    if (!kinds.includes(spec.kind)) {
      throw new TypeError(
        kinds.length === 0
          ? `defineMapping: ${entity}.${name} is a ${field.type} field, which one column cannot fill (use extras and transform)`
          : `defineMapping: ${entity}.${name} is a ${field.type} field; a '${spec.kind}' column cannot fill it (use ${kinds.map((k) => `'${k}'`).join(', ')})`,
      );
    }
    claim(name, spec);
    columns[name] = spec;
  }

  const extras: Record<string, ColumnSpec> = {};
  for (const [name, spec] of Object.entries((input.extras ?? {}) as Record<string, unknown>)) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || RESERVED.has(name) || fields.has(name)) {
      throw new TypeError(
        `defineMapping: extras name ${shown(name)} must be an identifier that is neither a field of ${entity} nor a name of Object.prototype`,
      );
    }
    if (!isColumnSpec(spec)) {
      throw new TypeError(`defineMapping: extras.${name} must be made by column(…)`);
    }
    claim(name, spec);
    extras[name] = spec;
  }

  const mapped = Object.keys(columns);
  const rowKey = input.rowKey ?? entityOf(schema).key.filter((k) => mapped.includes(k));
  for (const name of rowKey) {
    if (!mapped.includes(name)) {
      throw new TypeError(
        `defineMapping: rowKey field ${shown(String(name))} is not a mapped column`,
      );
    }
  }
  if (input.transform !== undefined && typeof input.transform !== 'function') {
    throw new TypeError('defineMapping: transform must be a function');
  }
  if (input.version !== undefined && typeof input.version !== 'string') {
    throw new TypeError('defineMapping: version must be a string');
  }

  const vocabulary = [...Object.values(columns), ...Object.values(extras)].map((s) => s.term);
  return Object.freeze({
    entity,
    version: input.version,
    columns: Object.freeze(columns) as { readonly [K in F]: ColumnSpec },
    extras: Object.freeze(extras),
    rowKey: Object.freeze([...rowKey]) as readonly F[],
    transform: input.transform,
    vocabulary: Object.freeze(vocabulary),
  });
}
