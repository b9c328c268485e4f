import type { Adapter, ReadItem, ReadResult } from '@eduvn/adapter-kit';
import { describe, expectTypeOf, it } from 'vitest';
import {
  findPeriods,
  isSmasPeriod,
  PERIOD_TITLES,
  parsePeriod,
  readAllSmas,
  readSmas,
  type SmasAdapter,
  type SmasOptions,
  type SmasPeriod,
  smasAdapter,
} from './index.ts';

describe('types', () => {
  it('makes an adapter of the kit that keeps its options', () => {
    expectTypeOf(smasAdapter).parameter(0).toEqualTypeOf<SmasOptions>();
    expectTypeOf(smasAdapter({ truongId: '1' })).toExtend<Adapter>();
    expectTypeOf<SmasAdapter['options']>().toEqualTypeOf<Readonly<SmasOptions>>();
  });

  it('asks for the school code, and only a known period', () => {
    expectTypeOf<{ namHoc: '2024-2025' }>().not.toExtend<SmasOptions>();
    expectTypeOf<{ truongId: '1'; kyDanhGia: 'CK2' }>().not.toExtend<SmasOptions>();
    expectTypeOf<{ truongId: '1'; kyDanhGia: 'CK1'; khoi: 3 }>().toExtend<SmasOptions>();
  });

  it('reads periods as the four codes', () => {
    expectTypeOf(parsePeriod).returns.toEqualTypeOf<SmasPeriod | undefined>();
    expectTypeOf(findPeriods).returns.toEqualTypeOf<SmasPeriod[]>();
    expectTypeOf<SmasPeriod>().toEqualTypeOf<'GK1' | 'CK1' | 'GK2' | 'CN'>();
    expectTypeOf(PERIOD_TITLES).toEqualTypeOf<Readonly<Record<SmasPeriod, readonly string[]>>>();
    const value: unknown = 'CN';
    if (isSmasPeriod(value)) expectTypeOf(value).toEqualTypeOf<SmasPeriod>();
  });

  it('reads as the kit reads', () => {
    expectTypeOf(readSmas).returns.toEqualTypeOf<AsyncGenerator<ReadItem, void, undefined>>();
    expectTypeOf(readAllSmas).returns.toEqualTypeOf<Promise<ReadResult>>();
  });
});
