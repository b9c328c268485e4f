import { type EntityName, resourcePath } from '@eduvn/client';
import { isProvisionalId, pupilReferenceFields } from '@eduvn/rules';

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

/**
 * The key a change is ordered by in the outbox: its {@link recordKeyOf}, except for a record that
 * refers to a pupil still under a provisional identifier (`TAM-…`) — an assessment of a grade-1
 * newcomer — which is ordered with the pupil, because it must reach the database after the pupil
 * has its code (the reference is then re-keyed to it).
 */
export function orderKeyOf(entity: string, record: Readonly<Record<string, unknown>>): string {
  if (entity !== 'HocSinh' && entity !== 'SuKienTrangThai') {
    for (const field of pupilReferenceFields({ entity, record })) {
      const id = record[field];
      if (isProvisionalId(id))
        return JSON.stringify(['HocSinh', String(record['truongId'] ?? ''), id]);
    }
  }
  return recordKeyOf(entity, record);
}

/** The entity and person id a record key names, for pupils and staff. */
export function personOfKey(recordKey: string): PersonRef | undefined {
  const [entity, , id] = JSON.parse(recordKey) as string[];
  return (entity === 'HocSinh' || entity === 'CanBo') && id !== undefined
    ? { entity, id }
    : undefined;
}
