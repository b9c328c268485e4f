import { describe, expect, it } from 'vitest';
import { findHeader } from '../layout/find-header.ts';
import { row } from '../layout/rows.test-helper.ts';
import type { HeaderMatch } from '../layout/types.ts';
import type { Row } from '../workbook/types.ts';
import { bindMapping } from './bind-mapping.ts';
import { pupils } from './pupil-mapping.test-helper.ts';

function headerOf(rows: Row[]): HeaderMatch {
  const header = findHeader(rows, pupils.vocabulary);
  if (header === undefined) throw new Error('no header');
  return header;
}

describe('bindMapping', () => {
  it('binds each mapping column to its header column, ignoring unknown columns', () => {
    const header = headerOf([
      row(4, [
        'STT',
        'Mã HS',
        'Họ và tên (*)',
        'Ngày sinh',
        'Giới tính',
        'Mã BHYT',
        'Dân tộc',
        'Số ĐDCN',
      ]),
    ]);
    const bound = bindMapping(pupils, header);
    const letters = Object.fromEntries(bound.bindings.map((b) => [b.name, b.column?.letter]));
    expect(letters).toMatchObject({
      hocSinhId: 'B',
      hoTen: 'C',
      ngaySinh: 'D',
      maGioiTinh: 'E',
      maDanToc: 'G',
      maCongDanId: 'H',
      maLop: undefined,
    });
    expect(bound.unmapped.map((c) => c.label)).toEqual(['STT', 'Mã BHYT']);
    expect(bound.missing).toEqual(['maLop', 'tinhThanhId', 'namSinhMe', 'chieuCao', 'isHoNgheo']);
    expect(bound.keyColumns).toEqual([1, 2]);
    expect(bound.problems).toEqual([]);
    expect(bound.bindings.find((b) => b.name === 'maCongDanId')?.sensitive).toBe(true);
  });

  it('reports a missing required column once, as an error', () => {
    const bound = bindMapping(pupils, headerOf([row(1, ['Mã HS', 'Ngày sinh', 'Giới tính'])]));
    expect(bound.problems).toEqual([
      {
        code: 'column-missing',
        field: 'hoTen',
        problem:
          "No column for the required field hoTen: expected a header like 'Họ tên' or 'Họ và tên'.",
        severity: 'error',
      },
    ]);
  });

  it('warns when a header fits two columns', () => {
    const bound = bindMapping(
      pupils,
      headerOf([row(1, ['Mã HS', 'Họ tên', 'Ngày sinh', 'Họ tên'])]),
    );
    expect(bound.problems).toEqual([
      expect.objectContaining({ field: 'hoTen', column: 'B', severity: 'warning' }),
    ]);
    expect(bound.problems[0]?.problem).toContain('Columns B and D');
  });
});
