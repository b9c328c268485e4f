import { describe, expect, it } from 'vitest';
import { column } from '../mapping/column.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';
import { defineAdapter } from './define.ts';
import { detectAdapter } from './detect.ts';
import { readAll } from './read.ts';

const pupils = defineAdapter({
  id: 'test-pupils',
  label: 'Test pupil list',
  version: '1',
  basis: 'a layout made for this test',
  formats: ['xlsx', 'csv'],
  entities: [
    {
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
          hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
          ngaySinh: column('Ngày sinh', 'date'),
          maGioiTinh: column('Giới tính', 'sex'),
          maLop: column('Lớp', 'code'),
        },
      }),
      sheetValues: (sheet) => ({ truongId: sheet.name === 'Trường A' ? '79000001' : '79000002' }),
    },
  ],
});

// Generated people only.
const TITLE = ['PHÒNG GD&ĐT', '', '', 'DANH SÁCH HỌC SINH'];
const HEADER = ['STT', 'Mã HS', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp'];
const file = writeXlsx([
  {
    name: 'Trường A',
    rows: [
      [TITLE[0] ?? ''],
      [],
      [TITLE[3] ?? ''],
      [],
      [],
      [],
      [],
      [],
      HEADER, // row 9
      ['Lớp 1A'],
      [1, 'HS001', 'Nguyễn Văn An', '05/09/2018', 'Nam', '1A'],
      [2, 'HS002', 'Trần Thị Bình', { date: '2018-03-01' }, 'nữ', '1A'],
      [],
      HEADER, // repeated per class
      ['Lớp 1B'],
      [3, 'HS003', 'Lê Văn Cường', '31/02/2018', 'M', '1B'],
    ],
  },
]);

describe('readWith / readAll', () => {
  it('finds the header on row 9 and reads every row into a record or a skip, with provenance', async () => {
    const result = await readAll(pupils, file, { file: 'lop1.xlsx' });
    expect(
      result.records.map((r) => [r.provenance.row, r.record['hocSinhId'], r.record['maGioiTinh']]),
    ).toEqual([
      [11, 'HS001', '1'],
      [12, 'HS002', '2'],
      [16, 'HS003', '1'],
    ]);
    expect(result.records[0]?.record).toMatchObject({
      truongId: '79000001',
      ngaySinh: '2018-09-05',
      hoTen: 'Nguyễn Văn An',
    });
    expect(result.records[1]?.record['ngaySinh']).toBe('2018-03-01');
    expect(result.records[0]?.provenance).toEqual({
      file: 'lop1.xlsx',
      sheet: 'Trường A',
      row: 11,
      columns: { hocSinhId: 'B', hoTen: 'C', ngaySinh: 'D', maGioiTinh: 'E', maLop: 'F' },
    });
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1, 'title'],
      [3, 'title'],
      [10, 'caption'],
      [14, 'repeated-header'],
      [15, 'caption'],
    ]);
    // A caption keeps its text, so that a caller can follow the class of the rows below it.
    expect(result.skipped.filter((s) => s.caption !== undefined).map((s) => s.caption)).toEqual([
      'Lớp 1A',
      'Lớp 1B',
    ]);
  });

  it('turns bad values into issues on the record, never a crash or a drop', async () => {
    const result = await readAll(pupils, file, { file: 'lop1.xlsx' });
    const third = result.records[2];
    expect(third?.record['ngaySinh']).toBeUndefined();
    expect(third?.issues.map((i) => [i.field, i.severity])).toEqual(
      expect.arrayContaining([
        ['ngaySinh', 'error'],
        ['maGioiTinh', 'warning'],
      ]),
    );
  });

  it('reports a file with no matching sheet', async () => {
    const other = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['a', 'b', 'c'],
          [1, 2, 3],
        ],
      },
    ]);
    const result = await readAll(pupils, other);
    expect(result.records).toEqual([]);
    expect(result.issues.map((i) => i.problem)).toEqual([
      expect.stringMatching(/No sheet of this file looks like/),
    ]);
  });

  it('reports a sheet that lacks a required column', async () => {
    const partial = writeXlsx([
      {
        name: 'S',
        rows: [
          ['Mã HS', 'Ngày sinh', 'Giới tính', 'Lớp'],
          ['HS1', '01/01/2018', 'Nam', '1A'],
        ],
      },
    ]);
    const result = await readAll(pupils, partial);
    expect(result.issues.map((i) => [i.severity, i.problem])).toContainEqual([
      'error',
      'Sheet "S" lacks the required column(s) hoTen: its rows cannot be read',
    ]);
    expect(result.records).toEqual([]);
  });

  it('reads a sheet that lacks only optional columns, with a warning naming them', async () => {
    const partial = writeXlsx([
      {
        name: 'S',
        rows: [
          ['Mã HS', 'Họ và tên', 'Lớp'],
          ['HS1', 'Nguyễn Văn An', '1A'],
        ],
      },
    ]);
    const result = await readAll(pupils, partial);
    expect(result.records.map((r) => r.record)).toEqual([
      { truongId: '79000002', hocSinhId: 'HS1', hoTen: 'Nguyễn Văn An', maLop: '1A' },
    ]);
    expect(result.issues.map((i) => [i.severity, i.problem])).toEqual([
      [
        'warning',
        'Sheet "S" has no column for ngaySinh, maGioiTinh: these stay empty in its records',
      ],
    ]);
  });
});

