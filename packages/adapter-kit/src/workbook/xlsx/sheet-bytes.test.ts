import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../errors.ts';
import type { Row } from '../types.ts';
import { type SharedStrings, sharedStringsOf } from './shared-strings.ts';
import { decodeShortUtf8 } from './sheet-bytes.ts';
import { SHEET_NAMES, SheetHandler, type SheetReadSetup } from './sheet-reader.ts';
import { NO_STYLES } from './styles.ts';
import { sheetXml } from './xlsx.test-helper.ts';
import { XmlScanner } from './xml-scanner.ts';
import { XmlSyntaxError } from './xml-text.ts';

const strings: SharedStrings = sharedStringsOf(['Họ và tên', 'Nguyễn Thị Ánh Tuyết']);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function setup(overrides: Partial<SheetReadSetup> = {}): SheetReadSetup {
  return {
    sharedStrings: strings,
    styles: NO_STYLES,
    dateSystem: '1900',
    limits: resolveLimits(),
    context: { file: 'test.xlsx' },
    ...overrides,
  };
}

/** The rows of a sheet given as byte pieces, or the error, read as bytes or as text. */
function read(
  pieces: readonly Uint8Array[],
  asText = false,
  overrides: Partial<SheetReadSetup> = {},
): { rows: Row[] } | { error: string } {
  const options = setup({ ...overrides, asText });
  const handler = new SheetHandler(options);
  const scanner = new XmlScanner(SHEET_NAMES, handler, options.limits);
  const rows: Row[] = [];
  try {
    for (const piece of pieces) {
      scanner.write(piece);
      rows.push(...handler.queue);
      handler.queue = [];
    }
    scanner.end();
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
  rows.push(...handler.queue);
  return { rows };
}

function splitAt(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const sorted = [...new Set(points)]
    .filter((p) => p > 0 && p < bytes.length)
    .sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of [...sorted, bytes.length]) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  return pieces;
}

/** Sheets with every construct the byte reader handles, and broken ones. */
const SHEETS = [
  sheetXml(
    '<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> Nguyễn Thị Ánh Tuyết &amp; Đặng _x000D_ </t></is></c>' +
      '<c r="B1" s="0"><v>44096</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="str"><f>"Lê "&amp;"Văn"</f><v>Lê Văn</v></c></row>' +
      '<row r="2"><c r="A2"><v>-1.5E-3</v></c><c r="$C$2" t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2020-09-22</v></c>' +
      '<c t="inlineStr"><is><r><t>Trường </t></r><r><t>Tiểu học</t></r><rPh><t>x</t></rPh></is></c></row>' +
      '<!-- a comment with <c> and Tiếng Việt --><?pi Việt?>' +
      '<row><c><v>007</v></c><c><v>1234567890123456789</v></c><c><v>&#52;2</v></c><c t="s"><v><![CDATA[0]]></v></c>' +
      '<c t="inlineStr"><is><t>dòng 1\r\ndòng 2\rdòng 3</t></is></c><c t="inlineStr"><is><t>😀 &#x1F600;</t></is></c></row>',
    '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
    '<dimension ref="A1:F3"/>',
  ),
  `\ufeff${sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')}`,
  '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Lê Thị</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
  sheetXml('<row><c t="s"><v>9</v></c></row>'),
  sheetXml('<row><c><v>abc</v></c></row>'),
  sheetXml('<row r="0"><c><v>1</v></c></row>'),
  sheetXml('<row><c s="x"><v>1</v></c></row>'),
  sheetXml('<row><c t="zz"><v>1</v></c></row>'),
  sheetXml('<row><c r="1"><v>1</v></c></row>'),
  sheetXml('<row><c><v>1</v></c></rov>'),
  sheetXml('<row><c><v>&bogus;</v></c></row>'),
  `${sheetXml('<row><c><v>1</v></c></row>')}<second/>`,
  '<!DOCTYPE x><worksheet/>',
  sheetXml('<row><c><v>1</v></c></row>').slice(0, -5),
  `stray${sheetXml('')}`,
];

