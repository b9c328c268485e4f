import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../errors.ts';
import { SHARED_STRINGS_NAMES, SharedStringsHandler } from './shared-strings.ts';
import { XmlScanner } from './xml-scanner.ts';

function parse(xml: string, maxCellLength = 32_767) {
  const handler = new SharedStringsHandler(resolveLimits({ maxCellLength }));
  const scanner = new XmlScanner(SHARED_STRINGS_NAMES, handler);
  scanner.write(xml);
  scanner.end();
  return handler.result();
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
    expect([...truncated]).toEqual([1]);
  });

  it('refuses more strings than maxSharedStrings, or more characters than maxSharedStringsLength', () => {
    const table = (n: number, text: string): string =>
      `<sst>${`<si><t>${text}</t></si>`.repeat(n)}</sst>`;
    const scan = (xml: string, limits: Parameters<typeof resolveLimits>[0]) => {
      const handler = new SharedStringsHandler(resolveLimits(limits));
      const scanner = new XmlScanner(SHARED_STRINGS_NAMES, handler);
      scanner.write(xml);
      scanner.end();
      return handler.result();
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
