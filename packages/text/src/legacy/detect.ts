import { parseSyllable } from '../syllable.ts';
import { decodeLegacy } from './codec.ts';
import { isCp1252Special } from './cp1252.ts';
import type { DetectLegacyOptions, LegacyEncoding, LegacyFont } from './types.ts';

/**
 * The encoding a font name implies: names starting with `.Vn` (case-insensitive; `.VnTime`,
 * `.VnArial Narrow`, `.VnTimeH`) are the TCVN3 ABC fonts, those ending in a capital `H` being the
 * upper-case variants; names starting with `VNI-` or `VNI ` are VNI Windows fonts. Any other font
 * (Times New Roman, Arial, Calibri…) is taken to be a Unicode font: `null`.
 *
 * @example
 * ```ts
 * fontEncoding('.VnTimeH'); // { encoding: 'tcvn3', upperCaseFont: true }
 * fontEncoding('VNI-Times'); // { encoding: 'vni', upperCaseFont: false }
 * fontEncoding('Times New Roman'); // null
 * ```
 *
 * @param fontName - the font name as stored in the file
 * @returns the encoding and whether the font is upper-case only, or `null` for a Unicode font
 */
export function fontEncoding(fontName: string): LegacyFont | null {
  const name = fontName.trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', upperCaseFont: name.endsWith('H') };
  if (/^vni[- ]/i.test(name)) return { encoding: 'vni', upperCaseFont: false };
  return null;
}

/**
 * Words for scoring: runs of letters, combining marks and Latin-1 symbols. In legacy text the
 * Latin-1 symbols are letters (TCVN3 '¸' is á, the soft hyphen U+00AD is ư): they must not split
 * a word.
 */
const WORD = /[\p{L}\p{M}\u00A1-\u00FF]+/gu;

/**
 * Characters legacy text cannot contain: Latin letters beyond Latin-1 (ă đ ơ ư ạ ế…) and
 * combining marks. Text with any of them (other than the Windows-1252 Œ Š Ž Ÿ ƒ) is Unicode.
 */
const UNICODE_ONLY = /[\u0100-\u024F\u1E00-\u1EFF]|\p{M}/gu;

/** At least this share of the words the decoding changes must be syllables after decoding. */
const GOOD_SHARE = 0.8;
/** …and that share must beat the share of those same words that were syllables before by this. */
const MIN_GAIN = 0.25;

/**
 * Whether a word is a well-formed Vietnamese syllable written in lower case, upper case or title
 * case. The casing matters: TCVN3 writes many lower-case letters with upper-case Latin-1 bytes
 * ('kÕt' is kết, 'ViÖt' is Việt), and such words parse as syllables when case is ignored.
 */
function isSyllable(word: string): boolean {
  const cased = word === word.toUpperCase() || word.slice(1) === word.slice(1).toLowerCase();
  return cased && parseSyllable(word) !== null;
}

/** How one decoding changes the words of a text. */
interface Score {
  readonly encoding: LegacyEncoding;
  /** Words the decoding changes. */
  readonly changed: number;
  /** Changed words that are syllables before decoding. */
  readonly before: number;
  /** Changed words that are syllables after decoding. */
  readonly after: number;
  /** Syllables made minus syllables broken. */
  readonly net: number;
  /** Some word becomes a syllable longer than a lone vowel. */
  readonly fixedWord: boolean;
}

/**
 * Scores one decoding word by word. Decoding never crosses a word boundary (every byte that
 * decodes to a letter is a word character, and a VNI mark follows its base directly), so each word
 * decodes on its own and lines up with its decoding.
 */
function score(words: readonly string[], encoding: LegacyEncoding): Score {
  let changed = 0;
  let before = 0;
  let after = 0;
  let net = 0;
  let fixedWord = false;
  for (const word of words) {
    const decoded = decodeLegacy(word, encoding);
    if (decoded === word) continue;
    changed++;
    const was = isSyllable(word);
    const is = isSyllable(decoded);
    if (was) before++;
    if (is) after++;
    if (is && !was) {
      net++;
      // A lone '©' becoming 'â', or '«' becoming 'ô', is no evidence of legacy text.
      if ([...decoded].length >= 2) fixedWord = true;
    }
    if (was && !is) net--;
  }
  return { encoding, changed, before, after, net, fixedWord };
}

