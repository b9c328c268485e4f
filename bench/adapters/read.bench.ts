/**
 * Reading a national-database pupil export with an adapter, side by side with the raw streaming
 * reader on the same file: an .xlsx of 100,000 generated pupils × 25 columns (a model of the
 * "C1-HocSinh" export: a title block above the header, dates as dd/mm/yyyy text and some Excel
 * serials, codes as text — see `c1-hoc-sinh.ts`), written to a temporary file and read from its
 * path so that reading streams.
 *
 * 1. Throughput (interleaved rounds, medians): the raw `openXlsx` iterating every row, and
 *    `readWith(adapter, { path })` producing canonical `HocSinh` records with provenance (file,
 *    sheet, row, column of every field). Goal: readWith ≥ 0.8× the raw reader's rows/s.
 * 2. Memory: each reader over 100,000 and over 500,000 pupils, each run in a fresh child process,
 *    reporting its peak RSS. Goal: readWith's 500k figure within 1.5× its 100k figure.
 *
 * Run: `pnpm --filter @eduvn/bench bench:adapters` (or `pnpm bench`). Sizes: BENCH_PUPILS
 * (default 100000), BENCH_LARGE_PUPILS (default 500000); BENCH_ROUNDS (default 7).
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openXlsx, readWith } from '@eduvn/adapter-kit';
import { compareAsync } from '../harness.ts';
import {
  c1HocSinh,
  HEADER_ROW,
  HEADERS,
  mapping,
  UNMAPPED,
  writePupilFile,
} from './c1-hoc-sinh.ts';
import type { ChildResult } from './read-child.ts';

const small = Number(process.env['BENCH_PUPILS'] ?? 100_000);
const large = Number(process.env['BENCH_LARGE_PUPILS'] ?? 500_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 7);
const RATIO_GOAL = 0.8;
const RSS_GOAL = 1.5;

const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
const thousands = (n: number): string => n.toLocaleString('en');
const verdict = (met: boolean): string => (met ? 'met' : 'NOT MET');

if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
  console.log('(started without --expose-gc: garbage is not collected between runs)');
}

/** Every row of the data sheet through the raw streaming reader. */
async function rawRows(path: string): Promise<number> {
  const workbook = await openXlsx({ path });
  let rows = 0;
  try {
    for await (const _ of workbook.rows(0)) rows++;
  } finally {
    await workbook.close();
  }
  return rows;
}

/** What one adapter read produced. */
interface Tally {
  records: number;
  issues: number;
  cellIssues: number;
  skips: Map<string, number>;
  fields: number;
}

/**
 * The adapter over the file: records with provenance, counted (nothing kept). The timed runs only
 * count, as the raw candidate does; the check also counts the fields' columns.
 */
async function adapterRead(path: string, check = false): Promise<Tally> {
  const tally: Tally = { records: 0, issues: 0, cellIssues: 0, skips: new Map(), fields: 0 };
  for await (const item of readWith(c1HocSinh, { path })) {
    if (item.kind === 'record') {
      tally.records++;
      tally.cellIssues += item.issues.length;
      if (check) for (const _ in item.provenance.columns) tally.fields++;
    } else if (item.kind === 'skip') {
      tally.skips.set(item.reason, (tally.skips.get(item.reason) ?? 0) + 1);
    } else {
      tally.issues++;
    }
  }
  return tally;
}

/** One read in a fresh process (see `read-child.ts`). */
function inChild(mode: 'raw' | 'adapter', path: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./read-child.ts', import.meta.url)), [mode, path], {
      execArgv: process.execArgv,
    });
    let result: ChildResult | undefined;
    child.on('message', (message) => {
      result = message as ChildResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`read-child ${mode} exited with code ${code} and no result`));
    });
  });
}

