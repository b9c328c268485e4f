import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITIES } from '../entities/all.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import type { EntitySchema } from '../meta/entity.ts';
import { entityOf } from '../meta/entity.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { fieldsCheckOf } from './fields-check.ts';

/** zod's own compiled check of the whole entity, which `fieldsCheckOf` must never contradict. */
const zodValidate = (entity: EntitySchema) => {
  const compiled = z.compile(entity);
  return (value: unknown): boolean => compiled.validate(value);
};

describe('fieldsCheckOf', () => {
  it('covers every entity of the standard', () => {
    for (const entity of ENTITIES) expect(fieldsCheckOf(entity)).toBeTypeOf('function');
  });

  it.each(ENTITIES.map((e) => [entityOf(e).name, e] as const))(
    '%s: answers as zod on valid and damaged records, whatever the order of their keys',
    (_name, entity) => {
      const check = fieldsCheckOf(entity) as NonNullable<ReturnType<typeof fieldsCheckOf>>;
      const zod = zodValidate(entity);
      const names = Object.keys(entity.shape);
      const damaged = recordOf(entity).chain((r) =>
        fc
          .tuple(fc.constantFrom(...names, 'unknownField', '__proto__'), fc.anything())
          .map(([k, v]) => ({ ...r, [k]: v })),
      );
      const dropped = recordOf(entity).chain((r) =>
        fc.constantFrom(...names).map((k) => {
          const { [k]: _, ...rest } = r as Record<string, unknown>;
          return rest;
        }),
      );
      const reordered = recordOf(entity).map((r) =>
        Object.fromEntries(Object.entries(r as Record<string, unknown>).reverse()),
      );
      fc.assert(
        fc.property(fc.oneof(recordOf(entity), damaged, dropped, reordered), (record) => {
          expect(check(record)).toBe(zod(record));
        }),
        { numRuns: 60 },
      );
    },
  );

  it('answers as zod along a run of records that repeat values, valid and invalid, as a file does', () => {
    // Records mixed field by field from a few (some damaged): the same values come again and again,
    // in records zod accepts and in records it rejects. One check answers for the whole run.
    const names = Object.keys(HocSinh.shape);
    const damaged = recordOf(HocSinh).chain((r) =>
      fc
        .tuple(fc.constantFrom(...names), fc.oneof(fc.string(), fc.integer(), fc.constant('')))
        .map(([k, v]) => ({ ...r, [k]: v })),
    );
    const run = fc
      .tuple(
        fc.array(fc.oneof(recordOf(HocSinh), damaged), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(fc.nat(), { minLength: names.length, maxLength: names.length }), {
          minLength: 1,
          maxLength: 12,
        }),
      )
      .map(([pool, picks]) =>
        picks.map((pick) => {
          const record: Record<string, unknown> = {};
          names.forEach((name, i) => {
            const from = pool[(pick[i] as number) % pool.length] as Record<string, unknown>;
            if (name in from) record[name] = from[name];
          });
          return record;
        }),
      );
    fc.assert(
      fc.property(run, (records) => {
        const check = fieldsCheckOf(HocSinh) as NonNullable<ReturnType<typeof fieldsCheckOf>>;
        const zod = zodValidate(HocSinh);
        for (const record of records) {
          expect(check(record)).toBe(zod(record));
          expect(check(record)).toBe(zod(record));
        }
      }),
      { numRuns: 40 },
    );
  });

  const check = fieldsCheckOf(HocSinh) as NonNullable<ReturnType<typeof fieldsCheckOf>>;
  const zod = zodValidate(HocSinh);
  const valid = { hocSinhId: 'HS0001', hoTen: 'Trần Thị Thuỷ', ngaySinh: '2016-02-29' };

  it.each([null, undefined, 'HS0001', 42, [], [valid], new Date(), () => valid])(
    'rejects %j as zod does',
    (value) => {
      expect(check(value)).toBe(false);
      expect(zod(value)).toBe(false);
    },
  );

  it('never calls valid what zod rejects, however the record is made', () => {
    const inheritedEnumerable = Object.assign(Object.create({ hoTen: 'x'.repeat(60) }), {
      hocSinhId: 'HS1',
    });
    const inheritedValid = Object.assign(Object.create({ hoTen: 'An' }), { hocSinhId: 'HS1' });
    const hiddenInvalid = Object.defineProperty({ ...valid }, 'maLop', { value: 42 });
    const hiddenValid = Object.defineProperty({ ...valid }, 'maLop', { value: '1A' });
    const hiddenRequired = Object.defineProperty({ hoTen: 'An' }, 'hocSinhId', { value: 'HS1' });
    const hiddenUnknown = Object.defineProperty({ ...valid }, 'extra', { value: 1 });
    const nullPrototype = Object.assign(Object.create(null), valid);
    class Pupil {
      hocSinhId = 'HS1';
      hoTen = 'An';
      get maLop(): unknown {
        return 7;
      }
    }
    const withGetter = {
      hocSinhId: 'HS1',
      get hoTen() {
        return 'An';
      },
    };
    const parsedProto = JSON.parse('{"hocSinhId":"HS1","hoTen":"An","__proto__":{"a":1}}');
    for (const record of [
      valid,
      inheritedEnumerable,
      inheritedValid,
      hiddenInvalid,
      hiddenValid,
      hiddenRequired,
      hiddenUnknown,
      nullPrototype,
      new Pupil(),
      withGetter,
      parsedProto,
      { ...valid, ngaySinh: '2017-02-29' },
      { ...valid, ngaySinh: undefined },
      { ...valid, hoTen: undefined },
    ]) {
      const answer = check(record);
      // `true` only where zod says so; where this check cannot tell, zod is asked anyway.
      if (answer) expect(zod(record)).toBe(true);
      else if (record === valid) throw new Error('a valid record must pass');
    }
    expect(check(valid)).toBe(true);
    expect(check(hiddenInvalid)).toBe(false);
    expect(check(inheritedEnumerable)).toBe(false);
    expect(check({ ...valid, ngaySinh: undefined })).toBe(zod({ ...valid, ngaySinh: undefined }));
  });

  it('reads a field the record hides or inherits, as zod does', () => {
    const polluted = 'maKhoi';
    Object.defineProperty(Object.prototype, polluted, { value: 5, configurable: true });
    try {
      expect(zod(valid)).toBe(false);
      expect(check(valid)).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>)[polluted];
    }
    expect(check(valid)).toBe(true);
    // A getter inherited from Object.prototype answers for the record it is read on.
    Object.defineProperty(Object.prototype, polluted, {
      get(this: object) {
        return this === Object.prototype ? undefined : 7;
      },
      configurable: true,
    });
    try {
      expect(zod(valid)).toBe(false);
      expect(check(valid)).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>)[polluted];
    }
    expect(check(valid)).toBe(true);
  });
});
