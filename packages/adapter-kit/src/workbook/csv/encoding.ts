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

/**
 * How the encoding of a CSV file was chosen:
 *
 * - `'bom'`: its byte-order mark;
 * - `'nul-pattern'`: the zero bytes of UTF-16 text;
 * - `'valid-utf-8'`: valid UTF-8 from start to end;
 * - `'mostly-utf-8'`: UTF-8 with some bytes that are not (a file damaged by a copy, a concatenation,
 *   a faulty export): read as UTF-8, each invalid sequence becoming U+FFFD, every cell holding one
 *   marked `invalidText` (never switched to another encoding: the other names stay right);
 * - `'fallback'`: not UTF-8 (almost none of its non-ASCII bytes form UTF-8), so Windows-1258;
 * - `'option'`: as the caller asked.
 */
export type CsvEncodingSource =
  | 'bom'
  | 'nul-pattern'
  | 'valid-utf-8'
  | 'mostly-utf-8'
  | 'fallback'
  | 'option';

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
 * What the bytes of a file say about UTF-8, counted in one pass (a sequence split between chunks
 * is fine): its valid multi-byte sequences, its invalid ones (each maximal invalid subpart once,
 * as decoders replace them), and the line (1-based, by LF) of the first invalid one.
 */
export interface Utf8Census {
  /** Valid sequences of two to four bytes (non-ASCII characters). */
  readonly valid: number;
  /** Invalid sequences (each becomes one U+FFFD when decoded). */
  readonly invalid: number;
  /** The line of the first invalid sequence, or 0. */
  readonly firstInvalidLine: number;
}

/** Continuation bytes each lead byte needs, and the range of its first continuation. */
function leadOf(b: number): { need: number; low: number; high: number } | undefined {
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, low: 0x80, high: 0xbf };
  if (b === 0xe0) return { need: 2, low: 0xa0, high: 0xbf };
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef)
    return { need: 2, low: 0x80, high: 0xbf };
  if (b === 0xed) return { need: 2, low: 0x80, high: 0x9f };
  if (b === 0xf0) return { need: 3, low: 0x90, high: 0xbf };
  if (b >= 0xf1 && b <= 0xf3) return { need: 3, low: 0x80, high: 0xbf };
  if (b === 0xf4) return { need: 3, low: 0x80, high: 0x8f };
  return undefined;
}

/**
 * Counts the valid and invalid UTF-8 sequences of a stream (see {@link Utf8Census}), by the
 * WHATWG decoder's rules: a byte that cannot continue a sequence ends it as one invalid sequence
 * and is looked at again as the start of the next.
 */
export async function utf8Census(chunks: AsyncIterable<Uint8Array>): Promise<Utf8Census> {
  let valid = 0;
  let invalid = 0;
  let firstInvalidLine = 0;
  let line = 1;
  let need = 0;
  let low = 0x80;
  let high = 0xbf;
  const fail = (): void => {
    invalid++;
    if (firstInvalidLine === 0) firstInvalidLine = line;
  };
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (need > 0) {
        if (b >= low && b <= high) {
          low = 0x80;
          high = 0xbf;
          if (--need === 0) valid++;
          continue;
        }
        // The sequence ends here, invalid; the byte starts afresh.
        need = 0;
        low = 0x80;
        high = 0xbf;
        fail();
      }
      if (b < 0x80) {
        if (b === 10) line++;
        continue;
      }
      const lead = leadOf(b);
      if (lead === undefined) {
        fail();
        continue;
      }
      ({ need, low, high } = lead);
    }
  }
  if (need > 0) fail();
  return { valid, invalid, firstInvalidLine };
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
