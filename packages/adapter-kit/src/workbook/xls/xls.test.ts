import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { decodeLegacy, detectLegacy, encodeLegacy } from '@eduvn/text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterError, DEFAULT_LIMITS } from '../../errors.ts';
import type { Row, Workbook } from '../types.ts';
import { walkBiff } from './biff.ts';
import { openXls, type XlsOptions } from './index.ts';
import {
  type BiffRecord,
  CODEPAGE,
  cellRecord,
  cfbWith,
  editXls,
  FILEPASS,
  FONT,
  fontRecord,
  formulaRecord,
  LABEL,
  NUMBER,
  parseRecords,
  setXf,
  writeXls,
  XF,
  xfWithFont,
} from './xls.test-helper.ts';

async function rowsOf(book: Workbook, sheet: string | number = 0): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of book.rows(sheet)) rows.push(row);
  return rows;
}

async function failure(run: () => Promise<unknown>): Promise<AdapterError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterError);
    return error as AdapterError;
  }
  throw new Error('expected an AdapterError');
}

/** A workbook like a national-database export: data, catalog sheets hidden, merged headers. */
function schoolWorkbook(date1904 = false): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  const data = XLSX.utils.aoa_to_sheet([
    ['DANH SÁCH HỌC SINH', null, null, null, null, null],
    ['Mã học sinh', 'Họ tên', 'Ngày sinh', 'Điểm', 'Đạt', 'Ghi chú'],
    ['0123', 'Nguyễn Văn An', 44096, 7.5, true, '=1+1'],
    ['HS002', 'Trần Thị Bích', 44097.75, 8, false, null],
    [
      'HS003',
      { t: 'e', v: 0x07 },
      0.5,
      { t: 'e', v: 0x2a },
      null,
      'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)',
    ],
  ]);
  for (const ref of ['C3', 'C4']) (data[ref] as XLSX.CellObject).z = 'dd/mm/yyyy';
  (data['C5'] as XLSX.CellObject).z = 'h:mm';
  data['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 5 } },
    { s: { r: 3, c: 4 }, e: { r: 4, c: 4 } },
  ];
  XLSX.utils.book_append_sheet(wb, data, 'Sheet1');
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([['GIOI_TINH'], ['Nam'], ['Nữ']]),
    'GIOI_TINH',
  );
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['id'], [42]]), 'IDS');
  wb.Workbook = {
    Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }],
    WBProps: { date1904 },
  };
  return wb;
}

