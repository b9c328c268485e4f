/**
 * Checking a file end to end with `checkFiles`, side by side with reading it alone with `readWith`
 * on the same file: an .xlsx of 200,000 generated pupils × 25 columns (the adapter benchmark's
 * model of the "C1-HocSinh" export) with one record in ten invalid (an impossible date, an
 * over-long name, a bad sex, a blank pupil code — see `pupils-file.ts`), written to a temporary
 * file and read from its path so that both stream.
 *
 * 1. Throughput (interleaved rounds, medians): `readWith(adapter, { path })` producing records
 *    with provenance; the same records piped straight into `validate` (what the rules cost); and
 *    `checkFiles([path], { asOf, adapters })` — detection, the file's layout, reading, every rule
 *    of `@eduvn/rules` and the report. Goal: checkFiles ≥ 0.7× readWith's rows/s.
 * 2. Memory: each in a fresh child process, reporting its peak RSS.
 *
 * Run: `pnpm --filter @eduvn/bench bench:check`. Sizes: BENCH_CHECK_PUPILS (default 200000);
 * BENCH_ROUNDS (default 3).
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWith } from '@eduvn/adapter-kit';
import { checkFiles } from '@eduvn/check';
import { validate } from '@eduvn/rules';
import { c1HocSinh } from '../adapters/c1-hoc-sinh.ts';
import { compareAsync, cpuMedians } from '../harness.ts';
import type { ChildResult } from './check-child.ts';
import { AS_OF, INVALID_EVERY, writePlantedFile } from './pupils-file.ts';

const pupils = Number(process.env['BENCH_CHECK_PUPILS'] ?? 200_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const RATIO_GOAL = 0.7;

const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
const thousands = (n: number): string => n.toLocaleString('en');

if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  console.log('(started without --expose-gc: garbage is not collected between runs)');
}

/** One run in a fresh process (see `check-child.ts`). */
function inChild(mode: 'read' | 'check', path: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./check-child.ts', import.meta.url)), [mode, path], {
      execArgv: process.execArgv,
    });
    let result: ChildResult | undefined;
    child.on('message', (message) => {
      result = message as ChildResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`check-child ${mode} exited with code ${code} and no result`));
    });
  });
}

const dir = await mkdtemp(join(tmpdir(), 'eduvn-bench-check-'));
try {
  const path = join(dir, 'C1-HocSinh.xlsx');
  const rows = await writePlantedFile(path, pupils);
  console.log(
    `file: ${thousands(rows)} pupils, one in ${INVALID_EVERY} invalid, ${mb((await stat(path)).size)} (.xlsx)`,
  );

  // What each produces, once, outside the timings.
  const report = await checkFiles([path], { asOf: AS_OF, adapters: [c1HocSinh] });
  const byRule = Object.entries(report.summary.byRule)
    .map(([id, c]) => [id, c.error + c.query + c.acknowledged] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([id, n]) => `${id} ${thousands(n)}`);
  console.log(
    `checkFiles: ${thousands(report.summary.records)} records, ${thousands(report.issues.length)} issues (${byRule.join(', ')})`,
  );

  const medians = await compareAsync(
    `Reading alone vs checking end to end (${thousands(rows)} pupils)`,
    [path],
    [
      {
        name: 'readWith (records, provenance)',
        run: async ([p]) => {
          let n = 0;
          for await (const item of readWith(c1HocSinh, { path: p as string })) {
            if (item.kind === 'record') n++;
          }
          return n;
        },
      },
      {
        name: 'readWith → validate (no check)',
        run: async ([p]) => {
          async function* records() {
            for await (const item of readWith(c1HocSinh, { path: p as string })) {
              if (item.kind === 'record') {
                yield { entity: item.entity, record: item.record, provenance: item.provenance };
              }
            }
          }
          return validate(records(), { asOf: AS_OF });
        },
      },
      {
        name: 'checkFiles (end to end)',
        run: async ([p]) => checkFiles([p as string], { asOf: AS_OF, adapters: [c1HocSinh] }),
      },
    ],
    { rounds, unit: 'rows', count: rows },
  );
  const read = medians.get('readWith (records, provenance)') ?? Number.NaN;
  const check = medians.get('checkFiles (end to end)') ?? Number.NaN;
  const bare = medians.get('readWith → validate (no check)') ?? Number.NaN;
  const ratio = read / check;
  console.log(
    `\ncheckFiles runs at ${ratio.toFixed(2)}× readWith's rows/s (goal ≥ ${RATIO_GOAL}×: ${ratio >= RATIO_GOAL ? 'met' : 'NOT MET'})`,
  );
  console.log(
    `readWith piped into validate alone runs at ${(read / bare).toFixed(2)}×; checkFiles at ${(bare / check).toFixed(2)}× of that (what detection, layouts, reading issues and the merged report cost)`,
  );
  const cpuRead = cpuMedians.get('readWith (records, provenance)') ?? Number.NaN;
  const cpuCheck = cpuMedians.get('checkFiles (end to end)') ?? Number.NaN;
  console.log(
    `in CPU time (all threads; not counting time a busy host takes away): checkFiles at ${(cpuRead / cpuCheck).toFixed(2)}× readWith`,
  );

  console.log('\nPeak RSS, each in a fresh process:');
  for (const mode of ['read', 'check'] as const) {
    const r = await inChild(mode, path);
    console.log(
      `  ${mode.padEnd(6)} ${thousands(r.records)} records, ${thousands(r.issues)} issues, ${Math.round(r.ms)} ms, peak RSS ${mb(r.peakRss)} (${mb(r.baseRss)} after start-up)`,
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
