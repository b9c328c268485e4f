import fs from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCsv } from '../csv/index.ts';
import { openXlsx } from './workbook.ts';
import { MAIN_NS, REL_NS, xlsxParts } from './xlsx.test-helper.ts';
import { SegmentWriter, ZipWriter } from './zip-writer.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 20_000;
/** Numbers after the text cell of each row: markup that a slice of a decoded chunk keeps alive. */
const FILLER = 30;

/** A 20-character text unique to row `r` (longer than V8's 13-character copy threshold). */
const label = (r: number): string => `Nguyen Van ${String(r).padStart(9, '0')}`;

/**
 * A workbook whose rows each hold an inline string, a shared string, a `str` formula result and
 * many numbers, with `sharedStrings.xml` placed after the sheet in the zip (as Excel writes it).
 * `utf16`: the sheet part in UTF-16 (with its byte-order mark), which the reader decodes to text
 * and scans as text — the path where cell text is first cut from a decoded chunk.
 */
function workbook(utf16 = false): Uint8Array {
  const strings = Array.from({ length: 500 }, (_, i) => `<si><t>Trần Thị Bích ${i}</t></si>`);
  const parts = xlsxParts({
    sheets: { S: '' },
    sharedStrings: `<sst xmlns="${MAIN_NS}">${strings.join('')}</sst>`,
    stringsLast: true,
  });
  const zip = new ZipWriter();
  for (const [name, data] of Object.entries(parts)) {
    if (name !== 'xl/worksheets/sheet1.xml') {
      zip.add(name, data);
      continue;
    }
    const xml: string[] = [
      `<?xml version="1.0" encoding="${utf16 ? 'UTF-16' : 'UTF-8'}"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>`,
    ];
    for (let r = 1; r <= ROWS; r++) {
      let row = `<row r="${r}"><c t="inlineStr"><is><t>${label(r)}</t></is></c><c t="s"><v>${r % 500}</v></c><c t="str"><f>CONCAT("x",A${r})</f><v>${label(r)}</v></c>`;
      for (let c = 0; c < FILLER; c++) row += `<c><v>${r * 31 + c}</v></c>`;
      xml.push(`${row}</row>`);
    }
    xml.push('</sheetData></worksheet>');
    if (utf16) {
      zip.add(name, new Uint8Array(Buffer.from(`\ufeff${xml.join('')}`, 'utf16le')));
    } else {
      const sheet = new SegmentWriter();
      for (const piece of xml) sheet.write(piece);
      zip.addSegments(name, [sheet.finish()]);
    }
  }
  return zip.finish();
}

/**
 * The heap `value` keeps alive: the heap while it is held minus the heap once it is let go, both
 * after garbage collection. `check` looks at the value while it is held.
 */
async function retained<T>(build: () => Promise<T>, check: (value: T) => void): Promise<number> {
  // Held in a box, never in a local of this async function (whose frame could keep it alive).
  const box: { value?: T } = {};
  await build().then((value) => {
    box.value = value;
  });
  check(box.value as T);
  gc();
  const held = process.memoryUsage().heapUsed;
  delete box.value;
  gc();
  return held - process.memoryUsage().heapUsed;
}

/**
 * Asserts that the `read` bytes kept cost less than twice the same `count` values built on their
 * own (from their JSON): a cell text that kept its decoded chunk alive would cost over ten times.
 */
async function expectOwnCost(read: number, json: string, count: number): Promise<void> {
  const copied = await retained(
    () => Promise.resolve(JSON.parse(json) as unknown[]),
    (kept) => expect(kept).toHaveLength(count),
  );
  expect(copied).toBeGreaterThan(0);
  expect(
    read,
    `${(read / 1e6).toFixed(1)} MB kept as read, ${(copied / 1e6).toFixed(1)} MB built directly`,
  ).toBeLessThan(copied * 2);
}

