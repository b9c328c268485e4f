import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExcelDateSystem, excelSerialToIso, isoToExcelSerial } from './excel-serial.ts';
import { isoBetween } from './iso-between.test-helper.ts';

const DAY = 86_400_000;
/** Independent oracle: from serial 61 on, 1900-system serial n is n days after 1899-12-30. */
const oracle1900 = (serial: number): string =>
  new Date(Date.UTC(1899, 11, 30) + serial * DAY).toISOString().slice(0, 10);
/** 1904-system serial n is n days after 1904-01-01. */
const oracle1904 = (serial: number): string =>
  new Date(Date.UTC(1904, 0, 1) + serial * DAY).toISOString().slice(0, 10);

describe('excelSerialToIso, 1900 date system', () => {
  it.each([
    [1, '1900-01-01'],
    [2, '1900-01-02'],
    [31, '1900-01-31'],
    [32, '1900-02-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [366, '1900-12-31'],
    [367, '1901-01-01'],
    [1462, '1904-01-01'],
    [25_569, '1970-01-01'],
    [36_526, '2000-01-01'],
    [36_585, '2000-02-29'],
    [42_794, '2017-02-28'],
    [44_096, '2020-09-22'],
    [73_415, '2100-12-31'],
    [2_958_465, '9999-12-31'],
  ])('serial %i is %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(excelSerialToIso(serial, '1900')).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it('ignores the time of day of a date-time serial', () => {
    expect(excelSerialToIso(44_096.0)).toBe('2020-09-22');
    expect(excelSerialToIso(44_096.000_01)).toBe('2020-09-22');
    expect(excelSerialToIso(44_096.5)).toBe('2020-09-22');
    expect(excelSerialToIso(44_096.999_99)).toBe('2020-09-22');
    expect(excelSerialToIso(59.99)).toBe('1900-02-28');
    expect(excelSerialToIso(1.5)).toBe('1900-01-01');
  });

  it('rejects the phantom 29 February 1900 (serial 60), time of day or not', () => {
    expect(() => excelSerialToIso(60)).toThrow(RangeError);
    expect(() => excelSerialToIso(60)).toThrow(/29 February 1900.*never existed/);
    expect(() => excelSerialToIso(60.25)).toThrow(/29 February 1900/);
  });

  it('maps 1900-02-28 and 1900-03-01 around the phantom day', () => {
    expect(isoToExcelSerial('1900-02-28')).toBe(59);
    expect(isoToExcelSerial('1900-03-01')).toBe(61);
  });

  it.each([
    [0, /before 1 \(1900-01-01\)/],
    [0.5, /time of day without a date/],
    [-1, /negative/],
    [-0.5, /negative/],
    [2_958_466, /after 2958465 \(9999-12-31\)/],
    [Number.NaN, /not finite/],
    [Number.POSITIVE_INFINITY, /not finite/],
    [Number.NEGATIVE_INFINITY, /not finite/],
    [Number.MAX_VALUE, /after 2958465/],
  ])('throws a RangeError for %d', (serial, message) => {
    expect(() => excelSerialToIso(serial)).toThrow(RangeError);
    expect(() => excelSerialToIso(serial)).toThrow(message);
  });

  it('agrees with the day count from 1899-12-30 for every serial from 61 to 2100-12-31', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 73_415 }), (serial) => {
        expect(excelSerialToIso(serial)).toBe(oracle1900(serial));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('excelSerialToIso, 1904 date system', () => {
  it.each([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [59, '1904-02-29'],
    [60, '1904-03-01'],
    [24_107, '1970-01-01'],
    [42_634, '2020-09-22'],
    [71_953, '2100-12-31'],
    [2_957_003, '9999-12-31'],
  ])('serial %i is %s', (serial, iso) => {
    expect(excelSerialToIso(serial, '1904')).toBe(iso);
    expect(isoToExcelSerial(iso, '1904')).toBe(serial);
  });

  it('has no phantom day: serial 60 is an ordinary day', () => {
    expect(excelSerialToIso(60, '1904')).toBe('1904-03-01');
  });

  it.each([
    [-1, /negative/],
    [-0.001, /negative/],
    [2_957_004, /after 2957003 \(9999-12-31\)/],
    [Number.NaN, /not finite/],
  ])('throws a RangeError for %d', (serial, message) => {
    expect(() => excelSerialToIso(serial, '1904')).toThrow(RangeError);
    expect(() => excelSerialToIso(serial, '1904')).toThrow(message);
  });

  it('agrees with the day count from 1904-01-01', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 71_953 }), (serial) => {
        expect(excelSerialToIso(serial, '1904')).toBe(oracle1904(serial));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every date from 1904-01-01 on its 1900 serial minus 1462', () => {
    expect(isoToExcelSerial('1904-01-01', '1900')).toBe(1462);
    fc.assert(
      fc.property(isoBetween('1904-01-01', '2100-12-31'), (iso) => {
        expect(isoToExcelSerial(iso, '1904')).toBe(isoToExcelSerial(iso, '1900') - 1462);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 73_415 }), (serial) => {
        expect(excelSerialToIso(serial - 1462, '1904')).toBe(excelSerialToIso(serial, '1900'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('round trips over the default range 1900-01-01..2100-12-31', () => {
  const systems: [ExcelDateSystem, string][] = [
    ['1900', '1900-01-01'],
    ['1904', '1904-01-01'],
  ];

  it.each(systems)('iso -> serial -> iso in the %s system', (system, first) => {
    fc.assert(
      fc.property(isoBetween(first, '2100-12-31'), (iso) => {
        const serial = isoToExcelSerial(iso, system);
        expect(Number.isInteger(serial)).toBe(true);
        expect(excelSerialToIso(serial, system)).toBe(iso);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['1900', 1, 73_415],
    ['1904', 0, 71_953],
  ] as const)(
    'serial -> iso -> serial in the %s system (and the time of day is dropped)',
    (system, min, max) => {
      fc.assert(
        fc.property(
          fc.integer({ min, max }).filter((s) => system === '1904' || s !== 60),
          fc.double({ min: 0, max: 0.999_999, noNaN: true }),
          (serial, time) => {
            const iso = excelSerialToIso(serial + time, system);
            expect(isoToExcelSerial(iso, system)).toBe(serial);
          },
        ),
        { numRuns: 5000 },
      );
    },
  );

  it('covers both ends of the range exactly', () => {
    for (const system of ['1900', '1904'] as const) {
      expect(excelSerialToIso(isoToExcelSerial('2100-12-31', system), system)).toBe('2100-12-31');
    }
    expect(excelSerialToIso(isoToExcelSerial('1900-01-01'))).toBe('1900-01-01');
  });
});

describe('isoToExcelSerial rejections', () => {
  it.each([
    ['1899-12-31', '1900', /before 1900-01-01/],
    ['1800-06-01', '1900', /before 1900-01-01/],
    ['1903-12-31', '1904', /before 1904-01-01/],
    ['2017-02-29', '1900', /valid ISO calendar date.*"2017-02-29"/],
    ['1900-02-29', '1900', /valid ISO calendar date/],
    ['22/09/2020', '1900', /valid ISO calendar date/],
    ['', '1904', /valid ISO calendar date/],
  ] as const)('throws a RangeError for %j in the %s system', (iso, system, message) => {
    expect(() => isoToExcelSerial(iso, system)).toThrow(RangeError);
    expect(() => isoToExcelSerial(iso, system)).toThrow(message);
  });

  it('throws a RangeError for non-strings and unknown date systems', () => {
    expect(() => isoToExcelSerial(44_096 as unknown as string)).toThrow(RangeError);
    expect(() => isoToExcelSerial('2020-09-22', '1905' as ExcelDateSystem)).toThrow(
      /dateSystem must be '1900' or '1904', got '1905'/,
    );
    expect(() => excelSerialToIso('44096' as unknown as number)).toThrow(RangeError);
    expect(() => excelSerialToIso(44_096, 1904 as unknown as ExcelDateSystem)).toThrow(RangeError);
  });

  it('keeps messages short for huge input', () => {
    try {
      isoToExcelSerial('9'.repeat(10_000));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect((e as Error).message.length).toBeLessThan(200);
    }
  });
});
