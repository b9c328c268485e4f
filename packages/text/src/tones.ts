import { joinLetters, parseSyllable, STYLE_DEPENDENT_NUCLEI } from './syllable.ts';

/**
 * The two conventions for placing the tone mark in the open syllables `oa`, `oe`, `uy`:
 *
 * - `'old'` (kiểu cũ), on the first vowel: `hòa`, `khỏe`, `thủy`;
 * - `'new'` (kiểu mới, the Ministry's 1980s rules), on the second: `hoà`, `khoẻ`, `thuỷ`.
 *
 * Official sources use both (`Thanh Hóa` and `Thanh Hoá`, `Khánh Hòa` and `Khánh Hoà`).
 */
export type ToneStyle = 'old' | 'new';

/**
 * Words whose tone can move end in one of the vowel pairs `oa`, `oe`, `uy` (with or without a tone
 * mark, NFC): the style matters only when no consonant follows. Any other word is left as it is
 * without being parsed.
 */
const CANDIDATE_WORD = /(?:[oòóỏõọOÒÓỎÕỌ][aàáảãạeèéẻẽẹAÀÁẢÃẠEÈÉẺẼẸ]|[uùúủũụUÙÚỦŨỤ][yỳýỷỹỵYỲÝỶỸỴ])$/;

/** Whether a text holds any candidate word at all. */
const CANDIDATE_IN_TEXT =
  /(?:[oòóỏõọOÒÓỎÕỌ][aàáảãạeèéẻẽẹAÀÁẢÃẠEÈÉẺẼẸ]|[uùúủũụUÙÚỦŨỤ][yỳýỷỹỵYỲÝỶỸỴ])(?![\p{L}\p{M}])/u;

/** Words: letters with their combining marks. */
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * Moves tone marks to the position the chosen {@link ToneStyle} prescribes, syllable by syllable.
 *
 * Only the syllables whose spelling depends on the convention change: an open syllable (no final
 * consonant) whose vowel nucleus is `oa`, `oe` or `uy`, as in `hòa`/`hoà`, `khỏe`/`khoẻ`,
 * `thủy`/`thuỷ`. Everything else is left as written — `quý` and `quà` (the `u` belongs to `qu`),
 * `giữa` (the `i` belongs to `gi`), `hoàng`, `thuận` and `Huỳnh` (a final consonant fixes the
 * position), `của`, `mùa` — as are words that are not Vietnamese syllables. Case is preserved.
 *
 * The result is in NFC (so `placeTones(placeTones(s, 'old'), 'new') === placeTones(s, 'new')`
 * holds whatever the input's normalization form); white space and punctuation are kept as they are.
 * Use it to store names in one style; to compare names, {@link matchKey} already ignores the style.
 *
 * @example
 * ```ts
 * placeTones('Khánh Hòa, Thanh Hóa', 'new') // 'Khánh Hoà, Thanh Hoá'
 * placeTones('THUỶ', 'old')                 // 'THỦY'
 * placeTones('Huỳnh Thị Quý', 'new')        // unchanged
 * ```
 */
export function placeTones(s: string, style: ToneStyle): string {
  if (style !== 'old' && style !== 'new') {
    throw new TypeError(`placeTones: style must be 'old' or 'new', got ${JSON.stringify(style)}`);
  }
  const nfc = s.normalize('NFC');
  if (!CANDIDATE_IN_TEXT.test(nfc)) return nfc;
  return nfc.replace(WORD, (word) =>
    CANDIDATE_WORD.test(word) ? placeWordTone(word, style) : word,
  );
}

function placeWordTone(word: string, style: ToneStyle): string {
  const syllable = parseSyllable(word);
  if (syllable === null || syllable.coda !== '' || syllable.toneIndex === -1) return word;
  if (!STYLE_DEPENDENT_NUCLEI.has(syllable.nucleus)) return word;
  const target = syllable.nucleusStart + (style === 'old' ? 0 : 1);
  if (syllable.toneIndex === target) return word;
  const tone = syllable.letters[syllable.toneIndex]?.tone ?? '';
  return joinLetters(syllable.letters, target, tone);
}
