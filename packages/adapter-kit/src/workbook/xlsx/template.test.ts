import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../errors.ts';
import { fillXlsxTemplate } from './template.ts';
import { openXlsx } from './workbook.ts';
import {
  cellStyles,
  MAIN_NS,
  partText,
  REL_NS,
  rawXlsx,
  readRows,
  rejectsWith,
  sheetXml,
  stylesOf,
  values,
  xlsxParts,
  zipOf,
} from './xlsx.test-helper.ts';
import { readDirectorySync, type ZipDirectory } from './zip-reader.ts';

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"><alignment horizontal="center" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const SHARED =
  `<sst xmlns="${MAIN_NS}" count="9" uniqueCount="9"><si><t>STT</t></si><si><t>Mã học sinh</t></si><si><t>Họ tên</t></si>` +
  '<si><t>Ngày sinh</t></si><si><t>Dân tộc</t></si><si><t>ID</t></si><si><t>Kinh</t></si><si><t>Tày</t></si><si><t>Người lập biểu</t></si></sst>';

const DATA_VALIDATION =
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E3:E1000"><formula1>DAN_TOC!$A$1:$A$2</formula1></dataValidation></dataValidations>';

/** A template as a vendor ships it: header, a styled blank row, a footer, a hidden ID column. */
function template(): Uint8Array {
  const sheet = sheetXml(
    '<row r="1" spans="1:6" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" s="1" t="s"><v>3</v></c><c r="E1" s="1" t="s"><v>4</v></c><c r="F1" s="1" t="s"><v>5</v></c></row>' +
      '<row r="3" spans="1:6"><c r="A3" s="2"/><c r="B3" s="2"/><c r="C3" s="2"/><c r="D3" s="3"/><c r="E3" s="2"/><c r="F3" s="2"><v>9001</v></c></row>' +
      '<row r="4" s="2" customFormat="1"/>' +
      '<row r="10"><c r="C10" t="s"><v>8</v></c></row>',
    `<mergeCells count="1"><mergeCell ref="A10:B10"/></mergeCells>${DATA_VALIDATION}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    '<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:F10"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols><col min="6" max="6" width="0" hidden="1" customWidth="1"/></cols>',
  );
  const catalog = sheetXml(
    '<row r="1"><c r="A1" t="s"><v>6</v></c></row><row r="2"><c r="A2" t="s"><v>7</v></c></row>',
  );
  return zipOf({
    ...xlsxParts({
      sheets: { Sheet1: sheet, DAN_TOC: catalog },
      sharedStrings: SHARED,
      styles: STYLES,
      states: { DAN_TOC: 'hidden' },
    }),
    'docProps/app.xml':
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<Application>Microsoft Excel</Application><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Sheet1</vt:lpstr><vt:lpstr>DAN_TOC</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
    'xl/media/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]),
  });
}

/** The stored bytes of each entry (header fields that matter and compressed data). */
function storedEntries(zip: Uint8Array, directory: ZipDirectory): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of directory.entries) {
    const start = e.localHeaderOffset + 30 + e.nameBytes.length;
    const data = Buffer.from(zip.subarray(start, start + e.compressedSize)).toString('base64');
    out.set(
      e.name,
      JSON.stringify([
        e.method,
        e.crc32,
        e.compressedSize,
        e.uncompressedSize,
        e.time,
        e.date,
        data,
      ]),
    );
  }
  return out;
}

describe('fillXlsxTemplate', () => {
  it('fills rows, keeps every other part byte for byte, and reads back', async () => {
    const before = template();
    const filled = fillXlsxTemplate(before, [
      {
        sheet: 'Sheet1',
        startRow: 3,
        rows: [
          [1, { text: '0012' }, 'Nguyễn Văn An', { date: '2016-09-05' }, 'Kinh'],
          [2, { text: '0013' }, '=cmd|"/c calc"!A1', { date: '2015-01-31' }, 'Tày', 'ID-2'],
          [3, { text: '0014' }, 'Lò Thị Mai', null, 'Tày'],
        ],
      },
    ]);
    const old = storedEntries(
      before,
      readDirectorySync(before, DEFAULT_LIMITS, { file: undefined }),
    );
    const now = storedEntries(
      filled,
      readDirectorySync(filled, DEFAULT_LIMITS, { file: undefined }),
    );
    expect([...now.keys()]).toEqual([...old.keys()]);
    const changed = [...now.keys()].filter((name) => now.get(name) !== old.get(name));
    expect(changed).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);

    const workbook = await openXlsx(filled);
    expect(workbook.sheets).toEqual([
      { name: 'Sheet1', index: 0, state: 'visible' },
      { name: 'DAN_TOC', index: 1, state: 'hidden' },
    ]);
    const rows = await readRows(workbook);
    expect(values(rows)).toEqual([
      ['STT', 'Mã học sinh', 'Họ tên', 'Ngày sinh', 'Dân tộc', 'ID'],
      [1, '0012', 'Nguyễn Văn An', 42618, 'Kinh', 9001],
      // Row 4's cells take its row style (text, not a date format): the date is written as text.
      [2, '0013', '=cmd|"/c calc"!A1', '31/01/2015', 'Tày', 'ID-2'],
      [3, '0014', 'Lò Thị Mai', undefined, 'Tày'],
      [undefined, undefined, 'Người lập biểu'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 5, 10]);
    expect(rows[1]?.cells[3]).toEqual({
      value: 42618,
      date: '2016-09-05',
      font: 'Times New Roman',
    });
    expect(values(await readRows(workbook, 'DAN_TOC'))).toEqual([['Kinh'], ['Tày']]);
    expect(await workbook.merges(0)).toEqual([{ top: 10, left: 0, bottom: 10, right: 1 }]);

    const sheet = partText(filled, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<dimension ref="A1:F10"/>');
    expect(sheet).toContain(
      '<cols><col min="6" max="6" width="0" hidden="1" customWidth="1"/></cols>',
    );
    expect(sheet).toContain(DATA_VALIDATION);
    expect(sheet).toContain('<sheetPr><tabColor rgb="FF00B050"/></sheetPr>');
    expect(sheet).toContain('<row r="1" spans="1:6" ht="30" customHeight="1">');
    expect(sheet).not.toMatch(/<f[ >]/);

    // Cells keep the template's styles; the formula-like text got a quotePrefix clone of its style.
    const styles = stylesOf(filled);
    const s = cellStyles(filled, 'xl/worksheets/sheet1.xml');
    expect([s.get('3:0'), s.get('3:1'), s.get('3:2'), s.get('3:3'), s.get('4:5')]).toEqual([
      2, 2, 2, 3, 2,
    ]);
    const quoted = s.get('4:2') as number;
    expect(quoted).toBe(4);
    expect(styles.count).toBe(5);
    expect(styles.quotePrefix[quoted]).toBe(1);
    const xml = partText(filled, 'xl/styles.xml');
    expect(xml).toContain('<cellXfs count="5">');
    expect(xml).toContain(
      '<xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" quotePrefix="1"/></cellXfs>',
    );
    // Row 4 was a formatted empty row: its new cells take the row's style; row 5 was not in the template.
    expect(sheet).toContain('<row r="4" s="2" customFormat="1"><c r="A4" s="2">');
    expect(s.get('5:2')).toBe(0);

    // Another program reads the filled file.
    const sheetJs = XLSX.read(filled, { type: 'array' });
    expect(
      XLSX.utils.sheet_to_json(sheetJs.Sheets['Sheet1'] as XLSX.WorkSheet, {
        header: 1,
        raw: true,
      })[2],
    ).toEqual([1, '0012', 'Nguyễn Văn An', 42618, 'Kinh', 9001]);
  });

  it('writes dates as text in General cells by default, as serials when asked', async () => {
    const before = rawXlsx({
      sheets: { S: sheetXml('<row r="1"><c r="A1" s="1"/></row>') },
      styles: STYLES,
    });
    const fill = [
      { sheet: 'S', startRow: 1, rows: [[{ date: '2016-09-05' }, { date: '2016-09-05' }]] },
    ];
    const auto = await readRows(await openXlsx(fillXlsxTemplate(before, fill)));
    expect(values(auto)).toEqual([['05/09/2016', '05/09/2016']]);
    const serial = fillXlsxTemplate(before, fill, { dates: 'serial', dateFormat: 'dd/mm/yyyy' });
    expect((await readRows(await openXlsx(serial)))[0]?.cells.map((c) => c?.date)).toEqual([
      '2016-09-05',
      '2016-09-05',
    ]);
    const xml = partText(serial, 'xl/styles.xml');
    expect(xml).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>',
    );
    const text = fillXlsxTemplate(
      rawXlsx({ sheets: { S: sheetXml('<row r="1"><c r="A1" s="3"/></row>') }, styles: STYLES }),
      fill,
      { dates: 'text' },
    );
    expect(values(await readRows(await openXlsx(text)))).toEqual([['05/09/2016', '05/09/2016']]);
  });

  it('keeps the 1904 date system of the template', async () => {
    const before = rawXlsx({
      sheets: { S: sheetXml('<row r="1"><c r="A1" s="3"/></row>') },
      styles: STYLES,
      workbookPr: '<workbookPr date1904="1"/>',
    });
    const filled = fillXlsxTemplate(before, [
      { sheet: 'S', startRow: 1, rows: [[{ date: '2020-09-22' }]] },
    ]);
    expect((await readRows(await openXlsx(filled)))[0]?.cells[0]).toMatchObject({
      value: 42634,
      date: '2020-09-22',
    });
  });

  it('handles prefixed namespaces, missing dimension, self-closing sheetData and rows without r', async () => {
    const prefixed = `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData/></x:worksheet>`;
    const plain = sheetXml(
      '<row><c><v>1</v></c></row><row><c><v>2</v></c></row><row><c><v>3</v></c></row>',
    );
    const before = rawXlsx({ sheets: { P: prefixed, Q: plain } });
    const filled = fillXlsxTemplate(before, [
      { sheet: 'P', startRow: 2, rows: [['a', '=b']] },
      { sheet: 'q', startRow: 2, rows: [['two']] },
      { sheet: 'Q', startRow: 5, rows: [['five']] },
    ]);
    const p = partText(filled, 'xl/worksheets/sheet1.xml');
    expect(p).toBe(
      `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:dimension ref="A2:B2"/><x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B2" s="1" t="inlineStr"><x:is><x:t>=b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    const workbook = await openXlsx(filled);
    expect(values(await readRows(workbook, 'P'))).toEqual([['a', '=b']]);
    expect((await readRows(workbook, 'Q')).map((r) => [r.row, r.cells[0]?.value])).toEqual([
      [1, 1],
      [2, 'two'],
      [3, 3],
      [5, 'five'],
    ]);
    expect(partText(filled, 'xl/worksheets/sheet2.xml')).toContain('<dimension ref="A1:A5"/>');
    // The template had no styles.xml: one was added for the quotePrefix style.
    expect(stylesOf(filled).quotePrefix[1]).toBe(1);
    expect(partText(filled, '[Content_Types].xml')).toContain('PartName="/xl/styles.xml"');
    expect(partText(filled, 'xl/_rels/workbook.xml.rels')).toMatch(
      /Type="[^"]+\/styles" Target="styles.xml"/,
    );
  });

  it('drops calcChain.xml when a filled cell had a formula, and refuses to break a shared formula', () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1"><f>ROW()</f><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>' +
        '<row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>',
    );
    const parts = xlsxParts({ sheets: { S: sheet }, styles: STYLES });
    parts['[Content_Types].xml'] = (parts['[Content_Types].xml'] as string).replace(
      '</Types>',
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    );
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace(
      '</Relationships>',
      `<Relationship Id="rId200" Type="${REL_NS}/calcChain" Target="calcChain.xml"/></Relationships>`,
    );
    parts['xl/calcChain.xml'] =
      `<calcChain xmlns="${MAIN_NS}"><c r="A1" i="1"/><c r="B1"/><c r="B2"/></calcChain>`;
    const before = zipOf(parts);
    const filled = fillXlsxTemplate(before, [{ sheet: 'S', startRow: 1, rows: [['plain']] }]);
    const directory = readDirectorySync(filled, DEFAULT_LIMITS, { file: undefined });
    expect(directory.find('xl/calcChain.xml')).toBeUndefined();
    expect(partText(filled, '[Content_Types].xml')).not.toContain('calcChain');
    expect(partText(filled, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(partText(filled, 'xl/worksheets/sheet1.xml')).toContain(
      '<f t="shared" ref="B1:B3" si="0">A1*2</f>',
    );
    let error: unknown;
    try {
      fillXlsxTemplate(before, [{ sheet: 'S', startRow: 1, rows: [['a', 'b']] }]);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'AdapterError', code: 'unsupported-format' });
  });

  it('rejects bad templates and bad fills clearly', async () => {
    const good = template();
    expect(() => fillXlsxTemplate(good, [{ sheet: 'Nope', startRow: 1, rows: [] }])).toThrow(
      RangeError,
    );
    expect(() => fillXlsxTemplate(good, [{ sheet: 'Sheet1', startRow: 0, rows: [] }])).toThrow(
      RangeError,
    );
    expect(() =>
      fillXlsxTemplate(good, [
        { sheet: 'Sheet1', startRow: 1, rows: [[Number.POSITIVE_INFINITY]] },
      ]),
    ).toThrow(RangeError);
    await rejectsWith(
      Promise.resolve().then(() => fillXlsxTemplate(new Uint8Array(0), [])),
      'empty-file',
    );
    await rejectsWith(
      Promise.resolve().then(() => fillXlsxTemplate(new TextEncoder().encode('%PDF-1.4'), [])),
      'wrong-file-type',
    );
    await rejectsWith(
      Promise.resolve().then(() => fillXlsxTemplate(good.subarray(0, 500), [])),
      'corrupt-file',
    );
    const broken = rawXlsx({
      sheets: { S: '<worksheet><sheetData><row></sheetData></worksheet>' },
    });
    await rejectsWith(
      Promise.resolve().then(() =>
        fillXlsxTemplate(broken, [{ sheet: 'S', startRow: 1, rows: [['x']] }]),
      ),
      'corrupt-file',
    );
  });
});
