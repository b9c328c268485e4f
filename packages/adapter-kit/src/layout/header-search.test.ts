import { matchKey } from '@eduvn/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MergedRange, Row } from '../workbook/types.ts';
import { cellText, headerText, MAX_HEADER_TEXT } from './cell-text.ts';
import { findHeader } from './find-header.ts';
import { columnsFromTexts, runsFromTexts } from './header-columns.ts';
import {
  refColumnsFromTexts,
  refFindHeader,
  refTermMatcher,
} from './header-search.reference.test-helper.ts';
import { termMatcher } from './match-terms.ts';
import type { HeaderTerm } from './types.ts';

/**
 * The header search keeps its results and bounds its work (issue 15): merged ranges fill each
 * cell once, identical columns are scored as one run, and terms are looked up by key. These
 * properties check it against the search as it was (header-search.reference.test-helper.ts) on
 * generated headers, merges (overlapping, spanning whole rows) and vocabularies.
 */

const TEXTS = [
  'Họ tên',
  'HỌ TÊN',
  'Ngày sinh',
  'Ngày sinh (dd/mm/yyyy)',
  'Toán',
  'Điểm KTĐK',
  'Mức đạt được',
  'Thông tin học sinh',
  'Môn học',
  '(ghi chú)',
  'Mã HS',
  'STT',
  '1',
  '',
  '',
  '',
];
const text = fc.constantFrom(...TEXTS);
const WIDTH = 9;

const grid = fc.array(fc.array(text, { minLength: 0, maxLength: WIDTH }), {
  minLength: 1,
  maxLength: 3,
});

const range = (rows: number): fc.Arbitrary<MergedRange> =>
  fc
    .record({
      top: fc.integer({ min: 1, max: rows + 1 }),
      height: fc.integer({ min: 0, max: 2 }),
      left: fc.integer({ min: 0, max: WIDTH }),
      span: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(16_383)),
    })
    .map(({ top, height, left, span }) => ({
      top,
      bottom: top + height,
      left,
      right: Math.min(16_383, left + span),
    }));

const merges = fc.option(fc.array(range(3), { maxLength: 6 }), { nil: undefined });

const term: fc.Arbitrary<HeaderTerm> = fc.record(
  {
    label: text.filter((t) => t !== ''),
    aliases: fc.array(
      text.filter((t) => t !== ''),
      { maxLength: 2 },
    ),
    paths: fc.array(
      fc.array(
        text.filter((t) => t !== ''),
        { minLength: 2, maxLength: 3 },
      ),
      {
        maxLength: 2,
      },
    ),
  },
  { requiredKeys: ['label'] },
);
const vocabulary = fc.array(term, { minLength: 1, maxLength: 5 });

const dataColumns = fc
  .uniqueArray(fc.integer({ min: 0, max: WIDTH + 2 }), { maxLength: 4 })
  .map((c) => new Set(c));

/** The first rows of a sheet: up to `most` rows of the texts above (blank: no cell). */
const sampleRows = (most: number): fc.Arbitrary<Row[]> =>
  fc
    .array(fc.array(text, { maxLength: WIDTH }), { minLength: 1, maxLength: most })
    .map((lines): Row[] =>
      lines.map((line, i) => ({
        row: i + 1,
        cells: line.map((t) => (t === '' ? undefined : { value: t })),
      })),
    );

