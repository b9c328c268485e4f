import { describe, expectTypeOf, it } from 'vitest';
import { type K12OnlineField, writeK12Online } from './index.ts';

describe('types', () => {
  it('writes records to .xlsx bytes, asynchronously', () => {
    expectTypeOf(writeK12Online).returns.toEqualTypeOf<Promise<Uint8Array>>();
    expectTypeOf(writeK12Online)
      .parameter(1)
      .toEqualTypeOf<{ readonly template?: Uint8Array; readonly sheetName?: string } | undefined>();
  });

  it('names the eight fields of the template', () => {
    expectTypeOf<K12OnlineField>().toEqualTypeOf<
      | 'hoTen'
      | 'maGioiTinh'
      | 'maLop'
      | 'ngaySinh'
      | 'tenMe'
      | 'namSinhMe'
      | 'tenNguoiDd'
      | 'namSinhNguoiDoDau'
    >();
  });
});
