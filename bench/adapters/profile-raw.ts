/**
 * The raw .xlsx reader alone over an Excel-like workbook, for a CPU profile:
 * `pnpm exec tsx --conditions=@eduvn/source --cpu-prof --cpu-prof-dir=/tmp/prof adapters/profile-raw.ts`
 * in `bench/` (BENCH_PUPILS, default 100000).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsx } from '@eduvn/adapter-kit';
import { writeExcelLikeFile } from './excel-like.ts';

const dir = await mkdtemp(join(tmpdir(), 'eduvn-profile-'));
try {
  const path = join(dir, 'excel-like.xlsx');
  await writeExcelLikeFile(path, Number(process.env['BENCH_PUPILS'] ?? 100_000));
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const workbook = await openXlsx({ path });
    let rows = 0;
    for await (const _ of workbook.rows(0)) rows++;
    await workbook.close();
    console.log(`${rows} rows in ${(performance.now() - start).toFixed(0)} ms`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
