/**
 * Windows-1252 and Latin-1: the two ways a spreadsheet library hands over a legacy byte.
 *
 * A legacy-font cell is a string of bytes. Readers turn each byte into a character either as
 * Latin-1 (byte 0x93 → U+0093) or as Windows-1252 (byte 0x93 → U+201C “). Both forms map back to
 * the same byte here; on the way out, a byte in 0x80–0x9F that is not a Vietnamese letter becomes
 * its Windows-1252 character, which is what the legacy fonts (ANSI fonts on Windows) draw.
 *
 * @internal
 */

/**
 * The Windows-1252 characters of bytes 0x80–0x9F (index = byte − 0x80). The five bytes
 * Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay the Latin-1 control character,
 * as the WHATWG Encoding Standard does.
 */
export const CP1252_HIGH: readonly string[] = [
  ...'\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021', // 0x80–0x87
  ...'\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F', // 0x88–0x8F
  ...'\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014', // 0x90–0x97
  ...'\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178', // 0x98–0x9F
];

/** Windows-1252 special character → its byte (only the characters above U+00FF). */
const CP1252_BYTE: ReadonlyMap<string, number> = new Map(
  CP1252_HIGH.map((ch, i) => [ch, 0x80 + i] as const).filter(([ch]) => ch.charCodeAt(0) > 0xff),
);

/**
 * The legacy byte a character stands for: U+0000–U+00FF are their own byte, the Windows-1252
 * specials (€, “, –…) theirs; anything else is not a byte and gives `-1`.
 */
export function byteOf(ch: string): number {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code <= 0xff) return code;
  return CP1252_BYTE.get(ch) ?? -1;
}

/** The character a byte that is not a letter decodes to: Windows-1252 for 0x80–0x9F, else Latin-1. */
export function byteChar(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f
    ? (CP1252_HIGH[byte - 0x80] ?? String.fromCharCode(byte))
    : String.fromCharCode(byte);
}

/** Whether `ch` is one of the Windows-1252 characters above U+00FF (€, “, –, Œ…). */
export function isCp1252Special(ch: string): boolean {
  return CP1252_BYTE.has(ch);
}
