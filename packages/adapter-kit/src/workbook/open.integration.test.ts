import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from './open.ts';

/** openWorkbook with the real readers of every format (open.test.ts stubs the .xlsx one). */
describe('openWorkbook with the real readers', () => {
  const table = [
    ['Mã học sinh', 'Họ tên', 'Điểm'],
    ['0123', 'Nguyễn Văn An', 7.5],
  ];

  it('reads the same table from .xlsx, .xls and CSV', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(table), 'Sheet1');
    const xlsx = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    const xls = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
    const csv = new TextEncoder().encode('Mã học sinh,Họ tên,Điểm\r\n0123,Nguyễn Văn An,7.5\r\n');
    const results: Record<string, unknown> = {};
    for (const [name, data] of [
      ['hs.xlsx', xlsx],
      ['hs.xls', xls],
      ['hs.csv', csv],
    ] as const) {
      const book = await openWorkbook(data, { file: name });
      const rows: unknown[] = [];
      for await (const row of book.rows(0)) rows.push(row.cells.map((c) => c?.value));
      await book.close();
      results[book.format] = rows;
    }
    expect(results).toEqual({
      xlsx: table,
      xls: table,
      csv: [table[0], ['0123', 'Nguyễn Văn An', '7.5']],
    });
  });
});