describe('header search (bounded)', () => {
  it('builds the same columns as before, merges or not', () => {
    fc.assert(
      fc.property(grid, merges, dataColumns, (texts, ranges, data) => {
        const key = (c: { index: number; letter: string; path: readonly string[] }) => c;
        expect(columnsFromTexts(texts, 1, ranges, data).map(key)).toEqual(
          refColumnsFromTexts(texts, 1, ranges, data).map(key),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keys each column as matchKey of its label', () => {
    fc.assert(
      fc.property(grid, merges, (texts, ranges) => {
        for (const column of columnsFromTexts(texts, 1, ranges, new Set())) {
          expect(column.key).toBe(matchKey(column.label));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('matches terms as before, and scores runs as matching their columns would', () => {
    fc.assert(
      fc.property(grid, merges, vocabulary, (texts, ranges, terms) => {
        const columns = columnsFromTexts(texts, 1, ranges, new Set());
        const matcher = termMatcher(terms);
        const found = matcher(columns);
        expect(found).toEqual(refTermMatcher(terms)(columns));
        expect(matcher.score(runsFromTexts(texts, 1, ranges))).toBe(found.length);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same header as before in any first rows', () => {
    const rows = sampleRows(7);
    fc.assert(
      fc.property(rows, vocabulary, merges, (sample, terms, ranges) => {
        const options = ranges === undefined ? { minScore: 1 } : { minScore: 1, merges: ranges };
        expect(findHeader(sample, terms, options)).toEqual(refFindHeader(sample, terms, options));
      }),
      { numRuns: 500 },
    );
  });

  it('stops at the first one-row header holding every term, as the whole search would choose', () => {
    // Small vocabularies of the sample's own texts: many samples hold a header that finds every
    // term, where the search stops early; the result must be the one the whole search gives.
    const rows = sampleRows(8);
    let complete = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        rows,
        fc.array(term, { minLength: 1, maxLength: 2 }),
        merges,
        (sample, terms, ranges) => {
          const options = ranges === undefined ? { minScore: 1 } : { minScore: 1, merges: ranges };
          const found = findHeader(sample, terms, options);
          expect(found).toEqual(refFindHeader(sample, terms, options));
          runs++;
          if (found !== undefined && found.score === terms.length) complete++;
        },
      ),
      { numRuns: 1000 },
    );
    // The early stop was exercised, not only the whole search.
    expect(complete).toBeGreaterThan(runs / 20);
  });

  it('stops at a complete header but still reads a second header row and the data below', () => {
    const rows: Row[] = [
      { row: 1, cells: [{ value: 'DANH SÁCH HỌC SINH' }] },
      { row: 2, cells: [{ value: 'Họ tên' }, { value: 'Ngày sinh' }, { value: 'Điểm KTĐK' }] },
      { row: 3, cells: [undefined, undefined, { value: 'Toán' }, { value: 'Môn học' }] },
      {
        row: 4,
        cells: [{ value: 'Nguyễn Thị Hoa' }, { value: '01/02/2018' }, { value: 7 }, { value: 8 }],
      },
      { row: 5, cells: [{ value: 'Họ tên' }, { value: 'Ngày sinh' }] },
    ];
    const terms: HeaderTerm[] = [{ label: 'Họ tên' }, { label: 'Ngày sinh' }];
    const found = findHeader(rows, terms, { minScore: 1 });
    expect(found).toEqual(refFindHeader(rows, terms, { minScore: 1 }));
    expect(found?.firstRow).toBe(2);
    expect(found?.score).toBe(2);
  });

  it('scores a header past the most paths a matcher remembers, as matching its columns does', () => {
    // 20,000 different header texts: the matcher stops remembering paths and matches the rest
    // each time, with the same result.
    const line = Array.from({ length: 20_000 }, (_, c) => `Cột ${c}`);
    line.push('Họ tên', 'Ngày sinh');
    const matcher = termMatcher([{ label: 'Họ tên' }, { label: 'Ngày sinh' }, { label: 'Toán' }]);
    const runs = runsFromTexts([line], 1, undefined);
    expect(matcher.score(runs)).toBe(2);
    expect(matcher.score(runs)).toBe(2);
    expect(matcher(columnsFromTexts([line], 1, undefined, new Set()))).toHaveLength(2);
  });

  it('compares header texts on their first MAX_HEADER_TEXT characters, copied', () => {
    const long = `Họ tên ${'x'.repeat(40_000)}`;
    const cut = headerText({ value: long });
    expect(cut).toHaveLength(MAX_HEADER_TEXT);
    expect(cellText({ value: long }).startsWith(cut)).toBe(true);
    // A surrogate pair is never split.
    expect(headerText({ value: `${'a'.repeat(MAX_HEADER_TEXT - 1)}😀` })).toHaveLength(
      MAX_HEADER_TEXT - 1,
    );
  });

  it('searches a header under thousands of merges spanning whole rows to the end', () => {
    // Before issue 15: merges × 16,384 columns × header rows, per candidate (minutes).
    const rows: Row[] = [
      { row: 1, cells: [{ value: 'DANH SÁCH' }] },
      { row: 2, cells: [{ value: 'Họ tên' }, { value: 'Ngày sinh' }, { value: 'Toán' }] },
      { row: 3, cells: [{ value: 'An' }, { value: '01/01/2018' }, { value: 'T' }] },
    ];
    const last: Row = { row: 1, cells: [] };
    (last.cells as unknown[])[16_383] = { value: 'z' };
    rows[0] = { row: 1, cells: [{ value: 'DANH SÁCH' }, ...last.cells.slice(1)] };
    const wide: MergedRange[] = Array.from({ length: 20_000 }, (_, i) => ({
      top: (i % 3) + 1,
      bottom: (i % 3) + 1,
      left: 0,
      right: 16_383,
    }));
    const header = findHeader(rows, [{ label: 'Họ tên' }, { label: 'Ngày sinh' }], {
      merges: wide,
    });
    expect(header?.firstRow).toBe(2);
    expect(header?.matched.get('Họ tên')?.letter).toBe('A');
  });
});
