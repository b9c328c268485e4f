import { LIMITS } from '../contract/limits.ts';
import { ApiProblem } from './problem.ts';

/** The page size of a `limit` query value (default and maximum from {@link LIMITS}); 400 when not a whole number in range. */
export function pageSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return LIMITS.defaultPageSize;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxPageSize) {
    throw new ApiProblem(
      'malformed-request',
      `limit must be a whole number from 1 to ${LIMITS.maxPageSize}`,
    );
  }
  return n;
}

/** A sequence position (`since`): a whole number ≥ 0; 400 otherwise. */
export function position(raw: string | undefined, name: string): number {
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new ApiProblem('malformed-request', `${name} must be a whole number ≥ 0`);
  return n;
}

/** An opaque list cursor for the last key of a page. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The key a list cursor stands for; 400 when it is not one of ours. */
export function decodeCursor(cursor: string | undefined): string {
  if (cursor === undefined || cursor === '') return '';
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  try {
    if (Array.isArray(JSON.parse(key))) return key;
  } catch {
    // fall through
  }
  throw new ApiProblem('malformed-request', 'cursor is not a cursor this server gave');
}
