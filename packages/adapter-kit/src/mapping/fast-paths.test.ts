import { normalizeText } from '@eduvn/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, hasValue } from '../layout/cell-text.ts';
import { classifyRow } from '../layout/classify-row.ts';
import { cleanText } from '../layout/clean-text.ts';
import { findHeader } from '../layout/find-header.ts';
import { row } from '../layout/rows.test-helper.ts';
import type { HeaderMatch } from '../layout/types.ts';
import type { Cell, Row } from '../workbook/types.ts';
import { bindMapping } from './bind-mapping.ts';
import { type ColumnOptions, column } from './column.ts';
import { convertCell } from './convert-cell.ts';
import { defineMapping } from './define-mapping.ts';
import { mapRow, mapRowSharingColumns } from './map-row.ts';
import {
  refCellText,
  refClassifyRow,
  refConvertCell,
  refHasValue,
  refMapRow,
} from './reference.test-helper.ts';
import type { ValueKind } from './value-kind.ts';

// The speed work on readWith added fast paths to cell text, the converters, classifyRow and
// mapRow. These properties check them against the code as it was (reference.test-helper.ts) on
// generated and hostile cells: the same text, the same results and problems, the same records.

/** Characters that exercise every fast path and its way out. */
const CHARS = [
  ...'aAzZ09 -./,\'"()eE_x',
  ...'ăâđêôơưĂÂĐÊÔƠƯạẠếẾỹỸàÀ',
  ...'ßÿ×÷²½¾ª',
  '\u0300', // combining grave (NFD)
  '\u0323', // combining dot below
  '\u00A0', // NBSP
  '\u00AD', // soft hyphen
  '\u200B', // zero-width space
  '\t',
  '\n',
  '\u0007', // a control character
  '\u2028',
  '٣', // an Arabic-Indic digit (a number, not ASCII)
  'Ⅻ', // a Roman numeral (a number)
  '😀',
];

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 16 }),
  fc.constantFrom(
    '',
    ' ',
    'Nam',
    'Nữ',
    'NỮ',
    'Nu\u0303',
    'x',
    'X',
    ' x ',
    'có',
    'Nguyễn Văn An',
    'NGUYỄN VĂN AN',
    'nguyễn văn an',
    'Nguye\u0303\u0302n Văn An',
    'Đỗ Thị Ánh',
    'Lê 2',
    '29/11/2019',
    '31/02/2019',
    '29/02/2020',
    '29/02/1900',
    '01/01/1899',
    '31/12/2100',
    '01/01/2101',
    '1/1/2019',
    '29-11-2019',
    '2019-11-29',
    '44096',
    '0123',
    "'0123",
    '12.0',
    '1.17554E+12',
    '5A',
    '079217001234',
    '7,5',
    '1.234',
    '1E5',
    '12e3',
    'E5',
    '\u00AD',
    '\u00AD\u200B ',
    '\u00A0',
    '10',
  ),
);

const number = fc.oneof(
  fc.integer({ min: -5, max: 80_000 }),
  fc.constantFrom(0, -0, 60, 9_999, 10_000, 44_096, 44_096.75, 73_415, 73_416, 71_953, 71_954),
  fc.constantFrom(1.5, 2 ** 53, 1e15, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
);

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      value: fc.oneof(text, text, number, fc.boolean(), fc.constant(null)),
      font: fc.constantFrom('Calibri', '.VnTime', '.VnTimeH', 'VNI-Times', ' Arial '),
      date: fc.constantFrom('2020-09-22', '1900-03-01'),
      truncated: fc.constant(true as const),
      invalidText: fc.constant(true as const),
    },
    { requiredKeys: ['value'] },
  ),
);

