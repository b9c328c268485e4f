import {
  AdapterError,
  type CellInput,
  detectAdapter,
  readAll,
  writeXlsx,
} from '@eduvn/adapter-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { k12OnlineAdapter } from './adapter.ts';
import { adapterFixtures, fixtureRecords } from './fixtures.test-helper.ts';
import { K12ONLINE_HEADERS, VERSION } from './layout.ts';
import { writeK12Online } from './write.ts';

/** A file of the template: the header and the rows given. */
function file(rows: readonly CellInput[][], header: readonly string[] = K12ONLINE_HEADERS) {
  return writeXlsx([{ name: 'Sheet1', rows: [[...header], ...rows] }]);
}

/** A valid row (generated person), with changes by header. */
function row(changes: Partial<Record<string, CellInput>> = {}): CellInput[] {
  const base: Record<string, CellInput> = {
    'Họ và tên (*)': 'Nguyễn Văn An',
    'Giới tính (*)': 'Nam',
    'Lớp (*)': { text: '1A' },
    'Ngày sinh (*)': '05/09/2019',
    'Họ và tên mẹ (*)': 'Trần Thị Bích',
    'Năm sinh của mẹ (*)': 1990,
    'Họ và tên người giám hộ': null,
    'Năm sinh người giám hộ': null,
    ...changes,
  };
  return K12ONLINE_HEADERS.map((h) => base[h] ?? null);
}

