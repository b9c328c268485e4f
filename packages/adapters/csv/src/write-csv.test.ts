import { column, defineMapping, openCsv, readAll } from '@eduvn/adapter-kit';
import { normalizeText } from '@eduvn/text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvAdapter } from './csv-adapter.ts';
import { generatedPupils, pupilMapping, pupilsAdapter } from './fixtures.test-helper.ts';
import { openCsvFile, readCsvAll } from './read-csv.ts';
import { type CsvColumn, csvColumns, writeCsv, writeCsvStream } from './write-csv.ts';

/** The text of UTF-8 bytes, a byte-order mark kept as U+FEFF. */
const text = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** A mapping with a column of every kind a field of HocSinh can take. */
const everyKind = defineMapping({
  entity: 'HocSinh',
  columns: {
    hocSinhId: column('Mã học sinh', 'code', { required: true }),
    hoTen: column('Họ và tên', 'name'),
    ngaySinh: column('Ngày sinh', 'date'),
    maGioiTinh: column('Giới tính', 'sex'),
    chieuCao: column('Chiều cao', 'decimal'),
    namSinhMe: column('Năm sinh mẹ', 'integer'),
    isDoiVien: column('Đội viên', 'flag'),
    isHoc2Buoi: column('Học 2 buổi', 'boolean'),
    noiSinh: column('Nơi sinh', 'text'),
  },
});

