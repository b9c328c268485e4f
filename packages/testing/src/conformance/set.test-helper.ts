import { conformanceSet } from './load.ts';

/**
 * A small, mutable copy of the published `records` set, as plain JSON data: a valid single record,
 * a record-scope planted problem (a schema break), an NFD name (a query), a duplicate identifier
 * (dataset scope) — for tests that damage a set or run a validator over it.
 */
export function smallSet(): Record<string, unknown> & { cases: Record<string, unknown>[] } {
  const set = conformanceSet('records');
  const ids = [
    'valid/HocSinh/1',
    'invalid/over-long-name/1',
    'invalid/nfd-text/1',
    'invalid/duplicate-identifier/1',
  ];
  return JSON.parse(JSON.stringify({ ...set, cases: set.cases.filter((c) => ids.includes(c.id)) }));
}
