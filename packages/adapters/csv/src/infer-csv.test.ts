import { AdapterError } from '@eduvn/adapter-kit';
import { describe, expect, it } from 'vitest';
import { describeProposal } from './describe-proposal.ts';
import { crlf, generatedPupils, k12LikeFile, utf8Bytes } from './fixtures.test-helper.ts';
import { DEFAULT_MIN_CONFIDENCE, inferCsvAdapter } from './infer-csv.ts';
import { readCsvAll } from './read-csv.ts';
import { encodeWindows1258 } from './windows-1258.test-helper.ts';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('inferCsvAdapter', () => {
  it('proposes a mapping for a K12Online-like export and reads it', async () => {
    const file = k12LikeFile();
    const { adapter, proposal } = await inferCsvAdapter(file, 'HocSinh', {
      file: 'tai-khoan.csv',
    });
    expect(proposal).toMatchObject({
      entity: 'HocSinh',
      file: 'tai-khoan.csv',
      encoding: 'utf-8',
      encodingSource: 'bom',
      delimiter: ',',
      headerRow: 1,
      lastHeaderRow: 1,
      sampledRows: 12,
      minConfidence: DEFAULT_MIN_CONFIDENCE,
      unmapped: [],
    });
    expect(proposal.columns.map((c) => [c.letter, c.field, c.kind, c.status])).toEqual([
      ['A', 'thuTu', 'integer', 'mapped'],
      ['B', 'hoTen', 'name', 'mapped'],
      ['C', 'maGioiTinh', 'sex', 'mapped'],
      ['D', 'maLop', 'code', 'mapped'],
      ['E', 'ngaySinh', 'date', 'mapped'],
      ['F', 'tenMe', 'name', 'mapped'],
      ['G', 'namSinhMe', 'integer', 'mapped'],
      ['H', 'tenNguoiDd', 'name', 'mapped'],
      ['I', 'namSinhNguoiDoDau', 'integer', 'mapped'],
    ]);
    expect(proposal.columns.every((c) => c.confidence >= 0.9 && c.reasons.length > 0)).toBe(true);
    expect(adapter).toMatchObject({
      id: 'csv-hocsinh',
      formats: ['csv'],
      version: '1',
      label: 'CSV file of HocSinh, layout inferred from tai-khoan.csv',
    });
    expect(adapter.basis).toMatch(/inferred/);

    const { records, issues } = await readCsvAll(adapter, file, { file: 'tai-khoan.csv' });
    expect(issues).toEqual([]);
    const pupils = generatedPupils(12);
    expect(records.map((r) => r.record['hoTen'])).toEqual(pupils.map((p) => p.hoTen));
    expect(records.map((r) => r.record['ngaySinh'])).toEqual(pupils.map((p) => p.ngaySinh));
    expect(records.map((r) => r.record['namSinhMe'])).toEqual(pupils.map((p) => p.namSinhMe));
    expect(records[0]?.provenance.columns['tenMe']).toBe('F');
  });

  it("reads a school's edited copy of the export, pupil code included", async () => {
    const file = k12LikeFile('school-copy');
    const { adapter, proposal } = await inferCsvAdapter(file, 'HocSinh');
    expect(proposal.columns.map((c) => c.field)).toEqual([
      'thuTu',
      'hocSinhId',
      'hoTen',
      'maGioiTinh',
      'maLop',
      'ngaySinh',
      'tenMe',
      'namSinhMe',
    ]);
    const { records } = await readCsvAll(adapter, file);
    expect(records.map((r) => r.record['hocSinhId'])).toEqual(
      generatedPupils(12).map((p) => p.hocSinhId),
    );
  });

  it('describes the proposal in lines a person can review, without any value', async () => {
    const text = crlf([
      'DANH SÁCH HỌC SINH,,,,,',
      ',,,,,',
      'Họ và tên,Ngày sinh,Giới tính,Ghi chú,__proto__,Năm',
      'Nguyễn Văn An,05/09/2018,Nam,,x,1990',
      'Lê Thị Hoa,12/10/2018,Nữ,,y,1988',
    ]);
    const { proposal } = await inferCsvAdapter(utf8Bytes(text), 'HocSinh', { file: 'ds.csv' });
    const lines = describeProposal(proposal);
    expect(lines[0]).toBe(
      'CSV file "ds.csv": UTF-8 (valid UTF-8 throughout), comma (,) delimited, header on row 3, 2 data rows sampled.',
    );
    expect(lines[1]).toMatch(
      /^HocSinh: 3 of 6 columns mapped \(confidence at least 0.7\), \d below it, \d not mapped\.$/,
    );
    expect(lines[2]).toMatch(
      /^ {2}A "Họ và tên" → hoTen \(name\), confidence 0\.\d\d — the header is a known one/,
    );
    expect(lines.find((l) => l.includes('"Ghi chú"'))).toMatch(
      /not mapped — no field of HocSinh resembles/,
    );
    expect(lines.find((l) => l.includes('"__proto__"'))).toMatch(/not mapped/);
    expect(lines.join('\n')).not.toMatch(/Nguyễn|Lê Thị|05\/09|1990/);
    expect(proposal.unmapped.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Ghi chú', '__proto__']),
    );
  });

  it('keeps low-confidence columns in the proposal but out of the adapter', async () => {
    const text = crlf([
      'Họ và tên,Ngày sinh,Giới tính,Số',
      ...generatedPupils(6).map(
        (p) =>
          `${p.hoTen},${(p.ngaySinh ?? '').split('-').reverse().join('/')},${p.maGioiTinh === '1' ? 'Nam' : 'Nữ'},${p.maCongDanId}`,
      ),
    ]);
    const { adapter, proposal } = await inferCsvAdapter(utf8Bytes(text), 'HocSinh');
    const id = proposal.columns.find((c) => c.letter === 'D');
    expect(id).toMatchObject({ field: 'maCongDanId', status: 'below-threshold' });
    expect(id?.confidence).toBeLessThan(0.7);
    expect(Object.keys(adapter.entities[0]?.mapping.columns ?? {})).toEqual([
      'hoTen',
      'ngaySinh',
      'maGioiTinh',
    ]);
    expect(describeProposal(proposal).find((l) => l.startsWith('  D'))).toMatch(
      /→ maCongDanId \(code\), confidence 0\.60, below 0\.7: left out until confirmed — .*12-digit personal IDs/,
    );

    const lower = await inferCsvAdapter(utf8Bytes(text), 'HocSinh', { minConfidence: 0.5 });
    expect(Object.keys(lower.adapter.entities[0]?.mapping.columns ?? {})).toContain('maCongDanId');
    const read = await readCsvAll(lower.adapter, utf8Bytes(text));
    expect(read.records[0]?.record['maCongDanId']).toBe(generatedPupils(1)[0]?.maCongDanId);
  });

  it('reads Windows-1258 and semicolons, and reports how', async () => {
    const text = crlf(['Mã HS;Họ tên;Ngày sinh;Chiều cao', 'HS1;Nguyễn Thị Ánh;01/02/2018;112,5']);
    const { adapter, proposal } = await inferCsvAdapter(encodeWindows1258(text), 'HocSinh');
    expect([proposal.encoding, proposal.encodingSource, proposal.delimiter]).toEqual([
      'windows-1258',
      'fallback',
      ';',
    ]);
    expect(describeProposal(proposal)[0]).toBe(
      'CSV file: WINDOWS-1258 (not valid UTF-8, so read as Windows-1258), semicolon (;) delimited, header on row 1, 1 data row sampled.',
    );
    const read = await readCsvAll(adapter, encodeWindows1258(text));
    expect(read.records[0]?.record).toEqual({
      hocSinhId: 'HS1',
      hoTen: 'Nguyễn Thị Ánh',
      ngaySinh: '2018-02-01',
      chieuCao: 112.5,
    });
  });

  it('takes the header row it is given when nothing names the fields', async () => {
    const text = crlf(['Export 2025', 'col1,col2,col3', 'Nam,079218001234,x', 'Nữ,079318004321,y']);
    const error = await failure(inferCsvAdapter(utf8Bytes(text), 'HocSinh', { file: 'e.csv' }));
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('no-data-sheet');
    expect((error as AdapterError).message).toMatch(/e\.csv.*pass headerRow/);

    const { proposal, adapter } = await inferCsvAdapter(utf8Bytes(text), 'HocSinh', {
      headerRow: 2,
      minConfidence: 0.6,
    });
    expect(proposal.columns.map((c) => [c.label, c.field])).toEqual([
      ['col1', 'maGioiTinh'],
      ['col2', 'maCongDanId'],
      ['col3', null],
    ]);
    const read = await readCsvAll(adapter, utf8Bytes(text));
    expect(read.records.map((r) => r.record['maGioiTinh'])).toEqual(['1', '2']);

    const missing = await failure(inferCsvAdapter(utf8Bytes(text), 'HocSinh', { headerRow: 9 }));
    expect((missing as AdapterError).message).toMatch(/no row 9/);
  });

  it('refuses when no column reaches the threshold, listing the proposal', async () => {
    const text = crlf(['Họ và tên,Ngày sinh', 'Nguyễn Văn An,05/09/2018']);
    const error = await failure(inferCsvAdapter(utf8Bytes(text), 'HocSinh', { minConfidence: 1 }));
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).code).toBe('no-data-sheet');
    expect((error as AdapterError).message).toMatch(/reaches the confidence of 1[\s\S]*hoTen/);
    expect((error as AdapterError).message).not.toContain('Nguyễn');
  });

  it('samples only the rows it is asked to', async () => {
    const text = crlf([
      'Họ và tên,Ngày sinh,Giới tính',
      ...Array.from({ length: 50 }, (_, i) => `Học Sinh ${i},01/01/2018,Nam`),
    ]);
    const { proposal } = await inferCsvAdapter(utf8Bytes(text), 'HocSinh', { sampleRows: 7 });
    expect(proposal.sampledRows).toBe(7);
    const deep = crlf([
      ...Array.from({ length: 40 }, () => 'x'),
      'Họ và tên,Ngày sinh',
      'An,01/01/2018',
    ]);
    await expect(inferCsvAdapter(utf8Bytes(deep), 'HocSinh')).rejects.toThrow(/first 30/);
    const found = await inferCsvAdapter(utf8Bytes(deep), 'HocSinh', { headerSearchRows: 45 });
    expect(found.proposal.headerRow).toBe(41);
  });

  it('refuses unknown entities, bad options and files that are not CSV', async () => {
    const file = k12LikeFile();
    await expect(inferCsvAdapter(file, 'Hocsinh')).rejects.toThrow(/unknown entity "Hocsinh"/);
    await expect(inferCsvAdapter(file, 'HocSinh', { minConfidence: 2 })).rejects.toThrow(
      RangeError,
    );
    await expect(inferCsvAdapter(file, 'HocSinh', { headerRow: 0 })).rejects.toThrow(RangeError);
    await expect(inferCsvAdapter(file, 'HocSinh', { sampleRows: 1.5 })).rejects.toThrow(RangeError);
    const zip = await failure(
      inferCsvAdapter(Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0, 0), 'HocSinh'),
    );
    expect((zip as AdapterError).code).toBe('wrong-file-type');
  });

  it('names the adapter as asked and passes the CSV options on', async () => {
    const { adapter } = await inferCsvAdapter(k12LikeFile(), 'HocSinh', {
      id: 'k12online-accounts',
      label: 'K12Online accounts',
      version: '2025',
      basis: 'a model of K12Online account exports',
      delimiter: ',',
      write: { delimiter: ';' },
    });
    expect(adapter).toMatchObject({
      id: 'k12online-accounts',
      label: 'K12Online accounts',
      version: '2025',
      basis: 'a model of K12Online account exports',
      csv: { delimiter: ',' },
      writeOptions: { delimiter: ';' },
    });
  });
});
