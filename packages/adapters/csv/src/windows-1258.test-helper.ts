/**
 * A Windows-1258 encoder for test fixtures, as Excel's plain "CSV" writes text on a Windows set
 * to Vietnamese. The table is the platform's own: every byte decoded by `TextDecoder` (the WHATWG
 * Encoding Standard's index), inverted. Windows-1258 has the shaped letters (â ê ô ơ ư ă đ) and
 * some toned Latin-1 letters (à á é…) precomposed, and the five tone marks as combining
 * characters; a letter it lacks is written as the precomposed base and a combining tone, the way
 * Windows converts text (`ễ` → `ê` + U+0303).
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

const BYTES: ReadonlyMap<string, number> = (() => {
  const decoder = new TextDecoder('windows-1258');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\uFFFD' && !map.has(ch)) map.set(ch, b);
  }
  return map;
})();

function encodeChar(ch: string, out: number[]): void {
  const direct = BYTES.get(ch);
  if (direct !== undefined) {
    out.push(direct);
    return;
  }
  const parts = [...ch.normalize('NFD')];
  const base = parts.filter((p) => !TONES.has(p)).join('');
  const tones = parts.filter((p) => TONES.has(p));
  const composed = BYTES.get(base.normalize('NFC'));
  if (composed === undefined || tones.length === 0) {
    throw new RangeError(
      `Windows-1258 cannot encode U+${ch.codePointAt(0)?.toString(16).toUpperCase()}`,
    );
  }
  out.push(composed);
  for (const tone of tones) out.push(BYTES.get(tone) as number);
}

/**
 * Text encoded in Windows-1258 (from its NFC form).
 *
 * @throws RangeError for a character Windows-1258 cannot hold
 */
export function encodeWindows1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) encodeChar(ch, out);
  return Uint8Array.from(out);
}
