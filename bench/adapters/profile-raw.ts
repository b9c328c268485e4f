/**
 * The raw .xlsx reader alone over an Excel-like workbook, for a CPU profile:
 * `pnpm exec tsx --conditions=@eduvn/source --cpu-prof --cpu-prof-dir=/tmp/prof adapters/profile-raw.ts`
 * in `bench/` (BENCH_PUPILS, default 100000). With BENCH_FILE set, the workbook is kept at that
 * path and read from there by later runs (so that a profile holds the reading only).
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openXlsx } from '@eduvn/adapter-kit';
import { writeExcelLikeFile } from './excel-like.ts';

const kept = process.env['BENCH_FILE'];
const dir = kept === undefined ? await mkdtemp(join(tmpdir(), 'eduvn-profile-')) : undefined;
try {
  const path = kept ?? join(dir as string, 'excel-like.xlsx');
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (!exists) await writeExcelLikeFile(path, Number(process.env['BENCH_PUPILS'] ?? 100_000));
  for (let round = 0; round < Number(process.env['BENCH_ROUNDS'] ?? 3); round++) {
    const start = performance.now();
    const workbook = await openXlsx({ path });
    const opened = performance.now();
    let rows = 0;
    for await (const _ of workbook.rows(0)) rows++;
    await workbook.close();
    const end = performance.now();
    console.log(
      `${rows} rows in ${(end - start).toFixed(0)} ms (open ${(opened - start).toFixed(0)} ms, rows ${(end - opened).toFixed(0)} ms)`,
    );
  }
} finally {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
}
