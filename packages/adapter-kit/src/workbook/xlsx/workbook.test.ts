import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../errors.ts';
import { crc32 } from './crc32.ts';
import { compoundFile } from './ole.test-helper.ts';
import type { SheetHandler } from './sheet-reader.ts';
import { KEPT_PARSERS, openXlsx } from './workbook.ts';
import { writeXlsx } from './writer.ts';
import {
  openDescriptors,
  rawXlsx,
  readRows,
  rejectsWith,
  sheetXml,
  values,
  xlsxParts,
  zipOf,
} from './xlsx.test-helper.ts';
import { readDirectorySync } from './zip-reader.ts';
import { concat, ZipWriter } from './zip-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eduvn-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NFC = 'Nguyễn Thị Thủy';
const NFD = NFC.normalize('NFD');

describe('writeXlsx → openXlsx round trips', () => {
  it('keeps text exactly: NFC and NFD, entities, escapes, long cells, leading zeros', async () => {
    const long = 'Trường Tiểu học Kim Đồng — '.repeat(400).slice(0, 10_000);
    const texts = [
      NFC,
      NFD,
      `<&>"'`,
      '_x000D_ literal',
      'carriage\rreturn and\r\nCRLF',
      '\ttab first',
      '  spaces around  ',
      'emoji 😀 and lone \ud800 surrogate',
      'control \u0001\u001f',
      long,
      '',
    ];
    const bytes = writeXlsx([
      { name: 'Sheet1', rows: [texts, [{ text: '001234' }, { text: '0912345678' }, '00']] },
    ]);
    const workbook = await openXlsx(bytes);
    const rows = await readRows(workbook);
    expect(rows[0]?.cells.map((c) => c?.value)).toEqual(texts);
    expect(rows[0]?.cells[1]?.value).not.toBe(NFC);
    expect(rows[0]?.cells[9]?.truncated).toBeUndefined();
    expect(values(rows.slice(1))).toEqual([['001234', '0912345678', '00']]);
  });

  it('keeps any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 8 }),
        async (texts) => {
          const workbook = await openXlsx(writeXlsx([{ name: 'S', rows: [texts] }]));
          const [row] = await readRows(workbook);
          expect(Array.from(row?.cells ?? [], (c) => c?.value)).toEqual(texts);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps numbers and booleans', async () => {
    const numbers = [0, -0, 1, -1, 3.25, 1e-7, 123456789012345, 2 ** 53 - 1, -2.5e300, 0.1 + 0.2];
    const bytes = writeXlsx([{ name: 'Sheet1', rows: [numbers, [true, false, null, true]] }]);
    const rows = await readRows(await openXlsx(bytes));
    expect(values(rows)).toEqual([
      numbers.map((n) => (Object.is(n, -0) ? 0 : n)),
      [true, false, undefined, true],
    ]);
  });

  it.each(['1900', '1904'] as const)(
    'keeps dates in the %s date system, as numbers with a date style',
    async (dateSystem) => {
      const dates = [
        dateSystem === '1900' ? '1900-03-01' : '1904-01-01',
        '1999-12-31',
        '2016-09-05',
        '2020-02-29',
        '9999-12-31',
      ];
      const bytes = writeXlsx([{ name: 'Sheet1', rows: [dates.map((date) => ({ date }))] }], {
        dateSystem,
      });
      const [row] = await readRows(await openXlsx(bytes));
      expect(row?.cells.map((c) => c?.date)).toEqual(dates);
      expect(row?.cells.every((c) => typeof c?.value === 'number')).toBe(true);
      if (dateSystem === '1904') expect(row?.cells[2]?.value).toBe(41156);
      else expect(row?.cells[2]?.value).toBe(42618);
    },
  );

  it('writes dates as dd/mm/yyyy text when asked', async () => {
    const bytes = writeXlsx([{ name: 'Sheet1', rows: [[{ date: '2016-09-05' }]] }], {
      dates: 'text',
    });
    const [row] = await readRows(await openXlsx(bytes));
    expect(row?.cells[0]).toEqual({ value: '05/09/2016', font: 'Calibri' });
  });

  it('reads from a path as from bytes, and names the file', async () => {
    const path = join(dir, 'pupils.xlsx');
    const bytes = writeXlsx([
      { name: 'Sheet1', rows: [['a', 1]] },
      { name: 'DAN_TOC', rows: [['Kinh']], state: 'hidden' },
      { name: 'Ẩn', rows: [], state: 'veryHidden' },
    ]);
    await writeFile(path, bytes);
    const workbook = await openXlsx({ path });
    expect(workbook.file).toBe(path);
    expect(workbook.format).toBe('xlsx');
    expect(workbook.sheets).toEqual([
      { name: 'Sheet1', index: 0, state: 'visible' },
      { name: 'DAN_TOC', index: 1, state: 'hidden' },
      { name: 'Ẩn', index: 2, state: 'veryHidden' },
    ]);
    expect(values(await readRows(workbook, 'dan_toc'))).toEqual([['Kinh']]);
    expect(await readRows(workbook, 2)).toEqual([]);
    await workbook.close();
    await expect(readRows(workbook)).rejects.toThrow(/closed/);
  });

  it('writes merged ranges that the reader and SheetJS see, and rejects bad ones', async () => {
    const bytes = writeXlsx([
      {
        name: 'KQHT',
        rows: [
          ['STT', 'Môn học', null, 'Năng lực'],
          [null, 'Toán', 'Tiếng Việt', 'Tự chủ'],
        ],
        merges: ['A1:A2', 'B1:C1'],
      },
    ]);
    const workbook = await openXlsx(bytes);
    expect(await workbook.merges(0)).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 1, right: 2 },
    ]);
    await workbook.close();
    const sheet = XLSX.read(bytes, { type: 'array' }).Sheets['KQHT'];
    expect(sheet?.['!merges']?.map((m) => XLSX.utils.encode_range(m))).toEqual(['A1:A2', 'B1:C1']);
    for (const bad of ['A1', 'A1:A1', 'C1:B1', 'a1:b2', 'A1:B2 ', 'A0:B1']) {
      expect(() => writeXlsx([{ name: 'S', rows: [], merges: [bad] }]), bad).toThrow(RangeError);
    }
    expect(() => writeXlsx([{ name: 'S', rows: [], merges: ['A1:B2', 'B2:C3'] }])).toThrow(
      /overlaps/,
    );
  });

  it('stops at options.until', async () => {
    const bytes = writeXlsx([{ name: 'S', rows: Array.from({ length: 50 }, (_, i) => [i + 1]) }]);
    const workbook = await openXlsx(bytes);
    const rows = [];
    for await (const row of workbook.rows('S', { until: 12 })) rows.push(row.row);
    expect(rows).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});

