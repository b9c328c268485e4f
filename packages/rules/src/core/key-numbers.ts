import { keyFieldsOfEntity } from './keys.ts';
import { perRecord } from './record-scope.ts';
import { StringIndex } from './string-index.ts';
import type { InputRecord, RuleSettings } from './types.ts';

/** The numberings of a run, by entity: one run, one settings object. */
const runs = new WeakMap<RuleSettings, Map<string, StringIndex>>();

/**
 * The numbering of `entity`'s keys shared by the rules of a run (see {@link ownKeyNumber}): the
 * rules that keep something per pupil — uniqueness, the current status, references — hash a
 * pupil's `hocSinhId` once between them, into one table, and keep their facts in columns indexed
 * by its number. A numbering only says which strings were met; each rule keeps its own facts.
 */
export function keyNumbersOf(settings: RuleSettings, entity: string): StringIndex {
  let byEntity = runs.get(settings);
  if (!byEntity) {
    byEntity = new Map();
    runs.set(settings, byEntity);
  }
  let numbers = byEntity.get(entity);
  if (!numbers) {
    numbers = new StringIndex();
    byEntity.set(entity, numbers);
  }
  return numbers;
}

/**
 * The number, in the run's numbering of its entity ({@link keyNumbersOf}), of a record's own key
 * when its entity has one key field holding a string (a pupil's `hocSinhId`, a staff member's
 * `giaoVienId`), else `-1`. Computed once per record for every rule that asks.
 */
export const ownKeyNumber: (item: InputRecord, settings: RuleSettings) => number = perRecord(
  (item: InputRecord, settings: RuleSettings): number => {
    const fields = keyFieldsOfEntity(item.entity);
    const record = item.record as unknown;
    if (fields?.length !== 1 || typeof record !== 'object' || record === null) return -1;
    const value = (record as Readonly<Record<string, unknown>>)[fields[0] as string];
    return typeof value === 'string' ? keyNumbersOf(settings, item.entity).add(value) : -1;
  },
);
