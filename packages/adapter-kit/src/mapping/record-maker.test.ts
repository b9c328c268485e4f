import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findHeader } from '../layout/find-header.ts';
import { row } from '../layout/rows.test-helper.ts';
import { bindMapping } from './bind-mapping.ts';
import { column } from './column.ts';
import { defineMapping } from './define-mapping.ts';
import { mapRow, mapRowSharingColumns } from './map-row.ts';
import { refMapRow } from './reference.test-helper.ts';

// Records are built by a generated function per shape (an object literal), or, where a Content
// Security Policy forbids generating code, copied from a template and filled key by key. This file
// forbids it (module state is per test file), so the fallback is what runs here.

describe('records without generated code (a CSP without unsafe-eval)', () => {
  beforeAll(() => {
    vi.stubGlobal('Function', () => {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it('maps rows as before, keys in the mapping order', () => {
    const header = findHeader(
      [row(1, ['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính'])],
      [{ label: 'Mã học sinh' }, { label: 'Họ và tên' }],
      { minScore: 2 },
    );
    if (header === undefined) throw new Error('no header');
    const bound = bindMapping(
      defineMapping({
        entity: 'HocSinh',
        columns: {
          hocSinhId: column('Mã học sinh', 'code', { required: true }),
          hoTen: column('Họ và tên', 'name'),
          ngaySinh: column('Ngày sinh', 'date'),
          maGioiTinh: column('Giới tính', 'sex'),
        },
      }),
      header,
    );
    const rows = [
      row(2, ['HS1', 'Nguyễn Văn An', '05/09/2018', 'Nam']),
      row(3, ['HS2', undefined, 43_346, 'NỮ']),
      row(4, [undefined, 'LÊ THỊ HOÀ', '31/02/2018', 'F']),
      row(5, ['HS4', 'Trần Bình', '05/09/2018', 'Nam']),
    ];
    for (const r of rows) {
      const expected = refMapRow(bound, r);
      expect(mapRow(bound, r)).toEqual(expected);
      expect(mapRowSharingColumns(bound, r)).toEqual(expected);
      expect(Object.keys(mapRow(bound, r).record)).toEqual(Object.keys(expected.record));
    }
    expect(mapRow(bound, rows[0] ?? row(0, [])).record).toEqual({
      hocSinhId: 'HS1',
      hoTen: 'Nguyễn Văn An',
      ngaySinh: '2018-09-05',
      maGioiTinh: '1',
    });
  });
});
