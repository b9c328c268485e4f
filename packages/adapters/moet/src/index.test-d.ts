import type { Adapter } from '@eduvn/adapter-kit';
import { expectTypeOf, test } from 'vitest';
import {
  c1HocSinh,
  createC1HocSinh,
  csdlGiaoVien,
  KQHT_LAYOUTS,
  type KqhtLayout,
  type KqhtLayoutId,
  type KqhtOptions,
  type KqhtValue,
  type KqhtWriteError,
  type KqhtWriteProblem,
  kqhtAdapter,
} from './index.ts';

test('the adapters are adapter-kit adapters', () => {
  expectTypeOf(c1HocSinh).toEqualTypeOf<Adapter>();
  expectTypeOf(csdlGiaoVien).toEqualTypeOf<Adapter>();
  expectTypeOf(createC1HocSinh).returns.toEqualTypeOf<Adapter>();
  expectTypeOf(kqhtAdapter).returns.toEqualTypeOf<Adapter>();
});

test('kqhtAdapter takes the values of the upload form', () => {
  expectTypeOf(kqhtAdapter).parameter(0).toEqualTypeOf<KqhtOptions>();
  expectTypeOf<KqhtOptions['kyDanhGia']>().toEqualTypeOf<'GK1' | 'CK1' | 'GK2' | 'CN'>();
  // @ts-expect-error the period is a code, not the form's label
  kqhtAdapter({ khoi: 1, kyDanhGia: 'Cuối năm học', namHoc: '2024-2025', truongId: '79000001' });
  // @ts-expect-error the school is required
  kqhtAdapter({ khoi: 1, kyDanhGia: 'CN', namHoc: '2024-2025' });
});

test('the layouts describe their columns with typed values', () => {
  expectTypeOf(KQHT_LAYOUTS).toEqualTypeOf<Readonly<Record<KqhtLayoutId, KqhtLayout>>>();
  expectTypeOf<'mucDat:TOAN'>().toExtend<KqhtValue>();
  expectTypeOf<'nlCongNghe'>().toExtend<KqhtValue>();
  expectTypeOf<'hoTenCha'>().not.toExtend<KqhtValue>();
  expectTypeOf<KqhtWriteError['problems']>().toEqualTypeOf<readonly KqhtWriteProblem[]>();
});
