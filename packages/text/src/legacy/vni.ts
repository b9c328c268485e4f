/**
 * VNI Windows decoding and encoding.
 *
 * @internal
 */
import { byteChar, byteOf } from './cp1252.ts';
import { encodeWith } from './encode-core.ts';
import { VIETNAMESE_LETTERS } from './letters.ts';
import type { EncodeLegacyOptions } from './types.ts';
import { VNI_TABLE } from './vni-table.ts';

/** Both cases of the table: every letter → its VNI spelling. */
const SPELLINGS: readonly (readonly [letter: string, vni: string])[] = VNI_TABLE.flatMap(
  ([letter, vni]) => [[letter, vni] as const, [letter.toUpperCase(), vni.toUpperCase()] as const],
);

/** Lower-case byte of a Latin-1 byte (A–Z and À–Þ except ×), else the byte itself. */
function lowerByte(b: number): number {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0xc0 && b <= 0xde && b !== 0xd7) ? b + 0x20 : b;
}

/** Lower-case `base byte << 8 | mark byte` → lower-case letter, for the two-character spellings. */
const PAIRS: ReadonlyMap<number, string> = new Map(
  VNI_TABLE.filter(([, vni]) => vni.length === 2).map(
    ([letter, vni]) => [(vni.charCodeAt(0) << 8) | vni.charCodeAt(1), letter] as const,
  ),
);

/** Byte → letter, for the one-character spellings (ơ ư đ and the toned i, ỵ), both cases. */
const SINGLES: ReadonlyMap<number, string> = new Map(
  SPELLINGS.filter(([, vni]) => vni.length === 1).map(([letter, vni]) => [
    vni.charCodeAt(0),
    letter,
  ]),
);

/** Every byte the spellings use outside ASCII: these are never themselves in VNI text. */
const USED_BYTES: ReadonlySet<number> = new Set(
  SPELLINGS.flatMap(([, vni]) => [...vni].map((c) => c.charCodeAt(0)).filter((b) => b >= 0x80)),
);

/**
 * Character → VNI spelling. ASCII is itself; a byte the spellings do not use encodes the
 * character it decodes to, unless that is a Vietnamese letter (spelled through the table).
 */
const ENCODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let b = 0; b <= 0xff; b++) {
    if (USED_BYTES.has(b)) continue;
    const ch = byteChar(b);
    if (!VIETNAMESE_LETTERS.has(ch)) map.set(ch, String.fromCharCode(b));
  }
  for (const [letter, vni] of SPELLINGS) map.set(letter, vni);
  return map;
})();

/**
 * Decodes VNI text (bytes as Latin-1 or Windows-1252 characters) to Unicode. Greedy: a base
 * letter takes the mark character after it when the pair spells a letter. Base and mark may be
 * of either case; the letter takes the base's case.
 */
export function decodeVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const b = byteOf(ch);
    if (b < 0) {
      out += ch;
      continue;
    }
    if (i + 1 < s.length) {
      const mark = byteOf(s.charAt(i + 1));
      const letter = mark < 0 ? undefined : PAIRS.get((lowerByte(b) << 8) | lowerByte(mark));
      if (letter !== undefined) {
        out += lowerByte(b) === b ? letter : letter.toUpperCase();
        i++;
        continue;
      }
    }
    out += SINGLES.get(b) ?? byteChar(b);
  }
  return out;
}

/** Encodes Unicode text to VNI bytes (as Latin-1 characters). */
export function encodeVni(s: string, options: EncodeLegacyOptions): string {
  return encodeWith(ENCODE, s, 'vni', options, false);
}
