import type { InputRecord } from '@eduvn/rules';
import { decodeWire, type EntitySchema, entityByName, fieldsOf } from '@eduvn/standard';
import type { ConformanceRecord } from './types.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets an own, enumerable property: a key such as `__proto__` stays data, never a prototype. */
function put(out: Json, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A wire object as a canonical record without validating it: each QĐ 4998 symbol becomes its
 * field's name (sub-table rows likewise), `null` means absent, and a key that is not a symbol of the
 * entity is kept as it is, so that validation reports it as an unknown field rather than losing it.
 */
function lenientDecode(entity: EntitySchema, wire: Json): Json {
  const bySymbol = new Map(fieldsOf(entity).map((f) => [f.symbol, f]));
  const out: Json = {};
  for (const key of Object.keys(wire)) {
    const value = wire[key];
    const field = bySymbol.get(key);
    if (field === undefined) {
      put(out, key, value);
      continue;
    }
    if (value === null || value === undefined) continue;
    const rows = field.entity === undefined ? undefined : entityByName(field.entity);
    put(
      out,
      field.name,
      rows && Array.isArray(value)
        ? value.map((row: unknown) => (isObject(row) ? lenientDecode(rows, row) : row))
        : value,
    );
  }
  return out;
}

/**
 * A case's record as the {@link InputRecord} that `validate` of @eduvn/rules takes: the wire object
 * decoded with `decodeWire`, or — when it breaks the entity's schema, as invalid cases may on
 * purpose — mapped field by field without validation (unknown keys kept, so that validation
 * reports them). A record of an entity the standard does not define is passed on as it is (and
 * validation reports the entity). Throws a `TypeError` when `wire` is not an object.
 *
 * @example
 * ```ts
 * inputRecordOf({ entity: 'Lop', wire: { TRUONG_ID: '79000701', MA: '1A' } })
 * // { entity: 'Lop', record: { truongId: '79000701', ma: '1A' } }
 * ```
 */
export function inputRecordOf(item: ConformanceRecord): InputRecord {
  if (!isObject(item.wire)) {
    throw new TypeError(
      `inputRecordOf: the wire record of a ${typeof item.entity === 'string' ? item.entity.slice(0, 60) : 'record'} must be an object`,
    );
  }
  const entity = entityByName(item.entity);
  // Spreading defines own properties: a `__proto__` key stays data.
  if (entity === undefined) return { entity: item.entity, record: { ...item.wire } };
  const decoded = decodeWire(entity, item.wire);
  return {
    entity: item.entity,
    record: decoded.ok ? decoded.record : lenientDecode(entity, item.wire),
  };
}