describe('openXls: a round trip through SheetJS writing', () => {
  it('reads text, numbers, booleans, errors, dates, sheet states and merges', async () => {
    const book = await openXls(writeXls(schoolWorkbook()), { file: 'C1-HocSinh.xls' });
    expect(book.format).toBe('xls');
    expect(book.file).toBe('C1-HocSinh.xls');
    expect(book.sheets).toEqual([
      { name: 'Sheet1', index: 0, state: 'visible' },
      { name: 'GIOI_TINH', index: 1, state: 'hidden' },
      { name: 'IDS', index: 2, state: 'veryHidden' },
    ]);
    const rows = await rowsOf(book);
    const arial = { font: 'Arial' };
    expect(rows).toEqual([
      { row: 1, cells: [{ value: 'DANH SÁCH HỌC SINH', ...arial }] },
      {
        row: 2,
        cells: ['Mã học sinh', 'Họ tên', 'Ngày sinh', 'Điểm', 'Đạt', 'Ghi chú'].map((value) => ({
          value,
          ...arial,
        })),
      },
      {
        row: 3,
        cells: [
          { value: '0123', ...arial },
          { value: 'Nguyễn Văn An', ...arial },
          { value: 44096, date: '2020-09-22', ...arial },
          { value: 7.5, ...arial },
          { value: true, ...arial },
          { value: '=1+1', ...arial },
        ],
      },
      {
        row: 4,
        cells: [
          { value: 'HS002', ...arial },
          { value: 'Trần Thị Bích', ...arial },
          { value: 44097.75, date: '2020-09-23', ...arial },
          { value: 8, ...arial },
          { value: false, ...arial },
        ],
      },
      {
        row: 5,
        cells: [
          { value: 'HS003', ...arial },
          { value: null, ...arial },
          { value: 0.5, ...arial }, // a time alone: no date
          { value: null, ...arial },
          undefined,
          { value: 'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)', ...arial },
        ],
      },
    ]);
    expect(await book.merges('Sheet1')).toEqual([
      { top: 1, left: 0, bottom: 1, right: 5 },
      { top: 4, left: 4, bottom: 5, right: 4 },
    ]);
    expect(await book.merges(1)).toEqual([]);
    expect((await rowsOf(book, 'GIOI_TINH')).map((r) => r.cells[0]?.value)).toEqual([
      'GIOI_TINH',
      'Nam',
      'Nữ',
    ]);
    expect((await rowsOf(book, 2)).map((r) => r.cells[0]?.value)).toEqual(['id', 42]);
    await book.close();
  });

  it('reads workbooks whose stream is larger than a mini-sector stream (over 4 KiB)', async () => {
    const wb = XLSX.utils.book_new();
    const rows = Array.from({ length: 3_000 }, (_, i) => [
      `HS${String(i + 1).padStart(5, '0')}`,
      i,
    ]);
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([['Mã học sinh', 'STT'], ...rows]),
      'S',
    );
    const bytes = writeXls(wb);
    expect(bytes.length).toBeGreaterThan(4_096 * 4);
    const read = await rowsOf(await openXls(bytes));
    expect(read).toHaveLength(3_001);
    expect(read[3_000]?.cells.map((c) => c?.value)).toEqual(['HS03000', 2_999]);
  });

  it('reads dates in the 1904 date system', async () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([[42634]]);
    (ws['A1'] as XLSX.CellObject).z = '[$-42A]dd/mm/yyyy';
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    wb.Workbook = { WBProps: { date1904: true } };
    const book = await openXls(writeXls(wb));
    expect((await rowsOf(book))[0]?.cells[0]).toMatchObject({ value: 42634, date: '2020-09-22' });
  });

  it('stops after `until`, resolves sheets by name or index, and refuses reads after close', async () => {
    const book = await openXls(writeXls(schoolWorkbook()));
    const firstTwo: number[] = [];
    for await (const row of book.rows('Sheet1', { until: 2 })) firstTwo.push(row.row);
    expect(firstTwo).toEqual([1, 2]);
    expect(() => book.rows('Nope')).toThrow(RangeError);
    expect(() => book.rows(3)).toThrow(RangeError);
    await book.close();
    expect(() => book.rows(0)).toThrow(/closed/);
  });

  it('reads a file from a path, checking its size first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eduvn-xls-'));
    try {
      const path = join(dir, 'hs.xls');
      const bytes = writeXls(schoolWorkbook());
      await writeFile(path, bytes);
      const book = await openXls({ path });
      expect(book.file).toBe(path);
      expect((await rowsOf(book)).length).toBe(5);
      const error = await failure(() => openXls({ path }, { limits: { maxFileBytes: 1000 } }));
      expect([error.code, error.limit]).toEqual([
        'limit-exceeded',
        { name: 'maxFileBytes', max: 1000, found: bytes.length },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('applies maxRows, maxColumns and maxCellLength', async () => {
    const bytes = writeXls(schoolWorkbook());
    const limit = async (limits: NonNullable<XlsOptions['limits']>) =>
      (await failure(() => openXls(bytes, { limits }))).limit;
    expect(await limit({ maxRows: 4 })).toEqual({ name: 'maxRows', max: 4, found: 5 });
    expect(await limit({ maxColumns: 5 })).toEqual({ name: 'maxColumns', max: 5, found: 6 });
    const book = await openXls(bytes, { limits: { maxCellLength: 6 } });
    const rows = await rowsOf(book);
    expect(rows[2]?.cells[1]).toEqual({ value: 'Nguyễn', truncated: true, font: 'Arial' });
    expect(rows[2]?.cells[0]).toEqual({ value: '0123', font: 'Arial' });
  });
});

describe('openXls: what SheetJS does not return', () => {
  it('reads each cell’s font from the FONT and XF records (index 4 skipped, as BIFF does)', async () => {
    const legacy = encodeLegacy('Người', 'tcvn3');
    const vni = encodeLegacy('Việt Nam', 'vni');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['Họ tên', 'Ghi chú'],
        [vni, legacy],
      ]),
      'DS',
    );
    const bytes = editXls(writeXls(wb), (records) => {
      const fonts = records.filter((r) => r.type === FONT);
      const lastFont = records.indexOf(fonts.at(-1) as BiffRecord);
      // FONT records 1–5; font index 4 does not exist, so records 4 and 5 are indices 5 and 6.
      records.splice(
        lastFont + 1,
        0,
        fontRecord('Times New Roman'),
        fontRecord('Arial'),
        fontRecord('Arial'),
        fontRecord('.VnTime'),
        fontRecord('VNI-Times'),
      );
      const xfs = records.filter((r) => r.type === XF);
      const cellXf = xfs[16] as BiffRecord;
      records.splice(
        records.indexOf(xfs.at(-1) as BiffRecord) + 1,
        0,
        xfWithFont(cellXf, 5),
        xfWithFont(cellXf, 6),
        xfWithFont(cellXf, 1),
      );
      setXf(cellRecord(records, 0, 1, 1), xfs.length);
      setXf(cellRecord(records, 0, 1, 0), xfs.length + 1);
      setXf(cellRecord(records, 0, 0, 0), xfs.length + 2);
    });
    const book = await openXls(bytes);
    const [header, row] = await rowsOf(book);
    expect(header?.cells.map((c) => c?.font)).toEqual(['Times New Roman', 'Arial']);
    expect(row?.cells).toEqual([
      { value: vni, font: 'VNI-Times' },
      { value: legacy, font: '.VnTime' },
    ]);
    // What the font is for: decoding legacy text.
    const cell = row?.cells[1];
    const encoding = detectLegacy(String(cell?.value), { fontName: cell?.font as string });
    expect(encoding).toBe('tcvn3');
    expect(decodeLegacy(String(cell?.value), 'tcvn3')).toBe('Người');
  });

  it('reads formulas, with the cached result as the value', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1, 2, 0]]), 'S');
    const bytes = editXls(writeXls(wb), (records) => {
      const cell = cellRecord(records, 0, 0, 2);
      expect(cell.type).toBe(NUMBER);
      // 1+2: PtgInt 1, PtgInt 2, PtgAdd.
      records.splice(
        records.indexOf(cell),
        1,
        formulaRecord(cell, 3, [0x1e, 1, 0, 0x1e, 2, 0, 0x03]),
      );
    });
    const [row] = await rowsOf(await openXls(bytes));
    expect(row?.cells[2]).toEqual({ value: 3, formula: '1+2', font: 'Arial' });
    expect(row?.cells[0]).toEqual({ value: 1, font: 'Arial' });
  });

  it('decodes Excel 5/95 (BIFF5) text with the workbook’s code page, Windows-1258 included', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Nguyxxn']]), 'S');
    const bytes = editXls(writeXls(wb, 'biff5'), (records) => {
      const codepage = records.find((r) => r.type === CODEPAGE) as BiffRecord;
      new DataView(codepage.data.buffer).setUint16(0, 1258, true);
      const label = records.find((r) => r.type === LABEL) as BiffRecord;
      const at = label.data.indexOf(0x78); // the first 'x'
      label.data.set([0xea, 0xde], at); // ê + combining tilde in Windows-1258
    });
    expect(walkBiff(parseRecordsStream(bytes), DEFAULT_LIMITS).version).toBe(5);
    const [row] = await rowsOf(await openXls(bytes));
    const text = String(row?.cells[0]?.value);
    expect(text.normalize('NFC')).toBe('Nguyễn');
    expect(row?.cells[0]?.font).toBe('Arial');
  });
});

