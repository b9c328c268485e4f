import { describe, expect, it } from 'vitest';
import { defineAdapter } from '../adapter/define.ts';
import { readAll } from '../adapter/read.ts';
import type { ReadItem } from '../adapter/types.ts';
import { findHeader } from '../layout/find-header.ts';
import { row } from '../layout/rows.test-helper.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';
import { bindMapping } from './bind-mapping.ts';
import { column } from './column.ts';
import { defineMapping, type MappingTransform } from './define-mapping.ts';
import { MAPPING_ISSUE_CODES, type MappingIssue, type MappingIssueCode } from './issue.ts';
import { mapRow } from './map-row.ts';

/**
 * Every issue adapter-kit makes carries a stable `code` (for the checker that turns read problems
 * into catalogued rules): each code of {@link MappingIssueCode} is produced here, where it belongs.
 */

const COLUMNS = {
  hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
  hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
  ngaySinh: column('Ngày sinh', 'date'),
  maGioiTinh: column('Giới tính', 'sex'),
  namSinhMe: column('Năm sinh mẹ', 'integer'),
};

const mapping = defineMapping({ entity: 'HocSinh', columns: COLUMNS });

const HEADER = row(1, ['Mã HS', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Năm sinh mẹ']);

function bound(m = mapping, header = HEADER) {
  const found = findHeader([header], m.vocabulary);
  if (found === undefined) throw new Error('no header');
  return bindMapping(m, found);
}

/** The code of each issue, by field. */
const codes = (issues: readonly MappingIssue[]): Record<string, MappingIssueCode | undefined> =>
  Object.fromEntries(issues.map((i) => [i.field ?? '', i.code]));

describe('MappingIssue codes', () => {
  it('names every code once', () => {
    expect(new Set(MAPPING_ISSUE_CODES).size).toBe(MAPPING_ISSUE_CODES.length);
    expect(MAPPING_ISSUE_CODES).toHaveLength(14);
  });

  it('codes the cell problems of mapRow: invalid dates and values, warnings, error cells, blanks', () => {
    const result = mapRow(bound(), row(2, ['HS1', '', '31/02/2019', 'F', { value: null }]));
    expect(codes(result.issues)).toEqual({
      hoTen: 'required-blank',
      ngaySinh: 'date-invalid',
      maGioiTinh: 'value-unusual',
      namSinhMe: 'cell-error',
    });
    const other = mapRow(bound(), row(3, ['HS2', 'An', { value: null }, 'Nam', 'bảy']));
    expect(codes(other.issues)).toEqual({ ngaySinh: 'cell-error', namSinhMe: 'value-invalid' });
  });

  it('codes cut cells, undecodable bytes and NUL characters', () => {
    const result = mapRow(
      bound(),
      row(2, [
        { value: 'HS1', truncated: true },
        { value: 'Nguy\0n', invalidText: true },
        { value: '0\uFFFD/09/2018', invalidText: true },
      ]),
    );
    expect(codes(result.issues)).toEqual({
      hocSinhId: 'cell-truncated',
      hoTen: 'nul-byte',
      ngaySinh: 'encoding-invalid',
    });
  });

  it('codes a failing transform hook and the foreign keys it returns', () => {
    const run = (transform: MappingTransform) =>
      mapRow(
        bound(defineMapping({ entity: 'HocSinh', columns: COLUMNS, transform })),
        row(2, ['HS1', 'An']),
      );
    const failed = run(() => {
      throw new Error('no');
    });
    expect(failed.issues.map((i) => i.code)).toEqual(['transform-failed']);
    const foreign = run((r) => ({ ...r, khongPhaiTruong: 1 }));
    expect(foreign.issues.map((i) => i.code)).toEqual(['transform-failed']);
  });

  it('codes the problems of bindMapping: a missing required column, an ambiguous one', () => {
    const b = bound(mapping, row(1, ['Mã HS', 'Ngày sinh', 'Ngày sinh']));
    expect(b.problems.map((p) => [p.field, p.code])).toEqual([
      ['hoTen', 'column-missing'],
      ['ngaySinh', 'column-ambiguous'],
    ]);
  });
});

describe('readWith issue codes', () => {
  const adapter = defineAdapter({
    id: 'codes',
    label: 'A pupil list',
    version: 'test',
    basis: 'a layout made for this test',
    formats: ['csv'],
    entities: [{ mapping }],
  });

  /** Every issue a read gives, the records' included, each with its code. */
  const allIssues = (result: Awaited<ReturnType<typeof readAll>>) => [
    ...result.issues,
    ...result.records.flatMap((r) => r.issues),
  ];

  it('codes the file and sheet problems, and every issue of a read has a code', async () => {
    const xlsx = writeXlsx([
      {
        name: 'Lacking',
        rows: [
          ['Mã HS', 'Ngày sinh', 'Giới tính', 'Năm sinh mẹ'],
          ['HS1', '01/01/2018', 'Nam', 1990],
        ],
      },
      {
        name: 'Partial',
        rows: [
          ['Mã HS', 'Họ và tên', 'Ngày sinh', 'Họ và tên'],
          ['HS1', 'An', '01/01/2018', 'An'],
        ],
      },
    ]);
    const result = await readAll(adapter, xlsx, { file: 'lop.xlsx' });
    const fileIssues = result.issues.map((i: Extract<ReadItem, { kind: 'issue' }>) => [
      i.sheet,
      i.code,
    ]);
    expect(fileIssues).toEqual([
      [undefined, 'wrong-format'],
      ['Lacking', 'column-missing'],
      ['Lacking', 'column-missing'],
      ['Partial', 'column-ambiguous'],
      ['Partial', 'column-absent'],
    ]);
    const none = await readAll(
      adapter,
      writeXlsx([
        {
          name: 'S',
          rows: [
            ['a', 'b'],
            [1, 2],
          ],
        },
      ]),
    );
    expect(none.issues.map((i) => i.code)).toEqual(['wrong-format', 'no-layout']);
    for (const issue of [...allIssues(result), ...allIssues(none)]) {
      expect(MAPPING_ISSUE_CODES, issue.problem).toContain(issue.code);
    }
  });

  it('codes a CSV file with invalid bytes, and the cells holding them', async () => {
    // The NUL comes after the first 64 KiB (earlier, the file is refused as binary).
    const padding = Array.from({ length: 4000 }, (_, i) => `P${i},Lê Văn Bình,\n`).join('');
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('Mã HS,Họ và tên,Ngày sinh\nHS1,An,\nHS2,L'),
      0xff,
      ...new TextEncoder().encode(`,\n${padding}HS3,B\0,\n`),
    ]);
    const result = await readAll(adapter, bytes, { file: 'hs.csv' });
    expect(result.issues.map((i) => i.code)).toContain('encoding-invalid');
    const byCode = result.records
      .filter((r) => r.issues.length > 0)
      .map((r) => [r.record['hocSinhId'], r.issues.map((i) => i.code)]);
    expect(byCode).toEqual([
      ['HS2', ['encoding-invalid']],
      ['HS3', ['nul-byte']],
    ]);
    for (const issue of allIssues(result)) {
      expect(MAPPING_ISSUE_CODES, issue.problem).toContain(issue.code);
    }
  });
});
