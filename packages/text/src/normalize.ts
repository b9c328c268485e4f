/**
 * Characters that carry no text: zero-width spaces and joiners, the word joiner, the byte-order mark,
 * the soft hyphen, bidi controls, and C0/C1 controls other than the white-space ones. Spreadsheet
 * cells copied from web pages and PDFs are full of them.
 *
 * @internal
 */
export const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/**
 * Runs of white space: ASCII space, tab, line breaks (Alt+Enter in an Excel cell), NBSP, the
 * Unicode space separators, NEL, the line and paragraph separators.
 */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/**
 * Everything {@link normalizeText} would change besides the NFC composition: a character it drops
 * or turns into a space, two spaces in a row, or a space at either end. Most cells have none.
 */
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u001F\u007F-\u00A0\u00AD\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]| {2}|^ | $/;

/**
 * Cleans one cell or field of text the way every later comparison and length check needs it:
 * drops invisible characters (zero-width spaces and joiners, byte-order marks, soft hyphens, bidi
 * and control characters), turns every run of white space — including NBSP, tabs and line breaks
 * inside a cell — into one space, trims, and composes to Unicode NFC.
 *
 * It keeps the writer's spelling, case and tone placement; use {@link matchKey} to compare, and
 * {@link placeTones} to unify tone placement. Idempotent: `normalizeText(normalizeText(s)) ===
 * normalizeText(s)`.
 *
 * @example
 * ```ts
 * normalizeText('  Nguye\u0303\u0302n\u00A0\u00A0Văn\nAn\u200B ') // 'Nguyễn Văn An'
 * ```
 */
export function normalizeText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s.normalize('NFC');
  return s.replace(INVISIBLE, '').replace(WHITE_SPACE, ' ').trim().normalize('NFC');
}
