/**
 * One measurement in a fresh process, for `memory.bench.ts`:
 *
 * - `memory-child.ts readAll <xlsx>`: `readAll` of the benchmark adapter over the file, records
 *   held; reports the heap they keep (after garbage collection);
 * - `memory-child.ts direct <ndjson>`: the same records (as `readAll` gives them: record,
 *   provenance, issues) parsed from NDJSON, one line at a time — records built directly, whose
 *   strings own their characters; reports the heap they keep;
 * - `memory-child.ts stream <xlsx>`: every row of the data sheet through `openXlsx().rows()`,
 *   nothing kept; reports the process's peak RSS.
 *
 * Sends `{ count, heap, peakRss }` to the parent (IPC). Needs `--expose-gc`.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { openXlsx, readAll } from '@eduvn/adapter-kit';
import { c1HocSinh } from './c1-hoc-sinh.ts';

/** What a child reports. */
export interface MemoryResult {
  /** Records held, or rows read. */
  readonly count: number;
  /** The heap the held records keep (heap with them minus heap without them), in bytes. */
  readonly heap: number;
  /** The process's peak RSS, in bytes. */
  readonly peakRss: number;
}

const exposed = (globalThis as { gc?: () => void }).gc;
if (exposed === undefined) throw new Error('memory-child needs --expose-gc');
const gc: () => void = exposed;

async function main(mode: string, path: string): Promise<MemoryResult> {
  const box: { held?: unknown[] } = {};
  let count = 0;
  if (mode === 'stream') {
    const workbook = await openXlsx({ path });
    try {
      for await (const _ of workbook.rows(0)) count++;
    } finally {
      await workbook.close();
    }
    return { count, heap: 0, peakRss: process.resourceUsage().maxRSS * 1024 };
  }
  gc();
  if (mode === 'readAll') {
    await readAll(c1HocSinh, { path }).then((result) => {
      box.held = result.records as unknown[];
    });
  } else if (mode === 'direct') {
    const held: unknown[] = [];
    for await (const line of createInterface({ input: createReadStream(path) })) {
      held.push(JSON.parse(line));
    }
    box.held = held;
  } else {
    throw new Error(`memory-child: unknown mode ${JSON.stringify(mode)}`);
  }
  count = box.held?.length ?? 0;
  gc();
  const withRecords = process.memoryUsage().heapUsed;
  delete box.held;
  gc();
  const heap = withRecords - process.memoryUsage().heapUsed;
  return { count, heap, peakRss: process.resourceUsage().maxRSS * 1024 };
}

const [mode = '', path = ''] = process.argv.slice(2);
const result = await main(mode, path);
if (process.send) process.send(result, () => process.disconnect());
else console.log(JSON.stringify(result));
