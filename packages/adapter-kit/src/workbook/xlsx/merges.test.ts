import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../errors.ts';
import { scanMerges } from './merges.ts';
import { sheetXml } from './xlsx.test-helper.ts';
import { XmlSyntaxError } from './xml-text.ts';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const XML = sheetXml(
  `<row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell in text &lt;mergeCell ref="Z1:Z9"/&gt;</t></is></c></row>${'<row><c><v>1</v></c></row>'.repeat(200)}`,
  '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell  ref = "D2:D5" /><x:mergeCell ref="$E$7:$F$8"/></mergeCells>',
);
const EXPECTED = [
  { top: 1, left: 0, bottom: 1, right: 2 },
  { top: 2, left: 3, bottom: 5, right: 3 },
  { top: 7, left: 4, bottom: 8, right: 5 },
];

describe('scanMerges', () => {
  it('finds mergeCell tags (prefixed or not) and ignores escaped text, whatever the chunking', async () => {
    const bytes = new TextEncoder().encode(XML);
    for (const size of [1, 2, 3, 7, 10, 64, 1000, 100_000]) {
      expect(await scanMerges(chunked(bytes, size), DEFAULT_LIMITS), `chunks of ${size}`).toEqual(
        EXPECTED,
      );
    }
  });

  it('parses UTF-16 parts', async () => {
    expect(await scanMerges(chunked(utf16(XML), 333), DEFAULT_LIMITS)).toEqual(EXPECTED);
  });

  it('rejects a mergeCell without a valid range, and reads a sheet without any', async () => {
    const bad = new TextEncoder().encode(
      sheetXml('', '<mergeCells><mergeCell ref="nonsense"/></mergeCells>'),
    );
    await expect(scanMerges(chunked(bad, 50), DEFAULT_LIMITS)).rejects.toThrow(XmlSyntaxError);
    expect(
      await scanMerges(chunked(new TextEncoder().encode(sheetXml('')), 10), DEFAULT_LIMITS),
    ).toEqual([]);
  });
});
