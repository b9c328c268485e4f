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

  it('answers as zod along a run of records whose keys come in changing orders (fast-check)', () => {
    // One check remembers where the last record named each key: records that keep the order, that
    // shuffle it, drop keys, add an unknown one or name a key at another place must all be judged
    // as zod judges them.
    const names = Object.keys(HocSinh.shape);
    const ordered = recordOf(HocSinh).chain((r) =>
      fc
        .tuple(fc.shuffledSubarray([...names, 'unknownField'], { minLength: 0 }), fc.boolean())
        .map(([keys, keep]) => {
          const source = r as Record<string, unknown>;
          const record: Record<string, unknown> = {};
          const order = keep ? names.filter((n) => keys.includes(n)) : keys;
          for (const key of order) {
            if (key === 'unknownField') record[key] = 1;
            else if (key in source) record[key] = source[key];
          }
          return record;
        }),
    );
    fc.assert(
      fc.property(fc.array(ordered, { minLength: 1, maxLength: 10 }), (records) => {
        const check = fieldsCheckOf(HocSinh) as NonNullable<ReturnType<typeof fieldsCheckOf>>;
        const zod = zodValidate(HocSinh);
        for (const record of records) {
          expect(check(record)).toBe(zod(record));
          expect(check(record)).toBe(zod(record));
        }
      }),
      { numRuns: 100 },
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

  it('remembers the last value only for a costly check; a text checked by its length is checked again', () => {
    let refined = 0;
    const entity = z.strictObject({
      code: z.string().refine((v) => {
        refined++;
        return v.startsWith('A');
      }),
      name: z.string().max(5),
      year: z.number().int().min(1900).max(2100).optional(),
    }) as unknown as EntitySchema;
    const check = fieldsCheckOf(entity) as NonNullable<ReturnType<typeof fieldsCheckOf>>;
    const zod = zodValidate(entity);
    const records = [
      { code: 'A1', name: 'abcde', year: 2000 },
      { code: 'A1', name: 'abcdef', year: 2000 },
      { code: 'A1', name: 'abcde', year: 1800 },
      { code: 'A1', name: 'abcde' },
      { code: 'B1', name: 'abcde' },
    ];
    refined = 0;
    const answers = records.map((r) => check(r));
    // The refinement ran for 'A1' once, then for 'B1'; the lengths and years were checked each time.
    expect(refined).toBe(2);
    refined = 0;
    expect(answers).toEqual(records.map((r) => zod(r)));
    expect(answers).toEqual([true, false, false, true, false]);
  });

  it('answers as zod along runs of records repeating texts, numbers and dates of equal length (fast-check)', () => {
    const entity = z.strictObject({
      id: z.string().min(1).max(12),
      born: z.iso.date().optional(),
      year: z.number().int().min(1900).max(2100).optional(),
      name: z
        .string()
        .regex(/^[a-z ]+$/)
        .max(8),
    }) as unknown as EntitySchema;
    const value = {
      id: fc.constantFrom('', '790000100001', '7900001000012', '79000010000'),
      born: fc.constantFrom('2019-02-28', '2019-02-31', '2019-13-01', undefined),
      year: fc.constantFrom(1899, 1900, 2000, 2100, 2101, 2000.5, undefined),
      name: fc.constantFrom('an', 'an b', 'AN', 'abcdefghi', 'abcdefgh'),
    };
    const record = fc.record(value, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 20 }), (records) => {
        const check = fieldsCheckOf(entity) as NonNullable<ReturnType<typeof fieldsCheckOf>>;
        const zod = zodValidate(entity);
        for (const r of records) {
          const plain = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
          expect(check(plain)).toBe(zod(plain));
        }
      }),
      { numRuns: 200 },
    );
  });

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
