import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToExcelSerial } from './excel-serial.ts';
import { formatVnDate } from './format.ts';
import type { ParseVnDateOptions } from './options.ts';
import { parseVnDate } from './parse.ts';
import type { ParsedVnDate, VnDateErrorReason, VnDateSource } from './result.ts';

const ok = (date: string, from: VnDateSource): ParsedVnDate => ({ ok: true, date, from });

/** The reason a value was rejected, failing the test when it was accepted. */
function reasonOf(value: unknown, options?: ParseVnDateOptions): VnDateErrorReason {
  const result = parseVnDate(value, options);
  if (result.ok) throw new Error(`expected a rejection, got ${result.date}`);
  expect(result.message).toMatch(/^[A-Z"].*\.$/s);
  return result.reason;
}

describe('day-first text', () => {
  it.each([
    ['22/09/2020', '2020-09-22'],
    ['2/9/2020', '2020-09-02'],
    ['02/9/2020', '2020-09-02'],
    ['2/09/2020', '2020-09-02'],
    ['22-09-2020', '2020-09-22'],
    ['2-9-2020', '2020-09-02'],
    ['22.09.2020', '2020-09-22'],
    ['2.9.2020', '2020-09-02'],
    ['01/01/1900', '1900-01-01'],
    ['31/12/2100', '2100-12-31'],
    ['28/02/2017', '2017-02-28'],
    ['29/02/2016', '2016-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['1/3/1900', '1900-03-01'],
    ['13/12/2020', '2020-12-13'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseVnDate(text)).toEqual(ok(iso, 'text'));
  });

  it('reads the day first, never the month', () => {
    expect(parseVnDate('03/04/2020')).toEqual(ok('2020-04-03', 'text'));
    expect(parseVnDate('12/01/2020')).toEqual(ok('2020-01-12', 'text'));
  });

  it.each([
    '22/09-2020',
    '22-09/2020',
    '22.09/2020',
    '22 / 09 / 2020',
    '22/09/2020 08:30',
    '22//09/2020',
    '/09/2020',
    '022/09/2020',
    '22/009/2020',
    '22/09/+2020',
    '2020/09/22',
    '2020.09.22',
    '22 tháng 9 năm 2020',
    'ngày 22/09/2020',
    '２２/０９/２０２０',
  ])('does not recognize %j', (text) => {
    expect(reasonOf(text)).toBe('unrecognized');
  });

  it.each(['22/09/020', '22/09/2', '22/09/20200'])(
    'rejects %j for the number of year digits',
    (text) => {
      const r = parseVnDate(text);
      expect(r).toMatchObject({ ok: false, reason: 'unrecognized' });
      expect(!r.ok && r.message).toMatch(/year of \d digits?; write the year with four digits/);
    },
  );

  it.each(['22/09/20', '2/9/20', '22-09-20', '22.09.20', '01/01/00', '31/12/99'])(
    'rejects the two-digit year in %j without guessing a century',
    (text) => {
      const r = parseVnDate(text);
      expect(r).toMatchObject({ ok: false, reason: 'two-digit-year' });
      expect(!r.ok && r.message).toMatch(/two-digit year.*century is not guessed/);
    },
  );

  it('suggests both centuries for a two-digit year, keeping the writer’s separator', () => {
    const r = parseVnDate('22.09.20');
    expect(!r.ok && r.message).toContain('22.09.2020 or 22.09.1920');
  });

  it.each([
    ['31/02/2017', /February 2017 has 28 days/],
    ['30/02/2016', /February 2016 has 29 days/],
    ['29/02/2017', /2017 is not a leap year/],
    ['29/02/1900', /1900 is not a leap year/],
    ['29/02/2100', /2100 is not a leap year/],
    ['31/04/2020', /April 2020 has 30 days/],
    ['31/06/2020', /June 2020 has 30 days/],
    ['31/09/2020', /September 2020 has 30 days/],
    ['31/11/2020', /November 2020 has 30 days/],
    ['32/01/2020', /January 2020 has 31 days/],
    ['00/01/2020', /no day 0/],
    ['01/00/2020', /no month 0/],
    ['01/13/2020', /no month 13.*day comes first/],
    ['09/22/2020', /no month 22.*day comes first/],
    ['99/99/2020', /no month 99/],
  ])('rejects %j as not a calendar date', (text, message) => {
    const r = parseVnDate(text);
    expect(r).toMatchObject({ ok: false, reason: 'not-a-calendar-date' });
    expect(!r.ok && r.message).toMatch(message);
    expect(!r.ok && r.message).toContain(`"${text}"`);
  });
});

describe('ISO text', () => {
  it.each([
    ['2020-09-22', '2020-09-22'],
    ['2016-02-29', '2016-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2100-12-31', '2100-12-31'],
  ])('reads %j', (text, iso) => {
    expect(parseVnDate(text)).toEqual(ok(iso, 'iso'));
  });

  it.each(['2017-02-29', '1900-02-29', '2017-02-31', '2017-13-01', '2017-00-01', '2017-01-00'])(
    'rejects %j as not a calendar date',
    (text) => {
      expect(reasonOf(text)).toBe('not-a-calendar-date');
    },
  );

  it.each([
    '2020-9-22',
    '2020-09-2',
    '2020/09/22',
    '2020-09-22T00:00:00Z',
    '2020-09-22 00:00:00',
    '+002020-09-22',
  ])('does not recognize %j', (text) => {
    expect(reasonOf(text)).toBe('unrecognized');
  });

  it('says why year-first text that is not ISO is refused', () => {
    const r = parseVnDate('2020/09/22');
    expect(!r.ok && r.message).toMatch(/year first.*ISO yyyy-mm-dd/);
  });
});

describe('white space around text', () => {
  it.each([
    ' 22/09/2020 ',
    '\t22/09/2020\n',
    '\u00A022/09/2020\u00A0',
    '\u202F\u200322/09/2020\u3000',
    '\uFEFF22/09/2020\u200B',
    '\r\n 22/09/2020 \r\n',
  ])('is ignored in %j', (text) => {
    expect(parseVnDate(text)).toEqual(ok('2020-09-22', 'text'));
  });

  it('is ignored around ISO text and serials', () => {
    expect(parseVnDate('\u00A02020-09-22 ')).toEqual(ok('2020-09-22', 'iso'));
    expect(parseVnDate(' 44096\u00A0')).toEqual(ok('2020-09-22', 'serial'));
  });
});

describe('Excel serials', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [44_096, '2020-09-22'],
    [44_096.5, '2020-09-22'],
    [44_096.999_988_4, '2020-09-22'],
    [73_415, '2100-12-31'],
  ])('reads the number %d as %s', (serial, iso) => {
    expect(parseVnDate(serial)).toEqual(ok(iso, 'serial'));
    expect(parseVnDate(serial, { dateSystem: '1900' })).toEqual(ok(iso, 'serial'));
  });

  it.each([
    ['44096', '2020-09-22'],
    ['44096.0', '2020-09-22'],
    ['44096.75', '2020-09-22'],
    ['044096', '2020-09-22'],
    ['10000', '1927-05-18'],
  ])('reads the text %j as a serial', (text, iso) => {
    expect(parseVnDate(text)).toEqual(ok(iso, 'serial'));
  });

  it.each([
    ['2015', /looks like a year/],
    ['1', /number, not a date/],
    ['59', /number, not a date/],
    ['9999', /looks like a year/],
    ['-5', /number, not a date/],
  ])('does not read the short digit text %j as a serial', (text, message) => {
    const r = parseVnDate(text);
    expect(r).toMatchObject({ ok: false, reason: 'unrecognized' });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('rejects serial 60, Excel’s phantom 29 February 1900', () => {
    for (const v of [60, 60.5, 60.25]) {
      const r = parseVnDate(v);
      expect(r).toMatchObject({ ok: false, reason: 'phantom-leap-day' });
      expect(!r.ok && r.message).toMatch(/29 February 1900.*never existed/);
    }
  });

  it('reads the 1904 date system', () => {
    const o = { dateSystem: '1904' } as const;
    expect(parseVnDate(0, o)).toEqual(ok('1904-01-01', 'serial'));
    expect(parseVnDate(60, o)).toEqual(ok('1904-03-01', 'serial'));
    expect(parseVnDate(42_634, o)).toEqual(ok('2020-09-22', 'serial'));
    expect(parseVnDate('42634', o)).toEqual(ok('2020-09-22', 'serial'));
    expect(parseVnDate(44_096 - 1462, o)).toEqual(parseVnDate(44_096));
    expect(parseVnDate(71_953, o)).toEqual(ok('2100-12-31', 'serial'));
  });

  it('gives every date its 1900 serial minus 1462 in the 1904 system', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 73_415 }), (serial) => {
        expect(parseVnDate(serial - 1462, { dateSystem: '1904' })).toEqual(parseVnDate(serial));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [0, '1900'],
    [0.5, '1900'],
    [-1, '1900'],
    [-1, '1904'],
    ['-10000', '1900'],
    [73_416, '1900'],
    [71_954, '1904'],
    [2_958_466, '1900'],
    [1e300, '1900'],
    ['1'.repeat(10_000), '1900'],
    ['99999999999999999999', '1904'],
  ] as const)('rejects %j in the %s system as out of range', (serial, dateSystem) => {
    expect(reasonOf(serial, { dateSystem })).toBe('out-of-range');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects %d as an invalid number',
    (n) => {
      expect(reasonOf(n)).toBe('invalid-number');
      expect(reasonOf(n, { dateSystem: '1904' })).toBe('invalid-number');
    },
  );

  it.each(['NaN', 'Infinity', '1e5', '0x10', '44096,5', '44 096', '.5', '5.', '+44096'])(
    'does not read %j as a serial',
    (text) => {
      expect(reasonOf(text)).toBe('unrecognized');
    },
  );

  it('round-trips iso -> serial -> parseVnDate over the default range in both systems', () => {
    fc.assert(
      fc.property(
        fc
          .date({
            min: new Date('1904-01-01T00:00:00Z'),
            max: new Date('2100-12-31T23:59:59.999Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('1900', '1904'),
        fc.boolean(),
        (iso, dateSystem, asText) => {
          const serial = isoToExcelSerial(iso, dateSystem);
          const value = asText && serial >= 10_000 ? String(serial) : serial;
          expect(parseVnDate(value, { dateSystem })).toEqual(ok(iso, 'serial'));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('Date objects', () => {
  it('reads UTC midnight (exceljs) as that day', () => {
    expect(parseVnDate(new Date(Date.UTC(2020, 8, 22)))).toEqual(ok('2020-09-22', 'date'));
    expect(parseVnDate(new Date(Date.UTC(1900, 0, 1)))).toEqual(ok('1900-01-01', 'date'));
    expect(parseVnDate(new Date(Date.UTC(2016, 1, 29)))).toEqual(ok('2016-02-29', 'date'));
  });

  it('reads local midnight (SheetJS cellDates) as that day', () => {
    expect(parseVnDate(new Date(2020, 8, 22))).toEqual(ok('2020-09-22', 'date'));
    expect(parseVnDate(new Date(2020, 8, 22), { dateObjects: 'local' })).toEqual(
      ok('2020-09-22', 'date'),
    );
  });

  it("uses the UTC day for 'utc' and for instants that are midnight nowhere", () => {
    const instant = new Date(Date.UTC(2020, 8, 22, 12, 34, 56, 789));
    expect(parseVnDate(instant, { dateObjects: 'utc' })).toEqual(ok('2020-09-22', 'date'));
    const evening = new Date(Date.UTC(2020, 8, 22, 23, 59, 59, 999));
    expect(parseVnDate(evening, { dateObjects: 'utc' })).toEqual(ok('2020-09-22', 'date'));
  });

  it('rejects an invalid Date', () => {
    expect(reasonOf(new Date(Number.NaN))).toBe('invalid-date-object');
    expect(reasonOf(new Date('not a date'))).toBe('invalid-date-object');
  });

  it('applies the range to Dates', () => {
    const r = parseVnDate(new Date(Date.UTC(1899, 11, 31)));
    expect(r).toMatchObject({ ok: false, reason: 'out-of-range' });
    expect(!r.ok && r.message).toContain('1899-12-31T00:00:00.000Z');
    expect(reasonOf(new Date(8.64e15))).toBe('out-of-range');
    expect(reasonOf(new Date(-8.64e15))).toBe('out-of-range');
  });
});

describe('the accepted range', () => {
  it.each([
    ['31/12/1899', 'out-of-range'],
    ['01/01/1800', 'out-of-range'],
    ['01/01/2101', 'out-of-range'],
    ['01/01/0000', 'out-of-range'],
    ['1899-12-31', 'out-of-range'],
    ['2101-01-01', 'out-of-range'],
    ['9999-12-31', 'out-of-range'],
  ] as const)('rejects %j by default', (text, reason) => {
    expect(reasonOf(text)).toBe(reason);
  });

  it('follows options.min and options.max for every kind of input, inclusively', () => {
    const o = { min: '2000-01-01', max: '2020-12-31' };
    expect(parseVnDate('01/01/2000', o)).toEqual(ok('2000-01-01', 'text'));
    expect(parseVnDate('2020-12-31', o)).toEqual(ok('2020-12-31', 'iso'));
    expect(reasonOf('31/12/1999', o)).toBe('out-of-range');
    expect(reasonOf('2021-01-01', o)).toBe('out-of-range');
    expect(reasonOf(44_096 + 365, o)).toBe('out-of-range');
    expect(parseVnDate(44_096, o)).toEqual(ok('2020-09-22', 'serial'));
    expect(reasonOf(new Date(Date.UTC(1999, 11, 31)), o)).toBe('out-of-range');
    expect(parseVnDate(new Date(Date.UTC(2000, 0, 1)), o)).toEqual(ok('2000-01-01', 'date'));
  });

  it('names the bound in the message', () => {
    const r = parseVnDate('15/06/1850');
    expect(!r.ok && r.message).toBe(
      '"15/06/1850" (1850-06-15) is before 1900-01-01, the earliest accepted date.',
    );
    const s = parseVnDate(44_096, { max: '2019-12-31' });
    expect(!s.ok && s.message).toBe(
      'Excel serial 44096 (2020-09-22) is after 2019-12-31, the latest accepted date.',
    );
  });

  it('can widen the range to dates the defaults refuse', () => {
    expect(parseVnDate('01/01/1800', { min: '1000-01-01' })).toEqual(ok('1800-01-01', 'text'));
    expect(parseVnDate('9999-12-31', { max: '9999-12-31' })).toEqual(ok('9999-12-31', 'iso'));
  });

  it('still refuses serials that name no day, whatever the range', () => {
    expect(reasonOf(0, { min: '0001-01-01' })).toBe('out-of-range');
    expect(reasonOf(60, { min: '2000-01-01' })).toBe('phantom-leap-day');
  });
});

describe('values that are not dates', () => {
  it.each([
    ['', /empty string/],
    [' ', /only white space/],
    ['   \t\n', /only white space/],
    ['\u00A0\u00A0', /only white space/],
    ['\u200B\uFEFF', /only white space/],
    [null, /null/],
    [undefined, /undefined/],
  ])('calls %j empty', (value, message) => {
    const r = parseVnDate(value);
    expect(r).toMatchObject({ ok: false, reason: 'empty' });
    expect(!r.ok && r.message).toMatch(message);
  });

  it.each<[string, unknown]>([
    ['true', true],
    ['false', false],
    ['an empty object', {}],
    ['an empty array', []],
    ['an array holding a date', ['22/09/2020']],
    ['an object holding a date', { date: '2020-09-22' }],
    ['a bigint', 44_096n],
    ['a symbol', Symbol('d')],
    ['a function', () => '22/09/2020'],
    ['a null-prototype object', Object.create(null)],
    ['a String object', new String('22/09/2020')],
    ['a Number object', new Number(44_096)],
    ['an object inheriting from Date.prototype', Object.create(Date.prototype)],
    ['an object claiming to be a Date', { [Symbol.toStringTag]: 'Date', getTime: () => 0 }],
    [
      'a Proxy that throws from every trap',
      new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      ),
    ],
  ])('rejects %s as an unsupported type', (_, value) => {
    expect(reasonOf(value)).toBe('unsupported-type');
  });

  it('says what type it got', () => {
    const r = parseVnDate(true);
    expect(!r.ok && r.message).toBe(
      'The boolean true is not a date: expected a string, a number (an Excel serial) or a Date.',
    );
  });

  it.each([
    'abc',
    'hôm nay',
    'x'.repeat(10_000),
    '2'.repeat(10_000),
    '1/'.repeat(5_000),
    `22/09/2020${' '.repeat(10_000)}x`,
  ])('rejects long or odd text with a short message', (text) => {
    const r = parseVnDate(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.length).toBeLessThan(300);
  });

  it('handles 10,000-character strings quickly', () => {
    const inputs = [
      'x'.repeat(10_000),
      '1'.repeat(10_000),
      ' '.repeat(10_000),
      `${' '.repeat(10_000)}22/09/2020${'\u00A0'.repeat(10_000)}`,
      `1${'/1'.repeat(5_000)}`,
      `${'1'.repeat(5_000)}.${'1'.repeat(4_999)}`,
      `${' '.repeat(5_000)}x${' '.repeat(5_000)}`,
    ];
    // No timing assertion: catastrophic backtracking would hang here until the test timeout.
    const reasons = inputs.map((v) => {
      const r = parseVnDate(v);
      return r.ok ? r.date : r.reason;
    });
    expect(reasons).toEqual([
      'unrecognized',
      'out-of-range',
      'empty',
      '2020-09-22',
      'unrecognized',
      'out-of-range',
      'unrecognized',
    ]);
  });

  it('never throws for any value', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true }),
        (v) => {
          const r = parseVnDate(v);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.double(), (s, n) => {
        expect(typeof parseVnDate(s).ok).toBe('boolean');
        expect(typeof parseVnDate(n).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for strings shaped like dates', () => {
    const digits = (max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max });
    fc.assert(
      fc.property(
        digits(3),
        fc.constantFrom('/', '-', '.', ' '),
        digits(3),
        digits(6),
        (d, sep, m, y) => {
          const r = parseVnDate(`${d}${sep}${m}${sep}${y}`);
          if (r.ok) {
            expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(parseVnDate(formatVnDate(r.date))).toEqual({ ...r, from: 'text' });
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('rejection reasons', () => {
  /** One example per reason; typed as a Record so a new reason without an example fails typecheck. */
  const examples: Record<VnDateErrorReason, [unknown, ParseVnDateOptions?]> = {
    empty: ['  '],
    'unsupported-type': [false],
    unrecognized: ['tomorrow'],
    'two-digit-year': ['22/09/20'],
    'not-a-calendar-date': ['31/02/2017'],
    'phantom-leap-day': [60],
    'invalid-number': [Number.NaN],
    'out-of-range': [-5],
    'invalid-date-object': [new Date(Number.NaN)],
  };

  it.each(Object.entries(examples))(
    '%s has an example with an English message',
    (reason, [value, options]) => {
      const r = parseVnDate(value, options);
      expect(r).toMatchObject({ ok: false, reason });
      expect(!r.ok && r.message).toMatch(/^[A-Z"][^\n]{10,}\.$/);
    },
  );
});

describe('options', () => {
  it('accepts explicit undefined for every option', () => {
    expect(
      parseVnDate('44096', {
        dateSystem: undefined,
        dateObjects: undefined,
        min: undefined,
        max: undefined,
      }),
    ).toEqual(ok('2020-09-22', 'serial'));
  });

  it.each([
    [{ dateSystem: '1905' }, /dateSystem must be '1900' or '1904'/],
    [{ dateSystem: 1900 }, /dateSystem/],
    [{ dateObjects: 'UTC' }, /dateObjects must be 'auto', 'utc' or 'local'/],
    [{ min: '01/01/2000' }, /options.min must be an ISO calendar date/],
    [{ max: '2100-02-29' }, /options.max must be an ISO calendar date/],
    [
      { min: '2020-01-01', max: '2019-12-31' },
      /options.min \(2020-01-01\) is after options.max \(2019-12-31\)/,
    ],
    [{ min: '2101-01-01' }, /after options.max \(2100-12-31\)/],
  ])('throws a RangeError for the programming error %o', (options, message) => {
    expect(() => parseVnDate('22/09/2020', options as ParseVnDateOptions)).toThrow(RangeError);
    expect(() => parseVnDate('22/09/2020', options as ParseVnDateOptions)).toThrow(message);
  });

  it('throws a RangeError for options that are not an object', () => {
    expect(() => parseVnDate('22/09/2020', null as unknown as ParseVnDateOptions)).toThrow(
      RangeError,
    );
    expect(() => parseVnDate('22/09/2020', '1904' as unknown as ParseVnDateOptions)).toThrow(
      RangeError,
    );
  });
});
