import { describe, expect, it } from 'vitest';
import { cellText } from '../layout/cell-text.ts';
import { openXls } from '../workbook/xls/index.ts';
import { writeLegacyXls } from './legacy-xls.ts';

async function texts(bytes: Uint8Array, sheet = 0) {
  const book = await openXls(bytes);
  const out: { raw: unknown[]; text: string[]; fonts: unknown[] }[] = [];
  for await (const row of book.rows(sheet)) {
    out.push({
      raw: row.cells.map((c) => c?.value),
      text: row.cells.map((c) => cellText(c)),
      fonts: row.cells.map((c) => c?.font),
    });
  }
  await book.close();
  return out;
}

describe('writeLegacyXls', () => {
  it('stores TCVN3 text under .VnTime, which the reader decodes by the font', async () => {
    const bytes = writeLegacyXls(
      [
        {
          name: 'Sheet1',
          rows: [
            ['Họ tên', 'Nơi sinh', 'Năm'],
            ['Nguyễn Thị Thuỷ', 'Hà Nội', 2017],
          ],
        },
        { name: 'DAN_TOC', rows: [['Kinh']], hidden: true },
      ],
      { font: '.VnTime' },
    );
    const [header, row] = await texts(bytes);
    expect(header?.text).toEqual(['Họ tên', 'Nơi sinh', 'Năm']);
    expect(header?.fonts[0]).not.toBe('.VnTime');
    expect(row?.fonts.slice(0, 2)).toEqual(['.VnTime', '.VnTime']);
    expect(row?.raw[1]).not.toBe('Hà Nội');
    expect(row?.text).toEqual(['Nguyễn Thị Thuỷ', 'Hà Nội', '2017']);
    const book = await openXls(bytes);
    expect(book.sheets.map((s) => s.state)).toEqual(['visible', 'hidden']);
    await book.close();
  });

  it('stores VNI text under VNI-Times, for the cells chosen', async () => {
    const bytes = writeLegacyXls([{ name: 'S', rows: [['Trường Tiểu học Lê Lợi', 'Lớp 1A']] }], {
      font: 'VNI-Times',
      cells: (_row, column) => column === 0,
    });
    const [row] = await texts(bytes);
    expect(row?.fonts[0]).toBe('VNI-Times');
    expect(row?.fonts[1]).not.toBe('VNI-Times');
    expect(row?.text).toEqual(['Trường Tiểu học Lê Lợi', 'Lớp 1A']);
  });

  it('writes sheets of any length (streams over 4 KiB)', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`Nguyễn Văn Học ${i + 1}`, i + 1]);
    const bytes = writeLegacyXls([{ name: 'S', rows: [['Họ tên', 'STT'], ...rows] }], {
      font: '.VnTime',
    });
    const read = await texts(bytes);
    expect(read).toHaveLength(401);
    expect(read[400]?.text).toEqual(['Nguyễn Văn Học 400', '400']);
    expect(read[400]?.fonts[0]).toBe('.VnTime');
  });
});
