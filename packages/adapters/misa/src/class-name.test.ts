import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classFromCaption, classFromSheetName } from './class-name.ts';

/** Class names as schools write them. */
const className = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom('A', 'B', 'C', 'D', 'Đ', 'CLC', 'a'),
      fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    )
    .map(([grade, letters, n]) => `${grade}${letters}${n ?? ''}`),
  fc
    .tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom('.', '-', '_'),
      fc.integer({ min: 1, max: 9 }),
    )
    .map(([grade, sep, n]) => `${grade}${sep}${n}`),
);

describe('classFromSheetName', () => {
  it('reads class names with or without the word Lớp, in any case or normalization', () => {
    expect(classFromSheetName('1A')).toEqual({ name: '1A', exact: true });
    expect(classFromSheetName('Lớp 1B')).toEqual({ name: '1B', exact: true });
    expect(classFromSheetName('LỚP 2C')).toEqual({ name: '2C', exact: true });
    expect(classFromSheetName('Lop_3A1')).toEqual({ name: '3A1', exact: true });
    expect(classFromSheetName('Lớp 4A'.normalize('NFD'))).toEqual({ name: '4A', exact: true });
    expect(classFromSheetName('10A2')).toEqual({ name: '10A2', exact: true });
    expect(classFromSheetName('1.1')).toEqual({ name: '1.1', exact: true });
  });

  it('reads a copied sheet (Excel’s "1A (2)") as not exact', () => {
    expect(classFromSheetName('1A (2)')).toEqual({ name: '1A', exact: false });
  });

  it('refuses names that are not classes', () => {
    for (const name of [
      'Sheet1',
      'Toàn trường',
      'DSHS',
      '2025-2026',
      '2025',
      '13A',
      '0A',
      'Khối 1',
      'Lớp',
      '1',
      'DM_DanToc',
      '',
      'x'.repeat(10_000),
    ]) {
      expect(classFromSheetName(name), name).toBeUndefined();
    }
    expect(classFromSheetName(undefined as unknown as string)).toBeUndefined();
  });

  it('gives back any class name, alone or after Lớp', () => {
    fc.assert(
      fc.property(className, fc.constantFrom('', 'Lớp ', 'LỚP ', 'Lop', 'lớp_'), (name, prefix) => {
        expect(classFromSheetName(`${prefix}${name}`)).toEqual({ name, exact: true });
      }),
    );
  });

  it('never throws, and only returns names that start with a grade', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const found = classFromSheetName(text);
        if (found !== undefined) expect(found.name).toMatch(/^(1[0-2]|[1-9])/);
      }),
    );
  });
});

describe('classFromCaption', () => {
  it('finds the class a title names', () => {
    expect(classFromCaption('DANH SÁCH HỌC SINH LỚP 1A')).toBe('1A');
    expect(classFromCaption('Danh sách học sinh lớp 2B - Năm học 2025-2026')).toBe('2B');
    expect(classFromCaption('Lớp: 3A1')).toBe('3A1');
    expect(classFromCaption('DANH SÁCH HỌC SINH LỚP 5A'.normalize('NFD'))).toBe('5A');
  });

  it('finds nothing in titles that name no class', () => {
    for (const text of [
      'DANH SÁCH HỌC SINH TOÀN TRƯỜNG',
      'Năm học 2025-2026',
      'Từ lớp 1 đến lớp 5',
      'Lớp học thêm',
      'Trường Tiểu học Lớp Mới', // "lớp" followed by a word
      '',
      `Lớp ${'1'.repeat(10_000)}`,
    ]) {
      expect(classFromCaption(text), text.slice(0, 40)).toBeUndefined();
    }
  });

  it('gives back any class name inside a title', () => {
    fc.assert(
      fc.property(className, (name) => {
        expect(classFromCaption(`DANH SÁCH HỌC SINH LỚP ${name} - NĂM HỌC 2025-2026`)).toBe(name);
      }),
    );
  });

  it('looks only at the start of a 10,000-character cell', () => {
    expect(classFromCaption(`${'x '.repeat(5_000)} Lớp 1A`)).toBeUndefined();
    expect(classFromCaption(`Lớp 1A ${'x'.repeat(10_000)}`)).toBe('1A');
  });
});
