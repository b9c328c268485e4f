/** The words of a key. */
function words(key: string): string[] {
  return key === '' ? [] : key.split(' ');
}

/** The character pairs of a key without its spaces. */
function bigrams(key: string): string[] {
  const s = key.replace(/ /g, '');
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** How many items two multisets share. */
function shared(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of b) {
    const c = counts.get(x) ?? 0;
    if (c > 0) {
      n++;
      counts.set(x, c - 1);
    }
  }
  return n;
}

/** Keys longer than this are not compared (a 10,000-character header resembles nothing). */
const MAX_KEY = 200;

/** At least this share of a label's words must appear in the header. */
const MIN_RECALL = 0.75;

/** Character-pair overlap below this is not a typing slip but another text. */
const MIN_PAIRS = 0.75;

/**
 * How much a header resembles a field's label or known header, from 0 to 1, both as
 * `matchKey`s. Asymmetric on purpose: a header may add words to a label (`'ho ten cha'`
 * resembles `'ten cha'`, 0.91), but a label word missing from the header is evidence against it
 * (`'ho ten'` does not resemble `'ho ten cha'`: the missing `cha` is what tells the father's name
 * apart).
 *
 * - By words: at least two shared words and at least 75 % of the label's words in the header;
 *   then the F2 score of precision (shared / header words) and recall (shared / label words),
 *   which weighs recall more.
 * - By character pairs, for typing slips: their Dice coefficient when at least 0.75, times 0.9.
 *
 * The better of the two counts. Keys longer than 200 characters resemble nothing.
 *
 * @param header - the header's key
 * @param label - the label's key
 */
export function headerSimilarity(header: string, label: string): number {
  if (header === '' || label === '' || header.length > MAX_KEY || label.length > MAX_KEY) return 0;
  if (header === label) return 1;
  const h = words(header);
  const l = words(label);
  const common = shared(h, l);
  let byWords = 0;
  if (common >= 2 && common / l.length >= MIN_RECALL) {
    const precision = common / h.length;
    const recall = common / l.length;
    byWords = (5 * precision * recall) / (4 * precision + recall);
  }
  const hp = bigrams(header);
  const lp = bigrams(label);
  const pairs =
    hp.length === 0 || lp.length === 0 ? 0 : (2 * shared(hp, lp)) / (hp.length + lp.length);
  return Math.max(byWords, pairs >= MIN_PAIRS ? 0.9 * pairs : 0);
}