describe('SheetByteReader', () => {
  it('gives the rows and errors of the text scanner, however the bytes are split', () => {
    const rowsOf = (xml: string): Row[] | undefined => {
      const result = read([encode(xml)]);
      return 'rows' in result ? result.rows : undefined;
    };
    expect(rowsOf(SHEETS[0] as string)?.map((row) => row.cells.length)).toEqual([4, 6, 6]);
    expect(rowsOf(SHEETS[0] as string)?.[2]?.cells).toEqual([
      { value: 7 },
      { value: Number('1234567890123456789') },
      { value: 42 },
      { value: 'Họ và tên' },
      { value: 'dòng 1\ndòng 2\ndòng 3' },
      { value: '😀 😀' },
    ]);
    expect(rowsOf(SHEETS[1] as string)).toEqual([{ row: 1, cells: [{ value: 1 }] }]);
    for (const broken of SHEETS.slice(3))
      expect(read([encode(broken)]), broken).toHaveProperty('error');
    for (const xml of SHEETS) {
      const bytes = encode(xml);
      const expected = read([bytes], true);
      expect(read([bytes]), xml).toEqual(expected);
      for (let i = 1; i < bytes.length; i++) {
        expect(read(splitAt(bytes, [i])), `${xml} split at byte ${i}`).toEqual(expected);
      }
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SHEETS.length - 1 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (which, raw) => {
          const bytes = encode(SHEETS[which] as string);
          const points = raw.map((p) => p % bytes.length);
          expect(read(splitAt(bytes, points))).toEqual(read([bytes], true));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the usual cells at once with the same rows and errors, however the bytes are split', () => {
    // Styles: 0 plain, 1 a date format, 2 a font; shared string 2 was cut.
    const styles = {
      ...NO_STYLES,
      count: 3,
      isDate: Uint8Array.from([0, 1, 0]),
      font: [undefined, undefined, '.VnTime'],
    };
    const sharedStrings = sharedStringsOf(['Họ và tên', 'Lê Văn Tám', 'Nguyễn'], new Set([2]));
    const overrides = { styles, sharedStrings };
    const usual = sheetXml(
      '<row r="5" spans="1:9"><c r="A5" s="2" t="s"><v>1</v></c><c r="B5"><v>44096</v></c>' +
        '<c r="C5" s="1"><v>44096</v></c><c r="D5" s="1" t="n"><v>0</v></c><c t="s" s="2" r="E5"><v>2</v></c>' +
        '<c r="F5" s="1"/><c r="G5" s="2" t="s"/><c r="H5" s="0"><v>123456789012345</v></c>' +
        '<c r="I5" s="2"><v>1234567890123456</v></c><c r="J5" t="s"><v>0000000001</v></c></row>' +
        '<row r="6"><c r="$A$6" t="s"><v>0</v></c><c r="B6"\t s="1"><v>7</v></c><c r="C6" t="str"><v>7</v></c>' +
        '<c r="D6" t="b"><v>1</v></c><c r="E6" s="1"><v>-1</v></c>' +
        '<c r="G6" s="2" t="inlineStr"><is><t>x</t></is></c><c r="H6"><v>1</v><f>A1</f></c>' +
        '<c r="I6" s="1"><v>1</v></c ><c r="AA6" s="1"><v>2</v></c></row>',
    );
    const broken = [
      sheetXml('<row><c r="A1" t="s"><v>9</v></c></row>'),
      sheetXml('<row><c r="A1" t="s"><v>1234567890</v></c></row>'),
      sheetXml('<row><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>'),
      sheetXml('<row><c r="A1" t="x"><v>1</v></c></row>'),
      sheetXml('<c r="A1"><v>1</v></c>'),
      sheetXml('<row><c r="A1"><v>1</v></c></row>').replace(
        '<worksheet',
        '<c r="A1"><v>1</v></c><worksheet',
      ),
      sheetXml('<row><c r="1"><v>1</v></c></row>'),
      sheetXml('<row><c r="A1"><v>1</v></c></rov>'),
      sheetXml('<row><c r="ZZZZZZZ1"><v>3</v></c></row>'),
      sheetXml('<row><c r="XFE1" s="1"/></row>'),
      sheetXml('<row><c r="A1" t="s"><v>00000000001</v></c></row>'),
      sheetXml('<row><c r="A1" t="s"><v> 1</v></c></row>'),
    ];
    const limited = [
      { limits: resolveLimits({ maxColumns: 3 }) },
      { limits: resolveLimits({ maxRowLength: 12 }) },
      { limits: resolveLimits({ maxXmlDepth: 4 }) },
      { limits: resolveLimits({ maxXmlDepth: 5 }) },
    ];
    const expected = read([encode(usual)], true, overrides);
    expect(expected).toHaveProperty('rows');
    const rows = (expected as { rows: Row[] }).rows;
    expect(rows[0]?.cells).toEqual([
      { value: 'Lê Văn Tám', font: '.VnTime' },
      { value: 44096 },
      { value: 44096, date: '2020-09-22' },
      { value: 0 },
      { value: 'Nguyễn', font: '.VnTime', truncated: true },
      undefined,
      undefined,
      { value: 123456789012345 },
      { value: 1234567890123456, font: '.VnTime' },
      { value: 'Lê Văn Tám' },
    ]);
    for (const xml of [usual, ...broken]) {
      for (const extra of [{}, ...limited]) {
        const options = { ...overrides, ...extra };
        const bytes = encode(xml);
        const want = read([bytes], true, options);
        expect(read([bytes], false, options), xml).toEqual(want);
        for (let i = 1; i < bytes.length; i++) {
          expect(read(splitAt(bytes, [i]), false, options), `${xml} split at byte ${i}`).toEqual(
            want,
          );
        }
      }
    }
    // The tag length of a cell read at once is checked as any other tag's.
    const short = encode(
      '<worksheet><sheetData><row><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/></row></sheetData></worksheet>',
    );
    const results = new Set<string>();
    for (let max = 16; max <= 30; max++) {
      const options = { ...overrides, limits: resolveLimits({ maxTagLength: max }) };
      const want = read([short], true, options);
      expect(read([short], false, options), `maxTagLength ${max}`).toEqual(want);
      results.add(JSON.stringify(want));
    }
    expect(results.size).toBeGreaterThan(2);
    for (const xml of broken)
      expect(read([encode(xml)], false, overrides), xml).toHaveProperty('error');
    expect(read([encode(usual)], false, limited[0])).toEqual({
      error: expect.stringContaining('maxColumns'),
    });
  });

  it('reads a Vietnamese cell split at every byte, UTF-8 sequences included', () => {
    const text = 'Nguyễn Thị Ánh Tuyết — Trường THCS Đặng Thai Mai, Thừa Thiên Huế';
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c><c r="B1" t="str"><f>"${text}"</f><v>${text}</v></c></row>`,
    );
    const bytes = encode(xml);
    const expected = {
      rows: [{ row: 1, cells: [{ value: text }, { value: text, formula: `"${text}"` }] }],
    };
    for (let i = 1; i < bytes.length; i++) {
      expect(read(splitAt(bytes, [i])), `split at byte ${i}`).toEqual(expected);
    }
    // Every byte its own piece.
    expect(read(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)))).toEqual(expected);
  });

  it('refuses bytes that are not UTF-8, in cells, markup and skipped text alike', () => {
    const good = encode(sheetXml('<row><c t="inlineStr"><is><t>Việt</t></is></c></row>'));
    const at = good.indexOf(0xe1); // the first byte of "ệ"
    for (const bad of [
      [...good.subarray(0, at), 0xff, ...good.subarray(at + 1)],
      [...good.subarray(0, at + 1), 0x41, ...good.subarray(at + 2)],
      [...encode('<worksheet a="'), 0xc3, ...encode('"><sheetData/></worksheet>')],
      [...encode('<worksheet><sheetData/><x>'), 0xed, 0xa0, 0x80, ...encode('</x></worksheet>')],
      [...encode('<worksheet><!-- '), 0xc0, 0x80, ...encode(' --><sheetData/></worksheet>')],
    ]) {
      const bytes = Uint8Array.from(bad);
      for (const pieces of [[bytes], splitAt(bytes, [bytes.length - 20])]) {
        expect(read(pieces)).toEqual({
          error: 'XmlSyntaxError: The XML part is not valid UTF-8 or UTF-16 text.',
        });
      }
    }
  });

  it('scans a tag split over many pieces in linear work, and refuses one beyond maxTagLength', () => {
    const xml = sheetXml(`<row a="${'x'.repeat(1_000_000)}"><c><v>1</v></c></row>`);
    const bytes = encode(xml);
    const handler = new SheetHandler(setup({ limits: resolveLimits({ maxTagLength: 2_000_000 }) }));
    const scanner = new XmlScanner(SHEET_NAMES, handler);
    for (let at = 0; at < bytes.length; at += 1000) scanner.write(bytes.subarray(at, at + 1000));
    scanner.end();
    expect(handler.queue).toEqual([{ row: 1, cells: [{ value: 1 }] }]);
    expect(handler.bytes?.scanned).toBeLessThan(4 * bytes.length);
    const limited = read(splitAt(bytes, [100, 5000, 600_000]), false, {
      limits: resolveLimits({ maxTagLength: 100_000 }),
    });
    expect(limited).toEqual({
      error: expect.stringContaining('LimitHit'),
    });
  });

  it('refuses nesting deeper than maxXmlDepth', () => {
    const xml = `<worksheet>${'<a>'.repeat(20)}${'</a>'.repeat(20)}<sheetData/></worksheet>`;
    expect(read([encode(xml)], false, { limits: resolveLimits({ maxXmlDepth: 10 }) })).toEqual({
      error: expect.stringContaining('LimitHit'),
    });
    expect(read([encode(xml)], false, { limits: resolveLimits({ maxXmlDepth: 21 }) })).toEqual({
      rows: [],
    });
    // A cell's <v> counts too, also when the cell is read at once.
    const cell = encode(
      '<worksheet><sheetData><row><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
    );
    for (const [depth, expected] of [
      [4, { error: expect.stringContaining('LimitHit') }],
      [5, { rows: [{ row: 1, cells: [{ value: 1 }] }] }],
    ] as const) {
      const limits = resolveLimits({ maxXmlDepth: depth });
      expect(read([cell], false, { limits })).toEqual(expected);
      expect(read([cell], true, { limits })).toEqual(expected);
    }
  });
});

describe('decodeShortUtf8 (short text decoded by hand)', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The decoder's answer: the text, or `null` when it rejects the bytes. */
  const byDecoder = (bytes: Uint8Array): string | null => {
    try {
      return fatal.decode(bytes);
    } catch {
      return null;
    }
  };
  /** The hand decoder's answer: the text, `undefined` (left to the decoder), or `null` (rejected). */
  const byHand = (bytes: Uint8Array): string | undefined | null => {
    try {
      return decodeShortUtf8(bytes, 0, bytes.length);
    } catch (error) {
      expect(error).toBeInstanceOf(XmlSyntaxError);
      return null;
    }
  };
  // Bytes around every boundary of UTF-8: ASCII, continuation bytes, overlong and surrogate
  // leads, two-, three- and four-byte leads, bytes no sequence starts with.
  const byte = fc.oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0xbf }),
    fc.constantFrom(0xc0, 0xc1, 0xc2, 0xc3, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
  );

  it('agrees with the fatal decoder on any bytes, or leaves them to it (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.array(byte, { maxLength: 64 }).map((b) => Uint8Array.from(b)),
          fc
            .string({ unit: 'grapheme', maxLength: 20 })
            .map((t) => new TextEncoder().encode(t))
            .filter((b) => b.length <= 64),
        ),
        (bytes) => {
          const hand = byHand(bytes);
          if (hand !== undefined) expect(hand).toBe(byDecoder(bytes));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('decodes Vietnamese text and rejects overlong forms, surrogates and cut sequences', () => {
    const encode = (t: string) => new TextEncoder().encode(t);
    expect(byHand(encode('Nguyễn Thị Ánh Tuyết'))).toBe('Nguyễn Thị Ánh Tuyết');
    expect(byHand(encode(''))).toBe('');
    expect(byHand(Uint8Array.from([0xe0, 0x80, 0x80]))).toBeNull(); // overlong
    expect(byHand(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull(); // a surrogate
    expect(byHand(Uint8Array.from([0x41, 0xe1, 0xbb]))).toBeNull(); // cut
    expect(byHand(Uint8Array.from([0xc0, 0x80]))).toBeUndefined(); // left to the decoder (rejects)
    expect(byHand(encode('😀'))).toBeUndefined(); // four bytes: the decoder's
  });

  it('reads an inline string of a sheet the same by bytes as by text', () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Lê Thị Hồng</t></is></c><c r="B1" t="inlineStr"><is><t>Mã &amp; tên</t></is></c></row>',
    );
    const bytes = read([encode(xml)]);
    expect(bytes).toEqual(read([encode(xml)], true));
    expect('rows' in bytes && bytes.rows[0]?.cells.map((c) => c?.value)).toEqual([
      'Lê Thị Hồng',
      'Mã & tên',
    ]);
    // Invalid UTF-8 inside a short inline string: the same error either way.
    const bad = encode(xml.replace('Hồng', 'H\u0001'));
    bad[bad.indexOf(1)] = 0xe1;
    const failed = read([bad]);
    expect(failed).toEqual(read([bad], true));
    expect('error' in failed && failed.error).toMatch(/not valid UTF-8/);
  });
});
