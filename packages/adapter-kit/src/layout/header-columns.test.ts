import { describe, expect, it } from 'vitest';
import { headerColumns } from './header-columns.ts';
import { merge, row } from './rows.test-helper.ts';

describe('headerColumns', () => {
  it('fills a parent right until the next parent (heuristic)', () => {
    const columns = headerColumns([
      row(1, ['Họ tên', 'Thông tin cha', undefined, 'Thông tin mẹ', undefined]),
      row(2, [undefined, 'Họ tên', 'Năm sinh', 'Họ tên', 'Năm sinh']),
    ]);
    expect(columns.map((c) => c.label)).toEqual([
      'Họ tên',
      'Thông tin cha › Họ tên',
      'Thông tin cha › Năm sinh',
      'Thông tin mẹ › Họ tên',
      'Thông tin mẹ › Năm sinh',
    ]);
    expect(columns[1]?.key).toBe('thong tin cha ho ten');
  });

  it('does not fill a parent over columns without a sub-header', () => {
    const columns = headerColumns([
      row(1, ['Điểm', undefined, undefined, 'Ghi chú']),
      row(2, ['HK1', 'HK2', undefined, undefined]),
    ]);
    expect(columns.map((c) => c.path)).toEqual([['Điểm', 'HK1'], ['Điểm', 'HK2'], ['Ghi chú']]);
  });

  it('follows merged ranges exactly when given, across and down', () => {
    const rows = [
      row(1, ['Mã học sinh', 'Điểm', undefined, undefined]),
      row(2, [undefined, 'HK1', 'HK2', 'Cả năm']),
    ];
    const merged = headerColumns(rows, { merges: [merge('A1:A2'), merge('B1:C1')] });
    expect(merged.map((c) => c.path)).toEqual([
      ['Mã học sinh'],
      ['Điểm', 'HK1'],
      ['Điểm', 'HK2'],
      ['Cả năm'],
    ]);
    // The heuristic would have put "Cả năm" under "Điểm" too.
    expect(headerColumns(rows)[3]?.path).toEqual(['Điểm', 'Cả năm']);
  });

  it('keeps columns with data but no header, and drops empty ones', () => {
    const columns = headerColumns([row(1, ['A', undefined, undefined, 'D'])], {
      dataRows: [row(2, [1, undefined, 3, 4])],
    });
    expect(columns.map((c) => [c.letter, c.label])).toEqual([
      ['A', 'A'],
      ['C', ''],
      ['D', 'D'],
    ]);
  });
});
