/**
 * The text encodings the CSV reader decodes:
 *
 * - `'utf-8'`: what current programs write (Excel's "CSV UTF-8", Google Sheets, LibreOffice);
 * - `'utf-16le'` / `'utf-16be'`: Excel's "Unicode Text" (tab-separated UTF-16LE with a BOM);
 * - `'windows-1258'`: the Vietnamese Windows code page, what Excel's plain "CSV" writes on a
 *   Windows set to Vietnamese. Windows-1258 writes most tone marks as separate combining
 *   characters: the decoded text is decomposed ("Nguyễn" comes out as `Nguyê` + U+0303 + `n`).
 *   The reader returns it as decoded; normalize (`normalize('NFC')`, or `normalizeText` of
 *   `@eduvn/text`) before comparing or measuring it.
 */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** How the encoding of a CSV file was chosen. */
export type CsvEncodingSource = 'bom' | 'nul-pattern' | 'valid-utf-8' | 'fallback' | 'option';

/** The encoding of a byte-order mark at the start of `head`, with the mark's length. */
export function bomEncoding(head: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * What the zero bytes of the start of a file without a BOM say: UTF-16 text has a zero in one
 * byte of almost every ASCII character (the high byte: odd positions for little-endian, even for
 * big-endian); other text has no zero byte at all. `'binary'` for zeros in no such pattern.
 */
export function nulPattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' | null {
  const pairs = head.length >> 1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (head.length % 2 === 1 && head[head.length - 1] === 0) odd++;
  if (even === 0 && odd === 0) return null;
  if (pairs >= 1 && odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (pairs >= 1 && even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return 'binary';
}

/**
 * Whether a stream of chunks is valid UTF-8 from its first byte to its last (a sequence split
 * between chunks is fine). Reads every chunk: an invalid byte late in a file decides.
 */
export async function isUtf8(chunks: AsyncIterable<Uint8Array>): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether decoded text looks like a binary file rather than text: a NUL character, or more than
 * 1% of C0 control characters other than tab, line feed, vertical tab, form feed, carriage return
 * and the DOS end-of-file mark (Ctrl-Z).
 */
export function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32) continue;
    if (c === 0) return true;
    if (c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 26) continue;
    controls++;
  }
  return controls > text.length * 0.01;
}
