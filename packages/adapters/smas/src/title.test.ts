import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeOfClass, readSmasTitle } from './title.ts';

describe('readSmasTitle', () => {
  it('reads period, school year, class and grade from the title cells', () => {
    expect(
      readSmasTitle(['KẾT QUẢ ĐÁNH GIÁ CUỐI KỲ I', 'Lớp: 3A - Khối: 3 - Năm học: 2024-2025']),
    ).toEqual({ periods: ['CK1'], schoolYears: ['2024-2025'], classes: ['3A'], grades: [3] });
  });

  it.each([
    ['Năm học 2024-2025', ['2024-2025']],
    ['NĂM HỌC: 2024 - 2025', ['2024-2025']],
    ['năm học 2024-25', ['2024-2025']],
    ['Nam hoc 2099-2100', ['2099-2100']],
    ['2024/2025', ['2024-2025']],
    ['Báo cáo 2023 – 2024', ['2023-2024']],
    ['Năm học 2024-2026', []],
    ['Ngày 12/05/2025', []],
    ['Năm học 2024-2025, năm học 2023-2024', ['2024-2025', '2023-2024']],
  ])('reads the school year of %j', (text, years) => {
    expect(readSmasTitle([text]).schoolYears).toEqual(years);
  });

  it.each([
    ['Lớp: 3A', ['3A']],
    ['LỚP 3A1', ['3A1']],
    ['Lop 4/1.', ['4/1']],
    ['DANH SÁCH HỌC SINH LỚP 5B NĂM HỌC 2024-2025', ['5B']],
    ['Lớp: 3A, GVCN: (tên)', ['3A']],
    ['Hoàn thành chương trình lớp học', []],
    ['Lớp học hai buổi', []],
    ['Lớp 3A - Lớp 3B', ['3A', '3B']],
  ])('reads the class of %j', (text, classes) => {
    expect(readSmasTitle([text]).classes).toEqual(classes);
  });

  it('reads a class in NFD and upper case as in NFC', () => {
    expect(readSmasTitle(['LỚP: 2C'.normalize('NFD')]).classes).toEqual(['2C']);
  });

  it.each([
    ['Khối 3', [3]],
    ['KHỐI LỚP: 5', [5]],
    ['Khối 6', []],
    ['Khối 12', []],
  ])('reads the grade of %j', (text, grades) => {
    expect(readSmasTitle([text]).grades).toEqual(grades);
  });

  it('reads nothing from empty, blank or non-text cells', () => {
    const none = { periods: [], schoolYears: [], classes: [], grades: [] };
    expect(readSmasTitle([])).toEqual(none);
    expect(readSmasTitle(['', '   ', 7 as unknown as string])).toEqual(none);
  });

  it('never throws and stays small whatever the title says', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 5 }), (texts) => {
        const title = readSmasTitle(texts);
        expect(title.periods.length).toBeLessThanOrEqual(4);
        for (const year of title.schoolYears) expect(year).toMatch(/^\d{4}-\d{4}$/);
        for (const grade of title.grades) expect(grade).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('reads titles of 32,767 hostile characters (runs of separators) in linear time', () => {
    // Before issue 15, /[._-]+$/ on a class followed by 32,767 dashes took about 24 seconds.
    expect(readSmasTitle([`Lớp 3A${'-'.repeat(32_000)}`]).classes).toEqual(['3A']);
    expect(readSmasTitle([`Lớp 3A${'._-'.repeat(10_000)}`]).classes).toEqual(['3A']);
    expect(readSmasTitle([`Lớp 3A${'-'.repeat(32_000)}a`]).classes).toEqual([]);
    expect(readSmasTitle([`${'2024 - '.repeat(4_000)}Cuối kỳ I`]).periods).toEqual(['CK1']);
  });

  it('reads a 10,000-character title', () => {
    const long = `${'Trường Tiểu học '.repeat(700)} Cuối kỳ I Lớp 3A`;
    expect(readSmasTitle([long])).toMatchObject({ periods: ['CK1'], classes: ['3A'] });
  });
});

describe('gradeOfClass', () => {
  it.each([
    ['3A', 3],
    ['3A1', 3],
    ['4/2', 4],
    [' 5B ', 5],
    ['12A', undefined],
    ['6A', undefined],
    ['A1', undefined],
    ['', undefined],
  ])('gives %j grade %j', (name, grade) => {
    expect(gradeOfClass(name)).toBe(grade);
  });
});
