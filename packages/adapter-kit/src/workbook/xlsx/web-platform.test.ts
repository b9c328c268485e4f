/**
 * The readers with the browser's platform (`#platform` → `web.ts`: `DecompressionStream`, no
 * `node:zlib`, no CRC check, no paths) against Node's, on the same bytes: the same rows, the same
 * typed errors. Workbooks are still written with Node's deflate.
 */
import { generateSchool } from '@eduvn/fixtures';
import { describe, expect, it, vi } from 'vitest';
import { AdapterError } from '../../errors.ts';
import { openWorkbook } from '../open.ts';
import { NodeOnlyError, type Row, type Workbook } from '../types.ts';
import { fillXlsxTemplate } from './template.ts';
import { writeXlsx } from './writer.ts';
import { concat } from './zip-writer.ts';

const mode = vi.hoisted(() => ({ web: true }));

vi.mock('#platform', async () => {
  const node = (await import('../../platform/node.ts')).platform;
  const web = (await import('../../platform/web.ts')).platform;
  return {
    platform: {
      ...node,
      name: 'web',
      crc32: undefined,
      inflateRaw: (input: AsyncIterable<Uint8Array>) => (mode.web ? web : node).inflateRaw(input),
      openFile: (path: string) => (mode.web ? web : node).openFile(path),
    },
  };
});

const school = generateSchool({ seed: 5, pupils: 120, assessments: false });

/** A pupil list as schools keep it, plus a sheet of merged cells and a hidden one. */
function pupilWorkbook(): Uint8Array {
  return writeXlsx([
    {
      name: 'Học sinh',
      rows: [
        ['DANH SÁCH HỌC SINH'],
        ['STT', 'Mã học sinh', 'Họ tên', 'Ngày sinh', 'Số định danh'],
        ...school.hocSinhs.map((p, i) => [
          i + 1,
          { text: p.hocSinhId },
          p.hoTen,
          { date: p.ngaySinh ?? '2018-01-01' },
          { text: p.maCongDanId ?? '' },
        ]),
      ],
      merges: ['A1:E1'],
    },
    { name: 'DM', state: 'hidden', rows: [['Nam'], ['Nữ']] },
  ]);
}

interface Read {
  readonly format: string;
  readonly file: string | undefined;
  readonly sheets: unknown;
  readonly rows: Row[][];
  readonly merges: unknown[];
}

async function readAll(book: Workbook): Promise<Read> {
  try {
    const rows: Row[][] = [];
    const merges: unknown[] = [];
    for (const sheet of book.sheets) {
      const list: Row[] = [];
      for await (const row of book.rows(sheet.index)) list.push(row);
      rows.push(list);
      merges.push(await book.merges(sheet.index));
    }
    return { format: book.format, file: book.file, sheets: book.sheets, rows, merges };
  } finally {
    await book.close();
  }
}

async function withPlatform<T>(web: boolean, run: () => Promise<T>): Promise<T> {
  mode.web = web;
  try {
    return await run();
  } finally {
    mode.web = true;
  }
}

async function failure(run: () => Promise<unknown>): Promise<AdapterError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdapterError);
  return error as AdapterError;
}

/** The workbook with the sheet's deflate data damaged (a run of bytes in its middle zeroed). */
function damagedSheet(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  for (let at = 0; at < copy.length - 30; at++) {
    if (copy[at] !== 0x50 || copy[at + 1] !== 0x4b || copy[at + 2] !== 3 || copy[at + 3] !== 4)
      continue;
    const view = new DataView(copy.buffer, at);
    const nameLength = view.getUint16(26, true);
    const extraLength = view.getUint16(28, true);
    const found = copy.subarray(at + 30, at + 30 + nameLength);
    if (found.length !== name.length || !found.every((b, i) => b === name[i])) continue;
    const data = at + 30 + nameLength + extraLength;
    copy.fill(0xff, data + 20, data + 60);
    return copy;
  }
  throw new Error('no sheet entry');
}

