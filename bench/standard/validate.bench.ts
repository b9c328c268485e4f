/**
 * Validating 200,000 generated pupils (HocSinh, from @eduvn/fixtures), side by side in one run:
 * `compileValidator` (zod's compiled path), zod's compiled schema with a whole-record parse to
 * collect issues (the issue path `compileValidator` had before it collected them field by field),
 * plain zod `safeParse`, and a hand-written validator of the same rules. Goal: compiled ≥ 0.8× the hand-written throughput. A second table repeats it with
 * 10% of the records damaged (issues collected). Run: `pnpm bench` (or
 * `pnpm --filter @eduvn/bench bench:standard`).
 */
import { provinceRecords } from '@eduvn/fixtures';
import { compileValidator, type HocSinh, HocSinh as HocSinhSchema } from '@eduvn/standard';
import { z } from 'zod';
import { compare } from '../harness.ts';
import { handWritten } from './hand-written.ts';

const count = Number(process.env['BENCH_RECORDS'] ?? 200_000);
const pupils: HocSinh[] = [];
for (const r of provinceRecords({ seed: 11, province: '79', pupils: count })) {
  if (r.entity === 'HocSinh' && pupils.length < count) pupils.push(r.record);
}
// Distinct objects (a JSON round trip), as a reader would deliver them.
const valid: unknown[] = pupils.map((p) => JSON.parse(JSON.stringify(p)));
const damaged: unknown[] = valid.map((p, i) =>
  i % 10 === 0 ? { ...(p as object), hoTen: 'x'.repeat(51), ngaySinh: '2016-02-30' } : p,
);

const compiled = compileValidator(HocSinhSchema);
// The issue path compileValidator had before: on a record its checks reject, the compiled
// schema's validate, then a whole-record safeParse whose issues are read.
const fast = z.compile(HocSinhSchema);
const wholeRecordParse = (r: unknown): boolean => {
  if (fast.validate(r)) return true;
  const result = fast.safeParse(r);
  return result.success || result.error.issues.length === 0;
};
const manual = handWritten(HocSinhSchema);
const countOk = (check: (r: unknown) => boolean) => (input: readonly unknown[]) => {
  let ok = 0;
  for (const r of input) if (check(r)) ok++;
  return ok;
};
const candidates = [
  { name: 'hand-written (baseline)', run: countOk(manual) },
  { name: 'compileValidator (zod compiled)', run: countOk((r) => compiled(r).ok) },
  { name: 'zod compiled + whole-record parse', run: countOk(wholeRecordParse) },
  { name: 'zod safeParse', run: countOk((r) => HocSinhSchema.safeParse(r).success) },
];
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
compare('@eduvn/standard: validating generated pupils (all valid)', valid, candidates, {
  unit: 'records',
  rounds,
});
compare(
  '@eduvn/standard: validating generated pupils (10% invalid, issues collected)',
  damaged,
  candidates,
  {
    unit: 'records',
    rounds,
  },
);
