import { normalizeText } from './normalize.ts';

/** A word's parts: letters, and the hyphens and apostrophes that join them (Y-Moan, H'Hen). */
const WORD_PART = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Writes a person's name the way Vietnamese records do: normalized ({@link normalizeText}), each
 * word with a capital initial and the rest in lower case. Parts joined by a hyphen or an apostrophe
 * are capitalized too, as in names of the Central Highlands peoples (`H'Hen Niê`, `Y-Moan Ênuôl`,
 * `Nay H'Linh`). Tone placement and spelling are kept as written.
 *
 * @example
 * ```ts
 * formatPersonName('  nguyễn   văn AN ') // 'Nguyễn Văn An'
 * formatPersonName("h'hen NIÊ")         // "H'Hen Niê"
 * ```
 */
export function formatPersonName(s: string): string {
  const words = normalizeText(s).split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    words[i] = PLAIN_WORD.test(word) ? capitalize(word) : word.replace(WORD_PART, capitalize);
  }
  return words.join(' ');
}

/** A word of letters only (the common case): capitalized as one part. */
const PLAIN_WORD = /^[\p{L}\p{M}]+$/u;

function capitalize(part: string): string {
  const first = part.codePointAt(0);
  if (first === undefined) return part;
  const head = String.fromCodePoint(first);
  const upper = head.toUpperCase();
  // Letters whose capital is longer (ß → SS, ᾀ → ἈΙ) keep their form: a name word is never lengthened.
  return (upper.length === head.length ? upper : head) + part.slice(head.length).toLowerCase();
}
