import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { openXlsx } from './workbook.ts';
import { writeXlsx } from './writer.ts';
import { cellStyles, partText, readRows, stylesOf, values } from './xlsx.test-helper.ts';

describe('writeXlsx', () => {
  it('neutralizes formula injection with a quotePrefix style, keeping the text', async () => {
    const risky = [
      '=1+1',
      '+84912345678',
      '-5',
      '@SUM(A1:A2)',
      '\t=cmd',
      '\r=cmd',
      '=HYPERLINK("http://x","y")',
    ];
    const bytes = writeXlsx([
      { name: 'S', rows: [risky, [{ text: '=forced' }, 'safe', { text: '0012' }, -5]] },
    ]);
    const sheet = partText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[ >]/);
    const rows = await readRows(await openXlsx(bytes));
    expect(values(rows)).toEqual([risky, ['=forced', 'safe', '0012', -5]]);
    expect(rows[0]?.cells.every((c) => c?.formula === undefined)).toBe(true);

    const styles = stylesOf(bytes);
    const s = cellStyles(bytes, 'xl/worksheets/sheet1.xml');
    for (let column = 0; column < risky.length; column++) {
      expect(styles.quotePrefix[s.get(`1:${column}`) ?? 0], `cell ${column}`).toBe(1);
    }
    expect(styles.quotePrefix[s.get('2:0') ?? 0]).toBe(1);
    expect(styles.numFmtId[s.get('2:0') ?? 0]).toBe(49);
    expect(s.get('2:1')).toBe(0);
    expect(styles.quotePrefix[s.get('2:2') ?? 0]).toBe(0);
    expect(styles.numFmtId[s.get('2:2') ?? 0]).toBe(49);
    expect(s.get('2:3')).toBe(0);

    // Another program sees text, not formulas.
    const sheetJs = XLSX.read(bytes, { type: 'array' }).Sheets['S'] as XLSX.WorkSheet;
    expect(sheetJs['A1']).toMatchObject({ t: 's', v: '=1+1' });
    expect(sheetJs['A1']?.f).toBeUndefined();
  });

  it('writes columns, hidden sheets, a dimension, and rows from any iterable', async () => {
    function* rows(): Generator<(string | number | null)[]> {
      yield ['STT', 'Họ tên', null, 'ID nội bộ'];
      yield [];
      yield [1, 'An', null, 'x-1'];
    }
    const bytes = writeXlsx([
      {
        name: 'Sheet1',
        rows: rows(),
        columns: [{ width: 6 }, { width: 30 }, undefined, { hidden: true }],
      },
      { name: 'DAN_TOC', rows: [['Kinh']], state: 'hidden' },
    ]);
    const sheet = partText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<dimension ref="A1:D3"/>');
    expect(sheet).toContain(
      '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="30" customWidth="1"/><col min="4" max="4" hidden="1"/></cols>',
    );
    const workbook = await openXlsx(bytes);
    expect(workbook.sheets.map((s) => s.state)).toEqual(['visible', 'hidden']);
    expect((await readRows(workbook)).map((r) => r.row)).toEqual([1, 3]);
    const sheetJs = XLSX.read(bytes, { type: 'array', cellStyles: true }).Sheets[
      'Sheet1'
    ] as XLSX.WorkSheet;
    expect(sheetJs['!cols']?.[3]?.hidden).toBe(true);
  });

  it('writes the same bytes for the same input', () => {
    const input = [{ name: 'S', rows: [['a', 1, { date: '2020-01-01' }]] }];
    expect(Buffer.from(writeXlsx(input)).equals(writeXlsx(input))).toBe(true);
  });

  it('refuses what Excel could not open', () => {
    expect(() => writeXlsx([])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: 'a/b', rows: [] }])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: 'x'.repeat(32), rows: [] }])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: "'q", rows: [] }])).toThrow(RangeError);
    expect(() =>
      writeXlsx([
        { name: 'Sheet', rows: [] },
        { name: 'SHEET', rows: [] },
      ]),
    ).toThrow(/twice/);
    expect(() => writeXlsx([{ name: 'S', rows: [], state: 'hidden' }])).toThrow(/visible/);
    expect(() => writeXlsx([{ name: 'S', rows: [[Number.NaN]] }])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: 'S', rows: [['x'.repeat(32_768)]] }])).toThrow(/32767/);
    expect(() => writeXlsx([{ name: 'S', rows: [[{ date: '2020-02-30' }]] }])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: 'S', rows: [[{ nope: 1 } as never]] }])).toThrow(RangeError);
    expect(() => writeXlsx([{ name: 'S', rows: [], columns: [{ width: -1 }] }])).toThrow(
      RangeError,
    );
  });
});