describe('reading with the browser platform (DecompressionStream, Blob)', () => {
  const bytes = pupilWorkbook();

  it('reads the same sheets, rows, dates and merges from a Blob as Node does from bytes', async () => {
    const node = await withPlatform(false, async () => readAll(await openWorkbook(bytes)));
    const web = await readAll(
      await openWorkbook(new Blob([bytes as Uint8Array<ArrayBuffer>]), { file: 'hs.xlsx' }),
    );
    expect(node.rows[0]).toHaveLength(school.hocSinhs.length + 2);
    expect(web).toEqual({ ...node, file: 'hs.xlsx' });
    const webBytes = await readAll(await openWorkbook(bytes));
    expect(webBytes).toEqual(node);
  });

  it("takes a File's name as the workbook's", async () => {
    const file = new File([bytes as Uint8Array<ArrayBuffer>], 'C1-HocSinh.xlsx');
    const book = await openWorkbook(file);
    expect(book.file).toBe('C1-HocSinh.xlsx');
    await book.close();
  });

  it('reads CSV from a Blob as from bytes', async () => {
    const csv = new TextEncoder().encode('Mã học sinh,Họ tên\r\n0123,Nguyễn Văn An\r\n');
    const fromBlob = await readAll(await openWorkbook(new Blob([csv])));
    const fromBytes = await readAll(await openWorkbook(csv));
    expect(fromBlob).toEqual(fromBytes);
    expect(fromBlob.rows[0]?.[1]?.cells.map((c) => c?.value)).toEqual(['0123', 'Nguyễn Văn An']);
  });

  it('says "corrupt-file" for a damaged deflate stream, as Node does', async () => {
    const damaged = damagedSheet(bytes);
    const read = async (): Promise<unknown> =>
      readAll(await openWorkbook(new Blob([damaged as Uint8Array<ArrayBuffer>])));
    const web = await failure(read);
    const node = await withPlatform(false, () => failure(read));
    expect(web.code).toBe('corrupt-file');
    expect(node.code).toBe('corrupt-file');
    expect(web.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('stops at the inflated-bytes budget with the same limit error as Node', async () => {
    const limits = { maxInflatedBytes: 20_000 };
    const read = async (): Promise<unknown> =>
      readAll(await openWorkbook(new Blob([bytes as Uint8Array<ArrayBuffer>]), { limits }));
    const web = await failure(read);
    const node = await withPlatform(false, () => failure(read));
    expect(web.code).toBe('limit-exceeded');
    // The first count over the budget depends on how the inflater cuts its output.
    const { found: webFound, ...webLimit } = web.limit ?? { found: 0 };
    const { found: nodeFound, ...nodeLimit } = node.limit ?? { found: 0 };
    expect(webLimit).toEqual(nodeLimit);
    expect(webLimit).toMatchObject({ name: 'maxInflatedBytes', max: 20_000 });
    expect(webFound).toBeGreaterThan(20_000);
    expect(nodeFound).toBeGreaterThan(20_000);
  });

  it('stops a zip bomb by its compression ratio, as Node does', async () => {
    // A sheet of one row repeated: its XML deflates far more than 10:1.
    const row = ['Nguyễn Văn An', 1, 'x'];
    const bomb = writeXlsx([{ name: 'S', rows: Array.from({ length: 60_000 }, () => row) }]);
    const read = async (): Promise<unknown> => {
      const book = await openWorkbook(new Blob([bomb as Uint8Array<ArrayBuffer>]), {
        limits: { maxCompressionRatio: 10 },
      });
      return readAll(book);
    };
    const web = await failure(read);
    expect(web.code).toBe('limit-exceeded');
    expect(web.limit?.name).toBe('maxCompressionRatio');
    const node = await withPlatform(false, () => failure(read));
    expect(node.limit?.name).toBe('maxCompressionRatio');
  });

  it('refuses a path with NodeOnlyError, saying to pass the File', async () => {
    const error = await openWorkbook({ path: 'C1-HocSinh.xlsx' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NodeOnlyError);
    expect((error as NodeOnlyError).feature).toBe('path');
    expect(String(error)).toMatch(/File or Blob/);
  });

  it('says filling a template needs Node', () => {
    expect(() => fillXlsxTemplate(bytes, [])).toThrow(NodeOnlyError);
    expect(() => fillXlsxTemplate(bytes, [])).toThrow(/needs Node/);
  });

  it('counts a Blob too large against maxFileBytes before reading it', async () => {
    const big = new Blob([concat([bytes, bytes]) as Uint8Array<ArrayBuffer>]);
    const error = await failure(() => openWorkbook(big, { limits: { maxFileBytes: 1000 } }));
    expect(error.limit).toMatchObject({ name: 'maxFileBytes', max: 1000, found: big.size });
  });
});
