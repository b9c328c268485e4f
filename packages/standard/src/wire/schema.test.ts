import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITIES } from '../entities/all.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { Lop } from '../entities/lop.ts';
import { entityOf, fieldsOf } from '../meta/entity.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { encodeWire } from './codec.ts';
import { wireSchemaOf } from './schema.ts';

const RECORDS = ENTITIES.filter((e) => entityOf(e).kind === 'record');

describe('wireSchemaOf', () => {
  it('keys every field by its symbol, in the specification order', () => {
    expect(Object.keys(wireSchemaOf(Lop).shape)).toEqual(fieldsOf(Lop).map((f) => f.symbol));
  });

  it.each(RECORDS.map((e) => [entityOf(e).name, e] as const))(
    '%s: accepts what encodeWire writes',
    (_name, entity) => {
      const schema = wireSchemaOf(entity);
      fc.assert(
        fc.property(recordOf(entity), (record) => {
          expect(schema.safeParse(encodeWire(entity, record as never)).success).toBe(true);
        }),
        { numRuns: 30 },
      );
    },
  );

  it('refuses canonical keys, unknown symbols and over-long values', () => {
    const schema = wireSchemaOf(HocSinh);
    expect(schema.safeParse({ HOC_SINH_ID: 'HS1', HO_TEN: 'An' }).success).toBe(true);
    expect(schema.safeParse({ hocSinhId: 'HS1', hoTen: 'An' }).success).toBe(false);
    expect(schema.safeParse({ HOC_SINH_ID: 'HS1', HO_TEN: 'An', __proto__x: 1 }).success).toBe(
      false,
    );
    expect(schema.safeParse({ HOC_SINH_ID: 'HS1', HO_TEN: 'x'.repeat(51) }).success).toBe(false);
    expect(
      schema.safeParse({ HOC_SINH_ID: 'HS1', HO_TEN: 'An', LIST_KHEN_THUONG: [{ noiDung: 'x' }] })
        .success,
    ).toBe(false);
  });

  it('documents each field with its labels and is one reusable component per entity', () => {
    const hoTen = wireSchemaOf(HocSinh).shape['HO_TEN'];
    expect(hoTen && z.globalRegistry.get(hoTen)?.description).toMatch(
      /^Họ tên — Full name; max 50;/,
    );
    expect(wireSchemaOf(HocSinh)).toBe(wireSchemaOf(HocSinh));
    expect(z.globalRegistry.get(wireSchemaOf(HocSinh))?.id).toBe('HocSinh');
  });
});
