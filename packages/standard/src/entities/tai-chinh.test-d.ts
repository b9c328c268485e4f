import { describe, expectTypeOf, it } from 'vitest';
import type { OptionalKeys, RequiredKeys } from './entity-conventions.test-helper.ts';
import type { KhoanChi, KhoanThu, TaiChinh } from './tai-chinh.ts';

describe('TaiChinh types', () => {
  it('requires every field of the record', () => {
    expectTypeOf<RequiredKeys<TaiChinh>>().toEqualTypeOf<
      'truongId' | 'namTaiChinh' | 'khoanThus' | 'khoanChis'
    >();
    expectTypeOf<OptionalKeys<TaiChinh>>().toBeNever();
  });

  it('types the rows: a catalog code, a number of đồng, an optional note', () => {
    expectTypeOf<TaiChinh['khoanThus']>().toEqualTypeOf<KhoanThu[]>();
    expectTypeOf<TaiChinh['khoanChis']>().toEqualTypeOf<KhoanChi[]>();
    expectTypeOf<KhoanThu>().toEqualTypeOf<{
      nguonThu: string;
      soTien: number;
      ghiChu?: string | undefined;
    }>();
    expectTypeOf<OptionalKeys<KhoanChi>>().toEqualTypeOf<'ghiChu'>();
    expectTypeOf<TaiChinh['namTaiChinh']>().toEqualTypeOf<number>();
  });
});