/** Whether the best decoding is convincing on its own: see {@link detectLegacy}. */
function convincing({ changed, before, after, net, fixedWord }: Score): boolean {
  if (changed === 0 || net <= 0 || !fixedWord) return false;
  const shareAfter = after / changed;
  return shareAfter >= GOOD_SHARE && shareAfter - before / changed >= MIN_GAIN;
}

/**
 * Detects whether text is in a legacy Vietnamese font encoding, from the font name and, when asked,
 * the text itself.
 *
 * 1. **Font name** ({@link DetectLegacyOptions.fontName}) first, through {@link fontEncoding}: a
 *    legacy font decides (`.VnTime` → `'tcvn3'`, `VNI-Times` → `'vni'`). Any other font (a
 *    Unicode font such as Times New Roman or Arial), or none, gives `null` — unless the content
 *    is asked for.
 * 2. **Content**, only when {@link DetectLegacyOptions.content} is `true` and no legacy font
 *    decided (legacy text pasted into a Unicode-font cell, or a CSV file with no fonts at all):
 *    - Text containing letters or combining marks no 8-bit font can produce (ă, đ, ơ, ư, ạ… as
 *      Unicode code points, or any combining mark) is Unicode already: `null`.
 *    - Otherwise the text is split into words: runs of letters, combining marks and Latin-1
 *      symbols (in legacy text those symbols are letters: TCVN3 '¸' is á). Each decoding is
 *      scored on the words it changes, by syllable structure (onset, nucleus, coda, tone): its
 *      *net* is the number of words that become Vietnamese syllables minus the number that stop
 *      being syllables (a word counts as a syllable only in lower, upper or title case: TCVN3
 *      text is full of words like 'ViÖt'). The decoding with the larger net wins; equal nets
 *      (including neither decoding changing anything) give `null`.
 *    - The winner must then be convincing: its net is positive, some word it fixes is longer
 *      than a lone vowel (so '©' → 'â' alone does not count), at least `0.8` of the words it
 *      changes are syllables after decoding ("clearly better"), and that share exceeds the share
 *      of the same words that were already syllables before decoding by at least `0.25` (the
 *      original "scores poorly"). Otherwise `null`.
 *
 *    Well-formed Unicode Vietnamese (each word in lower, upper or title case) therefore always
 *    gives `null`: no word of it can become a syllable, all already are. So does plain ASCII,
 *    which no decoding changes.
 *
 * The content guess needs a few words to be reliable; a single short word (a lone `'µm'` reads as
 * TCVN3 'àm') can mislead. For a spreadsheet, prefer the cell's font name, or join the cells of a
 * column with spaces and detect once.
 *
 * @example
 * ```ts
 * detectLegacy('Hµ Néi', { fontName: '.VnTime' }); // 'tcvn3'
 * detectLegacy('Hµ Néi', { fontName: 'Arial' }); // null
 * detectLegacy('Hµ Néi Thñ ®« cña ViÖt Nam', { fontName: 'Arial', content: true }); // 'tcvn3'
 * detectLegacy('Tr\u00ADêng TiÓu häc Kim §ång', { content: true }); // 'tcvn3'
 * detectLegacy('Tröôøng Tieåu hoïc Kim Ñoàng', { content: true }); // 'vni'
 * detectLegacy('Trường Tiểu học Kim Đồng', { content: true }); // null
 * ```
 *
 * @param s - the text
 * @param options - the font name, and whether to look at the content
 * @returns the detected encoding, or `null` for Unicode (or undecided) text
 */
export function detectLegacy(s: string, options: DetectLegacyOptions = {}): LegacyEncoding | null {
  const font = options.fontName === undefined ? null : fontEncoding(options.fontName);
  if (font !== null) return font.encoding;
  if (options.content !== true) return null;
  for (const ch of s.match(UNICODE_ONLY) ?? []) if (!isCp1252Special(ch)) return null;
  const words = s.match(WORD) ?? [];
  const [tcvn3, vni] = [score(words, 'tcvn3'), score(words, 'vni')];
  if (tcvn3.net === vni.net) return null;
  const best = tcvn3.net > vni.net ? tcvn3 : vni;
  return convincing(best) ? best.encoding : null;
}
