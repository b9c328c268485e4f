import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../errors.ts';
import type { Row } from '../types.ts';
import { utf8Census } from './encoding.ts';
import { type CsvOptions, openCsv } from './index.ts';

/**
 * Issue 15: encodings are never guessed silently — one bad byte does not switch a UTF-8 file to
 * Windows-1258 — and text a decoder had to replace, or a NUL, is marked on its cell.
 */

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const join = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

async function rows(bytes: Uint8Array, options: CsvOptions = {}): Promise<Row[]> {
  const book = await openCsv(bytes, options);
  const out: Row[] = [];
  for await (const row of book.rows(0)) out.push(row);
  await book.close();
  return out;
}

async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    yield bytes.subarray(from, to);
    from = to;
  }
}

describe('utf8Census', () => {
  it('counts the invalid sequences a decoder replaces, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 64 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (bytes, raw) => {
          const decoded = new TextDecoder('utf-8').decode(bytes);
          const literal = new TextDecoder('utf-8', { fatal: false })
            .decode(bytes)
            .split('')
            .filter((c) => c === '\uFFFD').length;
          const points = [...new Set(raw.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const census = await utf8Census(chunked(bytes, points));
          // Replacement characters: one per invalid sequence, plus literal U+FFFD (EF BF BD).
          let literals = 0;
          for (let i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) literals++;
          }
          expect(census.invalid + literals).toBe(literal);
          const multiByte = [...decoded].filter(
            (c) => c !== '\uFFFD' && (c.codePointAt(0) ?? 0) >= 0x80,
          );
          expect(census.valid).toBe(multiByte.length + literals);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('openCsv: bad bytes', () => {
  it('reads a UTF-8 file with one invalid byte as UTF-8, marking only that value', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `HS${i},Nguyễn Văn Ánh ${i}`);
    const data = join(
      'Mã HS,Họ tên\n',
      names.slice(0, 150).join('\n'),
      '\nHS900,Ng',
      [0xff],
      'uyễn\n',
      names.slice(150).join('\n'),
      '\n',
    );
    const book = await openCsv(data, { file: 'hs.csv' });
    expect([book.encoding, book.encodingSource]).toEqual(['utf-8', 'mostly-utf-8']);
    expect(book.invalidUtf8).toEqual({ count: 1, firstLine: 152 });
    const read = await rows(data);
    const marked = read.filter((r) => r.cells.some((c) => c?.invalidText === true));
    expect(marked.map((r) => [r.row, r.cells[1]])).toEqual([
      [152, { value: 'Ng\uFFFDuyễn', invalidText: true }],
    ]);
    // Every other name is read right (Windows-1258 would have garbled all 300).
    expect(
      read
        .filter((r) => r.row !== 152 && r.row > 1)
        .every((r) => String(r.cells[1]?.value).startsWith('Nguyễn Văn Ánh')),
    ).toBe(true);
  });

  it('still reads a Windows-1258 file as such, an accidental UTF-8 pair or not', async () => {
    // "Đức" and "Hà" in Windows-1258; 0xCA 0xA0 ("Ê" + no-break space) happens to be UTF-8.
    const line: (string | number[])[] = [
      'H',
      [0xe0],
      ' N',
      [0xf4, 0xf2],
      'i,',
      [0xd0],
      [0xfd, 0xec],
      'c\n',
    ];
    const data = join(...Array.from({ length: 20 }, () => line).flat(), 'L', [0xca, 0xa0], '\n');
    const book = await openCsv(data);
    expect([book.encoding, book.encodingSource]).toEqual(['windows-1258', 'fallback']);
  });

  it('refuses a file that mixes UTF-8 and another encoding', async () => {
    const data = join(
      'Nguyễn Văn An,Lê Thị Hoà\n',
      'H',
      [0xe0],
      ' N',
      [0xf4, 0xf2],
      'i,',
      [0xd0],
      [0xfd, 0xec],
      'c,',
      [0xe0, 0xe0, 0xe0],
      '\n',
    );
    const error = await openCsv(data, { file: 'mixed.csv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('corrupt-file');
    expect((error as AdapterError).message).toMatch(/mixes text encodings.*CSV UTF-8/);
  });

  it('marks a NUL anywhere, and U+FFFD from a given encoding, on their cells', async () => {
    const filler = 'a,b\n'.repeat(20_000); // past the 64 KiB the start is sniffed on
    const data = join(filler, 'Nguy', [0], 'n,x\n');
    const read = await rows(data);
    expect(read.at(-1)?.cells).toEqual([{ value: 'Nguy\0n', invalidText: true }, { value: 'x' }]);
    const given = await rows(join('H', [0xe0], ',x\n'), { encoding: 'utf-8' });
    expect(given[0]?.cells).toEqual([{ value: 'H\uFFFD', invalidText: true }, { value: 'x' }]);
  });

  it('refuses a record with more text than maxRowLength, naming its line', async () => {
    const data = utf8(`a,b\n${'x'.repeat(30)},${'y'.repeat(30)}\n`);
    const error = await rows(data, { limits: { maxRowLength: 50 } }).catch((e: unknown) => e);
    expect((error as AdapterError).limit).toEqual({
      name: 'maxRowLength',
      max: 50,
      found: 60,
      place: 'The record on line 2',
    });
  });

  it('refuses HTML and Excel 2003 XML named .csv, with or without markers', async () => {
    const utf16 = (text: string, be = false): Uint8Array => {
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        out[2 * i + (be ? 1 : 0)] = text.charCodeAt(i) & 0xff;
        out[2 * i + (be ? 0 : 1)] = text.charCodeAt(i) >> 8;
      }
      return out;
    };
    for (const data of [
      utf16('<html><body><table><tr><td>Họ tên</td></tr></table></body></html>'),
      utf16('<table><tr><td>Họ tên</td></tr></table>', true),
      utf8(
        '<!-- export --><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
      ),
    ]) {
      const error = await openCsv(data).catch((e: unknown) => e);
      expect((error as AdapterError).code).toBe('unsupported-format');
      expect((error as AdapterError).message).toMatch(/save it as \.xlsx/);
    }
  });
});
