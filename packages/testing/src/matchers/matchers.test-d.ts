import type { InputRecord, Report, ValidateOptions } from '@eduvn/rules';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {} from '../vitest.ts';
import type { EntityName } from './entity-name.ts';
import { type EduvnMatchersObject, eduvnMatchers } from './matchers.ts';
import type { MatcherResult } from './types.ts';

declare const records: InputRecord[];
declare const report: Report;

describe('matcher types', () => {
  it('adds toConformTo and toFailRule to expect(…), typed', () => {
    expectTypeOf(expect({}).toConformTo).parameter(0).toEqualTypeOf<EntityName>();
    expectTypeOf(expect({}).toConformTo('HocSinh')).toEqualTypeOf<void>();
    expectTypeOf(expect(records).toFailRule('ID.UNIQUE.001')).toEqualTypeOf<Promise<void>>();
    expectTypeOf(expect(report).not.toFailRule)
      .parameter(1)
      .toEqualTypeOf<ValidateOptions | undefined>();
    expectTypeOf(expect({}).not.toConformTo).toBeFunction();
  });

  it('refuses names that are no entity, and options that are not validate options', () => {
    // @ts-expect-error not an entity of the standard
    expect({}).toConformTo('Pupil');
    // @ts-expect-error asOf is a string
    void expect(records).toFailRule('ID.UNIQUE.001', { asOf: 20260531 });
  });

  it('offers only the synchronous matcher as an asymmetric one', () => {
    expectTypeOf(expect.toConformTo).parameter(0).toEqualTypeOf<EntityName>();
    expect({ a: 1 }).toEqual({ a: expect.toConformTo('Lop') });
    expect({ a: 1 }).toEqual({ a: expect.not.toConformTo('Lop') });
    // @ts-expect-error toFailRule is async: it has no asymmetric form
    expect.toFailRule('ID.UNIQUE.001');
  });

  it('gives expect.extend an object it takes, without needing vitest itself', () => {
    expectTypeOf(eduvnMatchers).toEqualTypeOf<EduvnMatchersObject>();
    expectTypeOf(eduvnMatchers).toExtend<Parameters<typeof expect.extend>[0]>();
    expectTypeOf(eduvnMatchers.toFailRule).returns.toEqualTypeOf<Promise<MatcherResult>>();
    expectTypeOf(eduvnMatchers.toConformTo).returns.toEqualTypeOf<MatcherResult>();
  });

  it('names every entity of the standard', () => {
    const names = [
      'Truong',
      'DiemTruong',
      'TruongVungKhoKhan',
      'Lop',
      'LopMonHoc',
      'CanBo',
      'CanBoDanhGiaChuan',
      'CanBoDaoTao',
      'CanBoKhenThuong',
      'CanBoKiemNhiem',
      'CanBoKyLuat',
      'CanBoNgoaiNgu',
      'HocSinh',
      'HocSinhBaoLuc',
      'HocSinhKhenThuong',
      'KetQuaHocTap',
      'DiemMon',
      'BaoCaoEqmsCuoiNam',
      'BaoCaoEqmsDauNam',
      'BaoCaoEqmsGiuaNam',
      'EqmsChatLuongGiaoDuc',
      'EqmsCsvcDienTichDat',
      'EqmsCsvcNhaVeSinh',
      'EqmsCsvcPhongHoc',
      'EqmsDiemKiemTraDinhKy',
      'EqmsDiemTruongCsvc',
      'EqmsDiemTruongLopHocSinh',
      'EqmsGiaoVien',
      'EqmsGiaoVienTiengAnh',
      'EqmsHoatDongChuyenMon',
      'EqmsLopHocSinh',
      'EqmsMoDunTapHuan',
      'DanhGiaHocSinh',
      'DanhGiaMonHoc',
      'CoSoVatChat',
      'KhuVeSinhTheoDoiTuong',
      'NhaXeTheoDoiTuong',
      'PhongHocTheoCapXd',
      'TaiChinh',
      'KhoanChi',
      'KhoanThu',
      'SuKienTrangThai',
    ] as const satisfies readonly EntityName[];
    expectTypeOf<Exclude<EntityName, (typeof names)[number]>>().toBeNever();
  });
});
