import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVnDate } from './format.ts';
import { isoBetween } from './iso-between.test-helper.ts';
import { parseVnDate } from './parse.ts';

describe('formatVnDate', () => {
  it.each([
    ['2017-02-28', '28/02/2017'],
    ['2020-09-22', '22/09/2020'],
    ['2016-02-29', '29/02/2016'],
    ['2000-01-05', '05/01/2000'],
    ['1900-01-01', '01/01/1900'],
    ['0999-12-31', '31/12/0999'],
  ])('writes %s as %s', (iso, vn) => {
    expect(formatVnDate(iso)).toBe(vn);
  });

  it.each([
    '2017-02-29',
    '1900-02-29',
    '2017-02-31',
    '2017-13-01',
    '2017-2-28',
    '28/02/2017',
    ' 2017-02-28',
    '',
    'x'.repeat(10_000),
  ])('throws a RangeError for %j', (iso) => {
    expect(() => formatVnDate(iso)).toThrow(RangeError);
    expect(() => formatVnDate(iso)).toThrow(/valid ISO calendar date \(yyyy-mm-dd\)/);
  });

  it('throws a RangeError for non-strings', () => {
    expect(() => formatVnDate(null as unknown as string)).toThrow(/got object/);
    expect(() => formatVnDate(new Date() as unknown as string)).toThrow(RangeError);
  });

  it('round-trips with parseVnDate over the default range', () => {
    fc.assert(
      fc.property(isoBetween('1900-01-01', '2100-12-31'), (iso) => {
        const vn = formatVnDate(iso);
        expect(vn).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        expect(parseVnDate(vn)).toEqual({ ok: true, date: iso, from: 'text' });
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips from text: parse then format gives the zero-padded form', () => {
    fc.assert(
      fc.property(
        isoBetween('1900-01-01', '2100-12-31'),
        fc.constantFrom('/', '-', '.'),
        fc.boolean(),
        (iso, sep, pad) => {
          const [y, m, d] = iso.split('-') as [string, string, string];
          const day = pad ? d : String(Number(d));
          const month = pad ? m : String(Number(m));
          const parsed = parseVnDate(`${day}${sep}${month}${sep}${y}`);
          expect(parsed.ok && formatVnDate(parsed.date)).toBe(`${d}/${m}/${y}`);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
