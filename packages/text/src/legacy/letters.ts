/**
 * The Vietnamese letters, generated from the orthography: every vowel with every tone, and đ.
 *
 * @internal
 */

/** The twelve vowel letters, without tone. */
export const VOWEL_LETTERS = 'aăâeêioôơuưy';

/**
 * The tones in the order the tables of this module list them, as combining marks: level (none),
 * huyền, hỏi, ngã, sắc, nặng.
 */
export const TONES: readonly string[] = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/** The 72 lower-case vowels with every tone, then đ, in NFC. */
export const LOWER_LETTERS: readonly string[] = [
  ...[...VOWEL_LETTERS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))),
  'đ',
];

/** Every Vietnamese letter with a diacritic or tone, or đ, in both cases (NFC). */
export const VIETNAMESE_LETTERS: ReadonlySet<string> = new Set(
  LOWER_LETTERS.flatMap((l) => [l, l.toUpperCase()]).filter((l) => !/^[a-zA-Z]$/.test(l)),
);
