import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdapterError, DEFAULT_LIMITS } from '../../errors.ts';
import { columnLetter } from '../types.ts';
import {
  allParts,
  assertAllWellFormed,
  assertWellFormed,
  columnOf,
  SheetJs,
  sheetJsComments,
  solidFills,
} from './annotate.test-helper.ts';
import { AnnotateXlsxError, annotateXlsx, type CellAnnotation } from './annotate.ts';
import { openXlsx } from './workbook.ts';
import { writeXlsx } from './writer.ts';
import { MAIN_NS, REL_NS, readRows, sheetXml, xlsxParts, zipOf } from './xlsx.test-helper.ts';
import { readDirectorySync, type ZipDirectory } from './zip-reader.ts';

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"><alignment horizontal="center"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const SHARED =
  `<sst xmlns="${MAIN_NS}" count="6" uniqueCount="6"><si><t>STT</t></si><si><t>Họ tên</t></si><si><t>Ngày sinh</t></si>` +
  '<si><t>Giới tính</t></si><si><t>Nguyễn Văn An</t></si><si><t>Lò Thị Mai</t></si></sst>';

/** A class list: a title row, the header on row 3, three pupils (shared and inline strings, a date). */
function classList(after = '', before = '<dimension ref="A1:D6"/>'): Uint8Array {
  const sheet = sheetXml(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>DANH SÁCH LỚP 1A</t></is></c></row>' +
      '<row r="3" spans="1:4"><c r="A3" s="1" t="s"><v>0</v></c><c r="B3" s="1" t="s"><v>1</v></c><c r="C3" s="1" t="s"><v>2</v></c><c r="D3" s="1" t="s"><v>3</v></c></row>' +
      '<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" s="2"><v>42253</v></c><c r="D4" t="inlineStr"><is><t>Nam</t></is></c></row>' +
      '<row r="5"><c r="A5"><v>2</v></c><c r="B5" t="s"><v>5</v></c><c r="C5" s="2"><v>42300</v></c><c r="D5" t="inlineStr"><is><t>X</t></is></c></row>' +
      '<row r="6"><c r="A6"><v>3</v></c><c r="B6" t="inlineStr"><is><t>Hà Văn Bình</t></is></c><c r="C6" s="2"/></row>',
    after,
    before,
  );
  return zipOf({
    ...xlsxParts({ sheets: { 'Lớp 1A': sheet }, sharedStrings: SHARED, styles: STYLES }),
    'xl/media/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  });
}

const SAMPLE: CellAnnotation[] = [
  { row: 5, column: 3, severity: 'error', message: 'Giới tính không hợp lệ / Invalid sex' },
  { row: 4, column: 2, severity: 'query', message: 'Tuổi bất thường / Unusual age' },
  { row: 6, column: 2, severity: 'error', message: 'Thiếu ngày sinh / Missing birth date' },
  { row: 6, severity: 'query', message: 'Trùng học sinh / Duplicate pupil' },
];

/** The stored (compressed) bytes of each entry. */
function stored(zip: Uint8Array, directory: ZipDirectory): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of directory.entries) {
    const start = e.localHeaderOffset + 30 + e.nameBytes.length;
    out.set(e.name, Buffer.from(zip.subarray(start, start + e.compressedSize)).toString('base64'));
  }
  return out;
}

/** The values of a sheet by row number (index 0 is row 1), `undefined` for absent rows and cells. */
async function sheetValues(bytes: Uint8Array, sheet: string | number = 0): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const row of await readRows(await openXlsx(bytes), sheet)) {
    while (out.length < row.row - 1) out.push([]);
    out.push(Array.from(row.cells, (cell) => cell?.value));
  }
  return out;
}

/** Rows cut or padded to `width` cells, `null` for gaps. */
function grid(rows: readonly unknown[][], width: number): unknown[][] {
  return rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
}

