import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterError } from '../../errors.ts';
import type { Row } from '../types.ts';
import { type CsvOptions, openCsv, sheetName } from './index.ts';
import type { WorkbookSource } from './source.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => {
  const le = utf16le(text);
  for (let i = 0; i + 1 < le.length; i += 2)
    [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return le;
};

async function read(source: WorkbookSource, options: CsvOptions = {}): Promise<Row[]> {
  const book = await openCsv(source, options);
  try {
    const rows: Row[] = [];
    for await (const row of book.rows(0)) rows.push(row);
    return rows;
  } finally {
    await book.close();
  }
}

/** Rows as arrays of values (gaps as `undefined`). */
async function values(source: WorkbookSource, options: CsvOptions = {}) {
  return (await read(source, options)).map((r) => r.cells.map((c) => c?.value));
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

describe('openCsv: encodings', () => {
  it('reads UTF-8 without a BOM, keeping the text as written', async () => {
    const book = await openCsv(utf8('Mã HS,Họ tên\n001,Nguyễn Văn An\n'), { file: 'hs.csv' });
    expect(book.encoding).toBe('utf-8');
    expect(book.encodingSource).toBe('valid-utf-8');
    expect(book.format).toBe('csv');
    expect(book.file).toBe('hs.csv');
    expect(book.sheets).toEqual([{ name: 'hs', index: 0, state: 'visible' }]);
    await book.close();
    expect(await values(utf8('Mã HS,Họ tên\n001,Nguyễn Văn An\n'))).toEqual([
      ['Mã HS', 'Họ tên'],
      ['001', 'Nguyễn Văn An'],
    ]);
  });

  it('keeps NFD text as NFD (no normalization)', async () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(await values(utf8(`${nfd}\n`))).toEqual([[nfd]]);
  });

  it('strips a UTF-8 BOM', async () => {
    const book = await openCsv(bytes([0xef, 0xbb, 0xbf], [...utf8('Họ tên;Lớp\r\nAn;1A\r\n')]));
    expect([book.encoding, book.encodingSource, book.delimiter]).toEqual(['utf-8', 'bom', ';']);
    const rows: Row[] = [];
    for await (const row of book.rows('Sheet1')) rows.push(row);
    expect(rows.map((r) => r.cells.map((c) => c?.value))).toEqual([
      ['Họ tên', 'Lớp'],
      ['An', '1A'],
    ]);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode Text", tab-separated)', async () => {
    const data = bytes(
      [0xff, 0xfe],
      [...utf16le('Họ tên\tNgày sinh\r\nTrần Thị Bích\t05/09/2016\r\n')],
    );
    const book = await openCsv(data);
    expect([book.encoding, book.encodingSource, book.delimiter]).toEqual(['utf-16le', 'bom', '\t']);
    await book.close();
    expect(await values(data)).toEqual([
      ['Họ tên', 'Ngày sinh'],
      ['Trần Thị Bích', '05/09/2016'],
    ]);
  });

  it('reads UTF-16BE with a BOM', async () => {
    const data = bytes([0xfe, 0xff], [...utf16be('a,Đức\n')]);
    expect(await values(data)).toEqual([['a', 'Đức']]);
  });

  it('recognizes UTF-16 without a BOM by its zero bytes', async () => {
    const le = await openCsv(utf16le('Mã,Tên\r\n1,Hà\r\n'));
    expect([le.encoding, le.encodingSource]).toEqual(['utf-16le', 'nul-pattern']);
    expect(await values(utf16le('Mã,Tên\r\n1,Hà\r\n'))).toEqual([
      ['Mã', 'Tên'],
      ['1', 'Hà'],
    ]);
    const be = await openCsv(utf16be('Mã,Tên\r\n1,Hà\r\n'));
    expect([be.encoding, be.encodingSource]).toEqual(['utf-16be', 'nul-pattern']);
    expect(await values(utf16be('Mã,Tên\r\n1,Hà\r\n'))).toEqual([
      ['Mã', 'Tên'],
      ['1', 'Hà'],
    ]);
  });

  it('decodes Windows-1258 (not valid UTF-8), with tone marks as combining characters', async () => {
    // Windows-1258 bytes, as Excel's "CSV" writes them on a Vietnamese Windows (hand-encoded from
    // the code page: ă E3, đ F0, Đ D0, ư FD, ơ F5, ô F4; combining grave CC, acute EC, tilde DE,
    // hook above D2, dot below F2; à E0 is precomposed).
    const data = bytes(
      'Ho',
      [0xf2],
      ' t',
      [0xea],
      'n;L',
      [0xf5, 0xec],
      'p\r\nNguy',
      [0xea, 0xde],
      'n V',
      [0xe3],
      'n ',
      [0xd0, 0xfd, 0xec],
      'c;H',
      [0xe0],
      ' N',
      [0xf4, 0xf2],
      'i\r\nTh',
      'u',
      [0xd2],
      'y;',
      [0xf0, 0xe3],
      'ng ky',
      [0xec],
      '\r\n',
    );
    const book = await openCsv(data);
    expect([book.encoding, book.encodingSource, book.delimiter]).toEqual([
      'windows-1258',
      'fallback',
      ';',
    ]);
    const rows = await values(data);
    // Decoded text is decomposed: normalize before comparing.
    expect(rows.flat().some((v) => typeof v === 'string' && v !== v.normalize('NFC'))).toBe(true);
    expect(rows.map((r) => r.map((v) => (v as string).normalize('NFC')))).toEqual([
      ['Họ tên', 'Lớp'],
      ['Nguyễn Văn Đức', 'Hà Nội'],
      ['Thủy', 'đăng ký'],
    ]);
  });

  it('uses Windows-1258 when only the end of a long file is not UTF-8', async () => {
    const head = 'a,b\n'.repeat(40_000); // 160 KB of ASCII, past the 64 KiB sample
    const data = bytes(head, 'H', [0xe0], ',x\n');
    const book = await openCsv(data);
    expect([book.encoding, book.encodingSource]).toEqual(['windows-1258', 'fallback']);
    const rows = await values(data);
    expect(rows.at(-1)).toEqual(['Hà', 'x']);
  });

  it('uses a given encoding as is', async () => {
    const data = bytes('H', [0xe0], '\n');
    expect(await values(data, { encoding: 'utf-8' })).toEqual([['H\uFFFD']]);
    const book = await openCsv(data, { encoding: 'windows-1258' });
    expect(book.encodingSource).toBe('option');
  });
});