let dir: string;
let bytes: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eduvn-owned-'));
  bytes = workbook();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('nothing of the file is written to disk', () => {
  it('reads a workbook with its shared strings after the sheet, from a path, without writing any file', async () => {
    const path = join(dir, 'strings-last.xlsx');
    await writeFile(path, bytes);
    const promises = fs.promises;
    const writers = [
      vi.spyOn(fs, 'writeFile'),
      vi.spyOn(fs, 'writeFileSync'),
      vi.spyOn(fs, 'appendFile'),
      vi.spyOn(fs, 'appendFileSync'),
      vi.spyOn(fs, 'write'),
      vi.spyOn(fs, 'writeSync'),
      vi.spyOn(fs, 'createWriteStream'),
      vi.spyOn(fs, 'mkdtemp'),
      vi.spyOn(fs, 'mkdtempSync'),
      vi.spyOn(promises, 'writeFile'),
      vi.spyOn(promises, 'appendFile'),
      vi.spyOn(promises, 'mkdtemp'),
    ];
    const opens = [vi.spyOn(fs, 'open'), vi.spyOn(fs, 'openSync'), vi.spyOn(promises, 'open')];
    syncBuiltinESMExports();
    try {
      const book = await openXlsx({ path });
      let rows = 0;
      let last = '';
      for await (const row of book.rows(0)) {
        rows++;
        last = String(row.cells[1]?.value);
      }
      await book.close();
      expect(rows).toBe(ROWS);
      expect(last).toBe(`Trần Thị Bích ${ROWS % 500}`);
      for (const spy of writers) expect(spy).not.toHaveBeenCalled();
      // Every file the read opened, it opened for reading only.
      const opened: unknown[][] = opens.flatMap((spy) => spy.mock.calls as unknown[][]);
      expect(opened.length).toBeGreaterThan(0);
      for (const call of opened) {
        const flags = call[1];
        expect(flags === undefined || flags === 'r' || typeof flags === 'function').toBe(true);
      }
    } finally {
      vi.restoreAllMocks();
      syncBuiltinESMExports();
    }
  });
});

describe('cell text owns only its own characters', () => {
  // V8 offers no way to ask whether a string is a slice of another, so this is shown by what the
  // strings keep alive: the text cells of 20,000 rows, kept, must cost about what the same strings
  // cost when built on their own (a slice would keep its whole decoded 64 KiB chunk alive: here
  // about 30 numbers of markup per kept string, more than 10× the strings themselves).
  it.each([
    ['read as bytes', false],
    ['a UTF-16 sheet, read as text', true],
  ])(
    'xlsx (%s): inline strings, shared strings and formula results keep no decoded chunk alive',
    async (_, utf16) => {
      let json = '';
      const source = utf16 ? workbook(true) : bytes;
      const read = await retained(
        async () => {
          const book = await openXlsx(source);
          const kept: unknown[] = [];
          for await (const row of book.rows(0)) {
            kept.push(row.cells[0]?.value, row.cells[1]?.value, row.cells[2]?.value);
            kept.push(row.cells[2]?.formula);
          }
          await book.close();
          return kept;
        },
        (kept) => {
          expect(kept).toHaveLength(ROWS * 4);
          expect(kept[0]).toBe(label(1));
          expect(kept[3]).toBe('CONCAT("x",A1)');
          json = JSON.stringify(kept);
        },
      );
      await expectOwnCost(read, json, ROWS * 4);
    },
    60_000,
  );

  it('CSV: fields keep no decoded chunk alive', async () => {
    const lines: string[] = [];
    for (let r = 1; r <= ROWS; r++) {
      const filler = Array.from({ length: FILLER }, (_, c) => r * 31 + c).join(',');
      lines.push(`${label(r)},"${label(r)}, con",${filler}`);
    }
    const csv = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    let json = '';
    const read = await retained(
      async () => {
        const book = await openCsv(csv);
        const kept: unknown[] = [];
        for await (const row of book.rows(0)) kept.push(row.cells[0]?.value, row.cells[1]?.value);
        await book.close();
        return kept;
      },
      (kept) => {
        expect(kept).toHaveLength(ROWS * 2);
        expect(kept[1]).toBe(`${label(1)}, con`);
        json = JSON.stringify(kept);
      },
    );
    await expectOwnCost(read, json, ROWS * 2);
  }, 60_000);
});
