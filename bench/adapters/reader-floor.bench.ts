/**
 * The streaming .xlsx reader against the machine's floor, side by side in one run (issue 14), on an
 * Excel-like workbook of 100,000 generated pupils × 25 columns (shared strings placed after the
 * sheet, see `excel-like.ts`), read from its path:
 *
 * - **floor**: the sheet's bytes inflated with `node:zlib` (streaming), decoded to text with a
 *   streaming `TextDecoder`, rows counted by finding `<row` — no cell parsed;
 * - **raw reader**: `openXlsx({ path }).rows(0)`, every row; goal ≥ 0.5× the floor;
 * - **readWith**: canonical `HocSinh` records with provenance; goal ≥ 0.8× the raw reader;
 * - beside them, the same pupils as CSV (`openCsv`, against its decode-and-split floor, as
 *   `csv.bench.ts` measures it) and the first BENCH_XLS_ROWS of them (default 20,000: SheetJS reads
 *   .xls at a few thousand rows/s) as a legacy .xls (`openXls`, bytes).
 *
 * Run: `pnpm exec tsx --conditions=@eduvn/source --expose-gc adapters/reader-floor.bench.ts` in
 * `bench/`. BENCH_PUPILS (default 100000), BENCH_ROUNDS (default 7), BENCH_XLS_ROWS (default 20000).
 */

import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInflateRaw } from 'node:zlib';
import { openCsv, openXls, openXlsx, readWith } from '@eduvn/adapter-kit';
import { compareAsync, cpuMedians } from '../harness.ts';
import { c1HocSinh, pupilRows } from './c1-hoc-sinh.ts';
import { writeExcelLikeFile } from './excel-like.ts';

// SheetJS (a dependency of the kit, not of the benchmarks) only writes the .xls compared here.
interface SheetJs {
  utils: {
    book_new(): unknown;
    aoa_to_sheet(rows: unknown[][]): unknown;
    book_append_sheet(book: unknown, sheet: unknown, name: string): void;
  };
  write(book: unknown, options: { type: 'buffer'; bookType: 'biff8' }): Uint8Array;
}
const { utils, write: writeSheetJs } = createRequire(
  new URL('../../packages/adapter-kit/package.json', import.meta.url),
)('@e965/xlsx') as SheetJs;

const pupils = Number(process.env['BENCH_PUPILS'] ?? 100_000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 7);

/** Where the sheet part's deflated bytes are in the zip (from the central directory). */
async function sheetEntry(path: string): Promise<{ offset: number; size: number }> {
  const bytes = await readFile(path);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(end + 16);
  const count = bytes.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const size = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    if (name === 'xl/worksheets/sheet1.xml') {
      const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      return { offset: dataAt, size };
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  throw new Error('no sheet1.xml');
}

/** The floor: read the sheet's deflated bytes from the file, inflate, decode, count `<row`. */
async function floor(path: string, entry: { offset: number; size: number }): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let rows = 0;
    let tail = '';
    const count = (text: string): void => {
      const s = tail + text;
      let at = s.indexOf('<row');
      while (at >= 0) {
        rows++;
        at = s.indexOf('<row', at + 4);
      }
      tail = s.slice(-3);
    };
    const done = new Promise<void>((resolve, reject) => {
      inflate.on('data', (chunk: Buffer) => count(decoder.decode(chunk, { stream: true })));
      inflate.on('end', () => resolve());
      inflate.on('error', reject);
    });
    const buffer = Buffer.alloc(64 * 1024);
    let left = entry.size;
    let position = entry.offset;
    while (left > 0) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(left, buffer.length), position);
      left -= bytesRead;
      position += bytesRead;
      if (!inflate.write(Buffer.from(buffer.subarray(0, bytesRead)))) {
        await new Promise((resolve) => inflate.once('drain', resolve));
      }
    }
    inflate.end();
    await done;
    count(decoder.decode());
    return rows;
  } finally {
    await handle.close();
  }
}

async function raw(path: string): Promise<number> {
  const workbook = await openXlsx({ path });
  let rows = 0;
  try {
    for await (const _ of workbook.rows(0)) rows++;
  } finally {
    await workbook.close();
  }
  return rows;
}

async function adapter(path: string): Promise<number> {
  let records = 0;
  for await (const item of readWith(c1HocSinh, { path })) if (item.kind === 'record') records++;
  return records;
}

