/**
 * One read of a file in a fresh process, for its peak RSS: `read-child.ts <raw|adapter> <path>`.
 * `raw` iterates every row of the data sheet with `openXlsx`; `adapter` runs `readWith` with the
 * benchmark's adapter over the file. Sends `{ rows, records, ms, baseRss, peakRss }` to the parent
 * (IPC) and exits. The peak is the kernel's high-water mark of the process (`maxRSS`), so short
 * spikes between samples are not missed; `baseRss` is the RSS after start-up, before the read.
 */
import { openXlsx, readWith } from '@eduvn/adapter-kit';
import { c1HocSinh } from './c1-hoc-sinh.ts';

/** What a child reports. */
export interface ChildResult {
  /** Rows read (raw), or items produced (adapter: records, skipped rows, issues). */
  readonly rows: number;
  /** Records produced (adapter only). */
  readonly records: number;
  /** Time of the read, in ms. */
  readonly ms: number;
  /** RSS after start-up, before the read, in bytes. */
  readonly baseRss: number;
  /** The process's peak RSS, in bytes. */
  readonly peakRss: number;
}

async function main(mode: string, path: string): Promise<ChildResult> {
  const baseRss = process.memoryUsage().rss;
  const start = performance.now();
  let rows = 0;
  let records = 0;
  if (mode === 'raw') {
    const workbook = await openXlsx({ path });
    try {
      for await (const _ of workbook.rows(0)) rows++;
    } finally {
      await workbook.close();
    }
  } else if (mode === 'adapter') {
    for await (const item of readWith(c1HocSinh, { path })) {
      rows++;
      if (item.kind === 'record') records++;
    }
  } else {
    throw new Error(`read-child: unknown mode ${JSON.stringify(mode)} (expected raw or adapter)`);
  }
  const ms = performance.now() - start;
  return { rows, records, ms, baseRss, peakRss: process.resourceUsage().maxRSS * 1024 };
}

const [mode = '', path = ''] = process.argv.slice(2);
const result = await main(mode, path);
if (process.send) process.send(result, () => process.disconnect());
else console.log(JSON.stringify(result));
