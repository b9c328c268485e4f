import { AdapterError, column, defineMapping, readAll, writeXlsx } from '@eduvn/adapter-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvAdapter } from './csv-adapter.ts';
import {
  crlf,
  healthAdapter,
  pupilMapping,
  pupilsAdapter,
  QUOTED_CSV,
  TITLE_SERIAL_CSV,
  utf8Bytes,
} from './fixtures.test-helper.ts';
import { openCsvFile, readCsv, readCsvAll } from './read-csv.ts';
import { encodeWindows1258 } from './windows-1258.test-helper.ts';

/** What a promise rejects with, or `undefined`. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const HEADER =
  'Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Mã lớp,Mã dân tộc,Nơi sinh,Số định danh cá nhân';

describe('readCsv', () => {
  it('gives records with provenance to the column and the physical line', async () => {
    const result = await readCsvAll(pupilsAdapter, utf8Bytes(QUOTED_CSV, true), {
      file: 'lop-1a.csv',
    });
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.provenance.row)).toEqual([2, 4, 5, 7]);
    expect(result.records[0]?.provenance).toEqual({
      file: 'lop-1a.csv',
      sheet: 'lop-1a',
      row: 2,
      columns: {
        hocSinhId: 'A',
        hoTen: 'B',
        ngaySinh: 'C',
        maGioiTinh: 'D',
        maLop: 'E',
        maDanToc: 'F',
        noiSinh: 'G',
        maCongDanId: 'H',
      },
    });
    expect(result.records.map((r) => r.record['hoTen'])).toEqual([
      'Nguyễn Văn An',
      'Lê Thị Hoà',
      'Trần Minh Khôi',
      'Phạm "Bé" Thu',
    ]);
    expect(result.records[1]?.record['noiSinh']).toBe('Bệnh viện "Phụ sản"; khoa A|B');
  });

  it('finds the header below a title, reads serial-looking dates, and skips what is not data', async () => {
    const result = await readCsvAll(pupilsAdapter, utf8Bytes(TITLE_SERIAL_CSV), {
      file: 'ds.csv',
    });
    expect(result.records.map((r) => [r.provenance.row, r.record['ngaySinh']])).toEqual([
      [4, '2018-09-03'],
      [5, '2019-02-04'],
      [6, '2018-02-02'],
      [9, '2019-08-23'],
    ]);
    expect(result.records[1]?.record['maCongDanId']).toBe('040318000202');
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
      [1, 'title'],
      [7, 'caption'],
      [8, 'repeated-header'],
    ]);
  });

  it('reads Windows-1258 (detected, or forced) into NFC text', async () => {
    const file = encodeWindows1258(
      crlf([HEADER, 'HS1,Nguyễn Thị Ánh Tuyết,01/02/2018,Nữ,1A,01,Thừa Thiên Huế,']),
    );
    for (const options of [{}, { encoding: 'windows-1258' as const }]) {
      const result = await readCsvAll(pupilsAdapter, file, options);
      expect(result.records[0]?.record).toMatchObject({
        hoTen: 'Nguyễn Thị Ánh Tuyết',
        noiSinh: 'Thừa Thiên Huế',
      });
    }
  });

  it('reads UTF-16LE without a byte-order mark, and UTF-16BE', async () => {
    const text = crlf([HEADER, 'HS1,Đỗ Minh Châu,01/02/2018,Nam,1A,01,,']);
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      le[2 * i] = unit & 0xff;
      le[2 * i + 1] = unit >> 8;
      be[2 * i] = unit >> 8;
      be[2 * i + 1] = unit & 0xff;
    }
    const fromLe = await readCsvAll(pupilsAdapter, le);
    expect(fromLe.records[0]?.record['hoTen']).toBe('Đỗ Minh Châu');
    const fromBe = await readCsvAll(pupilsAdapter, Uint8Array.of(0xfe, 0xff, ...be));
    expect(fromBe.records[0]?.record['hoTen']).toBe('Đỗ Minh Châu');
  });

  it("uses the adapter's CSV options, and lets the call override them", async () => {
    const file = utf8Bytes(
      crlf([HEADER.replaceAll(',', ';'), 'HS1;Lê Văn Tám;01/02/2018;Nam;1A;01;;']),
    );
    const comma = csvAdapter({ mapping: pupilMapping, delimiter: ',' });
    const wrong = await readCsvAll(comma, file);
    expect(wrong.records).toEqual([]);
    expect(wrong.issues.map((i) => i.problem)).toEqual([
      expect.stringMatching(/No sheet of this file looks like/),
    ]);
    const right = await readCsvAll(comma, file, { delimiter: 'auto' });
    expect(right.records.length).toBe(1);
  });

  it('keeps the formula prefix with unquoteFormulas: false', async () => {
    const file = utf8Bytes(crlf([HEADER, "HS1,Lê Văn Tám,01/02/2018,Nam,1A,01,'=1+1,"]));
    const on = await readCsvAll(pupilsAdapter, file);
    expect(on.records[0]?.record['noiSinh']).toBe('=1+1');
    const off = await readCsvAll(pupilsAdapter, file, { unquoteFormulas: false });
    expect(off.records[0]?.record['noiSinh']).toBe("'=1+1");
  });

  it('reports a missing required column, a missing header and bad values as issues', async () => {
    const noId = await readCsvAll(
      pupilsAdapter,
      utf8Bytes(crlf([HEADER.replace('Mã học sinh,', ''), 'Lê Văn Tám,01/02/2018,Nam,1A,01,,'])),
    );
    expect(noId.records).toEqual([]);
    expect(noId.issues.some((i) => /required/.test(i.problem) && i.severity === 'error')).toBe(
      true,
    );

    const other = await readCsvAll(pupilsAdapter, utf8Bytes('a,b,c\r\n1,2,3\r\n'));
    expect(other.issues.map((i) => i.problem)).toEqual([
      expect.stringMatching(/No sheet of this file looks like a A pupil list as CSV layout/),
    ]);

    const bad = await readCsvAll(
      pupilsAdapter,
      utf8Bytes(crlf([HEADER, 'HS1,Lê Văn Tám,31/02/2018,Khác,1A,01,,1.17554E+11', ',,,,,,,'])),
    );
    expect(bad.records.length).toBe(1);
    const issues = bad.records[0]?.issues ?? [];
    expect(issues.map((i) => [i.field, i.column, i.severity])).toEqual([
      ['ngaySinh', 'C', 'error'],
      ['maGioiTinh', 'D', 'error'],
      ['maCongDanId', 'H', 'error'],
    ]);
    expect(JSON.stringify(issues)).not.toContain('1.17554E+11');
  });

  it('survives hostile CSV: __proto__ headers, 10,000-character cells and headers, formulas', async () => {
    const long = 'Nguyễn '.repeat(1_500);
    const file = utf8Bytes(
      crlf([
        `__proto__,constructor,${'x'.repeat(10_000)},${HEADER}`,
        `polluted,polluted,1,HS1,"${long}",01/02/2018,Nam,1A,01,"=HYPERLINK(""http://example.invalid"")",`,
        `polluted,polluted,1,HS2,@SUM(A1),01/02/2018,Nam,1A,01,-1+1,`,
        `polluted,polluted,1,HS3,Lê Văn Tám,01/02/2018,Nam,1A,01,"${'y'.repeat(40_000)}",`,
      ]),
    );
    const result = await readCsvAll(pupilsAdapter, file);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.records.length).toBe(3);
    for (const r of result.records) {
      expect(Object.getPrototypeOf(r.record)).toBe(Object.prototype);
      expect(Object.hasOwn(r.record, '__proto__')).toBe(false);
      expect(Object.hasOwn(r.record, 'constructor')).toBe(false);
    }
    expect(result.records[0]?.record['hoTen']).toBe(long.trim());
    expect(result.records[0]?.record['noiSinh']).toBe('=HYPERLINK("http://example.invalid")');
    expect(result.records[2]?.record['noiSinh']).toHaveLength(32_767);
    expect(result.records[2]?.issues.map((i) => [i.field, i.severity])).toContainEqual([
      'noiSinh',
      'warning',
    ]);
  });

  it('reads an .xlsx handed to the kit with a warning, but refuses it as CSV', async () => {
    const xlsx = writeXlsx([
      {
        name: 'Sheet1',
        rows: [HEADER.split(','), ['HS1', 'Lê Văn Tám', '01/02/2018', 'Nam', '1A', '01', '', '']],
      },
    ]);
    const kit = await readAll(pupilsAdapter, xlsx);
    expect(kit.records.length).toBe(1);
    expect(kit.issues.map((i) => [i.severity, i.problem])).toEqual([
      ['warning', expect.stringMatching(/made for csv files; this is xlsx/)],
    ]);
    const error = await failure(readCsvAll(pupilsAdapter, xlsx, { file: 'hs.xlsx' }));
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('wrong-file-type');
    expect((error as AdapterError).message).toMatch(/hs\.xlsx.*openWorkbook/);
  });

  it('turns garbage into typed AdapterErrors, never a crash', async () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(0), 'empty-file'],
      [utf8Bytes(',,,\r\n\r\n,,\r\n""'), 'empty-file'],
      [Uint8Array.from({ length: 2000 }, (_, i) => (i * 37) % 256), 'wrong-file-type'],
      [Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3), 'wrong-file-type'],
      [
        Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
        'wrong-file-type',
      ],
      [utf8Bytes(`${HEADER}\r\nHS1,"Lê Văn Tám`), 'corrupt-file'],
    ];
    for (const [bytes, code] of cases) {
      const error = await failure(readCsvAll(pupilsAdapter, bytes, { file: 'x.csv' }));
      expect(error, code).toBeInstanceOf(AdapterError);
      expect((error as AdapterError).code).toBe(code);
      expect((error as AdapterError).file).toBe('x.csv');
    }
  });

  it('reads a file cut in the middle of a line, reporting the cut row', async () => {
    const whole = utf8Bytes(
      crlf([HEADER, 'HS1,Lê Văn Tám,01/02/2018,Nam,1A,01,,', 'HS2,Hà Thu,01/0']),
    );
    const result = await readCsvAll(pupilsAdapter, whole);
    expect(result.records.map((r) => r.record['hocSinhId'])).toEqual(['HS1', 'HS2']);
    expect(result.records[1]?.issues.map((i) => i.field)).toEqual(['ngaySinh']);
  });

  it('never throws anything but an AdapterError on arbitrary bytes (fast-check)', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => utf8Bytes(`${HEADER}\r\n${s}`)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => {
        const error = await failure(readCsvAll(healthAdapter, b));
        if (error !== undefined) expect(error).toBeInstanceOf(AdapterError);
      }),
      { numRuns: 300 },
    );
  });

  it('opens the file once per read and closes it, even when the caller stops early', async () => {
    const file = utf8Bytes(
      crlf([HEADER, 'HS1,Lê Văn Tám,01/02/2018,Nam,1A,01,,', 'HS2,Hà Thu,01/02/2018,Nữ,1A,01,,']),
    );
    for await (const item of readCsv(pupilsAdapter, file)) {
      expect(item.kind).toBe('record');
      break;
    }
    const book = await openCsvFile(file);
    await book.close();
    expect(() => book.rows(0)[Symbol.asyncIterator]().next()).toThrow(/closed/);
  });
});

describe('csvAdapter with a mapping of two columns', () => {
  it('finds a header that names both', async () => {
    const adapter = csvAdapter({
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column('Mã học sinh', 'code', { required: true }),
          hoTen: column('Họ và tên', 'name'),
        },
      }),
    });
    const result = await readCsvAll(adapter, utf8Bytes('Mã học sinh;Họ và tên\r\n01;An\r\n'));
    expect(result.records.map((r) => r.record)).toEqual([{ hocSinhId: '01', hoTen: 'An' }]);
  });
});
