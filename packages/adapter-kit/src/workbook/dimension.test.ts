import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../adapter/define.ts';
import { readWith } from '../adapter/read.ts';
import { column } from '../mapping/column.ts';
import { defineMapping } from '../mapping/define-mapping.ts';
import { openWorkbook } from './open.ts';
import { openXls } from './xls/index.ts';
import { writeXls } from './xls/xls.test-helper.ts';
import { openXlsx, writeXlsx } from './xlsx/index.ts';
import { declaredDimension } from './xlsx/workbook.ts';

const encoder = new TextEncoder();

/** `text` as the chunks an inflater could give, split at `cuts`. */
async function* chunks(text: string, cuts: readonly number[] = []): AsyncGenerator<Uint8Array> {
  const bytes = encoder.encode(text);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(at, cut);
    at = cut;
  }
}

const SHEET = (head: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;

describe('declaredDimension', () => {
  it('reads the range a sheet declares before its cells, however the part is cut', async () => {
    const text = SHEET('<sheetPr/><dimension ref="A1:Y200005"/><cols/>');
    for (let cut = 1; cut < 120; cut += 7) {
      expect(await declaredDimension(chunks(text, [cut]))).toEqual({
        top: 1,
        left: 0,
        bottom: 200_005,
        right: 24,
      });
    }
  });

  it('takes prefixed names and one-cell ranges', async () => {
    const prefixed = SHEET('')
      .replaceAll('<sheetData', '<x:sheetData')
      .replace('<worksheet', '<x:dimension ref="B2"/><worksheet');
    expect(await declaredDimension(chunks(prefixed))).toEqual({
      top: 2,
      left: 1,
      bottom: 2,
      right: 1,
    });
  });

  it('says nothing for a sheet without one, a bad range, a UTF-16 part, or one declared among the cells', async () => {
    expect(await declaredDimension(chunks(SHEET('')))).toBeUndefined();
    expect(await declaredDimension(chunks(SHEET('<dimension ref="nonsense"/>')))).toBeUndefined();
    expect(await declaredDimension(chunks(SHEET('<dimension ref="A1:B2">')))).toEqual({
      top: 1,
      left: 0,
      bottom: 2,
      right: 1,
    });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0x00]);
    expect(
      await declaredDimension(
        (async function* () {
          yield utf16;
        })(),
      ),
    ).toBeUndefined();
    const late = SHEET('').replace('<row r="1">', '<row r="1"><dimension ref="A1:C9"/>');
    expect(await declaredDimension(chunks(late))).toBeUndefined();
  });

  it('looks at the start of the part only: a hostile head of megabytes is not read to its end', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield encoder.encode('<worksheet><sheetPr>');
      const filler = encoder.encode(`<!--${'x'.repeat(16_000)}-->`);
      for (;;) {
        pulled++;
        yield filler;
      }
    }
    expect(await declaredDimension(endless())).toBeUndefined();
    expect(pulled).toBeLessThan(10);
  });
});

describe('Workbook.dimension', () => {
  const rows = [['Mã HS', 'Họ và tên'], ...Array.from({ length: 40 }, (_, i) => [`HS${i}`, 'Tên'])];

  it('gives what an .xlsx and an .xls declare; a CSV declares nothing', async () => {
    const xlsx = await openXlsx(writeXlsx([{ name: 'DS', rows }]));
    expect(await xlsx.dimension?.('DS')).toEqual({ top: 1, left: 0, bottom: 41, right: 1 });
    await xlsx.close();
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'DS');
    const xls = await openXls(writeXls(book));
    expect(await xls.dimension?.('DS')).toEqual({ top: 1, left: 0, bottom: 41, right: 1 });
    const csv = await openWorkbook(encoder.encode('a,b\n1,2\n'), { file: 'x.csv' });
    expect(await csv.dimension?.(0)).toBeUndefined();
  });
});

describe('readWith onDeclaredRows', () => {
  const adapter = defineAdapter({
    id: 'dimension-test',
    label: 'Dimension test',
    version: '1',
    basis: 'a layout made for this test',
    formats: ['xlsx', 'csv'],
    entities: [
      {
        mapping: defineMapping({
          entity: 'HocSinh',
          columns: {
            hocSinhId: column(['Mã HS'], 'code', { required: true }),
            hoTen: column(['Họ và tên'], 'name', { required: true }),
          },
        }),
      },
    ],
  });
  const sheet = (n: number) => [
    ['Mã HS', 'Họ và tên'],
    ...Array.from({ length: n }, (_, i) => [`HS${i}`, 'Nguyễn Văn An']),
  ];

  it('is told the rows all sheets declare, once, before the first record', async () => {
    const bytes = writeXlsx([
      { name: 'Lớp 1A', rows: sheet(30) },
      { name: 'Lớp 1B', rows: sheet(20) },
    ]);
    const seen: (number | string)[] = [];
    for await (const item of readWith(adapter, bytes, { onDeclaredRows: (n) => seen.push(n) })) {
      if (seen.length === 1 && item.kind === 'record') seen.push('first record');
    }
    expect(seen).toEqual([31 + 21, 'first record']);
  });

  it('is not told anything for a CSV', async () => {
    const csv = encoder.encode('Mã HS,Họ và tên\nHS1,Nguyễn Văn An\n');
    let called = false;
    for await (const _ of readWith(adapter, csv, {
      file: 'ds.csv',
      onDeclaredRows: () => {
        called = true;
      },
    })) {
      // read to the end
    }
    expect(called).toBe(false);
  });
});
