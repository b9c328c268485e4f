import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { column } from '../mapping/column.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import { openWorkbook } from '../workbook/open.ts';
import type { Row, Workbook } from '../workbook/types.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';
import { defineAdapter } from './define.ts';
import { readItemBatches, readWith } from './read.ts';
import type { Adapter, ReadItem } from './types.ts';

// Generated people only.
const HEADER = ['STT', 'Mã HS', 'Họ và tên', 'Ngày sinh'];
const pupilRow = (n: number): (string | number)[] => [
  n,
  `HS${String(n).padStart(5, '0')}`,
  `Học Sinh Số ${'ABCDEFGHIK'[n % 10]}`,
  `0${(n % 9) + 1}/09/2018`,
];

const mapping = defineMapping({
  entity: 'HocSinh',
  columns: {
    hocSinhId: column(['Mã HS'], 'code', { required: true }),
    hoTen: column(['Họ và tên'], 'name', { required: true }),
    ngaySinh: column('Ngày sinh', 'date'),
  },
});

/** An adapter whose `open` hands out the workbook `wrap` makes of the real one, and counts closes. */
function adapterWith(wrap: (book: Workbook) => Workbook = (b) => b) {
  const counts = { opened: 0, closed: 0 };
  const adapter: Adapter = defineAdapter({
    id: 'items-test',
    label: 'Items test',
    version: '1',
    basis: 'a layout made for this test',
    formats: ['xlsx', 'csv'],
    entities: [{ mapping }],
    open: async (source, options) => {
      counts.opened++;
      const book = wrap(await openWorkbook(source, options));
      return {
        format: book.format,
        file: book.file,
        sheets: book.sheets,
        rows: (sheet, options) => book.rows(sheet, options),
        merges: (sheet) => book.merges(sheet),
        close: async () => {
          counts.closed++;
          await book.close();
        },
      };
    },
  });
  return { adapter, counts };
}

const csvOf = (rows: number): Uint8Array =>
  new TextEncoder().encode(
    [HEADER, ...Array.from({ length: rows }, (_, i) => pupilRow(i + 1))]
      .map((r) => r.join(','))
      .join('\n'),
  );

const xlsxOf = (rows: number): Uint8Array =>
  writeXlsx([
    { name: 'DS', rows: [HEADER, ...Array.from({ length: rows }, (_, i) => pupilRow(i + 1))] },
  ]);

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readWith hands on the items of readItemBatches, one at a time', () => {
  it.each([
    ['CSV (single rows, handed on by batches of items)', csvOf(700)],
    ['.xlsx (batches of rows)', xlsxOf(700)],
  ])('%s: the same items in the same order', async (_name, bytes) => {
    const { adapter } = adapterWith();
    const items = await collect(readWith(adapter, bytes));
    const batches: ReadItem[][] = [];
    for await (const batch of readItemBatches(adapter, bytes)) batches.push(batch);
    expect(batches.every((b) => b.length > 0)).toBe(true);
    expect(items).toEqual(batches.flat());
    const records = items.filter((i) => i.kind === 'record');
    expect(records).toHaveLength(700);
    expect(records.map((r) => (r.kind === 'record' ? r.provenance.row : 0))).toEqual(
      Array.from({ length: 700 }, (_, i) => i + 2),
    );
  });

  it('serves calls made before the previous one settled, in order (fast-check over call patterns)', async () => {
    const { adapter } = adapterWith();
    const bytes = csvOf(300);
    const expected = await collect(readWith(adapter, bytes));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 30 }),
        async (bursts) => {
          const iterator = readWith(adapter, bytes);
          const seen: ReadItem[] = [];
          let done = false;
          for (const burst of [...bursts, 1000]) {
            // `burst` calls at once, none awaited before the next is made.
            const results = await Promise.all(Array.from({ length: burst }, () => iterator.next()));
            for (const result of results) {
              if (result.done === true) done = true;
              else {
                expect(done).toBe(false); // nothing after the end
                seen.push(result.value);
              }
            }
            if (done) break;
          }
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('closes the workbook it opened when the reader stops early (break)', async () => {
    const { adapter, counts } = adapterWith();
    let records = 0;
    for await (const item of readWith(adapter, xlsxOf(600))) {
      if (item.kind === 'record' && ++records === 3) break;
    }
    expect(records).toBe(3);
    expect(counts).toEqual({ opened: 1, closed: 1 });
  });

  it('return() before the first call opens nothing; after it, ends the items', async () => {
    const { adapter, counts } = adapterWith();
    const unused = readWith(adapter, csvOf(10));
    expect(await unused.return()).toEqual({ value: undefined, done: true });
    expect(counts).toEqual({ opened: 0, closed: 0 });

    const used = readWith(adapter, csvOf(10));
    expect((await used.next()).done).toBe(false);
    expect(await used.return()).toEqual({ value: undefined, done: true });
    expect(await used.next()).toEqual({ value: undefined, done: true });
    expect(counts).toEqual({ opened: 1, closed: 1 });
  });

  it('throw() closes the workbook and rejects with the error given', async () => {
    const { adapter, counts } = adapterWith();
    const iterator = readWith(adapter, csvOf(10));
    await iterator.next();
    const stop = new Error('stop here');
    await expect(iterator.throw(stop)).rejects.toBe(stop);
    expect(counts.closed).toBe(1);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });

  it('hands on the records before a reader error, then throws it (and closes the workbook)', async () => {
    // The first pass reads the start of the sheet to find the header; the second fails.
    let passes = 0;
    const failing = (book: Workbook): Workbook => ({
      ...book,
      async *rows(sheet, options) {
        const pass = ++passes;
        let n = 0;
        for await (const row of book.rows(sheet, options) as AsyncIterable<Row>) {
          if (pass > 1 && ++n === 6) throw new Error('the file is damaged after row 5');
          yield row;
        }
      },
    });
    const { adapter, counts } = adapterWith(failing);
    const seen: ReadItem[] = [];
    await expect(
      (async () => {
        for await (const item of readWith(adapter, csvOf(20))) seen.push(item);
      })(),
    ).rejects.toThrow('the file is damaged after row 5');
    // The header is row 1; rows 2 to 5 were read before the error.
    expect(
      seen.filter((i) => i.kind === 'record').map((i) => i.kind === 'record' && i.provenance.row),
    ).toEqual([2, 3, 4, 5]);
    expect(counts.closed).toBe(1);
  });

  it('an error opening the file rejects the first call', async () => {
    const { adapter } = adapterWith();
    const iterator = readWith(adapter, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]));
    await expect(iterator.next()).rejects.toThrow();
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });
});
