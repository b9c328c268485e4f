import { entityByName, entityOf, fieldsOf, maskText } from '@eduvn/standard';
import type { InputRecord } from './types.ts';

const keyFields = new Map<string, readonly string[] | null>();
const symbols = new Map<string, ReadonlyMap<string, string>>();

/** The key fields of an entity from its metadata, or `null` for an entity the standard lacks. */
export function keyFieldsOfEntity(entity: string): readonly string[] | null {
  let fields = keyFields.get(entity);
  if (fields === undefined) {
    const schema = entityByName(entity);
    fields = schema ? entityOf(schema).key : null;
    keyFields.set(entity, fields);
  }
  return fields;
}

/**
 * The key of a record: its entity's key fields joined by `/` (`hocSinhId`; `truongId/ma` for a
 * class; `hocSinhId/kyDanhGia/namHoc` style keys for assessments, from the entity metadata).
 * Missing key values show as `?`.
 */
export function recordKeyOf(item: InputRecord): string {
  const fields = keyFieldsOfEntity(item.entity);
  if (!fields || fields.length === 0) return '?';
  const record = item.record;
  // One key field (most entities): the value itself, no array or join.
  const first = record[fields[0] as string] ?? '?';
  let key = typeof first === 'string' ? first : String(first);
  for (let i = 1; i < fields.length; i++) key += `/${String(record[fields[i] as string] ?? '?')}`;
  return key;
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

/** A part of a record key written like a personal ID (12 digits). */
const PERSONAL_ID_PART = /^[0-9]{12}$/;

/**
 * A record key as reports show it: every `/`-separated part written like a personal ID (12
 * digits — some schools key staff or pupils by it) masked to its last three digits
 * (`'079216001234/2025'` → `'*********234/2025'`); other keys unchanged. The text, JSON and JUnit
 * formats show keys this way, and an acknowledgement may name a record by either form.
 */
export function maskRecordKey(key: string): string {
  if (!/[0-9]{12}/.test(key)) return key;
  return key
    .split('/')
    .map((part) => (PERSONAL_ID_PART.test(part) ? maskText(part) : part))
    .join('/');
}
