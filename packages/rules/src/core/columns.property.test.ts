import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localize, render } from './localize.ts';
import { placeOf } from './place.ts';
import { PlaceColumns } from './places.ts';
import { locate } from './report.ts';
import { ProvenanceColumns } from './targets.ts';
import type { Provenance } from './types.ts';

/** Rows as readers give them, and the odd ones a caller might (negative, fractional, -0, NaN). */
const rowArb = fc.oneof(
  fc.nat({ max: 1_100_000 }),
  fc.constantFrom(0, -0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 2 ** 40),
  fc.double(),
);

const columnsArb = fc.constantFrom<Provenance['columns']>(
  undefined,
  { hoTen: 'D', ngaySinh: 'E' },
  { hoTen: 'Họ và tên', maLop: 'B' },
);

/** Provenances: few files and sheets (as readers give), long names, missing parts. */
// `columns: undefined` written out too, as a caller's object may hold it.
const provenanceArb = fc.option(
  fc.record(
    {
      file: fc.oneof(fc.constantFrom('a.xlsx', 'b.csv'), fc.string({ maxLength: 120 })),
      sheet: fc.oneof(fc.constantFrom('HocSinh', 'Sheet1'), fc.string({ maxLength: 60 })),
      row: rowArb,
      columns: columnsArb,
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
) as unknown as fc.Arbitrary<Provenance | undefined>;

describe('PlaceColumns', () => {
  it('gives back, under each number, the place placeOf gives for its provenance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 300 }), provenanceArb, fc.nat({ max: 1_000 })), {
          maxLength: 60,
        }),
        (entries) => {
          const places = new PlaceColumns();
          const expected = new Map<number, Provenance | undefined>();
          for (const [n, provenance] of entries) {
            places.set(n, provenance);
            expected.set(n, provenance);
          }
          for (const [n, provenance] of expected) {
            for (const ordinal of [1, 57]) {
              expect(places.placeAt(n, ordinal)).toStrictEqual(placeOf(provenance, ordinal));
            }
          }
        },
      ),
    );
  });
});

describe('ProvenanceColumns', () => {
  it('gives back provenances that locate every field exactly as the originals do', () => {
    fc.assert(
      fc.property(fc.array(provenanceArb, { maxLength: 60 }), (provenances) => {
        const kept = new ProvenanceColumns();
        provenances.forEach((p, n) => {
          kept.set(n, p);
        });
        provenances.forEach((p, n) => {
          const back = kept.get(n);
          expect(back === undefined).toBe(p === undefined);
          for (const field of [undefined, 'hoTen', 'maLop', 'ngaySinh', 'monHocs.0.diem'])
            expect(locate(back, field)).toStrictEqual(locate(p, field));
        });
      }),
    );
  });
});

describe('render', () => {
  it("fills a template as the template's replace with a function did", () => {
    const reference = (template: string, params: Record<string, string | number>): string =>
      template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        Object.hasOwn(params, name) ? String(params[name]) : whole,
      );
    const pieceArb = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('{a}', '{b}', '{toString}', '{', '}', '{a', '{{b}}', '$&', '$1'),
    );
    fc.assert(
      fc.property(
        fc.array(pieceArb, { maxLength: 10 }).map((pieces) => pieces.join('')),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.string(), fc.integer())),
        (template, params) => {
          expect(render(template, params)).toBe(reference(template, params));
          expect(localize({ vi: template, en: template }, params).en).toBe(
            reference(template, params),
          );
        },
      ),
    );
  });
});
