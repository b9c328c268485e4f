import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../entities/all.ts';
import { DanhGiaHocSinh } from '../entities/danh-gia-hoc-sinh.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { entityOf } from '../meta/entity.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { compileValidator } from './compile.ts';
import { describeSchemaIssue } from './describe.ts';

describe('compileValidator', () => {
  it('accepts a valid record and returns it without copying', () => {
    const record = { hocSinhId: 'HS0001', hoTen: 'Trần Thị Thuỷ' };
    const result = compileValidator(HocSinh)(record);
    expect(result).toEqual({ ok: true, value: record });
    expect(result.ok && result.value).toBe(record);
  });

  it('reports every problem with canonical and symbol paths', () => {
    const result = compileValidator(HocSinh)({
      hoTen: 'x'.repeat(51),
      ngaySinh: '05/09/2016',
      isDoiVien: 'yes',
      extra: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path.join('.'), i.symbolPath.join('.')])).toEqual(
      expect.arrayContaining([
        ['invalid_type', 'hocSinhId', 'HOC_SINH_ID'],
        ['too_big', 'hoTen', 'HO_TEN'],
        ['invalid_format', 'ngaySinh', 'NGAY_SINH'],
        ['invalid_type', 'isDoiVien', 'IS_DOI_VIEN'],
        ['unrecognized_keys', '', ''],
      ]),
    );
  });

  it('reports a malformed date once, not twice', () => {
    const result = compileValidator(HocSinh)({
      hocSinhId: 'HS1',
      hoTen: 'A',
      ngaySinh: '2016/09/05',
    });
    expect(!result.ok && result.issues).toHaveLength(1);
  });

  it.each([null, undefined, 'HS0001', 42, [], new Date()])(
    'rejects %j without throwing',
    (value) => {
      expect(compileValidator(HocSinh)(value).ok).toBe(false);
    },
  );

  it.each(ENTITIES.map((e) => [entityOf(e).name, e] as const))(
    '%s: collects the very issues of plain safeParse, in order, from badly damaged records',
    (_name, entity) => {
      const validate = compileValidator(entity);
      const names = Object.keys(entity.shape);
      const damaged = fc
        .tuple(
          recordOf(entity),
          fc.array(fc.tuple(fc.constantFrom(...names), fc.anything()), { maxLength: 3 }),
          fc.array(fc.constantFrom(...names), { maxLength: 2 }),
          fc.array(fc.constantFrom('extra', '__proto__', 'HO_TEN', 'constructor'), {
            maxLength: 2,
          }),
        )
        .map(([record, changes, removed, extra]) => {
          const copy: Record<string, unknown> = { ...record };
          for (const [k, v] of changes) copy[k] = v;
          for (const k of removed) delete copy[k];
          const json = extra.map((k) => `${JSON.stringify(k)}:1`).join(',');
          return Object.assign(JSON.parse(`{${json}}`) as object, copy);
        });
      const shape = (issues: readonly { path: unknown; code: string; message: string }[]) =>
        issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
      fc.assert(
        fc.property(damaged, (record) => {
          const expected = entity.safeParse(record);
          const result = validate(record);
          expect(result.ok).toBe(expected.success);
          if (result.ok || expected.success) return;
          expect(shape(result.issues)).toEqual(shape(expected.error.issues));
          expect(result.issues.map((i) => i.zod)).toEqual(expected.error.issues);
        }),
        { numRuns: 60 },
      );
    },
  );

  it('describes the value of each issue without keeping it', () => {
    const result = compileValidator(HocSinh)({
      hocSinhId: 'HS1',
      hoTen: 'x'.repeat(51),
      isDoiVien: 1,
    });
    expect(!result.ok && result.issues.map((i) => i.seen)).toEqual([
      { kind: 'string', length: 51 },
      { kind: 'number' },
    ]);
    expect(JSON.stringify(result)).not.toContain('x'.repeat(51));
  });

  it.each(ENTITIES.map((e) => [entityOf(e).name, e] as const))(
    '%s: agrees with plain safeParse on valid and damaged records',
    (_name, entity) => {
      const validate = compileValidator(entity);
      const damaged = recordOf(entity).chain((r) =>
        fc
          .tuple(fc.constantFrom(...Object.keys(entity.shape)), fc.anything())
          .map(([k, v]) => ({ ...r, [k]: v })),
      );
      fc.assert(
        fc.property(fc.oneof(recordOf(entity), damaged), (record) => {
          // zod's own parse throws on some hostile values (`{ length: { toString: 0 } }`); the
          // validator reports those as issues instead (see the hostile-value tests below).
          let expected: boolean;
          try {
            expected = entity.safeParse(record).success;
          } catch {
            expected = false;
          }
          expect(validate(record).ok).toBe(expected);
        }),
        { numRuns: 40 },
      );
    },
  );
});

describe('compileValidator on hostile values', () => {
  const DANH_GIA = DanhGiaHocSinh;
  /** Objects zod's own code throws on: it reads `length` and converts it as a number. */
  const hostile: { length: unknown }[] = [
    { length: { toString: 0 } },
    { length: { valueOf: 0, toString: 0 } },
    {
      length: {
        [Symbol.toPrimitive]() {
          throw new Error('HS0001 Trần Thị Thuỷ');
        },
      },
    },
  ];

  it('reports a value zod throws on as an unreadable value on its field, never throwing', () => {
    const entity = DANH_GIA;
    const validate = compileValidator(entity);
    for (const value of hostile) {
      expect(() => entity.safeParse({ hocSinhId: value })).toThrow();
      const result = validate({ hocSinhId: value, truongId: 'T01' });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const issue = result.issues.find((i) => i.path[0] === 'hocSinhId');
      expect(issue).toMatchObject({
        code: 'custom',
        path: ['hocSinhId'],
        symbolPath: ['HOC_SINH_ID'],
        seen: { kind: 'object' },
      });
      // The error's message (which could quote personal data) is not carried.
      expect(issue?.message).not.toContain('Trần');
      const text = describeSchemaIssue(entity, issue as NonNullable<typeof issue>);
      expect(text.vi).toContain('không đọc được');
      expect(text.en).toContain('cannot be read');
      expect(text.en).not.toMatch(/Invalid input/);
    }
  });

  it('reports a record whose getter throws instead of throwing', () => {
    const validate = compileValidator(HocSinh);
    const record = {
      hocSinhId: 'HS0001',
      get hoTen(): string {
        throw new Error('boom');
      },
    };
    const result = validate(record);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.every((i) => !i.message.includes('boom'))).toBe(true);
  });

  it('never throws, whatever the field values (fast-check)', () => {
    const nasty = fc.oneof(
      fc.anything({ withObjectString: true, withNullPrototype: true, withBoxedValues: true }),
      fc.record({
        length: fc.oneof(
          fc.anything(),
          fc.constant({ toString: 0 }),
          fc.constant({ valueOf: 0, toString: 0 }),
        ),
        toString: fc.anything(),
        valueOf: fc.anything(),
      }),
    );
    for (const entity of [DANH_GIA, HocSinh]) {
      const validate = compileValidator(entity);
      const keys = Object.keys(entity.shape);
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: 6 }), (record) => {
          const result = validate(record);
          if (!result.ok) {
            for (const issue of result.issues) {
              const text = describeSchemaIssue(entity, issue);
              expect(text.vi.length).toBeGreaterThan(0);
            }
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});