describe('reading rows', () => {
  it('gives each row once when next() is called again before the previous call settled', async () => {
    const file = writeXlsx([
      { name: 'Sheet1', rows: Array.from({ length: 50 }, (_, i) => [i + 1, `Học sinh ${i + 1}`]) },
    ]);
    const workbook = await openXlsx(file);
    try {
      const rows = workbook.rows(0)[Symbol.asyncIterator]();
      const results = await Promise.all(Array.from({ length: 52 }, () => rows.next()));
      expect(results.slice(0, 50).map((r) => (r.done ? undefined : r.value.row))).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      expect(results.slice(50).every((r) => r.done)).toBe(true);
      expect(await rows.next()).toEqual({ value: undefined, done: true });
    } finally {
      await workbook.close();
    }
  });

  it('ends after return(), and passes on a failure of the sheet to the next call', async () => {
    const file = writeXlsx([{ name: 'Sheet1', rows: [[1], [2], [3]] }]);
    const workbook = await openXlsx(file);
    try {
      const rows = workbook.rows(0)[Symbol.asyncIterator]();
      expect((await rows.next()).value?.row).toBe(1);
      expect(await rows.return?.()).toEqual({ value: undefined, done: true });
      expect(await rows.next()).toEqual({ value: undefined, done: true });
    } finally {
      await workbook.close();
    }
    const broken = rawXlsx({
      sheets: {
        Sheet1: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v'),
      },
    });
    const bad = await openXlsx(broken);
    try {
      const rows = bad.rows(0)[Symbol.asyncIterator]();
      let failure: unknown;
      for (let i = 0; i < 3 && failure === undefined; i++) {
        failure = await rows.next().then(
          () => undefined,
          (error: unknown) => error,
        );
      }
      expect(failure).toMatchObject({ code: 'corrupt-file' });
      expect(await rows.next()).toEqual({ value: undefined, done: true });
    } finally {
      await bad.close();
    }
  });

  it("keeps a tiny read done when the module loaded (so that V8 keeps the parsers' layouts)", () => {
    const sheet = KEPT_PARSERS[2] as SheetHandler;
    expect(sheet.queue.map((row) => row.cells.map((cell) => cell?.value))).toEqual([
      ['An', 12_345_678_901, 1.5],
      ['x < y', 'B & C\r', 3, true, 'z'],
      ['D'],
    ]);
  });
});

