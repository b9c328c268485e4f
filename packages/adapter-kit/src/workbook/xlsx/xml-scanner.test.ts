import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LimitHit } from '../../errors.ts';
import { type XmlHandler, type XmlPiece, XmlScanner } from './xml-scanner.ts';
import { decodeXml, scanChunks } from './xml-stream.ts';
import { XmlSyntaxError } from './xml-text.ts';

const NAMES = ['root', 'row', 'c', 't', 'v'];

type Event = readonly (string | number | boolean)[];

/** Records every event, attributes included; adjacent text pieces are joined. */
class Recorder implements XmlHandler {
  readonly collecting = true;
  readonly events: Event[] = [];
  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    const attrs: string[] = [];
    while (scanner.nextAttr()) {
      attrs.push(
        `${scanner.buf.slice(scanner.attrQualified, scanner.attrNameEnd)}=${scanner.attrValue()}`,
      );
    }
    const name = scanner.buf.slice(scanner.tagStart + 1, scanner.nameEnd);
    this.events.push(['open', id, name, selfClosing, ...attrs]);
  }
  close(id: number): void {
    this.events.push(['close', id]);
  }
  text(text: string): void {
    const last = this.events[this.events.length - 1];
    if (last?.[0] === 'text') this.events[this.events.length - 1] = ['text', `${last[1]}${text}`];
    else this.events.push(['text', text]);
  }
}

function scan(chunks: readonly XmlPiece[]): Event[] {
  const recorder = new Recorder();
  const scanner = new XmlScanner(NAMES, recorder);
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return recorder.events;
}

function splitAt(text: string, points: readonly number[]): string[] {
  const sorted = [...new Set(points)].filter((p) => p > 0 && p < text.length).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of sorted) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** A document with every construct the tokenizer must carry across chunks. */
const TRICKY =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<!-- a comment with > and <tags> inside -->' +
  '<x:root xmlns:x="urn:x" a="1&amp;2" b=\'single "quoted"\' c="has > inside" d="tab\there">' +
  '<x:row r="1" spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> Nguyễn Văn An &lt;&gt;&amp;&quot;&apos; </x:t></x:is></x:c>' +
  '<x:c r="B1"><x:v>&#49;&#x32;3</x:v></x:c><x:c r="C1"><x:t>line1\r\nline2\rline3_x000D_&#13;</x:t></x:c>' +
  '<x:c r="D1"><x:t><![CDATA[<not a tag> & raw]]></x:t></x:c><x:c r="E1"><x:t>😀 &#x1F600; Thủy</x:t></x:c>' +
  '<unknown attr="x"/><empty /><x:v/></x:row>' +
  '<?pi inside?>' +
  '</x:root>\n';

