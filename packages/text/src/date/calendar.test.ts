import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDateProblem,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  MS_PER_DAY,
  toDayNumber,
  toIso,
  toVn,
} from './calendar.ts';

describe('leap years', () => {
  it.each([
    [2016, true],
    [2017, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
    [1904, true],
    [0, true],
  ])('%i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('knows the lengths of the months', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe('calendarDateProblem', () => {
  it('accepts real days and explains the others', () => {
    expect(calendarDateProblem(2016, 2, 29)).toBeNull();
    expect(calendarDateProblem(2017, 2, 29)).toBe(
      '2017 is not a leap year, so February has 28 days',
    );
    expect(calendarDateProblem(2017, 2, 31)).toBe('February 2017 has 28 days');
    expect(calendarDateProblem(2017, 4, 31)).toBe('April 2017 has 30 days');
    expect(calendarDateProblem(2017, 13, 1)).toMatch(/no month 13/);
    expect(calendarDateProblem(2017, 0, 1)).toMatch(/no month 0/);
    expect(calendarDateProblem(2017, 1, 0)).toMatch(/no day 0/);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(toDayNumber({ year: 1969, month: 12, day: 31 })).toBe(-1);
    expect(toDayNumber({ year: 2000, month: 3, day: 1 })).toBe(11_017);
  });

  it('agrees with Date.UTC over years 100..9999 and round-trips', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(100, 0, 1)),
          max: new Date(Date.UTC(9999, 11, 31)),
          noInvalidDate: true,
        }),
        (d) => {
          const date = {
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
          };
          const day = toDayNumber(date);
          expect(day).toBe(Math.floor(d.getTime() / MS_PER_DAY));
          expect(fromDayNumber(day)).toEqual(date);
          expect(toIso(date)).toBe(d.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('handles years before 100 and after 9999, where Date.UTC is awkward', () => {
    expect(toIso(fromDayNumber(toDayNumber({ year: 0, month: 2, day: 29 })))).toBe('0000-02-29');
    expect(toIso({ year: -1, month: 12, day: 31 })).toBe('-000001-12-31');
    expect(toIso({ year: 275760, month: 9, day: 13 })).toBe('+275760-09-13');
    expect(toIso(fromDayNumber(8.64e15 / MS_PER_DAY))).toBe('+275760-09-13');
  });
});

describe('toVn', () => {
  it('writes dd/mm/yyyy with leading zeros', () => {
    expect(toVn({ year: 2017, month: 2, day: 8 })).toBe('08/02/2017');
    expect(toVn({ year: 999, month: 12, day: 31 })).toBe('31/12/0999');
  });
});
