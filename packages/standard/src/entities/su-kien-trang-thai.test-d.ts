import { describe, expectTypeOf, it } from 'vitest';
import type { OptionalKeys, RequiredKeys } from './entity-conventions.test-helper.ts';
import type { SuKienTrangThai } from './su-kien-trang-thai.ts';

describe('SuKienTrangThai types', () => {
  it('types the subject kind as a literal union', () => {
    expectTypeOf<SuKienTrangThai['doiTuong']>().toEqualTypeOf<'HOC_SINH' | 'CAN_BO'>();
  });

  it('requires the event, the person, the new status and both dates', () => {
    expectTypeOf<RequiredKeys<SuKienTrangThai>>().toEqualTypeOf<
      | 'suKienId'
      | 'doiTuong'
      | 'truongId'
      | 'maDoiTuong'
      | 'trangThaiSau'
      | 'ngayHieuLuc'
      | 'ngayGhiNhan'
    >();
    expectTypeOf<OptionalKeys<SuKienTrangThai>>().toEqualTypeOf<
      'trangThaiTruoc' | 'maLyDo' | 'truongDenId' | 'truongDiId' | 'ghiChu' | 'nguoiGhiNhan'
    >();
  });

  it('keeps dates and date-times as text', () => {
    expectTypeOf<SuKienTrangThai['ngayHieuLuc']>().toEqualTypeOf<string>();
    expectTypeOf<SuKienTrangThai['ngayGhiNhan']>().toEqualTypeOf<string>();
    expectTypeOf<SuKienTrangThai['trangThaiTruoc']>().toEqualTypeOf<string | undefined>();
  });

  it('rejects an unknown subject kind at compile time', () => {
    // @ts-expect-error: staff are CAN_BO, not GIAO_VIEN
    const doiTuong: SuKienTrangThai['doiTuong'] = 'GIAO_VIEN';
    expectTypeOf(doiTuong).not.toBeNever();
  });
});
