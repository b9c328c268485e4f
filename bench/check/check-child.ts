/**
 * One run over a file in a fresh process, for its peak RSS: `check-child.ts <read|check> <path>`.
 * `read` runs `readWith` with the benchmark's adapter over the file, counting records; `check`
 * runs `checkFiles` end to end (detection, the layout, reading, every rule, the report). Sends
 * `{ records, issues, ms, baseRss, peakRss }` to the parent (IPC) and exits. The peak is the
 * kernel's high-water mark of the process (`maxRSS`); `baseRss` is the RSS after start-up.
 */
import { readWith } from '@eduvn/adapter-kit';
import { checkFiles } from '@eduvn/check';
import { c1HocSinh } from '../adapters/c1-hoc-sinh.ts';
import { AS_OF } from './pupils-file.ts';

/** What a child reports. */
export interface ChildResult {
  /** Records read (read) or checked (check). */
  readonly records: number;
  /** Issues of the report (check), reading issues of the records (read). */
  readonly issues: number;
  /** Time of the run, in ms. */
  readonly ms: number;
  /** RSS after start-up, before the run, in bytes. */
  readonly baseRss: number;
  /** The process's peak RSS, in bytes. */
  readonly peakRss: number;
}

async function main(mode: string, path: string): Promise<ChildResult> {
  const baseRss = process.memoryUsage().rss;
  const start = performance.now();
  let records = 0;
  let issues = 0;
  if (mode === 'read') {
    for await (const item of readWith(c1HocSinh, { path })) {
      if (item.kind === 'record') {
        records++;
        issues += item.issues.length;
      }
    }
  } else if (mode === 'check') {
    const report = await checkFiles([path], { asOf: AS_OF, adapters: [c1HocSinh] });
    records = report.summary.records;
    issues = report.issues.length;
  } else {
    throw new Error(`check-child: unknown mode ${JSON.stringify(mode)} (expected read or check)`);
  }
  const ms = performance.now() - start;
  return { records, issues, ms, baseRss, peakRss: process.resourceUsage().maxRSS * 1024 };
}

const [mode = '', path = ''] = process.argv.slice(2);
const result = await main(mode, path);
if (process.send) process.send(result, () => process.disconnect());
else console.log(JSON.stringify(result));
