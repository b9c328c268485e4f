import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedPupils, pupilMapping, pupilsAdapter } from './fixtures.test-helper.ts';
import { readCsv } from './read-csv.ts';
import { writeCsvStream } from './write-csv.ts';

/**
 * Records of the large file: about 13 MB of UTF-8, which as rows and records held in arrays would
 * take well over 100 MB of heap.
 */
const ROWS = 150_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let dir: string;
let path: string;

/** Generated pupils, again and again, with distinct codes (never held in memory all at once). */
async function* pupils(): AsyncGenerator<Record<string, unknown>> {
  const base = generatedPupils(60);
  for (let i = 0; i < ROWS; i++) {
    const p = base[i % base.length] as Record<string, unknown>;
    yield { ...p, hocSinhId: `HS${String(i).padStart(7, '0')}` };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eduvn-csv-'));
  path = join(dir, 'hoc-sinh.csv');
  const out = createWriteStream(path);
  for await (const chunk of writeCsvStream(pupils(), pupilMapping, { delimiter: ';' })) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reading a large file from a path', () => {
  it(`streams ${ROWS.toLocaleString('en')} records with a flat heap`, async () => {
    expect((await stat(path)).size).toBeGreaterThan(12_000_000);
    const heap: number[] = [];
    let records = 0;
    let issues = 0;
    let last = '';
    gc();
    const start = process.memoryUsage().heapUsed;
    for await (const item of readCsv(pupilsAdapter, { path })) {
      if (item.kind === 'record') {
        records++;
        issues += item.issues.length;
        last = String(item.record['hocSinhId']);
        if (records % 30_000 === 0) {
          gc();
          heap.push(process.memoryUsage().heapUsed - start);
        }
      } else if (item.kind === 'issue') issues++;
    }
    expect(records).toBe(ROWS);
    expect(issues).toBe(0);
    expect(last).toBe(`HS${String(ROWS - 1).padStart(7, '0')}`);
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(`heap growth every 30k records: ${heap.map(mb).join(', ')}`);
    // Bounded: about one 1 MiB chunk of rows at a time, whatever the number of records read.
    expect(Math.abs((heap[heap.length - 1] as number) - (heap[0] as number))).toBeLessThan(
      16 * 1024 * 1024,
    );
    expect(Math.max(...heap)).toBeLessThan(40 * 1024 * 1024);
  }, 120_000);
});
