import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../workbook/types.ts';
import { classifyRow } from './classify-row.ts';
import { findHeader } from './find-header.ts';
import { row } from './rows.test-helper.ts';
import type { HeaderMatch } from './types.ts';

// Generated people only.
const HEADER_ROW = row(5, ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số ĐDCN']);

function header(): HeaderMatch {
  const found = findHeader(
    [HEADER_ROW, row(6, [1, 'HS001', 'Trần Thị Bình', '12/05/2018', 'Nữ', ''])],
    [{ label: 'STT' }, { label: 'Mã học sinh' }, { label: 'Họ tên', aliases: ['Họ và tên'] }],
  );
  if (found === undefined) throw new Error('no header');
  return found;
}

const KEY = { keyColumns: [1] };

describe('example rows', () => {
  it.each<[string, (CellValue | undefined)[]]>([
    ['VD in the STT column', ['VD', 'HS000', 'Nguyễn Văn A', '01/01/2018', 'Nam', '']],
    ['(Ví dụ) in the STT column', ['(Ví dụ)', 'HS000', 'Trần Thị B', '01/01/2018', 'Nữ', '']],
    ['Mẫu in the STT column', ['Mẫu', 'HS000', 'Lê Văn C', '01/01/2018', 'Nam', '']],
    [
      'Example in a cell of its own',
      [undefined, 'HS000', 'Pham Van D', '01/01/2018', 'Nam', '', 'Example'],
    ],
    [
      'ví dụ in a cell of its own, lower case, NFD',
      [1, 'HS000', 'An', '01/01/2018', 'Nam', 'ví dụ'.normalize('NFD')],
    ],
    ['VD: before the values', ['VD: Nguyễn Văn A', 'HS000', '', '01/01/2018', 'Nam', '']],
  ])('a marker makes an example row anywhere: %s', (_, cells) => {
    for (const firstData of [true, false]) {
      const result = classifyRow(row(12, cells), header(), { ...KEY, firstData });
      expect(result.kind).toBe('example');
      expect(result.reason).toMatch(/^an example row of the form, marked "/);
      // The reason names the marker, never the row's other values.
      expect(result.reason).not.toMatch(/HS000|01\/01\/2018/);
    }
  });

  it('first under the header, placeholder values make an example row without a marker', () => {
    const examples: (CellValue | undefined)[][] = [
      ['', 'HS000', 'Nguyễn Văn A', 'dd/mm/yyyy', 'Nam', ''],
      [undefined, 'xxx', 'Nguyễn Thị B', '01/01/2018', 'Nữ', ''],
      [1, 'HS000', 'Nguyễn Văn A', '01/01/2018', 'Nam', '012345678912'],
      [undefined, 'HS000', 'Nguyễn Văn A', '01/01/2018', 'Nam', ''],
    ];
    for (const cells of examples) {
      expect(classifyRow(row(6, cells), header(), { ...KEY, firstData: true }).kind).toBe(
        'example',
      );
      // The same row further down is data: the position matters.
      expect(classifyRow(row(9, cells), header(), KEY).kind).toBe('data');
    }
  });

  it('a real pupil named Nguyễn Văn A is data: numbered first row, or any later row', () => {
    const first: CellValue[] = [1, 'HS001', 'Nguyễn Văn A', '05/09/2018', 'Nam', '001218001234'];
    expect(classifyRow(row(6, first), header(), { ...KEY, firstData: true }).kind).toBe('data');
    const later: CellValue[] = [7, 'HS007', 'Nguyễn Văn A', '05/09/2018', 'Nam', ''];
    expect(classifyRow(row(12, later), header(), KEY).kind).toBe('data');
    const unnumbered: CellValue[] = ['', 'HS007', 'Nguyễn Văn A', '05/09/2018', 'Nam', ''];
    expect(classifyRow(row(12, unnumbered), header(), KEY).kind).toBe('data');
  });

  it('words that only resemble a marker are data: Mẫu giáo, Mẫu alone in a later cell, Vũ Đức', () => {
    const rows: CellValue[][] = [
      ['Mẫu giáo lớn', 'HS001', 'Vũ Đức Anh', '05/09/2018', 'Nam', ''],
      [2, 'HS002', 'Mẫu', '05/09/2018', 'Nam', ''],
      [3, 'HS003', 'Đỗ Hà', '05/09/2018', 'Nữ', 'Vd'.repeat(10)],
    ];
    for (const cells of rows) {
      expect(classifyRow(row(12, cells), header(), KEY).kind).toBe('data');
    }
  });

  it('real first rows with generated names and numbers are never examples', () => {
    const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Vũ', 'Đặng'];
    const GIVEN = ['An', 'Bình', 'A', 'B', 'Dung', 'Hà'];
    fc.assert(
      fc.property(
        fc.constantFrom(...FAMILY),
        fc.constantFrom('Văn', 'Thị'),
        fc.constantFrom(...GIVEN),
        fc.integer({ min: 1, max: 500 }),
        fc.stringMatching(/^HS\d{4}$/),
        (family, middle, given, n, code) => {
          const cells: CellValue[] = [
            n,
            code,
            `${family} ${middle} ${given}`,
            '05/09/2018',
            'Nam',
            '',
          ];
          expect(classifyRow(row(6, cells), header(), { ...KEY, firstData: true }).kind).toBe(
            'data',
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('example rows: hostile cells', () => {
  it('an oversized first cell is looked at once, a __proto__ cell is data', () => {
    const huge = `VD: ${'x'.repeat(32_000)}`;
    expect(classifyRow(row(12, [huge, 'HS000']), header(), KEY).kind).toBe('example');
    expect(
      classifyRow(row(12, ['v'.repeat(32_000), 'HS000', '__proto__']), header(), {
        ...KEY,
        firstData: true,
      }).kind,
    ).toBe('data');
    const reason = classifyRow(row(12, [huge, 'HS000']), header(), KEY).reason;
    expect(reason.length).toBeLessThan(80);
    const padded = classifyRow(row(12, [`${'('.repeat(32_000)}VD`, 'HS000']), header(), KEY);
    expect(padded.kind).toBe('example');
    expect(padded.reason.length).toBeLessThan(80);
  });
});

describe('blank numbered rows', () => {
  it('a row holding only its number in the STT column is a numbered blank line', () => {
    for (const n of [1, 2, '3', '12.']) {
      expect(classifyRow(row(20, [n]), header(), KEY)).toEqual({
        kind: 'numbered-blank',
        reason: 'only the row number is filled (in A): a numbered line left blank',
      });
    }
  });

  it('a number elsewhere, a number with a value, or a number in a key column is not', () => {
    expect(classifyRow(row(20, [1, 'HS001']), header(), KEY).kind).toBe('data');
    expect(classifyRow(row(20, [undefined, 5]), header(), KEY).kind).toBe('data');
    expect(classifyRow(row(20, [1]), header(), { keyColumns: [0] }).kind).toBe('data');
    expect(classifyRow(row(20, [0]), header(), KEY).kind).toBe('data');
    expect(classifyRow(row(20, [1.5]), header(), KEY).kind).toBe('data');
    expect(classifyRow(row(20, [{ value: 45000, date: '2023-03-15' }]), header(), KEY).kind).toBe(
      'data',
    );
  });
});

describe('captions', () => {
  it('a one-character mark is not a caption; in a one-column table a lone text is data', () => {
    expect(
      classifyRow(row(20, [undefined, undefined, undefined, undefined, 'x']), header()).kind,
    ).toBe('data');
    const single = findHeader(
      [row(1, ['Họ và tên']), row(2, ['Trần Thị Bình'])],
      [{ label: 'Họ và tên' }],
    );
    if (single === undefined) throw new Error('no header');
    expect(classifyRow(row(2, ['Trần Thị Bình']), single).kind).toBe('data');
  });
});
