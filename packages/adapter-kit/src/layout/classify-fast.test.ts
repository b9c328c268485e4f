/**
 * The shortcuts of `classifyCells` (one pass over the cells; the cheap test that rules out a
 * repeated header; `mayStartMarker`, which lets data rows skip `exampleReason`) against the rules
 * as `classifyRow` documents them, computed the long way: every cell's text and key built.
 */
import { matchKey } from '@eduvn/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, Row } from '../workbook/types.ts';
import { cellText, hasValue } from './cell-text.ts';
import { type ClassifyRowOptions, classifyRow, type RowKind } from './classify-row.ts';
import {
  exampleReason,
  mayBeMarker,
  mayStartMarker,
  rowNumberColumn,
  rowNumberOf,
} from './example-row.ts';
import { findHeader } from './find-header.ts';
import { row } from './rows.test-helper.ts';
import type { HeaderMatch } from './types.ts';

// Generated people only.
const HEADER_ROW = row(5, ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ưu tiên']);

function header(): HeaderMatch {
  const found = findHeader(
    [HEADER_ROW, row(6, [1, 'HS001', 'Trần Thị Bình', '12/05/2018', 'Nữ', 'Có'])],
    [
      { label: 'STT' },
      { label: 'Mã học sinh' },
      { label: 'Họ tên', aliases: ['Họ và tên'] },
      { label: 'Ngày sinh' },
      { label: 'Giới tính' },
      { label: 'Ưu tiên' },
    ],
  );
  if (found === undefined) throw new Error('no header');
  return found;
}

/** `classifyRow`'s kind by its documented steps, every text and key computed. */
function referenceKind(r: Row, h: HeaderMatch, options: ClassifyRowOptions): RowKind {
  const all = r.cells;
  const indexes: number[] = [];
  all.forEach((cell, i) => {
    if (hasValue(cell)) indexes.push(i);
  });
  const count = indexes.length;
  if (count === 0) return 'empty';
  const keyColumns = options.keyColumns ?? [];
  if (count === 1 && h.columns.length > 1) {
    const index = indexes[0] as number;
    if (
      index === rowNumberColumn(h) &&
      !keyColumns.includes(index) &&
      rowNumberOf(all[index]) !== undefined
    ) {
      return 'numbered-blank';
    }
  }
  if (count >= 3) {
    const numbers = indexes.map((i) => {
      const cell = all[i] as Cell;
      if (typeof cell.value === 'number' && cell.date === undefined) {
        return Number.isInteger(cell.value) && cell.value >= 0 && cell.value <= 999
          ? cell.value
          : undefined;
      }
      const m = /^\(?(\d{1,3})\)?$/.exec(cellText(cell));
      return m === null ? undefined : Number(m[1]);
    });
    if (
      numbers.every((n, k) => n !== undefined && (k === 0 || n === (numbers[k - 1] as number) + 1))
    )
      return 'numbering';
  }
  let same = 0;
  for (const i of indexes) {
    const column = h.columns.find((c) => c.index === i);
    if (column?.path.map(matchKey).includes(matchKey(cellText(all[i])))) same++;
  }
  if (same >= 2 && same >= 0.6 * count) return 'repeated-header';
  const filled = Int32Array.from(indexes);
  if (exampleReason(r, filled, count, h, options.firstData === true) !== undefined)
    return 'example';
  const first = all[indexes[0] as number] as Cell;
  if (typeof first.value === 'number') return 'data';
  const text = cellText(first);
  const lone = indexes.every(
    (i, k) => k === 0 || (i === (indexes[k - 1] as number) + 1 && cellText(all[i]) === text),
  );
  if (
    lone &&
    text.length > 1 &&
    h.columns.length > 1 &&
    !/^[\d.,\s]+$/.test(text) &&
    !indexes.some((i) => keyColumns.includes(i))
  ) {
    return 'caption';
  }
  return 'data';
}

/** Pieces of text near markers, header texts, numbers and the characters cleaning changes. */
const PIECES = [
  'v',
  'V',
  'd',
  'D',
  'i',
  'í',
  'I',
  'ĩ',
  '\u0301',
  '\u0303',
  '\u0323',
  'u',
  'ụ',
  'm',
  'M',
  'a',
  'ẫ',
  'â',
  'A',
  'e',
  'E',
  'ê',
  'ệ',
  'x',
  'g',
  'o',
  'ò',
  'õ',
  'h',
  'H',
  'à',
  'n',
  'N',
  'Đ',
  'đ',
  'ǆ',
  'ﬁ',
  ' ',
  '  ',
  '(',
  ')',
  '[',
  '{',
  ':',
  '.',
  '-',
  '–',
  '\u200b',
  '\u00a0',
  '\t',
  '\n',
  '\0',
  '1',
  '2',
  '0',
  'VD',
  'Ví dụ',
  'ví dụ'.normalize('NFD'),
  'Mẫu',
  'Dòng',
  'Hàng',
  'mẫu',
  'Example',
  'e.g.',
  'Việt Nam',
  'Vì Văn',
  'Mạ',
  'STT',
  'Họ và tên',
  'Mã học sinh',
  'Dân tộc',
  'Nguyễn',
  'Văn',
  'Thị',
  'A',
  'xxx',
];

const text = fc
  .array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 6 })
  .map((parts) => parts.join(''));

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 6, arbitrary: text.map((value): Cell => ({ value })) },
  { weight: 1, arbitrary: text.map((value): Cell => ({ value, font: '.VnTime' })) },
  { weight: 1, arbitrary: text.map((value): Cell => ({ value, font: 'Times New Roman' })) },
  { weight: 2, arbitrary: fc.integer({ min: -2, max: 12 }).map((value): Cell => ({ value })) },
  { weight: 1, arbitrary: fc.constant<Cell>({ value: 43000, date: '2017-09-21' }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ value: true }, { value: null }, { value: '' }) },
  { weight: 2, arbitrary: fc.constant(undefined) },
);