/** The workbook stream of an .xls. */
function parseRecordsStream(xls: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  return (XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book')).content;
}

describe('openXls: files it must refuse', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduvn-xls-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an .xls encrypted with a password to open (FilePass)', async () => {
    const bytes = editXls(writeXls(schoolWorkbook()), (records) => {
      records.splice(1, 0, {
        type: FILEPASS,
        data: Uint8Array.from([0, 0, 0x34, 0x12, 0x78, 0x56]),
      });
    });
    const error = await failure(() => openXls(bytes, { file: 'secret.xls' }));
    expect([error.code, error.file]).toEqual(['password-protected', 'secret.xls']);
  });

  it('refuses an encrypted .xlsx (an OLE file with EncryptionInfo and EncryptedPackage)', async () => {
    const bytes = cfbWith({
      EncryptionInfo: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
      EncryptedPackage: new Uint8Array(64),
    });
    expect((await failure(() => openXls(bytes))).code).toBe('password-protected');
  });

  it('refuses other OLE files and non-OLE bytes as the wrong type', async () => {
    const doc = await failure(() => openXls(cfbWith({ WordDocument: new Uint8Array(64) })));
    expect([doc.code, doc.message.includes('Word')]).toEqual(['wrong-file-type', true]);
    expect((await failure(() => openXls(new TextEncoder().encode('a,b\n1,2\n')))).code).toBe(
      'wrong-file-type',
    );
  });

  it('reports a damaged file as corrupt', async () => {
    const bytes = writeXls(schoolWorkbook());
    const header = bytes.slice(0, 512);
    expect((await failure(() => openXls(header))).code).toBe('corrupt-file');
    const scrambled = bytes.slice();
    for (let i = 600; i < scrambled.length; i += 3) scrambled[i] = (scrambled[i] as number) ^ 0x5a;
    expect((await failure(() => openXls(scrambled))).code).toBe('corrupt-file');
  });

  it('refuses an empty file', async () => {
    expect((await failure(() => openXls(new Uint8Array()))).code).toBe('empty-file');
    const path = join(dir, 'empty.xls');
    await writeFile(path, new Uint8Array());
    expect((await failure(() => openXls({ path }))).code).toBe('empty-file');
  });
});