describe('files written by other programs', () => {
  it('reads a hand-written workbook: no r attributes, rich text, custom date format, 1904 dates, strings stored last', async () => {
    const sharedStrings =
      '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">' +
      '<si><t>Họ tên</t></si><si><t>Ngày sinh</t></si>' +
      '<si><r><rPr><b/><sz val="11"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">Lê </t></r><r><rPr><i/></rPr><t>Văn Tám</t></r></si>' +
      `<si><t>${NFD}</t></si></sst>`;
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></numFmts>' +
      '<fonts count="2"><font><name val="Arial"/></font><font><name val=".VnTime"/></font></fonts>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="170" fontId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1"/></cellXfs></styleSheet>';
    const sheet = sheetXml(
      '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>' +
        '<row><c t="s"><v>2</v></c><c s="1"><v>42634</v></c><c t="e"><v>#VALUE!</v></c><c s="2" t="inlineStr"><is><t>Hµ Néi</t></is></c></row>' +
        '<row><c t="s"><v>3</v></c><c s="1"><v>0</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C2:D3"/></mergeCells>',
    );
    const bytes = rawXlsx({
      sheets: { 'Lớp 1A & 1B': sheet },
      sharedStrings,
      styles,
      workbookPr: '<workbookPr date1904="1"/>',
      stringsLast: true,
    });
    const workbook = await openXlsx(bytes, { file: 'khac.xlsx' });
    expect(workbook.sheets).toEqual([{ name: 'Lớp 1A & 1B', index: 0, state: 'visible' }]);
    const rows = await readRows(workbook);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[1]?.cells).toEqual([
      { value: 'Lê Văn Tám', font: 'Arial' },
      { value: 42634, date: '2020-09-22', font: 'Arial' },
      { value: null, font: 'Arial' },
      { value: 'Hµ Néi', font: '.VnTime' },
    ]);
    expect(rows[2]?.cells).toEqual([
      { value: NFD, font: 'Arial' },
      { value: 0, date: '1904-01-01', font: 'Arial' },
    ]);
    expect(await workbook.merges(0)).toEqual([
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
  });

  it('reads a workbook written by SheetJS with shared strings and date formats', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Mã học sinh', 'Họ tên', 'Ngày sinh', 'Điểm'],
      ['0012', NFC, { t: 'n', v: 44096, z: 'dd/mm/yyyy' }, 7.5],
      ['0013', NFD, { t: 'n', v: 42618, z: 'd/m/yyyy' }, 9],
    ]);
    sheet['!merges'] = [XLSX.utils.decode_range('A5:C5')];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Kinh'], ['Tày']]), 'DAN_TOC');
    const bytes = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer,
    );
    const workbook = await openXlsx(bytes);
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', 'DAN_TOC']);
    const rows = await readRows(workbook);
    expect(values(rows)).toEqual([
      ['Mã học sinh', 'Họ tên', 'Ngày sinh', 'Điểm'],
      ['0012', NFC, 44096, 7.5],
      ['0013', NFD, 42618, 9],
    ]);
    expect(rows.slice(1).map((r) => r.cells[2]?.date)).toEqual(['2020-09-22', '2016-09-05']);
    expect(await workbook.merges('Sheet1')).toEqual([{ top: 5, left: 0, bottom: 5, right: 2 }]);
  });

  it('writes workbooks SheetJS reads back', () => {
    const bytes = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['Họ tên', 'Ngày sinh', 'Mã'],
          [NFC, { date: '2016-09-05' }, { text: '007' }],
          ['=1+2', 5, true],
        ],
      },
    ]);
    const sheet = XLSX.read(bytes, { type: 'array' }).Sheets['Sheet1'] as XLSX.WorkSheet;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true })).toEqual([
      ['Họ tên', 'Ngày sinh', 'Mã'],
      [NFC, 42618, '007'],
      ['=1+2', 5, true],
    ]);
    const formatted = XLSX.read(bytes, { type: 'array', cellNF: true }).Sheets[
      'Sheet1'
    ] as XLSX.WorkSheet;
    expect(formatted['B2']?.z).toBe('dd/mm/yyyy');
    expect(sheet['A3']?.f).toBeUndefined();
    expect(sheet['!ref']).toBe('A1:C3');
  });
});