const everyKindAdapter = csvAdapter({ mapping: everyKind });

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM, CRLF, a header row and the values by kind', () => {
    const bytes = writeCsv(
      [
        {
          hocSinhId: '0012',
          hoTen: 'Nguyễn Văn An',
          ngaySinh: '2018-09-05',
          maGioiTinh: '1',
          chieuCao: 112.5,
          namSinhMe: 1990,
          isDoiVien: true,
          isHoc2Buoi: false,
          noiSinh: 'Xã Tân Lập, huyện Đan Phượng',
        },
        { hocSinhId: '0013', maGioiTinh: '2', isDoiVien: false },
      ],
      everyKind,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes)).toBe(
      '\uFEFFMã học sinh,Họ và tên,Ngày sinh,Giới tính,Chiều cao,Năm sinh mẹ,Đội viên,Học 2 buổi,Nơi sinh\r\n' +
        '0012,Nguyễn Văn An,05/09/2018,Nam,112.5,1990,x,Không,"Xã Tân Lập, huyện Đan Phượng"\r\n' +
        '0013,,,Nữ,,,,,\r\n',
    );
  });

  it("writes ';'-delimited files with decimal commas, and quotes any field holding a delimiter", () => {
    const columns: CsvColumn[] = [
      { header: 'Mã', field: 'id', kind: 'code' },
      { header: 'Chiều cao (cm)', field: 'h', kind: 'decimal' },
      { header: 'Ghi chú', field: 'note' },
    ];
    const out = text(
      writeCsv([{ id: '01', h: 98.25, note: 'a,b' }, { note: 'c|d' }], columns, {
        delimiter: ';',
        bom: false,
      }),
    );
    expect(out).toBe('Mã;Chiều cao (cm);Ghi chú\r\n01;"98,25";"a,b"\r\n;;"c|d"\r\n');
    expect(
      text(
        writeCsv([{ h: 98.25 }], columns, { delimiter: ';', decimalSeparator: '.', bom: false }),
      ),
    ).toContain('\r\n;98.25;\r\n');
  });

  it('quotes fields with quotes and line breaks, RFC 4180', () => {
    const out = text(
      writeCsv(
        [{ a: 'say "hi"', b: 'line\r\nbreak', c: 'cr\ronly', d: '\uFEFFbom' }],
        [
          { header: 'A', field: 'a' },
          { header: 'B', field: 'b' },
          { header: 'C', field: 'c' },
          { header: 'D', field: 'd' },
        ],
      ),
    );
    expect(out).toBe('\uFEFFA,B,C,D\r\n"say ""hi""","line\r\nbreak","cr\ronly","\uFEFFbom"\r\n');
  });

  it('writes UTF-16LE with a BOM (Excel’s "Unicode Text" with tabs)', () => {
    const bytes = writeCsv([{ hoTen: 'Lê Thị Hoà' }], [{ header: 'Họ tên', field: 'hoTen' }], {
      encoding: 'utf-16le',
      delimiter: '\t',
    });
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x48, 0x00]);
    expect(new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes)).toBe(
      '\uFEFFHọ tên\r\nLê Thị Hoà\r\n',
    );
  });

  it('neutralises every field a spreadsheet would run, headers included', () => {
    const columns: CsvColumn[] = [
      { header: '=Tên', field: 'a' },
      { header: 'Điểm', field: 'n', kind: 'decimal' },
    ];
    const rows = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-1-1', '@SUM(A1:A2)'].map(
      (a, i) => ({ a, n: -i - 0.5 }),
    );
    rows.push({ a: '\t=1+1', n: 1 }, { a: '\r=1+1', n: 0 });
    const out = text(writeCsv(rows, columns, { bom: false }));
    const fields = out
      .split('\r\n')
      .filter((l) => l !== '')
      .flatMap((l) => l.split(','))
      .map((f) => f.replace(/^"/, ''));
    for (const f of fields) expect(f).not.toMatch(/^[=+\-@\t\r]/);
    expect(out.split('\r\n')[0]).toBe("'=Tên,Điểm");
    expect(out).toContain("'-1-1,'-2.5");
    expect(out).toContain('"\'\t=1+1",1');
  });

  it("writes negative numbers plainly with negativeNumbers: 'plain', text still quoted", () => {
    const out = text(
      writeCsv(
        [{ a: '-1', n: -1 }],
        [
          { header: 'A', field: 'a', kind: 'text' },
          { header: 'N', field: 'n', kind: 'integer' },
        ],
        { negativeNumbers: 'plain', bom: false },
      ),
    );
    expect(out).toBe("A,N\r\n'-1,-1\r\n");
  });

  it('leaves out control characters the reader would take for binary data; lone surrogates become U+FFFD', () => {
    const out = text(
      writeCsv(
        [{ a: 'a\u0000b\u0007c\u001Bd\te\u000Bf', b: 'x\uD800y' }],
        [
          { header: 'A', field: 'a' },
          { header: 'B', field: 'b' },
        ],
      ),
    );
    expect(out).toBe('\uFEFFA,B\r\n"abcd\te\u000Bf",x\uFFFDy\r\n');
  });

  it('can leave out the header row and the BOM', () => {
    expect(
      text(writeCsv([{ a: 1 }], [{ header: 'A', field: 'a' }], { header: false, bom: false })),
    ).toBe('1\r\n');
  });

  it('takes the columns of a mapping in order, and only its field columns', () => {
    expect(csvColumns(pupilMapping).map((c) => [c.header, c.field, c.kind])).toEqual([
      ['Mã học sinh', 'hocSinhId', 'code'],
      ['Họ và tên', 'hoTen', 'name'],
      ['Ngày sinh', 'ngaySinh', 'date'],
      ['Giới tính', 'maGioiTinh', 'sex'],
      ['Mã lớp', 'maLop', 'code'],
      ['Mã dân tộc', 'maDanToc', 'code'],
      ['Nơi sinh', 'noiSinh', 'text'],
      ['Số định danh cá nhân', 'maCongDanId', 'code'],
    ]);
    const withPath = defineMapping({
      entity: 'HocSinh',
      columns: { hoTen: column({ path: ['Thông tin', 'Họ tên'] }, 'name') },
      extras: { ghi: column('Ghi chú', 'text') },
    });
    expect(csvColumns(withPath)).toEqual([
      { header: 'Thông tin › Họ tên', field: 'hoTen', kind: 'name' },
    ]);
  });

  it('refuses values one field cannot hold, naming the record and field but not the value', () => {
    const columns: CsvColumn[] = [
      { header: 'Họ tên', field: 'hoTen', kind: 'name' },
      { header: 'Ngày sinh', field: 'ngaySinh', kind: 'date' },
    ];
    expect(() => writeCsv([{ hoTen: 'An' }, { hoTen: { x: 'Nguyễn' } }], columns)).toThrow(
      /record 2, field hoTen: an object cannot be written/,
    );
    let error: Error | undefined;
    try {
      writeCsv([{ ngaySinh: '05/09/2018' }], columns);
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toMatch(/record 1, field ngaySinh: a date must be an ISO/);
    expect(error?.message).not.toContain('05/09');
    expect(() => writeCsv([null as unknown as Record<string, unknown>], columns)).toThrow(
      /record 1 is not an object/,
    );
  });

  it('refuses a field longer than a spreadsheet cell', () => {
    const columns: CsvColumn[] = [{ header: 'A', field: 'a' }];
    expect(() => writeCsv([{ a: 'x'.repeat(32_767) }], columns)).not.toThrow();
    expect(() => writeCsv([{ a: 'x'.repeat(32_768) }], columns)).toThrow(
      /record 1, field a holds 32768 characters/,
    );
    expect(() => writeCsv([{ a: `=${'x'.repeat(32_766)}` }], columns)).toThrow(RangeError);
  });

  it('refuses layouts and options that are not ones', () => {
    expect(() => writeCsv([], [])).toThrow(/non-empty array of columns/);
    expect(() => writeCsv([], [{ header: ' ', field: 'a' }])).toThrow(/needs a header/);
    expect(() => writeCsv([], [{ header: 'A', field: '' }])).toThrow(/record field/);
    expect(() => writeCsv([], [{ header: 'A', field: 'a', kind: 'colour' as 'text' }])).toThrow(
      /unknown kind/,
    );
    expect(() =>
      writeCsv(
        [],
        [
          { header: 'Họ tên', field: 'a' },
          { header: 'HỌ TÊN', field: 'b' },
        ],
      ),
    ).toThrow(/two columns have the header/);
    const columns: CsvColumn[] = [{ header: 'A', field: 'a' }];
    expect(() => writeCsv([], columns, { delimiter: ':' as ',' })).toThrow(RangeError);
    expect(() => writeCsv([], columns, { encoding: 'latin1' as 'utf-8' })).toThrow(RangeError);
    expect(() => writeCsv([], columns, { decimalSeparator: '_' as '.' })).toThrow(RangeError);
    expect(() => writeCsv([], columns, { negativeNumbers: 'no' as 'plain' })).toThrow(RangeError);
  });
});

