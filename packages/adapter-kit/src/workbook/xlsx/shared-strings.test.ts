import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../errors.ts';
import {
  SHARED_STRINGS_NAMES,
  type SharedStrings,
  SharedStringsHandler,
} from './shared-strings.ts';
import { XmlScanner } from './xml-scanner.ts';

function parse(xml: string, maxCellLength = 32_767) {
  const handler = new SharedStringsHandler(resolveLimits({ maxCellLength }));
  const scanner = new XmlScanner(SHARED_STRINGS_NAMES, handler);
  scanner.write(xml);
  scanner.end();
  return all(handler.result());
}

/** The strings of a table, in order, and the indexes that were cut. */
function all(table: SharedStrings): { strings: (string | undefined)[]; truncated: number[] } {
  return {
    strings: Array.from({ length: table.count }, (_, i) => table.get(i)),
    truncated: [...table.truncated],
  };
}

describe('SharedStringsHandler', () => {
  it('reads plain and rich-text strings, skipping phonetic runs, as stored', () => {
    const nfd = 'Nguye\u0302\u0303n';
    const { strings } = parse(
      '<sst xmlns="urn:main" count="6" uniqueCount="6">' +
        '<si><t>Họ và tên</t></si>' +
        '<si><r><rPr><b/><rFont val=".VnTime"/></rPr><t xml:space="preserve">Tr­êng </t></r><r><t>TiÓu häc</t></r></si>' +
        `<si><t>${nfd}</t></si>` +
        '<si><t xml:space="preserve">  spaces kept  </t></si>' +
        '<si><t>&lt;&amp;&gt;&quot;&apos;&#x1EA0;_x000D__x005F_x0041_</t></si>' +
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si/><si><t/></si>' +
        '</sst>',
    );
    expect(strings).toEqual([
      'Họ và tên',
      'Tr­êng TiÓu häc',
      nfd,
      '  spaces kept  ',
      '<&>"\'Ạ\r_x0041_',
      '漢字',
      '',
      '',
    ]);
    expect(strings[2]).not.toBe(nfd.normalize('NFC'));
  });

  it('cuts strings longer than maxCellLength and remembers which', () => {
    const { strings, truncated } = parse(
      `<sst><si><t>short</t></si><si><t>${'x'.repeat(100)}</t></si></sst>`,
      20,
    );
    expect(strings).toEqual(['short', 'x'.repeat(20)]);
    expect(truncated).toEqual([1]);
  });

  it('refuses more strings than maxSharedStrings, or more characters than maxSharedStringsLength', () => {
    const table = (n: number, text: string): string =>
      `<sst>${`<si><t>${text}</t></si>`.repeat(n)}</sst>`;
    const scan = (xml: string, limits: Parameters<typeof resolveLimits>[0]) => {
      const handler = new SharedStringsHandler(resolveLimits(limits));
      const scanner = new XmlScanner(SHARED_STRINGS_NAMES, handler);
      scanner.write(xml);
      scanner.end();
      return all(handler.result());
    };
    expect(scan(table(10, 'abc'), { maxSharedStrings: 10 }).strings).toHaveLength(10);
    expect(() => scan(table(11, 'abc'), { maxSharedStrings: 10 })).toThrow(
      expect.objectContaining({ limit: 'maxSharedStrings', max: 10, found: 11 }),
    );
    expect(scan(table(10, 'abc'), { maxSharedStringsLength: 30 }).strings).toHaveLength(10);
    expect(() => scan(table(11, 'abc'), { maxSharedStringsLength: 30 })).toThrow(
      expect.objectContaining({ limit: 'maxSharedStringsLength', max: 30, found: 33 }),
    );
    // Strings cut at the cell limit count as cut.
    expect(
      scan(table(3, 'x'.repeat(50)), { maxCellLength: 10, maxSharedStringsLength: 30 }).strings,
    ).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10)]);
  });
});

