import { entityByName, entityOf, fieldsOf } from '@eduvn/standard';
import type { InputRecord } from './types.ts';

const keyFields = new Map<string, readonly string[] | null>();
const symbols = new Map<string, ReadonlyMap<string, string>>();

/**
 * The key of a record: its entity's key fields joined by `/` (`hocSinhId`; `truongId/ma` for a
 * class; `hocSinhId/kyDanhGia/namHoc` style keys for assessments, from the entity metadata).
 * Missing key values show as `?`.
 */
export function recordKeyOf(item: InputRecord): string {
  let fields = keyFields.get(item.entity);
  if (fields === undefined) {
    const schema = entityByName(item.entity);
    fields = schema ? entityOf(schema).key : null;
    keyFields.set(item.entity, fields);
  }
  if (!fields || fields.length === 0) return '?';
  return fields.map((f) => String(item.record[f] ?? '?')).join('/');
}

/** The QĐ 4998 symbol of a canonical field (`'hoTen'` → `'HO_TEN'`), or `undefined`. */
export function symbolOf(entity: string, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  let map = symbols.get(entity);
  if (!map) {
    const schema = entityByName(entity);
    map = new Map(schema ? fieldsOf(schema).map((f) => [f.name, f.symbol]) : []);
    symbols.set(entity, map);
  }
  return map.get(field.split('.')[0] ?? field);
}

/** The class code a record belongs to, for the summary by class. */
export function classOf(item: InputRecord): string | undefined {
  const r = item.record;
  const code = item.entity === 'Lop' ? r['ma'] : r['maLop'];
  return typeof code === 'string' && code !== '' ? code : undefined;
}
