import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdapterError, DEFAULT_LIMITS } from '../errors.ts';
import { openWorkbook, sniffWorkbook } from './open.ts';
import type { Workbook } from './types.ts';
import { cfbWith, writeXls } from './xls/xls.test-helper.ts';

/**
 * The .xlsx reader is tested on its own; here a stub stands in for it, to check that zip files
 * are routed to it with the caller's name and limits.
 */
const xlsx = vi.hoisted(() => ({
  openXlsx: vi.fn(
    async (_source: unknown, options: { file?: string }): Promise<Workbook> => ({
      format: 'xlsx',
      file: options.file,
      sheets: [],
      rows: () => ({ async *[Symbol.asyncIterator]() {} }),
      merges: async () => [],
      close: async () => {},
    }),
  ),
}));
vi.mock('./xlsx/index.ts', () => xlsx);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

/** A zip local file header for a stored entry, followed by its content. */
function zipEntry(name: string, content: string): Uint8Array {
  const header = new Uint8Array(30);
  const view = new DataView(header.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint32(18, content.length, true);
  view.setUint32(22, content.length, true);
  view.setUint16(26, name.length, true);
  return bytes([...header], name, content);
}

async function failure(run: () => Promise<unknown>): Promise<AdapterError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected an AdapterError');
}

function xlsBytes(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['Mã HS', 'Họ tên'],
      ['01', 'An'],
    ]),
    'Sheet1',
  );
  return writeXls(wb);
}

