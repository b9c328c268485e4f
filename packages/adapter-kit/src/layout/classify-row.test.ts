import { describe, expect, it } from 'vitest';
import { classifyRow } from './classify-row.ts';
import { findHeader } from './find-header.ts';
import { kqhtData, kqhtHeader, merge, row } from './rows.test-helper.ts';
import type { HeaderMatch } from './types.ts';

const HEADER_ROW = row(5, ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính']);

function header(): HeaderMatch {
  const found = findHeader(
    [HEADER_ROW, row(6, [1, '0110001', 'Nguyễn Văn An', '12/05/2018', 'Nam'])],
    [{ label: 'STT' }, { label: 'Mã học sinh' }, { label: 'Họ tên', aliases: ['Họ và tên'] }],
  );
  if (found === undefined) throw new Error('no header');
  return found;
}

describe('classifyRow', () => {
  it('classifies a record as data', () => {
    const result = classifyRow(
      row(6, [1, '0110001', 'Nguyễn Văn An', '12/05/2018', 'Nam']),
      header(),
    );
    expect(result.kind).toBe('data');
    expect(result.reason).toBe('5 cells with a value');
  });

  it('classifies phantom formatted rows as empty', () => {
    expect(
      classifyRow(row(40, [{ value: '', font: 'Times New Roman' }, '', '  ', '\u200B']), header()),
    ).toEqual({
      kind: 'empty',
      reason: 'no cell has a value (a formatted but empty row)',
    });
    expect(classifyRow(row(41, []), header()).kind).toBe('empty');
  });

  it('recognizes the header repeated for each class, in any normalization and case', () => {
    const repeated = row(20, [
      'STT',
      'MÃ HỌC SINH',
      'Họ và tên'.normalize('NFD'),
      'Ngày sinh',
      'Giới tính',
    ]);
    expect(classifyRow(repeated, header())).toEqual({
      kind: 'repeated-header',
      reason: '5 of its 5 filled cells repeat the header',
    });
  });

  it('recognizes class captions, lone or spread over merged cells', () => {
    const h = header();
    expect(classifyRow(row(19, ['Lớp 1A']), h)).toMatchObject({
      kind: 'caption',
      caption: 'Lớp 1A',
    });
    const spread = classifyRow(row(30, [undefined, 'DANH SÁCH HỌC SINH LỚP 2B']), h, {
      merges: [merge('B30:E30')],
    });
    expect(spread).toEqual({
      kind: 'caption',
      reason: 'a single text in B:E, outside the key columns (a caption such as a class name)',
      caption: 'DANH SÁCH HỌC SINH LỚP 2B',
    });
    // Readers that copy a merged value into every cell of the range.
    const copied = classifyRow(row(31, ['Lớp 2C', 'Lớp 2C', 'Lớp 2C']), h);
    expect(copied).toMatchObject({ kind: 'caption', caption: 'Lớp 2C' });
    expect(copied.reason).toContain('A:C');
  });

  it('treats a lone value in a key column as an incomplete record, not a caption', () => {
    const h = header();
    const lone = row(12, [undefined, undefined, 'Hoàng Văn Em']);
    expect(classifyRow(lone, h).kind).toBe('caption');
    expect(classifyRow(lone, h, { keyColumns: [1, 2] }).kind).toBe('data');
    expect(classifyRow(row(13, [undefined, 110_003]), h).kind).toBe('data');
    expect(classifyRow(row(14, [undefined, undefined, { value: null }]), h).kind).toBe('data');
  });

  it('recognizes the row of column numbers under a form header', () => {
    const h = header();
    expect(classifyRow(row(6, [1, 2, 3, 4, 5]), h).kind).toBe('numbering');
    expect(classifyRow(row(6, ['(1)', '(2)', '(3)', '(4)']), h).kind).toBe('numbering');
    expect(classifyRow(row(6, [1, 2, 4]), h).kind).toBe('data');
  });

  it('recognizes every row of a repeated multi-row header, and KQHT data', () => {
    const { rows, merges } = kqhtHeader(1);
    const h = findHeader(
      [...rows, kqhtData(4, { code: '01', name: 'An' })],
      [{ label: 'Mã học sinh' }, { label: 'Họ tên' }],
      { merges },
    );
    if (h === undefined) throw new Error('no header');
    const again = kqhtHeader(30).rows;
    expect(again.map((r) => classifyRow(r, h).kind)).toEqual([
      'repeated-header',
      'repeated-header',
      'repeated-header',
    ]);
    expect(classifyRow(kqhtData(33, { code: '02', name: 'Bình' }), h).kind).toBe('data');
  });

  it('never quotes the row in its reason', () => {
    const result = classifyRow(row(6, ['012345678901', 'Nguyễn Văn An']), header());
    expect(result.reason).not.toContain('012345678901');
    expect(result.reason).not.toContain('Nguyễn');
  });
});
