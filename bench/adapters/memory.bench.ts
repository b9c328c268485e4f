/**
 * Memory of the .xlsx reader (issue 14), each figure from a fresh child process
 * (`memory-child.ts`), on Excel-like workbooks of generated pupils (shared strings after the sheet,
 * see `excel-like.ts`):
 *
 * 1. `readAll` of 100,000 records (held) against the same records built directly (parsed from
 *    NDJSON, strings owning their characters). Goal: within 1.5×.
 * 2. Streaming `openXlsx().rows()` over 100,000 and 500,000 pupils, nothing kept: peak RSS. Goal:
 *    the 500,000 figure within 1.2× the 100,000 figure.
 *
 * Run: `pnpm exec tsx --conditions=@eduvn/source --expose-gc adapters/memory.bench.ts` in
 * `bench/`. BENCH_PUPILS (default 100000), BENCH_LARGE_PUPILS (default 500000).
 */
import { fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWith } from '@eduvn/adapter-kit';
import { c1HocSinh } from './c1-hoc-sinh.ts';
import { writeExcelLikeFile } from './excel-like.ts';
import type { MemoryResult } from './memory-child.ts';

const small = Number(process.env['BENCH_PUPILS'] ?? 100_000);
const large = Number(process.env['BENCH_LARGE_PUPILS'] ?? 500_000);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;

function inChild(mode: 'readAll' | 'direct' | 'stream', path: string): Promise<MemoryResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./memory-child.ts', import.meta.url)), [mode, path], {
      execArgv: [...process.execArgv.filter((a) => a !== '--expose-gc'), '--expose-gc'],
    });
    let result: MemoryResult | undefined;
    child.on('message', (message) => {
      result = message as MemoryResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`memory-child ${mode} exited with code ${code} and no result`));
    });
  });
}

const dir = await mkdtemp(join(tmpdir(), 'eduvn-bench-memory-'));
try {
  const smallPath = join(dir, 'small.xlsx');
  const largePath = join(dir, 'large.xlsx');
  const ndjson = join(dir, 'records.ndjson');
  await writeExcelLikeFile(smallPath, small);
  // The records readAll gives, written as NDJSON for the "built directly" child.
  const out = createWriteStream(ndjson);
  for await (const item of readWith(c1HocSinh, { path: smallPath })) {
    if (item.kind === 'record' && !out.write(`${JSON.stringify(item)}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));

  const read = await inChild('readAll', smallPath);
  const direct = await inChild('direct', ndjson);
  if (read.count !== small || direct.count !== small) {
    throw new Error(`records: readAll ${read.count}, direct ${direct.count}, expected ${small}`);
  }
  const ratio = read.heap / direct.heap;
  console.log(
    `readAll of ${small.toLocaleString('en')} records, held (heap they keep, each in a fresh process)`,
  );
  console.log(`  readAll            ${mb(read.heap)}`);
  console.log(`  built directly     ${mb(direct.heap)}`);
  console.log(`  ratio ${ratio.toFixed(2)}× (goal ≤ 1.5×): ${ratio <= 1.5 ? 'met' : 'NOT MET'}`);

  await writeExcelLikeFile(largePath, large);
  const streamSmall = await inChild('stream', smallPath);
  const streamLarge = await inChild('stream', largePath);
  const growth = streamLarge.peakRss / streamSmall.peakRss;
  console.log('\nStreaming openXlsx().rows(), nothing kept (peak RSS of a fresh process)');
  console.log(
    `  ${small.toLocaleString('en')} pupils  ${mb(streamSmall.peakRss)} (${streamSmall.count.toLocaleString('en')} rows)`,
  );
  console.log(
    `  ${large.toLocaleString('en')} pupils  ${mb(streamLarge.peakRss)} (${streamLarge.count.toLocaleString('en')} rows)`,
  );
  console.log(`  ratio ${growth.toFixed(2)}× (goal ≤ 1.2×): ${growth <= 1.2 ? 'met' : 'NOT MET'}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
