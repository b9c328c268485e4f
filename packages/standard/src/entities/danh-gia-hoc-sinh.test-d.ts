import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { DanhGiaHocSinh, DanhGiaMonHoc } from './danh-gia-hoc-sinh.ts';
import type { OptionalKeys, RequiredKeys } from './entity-conventions.test-helper.ts';

type MucPhamChatNangLuc = 'T' | 'Đ' | 'C';

describe('DanhGiaHocSinh types', () => {
  it('types the closed sets as literal unions', () => {
    expectTypeOf<DanhGiaHocSinh['kyDanhGia']>().toEqualTypeOf<'GK1' | 'CK1' | 'GK2' | 'CN'>();
    expectTypeOf<DanhGiaMonHoc['mucDat']>().toEqualTypeOf<'T' | 'H' | 'C'>();
    expectTypeOf<NonNullable<DanhGiaHocSinh['pcYeuNuoc']>>().toEqualTypeOf<MucPhamChatNangLuc>();
    expectTypeOf<NonNullable<DanhGiaHocSinh['nlTinHoc']>>().toEqualTypeOf<MucPhamChatNangLuc>();
    expectTypeOf<NonNullable<DanhGiaHocSinh['ketQuaCuoiNam']>>().toEqualTypeOf<
      'HTXS' | 'HTT' | 'HT' | 'CHT'
    >();
    expectTypeOf<NonNullable<DanhGiaHocSinh['khenThuong']>>().toEqualTypeOf<
      'HS_XUAT_SAC' | 'HS_TIEU_BIEU'
    >();
  });

  it('types numbers, booleans, text and the subject rows', () => {
    expectTypeOf<DanhGiaHocSinh['khoi']>().toEqualTypeOf<number>();
    expectTypeOf<DanhGiaHocSinh['namHoc']>().toEqualTypeOf<string>();
    expectTypeOf<DanhGiaHocSinh['monHocs']>().toEqualTypeOf<DanhGiaMonHoc[]>();
    expectTypeOf<DanhGiaMonHoc['diemKtdk']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<DanhGiaHocSinh['lenLop']>().toEqualTypeOf<boolean | undefined>();
  });

  it('makes exactly the identifying fields and the subject list required', () => {
    expectTypeOf<RequiredKeys<DanhGiaHocSinh>>().toEqualTypeOf<
      'truongId' | 'hocSinhId' | 'maLop' | 'khoi' | 'namHoc' | 'kyDanhGia' | 'monHocs'
    >();
    expectTypeOf<RequiredKeys<DanhGiaMonHoc>>().toEqualTypeOf<'maMonHoc' | 'mucDat'>();
    expectTypeOf<OptionalKeys<DanhGiaMonHoc>>().toEqualTypeOf<'diemKtdk'>();
    expectTypeOf<'nhanXet'>().toExtend<OptionalKeys<DanhGiaHocSinh>>();
    expectTypeOf<'pcTrachNhiem'>().toExtend<OptionalKeys<DanhGiaHocSinh>>();
  });

  it('has the same input and output (no transforms)', () => {
    expectTypeOf<z.input<typeof DanhGiaHocSinh>>().toEqualTypeOf<DanhGiaHocSinh>();
  });

  it('rejects wrong literals at compile time', () => {
    // @ts-expect-error: 'HK1' is not a TT27 period
    const ky: DanhGiaHocSinh['kyDanhGia'] = 'HK1';
    // @ts-expect-error: the ASCII D is not the level Đ
    const muc: DanhGiaHocSinh['pcChamChi'] = 'D';
    expectTypeOf(ky).not.toBeNever();
    expectTypeOf(muc).not.toBeNever();
  });
});
