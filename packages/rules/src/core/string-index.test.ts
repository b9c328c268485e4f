import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIndex } from './string-index.ts';

/** The UTF-16 code units of a string. */
const unitsOf = (key: string): Uint16Array =>
  Uint16Array.from({ length: key.length }, (_, i) => key.charCodeAt(i));

describe('StringIndex', () => {
  it('numbers strings in the order they are first added', () => {
    const index = new StringIndex();
    expect(index.add('b')).toBe(0);
    expect(index.add('a')).toBe(1);
    expect(index.add('b')).toBe(0);
    expect(index.size).toBe(2);
    expect(index.indexOf('a')).toBe(1);
    expect(index.indexOf('c')).toBe(-1);
    expect(index.keyAt(0)).toBe('b');
    expect(index.keyAt(2)).toBeUndefined();
  });

  it('tells apart strings that differ in any code unit, and survives growth', () => {
    const index = new StringIndex();
    const keys = [
      ...['', ' ', '\u0000', '\uD800', '\uD800\uDC00', 'é', 'e\u0301', '1', '01', '001', '0'],
      ...['000000000000000', '999999999999999', '9999999999999999', '1e3', '١٢', '-1', '1.0'],
    ];
    for (let i = 0; i < 100_000; i++) keys.push(`790000${String(i).padStart(6, '0')}`);
    for (const [i, k] of keys.entries()) expect(index.add(k)).toBe(i);
    for (const [i, k] of keys.entries()) {
      expect(index.indexOf(k)).toBe(i);
      expect(index.keyAt(i)).toBe(k);
    }
    expect(index.size).toBe(keys.length);
  });

  it('agrees with a Map', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.stringMatching(/^[0-9]{0,17}$/)),
          {
            maxLength: 300,
          },
        ),
        (keys) => {
          const index = new StringIndex();
          const map = new Map<string, number>();
          for (const k of keys) {
            if (!map.has(k)) map.set(k, map.size);
            expect(index.add(k)).toBe(map.get(k));
          }
          for (const k of keys) expect(index.indexOf(k)).toBe(map.get(k));
          for (const [k, i] of map) expect(index.keyAt(i)).toBe(k);
          expect(index.indexOf('not added, longer than four')).toBe(-1);
        },
      ),
    );
  });

  it('agrees with a Map on runs of numbers, as pupil codes come (fast-check)', () => {
    // Keys of digits that follow each other hash next to each other (runs of 16): runs that start
    // anywhere, overlap, step by 16 or by a power of two, and the same numbers with leading zeros
    // (other keys, other numbers) must all be told apart, as strings and as code units.
    const run = fc
      .record({
        start: fc.oneof(fc.nat(), fc.integer({ min: 0, max: 999_999_999_999_999 })),
        step: fc.constantFrom(1, 15, 16, 17, 2 ** 20, 2 ** 32, 10 ** 6),
        length: fc.integer({ min: 1, max: 70 }),
        width: fc.integer({ min: 0, max: 15 }),
      })
      .map(({ start, step, length, width }) =>
        Array.from({ length }, (_, i) =>
          String(Math.min(start + i * step, 999_999_999_999_999)).padStart(width, '0'),
        ),
      );
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 6 }), fc.boolean(), (runs, asUnits) => {
        const index = new StringIndex();
        const map = new Map<string, number>();
        for (const k of runs.flat()) {
          if (!map.has(k)) map.set(k, map.size);
          const n = asUnits ? index.addUnits(unitsOf(k), k.length) : index.add(k);
          expect(n).toBe(map.get(k));
        }
        for (const [k, i] of map) {
          expect(index.indexOf(k)).toBe(i);
          expect(index.addUnits(unitsOf(k), k.length)).toBe(i);
          expect(index.keyAt(i)).toBe(k);
        }
        expect(index.size).toBe(map.size);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps texts of any width and length, and numbers keys given as code units the same way', () => {
    const index = new StringIndex();
    const keys = [
      'nguyen van an|2016-09-05',
      'Nguyễn Văn An',
      'ÿ',
      'Ā',
      '\uFFFF',
      'x'.repeat(10_000),
      `${'y'.repeat(5_000)}ữ`,
      '12',
      '٣',
    ];
    for (const [i, k] of keys.entries()) {
      const u = new Uint16Array(k.length + 3);
      u.set(unitsOf(k));
      expect(index.addUnits(u, k.length)).toBe(i);
    }
    for (const [i, k] of keys.entries()) {
      expect(index.add(k)).toBe(i);
      expect(index.addUnits(unitsOf(k), k.length)).toBe(i);
      expect(index.keyAt(i)).toBe(k);
    }
    expect(index.indexOf('x'.repeat(9_999))).toBe(-1);
    expect(index.size).toBe(keys.length);
  });

  it('agrees with itself whether keys come as strings or as code units', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.stringMatching(/^[0-9]{0,17}$/)),
          { maxLength: 200 },
        ),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        (keys, asUnits) => {
          const index = new StringIndex();
          const map = new Map<string, number>();
          for (const [i, k] of keys.entries()) {
            if (!map.has(k)) map.set(k, map.size);
            const n = asUnits[i] ? index.addUnits(unitsOf(k), k.length) : index.add(k);
            expect(n).toBe(map.get(k));
          }
          for (const [k, i] of map) expect(index.keyAt(i)).toBe(k);
        },
      ),
    );
  });
});