describe('bad input', () => {
  const good = (): Uint8Array =>
    writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['a', 1],
          ['b', 2],
        ],
      },
    ]);

  it('says "empty-file" for no bytes', async () => {
    await rejectsWith(openXlsx(new Uint8Array(0)), 'empty-file');
  });

  it('says "wrong-file-type" for a PDF, text, and a Word document', async () => {
    const pdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n',
    );
    const error = await rejectsWith(openXlsx(pdf, { file: 'bang-diem.xlsx' }), 'wrong-file-type');
    expect(error.file).toBe('bang-diem.xlsx');
    expect(error.message).toMatch(/^bang-diem\.xlsx: /);
    await rejectsWith(openXlsx(new TextEncoder().encode('Họ tên,Ngày sinh\n')), 'wrong-file-type');
    await rejectsWith(openXlsx(zipOf({ 'word/document.xml': '<w:document/>' })), 'wrong-file-type');
  });

  it('says "password-protected" for an encrypted workbook, "wrong-file-type" for a legacy .xls', async () => {
    const encrypted = compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']);
    const error = await rejectsWith(openXlsx(encrypted), 'password-protected');
    expect(error.message).toMatch(/password/);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a']]), 'Sheet1');
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
    const legacy = await rejectsWith(openXlsx(xls), 'wrong-file-type');
    expect(legacy.message).toMatch(/\.xls/);
    await rejectsWith(openXlsx(compoundFile(['Something'])), 'wrong-file-type');
  });

  it('says "unsupported-format" for .xlsb and .ods', async () => {
    await rejectsWith(
      openXlsx(zipOf({ 'xl/workbook.bin': new Uint8Array([1]) })),
      'unsupported-format',
    );
    await rejectsWith(
      openXlsx(
        zipOf({
          mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
          'content.xml': '<x/>',
        }),
      ),
      'unsupported-format',
    );
  });

  it('says "corrupt-file" for a workbook cut short at any of several points', async () => {
    const bytes = good();
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
      await rejectsWith(
        openXlsx(bytes.subarray(0, Math.floor(bytes.length * fraction))),
        'corrupt-file',
      );
    }
    await rejectsWith(openXlsx(bytes.subarray(0, bytes.length - 1)), 'corrupt-file');
  });

  it('says "corrupt-file" for a zip without workbook.xml, or with malformed workbook XML', async () => {
    await rejectsWith(openXlsx(zipOf({ 'hello.txt': 'hi' })), 'corrupt-file');
    const parts = xlsxParts({ sheets: { S: sheetXml('') } });
    await rejectsWith(
      openXlsx(zipOf({ ...parts, 'xl/workbook.xml': '<workbook><sheets>' })),
      'corrupt-file',
    );
    const noSheetPart = { ...parts };
    delete noSheetPart['xl/worksheets/sheet1.xml'];
    await rejectsWith(openXlsx(zipOf(noSheetPart)), 'corrupt-file');
  });

  it('says "corrupt-file" when iterating a sheet whose XML is malformed, after the rows before it', async () => {
    const bytes = rawXlsx({
      sheets: { S: sheetXml('<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></x></row>') },
    });
    const workbook = await openXlsx(bytes);
    const seen: number[] = [];
    const error = await rejectsWith(
      (async () => {
        for await (const row of workbook.rows(0)) seen.push(row.row);
      })(),
      'corrupt-file',
    );
    expect(error.message).toMatch(/xl\/worksheets\/sheet1\.xml/);
    const truncated = rawXlsx({
      sheets: { S: sheetXml('<row r="1"><c><v>1</v></c></row>').slice(0, -30) },
    });
    await rejectsWith(readRows(await openXlsx(truncated)), 'corrupt-file');
  });

  it('says "limit-exceeded" for a zip bomb sheet', async () => {
    // A real sheet followed by 8 MB of spaces: declares ~8 MB in ~8 KB (ratio > 1000).
    const xml = sheetXml('<row><c><v>1</v></c></row>') + ' '.repeat(8 * 1024 * 1024);
    const raw = new TextEncoder().encode(xml);
    const base = rawXlsx({ sheets: { S: sheetXml('') } });
    const directory = readDirectorySync(base, DEFAULT_LIMITS, { file: undefined });
    const zip = new ZipWriter();
    for (const entry of directory.entries) {
      const start = entry.localHeaderOffset + 30 + entry.nameBytes.length;
      if (entry.name === 'xl/worksheets/sheet1.xml') {
        const deflated = deflateRawSync(raw, { level: 9 });
        zip.copy({ ...entry, crc32: crc32(raw), uncompressedSize: raw.length }, deflated);
      } else {
        zip.copy(entry, base.subarray(start, start + entry.compressedSize));
      }
    }
    const bomb = zip.finish();
    expect(bomb.length).toBeLessThan(30_000);
    const workbook = await openXlsx(bomb);
    const error = await rejectsWith(readRows(workbook), 'limit-exceeded');
    expect(error.limit?.name).toBe('maxCompressionRatio');
    // Trusted, with the limit raised, the same file reads.
    expect(
      values(await readRows(await openXlsx(bomb, { limits: { maxCompressionRatio: 5000 } }))),
    ).toEqual([[1]]);
  });

  it('says "limit-exceeded" for an absurd dimension and a cell beyond maxColumns', async () => {
    const absurd = rawXlsx({
      sheets: {
        S: sheetXml('<row><c><v>1</v></c></row>', '', '<dimension ref="A1:XFZ99999999"/>'),
      },
    });
    const dimension = await rejectsWith(readRows(await openXlsx(absurd)), 'limit-exceeded');
    expect(dimension.limit?.name).toBe('maxColumns');
    const tall = rawXlsx({
      sheets: { S: sheetXml('<row><c><v>1</v></c></row>', '', '<dimension ref="A1:B2000000"/>') },
    });
    expect((await rejectsWith(readRows(await openXlsx(tall)), 'limit-exceeded')).limit?.name).toBe(
      'maxRows',
    );
    const wide = rawXlsx({
      sheets: { S: sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="AA1"><v>2</v></c></row>') },
    });
    const columns = await rejectsWith(
      readRows(await openXlsx(wide, { limits: { maxColumns: 26 } })),
      'limit-exceeded',
    );
    expect(columns.limit).toEqual({
      name: 'maxColumns',
      max: 26,
      found: 27,
      place: 'The sheet "S" (xl/worksheets/sheet1.xml)',
    });
    expect(columns.message).toContain(
      'The sheet "S" (xl/worksheets/sheet1.xml): a column of the sheet (27) exceeds the limit maxColumns = 26.',
    );
    const rows = rawXlsx({ sheets: { S: sheetXml('<row r="101"><c><v>1</v></c></row>') } });
    expect(
      (
        await rejectsWith(
          readRows(await openXlsx(rows, { limits: { maxRows: 100 } })),
          'limit-exceeded',
        )
      ).limit,
    ).toEqual({
      name: 'maxRows',
      max: 100,
      found: 101,
      place: 'The sheet "S" (xl/worksheets/sheet1.xml)',
    });
  });

  it('says "limit-exceeded" for a file larger than maxFileBytes', async () => {
    const error = await rejectsWith(
      openXlsx(good(), { limits: { maxFileBytes: 100 } }),
      'limit-exceeded',
    );
    expect(error.limit?.name).toBe('maxFileBytes');
  });

  it('throws RangeError for a sheet that does not exist', async () => {
    const workbook = await openXlsx(good());
    expect(() => workbook.rows('Nope')).toThrow(RangeError);
    expect(() => workbook.rows(5)).toThrow(RangeError);
    await expect(workbook.merges('Nope')).rejects.toThrow(RangeError);
  });
});

