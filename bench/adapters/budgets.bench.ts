/**
 * Every read within a budget (issue 15): the hostile corpus of `@eduvn/adapter-kit/testing`
 * (`hostileFile`), one generator per attack class, at two sizes each — most at or beyond the
 * sizes the issue measured (an 8 MB shared-strings table, a 100 MB sheet of megabyte-long tags, a
 * 560 KB .xls reaching column 16,384…) — each read with `readAll` in a fresh process under a
 * 1 GiB heap (`--max-old-space-size=1024`; before issue 15 several of them aborted a 4 GiB heap).
 *
 * For each file: how the read ended (records and issues, or the typed error and the limit it
 * names), its time, its time per MB of file (equal at both sizes when work is linear in the
 * file), and its peak RSS and heap growth over the process before the read. The limits are the
 * defaults unless the row says "lowered" (the file's own `limits`, for budgets no file of a sane
 * size reaches by default). Figures are for this machine and run; the test suite asserts the
 * outcomes, never times.
 *
 * Run: `pnpm --filter @eduvn/bench bench:budgets`. BENCH_BUDGETS_SCALE (default 1) multiplies
 * every size.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HostileAttack, hostileFile } from '@eduvn/adapter-kit/testing';
import { adapterNamed, type BudgetResult } from './budgets-child.ts';

const scale = Number(process.env['BENCH_BUDGETS_SCALE'] ?? 1);

/** One attack's runs: the adapter, the two sizes, and whether the file's lowered limits apply. */
interface Plan {
  readonly attack: HostileAttack;
  readonly adapter: 'flat' | 'merged';
  readonly sizes: readonly number[];
  readonly lowered?: true;
}

const PLANS: readonly Plan[] = [
  { attack: 'shared-strings', adapter: 'flat', sizes: [500, 1_100] },
  { attack: 'shared-string-count', adapter: 'flat', sizes: [10_000, 45_000] },
  { attack: 'wide-row', adapter: 'flat', sizes: [100, 320] },
  { attack: 'merged-ranges', adapter: 'merged', sizes: [300, 700] },
  { attack: 'header-merges', adapter: 'merged', sizes: [30, 300] },
  { attack: 'deep-xml', adapter: 'flat', sizes: [100, 1_000] },
  { attack: 'wide-biff', adapter: 'flat', sizes: [2_000, 8_000] },
  { attack: 'shared-sheet-part', adapter: 'flat', sizes: [20, 200] },
  { attack: 'many-sheets', adapter: 'flat', sizes: [200, 1_100] },
  { attack: 'inflated-bytes', adapter: 'flat', sizes: [1_000, 4_000], lowered: true },
  { attack: 'long-tags', adapter: 'flat', sizes: [100, 400] },
  { attack: 'title-runs', adapter: 'flat', sizes: [4, 4] },
  { attack: 'mostly-utf-8', adapter: 'flat', sizes: [5_000, 20_000] },
  { attack: 'late-nul', adapter: 'flat', sizes: [1_000, 10_000] },
  { attack: 'long-formula', adapter: 'flat', sizes: [20, 80] },
  { attack: 'utf16-html', adapter: 'flat', sizes: [1_000, 10_000] },
  { attack: 'xml-spreadsheet', adapter: 'flat', sizes: [1_000, 10_000] },
];

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

/** One read in a fresh process, under a 1 GiB heap. */
function inChild(adapter: string, path: string, limits: object): Promise<BudgetResult> {
  return new Promise((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL('./budgets-child.ts', import.meta.url)),
      [adapter, path, JSON.stringify(limits)],
      { execArgv: [...process.execArgv, '--max-old-space-size=1024', '--expose-gc'] },
    );
    let result: BudgetResult | undefined;
    child.on('message', (message) => {
      result = message as BudgetResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`budgets-child exited with ${signal ?? code} and no result`));
    });
  });
}

const dir = await mkdtemp(join(tmpdir(), 'eduvn-bench-budgets-'));
try {
  console.log(
    '@eduvn/adapter-kit: the hostile corpus of issue 15, each file read once in a fresh process under a 1 GiB heap',
  );
  console.log(
    `${'attack'.padEnd(20)}${'size'.padStart(7)}${'file'.padStart(10)}  ${'outcome'.padEnd(44)}${'ms'.padStart(8)}${'ms/MB'.padStart(9)}${'+RSS'.padStart(10)}${'+heap'.padStart(10)}`,
  );
  for (const plan of PLANS) {
    for (const raw of new Set(plan.sizes)) {
      const size = Math.max(1, Math.round(raw * scale));
      const file = hostileFile(plan.attack, { adapter: adapterNamed(plan.adapter), size });
      const path = join(dir, file.name);
      await writeFile(path, file.bytes);
      const limits = plan.lowered === true ? file.limits : {};
      const r = await inChild(plan.adapter, path, limits);
      const outcome = `${r.outcome}${plan.lowered === true ? ' [lowered]' : ''}`;
      console.log(
        `${plan.attack.padEnd(20)}${String(size).padStart(7)}${mb(file.bytes.length).padStart(10)}  ${outcome.padEnd(44)}${r.ms.toFixed(0).padStart(8)}${(r.ms / (file.bytes.length / 1e6)).toFixed(1).padStart(9)}${mb(r.peakRss - r.baseRss).padStart(10)}${mb(r.peakHeap - r.baseHeap).padStart(10)}`,
      );
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
