/**
 * The rules engine over a province: 500,000 generated pupils (with their schools, classes and
 * staff) streamed from @eduvn/fixtures through every record and dataset rule, side by side with
 * schema validation alone (the same engine running only STD.SCHEMA.001) and with the generator
 * alone (the floor). Goal: ≥ 100,000 records/s on one core with peak RSS under 500 MB.
 *
 * Then "rules only": schema validation alone, every rule, and every rule with a source layout
 * listing every field (the `layout` option's bookkeeping; the report is the same), over records
 * generated beforehand (100,000 pupils at most), so that the generator's share is left out (best
 * of three runs after a warm-up).
 *
 * Run: `pnpm bench` (or `pnpm --filter @eduvn/bench bench:rules`); BENCH_PUPILS to change the size.
 */
import { provinceRecords } from '@eduvn/fixtures';
import { BUILT_IN_RULES, type InputRecord, runRules } from '@eduvn/rules';
import { ENTITIES, entityOf, fieldsOf } from '@eduvn/standard';

const pupils = Number(process.env['BENCH_PUPILS'] ?? 500_000);
const options = { seed: 3, province: '79', pupils, asOf: '2026-05-31' } as const;
const schemaOnly = BUILT_IN_RULES.filter((r) => r.id === 'STD.SCHEMA.001');
const allRules = `all ${BUILT_IN_RULES.filter((r) => !r.periods).length} rules`;

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sampleRss, 100);

interface Result {
  readonly name: string;
  readonly ms: number;
  readonly records: number;
  /** The peak RSS during the run. */
  readonly rss: number;
}

async function measure(name: string, run: () => Promise<number>): Promise<Result> {
  const before = peakRss;
  peakRss = process.memoryUsage().rss;
  const start = performance.now();
  const records = await run();
  const ms = performance.now() - start;
  sampleRss();
  const rss = peakRss;
  peakRss = Math.max(before, peakRss);
  return { name, ms, records, rss };
}

function* counted(source: Iterable<{ entity: string; record: unknown }>, counter: { n: number }) {
  for (const item of source) {
    counter.n++;
    yield item as { entity: string; record: Record<string, unknown> };
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
const perSecond = (r: Result): string => Math.round((r.records / r.ms) * 1000).toLocaleString('en');

function print(results: readonly Result[], withRss: boolean): void {
  const base = results.find((r) => r.name === 'schema validation only')?.ms ?? Number.NaN;
  console.log(
    `${'run'.padEnd(28)}${'ms'.padStart(10)}${'records/s'.padStart(14)}${'× schema only'.padStart(15)}${withRss ? 'peak RSS'.padStart(12) : ''}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(28)}${r.ms.toFixed(0).padStart(10)}${perSecond(r).padStart(14)}${(r.ms / base).toFixed(2).padStart(15)}${withRss ? mb(r.rss).padStart(12) : ''}`,
    );
  }
}

// Warm up (catalogs, compiled validators, JIT).
await runRules(provinceRecords({ ...options, pupils: 5_000 }), BUILT_IN_RULES, {
  asOf: options.asOf,
});

const streamed: Result[] = [];
{
  const c = { n: 0 };
  streamed.push(
    await measure('generator alone (floor)', async () => {
      for (const _ of counted(provinceRecords(options), c));
      return c.n;
    }),
  );
}
{
  const c = { n: 0 };
  streamed.push(
    await measure('schema validation only', async () => {
      await runRules(counted(provinceRecords(options), c), schemaOnly, { asOf: options.asOf });
      return c.n;
    }),
  );
}
let issues = 0;
{
  const c = { n: 0 };
  streamed.push(
    await measure(allRules, async () => {
      const report = await runRules(counted(provinceRecords(options), c), BUILT_IN_RULES, {
        asOf: options.asOf,
      });
      issues = report.issues.length;
      return c.n;
    }),
  );
}
const streamedPeak = peakRss;

// Rules only: the records are generated first, then checked (generator and its memory left out).
const generated: InputRecord[] = [
  ...provinceRecords({ ...options, pupils: Math.min(pupils, 100_000) }),
];
// Warm up on an array (the engine has only seen a generator so far), then keep the best of three.
await runRules(generated.slice(0, 20_000), BUILT_IN_RULES, { asOf: options.asOf });
// A source layout listing every field: the same checks, plus the engine's layout bookkeeping.
const fullLayout = Object.fromEntries(
  ENTITIES.map((e) => [entityOf(e).name, fieldsOf(e).map((f) => f.name)]),
);
const rulesOnly: Result[] = [];
for (const [name, rules, layout] of [
  ['schema validation only', schemaOnly, undefined],
  [allRules, BUILT_IN_RULES, undefined],
  [`${allRules}, layout`, BUILT_IN_RULES, fullLayout],
] as const) {
  let best: Result | undefined;
  for (let i = 0; i < 3; i++) {
    const r = await measure(name, async () => {
      await runRules(generated, rules, { asOf: options.asOf, ...(layout ? { layout } : {}) });
      return generated.length;
    });
    if (best === undefined || r.ms < best.ms) best = r;
  }
  rulesOnly.push(best as Result);
}
clearInterval(timer);

console.log(
  `\n@eduvn/rules over a generated province — ${pupils.toLocaleString('en')} pupils (${streamed[0]?.records.toLocaleString('en')} records), streamed from the generator`,
);
print(streamed, true);
console.log(
  `issues found in the generated data: ${issues}; peak RSS of the streamed runs ${mb(streamedPeak)}`,
);
console.log(
  `\nrules only — the same engine over ${generated.length.toLocaleString('en')} records generated beforehand (generator excluded; best of 3)`,
);
print(rulesOnly, false);