describe('file handles', () => {
  it('closes the file after open, after a full read, and when the consumer stops early', async () => {
    const path = join(dir, 'early.xlsx');
    await writeFile(
      path,
      writeXlsx([{ name: 'S', rows: Array.from({ length: 5000 }, (_, i) => [i, `row ${i}`]) }]),
    );
    const before = await openDescriptors();
    if (before === undefined) return;
    const workbook = await openXlsx({ path });
    expect(await openDescriptors()).toBe(before);
    let n = 0;
    for await (const _ of workbook.rows(0)) {
      if (++n === 3) break;
    }
    expect(await openDescriptors()).toBe(before);
    await expect(
      (async () => {
        for await (const _ of workbook.rows(0)) throw new Error('consumer failed');
      })(),
    ).rejects.toThrow('consumer failed');
    expect(await openDescriptors()).toBe(before);
    const iterator = workbook.rows(0)[Symbol.asyncIterator]();
    await iterator.next();
    expect(await openDescriptors()).toBe(before + 1);
    await iterator.return?.();
    expect(await openDescriptors()).toBe(before);
    expect((await readRows(workbook)).length).toBe(5000);
    await workbook.merges(0);
    expect(await openDescriptors()).toBe(before);
  });

  it('closes the file when reading fails, and when the workbook is closed mid-read', async () => {
    const path = join(dir, 'bad.xlsx');
    await writeFile(path, rawXlsx({ sheets: { S: sheetXml('<row><c><v>x</v></c></row>') } }));
    const before = await openDescriptors();
    if (before === undefined) return;
    await rejectsWith(
      openXlsx({ path: join(dir, 'missing.xlsx') }).catch((e: unknown) => {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOENT');
        return openXlsx(new Uint8Array(0));
      }),
      'empty-file',
    );
    await rejectsWith(readRows(await openXlsx({ path })), 'corrupt-file');
    expect(await openDescriptors()).toBe(before);
    const big = join(dir, 'big.xlsx');
    await writeFile(
      big,
      writeXlsx([{ name: 'S', rows: Array.from({ length: 20000 }, (_, i) => [i, `row ${i}`]) }]),
    );
    const workbook = await openXlsx({ path: big });
    const iterator = workbook.rows(0)[Symbol.asyncIterator]();
    await iterator.next();
    await workbook.close();
    expect(await openDescriptors()).toBe(before);
    await expect(readRows(workbook)).rejects.toThrow(/closed/);
  });

  it('refuses to read a file that changed after it was opened', async () => {
    const path = join(dir, 'changed.xlsx');
    await writeFile(path, writeXlsx([{ name: 'S', rows: [[1]] }]));
    const workbook = await openXlsx({ path });
    await writeFile(path, concat([writeXlsx([{ name: 'S', rows: [[2]] }]), new Uint8Array(10)]));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    await rejectsWith(readRows(workbook), 'corrupt-file');
  });
});