describe('openCsv: delimiters and quoting', () => {
  it('detects ";" over decimal commas', async () => {
    const data = utf8('STT;Họ tên;Điểm\n1;An;7,5\n2;Bình;8,25\n');
    expect((await openCsv(data)).delimiter).toBe(';');
    expect(await values(data)).toEqual([
      ['STT', 'Họ tên', 'Điểm'],
      ['1', 'An', '7,5'],
      ['2', 'Bình', '8,25'],
    ]);
  });

  it('detects tab and "|", and ignores delimiters inside quotes', async () => {
    expect((await openCsv(utf8('a\tb\tc\n"x,y,z"\t2\t3\n'))).delimiter).toBe('\t');
    expect((await openCsv(utf8('a|b\n1|2\n'))).delimiter).toBe('|');
    expect((await openCsv(utf8('"a;b;c",d\n"e;f;g",h\n'))).delimiter).toBe(',');
    expect((await openCsv(utf8('one column\nvalue\n'))).delimiter).toBe(',');
  });

  it('uses a given delimiter', async () => {
    expect(await values(utf8('a;b,c\n'), { delimiter: ',' })).toEqual([['a;b', 'c']]);
  });

  it('reads quoted fields: delimiters, doubled quotes, line breaks (rows stay physical lines)', async () => {
    const text =
      'Mã,Ghi chú,Tên\r\n' +
      '1,"Chuyển trường, lớp 2A","An"\r\n' +
      '2,"Mẹ nói ""được""",Bình\r\n' +
      '3,"dòng 1\r\ndòng 2\ndòng 3",Chi\r\n' +
      '4,"",Dũng\r\n' +
      '5,"a""",E';
    const rows = await read(utf8(text));
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 7, 8]);
    expect(rows.map((r) => r.cells.map((c) => c?.value))).toEqual([
      ['Mã', 'Ghi chú', 'Tên'],
      ['1', 'Chuyển trường, lớp 2A', 'An'],
      ['2', 'Mẹ nói "được"', 'Bình'],
      ['3', 'dòng 1\r\ndòng 2\ndòng 3', 'Chi'],
      ['4', undefined, 'Dũng'],
      ['5', 'a"', 'E'],
    ]);
  });

  it('handles CR, LF and CRLF line ends, blank lines, ragged rows and a last line without newline', async () => {
    const rows = await read(utf8('a,b,c\rd\n\n,,\r\ne,,f,g,h\r\ni,j'));
    expect(rows.map((r) => [r.row, r.cells.map((c) => c?.value)])).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['d']],
      [5, ['e', undefined, 'f', 'g', 'h']],
      [6, ['i', 'j']],
    ]);
  });

  it('keeps text after a closing quote, and quotes inside unquoted text, as Excel does', async () => {
    expect(await values(utf8('"ab"c,d"e"f, "g"\n'))).toEqual([['abc', 'd"e"f', ' "g"']]);
  });

  it('never trims nor converts values: leading zeros, formulas, dates, spaces stay text', async () => {
    const rows = await read(utf8('0123, 7 ,=1+2,+84912345678,-5,@SUM(A1),05/09/2016,1e3,TRUE\n'));
    expect(rows[0]?.cells).toEqual([
      { value: '0123' },
      { value: ' 7 ' },
      { value: '=1+2' },
      { value: '+84912345678' },
      { value: '-5' },
      { value: '@SUM(A1)' },
      { value: '05/09/2016' },
      { value: '1e3' },
      { value: 'TRUE' },
    ]);
  });

  it('takes hostile header names as plain values', async () => {
    const rows = await values(
      utf8('__proto__,constructor,toString,hasOwnProperty\n{"a":1},x,y,z\n'),
    );
    expect(rows[0]).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(({} as Record<string, unknown>)['a']).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'a')).toBe(false);
  });

  it('keeps a 10,000-character cell whole', async () => {
    const long = 'Nguyễn '.repeat(1429).slice(0, 10_000);
    const rows = await read(utf8(`a,"${long}",b\n`));
    expect(rows[0]?.cells[1]).toEqual({ value: long });
  });
});

