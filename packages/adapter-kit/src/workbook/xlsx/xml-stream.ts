import type { XmlScanner } from './xml-scanner.ts';
import { XmlSyntaxError } from './xml-text.ts';

/** The encoding of an XML part from its first bytes: UTF-16 with a byte-order mark, else UTF-8. */
function encodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function notText(error: unknown): XmlSyntaxError {
  return new XmlSyntaxError('The XML part is not valid UTF-8 or UTF-16 text.', { cause: error });
}

/**
 * The text of an XML part from its bytes, chunk by chunk: UTF-8 (a BOM is dropped), or UTF-16
 * when the part starts with a UTF-16 byte-order mark. Characters split between chunks are joined.
 *
 * @throws XmlSyntaxError when the bytes are not valid in the encoding.
 * @internal
 */
export async function* decodeXml(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
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
  for await (const text of decodeXml(chunks)) scanner.write(text);
  scanner.end();
}
