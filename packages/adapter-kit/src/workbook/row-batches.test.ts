import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../adapter/define.ts';
import { readAll } from '../adapter/read.ts';
import { column } from '../mapping/column.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import { openCsv } from './csv/index.ts';
import { rowBatches } from './row-batches.ts';
import type { Row, Workbook } from './types.ts';
import { openXlsx } from './xlsx/workbook.ts';
import { writeXlsx } from './xlsx/writer.ts';

// Generated pupils only. Long enough for the sheet to be read in many chunks and batches.
const ROWS = 6000;
const file = writeXlsx([
  {
    name: 'Sheet1',
    rows: (function* () {
      yield ['DANH SÁCH HỌC SINH'];
      yield [];
      yield ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính'];
      for (let i = 1; i <= ROWS; i++) {
        if (i % 1000 === 0) yield ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính'];
        if (i % 1500 === 0) yield [`Lớp ${i / 1500}A`];
        yield [
          i,
          { text: `79${String(i).padStart(10, '0')}` },
          i % 7 === 0 ? 'NGUYỄN VĂN AN' : 'Nguyễn Văn An',
          i % 10 === 0 ? 43_700 + i : `${String((i % 28) + 1).padStart(2, '0')}/09/2018`,
          i % 2 ? 'Nam' : 'Nữ',
        ];
      }
    })(),
  },
]);

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('rows in batches (ROW_BATCHES)', () => {
  it('gives .xlsx rows in batches, the same rows in the same order as rows()', async () => {
    const workbook = await openXlsx(file);
    try {
      const rows = await collect(workbook.rows(0));
      const batches = rowBatches(workbook, 0);
      expect(batches).toBeDefined();
      const batched = await collect(batches as AsyncIterable<readonly Row[]>);
      // A batch holds the rows of at most 64 KiB of the sheet's XML (about 300 bytes a row here),
      // however large the inflated chunks: a consumer keeps few rows alive at a time.
      expect(batched.length).toBeGreaterThan(20);
      expect(Math.max(...batched.map((b) => b.length))).toBeLessThanOrEqual(400);
      expect(batched.every((b) => b.length > 0)).toBe(true);
      expect(batched.flat()).toEqual(rows);
    } finally {
      await workbook.close();
    }
  });

  it('stops after the row given by until, in both forms', async () => {
    const workbook = await openXlsx(file);
    try {
      for (const until of [1, 2, 3, 4, 777, 5000]) {
        const rows = (await collect(workbook.rows(0, { until }))).map((r) => r.row);
        const batched = (
          await collect(rowBatches(workbook, 0, { until }) as AsyncIterable<readonly Row[]>)
        )
          .flat()
          .map((r) => r.row);
        expect(batched).toEqual(rows);
        expect(Math.max(...rows)).toBeLessThanOrEqual(until);
      }
    } finally {
      await workbook.close();
    }
  });

  it('is not offered by readers that do not batch (CSV): callers use rows()', async () => {
    const csv = await openCsv(new TextEncoder().encode('a,b\n1,2\n'));
    expect(rowBatches(csv, 0)).toBeUndefined();
    await csv.close();
  });

  it('lets readWith read a workbook in batches or row by row with the same result', async () => {
    const adapter = defineAdapter({
      id: 'test-batches',
      label: 'Test pupil list',
      version: '1',
      basis: 'a layout made for this test',
      formats: ['xlsx'],
      entities: [
        {
          mapping: defineMapping({
            entity: 'HocSinh',
            columns: {
              hocSinhId: column('Mã học sinh', 'code', { required: true }),
              hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
              ngaySinh: column('Ngày sinh', 'date'),
              maGioiTinh: column('Giới tính', 'sex'),
            },
          }),
        },
      ],
    });
    const batched = await openXlsx(file);
    const inner = await openXlsx(file);
    // The same workbook seen through the public interface only: no batches.
    const plain: Workbook = {
      format: inner.format,
      file: inner.file,
      sheets: inner.sheets,
      rows: (sheet, options) => inner.rows(sheet, options),
      merges: (sheet) => inner.merges(sheet),
      close: () => inner.close(),
    };
    expect(rowBatches(plain, 0)).toBeUndefined();
    try {
      const a = await readAll(adapter, batched);
      const b = await readAll(adapter, plain);
      expect(a).toEqual(b);
      expect(a.records).toHaveLength(ROWS);
      expect(a.skipped.map((s) => s.reason).sort()).toEqual([
        'caption',
        'caption',
        'caption',
        'caption',
        'repeated-header',
        'repeated-header',
        'repeated-header',
        'repeated-header',
        'repeated-header',
        'repeated-header',
        'title',
      ]);
      expect(a.records[9]?.record['ngaySinh']).toBe('2019-09-02'); // serial 43710
      expect(a.records[6]?.issues.map((i) => i.severity)).toEqual(['warning']);
    } finally {
      await batched.close();
      await inner.close();
    }
  });
});
