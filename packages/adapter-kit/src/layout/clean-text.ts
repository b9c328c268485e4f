import { fontEncoding, type LegacyFont, normalizeText } from '@eduvn/text';

/**
 * Whether `normalizeText` would return `s` unchanged, decided by one pass over its UTF-16 code
 * units without a regular expression or a call into ICU: every character is printable and
 * composes to itself (no control, invisible or white-space character other than single inner
 * spaces; only characters below U+0300 — none of which has a canonical composition with what
 * precedes it or is a combining mark — and the precomposed Vietnamese letters U+1EA0–U+1EF9).
 * `false` means "not proven", never "changes": callers then run `normalizeText`.
 *
 * @internal
 */
export function isCleanText(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue; // printable ASCII, most characters
    if (c === 0x20) {
      if (i === 0 || i === last || s.charCodeAt(i - 1) === 0x20) return false;
    } else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad) {
      return false;
    } else if (c >= 0x300 && (c < 0x1ea0 || c > 0x1ef9)) {
      return false;
    }
  }
  return true;
}

/**
 * `normalizeText(s)`, with a fast path for the text most cells hold (already clean and NFC):
 * the same result for every string.
 *
 * @internal
 */
export function cleanText(s: string): string {
  return isCleanText(s) ? s : normalizeText(s);
}

/** Font names seen, with their legacy encoding: files use a handful of fonts. */
const fonts = new Map<string, LegacyFont | null>();
/** The font name looked up last, and its encoding. */
let lastFont: string | undefined;
let lastLegacy: LegacyFont | null = null;
/** The most font names remembered (beyond it, each is looked at again). */
const MAX_FONTS = 1024;

/**
 * `fontEncoding(font)`, remembered per font name: a sheet's cells share a few fonts, and a
 * lookup is cheaper than the font name's regular expressions on every cell.
 *
 * @internal
 */
export function legacyFont(font: string): LegacyFont | null {
  // Cells of a sheet share one font name, often the very same string: compare that first.
  if (font === lastFont) return lastLegacy;
  let legacy = fonts.get(font);
  if (legacy === undefined) {
    legacy = fontEncoding(font);
    if (fonts.size < MAX_FONTS) fonts.set(font, legacy);
  }
  lastFont = font;
  lastLegacy = legacy;
  return legacy;
}

/**
 * Whether a cell's text is read as stored: it has no font, or a Unicode one (not a legacy TCVN3
 * or VNI font, whose text `cellText` decodes first).
 *
 * @internal
 */
export function inUnicodeFont(cell: { readonly font?: string }): boolean {
  return cell.font === undefined || legacyFont(cell.font) === null;
}
