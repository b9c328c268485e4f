/**
 * The field delimiters the CSV reader knows: comma (RFC 4180), semicolon (what Excel writes where
 * the decimal separator is a comma, as in Vietnamese regional settings), tab ("Text (Tab
 * delimited)" and "Unicode Text") and the vertical bar.
 */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

/** The candidates, in the order that breaks ties. */
const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/** Occurrences of each candidate in one record. */
type Counts = [number, number, number, number];

/** Records looked at. */
const MAX_RECORDS = 50;

/**
 * The delimiter of CSV text, from its first records: the candidate that appears outside quotes in
 * the most consistent number per record (the share of records with the most common non-zero
 * count), then the one appearing more often per record, then `,` `;` tab `|` in this order.
 * Blank lines are skipped. A comma when no candidate appears (a one-column file).
 *
 * Quotes are followed naively (each `"` opens or closes), which is right for RFC 4180 text.
 *
 * @param sample - The start of the decoded text.
 * @param complete - Whether `sample` is the whole file (otherwise its last record may be cut and
 * is not counted, unless it is the only one).
 */
export function detectDelimiter(sample: string, complete: boolean): CsvDelimiter {
  const records: Counts[] = [];
  let counts: Counts = [0, 0, 0, 0];
  let content = false;
  let quoted = false;
  for (let i = 0; i < sample.length && records.length < MAX_RECORDS; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) {
      quoted = !quoted;
      content = true;
    } else if (quoted) {
    } else if (c === 10 || c === 13) {
      if (content) records.push(counts);
      counts = [0, 0, 0, 0];
      content = false;
    } else {
      content = true;
      if (c === 44) counts[0]++;
      else if (c === 59) counts[1]++;
      else if (c === 9) counts[2]++;
      else if (c === 124) counts[3]++;
    }
  }
  if (content && (complete || records.length === 0)) records.push(counts);
  if (records.length === 0) return ',';

  let best: { delimiter: CsvDelimiter; consistency: number; mode: number } | null = null;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const delimiter = CANDIDATES[k] as CsvDelimiter;
    const frequency = new Map<number, number>();
    for (const record of records) {
      const n = record[k] ?? 0;
      frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    let mode = 0;
    let modeCount = 0;
    for (const [n, times] of frequency) {
      if (n > 0 && (times > modeCount || (times === modeCount && n > mode))) {
        mode = n;
        modeCount = times;
      }
    }
    if (mode === 0) continue;
    const consistency = modeCount / records.length;
    if (
      best === null ||
      consistency > best.consistency ||
      (consistency === best.consistency && mode > best.mode)
    ) {
      best = { delimiter, consistency, mode };
    }
  }
  return best?.delimiter ?? ',';
}