/** The header text over column `i`, as a repeated header may write it (case, NFD, spaces, font). */
function headerCell(i: number, variant: number): Cell | undefined {
  const texts = HEADER_ROW.cells.map((c) => String(c?.value ?? ''));
  const base = texts[i];
  if (base === undefined) return { value: 'Ghi chú' };
  const value = [
    base,
    base.toUpperCase(),
    base.normalize('NFD'),
    ` ${base.replace(' ', '  ')} `,
    `${base}\u200b`,
  ][variant % 5] as string;
  return variant >= 5 ? { value, font: 'Arial' } : { value };
}

/** Rows whose cells are often the header text over them: repeated headers, or nearly. */
const headerLike: fc.Arbitrary<(Cell | undefined)[]> = fc
  .array(fc.tuple(fc.boolean(), fc.nat(9), cell), { maxLength: 8 })
  .map((picks) => picks.map(([own, variant, other], i) => (own ? headerCell(i, variant) : other)));

describe('classifyRow shortcuts', () => {
  it('give the kind the documented steps give, for any row', () => {
    const h = header();
    fc.assert(
      fc.property(
        fc.oneof(fc.array(cell, { maxLength: 8 }), headerLike),
        fc.boolean(),
        fc.constantFrom([], [1], [1, 2]),
        (cells, firstData, keyColumns) => {
          const r: Row = { row: 9, cells };
          const options = { keyColumns, firstData };
          expect(classifyRow(r, h, options).kind).toBe(referenceKind(r, h, options));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a repeated header and markers are still found among many filled cells', () => {
    const h = header();
    const repeated = row(30, ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'x', 'y']);
    expect(classifyRow(repeated, h).kind).toBe('repeated-header');
    const marked = row(31, [2, 'HS002', 'Lê Văn Cường', '01/02/2018', 'Nam', 'VD']);
    expect(classifyRow(marked, h).kind).toBe('example');
    const dataRow = row(32, [3, 'HS003', 'Vì Văn Hải', '01/02/2018', 'Nam', 'Mường']);
    expect(classifyRow(dataRow, h).kind).toBe('data');
  });
});

describe('mayStartMarker', () => {
  it('never rules out a text that is a marker, anywhere in a row', () => {
    const h = header();
    fc.assert(
      fc.property(text, (value) => {
        // The first filled cell is where every marker, and a marker prefix, counts.
        const cells = [{ value }];
        const marked =
          exampleReason({ row: 9, cells }, Int32Array.of(0), 1, h, false) !== undefined;
        if (marked) expect(mayStartMarker(value)).toBe(true);
        // And it is never looser than mayBeMarker.
        if (mayStartMarker(value)) expect(mayBeMarker(value)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('rules out the common words that start like a marker', () => {
    for (const word of [
      'Việt Nam',
      'Viên chức',
      'Võ Thị Vy',
      'Vũ Thị Anh',
      'Mường',
      'Hồ Thị Nhi',
      'Dương',
    ]) {
      expect(mayStartMarker(word)).toBe(false);
    }
    for (const marker of [
      'VD',
      '(Ví dụ)',
      'ví dụ'.normalize('NFD'),
      'Mẫu: x',
      'E.g.',
      'Eg',
      'Dòng mẫu',
      'Hàng mẫu',
      'Example',
    ]) {
      expect(mayStartMarker(marker)).toBe(true);
    }
    expect(mayStartMarker('')).toBe(false);
    expect(mayStartMarker('Nguyễn')).toBe(false);
  });
});
