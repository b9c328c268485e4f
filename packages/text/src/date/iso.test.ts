import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './iso.ts';

describe('isIsoDate', () => {
  it.each([
    '2017-02-28',
    '2016-02-29',
    '2000-02-29',
    '1900-01-01',
    '2100-12-31',
    '0000-01-01',
    '9999-12-31',
  ])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each([
    '2017-02-29',
    '1900-02-29',
    '2017-02-31',
    '2017-04-31',
    '2017-13-01',
    '2017-00-10',
    '2017-01-00',
    '2017-2-28',
    '17-02-28',
    '28/02/2017',
    ' 2017-02-28',
    '2017-02-28 ',
    '2017-02-28T00:00:00Z',
    '+02017-02-28',
    '２０１７-０２-２８',
    '',
    'x'.repeat(10_000),
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it.each([null, undefined, 20170228, new Date(Date.UTC(2017, 1, 28)), {}, ['2017-02-28']])(
    'rejects the non-string %o',
    (v) => {
      expect(isIsoDate(v)).toBe(false);
    },
  );

  it('agrees with Date for every day in years 0..9999', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => isIsoDate(d.toISOString().slice(0, 10)),
      ),
    );
  });

  it('accepts exactly the strings that name a real day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1890, max: 2110 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const utc = new Date(Date.UTC(y, m - 1, d));
          const real = m >= 1 && m <= 12 && d >= 1 && utc.getUTCDate() === d;
          expect(isIsoDate(s)).toBe(real);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
