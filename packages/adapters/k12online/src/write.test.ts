import { AdapterError, type Cell, openWorkbook, readAll, writeXlsx } from '@eduvn/adapter-kit';
import { describe, expect, it } from 'vitest';
import { k12OnlineAdapter } from './adapter.ts';
import { k12Template } from './fixtures.test-helper.ts';
import { K12ONLINE_HEADERS } from './layout.ts';
import { writeK12Online } from './write.ts';

/** A generated pupil, with fields the template has no column for. */
const pupil = {
  hocSinhId: '7900000100001',
  hoTen: 'Nguyễn Văn An',
  maGioiTinh: '1',
  maLop: '1.1',
  ngaySinh: '2019-09-05',
  tenMe: 'Trần Thị Bích',
  namSinhMe: 1990,
  maCongDanId: '079219001234',
  maDanToc: '01',
};

/** Every sheet's rows, as cells. */
async function sheets(bytes: Uint8Array) {
  const workbook = await openWorkbook(bytes);
  try {
    const out: {
      name: string;
      state: string;
      rows: { row: number; cells: (Cell | undefined)[] }[];
    }[] = [];
    for (const sheet of workbook.sheets) {
      const rows: { row: number; cells: (Cell | undefined)[] }[] = [];
      for await (const row of workbook.rows(sheet.index))
        rows.push({ row: row.row, cells: [...row.cells] });
      out.push({ name: sheet.name, state: sheet.state, rows });
    }
    return out;
  } finally {
    await workbook.close();
  }
}

