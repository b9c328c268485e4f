import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatProblem, formatValue, plainNumber } from './format-value.ts';

const point = { decimalSeparator: '.', blank: undefined } as const;
const comma = { decimalSeparator: ',', blank: undefined } as const;

describe('plainNumber', () => {
  it('writes numbers without exponents', () => {
    expect(plainNumber(7.5)).toBe('7.5');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(-1.5e-9)).toBe('-0.0000000015');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.2345e22)).toBe('12345000000000000000000');
  });

  it('gives back the same number, for every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = plainNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('formatValue', () => {
  it('writes each kind as the readers read it back', () => {
    expect(formatValue('2018-09-05', 'date', point)).toBe('05/09/2018');
    expect(formatValue('1', 'sex', point)).toBe('Nam');
    expect(formatValue(2, 'sex', point)).toBe('Nữ');
    expect(formatValue('Khác', 'sex', point)).toBe('Khác');
    expect(formatValue(true, 'flag', point)).toBe('x');
    expect(formatValue(false, 'flag', point)).toBeUndefined();
    expect(formatValue(false, 'flag', { ...point, blank: 'absent' })).toBe('Không');
    expect(formatValue(true, 'boolean', point)).toBe('Có');
    expect(formatValue(false, 'boolean', point)).toBe('Không');
    expect(formatValue(112.5, 'decimal', comma)).toBe('112,5');
    expect(formatValue(112.5, 'decimal', point)).toBe('112.5');
    expect(formatValue(1990, 'integer', comma)).toBe('1990');
    expect(formatValue('0012', 'code', point)).toBe('0012');
    expect(formatValue(12, 'code', point)).toBe('12');
    expect(formatValue(10n, 'text', point)).toBe('10');
    expect(formatValue(true, 'text', point)).toBe('TRUE');
    expect(formatValue('T', 'subjectLevel', point)).toBe('T');
    expect(formatValue(undefined, 'text', point)).toBeUndefined();
    expect(formatValue(null, 'date', point)).toBeUndefined();
  });

  it('refuses what one field cannot hold, without quoting the value', () => {
    const problems = [
      formatValue('05/09/2018', 'date', point),
      formatValue(new Date(0), 'date', point),
      formatValue({ hoTen: 'Nguyễn Văn An' }, 'text', point),
      formatValue(['a'], 'name', point),
      formatValue(Number.NaN, 'decimal', point),
      formatValue(Number.POSITIVE_INFINITY, 'code', point),
      formatValue(() => 1, 'text', point),
    ];
    for (const p of problems) {
      expect(p).toBeInstanceOf(FormatProblem);
      expect((p as FormatProblem).problem).not.toMatch(/Nguyễn|05\/09/);
    }
    expect((problems[0] as FormatProblem).problem).toMatch(/ISO calendar date/);
    expect((problems[1] as FormatProblem).problem).toMatch(/a Date object is not a date/);
    expect((problems[2] as FormatProblem).problem).toMatch(/an object cannot be written/);
  });
});
