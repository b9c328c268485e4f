import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, isoToCalendarDate } from './iso.ts';

/** The reference: the ISO pattern, then the calendar. */
const reference = (value: unknown): boolean =>
  typeof value === 'string' && isoToCalendarDate(value) !== null;

describe('isIsoDate, character by character', () => {
  it('answers as the ISO pattern and the calendar do, on dates, near-dates and anything else', () => {
    const near = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        fc.constantFrom('-', '/', '−'),
        fc.constantFrom('', ' ', '\n', 'T00:00'),
      )
      .map(
        ([y, m, d, sep, tail]) =>
          `${String(y).padStart(4, '0')}${sep}${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${tail}`,
      );
    fc.assert(
      fc.property(fc.oneof(near, fc.string(), fc.anything()), (value) => {
        expect(isIsoDate(value)).toBe(reference(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2016-02-29', true],
    ['2017-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['0000-02-29', true],
    ['2017-04-31', false],
    ['2017-12-31', true],
    ['2017-13-01', false],
    ['2017-00-10', false],
    ['2017-01-00', false],
    ['２０１７-01-01', false],
    ['2017-1-01', false],
    ['2017-01-01\n', false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
    expect(reference(value)).toBe(expected);
  });
});
