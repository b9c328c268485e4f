import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { dateToCalendarDate, isDate } from './date-object.ts';

/** The local calendar date of a Date, read the way the module's `'local'` mode must. */
const localOf = (d: Date) => ({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });

describe('isDate', () => {
  it('recognizes Dates, including invalid ones and Dates from another realm', () => {
    expect(isDate(new Date())).toBe(true);
    expect(isDate(new Date(Number.NaN))).toBe(true);
    expect(isDate(runInNewContext('new Date(Date.UTC(2020, 8, 22))'))).toBe(true);
  });

  it('rejects look-alikes without calling into them', () => {
    expect(isDate({ [Symbol.toStringTag]: 'Date', getTime: () => 0 })).toBe(false);
    expect(isDate(Object.create(Date.prototype))).toBe(false);
    expect(isDate(Date.UTC(2020, 8, 22))).toBe(false);
    expect(isDate('2020-09-22')).toBe(false);
    expect(isDate(null)).toBe(false);
    const trap = new Proxy(new Date(), {
      get() {
        throw new Error('trap');
      },
    });
    expect(isDate(trap)).toBe(false);
  });
});

describe('dateToCalendarDate', () => {
  const utcMidnight = new Date(Date.UTC(2020, 8, 22));

  it('reads UTC midnight as that UTC day in every mode but local', () => {
    expect(dateToCalendarDate(utcMidnight, 'auto')).toEqual({ year: 2020, month: 9, day: 22 });
    expect(dateToCalendarDate(utcMidnight, 'utc')).toEqual({ year: 2020, month: 9, day: 22 });
    expect(dateToCalendarDate(utcMidnight, 'local')).toEqual(localOf(utcMidnight));
  });

  it('reads local midnight as that local day in auto and local modes', () => {
    const localMidnight = new Date(2020, 8, 22);
    expect(dateToCalendarDate(localMidnight, 'auto')).toEqual({ year: 2020, month: 9, day: 22 });
    expect(dateToCalendarDate(localMidnight, 'local')).toEqual({ year: 2020, month: 9, day: 22 });
  });

  it('reads any other instant as its UTC day in auto mode', () => {
    const instant = new Date(Date.UTC(2020, 8, 22, 23, 59, 59, 999));
    const local = localOf(instant);
    const localIsMidnight = instant.getHours() === 0 && instant.getMinutes() === 0;
    expect(dateToCalendarDate(instant, 'auto')).toEqual(
      localIsMidnight ? local : { year: 2020, month: 9, day: 22 },
    );
    expect(dateToCalendarDate(instant, 'utc')).toEqual({ year: 2020, month: 9, day: 22 });
    expect(dateToCalendarDate(new Date(Date.UTC(1969, 11, 31, 12)), 'utc')).toEqual({
      year: 1969,
      month: 12,
      day: 31,
    });
  });

  it('reads Dates from another realm', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2020, 8, 22))') as Date;
    expect(dateToCalendarDate(foreign, 'auto')).toEqual({ year: 2020, month: 9, day: 22 });
  });

  it('returns null for an invalid Date', () => {
    expect(dateToCalendarDate(new Date(Number.NaN), 'auto')).toBeNull();
    expect(dateToCalendarDate(new Date(Number.NaN), 'local')).toBeNull();
  });

  it('is not fooled by an overridden getter on the instance', () => {
    const d = new Date(Date.UTC(2020, 8, 22));
    Object.defineProperty(d, 'getUTCDate', { value: () => 1 });
    expect(dateToCalendarDate(d, 'utc')).toEqual({ year: 2020, month: 9, day: 22 });
  });
});