describe('the shared-strings table', () => {
  const escapeText = (text: string): string =>
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replace(/[\ud800-\udfff]/gu, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase()}_`);
  const table = (texts: readonly string[], limits: Parameters<typeof resolveLimits>[0] = {}) => {
    const handler = new SharedStringsHandler(resolveLimits(limits));
    const scanner = new XmlScanner(SHARED_STRINGS_NAMES, handler);
    scanner.write(`<sst>${texts.map((t) => `<si><t>${escapeText(t)}</t></si>`).join('')}</sst>`);
    scanner.end();
    return handler.result();
  };

  it('gives back any text as stored, lone surrogates and astral characters included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 40 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 5 }),
        (texts, odd) => {
          // Carriage returns stand for themselves only as _x000D_; XML reads a raw one as \n.
          const all = [...texts, ...odd].map((t) => t.replaceAll('\r', '\n'));
          const read = table(all);
          expect(read.count).toBe(all.length);
          for (let pass = 0; pass < 2; pass++) {
            all.forEach((text, i) => {
              expect(read.get(i)).toBe(text);
            });
          }
          expect(read.get(all.length)).toBeUndefined();
          expect(read.get(-1)).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds strings over many pages and offset chunks, one longer than a page, as stored', () => {
    const texts = Array.from({ length: 140_000 }, (_, i) =>
      i % 3 === 0 ? `Nguyễn Thị ${i}` : i % 3 === 1 ? `${i}` : '',
    );
    const long = `Đặng ${'ư'.repeat(600_000)}`;
    texts.splice(70_000, 0, long);
    const read = table(texts, { maxCellLength: 1_000_000 });
    expect(read.count).toBe(texts.length);
    // Out of order, so that every lookup path (cache, page search) is taken.
    for (const i of [139_999, 0, 70_000, 65_535, 65_536, 70_001, 3, 3, 69_999, 1]) {
      expect(read.get(i)).toBe(texts[i]);
    }
    for (let i = 0; i < texts.length; i += 7) expect(read.get(i)).toBe(texts[i]);
    expect(read.get(70_000)?.length).toBe(long.length);
  });

  it('gives the stored strings however often and in whatever order they are asked for', () => {
    const texts = Array.from({ length: 40_000 }, (_, i) =>
      i % 5 === 0 ? `Lê Văn ${i} ${'ă'.repeat(i % 300)}` : `HS${i}`,
    );
    const read = table(texts);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(40_000 - 1), fc.constantFrom(5, 5 + 16_384, 5 + 32_768)), {
          maxLength: 300,
        }),
        (indexes) => {
          for (const i of indexes) expect(read.get(i)).toBe(texts[i]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the shared strings read as bytes', () => {
  const xml =
    '\ufeff<?xml version="1.0"?><sst xmlns="urn:main"><si><t>Nguyễn Thị Ánh Tuyết</t></si>' +
    '<si><r><t xml:space="preserve">Trường </t></r><r><t>Tiểu học &amp; THCS</t></r></si>' +
    '<si><t>dòng 1\r\ndòng 2</t></si><si><t>_x000D_x_x005F_x0041_ 😀</t></si>' +
    '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si/><si><t/></si>' +
    `<si><t>${'Việt '.repeat(9)}</t></si><si><t><![CDATA[<b>]]> a_</t></si><si><t>x</t></si>` +
    '<si><t>a_</t></si><si><t>Lê</t><r><t> Văn</t></r></si><si><t>x_x</t></si><si><t>Tám</t></si ></sst>';
  const bytes = new TextEncoder().encode(xml);
  const read = (pieces: readonly Uint8Array[], asText: boolean, maxCellLength = 32_767) => {
    const handler = new SharedStringsHandler(resolveLimits({ maxCellLength }), asText);
    const scanner = new XmlScanner(SHARED_STRINGS_NAMES, handler);
    for (const piece of pieces) scanner.write(piece);
    scanner.end();
    return all(handler.result());
  };

  it('gives the strings of the text scanner, however the bytes are split', () => {
    for (const max of [32_767, 20]) {
      const expected = read([bytes], true, max);
      expect(expected.strings).toHaveLength(14);
      expect(read([bytes], false, max)).toEqual(expected);
      for (let i = 1; i < bytes.length; i++) {
        const pieces = [bytes.subarray(0, i), bytes.subarray(i)];
        expect(read(pieces, false, max), `split at byte ${i}`).toEqual(expected);
      }
    }
    expect(read([bytes], false).strings.slice(0, 4)).toEqual([
      'Nguyễn Thị Ánh Tuyết',
      'Trường Tiểu học & THCS',
      'dòng 1\ndòng 2',
      '\rx_x0041_ 😀',
    ]);
  });

  it('reads a plain string at once only within maxXmlDepth', () => {
    const plain = new TextEncoder().encode('<sst><si><t>Lê Thị</t></si></sst>');
    for (const [maxXmlDepth, expected] of [
      [2, 'LimitHit'],
      [3, 'Lê Thị'],
    ] as const) {
      const result = (asText: boolean): string => {
        const handler = new SharedStringsHandler(resolveLimits({ maxXmlDepth }), asText);
        const scanner = new XmlScanner(
          SHARED_STRINGS_NAMES,
          handler,
          resolveLimits({ maxXmlDepth }),
        );
        try {
          scanner.write(plain);
          scanner.end();
          return all(handler.result()).strings.join();
        } catch (error) {
          return (error as Error).name;
        }
      };
      expect(result(false)).toBe(expected);
      expect(result(true)).toBe(expected);
    }
  });

  it('refuses bytes that are not UTF-8 in a string', () => {
    const at = bytes.indexOf(0xe1);
    const bad = Uint8Array.from(bytes);
    bad[at + 1] = 0x41;
    expect(() => read([bad], false)).toThrow('The XML part is not valid UTF-8 or UTF-16 text.');
  });
});
