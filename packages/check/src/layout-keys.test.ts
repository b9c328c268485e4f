import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyNoter } from './layout-keys.ts';

/** The reference: every enumerable key of every record, added to its set. */
function reference(calls: readonly (readonly [number, object])[], sets: number): string[][] {
  const out = Array.from({ length: sets }, () => new Set<string>());
  for (const [s, record] of calls) for (const key in record) out[s]?.add(key);
  return out.map((set) => [...set]);
}

const KEYS = ['maLop', 'hocSinhId', 'hoTen', 'ngaySinh', 'maGioiTinh', 'a', 'b', 'constructor'];

/** Records of a few keys in varying orders, some repeating the shape of the one before. */
const record = fc
  .uniqueArray(fc.constantFrom(...KEYS), { maxLength: KEYS.length })
  .map((keys) => Object.fromEntries(keys.map((k) => [k, 1])));

describe('keyNoter', () => {
  it('adds the keys of every record to its set, as adding each key would (fast-check)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((sets) =>
            fc.tuple(
              fc.constant(sets),
              fc.array(fc.tuple(fc.integer({ min: 0, max: sets - 1 }), record), { maxLength: 40 }),
            ),
          ),
        ([sets, calls]) => {
          const carried = Array.from({ length: sets }, () => new Set<string>());
          const note = keyNoter();
          for (const [s, r] of calls) note(carried[s] as Set<string>, r);
          // Insertion order too: the report lists a file's layout in the order keys were met.
          expect(carried.map((set) => [...set])).toEqual(reference(calls, sets));
        },
      ),
    );
  });

  it('starts afresh for another set: a key of the record before is added to the new set', () => {
    const note = keyNoter();
    const set = new Set<string>();
    note(set, { a: 1, b: 2 });
    expect([...set]).toEqual(['a', 'b']);
    note(new Set<string>(), { a: 1 });
    const other = new Set<string>();
    note(other, { a: 1, b: 2 });
    expect([...other]).toEqual(['a', 'b']);
  });

  it('notes inherited enumerable keys as for…in names them, and nothing for an empty record', () => {
    const note = keyNoter();
    const set = new Set<string>();
    note(set, {});
    expect(set.size).toBe(0);
    note(set, Object.assign(Object.create({ inherited: 1 }), { own: 2 }));
    expect([...set].sort()).toEqual(['inherited', 'own']);
  });
});
