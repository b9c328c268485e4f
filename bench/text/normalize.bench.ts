/**
 * matchKey and normalizeText over one million generated Vietnamese names, side by side with the
 * platform's own `s.normalize('NFC')` on the same strings (the floor any Unicode-correct cleaning
 * pays). Run: `pnpm bench` (or `pnpm --filter @eduvn/bench bench:text`).
 */
import { formatPersonName, matchKey, normalizeText, placeTones } from '@eduvn/text';
import { compare } from '../harness.ts';
import { generateNames } from './names.ts';

const count = Number(process.env['BENCH_NAMES'] ?? 1_000_000);
const names = generateNames(count);

const mapAll =
  (fn: (s: string) => string) =>
  (input: readonly string[]): number => {
    let total = 0;
    for (const s of input) total += fn(s).length;
    return total;
  };

compare(
  '@eduvn/text on generated names',
  names,
  [
    { name: "s.normalize('NFC') (baseline)", run: mapAll((s) => s.normalize('NFC')) },
    { name: 'normalizeText', run: mapAll(normalizeText) },
    { name: 'matchKey', run: mapAll(matchKey) },
    { name: 'formatPersonName', run: mapAll(formatPersonName) },
    { name: "placeTones(s, 'new')", run: mapAll((s) => placeTones(s, 'new')) },
  ],
  { unit: 'names', rounds: Number(process.env['BENCH_ROUNDS'] ?? 5) },
);
