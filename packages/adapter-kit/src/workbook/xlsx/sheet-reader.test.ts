import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdapterError, resolveLimits } from '../../errors.ts';
import type { Row } from '../types.ts';
import { NO_SHARED_STRINGS, type SharedStrings, sharedStringsOf } from './shared-strings.ts';
import { SHEET_NAMES, SheetHandler, type SheetReadSetup } from './sheet-reader.ts';
import { NO_STYLES, STYLES_NAMES, type Styles, StylesHandler } from './styles.ts';
import { sheetXml } from './xlsx.test-helper.ts';
import { type XmlPiece, XmlScanner } from './xml-scanner.ts';
import { decodeXml } from './xml-stream.ts';
import { XmlSyntaxError } from './xml-text.ts';

function stylesOf(xml: string): Styles {
  const handler = new StylesHandler();
  const scanner = new XmlScanner(STYLES_NAMES, handler);
  scanner.write(xml);
  scanner.end();
  return handler.result();
}

const STYLES = stylesOf(
  '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
    '<fonts count="2"><font><name val="Calibri"/></font><font><b/><name val=".VnTime"/></font></fonts>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/><xf numFmtId="0" fontId="1"/><xf numFmtId="164" fontId="1"/></cellXfs></styleSheet>',
);

function setup(overrides: Partial<SheetReadSetup> = {}): SheetReadSetup {
  return {
    sharedStrings: NO_SHARED_STRINGS,
    styles: NO_STYLES,
    dateSystem: '1900',
    limits: resolveLimits(),
    context: { file: 'test.xlsx' },
    ...overrides,
  };
}

function rowsOf(chunks: readonly XmlPiece[], options: Partial<SheetReadSetup> = {}): Row[] {
  const handler = new SheetHandler(setup(options));
  const scanner = new XmlScanner(SHEET_NAMES, handler);
  const rows: Row[] = [];
  for (const chunk of chunks) {
    scanner.write(chunk);
    rows.push(...handler.queue);
    handler.queue = [];
  }
  scanner.end();
  rows.push(...handler.queue);
  return rows;
}

const strings: SharedStrings = sharedStringsOf(['Họ tên', 'Nguyễn Văn An'], new Set());