describe('writeCsvStream', () => {
  it('gives the bytes writeCsv gives, in chunks, from an async source', async () => {
    const pupils = generatedPupils(60);
    const many = Array.from({ length: 100 }, () => pupils).flat();
    async function* source() {
      yield* many;
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of writeCsvStream(source(), pupilMapping, { delimiter: ';' }))
      chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const whole = writeCsv(many, pupilMapping, { delimiter: ';' });
    expect(Buffer.concat(chunks).equals(whole)).toBe(true);
  });

  it('reports a bad value while iterating', async () => {
    const run = async () => {
      for await (const _ of writeCsvStream([{ a: [] }], [{ header: 'A', field: 'a' }])) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow(/record 1, field a/);
  });
});

describe('round trip', () => {
  it('readCsv gives back the records writeCsv wrote, formula-like text and negative numbers included', async () => {
    const records = [
      {
        hocSinhId: '0012',
        hoTen: '=HYPERLINK("http://example.invalid","x")',
        ngaySinh: '2018-09-05',
        maGioiTinh: '1',
        chieuCao: -1.5,
        namSinhMe: -1,
        isDoiVien: true,
        isHoc2Buoi: false,
        noiSinh: "'=not a formula",
      },
      { hocSinhId: '-07', hoTen: '@SUM(A1)', noiSinh: '+84 912', isDoiVien: false },
    ];
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const bytes = await everyKindAdapter.write?.({
        entity: 'HocSinh',
        records,
        options: { delimiter },
      });
      const back = await readCsvAll(everyKindAdapter, bytes as Uint8Array);
      expect(back.issues).toEqual([]);
      expect(back.records.map((r) => r.record)).toEqual(records);
    }
  });

  it("the kit's readAll opens with the adapter's options and removes the prefix too", async () => {
    const bytes = writeCsv([{ hocSinhId: 'HS1', noiSinh: '=1+1' }], everyKind);
    const kit = await readAll(everyKindAdapter, bytes);
    expect(kit.records[0]?.record['noiSinh']).toBe('=1+1');
    const ours = await readCsvAll(everyKindAdapter, bytes);
    expect(ours.records[0]?.record['noiSinh']).toBe('=1+1');
    const kept = csvAdapter({ mapping: everyKind, unquoteFormulas: false });
    expect((await readAll(kept, bytes)).records[0]?.record['noiSinh']).toBe("'=1+1");
  });

  it('generated pupils survive a write and a read in every delimiter and encoding', async () => {
    const fields = Object.keys(pupilMapping.columns);
    const pupils = generatedPupils(30).map((p) =>
      Object.fromEntries(
        fields.flatMap((f) =>
          p[f as keyof typeof p] === undefined ? [] : [[f, p[f as keyof typeof p]]],
        ),
      ),
    );
    for (const options of [
      {},
      { delimiter: ';' as const },
      { delimiter: '\t' as const, encoding: 'utf-16le' as const },
      { bom: false },
    ]) {
      const back = await readCsvAll(pupilsAdapter, writeCsv(pupils, pupilMapping, options));
      expect(back.records.map((r) => r.record)).toEqual(pupils);
    }
  });

  it('any text, in any field, comes back exactly as a cell (fast-check)', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({
        unit: fc.constantFrom(
          '=',
          '+',
          '-',
          '@',
          '\t',
          '\r',
          '\n',
          '"',
          ',',
          ';',
          '|',
          "'",
          'ễ',
          ' ',
        ),
        maxLength: 8,
      }),
    );
    const rows = fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 5,
    });
    const delimiter = fc.constantFrom(',' as const, ';' as const, '\t' as const, '|' as const);
    const encoding = fc.constantFrom('utf-8' as const, 'utf-16le' as const);
    const columns: CsvColumn[] = ['A', 'B', 'C'].map((h) => ({ header: h, field: h }));
    const clean = (s: string): string =>
      // biome-ignore lint/suspicious/noControlCharactersInRegex: what the writer leaves out.
      s.replace(/[\u0000-\u0008\u000E-\u001F]/g, '');
    await fc.assert(
      fc.asyncProperty(rows, delimiter, encoding, fc.boolean(), async (data, d, e, bom) => {
        const records = data.map((r) => ({ A: r[0], B: r[1], C: r[2] }));
        const bytes = writeCsv(records, columns, { delimiter: d, encoding: e, bom });
        const book = await openCsvFile(bytes, e === 'utf-16le' && !bom ? { encoding: e } : {});
        const got: (string | undefined)[][] = [];
        for await (const row of book.rows(0))
          got.push(row.cells.map((c) => c?.value as string | undefined));
        await book.close();
        const expected = [
          ['A', 'B', 'C'],
          ...data.map((r) => r.map((v) => (clean(v) === '' ? undefined : clean(v)))),
        ]
          .map((r) => {
            const out = [...r];
            while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
            return out;
          })
          .filter((r) => r.length > 0);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('any cleaned text and any number come back as the same field values (fast-check)', async () => {
    const adapter = csvAdapter({
      mapping: defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column('Mã học sinh', 'code', { required: true }),
          noiSinh: column('Nơi sinh', 'text'),
          chieuCao: column('Chiều cao', 'decimal'),
          namSinhMe: column('Năm sinh mẹ', 'integer'),
        },
      }),
    });
    const mapping = adapter.entities[0]?.mapping ?? everyKind;
    const record = fc.record({
      noiSinh: fc.string({ unit: 'binary' }).map(normalizeText),
      chieuCao: fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .filter((n) => !Object.is(n, -0)),
      namSinhMe: fc.maxSafeInteger().filter((n) => !Object.is(n, -0)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',' as const, ';' as const),
        async (list, delimiter) => {
          const records = list.map((r, i) => {
            const out: Record<string, unknown> = {
              hocSinhId: `HS${i}`,
              chieuCao: r.chieuCao,
              namSinhMe: r.namSinhMe,
            };
            if (r.noiSinh !== '') out['noiSinh'] = r.noiSinh;
            return out;
          });
          const back = await readCsvAll(adapter, writeCsv(records, mapping, { delimiter }));
          expect(back.records.map((r) => r.record)).toEqual(records);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('files written are detected as what they are', async () => {
    const bytes = writeCsv(
      [{ a: 'x;y' }],
      [
        { header: 'A', field: 'a' },
        { header: 'B', field: 'b' },
      ],
      {
        delimiter: ';',
      },
    );
    const book = await openCsv(bytes);
    expect([book.encoding, book.encodingSource, book.delimiter]).toEqual(['utf-8', 'bom', ';']);
    await book.close();
  });
});
