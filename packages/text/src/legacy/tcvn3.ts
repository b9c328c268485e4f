/**
 * TCVN3 (ABC) decoding and encoding.
 *
 * @internal
 */
import { byteChar, byteOf } from './cp1252.ts';
import { encodeWith } from './encode-core.ts';
import { VIETNAMESE_LETTERS } from './letters.ts';
import { TCVN3_TABLE } from './tcvn3-table.ts';
import type { DecodeLegacyOptions, EncodeLegacyOptions } from './types.ts';

/** Byte → letter. */
const DECODE: ReadonlyMap<number, string> = new Map(TCVN3_TABLE);

/**
 * Character → encoded byte (as a Latin-1 character). ASCII is itself. A byte that is not a letter
 * encodes the character it decodes to (Windows-1252 in 0x80–0x9F, Latin-1 above), except where
 * that character is itself a Vietnamese letter the ABC fonts do not have (À, Á, Ù…: upper-case
 * toned letters are unrepresentable). Letters encode through the table.
 */
const ENCODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let b = 0; b <= 0xff; b++) {
    if (DECODE.has(b)) continue;
    const ch = byteChar(b);
    if (!VIETNAMESE_LETTERS.has(ch)) map.set(ch, String.fromCharCode(b));
  }
  for (const [b, letter] of TCVN3_TABLE) map.set(letter, String.fromCharCode(b));
  return map;
})();

/** Decodes TCVN3 text (bytes as Latin-1 or Windows-1252 characters) to Unicode. */
export function decodeTcvn3(s: string, options: DecodeLegacyOptions): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const b = byteOf(ch);
    out += b < 0 ? ch : (DECODE.get(b) ?? byteChar(b));
  }
  return options.upperCaseFont === true ? out.toUpperCase() : out;
}

/** Encodes Unicode text to TCVN3 bytes (as Latin-1 characters). */
export function encodeTcvn3(s: string, options: EncodeLegacyOptions): string {
  return encodeWith(ENCODE, s, 'tcvn3', options, options.upperCaseFont === true);
}