describe('annotateXlsx', () => {
  it('fills, comments and lists the problems, keeping every value and every other part', async () => {
    const before = classList();
    const { bytes, sheets } = annotateXlsx(before, [
      { sheet: 'Lớp 1A', headerRow: 3, annotations: SAMPLE },
    ]);
    expect(sheets).toEqual([
      {
        sheet: 'Lớp 1A',
        cellsMarked: 3,
        comments: 3,
        commentsKept: 0,
        rows: 3,
        errorsColumn: 'E',
        unmarked: 0,
        omitted: 0,
      },
    ]);
    assertAllWellFormed(bytes);

    // Every original value is unchanged; the Errors column is added at E.
    const original = await sheetValues(before);
    const now = await sheetValues(bytes);
    expect(grid(now, 4)).toEqual(grid(original, 4));
    expect(now.map((row) => row[4])).toEqual([
      undefined,
      undefined,
      'Lỗi / Errors',
      'C4: Tuổi bất thường / Unusual age',
      'D5: Giới tính không hợp lệ / Invalid sex',
      'C6: Thiếu ngày sinh / Missing birth date\nTrùng học sinh / Duplicate pupil',
    ]);

    // Fills by severity; the date cells keep their number format.
    const fills = solidFills(bytes, 'xl/worksheets/sheet1.xml');
    expect(Object.fromEntries(fills)).toEqual({
      C4: 'FFFFEB9C',
      D5: 'FFFFC7CE',
      C6: 'FFFFC7CE',
      E4: 'FFFFEB9C',
      E5: 'FFFFC7CE',
      E6: 'FFFFC7CE',
    });
    const rows = await readRows(await openXlsx(bytes));
    expect(rows.find((r) => r.row === 4)?.cells[2]).toMatchObject({
      value: 42253,
      date: '2015-09-06',
    });

    // SheetJS reads the same values and the notes.
    const book = SheetJs.read(bytes, { type: 'array' });
    const sheet = book.Sheets['Lớp 1A'] as import('@e965/xlsx').WorkSheet;
    expect(sheet['B4']?.v).toBe('Nguyễn Văn An');
    expect(sheet['E3']?.v).toBe('Lỗi / Errors');
    expect(Object.fromEntries(sheetJsComments(sheet))).toEqual({
      C4: ['Tuổi bất thường / Unusual age'],
      D5: ['Giới tính không hợp lệ / Invalid sex'],
      C6: ['Thiếu ngày sinh / Missing birth date'],
    });
    expect(sheet['!ref']).toBe('A1:E6');

    // Only the sheet, styles, content types are rewritten; the comments, drawing and rels added.
    const old = stored(before, readDirectorySync(before, DEFAULT_LIMITS, { file: undefined }));
    const next = stored(bytes, readDirectorySync(bytes, DEFAULT_LIMITS, { file: undefined }));
    const changed = [...old.keys()].filter((name) => next.get(name) !== old.get(name));
    expect(changed.sort()).toEqual([
      '[Content_Types].xml',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect([...next.keys()].filter((name) => !old.has(name)).sort()).toEqual([
      'xl/comments1.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/worksheets/_rels/sheet1.xml.rels',
    ]);
    const parts = allParts(bytes);
    expect(parts.get('[Content_Types].xml')).toContain('Extension="vml"');
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(
      /<cols><col min="5" max="5" width="60" customWidth="1"\/><\/cols><sheetData>/,
    );
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(
      /<legacyDrawing [^>]*r:id="rId2"\/><\/worksheet>$/,
    );
  });

  it('keeps text that looks like a formula as text, never a formula', async () => {
    const evil = '=HYPERLINK("http://evil.example","x")';
    const { bytes } = annotateXlsx(classList(), [
      {
        sheet: 'Lớp 1A',
        annotations: [
          { row: 4, severity: 'error', message: evil },
          { row: 5, column: 1, severity: 'error', message: '+cmd|"/c calc"!A1' },
        ],
      },
    ]);
    assertAllWellFormed(bytes);
    const sheetXmlText = allParts(bytes).get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheetXmlText).not.toMatch(/<f[ >]/);
    const book = SheetJs.read(bytes, { type: 'array', cellFormula: true });
    const sheet = book.Sheets['Lớp 1A'] as import('@e965/xlsx').WorkSheet;
    expect(sheet['E4']).toMatchObject({ t: 's', v: evil });
    expect(sheet['E4']?.f).toBeUndefined();
    expect(sheet['E5']?.v).toBe('B5: +cmd|"/c calc"!A1');
    // The formula-like cell's style has quotePrefix (Excel shows it literally, even when edited).
    const styles = allParts(bytes).get('xl/styles.xml') ?? '';
    const s = Number(/<c r="E4" s="(\d+)"/.exec(sheetXmlText)?.[1]);
    const xfs = [
      ...(/<cellXfs[^>]*>([\s\S]*)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g),
    ];
    expect(xfs[s]?.[0]).toContain('quotePrefix="1"');
    expect((await sheetValues(bytes))[3]?.[4]).toBe(evil);
  });

  it('handles rows and cells without r, a self-closing sheetData and rows the sheet lacks', async () => {
    const sheet = sheetXml(
      '<row><c t="inlineStr"><is><t>Mã</t></is></c><c t="inlineStr"><is><t>Tên</t></is></c></row>' +
        '<row><c><v>1</v></c><c t="inlineStr"><is><t>An</t></is></c></row>' +
        '<row r="5"><c><v>2</v></c></row>',
    );
    const before = zipOf(xlsxParts({ sheets: { S: sheet } }));
    const { bytes } = annotateXlsx(before, [
      {
        sheet: 's',
        headerRow: 1,
        annotations: [
          { row: 2, column: 1, severity: 'error', message: 'a' },
          { row: 3, column: 0, severity: 'query', message: 'b' },
          { row: 5, column: 1, severity: 'error', message: 'c' },
          { row: 9, severity: 'error', message: 'd' },
        ],
      },
    ]);
    assertAllWellFormed(bytes);
    expect(await sheetValues(bytes)).toEqual([
      ['Mã', 'Tên', 'Lỗi / Errors'],
      [1, 'An', 'B2: a'],
      [undefined, undefined, 'A3: b'],
      [],
      [2, undefined, 'B5: c'],
      [],
      [],
      [],
      [undefined, undefined, 'd'],
    ]);
    expect(Object.fromEntries(solidFills(bytes, 'xl/worksheets/sheet1.xml'))).toMatchObject({
      B2: 'FFFFC7CE',
      A3: 'FFFFEB9C',
      B5: 'FFFFC7CE',
    });
    // A workbook without styles gets one.
    expect(allParts(bytes).get('[Content_Types].xml')).toContain('/xl/styles.xml');

    const empty = zipOf(
      xlsxParts({ sheets: { S: sheetXml('').replace('<sheetData></sheetData>', '<sheetData/>') } }),
    );
    const annotated = annotateXlsx(empty, [
      { sheet: 'S', annotations: [{ row: 2, column: 0, severity: 'error', message: 'x' }] },
    ]);
    assertAllWellFormed(annotated.bytes);
    expect(await sheetValues(annotated.bytes)).toEqual([[], [undefined, 'A2: x']]);
  });

  it('merges with the notes and columns the sheet already has', async () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c><c r="B1" t="inlineStr"><is><t>Lớp</t></is></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>An</t></is></c><c r="B2" t="inlineStr"><is><t>1A</t></is></c></row>',
      '<legacyDrawing r:id="rId7"/>',
      '<cols><col min="1" max="1" width="30" customWidth="1"/><col min="9" max="9" width="5"/></cols>',
    );
    const parts = xlsxParts({ sheets: { S: sheet }, styles: STYLES });
    const before = zipOf({
      ...parts,
      '[Content_Types].xml': (parts['[Content_Types].xml'] as string).replace(
        '</Types>',
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/comments9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
      ),
      'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${REL_NS}/vmlDrawing" Target="../drawings/vmlDrawing9.vml"/><Relationship Id="rId1" Type="${REL_NS}/comments" Target="../comments9.xml"/></Relationships>`,
      'xl/comments9.xml': `<comments xmlns="${MAIN_NS}"><authors><author>Cô Lan</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Đã kiểm tra</t></text></comment></commentList></comments>`,
      'xl/drawings/vmlDrawing9.vml':
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
        '<v:shape id="_x0000_s1030" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>',
    });
    const { bytes, sheets } = annotateXlsx(before, [
      {
        sheet: 'S',
        headerRow: 1,
        annotations: [
          { row: 2, column: 1, severity: 'error', message: 'Lớp không có / No such class' },
          { row: 2, column: 0, severity: 'query', message: 'Tên ngắn / Short name' },
        ],
      },
    ]);
    assertAllWellFormed(bytes);
    expect(sheets[0]).toMatchObject({
      cellsMarked: 2,
      comments: 1,
      commentsKept: 1,
      errorsColumn: 'C',
    });
    const text = allParts(bytes);
    expect(text.get('xl/comments9.xml')).toContain('<author>Cô Lan</author><author>eduvn</author>');
    expect(text.get('xl/comments9.xml')).toContain('<comment ref="A2" authorId="1">');
    expect(text.get('xl/drawings/vmlDrawing9.vml')).toContain('_x0000_s1031');
    expect(text.get('xl/worksheets/sheet1.xml')).toContain(
      '<cols><col min="1" max="1" width="30" customWidth="1"/><col min="3" max="3" width="60" customWidth="1"/><col min="9" max="9" width="5"/></cols>',
    );
    expect([...text.keys()].filter((n) => /comments|vml/i.test(n))).toEqual([
      'xl/comments9.xml',
      'xl/drawings/vmlDrawing9.vml',
    ]);
    const book = SheetJs.read(bytes, { type: 'array' });
    const comments = sheetJsComments(book.Sheets['S'] as import('@e965/xlsx').WorkSheet);
    expect(Object.fromEntries(comments)).toEqual({
      A2: ['Tên ngắn / Short name'],
      B2: ['Đã kiểm tra'],
    });
  });

  it('adds no column past XFD, and anchors notes of the last column inside the sheet', async () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is></c><c r="XFD1" t="inlineStr"><is><t>Z</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c><c r="XFD2"><v>2</v></c></row>',
    );
    const before = zipOf(xlsxParts({ sheets: { S: sheet } }));
    const { bytes, sheets } = annotateXlsx(before, [
      {
        sheet: 'S',
        headerRow: 1,
        annotations: [{ row: 2, column: 16_383, severity: 'error', message: 'x' }],
      },
    ]);
    assertAllWellFormed(bytes);
    expect(sheets[0]).toMatchObject({ cellsMarked: 1, comments: 1 });
    expect(sheets[0]?.errorsColumn).toBeUndefined();
    expect(solidFills(bytes, 'xl/worksheets/sheet1.xml').get('XFD2')).toBe('FFFFC7CE');
    expect(allParts(bytes).get('xl/drawings/vmlDrawing1.vml')).toContain(
      '<x:Anchor>16380, 15, 0, 2, 16382, 15, 4, 16</x:Anchor>',
    );
    const rows = await readRows(await openXlsx(bytes));
    expect(rows[1]?.cells[16_383]?.value).toBe(2);
  });

  it('writes in the prefix a sheet and its styles use, and adds fills to styles that have none', async () => {
    const sheet =
      `<x:worksheet xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tên</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" s="1" t="inlineStr"><x:is><x:t>An</x:t></x:is></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const styles =
      `<x:styleSheet xmlns:x="${MAIN_NS}"><x:fonts count="1"><x:font/></x:fonts><x:borders count="1"><x:border/></x:borders>` +
      '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="49" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>';
    const before = zipOf(xlsxParts({ sheets: { S: sheet }, styles }));
    const { bytes } = annotateXlsx(before, [
      {
        sheet: 'S',
        headerRow: 1,
        annotations: [{ row: 2, column: 0, severity: 'query', message: '@x' }],
      },
    ]);
    assertAllWellFormed(bytes);
    const parts = allParts(bytes);
    expect(parts.get('xl/styles.xml')).toContain(
      '<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFEB9C"/>',
    );
    expect(parts.get('xl/styles.xml')).toMatch(/<x:fills [\s\S]*<x:borders /);
    // The marked cell keeps its text format (numFmtId 49) with the fill.
    expect(parts.get('xl/styles.xml')).toContain(
      '<x:xf numFmtId="49" fontId="0" fillId="2" borderId="0" applyFill="1"/>',
    );
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(
      /<x:cols>.*<\/x:cols><x:sheetData>.*<x:legacyDrawing [^>]*\/><\/x:worksheet>$/,
    );
    expect(await sheetValues(bytes)).toEqual([
      ['Tên', 'Lỗi / Errors'],
      ['An', 'A2: @x'],
    ]);
    const book = SheetJs.read(bytes, { type: 'array' });
    expect(sheetJsComments(book.Sheets['S'] as import('@e965/xlsx').WorkSheet).get('A2')).toEqual([
      '@x',
    ]);
  });

  it('annotates a sheet named __proto__ and several sheets', async () => {
    const before = writeXlsx([
      { name: '__proto__', rows: [['Tên'], ['An']] },
      { name: 'constructor', rows: [['Tên'], ['Bình']] },
    ]);
    const { bytes, sheets } = annotateXlsx(before, [
      {
        sheet: '__proto__',
        headerRow: 1,
        annotations: [{ row: 2, column: 0, severity: 'error', message: 'p' }],
      },
      {
        sheet: 'constructor',
        headerRow: 1,
        annotations: [{ row: 2, column: 0, severity: 'query', message: 'q' }],
      },
    ]);
    assertAllWellFormed(bytes);
    expect(sheets.map((s) => [s.sheet, s.comments])).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
    ]);
    expect(await sheetValues(bytes, 0)).toEqual([
      ['Tên', 'Lỗi / Errors'],
      ['An', 'A2: p'],
    ]);
    expect(await sheetValues(bytes, 1)).toEqual([
      ['Tên', 'Lỗi / Errors'],
      ['Bình', 'A2: q'],
    ]);
    const book = SheetJs.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['__proto__', 'constructor']);
    expect(
      sheetJsComments(book.Sheets['constructor'] as import('@e965/xlsx').WorkSheet).get('A2'),
    ).toEqual(['q']);
  });

  it('caps what it writes and says so', async () => {
    const many: CellAnnotation[] = [];
    for (let row = 2; row < 2 + 50_000; row++) {
      for (let k = 0; k < 6; k++)
        many.push({ row, column: k % 3, severity: 'error', message: `=m${k}` });
    }
    const before = writeXlsx([
      {
        name: 'S',
        rows: [
          ['a', 'b', 'c'],
          ['x', 'y', 'z'],
        ],
      },
    ]);
    const { bytes, sheets } = annotateXlsx(
      before,
      [{ sheet: 'S', headerRow: 1, annotations: many }],
      {
        maxAnnotationsPerSheet: 240_000,
        maxCellsPerSheet: 100,
        maxMessagesPerCell: 1,
        maxMessagesPerRow: 3,
      },
    );
    expect(sheets[0]).toMatchObject({ cellsMarked: 100, comments: 100, omitted: 60_000 });
    expect(sheets[0]?.unmarked).toBe(240_000 - 200);
    expect(bytes.length).toBeLessThan(5_000_000);
    const rows = await readRows(await openXlsx(bytes));
    expect(rows[0]?.cells[3]?.value).toBe(`Lỗi / Errors (+${60_000 + 240_000 - 200})`);
    expect(rows[1]?.cells[3]?.value).toBe('A2: =m0\nB2: =m1\nC2: =m2\n… +3');
    const comments = allParts(bytes).get('xl/comments1.xml') ?? '';
    expect(comments).toContain('<t xml:space="preserve">=m0\n… +1</t>');
    // The cap counts every entry of a sheet together.
    const note = (row: number): CellAnnotation => ({ row, severity: 'error', message: `r${row}` });
    const split = annotateXlsx(
      before,
      [
        { sheet: 'S', annotations: [note(2), note(3)] },
        { sheet: 's', annotations: [note(4), note(5)] },
      ],
      { maxAnnotationsPerSheet: 3 },
    );
    expect(split.sheets).toEqual([expect.objectContaining({ sheet: 'S', rows: 3, omitted: 1 })]);
    // Long messages are cut.
    const long = annotateXlsx(
      before,
      [
        {
          sheet: 'S',
          annotations: [{ row: 2, column: 0, severity: 'error', message: 'x'.repeat(5000) }],
        },
      ],
      { maxMessageLength: 100 },
    );
    expect((await readRows(await openXlsx(long.bytes)))[1]?.cells[3]?.value).toBe(
      `A2: ${'x'.repeat(99)}…`,
    );
  });

  it('refuses bad input with typed errors', async () => {
    const before = classList();
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        if (error instanceof AnnotateXlsxError || error instanceof AdapterError) return error.code;
        throw error;
      }
      return undefined;
    };
    expect(code(() => annotateXlsx(before, [{ sheet: 'Nope', annotations: [] }]))).toBe(
      'unknown-sheet',
    );
    for (const bad of [
      { row: 0, severity: 'error', message: 'x' },
      { row: 1.5, severity: 'error', message: 'x' },
      { row: 2, column: 16_384, severity: 'error', message: 'x' },
      { row: 2, severity: 'fatal', message: 'x' },
      { row: 2, severity: 'error', message: 7 },
      null,
    ]) {
      expect(
        code(() =>
          annotateXlsx(before, [
            { sheet: 'Lớp 1A', annotations: [bad as unknown as CellAnnotation] },
          ]),
        ),
      ).toBe('invalid-annotation');
    }
    expect(
      code(() => annotateXlsx(before, [{ sheet: 'Lớp 1A', headerRow: 0, annotations: [] }])),
    ).toBe('invalid-annotation');
    expect(code(() => annotateXlsx(before, [], { maxCellsPerSheet: 0 }))).toBe('invalid-option');
    expect(code(() => annotateXlsx(before, [], { errorFill: 'red' }))).toBe('invalid-option');
    expect(code(() => annotateXlsx(new Uint8Array(), []))).toBe('empty-file');
    expect(code(() => annotateXlsx(new TextEncoder().encode('not a zip at all'), []))).toBe(
      'wrong-file-type',
    );
    const broken = zipOf(
      xlsxParts({ sheets: { S: '<worksheet><sheetData><row></sheetData></worksheet>' } }),
    );
    expect(
      code(() =>
        annotateXlsx(broken, [
          { sheet: 'S', annotations: [{ row: 1, severity: 'error', message: 'x' }] },
        ]),
      ),
    ).toBe('corrupt-file');
    // A legacy drawing whose part is missing.
    const dangling = zipOf(
      xlsxParts({
        sheets: {
          S: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', '<legacyDrawing r:id="rId9"/>'),
        },
      }),
    );
    expect(
      code(() =>
        annotateXlsx(dangling, [
          { sheet: 'S', annotations: [{ row: 1, column: 0, severity: 'error', message: 'x' }] },
        ]),
      ),
    ).toBe('unsupported-comments');
    // Nothing to annotate: the workbook reads back the same.
    const same = annotateXlsx(before, []);
    expect(await sheetValues(same.bytes)).toEqual(await sheetValues(before));
  });

  it('property: every original value is kept and exactly the annotated cells are marked', async () => {
    const cell = fc.record({
      row: fc.integer({ min: 1, max: 12 }),
      column: fc.integer({ min: 0, max: 6 }),
      severity: fc.constantFrom('error' as const, 'query' as const),
      message: fc.string({ maxLength: 20 }),
    });
    const grid = fc.array(
      fc.array(fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 8 })), {
        maxLength: 6,
      }),
      { maxLength: 10 },
    );
    await fc.assert(
      fc.asyncProperty(grid, fc.array(cell, { maxLength: 25 }), async (rows, annotations) => {
        const before = writeXlsx([{ name: 'S', rows }]);
        const { bytes, sheets } = annotateXlsx(before, [{ sheet: 'S', headerRow: 1, annotations }]);
        for (const [name, xml] of allParts(bytes)) assertWellFormed(xml, name);
        const original = await sheetValues(before);
        const now = await sheetValues(bytes);
        const errorsColumn = sheets[0]?.errorsColumn;
        expect(errorsColumn).toBeDefined();
        const skip = columnOf(`${errorsColumn}1`);
        const width = Math.max(0, ...original.map((r) => r.length), ...now.map((r) => r.length));
        for (let r = 0; r < Math.max(original.length, now.length); r++) {
          for (let c = 0; c < width; c++) {
            if (c !== skip) expect(now[r]?.[c] ?? null).toEqual(original[r]?.[c] ?? null);
          }
        }
        const marked = new Map<string, string>();
        for (const a of annotations) {
          const ref = `${columnLetter(a.column)}${a.row}`;
          if (a.severity === 'error' || !marked.has(ref))
            marked.set(ref, a.severity === 'error' ? 'FFFFC7CE' : 'FFFFEB9C');
        }
        const fills = solidFills(bytes, 'xl/worksheets/sheet1.xml');
        expect(
          new Map([...fills].filter(([ref]) => ref.replace(/\d+$/, '') !== errorsColumn)),
        ).toEqual(marked);
        const book = SheetJs.read(bytes, { type: 'array' });
        const comments = sheetJsComments(book.Sheets['S'] as import('@e965/xlsx').WorkSheet);
        expect(new Set(comments.keys())).toEqual(new Set(marked.keys()));
      }),
      { numRuns: 60 },
    );
  });
});
