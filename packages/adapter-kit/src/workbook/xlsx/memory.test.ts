import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from './workbook.ts';
import { MAIN_NS, REL_NS, xlsxParts } from './xlsx.test-helper.ts';
import { SegmentWriter, ZipWriter } from './zip-writer.ts';

const ROWS = 200_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The sheet XML of a large class list, produced piece by piece (never one string). */
function* sheetPieces(): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:E${ROWS}"/><sheetData>`;
  for (let r = 1; r <= ROWS; r++) {
    yield `<row r="${r}"><c r="A${r}" t="s"><v>${r % 1000}</v></c><c r="B${r}"><v>${r}</v></c><c r="C${r}" s="1"><v>${40000 + (r % 3000)}</v></c><c r="D${r}" t="inlineStr"><is><t>HS${String(r).padStart(7, '0')}</t></is></c><c r="E${r}" t="b"><v>${r % 2}</v></c></row>`;
  }
  yield '</sheetData></worksheet>';
}

let dir: string;
let path: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eduvn-mem-'));
  path = join(dir, 'big.xlsx');
  const names = Array.from({ length: 1000 }, (_, i) => `<si><t>Nguyễn Văn ${i}</t></si>`).join('');
  const parts = xlsxParts({
    sheets: { S: '' },
    sharedStrings: `<sst xmlns="${MAIN_NS}">${names}</sst>`,
    styles: `<styleSheet xmlns="${MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    stringsLast: true,
  });
  const zip = new ZipWriter();
  for (const [name, data] of Object.entries(parts)) {
    if (name !== 'xl/worksheets/sheet1.xml') {
      zip.add(name, data);
      continue;
    }
    const sheet = new SegmentWriter();
    for (const piece of sheetPieces()) sheet.write(piece);
    zip.addSegments(name, [sheet.finish()]);
  }
  await writeFile(path, zip.finish());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('streaming in bounded memory', () => {
  it(`reads ${ROWS.toLocaleString('en')} rows with flat heap and RSS`, async () => {
    const workbook = await openXlsx({ path });
    const heap: number[] = [];
    const rss: number[] = [];
    let count = 0;
    let last = 0;
    gc();
    const start = process.memoryUsage();
    for await (const row of workbook.rows(0)) {
      count++;
      last = row.row;
      if (count % 20_000 === 0) {
        gc();
        const usage = process.memoryUsage();
        heap.push(usage.heapUsed - start.heapUsed);
        rss.push(usage.rss - start.rss);
      }
    }
    expect(count).toBe(ROWS);
    expect(last).toBe(ROWS);
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `heap growth every 20k rows: ${heap.map(mb).join(', ')}\nRSS growth every 20k rows: ${rss.map(mb).join(', ')}`,
    );
    // Flat: the heap after 200k rows is within a few MB of the heap after 20k rows.
    const heapDrift = (heap[heap.length - 1] as number) - (heap[0] as number);
    expect(Math.abs(heapDrift)).toBeLessThan(8 * 1024 * 1024);
    expect(Math.max(...heap)).toBeLessThan(32 * 1024 * 1024);
    expect((rss[rss.length - 1] as number) - (rss[0] as number)).toBeLessThan(48 * 1024 * 1024);
  }, 60_000);
});
