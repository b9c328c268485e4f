import { generateSchool } from '@eduvn/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputRecord } from '../core/types.ts';
import { validateSync } from '../validate.ts';
import { schemaRules } from './schema.ts';

const ASOF = '2026-05-31';

const pupils = generateSchool({
  seed: 13,
  schoolYear: '2025-2026',
  province: '79',
  pupils: 6,
}).hocSinhs;

/** The fields a pupil may be spoiled in, and how: left out, of the wrong type, too long. */
const FIELDS = ['hocSinhId', 'hoTen', 'ngaySinh', 'maGioiTinh', 'maLop', 'maDanToc', 'diaChi'];
const SPOILERS: readonly ((value: unknown) => unknown)[] = [
  () => undefined,
  () => 12,
  (value) => `${String(value)}${'x'.repeat(300)}`,
  () => 'not a date',
];

/** A pupil with some of its fields spoiled, and the fields a reader says it could not read. */
const spoiledPupil = fc
  .record({
    pupil: fc.constantFrom(...pupils),
    spoil: fc.array(
      fc.tuple(fc.constantFrom(...FIELDS), fc.integer({ min: 0, max: SPOILERS.length - 1 })),
      { maxLength: 4 },
    ),
    readErrors: fc.uniqueArray(fc.constantFrom(...FIELDS, 'khongCo'), { maxLength: 4 }),
  })
  .map(({ pupil, spoil, readErrors }) => {
    const record: Record<string, unknown> = { ...pupil };
    for (const [field, how] of spoil) {
      const value = (SPOILERS[how] as (value: unknown) => unknown)(record[field]);
      if (value === undefined) delete record[field];
      else record[field] = value;
    }
    return { record, readErrors };
  });

const topOf = (field: string | undefined): string | undefined => field?.split('.')[0];

describe('STD.SCHEMA.001 and readErrors', () => {
  it('drops exactly the issues at fields the reader reported, nothing else changes', () => {
    fc.assert(
      fc.property(fc.array(spoiledPupil, { minLength: 1, maxLength: 8 }), (cases) => {
        const plain: InputRecord[] = cases.map((c, i) => ({
          entity: 'HocSinh',
          record: c.record,
          provenance: { file: 'a.xlsx', sheet: 'S', row: i + 2 },
        }));
        const marked: InputRecord[] = plain.map((p, i) => ({
          ...p,
          readErrors: cases[i]?.readErrors ?? [],
        }));
        const options = { asOf: ASOF, rules: { only: schemaRules.map((r) => r.id) } };
        const before = validateSync(plain, options);
        const after = validateSync(marked, options);
        // The slow path, filtered as `@eduvn/check` filters it: a schema issue at a field of the
        // record's reading errors.
        const expected = before.issues.filter((issue) => {
          const errors = cases[(issue.location?.row ?? 0) - 2]?.readErrors ?? [];
          return !(
            issue.ruleId === 'STD.SCHEMA.001' &&
            issue.field !== undefined &&
            errors.includes(topOf(issue.field) as string)
          );
        });
        expect(after.issues).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('still reports a field the reader did not report', () => {
    const { hoTen: _, ...record } = pupils[0] as unknown as Record<string, unknown>;
    const item = { entity: 'HocSinh', record, provenance: { row: 3 } };
    const options = { asOf: ASOF, rules: { only: ['STD.SCHEMA.001'] } };
    const fields = (items: InputRecord[]) =>
      validateSync(items, options).issues.map((i) => i.field);
    expect(fields([item])).toEqual(['hoTen']);
    expect(fields([{ ...item, readErrors: ['ngaySinh'] }])).toEqual(['hoTen']);
    expect(fields([{ ...item, readErrors: ['hoTen'] }])).toEqual([]);
  });
});
