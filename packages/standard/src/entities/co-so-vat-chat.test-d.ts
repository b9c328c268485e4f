import { describe, expectTypeOf, it } from 'vitest';
import type {
  CoSoVatChat,
  KhuVeSinhTheoDoiTuong,
  NhaXeTheoDoiTuong,
  PhongHocTheoCapXd,
} from './co-so-vat-chat.ts';
import type { OptionalKeys, RequiredKeys } from './entity-conventions.test-helper.ts';

describe('CoSoVatChat types', () => {
  it('keys a record by school, site and school year', () => {
    expectTypeOf<RequiredKeys<CoSoVatChat>>().toEqualTypeOf<
      'truongId' | 'diemTruongId' | 'namHoc'
    >();
  });

  it('makes the breakdowns optional lists of typed rows', () => {
    expectTypeOf<'phongHocs' | 'khuVeSinhs' | 'nhaXes'>().toExtend<OptionalKeys<CoSoVatChat>>();
    expectTypeOf<CoSoVatChat['phongHocs']>().toEqualTypeOf<PhongHocTheoCapXd[] | undefined>();
    expectTypeOf<PhongHocTheoCapXd['capXayDung']>().toEqualTypeOf<
      'tren_cap_4' | 'cap_4' | 'duoi_cap_4' | 'muon'
    >();
    expectTypeOf<KhuVeSinhTheoDoiTuong['doiTuongSuDung']>().toEqualTypeOf<
      'gv_nam' | 'gv_nu' | 'hs_nam' | 'hs_nu'
    >();
    expectTypeOf<NhaXeTheoDoiTuong['doiTuongSuDung']>().toEqualTypeOf<'gv' | 'hs'>();
  });

  it('requires a count and a compliance flag, not an area', () => {
    expectTypeOf<RequiredKeys<PhongHocTheoCapXd>>().toEqualTypeOf<'capXayDung' | 'soLuong'>();
    expectTypeOf<RequiredKeys<KhuVeSinhTheoDoiTuong>>().toEqualTypeOf<
      'doiTuongSuDung' | 'datChuan' | 'soLuong'
    >();
    expectTypeOf<OptionalKeys<NhaXeTheoDoiTuong>>().toEqualTypeOf<'dienTich'>();
    expectTypeOf<KhuVeSinhTheoDoiTuong['datChuan']>().toEqualTypeOf<boolean>();
  });

  it('types areas and equipment flags', () => {
    expectTypeOf<CoSoVatChat['dienTich']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CoSoVatChat['isTbdhToan']>().toEqualTypeOf<boolean | undefined>();
  });
});
