import { INVISIBLE } from './normalize.ts';

/** Combining marks of every block (Vietnamese tones and shapes, and any other script's accents). */
const MARKS = /\p{M}+/gu;

/** Everything that is not a letter or a digit: punctuation, symbols, white space. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** đ, and the look-alikes that some keyboards and fonts substitute for it: eth (ð) and ɖ. */
const D_STROKE = /[đðɖ]/g;

/** The key of `s` by definition: every step over the whole string. */
function keyOf(s: string): string {
  return s
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(D_STROKE, 'd')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** Marks a character that folds into a separator (a space in the key). */
const SEPARATOR = ' ';

/**
 * What each character of the Latin, Vietnamese and general-punctuation blocks becomes in a key,
 * computed once from {@link keyOf} itself: letters and digits fold to their base (`Ễ` → `e`),
 * marks and invisible characters to `''`, everything else to a separator. Every step of `keyOf`
 * works character by character in these blocks, so looking characters up gives the same key.
 * Characters outside them (or folding to something with a space inside) take the full path.
 */
const FOLD: ReadonlyArray<string | undefined> = (() => {
  const table: Array<string | undefined> = [];
  const ranges: Array<[number, number]> = [
    [0x0000, 0x0250],
    [0x0300, 0x0370],
    [0x1e00, 0x1f00],
    [0x2000, 0x2070],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code < to; code++) {
      const ch = String.fromCharCode(code);
      const key = keyOf(`a${ch}a`).slice(1, -1); // inside a word: separators survive the trim
      if (key === ' ') table[code] = SEPARATOR;
      else if (!key.includes(' ')) table[code] = key;
    }
  }
  return table;
})();

/**
 * A key for deciding whether two names, headers or labels are the same text: two strings match
 * when their keys are equal. The key is lower case, has no diacritics (`đ` becomes `d`), and folds
 * every run of punctuation, symbols and white space into one space; it is built from the
 * compatibility decomposition (NFKD), so NFC and NFD input, full-width letters, old and new tone
 * placement, line breaks in a header cell and invisible characters never make a difference.
 *
 * Keys are for comparing, never for display or storage. Idempotent: `matchKey(matchKey(s)) ===
 * matchKey(s)`.
 *
 * @example
 * ```ts
 * matchKey('Thanh Hoá') === matchKey('THANH HÓA') // true: both are 'thanh hoa'
 * matchKey('Tỉnh/Thành phố\n(Theo địa chỉ thường trú)') // 'tinh thanh pho theo dia chi thuong tru'
 * ```
 */
export function matchKey(s: string): string {
  let out = '';
  let pendingSeparator = false;
  for (let i = 0; i < s.length; i++) {
    const piece = FOLD[s.charCodeAt(i)];
    if (piece === undefined) return keyOf(s);
    if (piece === SEPARATOR) {
      pendingSeparator = out !== '';
    } else if (piece !== '') {
      if (pendingSeparator) {
        out += ' ';
        pendingSeparator = false;
      }
      out += piece;
    }
  }
  return out;
}

/**
 * The key computed without the per-character table, for tests that check the table gives the same
 * keys.
 *
 * @internal
 */
export const matchKeyByDefinition: (s: string) => string = keyOf;