const dir = await mkdtemp(join(tmpdir(), 'eduvn-bench-adapters-'));
try {
  const paths = {
    small: join(dir, 'c1-hoc-sinh-small.xlsx'),
    large: join(dir, 'c1-hoc-sinh-large.xlsx'),
  };
  console.log(
    `@eduvn/adapter-kit: reading a C1-HocSinh pupil export (model) — ${HEADERS.length} columns, header on row ${HEADER_ROW} under a title block`,
  );
  for (const [size, path] of [
    [small, paths.small],
    [large, paths.large],
  ] as const) {
    const start = performance.now();
    const rows = await writePupilFile(path, size);
    const bytes = (await stat(path)).size;
    console.log(
      `  wrote ${thousands(size)} generated pupils (${thousands(rows)} rows) with writeXlsx: ${mb(bytes)} in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  }
  const mapped = Object.keys(mapping.columns);
  console.log(
    `  mapping: ${mapped.length} columns → HocSinh fields (${mapped.join(', ')});\n  unmapped, read and skipped by the mapper: ${UNMAPPED.join(', ')}`,
  );

  // Check the read before timing it: every pupil a record, every field with its column.
  const rows = await rawRows(paths.small);
  const check = await adapterRead(paths.small, true);
  const skips = [...check.skips].map(([reason, n]) => `${n} ${reason}`).join(', ') || 'none';
  console.log(
    `  check: raw reader ${thousands(rows)} rows; readWith ${thousands(check.records)} records (${thousands(check.fields)} fields with provenance), ${check.issues} sheet issues, ${check.cellIssues} cell issues, skipped rows: ${skips}`,
  );
  if (check.records !== small || check.issues > 0) {
    throw new Error(
      'The adapter did not read every pupil of the file cleanly: see the check above.',
    );
  }

  const medians = await compareAsync(
    'Throughput on the same file (rows of the data sheet, read from disk)',
    [paths.small],
    [
      { name: 'raw openXlsx (every row)', run: ([path]) => rawRows(path as string) },
      {
        name: 'readWith → records + provenance',
        run: ([path]) => adapterRead(path as string),
      },
    ],
    { rounds, unit: 'rows', count: rows },
  );
  const rawMs = medians.get('raw openXlsx (every row)') ?? Number.NaN;
  const adapterMs = medians.get('readWith → records + provenance') ?? Number.NaN;
  const ratio = rawMs / adapterMs;

  const memory = {
    raw: { small: await inChild('raw', paths.small), large: await inChild('raw', paths.large) },
    adapter: {
      small: await inChild('adapter', paths.small),
      large: await inChild('adapter', paths.large),
    },
  };
  console.log(
    '\nPeak RSS, each read in a fresh process (in brackets: the growth over the process after start-up and module loading)',
  );
  const pad = (s: string, n: number): string => s.padStart(n);
  console.log(
    `${'candidate'.padEnd(34)}${pad(`${thousands(small)} pupils`, 20)}${pad(`${thousands(large)} pupils`, 20)}${pad('large ÷ small', 15)}${pad(`rows/s at ${thousands(large)}`, 22)}`,
  );
  for (const [name, m] of [
    ['raw openXlsx (every row)', memory.raw],
    ['readWith → records + provenance', memory.adapter],
  ] as const) {
    const cell = (r: ChildResult): string => `${mb(r.peakRss)} (+${mb(r.peakRss - r.baseRss)})`;
    // Rows of the data sheet (as the raw reader counts them), per second of the one read.
    const perSecond = Math.round((memory.raw.large.rows / m.large.ms) * 1000);
    console.log(
      `${name.padEnd(34)}${pad(cell(m.small), 20)}${pad(cell(m.large), 20)}${pad((m.large.peakRss / m.small.peakRss).toFixed(2), 15)}${pad(thousands(perSecond), 22)}`,
    );
  }
  const largeRecords = memory.adapter.large.records;
  if (largeRecords !== large) {
    throw new Error(`The large read produced ${largeRecords} records, expected ${large}.`);
  }
  const growth = memory.adapter.large.peakRss / memory.adapter.small.peakRss;

  console.log('\nGoals');
  console.log(
    `  throughput: readWith at ${ratio.toFixed(2)}× the raw reader's rows/s (goal ≥ ${RATIO_GOAL}×): ${verdict(ratio >= RATIO_GOAL)}`,
  );
  console.log(
    `  memory: readWith's peak RSS over ${thousands(large)} pupils is ${growth.toFixed(2)}× that over ${thousands(small)} (goal ≤ ${RSS_GOAL}×): ${verdict(growth <= RSS_GOAL)}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
