import { LegacyEncodingError } from './errors.ts';
import type { EncodeLegacyOptions, LegacyEncoding } from './types.ts';

/**
 * Encodes `s` (normalized to NFC first) one code point at a time through `table`, applying the
 * `unrepresentable` policy to code points the table lacks. With `lowerFirst`, a code point is
 * looked up lower-cased first (TCVN3 upper-case fonts), then as it is.
 *
 * @internal
 */
export function encodeWith(
  table: ReadonlyMap<string, string>,
  s: string,
  encoding: LegacyEncoding,
  options: EncodeLegacyOptions,
  lowerFirst: boolean,
): string {
  const replace = options.unrepresentable === 'replace';
  const nfc = s.normalize('NFC');
  let out = '';
  let index = 0;
  for (const ch of nfc) {
    const encoded = (lowerFirst ? table.get(ch.toLowerCase()) : undefined) ?? table.get(ch);
    if (encoded !== undefined) out += encoded;
    else if (replace) out += '?';
    else throw new LegacyEncodingError(ch, index, encoding);
    index += ch.length;
  }
  return out;
}
