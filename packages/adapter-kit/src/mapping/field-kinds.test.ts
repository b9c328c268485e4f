import { DanhGiaHocSinh, fieldsOf, HocSinh } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { defaultKind, kindsForType } from './field-kinds.ts';

describe('defaultKind', () => {
  const kind = (entity: typeof HocSinh | typeof DanhGiaHocSinh, name: string) => {
    const field = fieldsOf(entity).find((f) => f.name === name);
    if (field === undefined) throw new Error(name);
    return defaultKind(field);
  };

  it('reads each field with the kind its type, catalog and name call for', () => {
    expect(kind(HocSinh, 'hoTen')).toBe('name');
    expect(kind(HocSinh, 'maGioiTinh')).toBe('sex');
    expect(kind(HocSinh, 'ngaySinh')).toBe('date');
    expect(kind(HocSinh, 'hocSinhId')).toBe('code');
    expect(kind(HocSinh, 'noiSinh')).toBe('text');
    expect(kind(HocSinh, 'isHoNgheo')).toBe('flag');
    expect(kind(HocSinh, 'namSinhMe')).toBe('integer');
    expect(kind(HocSinh, 'chieuCao')).toBe('decimal');
    expect(kind(HocSinh, 'listKhenThuong')).toBeNull();
    expect(kind(DanhGiaHocSinh, 'pcYeuNuoc')).toBe('traitLevel');
    expect(kind(DanhGiaHocSinh, 'ketQuaCuoiNam')).toBe('code');
  });

  it('never lets a kind fill a field it cannot', () => {
    expect(kindsForType('date')).toEqual(['date']);
    expect(kindsForType('list')).toEqual([]);
    expect(kindsForType('decimal')).toContain('integer');
  });
});