describe('openCsv: limits and errors', () => {
  it('cuts cells longer than maxCellLength and marks them, never splitting a surrogate pair', async () => {
    const rows = await read(utf8(`${'x'.repeat(50)},"${'y'.repeat(60)}",ok\nab😀cd\n`), {
      limits: { maxCellLength: 40 },
    });
    expect(rows[0]?.cells).toEqual([
      { value: 'x'.repeat(40), truncated: true },
      { value: 'y'.repeat(40), truncated: true },
      { value: 'ok' },
    ]);
    const emoji = await read(utf8('ab😀cd\n'), { limits: { maxCellLength: 3 } });
    expect(emoji[0]?.cells[0]).toEqual({ value: 'ab', truncated: true });
  });

  it('names the line of a quote that never closes', async () => {
    const error = await failure(() =>
      read(utf8('a,b\n1,2\n3,"x\n4,5\n6,7\n'), { file: 'bad.csv' }),
    );
    expect(error.code).toBe('corrupt-file');
    expect(error.message).toContain('line 3');
    expect(error.file).toBe('bad.csv');
  });

  it('rejects an empty file', async () => {
    expect((await failure(() => openCsv(new Uint8Array()))).code).toBe('empty-file');
    expect((await failure(() => openCsv(bytes([0xef, 0xbb, 0xbf])))).code).toBe('empty-file');
    expect((await failure(() => openCsv(utf8('\r\n,,\r\n"",""\n')))).code).toBe('empty-file');
    // A space is a value (values are never trimmed).
    expect(await values(utf8('\n ,\n'))).toEqual([[' ']]);
  });

  it('rejects binary data', async () => {
    let seed = 7;
    const garbage = Uint8Array.from({ length: 5000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    expect((await failure(() => openCsv(garbage))).code).toBe('wrong-file-type');
    const png = bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 1, 0]);
    expect((await failure(() => openCsv(png))).code).toBe('wrong-file-type');
    const controls = bytes('a,b\n', [1, 2, 3, 4, 5, 6, 7, 8], '\n');
    expect((await failure(() => openCsv(controls))).code).toBe('wrong-file-type');
  });

  it('stops at maxRows and maxColumns while iterating', async () => {
    const rows = await failure(() => read(utf8('a\nb\nc\n'), { limits: { maxRows: 2 } }));
    expect([rows.code, rows.limit]).toEqual([
      'limit-exceeded',
      { name: 'maxRows', max: 2, found: 3 },
    ]);
    const cols = await failure(() => read(utf8('a,b,c,d\n'), { limits: { maxColumns: 3 } }));
    expect([cols.code, cols.limit]).toEqual([
      'limit-exceeded',
      { name: 'maxColumns', max: 3, found: 4 },
    ]);
    // Empty fields beyond the limit hold nothing and are not counted.
    expect(await values(utf8('a,b,,,,,,\n'), { limits: { maxColumns: 3 } })).toEqual([['a', 'b']]);
  });

  it('checks maxFileBytes for bytes', async () => {
    const error = await failure(() => openCsv(utf8('a,b\n'), { limits: { maxFileBytes: 3 } }));
    expect([error.code, error.limit]).toEqual([
      'limit-exceeded',
      { name: 'maxFileBytes', max: 3, found: 4 },
    ]);
  });
});

