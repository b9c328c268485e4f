import { decodeTcvn3, encodeTcvn3 } from './tcvn3.ts';
import type { DecodeLegacyOptions, EncodeLegacyOptions, LegacyEncoding } from './types.ts';
import { decodeVni, encodeVni } from './vni.ts';

/** Throws for an encoding name outside {@link LegacyEncoding} (JavaScript callers). */
function unknownEncoding(encoding: never): never {
  throw new RangeError(`Unknown legacy encoding: ${JSON.stringify(encoding)}`);
}

/**
 * Decodes text written in a legacy Vietnamese font encoding to Unicode, letters precomposed (NFC).
 *
 * `s` is the text as a spreadsheet or document reader returns it: one character per legacy byte,
 * read either as Latin-1 (bytes 0x80–0x9F as U+0080–U+009F) or as Windows-1252 (as €, “, –…);
 * both forms decode the same. ASCII is unchanged. A byte that is not a Vietnamese letter in the
 * encoding decodes to its Windows-1252 character (so U+0093 and “ both give “). Characters above
 * U+00FF that are not Windows-1252 characters (for example Unicode Vietnamese already) pass through
 * unchanged.
 *
 * @example
 * ```ts
 * decodeLegacy('Hµ Néi', 'tcvn3'); // 'Hà Nội'
 * decodeLegacy('Hµ Néi', 'tcvn3', { upperCaseFont: true }); // 'HÀ NỘI' (.VnTimeH)
 * decodeLegacy('Vieät Nam', 'vni'); // 'Việt Nam'
 * ```
 *
 * @param s - the legacy text
 * @param encoding - its encoding (see {@link fontEncoding} and {@link detectLegacy})
 * @param options - {@link DecodeLegacyOptions.upperCaseFont} for TCVN3 `…H` fonts
 * @returns the Unicode text
 */
export function decodeLegacy(
  s: string,
  encoding: LegacyEncoding,
  options: DecodeLegacyOptions = {},
): string {
  switch (encoding) {
    case 'tcvn3':
      return decodeTcvn3(s, options);
    case 'vni':
      return decodeVni(s);
    default:
      return unknownEncoding(encoding);
  }
}

/**
 * Encodes Unicode text (any normalization form; it is normalized to NFC first) to a legacy
 * Vietnamese font encoding. The result holds one character per byte, U+0000–U+00FF (the bytes as
 * Latin-1), and `decodeLegacy(encodeLegacy(x, e), e) === x.normalize('NFC')` for every text `x`
 * the encoding can represent.
 *
 * Representable: ASCII, every Vietnamese letter (in TCVN3 only lower case and Ă Â Ê Ô Ơ Ư Đ,
 * unless {@link EncodeLegacyOptions.upperCaseFont}), the Windows-1252 punctuation of bytes
 * 0x80–0x9F (“ ” – … €) and the Latin-1 characters whose byte the encoding leaves free. Anything
 * else (upper-case toned letters in TCVN3, 'ß' whose byte is TCVN3's ò, 'ñ' which is VNI's đ,
 * characters above U+00FF, combining marks that do not compose) follows
 * {@link EncodeLegacyOptions.unrepresentable}.
 *
 * @example
 * ```ts
 * encodeLegacy('Hà Nội', 'tcvn3'); // 'Hµ Néi'
 * encodeLegacy('Việt Nam', 'vni'); // 'Vieät Nam'
 * encodeLegacy('HÀ NỘI', 'tcvn3'); // throws LegacyEncodingError (char 'À', index 1)
 * encodeLegacy('HÀ NỘI', 'tcvn3', { upperCaseFont: true }); // 'hµ néi', drawn as HÀ NỘI by .VnTimeH
 * ```
 *
 * @param s - the Unicode text
 * @param encoding - the target encoding
 * @param options - upper-case font and the unrepresentable-character policy
 * @returns the encoded text, one Latin-1 character per byte
 * @throws {@link LegacyEncodingError} for a character the encoding cannot represent, unless
 *   `unrepresentable` is `'replace'`
 */
export function encodeLegacy(
  s: string,
  encoding: LegacyEncoding,
  options: EncodeLegacyOptions = {},
): string {
  switch (encoding) {
    case 'tcvn3':
      return encodeTcvn3(s, options);
    case 'vni':
      return encodeVni(s, options);
    default:
      return unknownEncoding(encoding);
  }
}
