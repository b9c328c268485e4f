import { notText, type XmlPiece, type XmlScanner } from './xml-scanner.ts';

/** The encoding of an XML part from its first bytes: UTF-16 with a byte-order mark, else UTF-8. */
function encodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * The pieces of an XML part for {@link XmlScanner.write}, chunk by chunk: a UTF-8 part's bytes as
 * they are (the scanner checks and decodes them, or reads them as bytes, dropping a leading
 * byte-order mark), or the text of a UTF-16 part (one starting with a UTF-16 byte-order mark), decoded
 * here with characters split between chunks joined.
 *
 * @throws XmlSyntaxError when a UTF-16 part's bytes are not valid UTF-16.
 * @internal
 */
export async function* decodeXml(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<XmlPiece> {
  let decoder: TextDecoder | undefined;
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      const encoding = encodingOf(chunk);
      if (encoding !== 'utf-8') decoder = new TextDecoder(encoding, { fatal: true });
    }
    if (decoder === undefined) {
      if (chunk.length > 0) yield chunk;
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw notText(error);
    }
    if (text.length > 0) yield text;
  }
  if (decoder !== undefined) {
    let rest: string;
    try {
      rest = decoder.decode();
    } catch (error) {
      throw notText(error);
    }
    if (rest.length > 0) yield rest;
  }
}

/**
 * The whole text of an XML part in memory; see {@link decodeXml}.
 *
 * @internal
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder(encodingOf(bytes), { fatal: true }).decode(bytes);
  } catch (error) {
    throw notText(error);
  }
}

/**
 * Scans a whole XML part, chunk by chunk, with `scanner`.
 *
 * @internal
 */
export async function scanChunks(
  chunks: AsyncIterable<Uint8Array>,
  scanner: XmlScanner,
): Promise<void> {
  for await (const piece of decodeXml(chunks)) scanner.write(piece);
  scanner.end();
}