const PDF = bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n');
const PNG = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0]);
const GIF = bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]);
const GZIP = bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
const ODS = zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
const ODT = zipEntry('mimetype', 'application/vnd.oasis.opendocument.text');
const XLSX_ZIP = zipEntry('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
const HTML = bytes(
  [0xef, 0xbb, 0xbf],
  '\r\n  <html xmlns:x="urn:schemas-microsoft-com:office:excel"><table>',
);
const TABLE = bytes('<table border="1"><tr><td>M\u00e3</td></tr></table>');
const XML_2003 = bytes(
  '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
);
const XML = bytes('<?xml version="1.0"?><root/>');
const BARE_BIFF = bytes([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00], [0, 0, 0, 0, 0, 0, 0, 0]);

describe('sniffWorkbook', () => {
  it('recognizes every kind from the first bytes', () => {
    expect(sniffWorkbook(XLSX_ZIP)).toBe('xlsx');
    expect(sniffWorkbook(bytes('PK', [5, 6], [0, 0, 0, 0]))).toBe('xlsx');
    expect(sniffWorkbook(ODS)).toBe('ods');
    expect(sniffWorkbook(ODT)).toBe('opendocument');
    expect(sniffWorkbook(xlsBytes())).toBe('xls');
    expect(sniffWorkbook(BARE_BIFF)).toBe('xls');
    expect(sniffWorkbook(PDF)).toBe('pdf');
    for (const image of [PNG, JPEG, GIF]) expect(sniffWorkbook(image)).toBe('image');
    expect(sniffWorkbook(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image');
    expect(sniffWorkbook(GZIP)).toBe('archive');
    expect(sniffWorkbook(HTML)).toBe('html');
    expect(sniffWorkbook(TABLE)).toBe('html');
    expect(sniffWorkbook(XML_2003)).toBe('xml-spreadsheet');
    expect(sniffWorkbook(XML)).toBe('xml');
    expect(sniffWorkbook(bytes('Mã,Tên\n'))).toBe('text');
    expect(sniffWorkbook(bytes('<5 tuổi,x\n'))).toBe('text');
    expect(sniffWorkbook(new Uint8Array())).toBe('text');
  });

  it('recognizes UTF-16 markup without a byte-order mark, and XML 2003 without its declaration', () => {
    const utf16 = (text: string, be: boolean): Uint8Array => {
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        out[2 * i + (be ? 1 : 0)] = text.charCodeAt(i) & 0xff;
        out[2 * i + (be ? 0 : 1)] = text.charCodeAt(i) >> 8;
      }
      return out;
    };
    const html = '<html><body><table><tr><td>Họ tên</td></tr></table></body></html>';
    expect(sniffWorkbook(utf16(html, false))).toBe('html');
    expect(sniffWorkbook(utf16(html, true))).toBe('html');
    expect(sniffWorkbook(utf16('\r\n  <table border=1><tr><td>x</td></tr></table>', false))).toBe(
      'html',
    );
    const workbook =
      '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>';
    expect(sniffWorkbook(bytes(workbook))).toBe('xml-spreadsheet');
    expect(sniffWorkbook(bytes('<?mso-application progid="Excel.Sheet"?>\n<Workbook>'))).toBe(
      'xml-spreadsheet',
    );
    expect(sniffWorkbook(bytes('<!-- exported --><ss:Workbook xmlns:ss="urn:x">'))).toBe(
      'xml-spreadsheet',
    );
    expect(sniffWorkbook(utf16(workbook, false))).toBe('xml-spreadsheet');
    // Text that merely starts with "<" is still text.
    expect(sniffWorkbook(utf16('<5 tuổi,x\r\n', false))).toBe('text');
  });
});

describe('openWorkbook', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduvn-open-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    xlsx.openXlsx.mockClear();
  });

  it('routes a zip to the .xlsx reader with the name and limits', async () => {
    const book = await openWorkbook(XLSX_ZIP, { file: 'kqht.xlsx', limits: { maxRows: 10 } });
    expect(book.format).toBe('xlsx');
    expect(xlsx.openXlsx).toHaveBeenCalledTimes(1);
    expect(xlsx.openXlsx).toHaveBeenCalledWith(XLSX_ZIP, {
      file: 'kqht.xlsx',
      limits: { ...DEFAULT_LIMITS, maxRows: 10 },
    });
  });

  it('reads an OLE workbook as .xls', async () => {
    const book = await openWorkbook(xlsBytes(), { file: 'CSDL_GiaoVien.xls' });
    expect([book.format, book.file, book.sheets[0]?.name]).toEqual([
      'xls',
      'CSDL_GiaoVien.xls',
      'Sheet1',
    ]);
    const values: unknown[] = [];
    for await (const row of book.rows(0)) values.push(row.cells.map((c) => c?.value));
    expect(values).toEqual([
      ['Mã HS', 'Họ tên'],
      ['01', 'An'],
    ]);
    expect(xlsx.openXlsx).not.toHaveBeenCalled();
  });

  it('refuses an encrypted .xlsx and other OLE files', async () => {
    const encrypted = cfbWith({
      EncryptionInfo: new Uint8Array(8),
      EncryptedPackage: new Uint8Array(64),
    });
    expect((await failure(() => openWorkbook(encrypted))).code).toBe('password-protected');
    const doc = cfbWith({ WordDocument: new Uint8Array(64) });
    expect((await failure(() => openWorkbook(doc))).code).toBe('wrong-file-type');
  });

  it('reads text as CSV, with the CSV options', async () => {
    const book = await openWorkbook(bytes('a;b,c\n1;2,5\n'), {
      file: 'x.csv',
      csv: { delimiter: ',' },
    });
    expect(book.format).toBe('csv');
    const values: unknown[] = [];
    for await (const row of book.rows(0)) values.push(row.cells.map((c) => c?.value));
    expect(values).toEqual([
      ['a;b', 'c'],
      ['1;2', '5'],
    ]);
  });

  it('refuses what is not a spreadsheet, saying what it is', async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [PDF, 'wrong-file-type', /PDF/],
      [PNG, 'wrong-file-type', /image/],
      [JPEG, 'wrong-file-type', /image/],
      [GIF, 'wrong-file-type', /image/],
      [GZIP, 'wrong-file-type', /archive/],
      [ODT, 'wrong-file-type', /OpenDocument/],
      [XML, 'wrong-file-type', /XML/],
      [ODS, 'unsupported-format', /\.ods/],
      [HTML, 'unsupported-format', /HTML/],
      [TABLE, 'unsupported-format', /HTML/],
      [XML_2003, 'unsupported-format', /2003/],
      [bytes([0, 1, 2, 3, 250, 251, 0, 0, 9, 200, 17, 0]), 'wrong-file-type', /binary/],
    ];
    for (const [data, code, message] of cases) {
      const error = await failure(() => openWorkbook(data, { file: 'nop.xls' }));
      expect([error.code, error.file]).toEqual([code, 'nop.xls']);
      expect(error.message).toMatch(message);
    }
    expect(xlsx.openXlsx).not.toHaveBeenCalled();
  });

  it('refuses an empty file', async () => {
    expect((await failure(() => openWorkbook(new Uint8Array()))).code).toBe('empty-file');
    const path = join(dir, 'empty.xlsx');
    await writeFile(path, new Uint8Array());
    expect((await failure(() => openWorkbook({ path }))).code).toBe('empty-file');
  });

  it('lets `format` force the reader', async () => {
    await openWorkbook(bytes('a,b\n'), { format: 'xlsx' });
    expect(xlsx.openXlsx).toHaveBeenCalledTimes(1);
    expect((await failure(() => openWorkbook(xlsBytes(), { format: 'csv' }))).code).toBe(
      'wrong-file-type',
    );
    expect((await failure(() => openWorkbook(bytes('a,b\n'), { format: 'xls' }))).code).toBe(
      'wrong-file-type',
    );
  });

  it('reads paths, checking the size before reading', async () => {
    const path = join(dir, 'giao-vien.xls');
    const data = xlsBytes();
    await writeFile(path, data);
    const book = await openWorkbook({ path });
    expect([book.format, book.file]).toEqual(['xls', path]);
    const error = await failure(() => openWorkbook({ path }, { limits: { maxFileBytes: 100 } }));
    expect([error.code, error.limit]).toEqual([
      'limit-exceeded',
      { name: 'maxFileBytes', max: 100, found: data.length },
    ]);
    const zip = join(dir, 'kq.xlsx');
    await writeFile(zip, XLSX_ZIP);
    await openWorkbook({ path: zip });
    expect(xlsx.openXlsx).toHaveBeenCalledWith(
      { path: zip },
      { file: zip, limits: DEFAULT_LIMITS },
    );
  });
});
