/**
 * One read of a hostile file in a fresh process, for its time and memory:
 * `budgets-child.ts <adapter: flat|merged> <path> <limits as JSON>`. Sends `{ outcome, ms,
 * baseRss, peakRss, baseHeap, peakHeap }` to the parent (IPC) and exits. The peak RSS is the
 * kernel's high-water mark (`maxRSS`); the peak heap is sampled every millisecond while the read
 * runs, and after it (synchronous stretches between samples are not seen: the RSS peak is the
 * bound to trust).
 */
import { readFile } from 'node:fs/promises';
import { type Adapter, column, defineAdapter, defineMapping, readAll } from '@eduvn/adapter-kit';

/** What a child reports. */
export interface BudgetResult {
  /** `'read: N records, M issues'`, or the error's code and limit. */
  readonly outcome: string;
  /** Time of the read (opening included), in ms. */
  readonly ms: number;
  /** RSS before the read, in bytes. */
  readonly baseRss: number;
  /** The process's peak RSS, in bytes. */
  readonly peakRss: number;
  /** Heap used before the read, in bytes. */
  readonly baseHeap: number;
  /** The highest heap used seen during the read, in bytes. */
  readonly peakHeap: number;
}

/** A flat pupil list, and one under a merged two-row header (which reads merged ranges). */
const ADAPTERS: Record<string, Adapter> = {
  flat: defineAdapter({
    id: 'flat-list',
    label: 'A flat pupil list',
    version: 'bench',
    basis: 'a model made for this benchmark',
    formats: ['xlsx', 'xls', 'csv'],
    entities: [
      {
        mapping: defineMapping({
          entity: 'HocSinh',
          columns: {
            hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
            hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
            ngaySinh: column('Ngày sinh', 'date'),
            maGioiTinh: column('Giới tính', 'sex'),
          },
        }),
      },
    ],
  }),
  merged: defineAdapter({
    id: 'merged-list',
    label: 'A pupil list under a merged header',
    version: 'bench',
    basis: 'a model made for this benchmark',
    formats: ['xlsx'],
    entities: [
      {
        mapping: defineMapping({
          entity: 'HocSinh',
          columns: {
            hocSinhId: column('Mã học sinh', 'code', { required: true }),
            hoTen: column({ path: ['Thông tin học sinh', 'Họ tên'] }, 'name', { required: true }),
            ngaySinh: column({ path: ['Thông tin học sinh', 'Ngày sinh'] }, 'date'),
          },
        }),
      },
    ],
  }),
};

/** The adapters by name, for the parent. */
export const ADAPTER_NAMES = Object.keys(ADAPTERS);

/** The adapter of a name. */
export function adapterNamed(name: string): Adapter {
  const adapter = ADAPTERS[name];
  if (adapter === undefined) throw new Error(`budgets-child: no adapter ${name}`);
  return adapter;
}

async function main(name: string, path: string, limits: string): Promise<BudgetResult> {
  const adapter = adapterNamed(name);
  const bytes = new Uint8Array(await readFile(path));
  (globalThis as { gc?: () => void }).gc?.();
  const baseRss = process.memoryUsage().rss;
  const baseHeap = process.memoryUsage().heapUsed;
  let peakHeap = baseHeap;
  const sample = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 1);
  const start = performance.now();
  let outcome: string;
  try {
    const result = await readAll(adapter, bytes, { file: path, limits: JSON.parse(limits) });
    outcome = `read: ${result.records.length} records, ${result.issues.length} issues`;
  } catch (error) {
    const e = error as { code?: string; limit?: { name: string } };
    outcome = `${e.code ?? String(error)}${e.limit === undefined ? '' : ` (${e.limit.name})`}`;
  }
  const ms = performance.now() - start;
  clearInterval(sample);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return {
    outcome,
    ms,
    baseRss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    baseHeap,
    peakHeap,
  };
}

if (process.argv[1]?.endsWith('budgets-child.ts')) {
  const [name = '', path = '', limits = '{}'] = process.argv.slice(2);
  const result = await main(name, path, limits);
  if (process.send) process.send(result, () => process.disconnect());
  else console.log(JSON.stringify(result));
}