const optionsOf: Record<ValueKind, fc.Arbitrary<ColumnOptions>> = {
  text: fc.constant({}),
  name: fc.record({ format: fc.boolean(), hideValue: fc.boolean() }, { requiredKeys: [] }),
  code: fc.record(
    { pad: fc.constantFrom(2, 5, 12), hideValue: fc.boolean() },
    { requiredKeys: [] },
  ),
  date: fc.record(
    { dateSystem: fc.constantFrom('1900' as const, '1904' as const), hideValue: fc.boolean() },
    { requiredKeys: [] },
  ),
  sex: fc.record({ hideValue: fc.boolean() }, { requiredKeys: [] }),
  subjectLevel: fc.constant({}),
  traitLevel: fc.constant({}),
  flag: fc.record(
    { blank: fc.constantFrom('false' as const, 'absent' as const) },
    { requiredKeys: [] },
  ),
  integer: fc.record({ hideValue: fc.boolean() }, { requiredKeys: [] }),
  decimal: fc.constant({}),
  boolean: fc.constant({}),
};

const RUNS = { numRuns: 3000 };

describe('fast paths give what the code gave before them', () => {
  it('cleans text as normalizeText does', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(cleanText(s)).toBe(normalizeText(s));
      }),
      RUNS,
    );
  });

  it('reads cell text and values as before', () => {
    fc.assert(
      fc.property(cell, (c) => {
        expect(cellText(c)).toBe(refCellText(c));
        expect(hasValue(c)).toBe(refHasValue(c));
      }),
      RUNS,
    );
  });

  for (const kind of [
    'code',
    'text',
    'name',
    'date',
    'sex',
    'integer',
    'decimal',
    'flag',
  ] as const) {
    it(`converts '${kind}' cells as before (values, warnings, problems)`, () => {
      fc.assert(
        fc.property(cell, optionsOf[kind], (c, options) => {
          expect(convertCell(kind, c, options)).toEqual(refConvertCell(kind, c, options));
        }),
        RUNS,
      );
    });
  }

  it('converts a date written the same way to the same string, every time', () => {
    expect(convertCell('date', { value: '29/11/2019' })).toEqual({ ok: true, value: '2019-11-29' });
    expect(convertCell('date', { value: '29/11/2019', font: 'Calibri' })).toEqual({
      ok: true,
      value: '2019-11-29',
    });
    expect(convertCell('date', { value: 44_096 }, { dateSystem: '1904' })).toEqual({
      ok: true,
      value: '2024-09-23',
    });
  });
});

// A header like the national database's pupil export, with a key column and a sensitive one.
const HEADER_TEXTS = [
  'STT',
  'Mã học sinh',
  'Họ tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số định danh cá nhân',
  'Năm sinh mẹ',
  'Học 2 buổi',
  'Đang học',
  '(*)',
  '10',
];

function headerOf(texts: readonly string[]): HeaderMatch {
  const found = findHeader([row(3, texts)], [{ label: 'Mã học sinh' }, { label: 'Họ tên' }], {
    minScore: 1,
  });
  if (found === undefined) throw new Error('no header');
  return found;
}

const HEADER = headerOf(HEADER_TEXTS);

