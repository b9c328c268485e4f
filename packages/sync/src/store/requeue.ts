import { OutboxStoreError } from './errors.ts';
import type { RequeueRequest } from './types.ts';
import { checkIdentifier, encodeObject } from './validate.ts';

/** A requeue request checked: ids, and the corrected record as JSON text. */
export function checkRequeueRequest(
  request: RequeueRequest,
  maxRecordBytes: number,
): { readonly id: string; readonly newId: string; readonly record: string | undefined } {
  if (typeof request !== 'object' || request === null) {
    throw new OutboxStoreError('invalid-input', 'A requeue request must be an object');
  }
  const id = checkIdentifier('requeue: id', request.id);
  const newId = checkIdentifier('requeue: newId', request.newId);
  const record =
    request.record === undefined
      ? undefined
      : encodeObject(
          `requeue: the corrected record of ${JSON.stringify(id)}`,
          request.record,
          maxRecordBytes,
        );
  return { id, newId, record };
}

/** `requeue` of a change that is not in the dead-letter list. */
export const notRejected = (id: string): OutboxStoreError =>
  new OutboxStoreError(
    'not-rejected',
    `requeue: change ${JSON.stringify(id)} is not rejected; only rejected changes can be requeued`,
  );

/** `requeue` of a change already requeued under another id. */
export const alreadyRequeued = (id: string, as: string): OutboxStoreError =>
  new OutboxStoreError(
    'already-requeued',
    `requeue: change ${JSON.stringify(id)} was already requeued as ${JSON.stringify(as)}; requeue that one if it was rejected too`,
  );

/** `requeue` under an id that another change holds. */
export const idConflict = (newId: string): OutboxStoreError =>
  new OutboxStoreError(
    'id-conflict',
    `requeue: the new id ${JSON.stringify(newId)} is already taken by another change`,
  );
