import { type EntityName, resourcePath } from '@eduvn/client';

/**
 * The ordering key of a change: the record it changes — the entity, the school and the key
 * values. A status event orders with its person (`HocSinh`/`CanBo`), so that a pupil's upsert and
 * the pupil's events go out in the order they occurred.
 */
export function recordKeyOf(entity: string, record: Readonly<Record<string, unknown>>): string {
  const truongId = String(record['truongId'] ?? '');
  if (entity === 'SuKienTrangThai') {
    const person = record['doiTuong'] === 'CAN_BO' ? 'CanBo' : 'HocSinh';
    return JSON.stringify([person, truongId, String(record['maDoiTuong'] ?? '')]);
  }
  const values = resourcePath(entity as EntityName).keyFields.map((f) => String(record[f] ?? ''));
  return JSON.stringify([entity, truongId, ...values]);
}

/** A person a record key names. */
export interface PersonRef {
  /** `'HocSinh'` or `'CanBo'`. */
  readonly entity: string;
  /** The person's identifier. */
  readonly id: string;
}

/** The entity and person id a record key names, for pupils and staff. */
export function personOfKey(recordKey: string): PersonRef | undefined {
  const [entity, , id] = JSON.parse(recordKey) as string[];
  return (entity === 'HocSinh' || entity === 'CanBo') && id !== undefined
    ? { entity, id }
    : undefined;
}
