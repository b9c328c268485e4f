/**
 * Vietnamese syllable analysis: onset, vowel nucleus, coda and the tone mark.
 *
 * Written Vietnamese is one syllable per word. Every syllable is
 * `onset? nucleus coda?` with at most one tone mark, carried by one vowel of the nucleus. The
 * tables below are the orthography's (not a list of words), so anything that does not parse is not
 * a Vietnamese syllable: a foreign name, an abbreviation, or mojibake from a legacy encoding.
 *
 * @internal
 */

/** The five tone marks as combining characters (NFD): huyền, sắc, ngã, hỏi, nặng. */
export const TONE_MARKS: ReadonlySet<string> = new Set([
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
]);

/** The marks that change a letter's shape rather than its tone: circumflex, breve, horn. */
const SHAPE_MARKS: ReadonlySet<string> = new Set(['\u0302', '\u0306', '\u031B']);

const VOWELS: ReadonlySet<string> = new Set([...'aăâeêioôơuưy']);

const ONSETS: ReadonlySet<string> = new Set([
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'q',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
]);

const CODAS: ReadonlySet<string> = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

/** Nuclei that end in a glide (or are falling diphthongs) and so take no final consonant. */
const OPEN_NUCLEI: ReadonlySet<string> = new Set([
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iu',
  'oi',
  'ôi',
  'ơi',
  'ua',
  'ui',
  'ưa',
  'ưi',
  'ưu',
  'iêu',
  'oai',
  'oao',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'uya',
  'uyu',
  'ươi',
  'ươu',
  'yêu',
]);

const NUCLEI: ReadonlySet<string> = new Set([
  ...VOWELS,
  ...OPEN_NUCLEI,
  'iê',
  'oa',
  'oă',
  'oe',
  'oo',
  'ôô',
  'uâ',
  'uê',
  'uô',
  'uơ',
  'uy',
  'ươ',
  'yê',
  'uyê',
]);

/** Open two-vowel nuclei whose tone position depends on the writing convention. */
export const STYLE_DEPENDENT_NUCLEI: ReadonlySet<string> = new Set(['oa', 'oe', 'uy']);

/** One written letter of a syllable, split into its shape and its tone. */
export interface Letter {
  /** The letter with its shape marks (ă, â, ê, ô, ơ, ư) in NFC and its original case, no tone. */
  readonly base: string;
  /** The lower-case form of {@link Letter.base}. */
  readonly lower: string;
  /** The combining tone mark carried by this letter, or `''`. */
  readonly tone: string;
}

/** A parsed Vietnamese syllable. Index ranges are half-open into {@link Syllable.letters}. */
export interface Syllable {
  readonly letters: readonly Letter[];
  readonly onset: string;
  readonly nucleus: string;
  readonly coda: string;
  /** Index of the first letter of the nucleus. */
  readonly nucleusStart: number;
  /** Index one past the last letter of the nucleus. */
  readonly nucleusEnd: number;
  /** Index of the letter carrying the tone mark, or `-1` for the level tone (thanh ngang). */
  readonly toneIndex: number;
}

/**
 * Splits a word (any normalization form) into letters. Returns `null` when a letter carries a mark
 * Vietnamese does not use (ä, ø, ç…), more than one tone, or the word contains a non-letter.
 */
export function splitLetters(word: string): Letter[] | null {
  const nfd = word.normalize('NFD');
  const letters: Letter[] = [];
  let base = '';
  let shapes = '';
  let tone = '';
  const flush = (): void => {
    if (base === '') return;
    const composed = (base + shapes).normalize('NFC');
    letters.push({ base: composed, lower: composed.toLowerCase(), tone });
  };
  for (const ch of nfd) {
    if (TONE_MARKS.has(ch)) {
      if (base === '' || tone !== '') return null;
      tone = ch;
    } else if (SHAPE_MARKS.has(ch)) {
      if (base === '') return null;
      shapes += ch;
    } else if (/^[a-zA-ZđĐ]$/.test(ch)) {
      flush();
      base = ch;
      shapes = '';
      tone = '';
    } else {
      return null;
    }
  }
  flush();
  return letters;
}

/**
 * Parses one word as a Vietnamese syllable. Case does not matter; the word may be NFC or NFD.
 * Returns `null` when the word is not a well-formed Vietnamese syllable.
 */
export function parseSyllable(word: string): Syllable | null {
  const letters = splitLetters(word);
  if (letters === null || letters.length === 0) return null;
  let start = 0;
  while (start < letters.length && !VOWELS.has(letters[start]?.lower ?? '')) start++;
  if (start === letters.length) return null;
  let end = start;
  while (end < letters.length && VOWELS.has(letters[end]?.lower ?? '')) end++;
  const text = (from: number, to: number): string =>
    letters
      .slice(from, to)
      .map((l) => l.lower)
      .join('');
  // "qu" and "gi" spell one consonant: their u / i belong to the onset, not to the nucleus.
  const before = text(0, start);
  if (before === 'q' && letters[start]?.lower === 'u' && end - start > 1) start++;
  else if (before === 'g' && letters[start]?.lower === 'i' && end - start > 1) start++;

  const onset = text(0, start);
  const nucleus = text(start, end);
  const coda = text(end, letters.length);
  if (!ONSETS.has(onset) || !NUCLEI.has(nucleus) || !CODAS.has(coda)) return null;
  if (coda !== '' && OPEN_NUCLEI.has(nucleus)) return null;

  let toneIndex = -1;
  for (let i = 0; i < letters.length; i++) {
    if (letters[i]?.tone !== '') {
      // A tone mark outside the nucleus (on a consonant, or on qu's u in the wrong place) is not Vietnamese.
      if (toneIndex !== -1 || i < start - (onset === 'qu' || onset === 'gi' ? 1 : 0) || i >= end) {
        return null;
      }
      toneIndex = i;
    }
  }
  return { letters, onset, nucleus, coda, nucleusStart: start, nucleusEnd: end, toneIndex };
}

/** Reassembles letters into an NFC word, putting `tone` (or no tone) on the letter at `toneIndex`. */
export function joinLetters(letters: readonly Letter[], toneIndex: number, tone: string): string {
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    out += letters[i]?.base ?? '';
    if (i === toneIndex) out += tone;
  }
  return out.normalize('NFC');
}