describe('writeK12Online', () => {
  it('writes the template: the header with its (*) marks, then one row per pupil', async () => {
    const [sheet] = await sheets(await writeK12Online([pupil]));
    expect(sheet?.name).toBe('Sheet1');
    expect(sheet?.rows[0]?.cells.map((c) => c?.value)).toEqual([...K12ONLINE_HEADERS]);
    const cells = sheet?.rows[1]?.cells ?? [];
    expect(cells.map((c) => c?.value)).toEqual([
      'Nguyễn Văn An',
      'Nam',
      '1.1',
      '05/09/2019',
      'Trần Thị Bích',
      1990,
    ]);
    // The date is text in a General cell, not a date cell; the class stays text.
    expect(cells[3]?.date).toBeUndefined();
    expect(typeof cells[2]?.value).toBe('string');
  });

  it('leaves out the fields the template has no column for', async () => {
    const bytes = await writeK12Online([pupil]);
    const text = JSON.stringify(await sheets(bytes));
    expect(text).not.toContain('079219001234');
    expect(text).not.toContain('7900000100001');
    const { records } = await readAll(k12OnlineAdapter, bytes);
    expect(records[0]?.record).toEqual({
      hoTen: 'Nguyễn Văn An',
      maGioiTinh: '1',
      maLop: '1.1',
      ngaySinh: '2019-09-05',
      tenMe: 'Trần Thị Bích',
      namSinhMe: 1990,
    });
  });

  it('never writes a formula: formula-like text stays text and reads back the same', async () => {
    const payloads = [
      '=HYPERLINK("http://example.invalid","x")',
      '+84 912',
      '-1-1',
      '@SUM(A1:A2)',
      '\tTab',
    ];
    const records = payloads.map((p) => ({ ...pupil, hoTen: p, tenMe: p, maLop: p }));
    const bytes = await writeK12Online(records);
    for (const sheet of await sheets(bytes)) {
      for (const row of sheet.rows)
        for (const cell of row.cells) expect(cell?.formula).toBeUndefined();
    }
    const { records: read } = await readAll(k12OnlineAdapter, bytes);
    expect(read.map((r) => r.record['hoTen'])).toEqual(payloads.map((p) => p.trim()));
    expect(read.map((r) => r.record['maLop'])).toEqual(payloads.map((p) => p.trim()));
  });

  it('writes blanks for missing fields, which reading back reports as errors', async () => {
    const bytes = await writeK12Online([{ hoTen: 'Lê Thị Hoà', maLop: '2A' }]);
    const { records } = await readAll(k12OnlineAdapter, bytes);
    expect(records[0]?.record).toEqual({ hoTen: 'Lê Thị Hoà', maLop: '2A' });
    expect(records[0]?.issues.map((i) => i.field)).toEqual([
      'maGioiTinh',
      'ngaySinh',
      'tenMe',
      'namSinhMe',
    ]);
  });

  it('writes values it cannot translate as they are, for the reader to report', async () => {
    const bytes = await writeK12Online([
      { ...pupil, maGioiTinh: '3', ngaySinh: '2019-02-30', namSinhMe: '19xx' },
    ]);
    const [sheet] = await sheets(bytes);
    expect(sheet?.rows[1]?.cells.map((c) => c?.value)).toEqual([
      'Nguyễn Văn An',
      '3',
      '1.1',
      '2019-02-30',
      'Trần Thị Bích',
      '19xx',
    ]);
    const { records } = await readAll(k12OnlineAdapter, bytes);
    expect(records[0]?.issues.map((i) => i.field)).toEqual(['maGioiTinh', 'ngaySinh', 'namSinhMe']);
  });

  it('refuses values that are neither text nor numbers, without quoting them', async () => {
    await expect(writeK12Online([{ ...pupil, hoTen: { secret: '079219001234' } }])).rejects.toThrow(
      /record 0 has object in hoTen/,
    );
    await expect(writeK12Online([{ ...pupil, namSinhMe: Number.NaN }])).rejects.toThrow(TypeError);
    await expect(writeK12Online([null as never])).rejects.toThrow(/record 0 is not an object/);
    await expect(writeK12Online('rows' as never)).rejects.toThrow(/must be an array/);
    const error = await writeK12Online([{ ...pupil, hoTen: ['079219001234'] }]).catch(
      (e: unknown) => e,
    );
    expect(String(error)).not.toContain('079219001234');
  });

  it('refuses text longer than Excel allows rather than cutting it', async () => {
    await expect(writeK12Online([{ ...pupil, hoTen: 'x'.repeat(40_000) }])).rejects.toThrow(
      RangeError,
    );
    const long = await writeK12Online([{ ...pupil, hoTen: 'Lê '.repeat(3_000).trim() }]);
    const { records } = await readAll(k12OnlineAdapter, long);
    expect(records[0]?.record['hoTen']).toBe('Lê '.repeat(3_000).trim());
  });

  it('writes an empty list as the header alone', async () => {
    const [sheet] = await sheets(await writeK12Online([]));
    expect(sheet?.rows).toHaveLength(1);
  });

  it('is the adapter’s writer, for pupils only', async () => {
    const bytes = await k12OnlineAdapter.write?.({ entity: 'HocSinh', records: [pupil] });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(() => k12OnlineAdapter.write?.({ entity: 'CanBo', records: [] })).toThrow(
      /holds pupils \(HocSinh\), not "CanBo"/,
    );
  });

  describe('with K12Online’s template', () => {
    it('fills it below its header, in its column order, numbering STT and keeping the rest', async () => {
      const template = k12Template();
      const bytes = await writeK12Online(
        [pupil, { ...pupil, hoTen: 'Lê Thị Hoà', maGioiTinh: '2' }],
        {
          template,
        },
      );
      const [sheet, hidden] = await sheets(bytes);
      expect(sheet?.rows[0]?.cells[0]?.value).toBe('MẪU NHẬP TÀI KHOẢN HỌC SINH');
      expect(sheet?.rows.find((r) => r.row === 5)?.cells.map((c) => c?.value)).toEqual([
        1,
        '1.1',
        'Nguyễn Văn An',
        '05/09/2019',
        'Nam',
        'Trần Thị Bích',
        1990,
      ]);
      expect(sheet?.rows.find((r) => r.row === 6)?.cells[0]?.value).toBe(2);
      expect(hidden).toMatchObject({ name: 'DanhMuc', state: 'hidden' });
      const { records } = await readAll(k12OnlineAdapter, bytes);
      expect(records.map((r) => r.record['hoTen'])).toEqual(['Nguyễn Văn An', 'Lê Thị Hoà']);
      expect(records[0]?.provenance.row).toBe(5);
    });

    it('refuses a template without the K12Online header', async () => {
      const other = writeXlsx([{ name: 'Sheet1', rows: [['Mã trường', 'Tên trường']] }]);
      const error = await writeK12Online([pupil], { template: other }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdapterError);
      expect((error as AdapterError).code).toBe('no-data-sheet');
      expect((error as AdapterError).message).toMatch(/pupil-account header/);
    });

    it('refuses a template that lacks a required column', async () => {
      const partial = writeXlsx([
        { name: 'Sheet1', rows: [['Họ và tên (*)', 'Giới tính (*)', 'Lớp (*)', 'Ngày sinh (*)']] },
      ]);
      const error = await writeK12Online([pupil], { template: partial }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdapterError);
      expect((error as AdapterError).message).toMatch(
        /lacks the required column\(s\) "Họ và tên mẹ \(\*\)", "Năm sinh của mẹ \(\*\)"/,
      );
    });

    it('refuses a template that is not .xlsx, or damaged', async () => {
      const csv = new TextEncoder().encode(`${K12ONLINE_HEADERS.join(',')}\r\n`);
      const notXlsx = await writeK12Online([pupil], { template: csv }).catch((e: unknown) => e);
      expect((notXlsx as AdapterError).code).toBe('unsupported-format');
      const damaged = await writeK12Online([pupil], {
        template: k12Template().subarray(0, 100),
      }).catch((e: unknown) => e);
      expect(damaged).toBeInstanceOf(AdapterError);
      expect((damaged as AdapterError).code).toBe('corrupt-file');
    });
  });
});
