import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type XmlHandler, XmlScanner } from './xml-scanner.ts';
import {
  cutText,
  decodeEntities,
  escapeXmlText,
  unescapeOoxml,
  XmlSyntaxError,
} from './xml-text.ts';

/** What a reader gets back from text written with {@link escapeXmlText}. */
function readBack(escaped: string): string {
  let text = '';
  const handler: XmlHandler = {
    collecting: true,
    open: () => {},
    close: () => {},
    text: (piece) => {
      text += piece;
    },
  };
  const scanner = new XmlScanner(['t'], handler);
  scanner.write(`<t>${escaped}</t>`);
  scanner.end();
  return unescapeOoxml(text);
}

describe('decodeEntities', () => {
  it('replaces the predefined entities and character references', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&apos;&#65;&#x1F600;&#xe1;')).toBe('&<>"\'A😀á');
    expect(decodeEntities('no entities')).toBe('no entities');
  });
  it.each(['&nbsp;', '& x', '&#xD800;', '&#1114112;', '&#0;', '&#xZZ;', '&;'])(
    'rejects %s',
    (text) => {
      expect(() => decodeEntities(text)).toThrow(XmlSyntaxError);
    },
  );
});

describe('OOXML _xHHHH_ escapes', () => {
  it('unescapes code units and the escaped underscore', () => {
    expect(unescapeOoxml('a_x000D_b')).toBe('a\rb');
    expect(unescapeOoxml('_x005F_x000D_')).toBe('_x000D_');
    expect(unescapeOoxml('_x00e1_ _x_ _x12_ _xGGGG_')).toBe('á _x_ _x12_ _xGGGG_');
  });

  it('escapes what XML cannot carry and reads back every string unchanged', () => {
    expect(escapeXmlText('a\rb\u0001<&>"')).toBe('a_x000D_b_x0001_&lt;&amp;&gt;&quot;');
    expect(escapeXmlText('_x000D_')).toBe('_x005F_x000D_');
    expect(escapeXmlText('\ud800x')).toBe('_xD800_x');
    expect(escapeXmlText('😀')).toBe('😀');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({
            unit: fc.constantFrom(
              '_',
              'x',
              '0',
              'D',
              'A',
              '\r',
              '\n',
              '\t',
              '\ud83d',
              '\ude00',
              '&',
              'ệ',
            ),
          }),
        ),
        (text) => {
          expect(readBack(escapeXmlText(text))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('cutText', () => {
  it('cuts without splitting a surrogate pair', () => {
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('abc', 3)).toBe('abc');
    expect(cutText('abcd', 3)).toBe('abc');
  });
});