describe('openCsv: files and the Workbook contract', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduvn-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('streams a file larger than a chunk, with quoted values across chunk boundaries', async () => {
    const lines = ['Mã,Ghi chú,Tên'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i},"dòng ""${i}""\nhai, ba",Nguyễn Văn ${i}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const path = join(dir, 'big.csv');
    await writeFile(path, text);
    const fromPath = await read({ path });
    expect(fromPath).toHaveLength(30_001);
    expect(fromPath[30_000]).toEqual({
      row: 60_000,
      cells: [
        { value: '29999' },
        { value: 'dòng "29999"\nhai, ba' },
        { value: 'Nguyễn Văn 29999' },
      ],
    });
    expect(fromPath).toEqual(await read(utf8(text)));
    const book = await openCsv({ path });
    expect(book.file).toBe(path);
    expect(book.sheets[0]?.name).toBe('big');
    await book.close();
  });

  it('checks the size of a path before reading it', async () => {
    const path = join(dir, 'size.csv');
    await writeFile(path, 'a,b\n1,2\n');
    const error = await failure(() => openCsv({ path }, { limits: { maxFileBytes: 4 } }));
    expect([error.code, error.limit?.found, error.file]).toEqual(['limit-exceeded', 8, path]);
  });

  it('stops after `until`, reads again, resolves sheets, and refuses reads after close', async () => {
    const book = await openCsv(utf8('a\n"b\nc"\nd\ne\n'), { file: 'C:\\data\\Lớp 1A.csv' });
    expect(book.sheets[0]?.name).toBe('Lớp 1A');
    const first: number[] = [];
    for await (const row of book.rows(0, { until: 2 })) first.push(row.row);
    expect(first).toEqual([1, 2]);
    const all: number[] = [];
    for await (const row of book.rows('Lớp 1A')) all.push(row.row);
    expect(all).toEqual([1, 2, 4, 5]);
    expect(await book.merges(0)).toEqual([]);
    expect(() => book.rows(1)).toThrow(RangeError);
    expect(() => book.rows('Sheet2')).toThrow(RangeError);
    await book.close();
    expect(() => book.rows(0)).toThrow(/closed/);
  });

  it('names the sheet after the file', () => {
    expect(sheetName(undefined)).toBe('Sheet1');
    expect(sheetName('/tmp/KQHT_Khoi1.csv')).toBe('KQHT_Khoi1');
    expect(sheetName('a.b.txt')).toBe('a.b');
    expect(sheetName('.csv')).toBe('Sheet1');
  });
});
