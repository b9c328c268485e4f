import { OutboxStoreError } from './errors.ts';
import type { RekeyRequest } from './types.ts';
import { checkIdentifier, encodeObject } from './validate.ts';

/** A {@link RekeyRequest} checked, with what the stores need to find and change the records. */
export interface RekeyPlan {
  /** The school. */
  readonly truongId: string;
  /** The provisional identifier. */
  readonly from: string;
  /** The issued one. */
  readonly to: string;
  /**
   * `from` as JSON text: a record (JSON text) holding `from` in a field contains it, so a store
   * can leave out the other records without parsing them.
   */
  readonly needle: string;
  /** The request as given (its `fields` and `recordKeyOf`). */
  readonly request: RekeyRequest;
  /** The store's cap: a re-keyed record must still fit. */
  readonly maxRecordBytes: number;
}

/** The request checked: identifiers, `from` ≠ `to`, `fields` an object of string arrays. */
export function planRekey(request: RekeyRequest, maxRecordBytes: number): RekeyPlan {
  if (typeof request !== 'object' || request === null) {
    throw new OutboxStoreError('invalid-input', 'A rekey request must be an object');
  }
  const truongId = checkIdentifier('rekey: truongId', request.truongId);
  const from = checkIdentifier('rekey: from', request.from);
  const to = checkIdentifier('rekey: to', request.to);
  if (from === to) {
    throw new OutboxStoreError('invalid-input', 'rekey: from and to are the same identifier');
  }
  const fields = request.fields;
  if (typeof fields !== 'object' || fields === null) {
    throw new OutboxStoreError('invalid-input', 'rekey: fields must be an object');
  }
  for (const [entity, names] of Object.entries(fields)) {
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
      throw new OutboxStoreError(
        'invalid-input',
        `rekey: fields[${JSON.stringify(entity)}] must be an array of field names`,
      );
    }
  }
  if (typeof request.recordKeyOf !== 'function') {
    throw new OutboxStoreError('invalid-input', 'rekey: recordKeyOf must be a function');
  }
  return { truongId, from, to, needle: JSON.stringify(from), request, maxRecordBytes };
}

/**
 * A stored record (JSON text) of `entity` re-keyed: `from` replaced by `to` in the entity's
 * fields (own fields only: a field named `__proto__` is a field like any other), with the record
 * key `recordKeyOf` gives it; `undefined` when none of those fields holds `from`. Throws what
 * `recordKeyOf` throws, and an `OutboxStoreError` when its key is not a valid identifier or the
 * record grows past the cap.
 */
export function rekeyRecord(
  plan: RekeyPlan,
  entity: string,
  json: string,
): { readonly record: string; readonly recordKey: string } | undefined {
  const fields = plan.request.fields;
  if (!Object.hasOwn(fields, entity)) return undefined;
  const names = fields[entity] ?? [];
  const record = JSON.parse(json) as Record<string, unknown>;
  let changed = false;
  for (const name of names) {
    if (Object.hasOwn(record, name) && record[name] === plan.from) {
      Object.defineProperty(record, name, {
        value: plan.to,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      changed = true;
    }
  }
  if (!changed) return undefined;
  const recordKey = checkIdentifier(
    `rekey: the record key recordKeyOf gave for ${JSON.stringify(entity)}`,
    plan.request.recordKeyOf(entity, record),
  );
  return {
    record: encodeObject('rekey: a re-keyed record', record, plan.maxRecordBytes),
    recordKey,
  };
}
