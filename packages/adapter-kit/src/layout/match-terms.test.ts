import { describe, expect, it } from 'vitest';
import { headerColumns } from './header-columns.ts';
import { matchTerms } from './match-terms.ts';
import { row } from './rows.test-helper.ts';

describe('matchTerms', () => {
  const columns = headerColumns([
    row(1, ['Họ tên', 'Ngày sinh', 'Họ tên', 'Tỉnh (thường trú)', 'Tỉnh']),
  ]);

  it('gives each term one column, the leftmost, and reports equal alternatives', () => {
    const [name] = matchTerms(columns, [{ label: 'Họ và tên', aliases: ['Họ tên'] }]);
    expect(name?.column.letter).toBe('A');
    expect(name?.quality).toBe('exact');
    expect(name?.alternatives.map((c) => c.letter)).toEqual(['C']);
  });

  it('prefers an exact match over a loose one, whatever the order', () => {
    const [province] = matchTerms(columns, [{ label: 'Tỉnh' }]);
    expect(province?.column.letter).toBe('E');
    expect(province?.alternatives).toEqual([]);
    const loose = matchTerms(headerColumns([row(1, ['Tỉnh (thường trú)'])]), [{ label: 'Tỉnh' }]);
    expect(loose[0]?.quality).toBe('loose');
  });

  it('never gives one column to two terms', () => {
    const found = matchTerms(columns, [{ label: 'Ngày sinh' }, { label: 'Ngày  sinh (*)' }]);
    expect(found).toHaveLength(1);
    expect(found[0]?.term.label).toBe('Ngày sinh');
  });

  it('ignores forms whose key is empty', () => {
    expect(matchTerms(columns, [{ label: '(*)', aliases: ['  '] }])).toEqual([]);
  });
});
