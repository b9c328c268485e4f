import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../entities/all.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { entityOf } from '../meta/entity.ts';
import { recordOf } from '../testing/record-arbitrary.test-helper.ts';
import { compileValidator } from './compile.ts';

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
          expect(validate(record).ok).toBe(entity.safeParse(record).success);
        }),
        { numRuns: 40 },
      );
    },
  );
});