/** Rows below the header: generated cells, the header again (varied), numbering, captions. */
const rowBelow: fc.Arbitrary<Row> = fc
  .tuple(
    fc.integer({ min: 4, max: 5000 }),
    fc.oneof(
      fc.array(cell, { maxLength: 12 }),
      fc.array(
        fc.oneof(
          fc.constantFrom(...HEADER_TEXTS).map((t) => ({ value: t.toUpperCase() }) as Cell),
          fc.constantFrom(...HEADER_TEXTS).map((t) => ({ value: t.normalize('NFD') }) as Cell),
          cell,
        ),
        { maxLength: 12 },
      ),
      // The header again, column by column, with some cells changed or left out.
      fc
        .array(
          fc.oneof(
            fc.constant((t: string) => t.toUpperCase()),
            fc.constant((t: string) => t.normalize('NFD')),
            fc.constant((t: string) => ` ${t} `),
            fc.constant((t: string) => (/^\d+$/.test(t) ? Number(t) : t)),
            fc.constant(undefined),
          ),
          { minLength: HEADER_TEXTS.length, maxLength: HEADER_TEXTS.length },
        )
        .chain((variants) =>
          fc
            .array(fc.oneof(fc.constant(undefined), cell), {
              minLength: variants.length,
              maxLength: variants.length,
            })
            .map((others) =>
              variants.map((vary, i) =>
                vary === undefined ? others[i] : ({ value: vary(HEADER_TEXTS[i] ?? '') } as Cell),
              ),
            ),
        ),
      fc
        .integer({ min: 0, max: 8 })
        .map((from) => Array.from({ length: 6 }, (_, i) => ({ value: from + i }) as Cell)),
      fc.tuple(fc.nat(6), text).map(([at, t]) => {
        const cells: (Cell | undefined)[] = Array.from({ length: at });
        cells.push({ value: t }, { value: t });
        return cells;
      }),
    ),
  )
  .map(([n, cells]) => ({ row: n, cells }));

describe('classifyRow gives what it gave before', () => {
  it('counts a header text that starts with Đ as repeated', () => {
    const r = row(9, [
      undefined,
      'MÃ HỌC SINH',
      'x',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'ĐANG HỌC',
    ]);
    expect(classifyRow(r, HEADER).kind).toBe('repeated-header');
    expect(classifyRow(r, HEADER)).toEqual(refClassifyRow(r, HEADER));
  });

  it('on generated rows, with and without key columns', () => {
    fc.assert(
      fc.property(rowBelow, fc.constantFrom([], [1], [1, 2], [9]), (r, keyColumns) => {
        const now = classifyRow(r, HEADER, { keyColumns });
        const before = refClassifyRow(r, HEADER, { keyColumns });
        // Rules added since (issue 13) take rows the reference called data or caption: a form's
        // example row, a numbered line left blank; a one-character mark is no longer a caption.
        if (now.kind === 'example' || now.kind === 'numbered-blank') {
          expect(['data', 'caption']).toContain(before.kind);
        } else if (before.kind === 'caption' && (before.caption ?? '').length <= 1) {
          expect(now.kind).toBe('data');
        } else {
          expect(now).toEqual(before);
        }
      }),
      RUNS,
    );
  });
});

const PUPILS = defineMapping({
  entity: 'HocSinh',
  columns: {
    hocSinhId: column('Mã học sinh', 'code', { required: true }),
    hoTen: column('Họ tên', 'name', { required: true }),
    ngaySinh: column('Ngày sinh', 'date'),
    maGioiTinh: column('Giới tính', 'sex'),
    danTocTheoGiayKhaiSinh: column('Dân tộc', 'text'),
    maCongDanId: column('Số định danh cá nhân', 'code', { pad: 12 }),
    namSinhMe: column('Năm sinh mẹ', 'integer'),
    isHoc2Buoi: column('Học 2 buổi', 'flag'),
    maLop: column('Lớp', 'code'),
  },
});

const WITH_HOOK = defineMapping({
  entity: 'HocSinh',
  columns: {
    hocSinhId: column('Mã học sinh', 'code', { required: true }),
    hoTen: column('Họ tên', 'name'),
  },
  extras: { sinh: column('Ngày sinh', 'date'), buoi: column('Học 2 buổi', 'flag') },
  transform: (record, _row, extras) => {
    if (extras['sinh'] === '2020-09-22') throw new Error('planted failure 079217001234');
    return { ...record, ngaySinh: extras['sinh'], hoc2Buoi: extras['buoi'] };
  },
});