describe('XmlScanner', () => {
  it('reports elements by local name, attributes, and decoded text', () => {
    const events = scan([TRICKY]);
    expect(events[0]).toEqual([
      'open',
      0,
      'x:root',
      false,
      'xmlns:x=urn:x',
      'a=1&2',
      'b=single "quoted"',
      'c=has > inside',
      'd=tab here',
    ]);
    expect(events).toContainEqual(['text', ' Nguyễn Văn An <>&"\' ']);
    expect(events).toContainEqual(['text', '123']);
    expect(events).toContainEqual(['text', 'line1\nline2\nline3_x000D_\r']);
    expect(events).toContainEqual(['text', '<not a tag> & raw']);
    expect(events).toContainEqual(['text', '😀 😀 Thủy']);
    expect(events).toContainEqual(['open', -1, 'unknown', true, 'attr=x']);
    expect(events).toContainEqual(['open', -1, 'empty', true]);
    expect(events).toContainEqual(['open', 4, 'x:v', true]);
  });

  it('gives the same events whatever the chunk boundaries (every split position)', () => {
    const whole = scan([TRICKY]);
    for (let i = 1; i < TRICKY.length; i++) {
      expect(scan([TRICKY.slice(0, i), TRICKY.slice(i)]), `split at ${i}`).toEqual(whole);
    }
  });

  it('gives the same events for any set of split positions', () => {
    const whole = scan([TRICKY]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: TRICKY.length - 1 }), { maxLength: 40 }),
        (points) => {
          expect(scan(splitAt(TRICKY, points))).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same events for bytes split anywhere, UTF-8 sequences included', async () => {
    const bytes = new TextEncoder().encode(TRICKY);
    const whole = scan([TRICKY]);
    async function* chunks(points: readonly number[]): AsyncGenerator<Uint8Array> {
      let from = 0;
      for (const p of [...points, bytes.length]) {
        yield bytes.subarray(from, p);
        from = p;
      }
    }
    for (let i = 1; i < bytes.length; i++) {
      const pieces: XmlPiece[] = [];
      for await (const piece of decodeXml(chunks([i]))) pieces.push(piece);
      expect(scan(pieces), `byte split at ${i}`).toEqual(whole);
    }
  });

  it('finishes tokens longer than the look-ahead that span chunks', () => {
    const long = `<root a="${'v'.repeat(1500)}" b='x'>${'Tiếng Việt &amp; '.repeat(120)}<t>${'&lt;'.repeat(300)}</t><!-- ${'c'.repeat(900)} --><row/></root>`;
    const whole = scan([long]);
    for (let i = 1; i < long.length; i += 7) {
      expect(scan([long.slice(0, i), long.slice(i)]), `split at ${i}`).toEqual(whole);
    }
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: long.length - 1 }), { maxLength: 6 }),
        (points) => {
          expect(scan(splitAt(long, points))).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same events for generated documents split anywhere', () => {
    const text = fc
      .stringMatching(/^[a-zA-Z0-9 ạễữ\r\n_&<>"']{0,12}$/)
      .map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const leaf = fc
      .tuple(
        fc.constantFrom('t', 'v', 'x:t', 'other'),
        fc.string({ maxLength: 6, unit: fc.constantFrom('a', '>', '/', ' ', '"') }),
        text,
      )
      .map(([name, attr, body]) => `<${name} k='${attr.replace(/'/g, '')}'>${body}</${name}>`);
    const doc = fc
      .array(
        fc.oneof(
          leaf,
          fc.constant('<c/>'),
          fc.constant('<!-- > -->'),
          fc.constant('<![CDATA[a<b]]>'),
        ),
        {
          maxLength: 8,
        },
      )
      .map((children) => `<root>${children.join('')}</root>`);
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 10 }), (xml, raw) => {
        const points = raw.map((n) => (n % Math.max(1, xml.length - 1)) + 1);
        expect(scan(splitAt(xml, points))).toEqual(scan([xml]));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['an unclosed element', '<root><row>'],
    ['a mismatched end tag', '<root><row></c></root>'],
    ['a stray end tag', '<root></root></root>'],
    ['a truncated tag', '<root><row r="1'],
    ['an unknown entity', '<root><t>&nbsp;</t></root>'],
    ['a bare ampersand', '<root><t>a & b</t></root>'],
    ['a bad character reference', '<root><t>&#0;</t></root>'],
    ['text outside the root', 'junk<root/>'],
    ['two roots', '<root/><root/>'],
    ['a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><root/>'],
    ['no root', '   '],
    ['a "<" that starts no tag', '<root>< row</root>'],
    ['an unquoted attribute', '<root a=1/>'],
  ])('rejects %s', (_, xml) => {
    expect(() => scan([xml])).toThrow(XmlSyntaxError);
  });

  it('refuses a tag that never ends instead of buffering without bound', () => {
    const recorder = new Recorder();
    const scanner = new XmlScanner(NAMES, recorder, { maxTagLength: 1024 });
    scanner.write('<root><row a="');
    let error: unknown;
    try {
      for (let i = 0; i < 10; i++) scanner.write('x'.repeat(200));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LimitHit);
    expect(error).toMatchObject({ limit: 'maxTagLength', max: 1024 });
  });

  it('scans a tag split over many chunks in linear work, not once per chunk', () => {
    // Before issue 15 a carried token was joined to each new chunk and scanned again from its
    // start: 100 MB of megabyte tags took 100 times as long as the same XML without them.
    for (const [length, chunk] of [
      [1_000_000, 1_000],
      [3_000_000, 4_096],
    ] as const) {
      const xml = `<root><row a="${'x'.repeat(length)}" b="1"/><row/></root>`;
      const recorder = new Recorder();
      const scanner = new XmlScanner(NAMES, recorder, { maxTagLength: 10_000_000 });
      for (let at = 0; at < xml.length; at += chunk) scanner.write(xml.slice(at, at + chunk));
      scanner.end();
      expect(recorder.events.filter((e) => e[0] === 'open')).toHaveLength(3);
      expect(scanner.scanned).toBeLessThan(4 * xml.length);
    }
  });

  it('refuses an element nested deeper than maxXmlDepth, with the depth', () => {
    const scanner = new XmlScanner(NAMES, new Recorder(), { maxXmlDepth: 10 });
    expect(() => scanner.write(`<root>${'<a>'.repeat(20)}`)).toThrow(
      expect.objectContaining({ limit: 'maxXmlDepth', max: 10, found: 11 }),
    );
    const fine = new XmlScanner(NAMES, new Recorder(), { maxXmlDepth: 10 });
    fine.write(`<root>${'<a>'.repeat(9)}${'</a>'.repeat(9)}</root>`);
    expect(() => fine.end()).not.toThrow();
  });

  it('refuses a complete tag longer than maxTagLength, however it came in', () => {
    const xml = `<root><row a="${'x'.repeat(5000)}"/></root>`;
    for (const chunk of [xml.length, 700, 64]) {
      const scanner = new XmlScanner(NAMES, new Recorder(), { maxTagLength: 4096 });
      expect(() => {
        for (let at = 0; at < xml.length; at += chunk) scanner.write(xml.slice(at, at + chunk));
        scanner.end();
      }, `chunks of ${chunk}`).toThrow(expect.objectContaining({ limit: 'maxTagLength' }));
    }
  });

  it('rejects invalid UTF-8', async () => {
    async function* bad(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array([0x3c, 0x72, 0x3e, 0xff, 0xfe, 0x3c]);
    }
    await expect(scanChunks(bad(), new XmlScanner(NAMES, new Recorder()))).rejects.toThrow(
      'The XML part is not valid UTF-8 or UTF-16 text.',
    );
  });

  it('reads UTF-16 parts (with a byte-order mark)', async () => {
    const xml = '<root><t>Tiếng Việt</t></root>';
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield utf16.subarray(0, 7);
      yield utf16.subarray(7);
    }
    const pieces: XmlPiece[] = [];
    for await (const piece of decodeXml(chunks())) pieces.push(piece);
    expect(scan(pieces)).toContainEqual(['text', 'Tiếng Việt']);
  });
});