describe('an adapter that opens its own files', () => {
  it('readWith opens bytes with adapter.open, and a workbook as given', async () => {
    const opened: string[] = [];
    const own = defineAdapter({
      ...pupils,
      id: 'own-open',
      open: async (source, options) => {
        opened.push(options.file ?? '');
        const { openWorkbook } = await import('../workbook/open.ts');
        return openWorkbook(source, options);
      },
    });
    const result = await readAll(own, file, { file: 'a.xlsx' });
    expect(opened).toEqual(['a.xlsx']);
    expect(result.records).toHaveLength(3);
    expect(() => defineAdapter({ ...pupils, open: 'no' as never })).toThrow(
      /open must be a function/,
    );
  });
});

describe('detectAdapter', () => {
  it('ranks the adapter whose header fits', async () => {
    const other = defineAdapter({
      ...pupils,
      id: 'staff-only',
      entities: [
        {
          mapping: defineMapping({
            entity: 'CanBo',
            columns: {
              giaoVienId: column('Mã giáo viên', 'code'),
              hoTen: column('Họ tên', 'name'),
              email: column('Email', 'text'),
            },
          }),
        },
      ],
    });
    const ranked = await detectAdapter(file, [other, pupils]);
    expect(ranked.map((d) => d.adapter.id)).toEqual(['test-pupils', 'staff-only']);
    expect(ranked[0]?.confidence).toBeGreaterThan(0.9);
    expect(ranked[0]?.best?.header.firstRow).toBe(9);
  });

  it('prefers, of two adapters that find all their columns, the one that explains more of the file', async () => {
    const generic = defineAdapter({
      ...pupils,
      id: 'generic-names',
      entities: [
        {
          mapping: defineMapping({
            entity: 'HocSinh',
            columns: {
              hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
              hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
            },
          }),
          minScore: 2,
        },
      ],
    });
    for (const order of [
      [generic, pupils],
      [pupils, generic],
    ]) {
      const ranked = await detectAdapter(file, order);
      expect(ranked.map((d) => d.adapter.id)).toEqual(['test-pupils', 'generic-names']);
      expect(ranked[1]?.reasons[0]).toMatch(
        /100% of the HocSinh columns .* explaining 33% of its header/,
      );
    }
  });
});

describe('defineAdapter', () => {
  it('refuses incomplete definitions', () => {
    expect(() => defineAdapter({ ...pupils, id: 'Bad Id' })).toThrow(/lower-case/);
    expect(() => defineAdapter({ ...pupils, basis: ' ' })).toThrow(/basis/);
    expect(() => defineAdapter({ ...pupils, entities: [] })).toThrow(/no entities/);
  });
});

describe('every read within a budget (issue 15)', () => {
  /** A workbook that counts how often its sheets are read, around a real one. */
  async function counting(bytes: Uint8Array) {
    const { openWorkbook } = await import('../workbook/open.ts');
    const book = await openWorkbook(bytes);
    const counts = { rows: 0, merges: 0 };
    const spy = {
      format: book.format,
      file: book.file,
      sheets: book.sheets,
      rows: (sheet: string | number, options?: { until?: number }) => {
        counts.rows++;
        return book.rows(sheet, options);
      },
      merges: (sheet: string | number) => {
        counts.merges++;
        return book.merges(sheet);
      },
      close: () => book.close(),
    };
    return { spy, counts };
  }

  it('reads the start of each sheet (and its merged ranges) once for every adapter and entity', async () => {
    const paths = (id: string) =>
      defineAdapter({
        id,
        label: id,
        version: '1',
        basis: 'a layout made for this test',
        formats: ['xlsx'],
        entities: [
          {
            mapping: defineMapping({
              entity: 'HocSinh',
              columns: {
                hocSinhId: column(['Mã HS'], 'code', { required: true }),
                hoTen: column({ path: ['Thông tin', 'Họ và tên'] }, 'name'),
              },
            }),
          },
        ],
      });
    const { spy, counts } = await counting(file);
    await detectAdapter(spy, [paths('a'), paths('b'), paths('c'), pupils]);
    expect(counts).toEqual({ rows: 1, merges: 1 });
  });

  it('warns when a CSV file is read as Windows-1258, or as UTF-8 with invalid bytes', async () => {
    const csv = (...parts: (string | number[])[]): Uint8Array =>
      Uint8Array.from(
        parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
      );
    const legacy = await readAll(
      pupils,
      csv('M', [0xe3], ' HS,H', [0xf4, 0xf2], ' t', [0xea], 'n\nHS1,L', [0xea], '\n'),
      { file: 'hs.csv' },
    );
    expect(legacy.issues.map((i) => i.problem)).toContainEqual(
      expect.stringMatching(/not UTF-8: it was read as Windows-1258/),
    );
    const damaged = await readAll(
      pupils,
      csv('Mã HS,Họ và tên,Ngày sinh\nHS1,Nguyễn,\nHS2,L', [0xff], 'ê,\nHS3,Trần,\n'),
      { file: 'hs.csv' },
    );
    expect(damaged.issues.map((i) => [i.severity, i.file])).toContainEqual(['warning', 'hs.csv']);
    expect(damaged.records.map((r) => r.record['hoTen'])).toEqual(['Nguyễn', undefined, 'Trần']);
    expect(damaged.records[1]?.issues).toEqual([
      expect.objectContaining({ field: 'hoTen', column: 'B', severity: 'error' }),
    ]);
  });
});
