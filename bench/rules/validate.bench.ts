/**
 * The rules engine over a province: 500,000 generated pupils (with their schools, classes and
 * staff) streamed from @eduvn/fixtures through every record and dataset rule, side by side with
 * schema validation alone (the same engine running only STD.SCHEMA.001) and with the generator
 * alone (the floor). Goal: ≥ 100,000 records/s on one core with peak RSS under 500 MB.
 * Run: `pnpm bench` (or `pnpm --filter @eduvn/bench bench:rules`); BENCH_PUPILS to change the size.
 */
import { provinceRecords } from '@eduvn/fixtures';
import { BUILT_IN_RULES, runRules } from '@eduvn/rules';

const pupils = Number(process.env['BENCH_PUPILS'] ?? 500_000);
const options = { seed: 3, province: '79', pupils, asOf: '2026-05-31' } as const;
const schemaOnly = BUILT_IN_RULES.filter((r) => r.id === 'STD.SCHEMA.001');

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sampleRss, 100);

async function measure(
  name: string,
  run: () => Promise<number>,
): Promise<{ name: string; ms: number; records: number }> {
  const start = performance.now();
  const records = await run();
  return { name, ms: performance.now() - start, records };
}

function* counted(source: Iterable<{ entity: string; record: unknown }>, counter: { n: number }) {
  for (const item of source) {
    counter.n++;
    yield item as { entity: string; record: Record<string, unknown> };
  }
}

// Warm up (catalogs, compiled validators, JIT).
await runRules(provinceRecords({ ...options, pupils: 5_000 }), BUILT_IN_RULES, {
  asOf: options.asOf,
});

const results = [];
{
  const c = { n: 0 };
  results.push(
    await measure('generator alone (floor)', async () => {
      for (const _ of counted(provinceRecords(options), c));
      return c.n;
    }),
  );
}
{
  const c = { n: 0 };
  results.push(
    await measure('schema validation only', async () => {
      await runRules(counted(provinceRecords(options), c), schemaOnly, { asOf: options.asOf });
      return c.n;
    }),
  );
}
let issues = 0;
{
  const c = { n: 0 };
  results.push(
    await measure(`all ${BUILT_IN_RULES.filter((r) => !r.periods).length} rules`, async () => {
      const report = await runRules(counted(provinceRecords(options), c), BUILT_IN_RULES, {
        asOf: options.asOf,
      });
      issues = report.issues.length;
      return c.n;
    }),
  );
}
clearInterval(timer);
sampleRss();

const base = results[1]?.ms ?? Number.NaN;
console.log(
  `\n@eduvn/rules over a generated province — ${pupils.toLocaleString('en')} pupils (${results[0]?.records.toLocaleString('en')} records)`,
);
console.log(
  `${'run'.padEnd(28)}${'ms'.padStart(10)}${'records/s'.padStart(14)}${'× schema only'.padStart(15)}`,
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(28)}${r.ms.toFixed(0).padStart(10)}${Math.round((r.records / r.ms) * 1000)
      .toLocaleString('en')
      .padStart(14)}${(r.ms / base).toFixed(2).padStart(15)}`,
  );
}
console.log(
  `issues found in the generated data: ${issues}; peak RSS ${Math.round(peakRss / 1e6)} MB`,
);
