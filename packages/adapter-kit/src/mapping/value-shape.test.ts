import { describe, expect, it } from 'vitest';
import type { Cell } from '../workbook/types.ts';
import { profileValues } from './value-shape.ts';

const cells = (...values: (Cell['value'] | Cell)[]): Cell[] =>
  values.map((v) => (typeof v === 'object' && v !== null ? v : { value: v }));

describe('profileValues', () => {
  it('recognizes the shapes of school data', () => {
    expect(
      profileValues(cells('12/05/2018', 44096, { value: 43000, date: '2017-09-22' })).shapes,
    ).toContain('date');
    expect(profileValues(cells('079123456789', 11319761095)).shapes).toContain('personalId');
    expect(profileValues(cells('Nam', 'NỮ', 'nữ'.normalize('NFD'))).shapes).toContain('sex');
    expect(profileValues(cells('T', 'H', 'c')).shapes).toContain('subjectLevel');
    expect(profileValues(cells('T', 'Đ', 'C')).shapes).toContain('traitLevel');
    expect(profileValues(cells('x', 'X', true)).shapes).toContain('flag');
    expect(profileValues(cells(1983, '1976')).shapes).toContain('year');
    expect(profileValues(cells('0587 330 323', 912345678)).shapes).toContain('phone');
    expect(profileValues(cells('Nguyễn Thùy Uyên', 'Phan Thị Quỳnh')).shapes).toContain('name');
    expect(profileValues(cells('7,5', 8)).shapes).toContain('decimal');
  });

  it('counts an impossible date written as a date as date-shaped, not a nonsense value', () => {
    // One impossible day among four birth dates must not cost the column its meaning.
    const column = profileValues(cells('05/09/2016', '31/02/2019', '12/11/2016', '2016-01-30'));
    expect(column.shapes).toContain('date');
    for (const notADate of ['32/01/2019', '12/13/2019', '00/05/2019', '2019-13-01', '1/2/19']) {
      expect(profileValues(cells(notADate)).shapes).not.toContain('date');
    }
  });

  it('needs 90 % of the values, and skips blanks and error values', () => {
    const mostly = profileValues(
      cells(...Array.from({ length: 9 }, () => 'Nam'), 'Khác', '', null),
    );
    expect(mostly.values).toBe(10);
    expect(mostly.shapes).toContain('sex');
    const half = profileValues(cells('Nam', 'x'));
    expect(half.shapes).not.toContain('sex');
    expect(profileValues([undefined]).values).toBe(0);
  });
});