const dir = await mkdtemp(join(tmpdir(), 'eduvn-bench-floor-'));
try {
  const path = join(dir, 'excel-like.xlsx');
  const rows = await writeExcelLikeFile(path, pupils);
  const entry = await sheetEntry(path);
  console.log(
    `Excel-like .xlsx: ${pupils.toLocaleString('en')} pupils, ${rows.toLocaleString('en')} rows × 25 columns, shared strings after the sheet, ${((await stat(path)).size / 1e6).toFixed(1)} MB`,
  );
  const check = [await floor(path, entry), await raw(path), await adapter(path)];
  console.log(`check: floor ${check[0]} rows, raw ${check[1]} rows, readWith ${check[2]} records`);
  if (check[0] !== rows || check[1] !== rows || check[2] !== pupils) {
    throw new Error('The readers did not read every row.');
  }

  const medians = await compareAsync(
    'xlsx: the reader against the floor (same file, from disk)',
    [path],
    [
      { name: 'floor: inflate + decode + count', run: ([p]) => floor(p as string, entry) },
      { name: 'raw openXlsx().rows()', run: ([p]) => raw(p as string) },
      { name: 'readWith → records + provenance', run: ([p]) => adapter(p as string) },
    ],
    { rounds, unit: 'rows', count: rows },
  );
  const floorMs = medians.get('floor: inflate + decode + count') ?? Number.NaN;
  const rawMs = medians.get('raw openXlsx().rows()') ?? Number.NaN;
  const adapterMs = medians.get('readWith → records + provenance') ?? Number.NaN;
  const cpu = new Map(cpuMedians);
  const floorCpu = cpu.get('floor: inflate + decode + count') ?? Number.NaN;
  const rawCpu = cpu.get('raw openXlsx().rows()') ?? Number.NaN;
  const adapterCpu = cpu.get('readWith → records + provenance') ?? Number.NaN;

  // The same pupils as .xls (SheetJS writes BIFF8) and as CSV.
  const table = [...pupilRows(pupils)].map((row) =>
    row.map((cell) =>
      cell === null
        ? null
        : typeof cell === 'object'
          ? 'text' in cell
            ? cell.text
            : cell.date
          : cell,
    ),
  );
  // BIFF8 holds at most 65,536 rows; SheetJS, which reads .xls, takes several seconds per 10,000
  // rows: the .xls has the first BENCH_XLS_ROWS rows (default 20,000; its rows/s are per its rows).
  const xlsRows = Math.min(table.length, 65_000, Number(process.env['BENCH_XLS_ROWS'] ?? 20_000));
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(table.slice(0, xlsRows)), 'Sheet1');
  const xls = new Uint8Array(writeSheetJs(book, { type: 'buffer', bookType: 'biff8' }));
  const csvText = `${table
    .map((row) =>
      row
        .map((cell) => {
          const text = cell === null ? '' : String(cell);
          return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        })
        .join(','),
    )
    .join('\r\n')}\r\n`;
  const csv = new TextEncoder().encode(csvText);
  await writeFile(join(dir, 'same.csv'), csv);
  const others = await compareAsync(
    'CSV: the same pupils (bytes in memory) against the decode-and-split floor',
    [csv],
    [
      {
        name: 'csv floor: decode + split',
        run: ([input]) => {
          const text = new TextDecoder().decode(input);
          let cells = 0;
          for (const line of text.split('\r\n')) cells += line.split(',').length;
          return Promise.resolve(cells);
        },
      },
      {
        name: 'openCsv → rows',
        run: async ([input]) => {
          const csvBook = await openCsv(input as Uint8Array);
          let n = 0;
          for await (const _ of csvBook.rows(0)) n++;
          await csvBook.close();
          return n;
        },
      },
    ],
    { rounds: Math.max(3, Math.floor(rounds / 2)), unit: 'rows', count: table.length },
  );
  const legacy = await compareAsync(
    `Legacy .xls: the first ${xlsRows.toLocaleString('en')} pupils' rows (bytes in memory)`,
    [xls],
    [
      {
        name: 'openXls → rows',
        run: async ([input]) => {
          const xlsBook = await openXls(input as Uint8Array);
          let n = 0;
          for await (const _ of xlsBook.rows(0)) n++;
          await xlsBook.close();
          return n;
        },
      },
    ],
    { rounds: 3, unit: 'rows', count: xlsRows },
  );
  const csvFloor = others.get('csv floor: decode + split') ?? Number.NaN;
  const csvMs = others.get('openCsv → rows') ?? Number.NaN;
  const xlsMs = legacy.get('openXls → rows') ?? Number.NaN;
  const perSecond = (ms: number, n = rows): string =>
    Math.round((n / ms) * 1000).toLocaleString('en');
  console.log('\nGoals and figures (ratios within this run)');
  console.log(
    `  raw reader at ${(floorMs / rawMs).toFixed(2)}× the floor (goal ≥ 0.5×): ${floorMs / rawMs >= 0.5 ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `  readWith at ${(rawMs / adapterMs).toFixed(2)}× the raw reader (goal ≥ 0.8×): ${rawMs / adapterMs >= 0.8 ? 'met' : 'NOT MET'}`,
  );
  console.log(
    `  in CPU time (all threads; not counting time a busy host takes away): raw reader at ${(floorCpu / rawCpu).toFixed(2)}× the floor, readWith at ${(rawCpu / adapterCpu).toFixed(2)}× the raw reader`,
  );
  console.log(
    `  rows/s: xlsx raw ${perSecond(rawMs)}, readWith ${perSecond(adapterMs)}, .xls ${perSecond(xlsMs, xlsRows)} (${xlsRows.toLocaleString('en')} rows), CSV ${perSecond(csvMs, table.length)} (CSV at ${(csvFloor / csvMs).toFixed(2)}× its decode-and-split floor)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
