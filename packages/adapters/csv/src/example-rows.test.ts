import { describe, expect, it } from 'vitest';
import { crlf, pupilsAdapter, utf8Bytes } from './fixtures.test-helper.ts';
import { inferCsvAdapter } from './infer-csv.ts';
import { readCsvAll } from './read-csv.ts';

// A form's filled-in example row under the header is skipped with its reason, never read as a
// pupil — with a written mapping and with one inferred from the file. Generated people only.

const FILE = crlf([
  'STT,Mã HS,Họ và tên,Ngày sinh,Giới tính',
  'Ví dụ,HS0000,Nguyễn Văn A,01/01/2018,Nam',
  '1,HS0001,Trần Thị Bình,05/09/2018,Nữ',
  '2,HS0002,Nguyễn Văn A,12/03/2018,Nam',
  '3,,,,',
]);

describe('example rows in a CSV file', () => {
  it('are skipped with their reason by a written mapping; a real Nguyễn Văn A is read', async () => {
    const result = await readCsvAll(pupilsAdapter, utf8Bytes(FILE));
    expect(result.records.map((r) => [r.provenance.row, r.record['hoTen']])).toEqual([
      [3, 'Trần Thị Bình'],
      [4, 'Nguyễn Văn A'],
    ]);
    expect(result.skipped.map((s) => [s.row, s.reason, s.detail])).toEqual([
      [2, 'example', 'an example row of the form, marked "Ví dụ" in A'],
      [5, 'numbered-blank', 'only the row number is filled (in A): a numbered line left blank'],
    ]);
  });

  it('are left out of the proposal and skipped by the inferred adapter', async () => {
    const bytes = utf8Bytes(FILE);
    const { adapter, proposal } = await inferCsvAdapter(bytes, 'HocSinh');
    expect(proposal.sampledRows).toBe(4);
    const result = await readCsvAll(adapter, bytes);
    expect(result.records.map((r) => r.provenance.row)).toEqual([3, 4]);
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([
      [2, 'example'],
      [5, 'numbered-blank'],
    ]);
  });

  it('without a marker, placeholders first under the header make one', async () => {
    const file = crlf([
      'Mã HS,Họ và tên,Ngày sinh,Số ĐDCN',
      'xxxxxx,Nguyễn Văn A,dd/mm/yyyy,000000000000',
      'HS0001,Trần Thị Bình,05/09/2018,001218001234',
    ]);
    const result = await readCsvAll(pupilsAdapter, utf8Bytes(file));
    expect(result.records.map((r) => r.provenance.row)).toEqual([3]);
    expect(result.skipped.map((s) => [s.row, s.reason])).toEqual([[2, 'example']]);
  });
});