describe('k12OnlineAdapter', () => {
  it('declares its basis, version and formats', () => {
    expect(k12OnlineAdapter.id).toBe('k12online');
    expect(k12OnlineAdapter.version).toBe(VERSION);
    expect(k12OnlineAdapter.basis).toMatch(
      /column list of K12Online’s pupil-account import template/,
    );
    expect(k12OnlineAdapter.formats).toEqual(['xlsx', 'xls', 'csv']);
    expect(typeof k12OnlineAdapter.write).toBe('function');
  });

  it('reads every fixture’s pupils exactly as generated', async () => {
    for (const { adapter, fixtures } of await adapterFixtures()) {
      for (const fixture of fixtures) {
        const result = await readAll(adapter, fixture.bytes, { file: fixture.name });
        expect(result.issues, fixture.name).toEqual([]);
        expect(
          result.records.flatMap((r) => r.issues),
          fixture.name,
        ).toEqual([]);
        expect(
          result.records.map((r) => r.record),
          fixture.name,
        ).toEqual(fixtureRecords.get(fixture.name));
      }
    }
  });

  it('maps the mother and the guardian to the standard’s fields', async () => {
    const result = await readAll(
      k12OnlineAdapter,
      file([
        row({
          'Họ và tên người giám hộ': 'Lê Văn Cường',
          'Năm sinh người giám hộ': '1965',
        }),
      ]),
    );
    expect(result.records[0]?.record).toEqual({
      hoTen: 'Nguyễn Văn An',
      maGioiTinh: '1',
      maLop: '1A',
      ngaySinh: '2019-09-05',
      tenMe: 'Trần Thị Bích',
      namSinhMe: 1990,
      tenNguoiDd: 'Lê Văn Cường',
      namSinhNguoiDoDau: 1965,
    });
    expect(result.records[0]?.provenance.columns).toEqual({
      hoTen: 'A',
      maGioiTinh: 'B',
      maLop: 'C',
      ngaySinh: 'D',
      tenMe: 'E',
      namSinhMe: 'F',
      tenNguoiDd: 'G',
      namSinhNguoiDoDau: 'H',
    });
  });

  it('reads headers without their (*) marks, in another order, under a title', async () => {
    const header = [
      'Lớp',
      'Ngày sinh',
      'Họ và tên',
      'Giới tính',
      'Năm sinh của mẹ',
      'Họ và tên mẹ',
      'Năm sinh người giám hộ',
      'Họ và tên người giám hộ',
    ];
    const bytes = writeXlsx([
      {
        name: 'HS',
        rows: [
          ['DANH SÁCH'],
          [],
          header,
          [{ text: '2B' }, '29/02/2020', 'Phạm Thu Trang', 'nữ', 1992, 'Vũ Thị Hà', null, null],
        ],
      },
    ]);
    const result = await readAll(k12OnlineAdapter, bytes);
    expect(result.records[0]?.record).toEqual({
      hoTen: 'Phạm Thu Trang',
      maGioiTinh: '2',
      maLop: '2B',
      ngaySinh: '2020-02-29',
      tenMe: 'Vũ Thị Hà',
      namSinhMe: 1992,
    });
  });

  describe('unhappy paths', () => {
    it('refuses a sheet without a required column, naming it', async () => {
      const header = K12ONLINE_HEADERS.filter((h) => h !== 'Họ và tên mẹ (*)');
      const values = row();
      values.splice(K12ONLINE_HEADERS.indexOf('Họ và tên mẹ (*)'), 1);
      const result = await readAll(k12OnlineAdapter, file([values], header));
      expect(result.records).toEqual([]);
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          problem: expect.stringMatching(
            /required field tenMe: expected a header like 'Họ và tên mẹ \(\*\)'/,
          ),
        }),
      );
    });

    it('reads a sheet without the optional guardian columns, with a warning naming them', async () => {
      const header = K12ONLINE_HEADERS.slice(0, 6);
      const result = await readAll(k12OnlineAdapter, file([row().slice(0, 6)], header));
      expect(result.records).toHaveLength(1);
      expect(result.records[0]?.record).not.toHaveProperty('tenNguoiDd');
      expect(result.issues).toEqual([
        expect.objectContaining({
          severity: 'warning',
          problem: expect.stringMatching(/has no column for tenNguoiDd, namSinhNguoiDoDau/),
        }),
      ]);
    });

    it('reports a blank required cell on its row, and keeps the rest of the record', async () => {
      const result = await readAll(
        k12OnlineAdapter,
        file([row({ 'Họ và tên mẹ (*)': null, 'Lớp (*)': '  ' })]),
      );
      expect(result.records[0]?.record).toMatchObject({ hoTen: 'Nguyễn Văn An', namSinhMe: 1990 });
      expect(result.records[0]?.issues).toEqual([
        {
          code: 'required-blank',
          field: 'maLop',
          column: 'C',
          problem: 'The required field maLop is blank.',
          severity: 'error',
        },
        {
          code: 'required-blank',
          field: 'tenMe',
          column: 'E',
          problem: 'The required field tenMe is blank.',
          severity: 'error',
        },
      ]);
    });

    it('reports a bad sex value', async () => {
      const result = await readAll(
        k12OnlineAdapter,
        file([row({ 'Giới tính (*)': 'Trai' }), row({ 'Giới tính (*)': 'Male' })]),
      );
      expect(result.records[0]?.record).not.toHaveProperty('maGioiTinh');
      expect(result.records[0]?.issues).toEqual([
        expect.objectContaining({
          field: 'maGioiTinh',
          severity: 'error',
          problem: expect.stringMatching(/'Trai' is not a sex: expected Nam or Nữ/),
        }),
      ]);
      // English words are read, with a warning: the template writes Nam or Nữ.
      expect(result.records[1]?.record['maGioiTinh']).toBe('1');
      expect(result.records[1]?.issues[0]?.severity).toBe('warning');
    });

    it('reports a mother’s birth year written 19xx, or with a fraction', async () => {
      const result = await readAll(
        k12OnlineAdapter,
        file([row({ 'Năm sinh của mẹ (*)': '19xx' }), row({ 'Năm sinh của mẹ (*)': 1990.5 })]),
      );
      for (const record of result.records) {
        expect(record.record).not.toHaveProperty('namSinhMe');
        expect(record.issues).toEqual([
          expect.objectContaining({ field: 'namSinhMe', column: 'F', severity: 'error' }),
        ]);
      }
      expect(result.records[0]?.issues[0]?.problem).toBe("'19xx' is not a number.");
    });

    it('reports impossible and two-digit-year birth dates', async () => {
      const result = await readAll(
        k12OnlineAdapter,
        file([row({ 'Ngày sinh (*)': '31/02/2019' }), row({ 'Ngày sinh (*)': '05/09/19' })]),
      );
      expect(result.records.map((r) => r.issues.map((i) => [i.field, i.severity]))).toEqual([
        [['ngaySinh', 'error']],
        [['ngaySinh', 'error']],
      ]);
    });

    it('survives hostile headers and 10,000-character cells without polluting objects', async () => {
      const header = [...K12ONLINE_HEADERS, '__proto__', 'constructor', 'y'.repeat(10_000)];
      const values = [...row({ 'Họ và tên (*)': 'Lê '.repeat(4_000).trim() }), '{"a":1}', 'x', 'z'];
      const result = await readAll(k12OnlineAdapter, file([values], header));
      expect(({} as Record<string, unknown>)['a']).toBeUndefined();
      const record = result.records[0]?.record ?? {};
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(Object.keys(record).sort()).toEqual(
        ['hoTen', 'maGioiTinh', 'maLop', 'namSinhMe', 'ngaySinh', 'tenMe'].sort(),
      );
      expect(String(record['hoTen'])).toHaveLength(3 * 4_000 - 1);
    });

    it('reads formulas’ text back as text, never as formulas', async () => {
      const payloads = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-1-1', '@SUM(A1:A2)'];
      const result = await readAll(
        k12OnlineAdapter,
        file(payloads.map((p) => row({ 'Họ và tên (*)': p, 'Họ và tên mẹ (*)': p }))),
      );
      expect(result.records.map((r) => [r.record['hoTen'], r.record['tenMe']])).toEqual(
        payloads.map((p) => [p, p]),
      );
    });

    it('rejects files that are not spreadsheets, or damaged, with a typed AdapterError', async () => {
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      const errors = await Promise.all(
        [png, new Uint8Array(0), file([row()]).subarray(0, 300)].map((bytes) =>
          readAll(k12OnlineAdapter, bytes).then(
            () => undefined,
            (e: unknown) => e,
          ),
        ),
      );
      for (const error of errors) expect(error).toBeInstanceOf(AdapterError);
      expect(errors.map((e) => (e as AdapterError).code)).toEqual([
        'wrong-file-type',
        'empty-file',
        'corrupt-file',
      ]);
    });

    it('says so when no sheet holds the template', async () => {
      const result = await readAll(
        k12OnlineAdapter,
        writeXlsx([
          {
            name: 'Sheet1',
            rows: [
              ['Mã trường', 'Tên trường'],
              ['79000001', 'TH A'],
            ],
          },
        ]),
      );
      expect(result.records).toEqual([]);
      expect(result.issues).toEqual([
        expect.objectContaining({
          severity: 'error',
          problem: expect.stringMatching(/No sheet of this file looks like a K12Online/),
        }),
      ]);
    });
  });

  it('is recognised on its files, and not on another vendor’s pupil list', async () => {
    const [best] = await detectAdapter(file([row()]), [k12OnlineAdapter]);
    expect(best?.confidence).toBe(1);
    const misaLike = writeXlsx([
      {
        name: 'Toàn trường',
        rows: [
          [
            'STT',
            'Mã học sinh',
            'Mã thống kê',
            'Họ và tên',
            'Ngày sinh',
            'Giới tính',
            'Dân tộc',
            'Số định danh cá nhân',
            'Lớp',
          ],
          [
            1,
            'HS1',
            'TK1',
            'Nguyễn Văn An',
            '05/09/2019',
            'Nam',
            'Kinh',
            { text: '079219001234' },
            '1A',
          ],
        ],
      },
    ]);
    const [other] = await detectAdapter(misaLike, [k12OnlineAdapter]);
    expect(other?.confidence ?? 0).toBeLessThanOrEqual(0.5);
  });

  it('reads back whatever it writes (property)', async () => {
    const part = fc.constantFrom(
      'Nguyễn',
      'Thị',
      'Văn',
      'Hoà',
      'Thuỷ',
      'Đặng',
      "H'Hen",
      'Niê',
      'Ánh',
    );
    const name = fc
      .tuple(
        fc.constantFrom('', '=', '+', '-', '@'),
        fc.array(part, { minLength: 1, maxLength: 4 }),
      )
      .map(([prefix, parts]) => `${prefix}${parts.join(' ')}`);
    const isoDate = fc
      .date({
        min: new Date('2010-01-01T00:00:00Z'),
        max: new Date('2022-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const record = fc.record(
      {
        hoTen: name,
        maGioiTinh: fc.constantFrom('1', '2'),
        maLop: fc.constantFrom('1A', '1.1', '1-1', '01', '5B2', '=1+1', 'Lớp 3'),
        ngaySinh: isoDate,
        tenMe: name,
        namSinhMe: fc.integer({ min: 1950, max: 2005 }),
        tenNguoiDd: name,
        namSinhNguoiDoDau: fc.integer({ min: 1940, max: 2005 }),
      },
      { requiredKeys: ['hoTen', 'maGioiTinh', 'maLop', 'ngaySinh', 'tenMe', 'namSinhMe'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (records) => {
        const bytes = await writeK12Online(records);
        const result = await readAll(k12OnlineAdapter, bytes);
        expect(result.issues).toEqual([]);
        expect(result.records.map((r) => r.record)).toEqual(records);
      }),
      { numRuns: 30 },
    );
  });
});