describe('mapRow gives what it gave before', () => {
  const bound = bindMapping(PUPILS, HEADER);
  const hooked = bindMapping(WITH_HOOK, HEADER);

  it('on generated rows (records, provenance, issues)', () => {
    fc.assert(
      fc.property(rowBelow, (r) => {
        const expected = refMapRow(bound, r);
        expect(mapRow(bound, r)).toEqual(expected);
        expect(mapRowSharingColumns(bound, r)).toEqual(expected);
        expect(Object.keys(mapRow(bound, r).record)).toEqual(Object.keys(expected.record));
      }),
      RUNS,
    );
  });

  it('with extras and a transform hook that sometimes fails', () => {
    fc.assert(
      fc.property(rowBelow, (r) => {
        expect(mapRow(hooked, r)).toEqual(refMapRow(hooked, r));
      }),
      RUNS,
    );
  });

  it('with more columns than record templates cover, and more shapes than are kept', () => {
    const texts = Array.from({ length: 40 }, (_, i) => `Cột ${i + 1}`);
    const header = headerOf(['Mã học sinh', 'Họ tên', ...texts]);
    const wide = bindMapping(
      defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column('Mã học sinh', 'code'),
          hoTen: column('Họ tên', 'name'),
        },
        extras: Object.fromEntries(texts.map((t, i) => [`c${i}`, column(t, 'text')])),
      }),
      header,
    );
    const narrow = bindMapping(
      defineMapping({
        entity: 'HocSinh',
        columns: Object.fromEntries(
          [
            'hocSinhId',
            'hoTen',
            'tenCha',
            'tenMe',
            'noiSinh',
            'ngheNghiepCha',
            'ngheNghiepMe',
            'dienThoaiLienHe',
          ].map((field, i) => [
            field,
            column(i < 2 ? (i === 0 ? 'Mã học sinh' : 'Họ tên') : (texts[i] ?? ''), 'text'),
          ]),
        ),
      }),
      header,
    );
    // 2^8 combinations of blank and filled cells: more record shapes than are kept.
    for (let mask = 0; mask < 256; mask++) {
      const cells = Array.from({ length: 42 }, (_, i) =>
        (mask >> (i % 8)) & 1 ? { value: `v${i}` } : undefined,
      );
      const r = { row: 10 + mask, cells };
      expect(mapRow(wide, r)).toEqual(refMapRow(wide, r));
      expect(mapRow(narrow, r)).toEqual(refMapRow(narrow, r));
      expect(Object.keys(mapRow(narrow, r).record)).toEqual(
        Object.keys(refMapRow(narrow, r).record),
      );
    }
  });

  it('shares one frozen columns object among records of a shape, for read-only provenance', () => {
    const r = row(4, [1, 'HS1', 'Nguyễn Văn An']);
    const a = mapRowSharingColumns(bound, r);
    const b = mapRowSharingColumns(bound, { ...r, row: 5 });
    expect(a.columns).toBe(b.columns);
    expect(Object.isFrozen(a.columns)).toBe(true);
    expect(mapRow(bound, r).columns).not.toBe(mapRow(bound, r).columns);
  });

  it('shares one frozen empty issues array among rows without issues; mapRow gives its own', () => {
    const r = row(4, [1, 'HS1', 'Nguyễn Văn An']);
    const a = mapRowSharingColumns(bound, r);
    const b = mapRowSharingColumns(bound, { ...r, row: 5 });
    expect(a.issues).toEqual([]);
    expect(a.issues).toBe(b.issues);
    expect(Object.isFrozen(a.issues)).toBe(true);
    const own = mapRow(bound, r).issues as unknown[];
    expect(own).toEqual([]);
    expect(Object.isFrozen(own)).toBe(false);
    expect(own).not.toBe(mapRow(bound, r).issues);
    // A row with an issue gets an array of its own, in either.
    const bad = row(6, [1, '', 'Nguyễn Văn An']);
    const shared = mapRowSharingColumns(bound, bad);
    expect(shared.issues.length).toBeGreaterThan(0);
    expect(Object.isFrozen(shared.issues)).toBe(false);
    expect(mapRowSharingColumns(bound, bad).issues).not.toBe(shared.issues);
  });
});