describe('SheetHandler', () => {
  it('reads every cell type', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Inline _x000D_ &amp;</t></is></c>' +
        '<c r="C1" t="str"><f>A1&amp;"x"</f><v>Họ tênx</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>' +
        '<c r="F1" t="e"><v>#N/A</v></c><c r="G1"><v>-1.5E-3</v></c><c r="H1" t="n"><v>42</v></c>' +
        '<c r="I1" t="d"><v>2020-09-22T00:00:00</v></c><c r="J1" s="1"><v>44096</v></c><c r="K1" s="3"><v>44096.75</v></c>' +
        '<c r="L1" s="2" t="s"><v>1</v></c></row>',
    );
    const [row] = rowsOf([xml], { sharedStrings: strings, styles: STYLES });
    expect(row?.row).toBe(1);
    expect(row?.cells).toEqual(
      [
        { value: 'Họ tên' },
        { value: 'Inline \r &' },
        { value: 'Họ tênx', formula: 'A1&"x"' },
        { value: true },
        { value: false },
        { value: null },
        { value: -0.0015 },
        { value: 42 },
        { value: '2020-09-22T00:00:00', date: '2020-09-22' },
        { value: 44096, date: '2020-09-22' },
        { value: 44096.75, date: '2020-09-22', font: '.VnTime' },
        { value: 'Nguyễn Văn An', font: '.VnTime' },
      ].map((cell, i) => (i === 10 || i === 11 ? cell : { ...cell, font: 'Calibri' })),
    );
  });

  it('numbers rows and cells without r attributes sequentially, and keeps gaps', () => {
    const xml = sheetXml(
      '<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>',
    );
    const rows = rowsOf([xml]);
    expect(rows.map((r) => r.row)).toEqual([1, 5, 6]);
    expect(rows[1]?.cells).toEqual([undefined, undefined, { value: 3 }, { value: 4 }]);
    expect(rows[1]?.cells.length).toBe(4);
  });

  it('leaves out style-only cells and rows without cells (phantom formatted rows)', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" s="1"/><c r="B1"><v>7</v></c></row><row r="2" s="1" customFormat="1"/><row r="3"><c r="A3" s="2"/></row>',
    );
    expect(rowsOf([xml], { styles: STYLES }).map((r) => [r.row, r.cells.length])).toEqual([[1, 2]]);
  });

  it('keeps time-only and out-of-range date serials as numbers without a date', () => {
    const xml = sheetXml(
      '<row><c s="1"><v>0.5</v></c><c s="1"><v>-3</v></c><c s="1"><v>60</v></c><c s="1"><v>61</v></c></row>',
    );
    expect(rowsOf([xml], { styles: STYLES })[0]?.cells.map((c) => c?.date)).toEqual([
      undefined,
      undefined,
      undefined,
      '1900-03-01',
    ]);
  });

  it('reads dates in the 1904 date system', () => {
    const xml = sheetXml('<row><c s="1"><v>42634</v></c></row>');
    expect(rowsOf([xml], { styles: STYLES, dateSystem: '1904' })[0]?.cells[0]?.date).toBe(
      '2020-09-22',
    );
  });

  it('skips phonetic runs of inline strings and reads namespace-prefixed sheets', () => {
    const xml =
      '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Lê </x:t></x:r><x:r><x:t>Thị</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    expect(rowsOf([xml])).toEqual([{ row: 2, cells: [undefined, { value: 'Lê Thị' }] }]);
  });

  it('cuts text longer than maxCellLength and marks it', () => {
    const xml = sheetXml(`<row><c t="inlineStr"><is><t>${'a'.repeat(50)}</t></is></c></row>`);
    const limits = resolveLimits({ maxCellLength: 10 });
    expect(rowsOf([xml], { limits })[0]?.cells[0]).toEqual({
      value: 'a'.repeat(10),
      truncated: true,
    });
    const cut: SharedStrings = sharedStringsOf(['b'.repeat(10)], new Set([0]));
    expect(
      rowsOf([sheetXml('<row><c t="s"><v>0</v></c></row>')], { limits, sharedStrings: cut })[0]
        ?.cells[0],
    ).toEqual({
      value: 'b'.repeat(10),
      truncated: true,
    });
  });

  it('cuts formulas and date values at maxCellLength too, and marks the cell', () => {
    const limits = resolveLimits({ maxCellLength: 10 });
    const formula = `CONCAT("${'x'.repeat(40)}")`;
    const xml = sheetXml(
      `<row><c t="str"><f>${formula}</f><v>ab</v></c><c t="d"><v>2020-09-22T00:00:00.000000</v></c><c t="d"><v>2020-09-22</v></c></row>`,
    );
    const [row] = rowsOf([xml], { limits });
    expect(row?.cells).toEqual([
      { value: 'ab', formula: formula.slice(0, 10), truncated: true },
      { value: '2020-09-22', date: '2020-09-22', truncated: true },
      { value: '2020-09-22', date: '2020-09-22' },
    ]);
  });

  it('refuses a row holding more text than maxRowLength, shared strings included', () => {
    const limits = resolveLimits({ maxRowLength: 25 });
    const inline = (n: number): string => `<c t="inlineStr"><is><t>${'a'.repeat(n)}</t></is></c>`;
    expect(rowsOf([sheetXml(`<row>${inline(10)}${inline(10)}</row>`)], { limits })).toHaveLength(1);
    const thrown = (xml: string, options: Partial<SheetReadSetup> = {}): unknown => {
      try {
        rowsOf([xml], { limits, place: 'The sheet "S" (xl/worksheets/sheet1.xml)', ...options });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const wide = thrown(sheetXml(`<row r="3">${inline(10)}${inline(10)}${inline(10)}</row>`));
    expect(wide).toBeInstanceOf(AdapterError);
    expect((wide as AdapterError).limit).toEqual({
      name: 'maxRowLength',
      max: 25,
      found: 30,
      place: 'The sheet "S" (xl/worksheets/sheet1.xml)',
    });
    expect((wide as AdapterError).message).toContain('the text of row 3 (30)');
    // A reference to a long shared string counts as the text it stands for.
    const shared: SharedStrings = sharedStringsOf(['b'.repeat(20)], new Set());
    const refs = thrown(sheetXml('<row><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row>'), {
      sharedStrings: shared,
    });
    expect((refs as AdapterError).limit?.name).toBe('maxRowLength');
  });

  it('gives the same rows whatever the byte chunking', async () => {
    const xml = sheetXml(
      '<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> Đặng Thị Thuỷ &amp; _x000D_ </t></is></c>' +
        '<c r="B1" s="1"><v>44096</v></c><c r="C1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="AA2" t="b"><v>1</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
    );
    const bytes = new TextEncoder().encode(xml);
    const options = { sharedStrings: strings, styles: STYLES };
    const whole = rowsOf([xml], options);
    expect(whole).toHaveLength(2);
    const read = async (points: readonly number[]): Promise<Row[]> => {
      async function* chunks(): AsyncGenerator<Uint8Array> {
        let from = 0;
        for (const p of [...points, bytes.length]) {
          yield bytes.subarray(from, p);
          from = p;
        }
      }
      const pieces: XmlPiece[] = [];
      for await (const piece of decodeXml(chunks())) pieces.push(piece);
      return rowsOf(pieces, options);
    };
    for (let i = 1; i < bytes.length; i++)
      expect(await read([i]), `split at byte ${i}`).toEqual(whole);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 30 }),
        async (raw) => {
          expect(await read([...raw].sort((a, b) => a - b))).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('enforces the row and column limits, and a sane dimension', () => {
    const limits = resolveLimits({ maxRows: 10, maxColumns: 5 });
    const thrown = (xml: string): unknown => {
      try {
        rowsOf([xml], { limits });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const rows = thrown(sheetXml('<row r="11"><c><v>1</v></c></row>')) as AdapterError;
    expect(rows).toBeInstanceOf(AdapterError);
    expect(rows.limit).toEqual({ name: 'maxRows', max: 10, found: 11 });
    const columns = thrown(sheetXml('<row r="1"><c r="F1"><v>1</v></c></row>')) as AdapterError;
    expect(columns.limit).toEqual({ name: 'maxColumns', max: 5, found: 6 });
    const absurd = thrown(
      sheetXml('<row/>', '', '<dimension ref="A1:ZZZZZ99999999"/>'),
    ) as AdapterError;
    expect(absurd.code).toBe('limit-exceeded');
    const beyondExcel = new SheetHandler(setup());
    expect(() => {
      const scanner = new XmlScanner(SHEET_NAMES, beyondExcel);
      scanner.write(sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>'));
    }).toThrow(/maxColumns/);
  });

  it.each([
    ['a shared string that does not exist', '<row><c t="s"><v>9</v></c></row>'],
    ['a number cell holding text', '<row><c><v>abc</v></c></row>'],
    ['an unknown cell type', '<row><c t="zz"><v>1</v></c></row>'],
    ['rows out of order', '<row r="3"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>'],
    ['cells out of order', '<row><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>'],
    ['a cell outside a row', '<c><v>1</v></c>'],
    ['a boolean that is neither 0 nor 1', '<row><c t="b"><v>2</v></c></row>'],
  ])('rejects %s', (_, data) => {
    expect(() => rowsOf([sheetXml(data)], { sharedStrings: strings })).toThrow(XmlSyntaxError);
  });
});
