import { describe, expect, it } from 'vitest';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { jsonPointer, wirePathOf } from './path.ts';

describe('wirePathOf', () => {
  it('translates canonical paths, dotted or as arrays, into wire symbols through sub-tables', () => {
    expect(wirePathOf(HocSinh, 'hoTen')).toEqual(['HO_TEN']);
    expect(wirePathOf(HocSinh, 'listKhenThuong.0.noiDung')).toEqual([
      'LIST_KHEN_THUONG',
      0,
      'NOI_DUNG',
    ]);
    expect(wirePathOf(HocSinh, ['listKhenThuong', 2, 'noiDung'])).toEqual([
      'LIST_KHEN_THUONG',
      2,
      'NOI_DUNG',
    ]);
    expect(wirePathOf(HocSinh, '')).toEqual([]);
  });

  it('keeps steps that are not fields as written', () => {
    expect(wirePathOf(HocSinh, '__proto__')).toEqual(['__proto__']);
    expect(wirePathOf(HocSinh, 'hoTen.x')).toEqual(['HO_TEN', 'x']);
  });
});

describe('jsonPointer', () => {
  it('writes RFC 6901 pointers, escaping ~ and /', () => {
    expect(jsonPointer([])).toBe('');
    expect(jsonPointer(['LIST_MON_HOC', 0, 'DIEM_KTDK'])).toBe('/LIST_MON_HOC/0/DIEM_KTDK');
    expect(jsonPointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
  });
});