describe('walkBiff', () => {
  it('lists sheets with their states in BoundSheet order and stops at FilePass', () => {
    const stream = parseRecordsStream(writeXls(schoolWorkbook()));
    const info = walkBiff(stream, DEFAULT_LIMITS);
    expect(info.version).toBe(8);
    expect(info.encrypted).toBe(false);
    expect(info.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Sheet1', 'visible'],
      ['GIOI_TINH', 'hidden'],
      ['IDS', 'veryHidden'],
    ]);
    expect(info.sheets[0]?.fontAt(2, 1)).toBe('Arial');
    expect(info.sheets[0]?.fontAt(2, 40)).toBeUndefined();
    expect(info.sheets[0]?.fontAt(900, 0)).toBeUndefined();
  });

  it('never throws on a truncated stream', () => {
    const stream = parseRecordsStream(writeXls(schoolWorkbook()));
    for (const end of [0, 3, 10, 100, 700, stream.length - 5]) {
      expect(() => walkBiff(stream.subarray(0, end), DEFAULT_LIMITS)).not.toThrow();
    }
    expect(parseRecords(stream).length).toBeGreaterThan(20);
  });
});

describe('walkBiff: the budget checked before SheetJS parses', () => {
  const record = (type: number, ...fields: number[]): number[] => {
    const data = fields.flatMap((f) => [f & 0xff, (f >> 8) & 0xff]);
    return [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
  };
  const stream = (...records: number[][]): Uint8Array =>
    Uint8Array.from([...record(0x0009, 2, 0x10), ...records.flat(), ...record(0x000a)]);
  const hit = (bytes: Uint8Array, limits = DEFAULT_LIMITS): unknown => {
    try {
      walkBiff(bytes, limits);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('refuses a cell, a note or a MulBlank beyond maxBiffColumns', () => {
    // BIFF2 LABEL (0x0004), NOTE (0x001C), BIFF8 MULBLANK (0x00BE) ending in column 300.
    expect(hit(stream(record(0x0004, 0, 255, 0, 0)))).toBeUndefined();
    for (const beyond of [
      record(0x0004, 0, 256, 0, 0),
      record(0x001c, 3, 16_383, 0),
      record(0x00be, 1, 250, 0, 0, 0, 0, 0, 0, 300),
    ]) {
      expect(hit(stream(beyond))).toMatchObject({ limit: 'maxBiffColumns', max: 256 });
    }
  });

  it('refuses hyperlinks over more cells than a sheet holds, and declared merges or strings beyond the limits', () => {
    // HLINK over rows 0–65535 × columns 0–255, twice: SheetJS would visit 33 million cells.
    const link = record(0x01b8, 0, 65_535, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0);
    expect(hit(stream(link))).toBeUndefined();
    expect(hit(stream(link, link))).toBeInstanceOf(Error);
    expect((hit(stream(link, link)) as Error).name).toBe('BiffError');
    // MergeCells declaring 65,535 ranges in a 6-byte record, twice.
    const merges = record(0x00e5, 65_535, 0);
    expect(hit(stream(merges, merges))).toMatchObject({ limit: 'maxMergedRanges' });
    // SST declaring more unique strings than maxSharedStrings.
    const sst = record(0x00fc, 0, 0, 0xffff, 0xffff);
    expect(hit(stream(sst))).toMatchObject({ limit: 'maxSharedStrings' });
  });

  it('turns the refusals into typed errors when opening', async () => {
    const wide = stream(record(0x0004, 1, 16_383, 0, 0));
    const error = await failure(() => openXls(wide, { file: 'wide.xls' }));
    expect([error.code, error.limit?.name, error.limit?.found]).toEqual([
      'limit-exceeded',
      'maxBiffColumns',
      16_384,
    ]);
    const link = record(0x01b8, 0, 65_535, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0);
    const linked = await failure(() => openXls(stream(link, link, record(0x0004, 0, 0, 0, 0))));
    expect(linked.code).toBe('corrupt-file');
  });
});
