import fc from 'fast-check';
import type { z } from 'zod';
import { type EntitySchema, type FieldInfo, fieldsOf } from '../meta/entity.ts';
import { OPEN_CODE_CAP } from '../meta/field-kit.ts';
import { planOf } from '../meta/plan.ts';

/**
 * fast-check arbitraries of valid records of any entity, derived from the field metadata and the
 * schemas' own bounds — for property tests of codecs, validators and masking. Test helper, not
 * published; realistic people and schools come from @eduvn/fixtures.
 */

const isoDay = fc
  .integer({ min: Date.UTC(1950, 0, 1) / 864e5, max: Date.UTC(2030, 11, 31) / 864e5 })
  .map((day) => new Date(day * 864e5).toISOString().slice(0, 10));

const schoolYear = fc.integer({ min: 2000, max: 2040 }).map((y) => `${y}-${y + 1}`);

const dateTime = fc
  .tuple(isoDay, fc.integer({ min: 0, max: 86_399 }), fc.constantFrom('Z', '+07:00', '-05:30'))
  .map(([day, s, offset]) => {
    const hh = String(Math.floor(s / 3600)).padStart(2, '0');
    const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
    const ss = String(s % 60).padStart(2, '0');
    return `${day}T${hh}:${mm}:${ss}${offset}`;
  });

/** The number schema under an optional wrapper, to read its bounds. */
function numberBounds(schema: z.ZodType): { min: number; max: number } {
  const inner = (
    schema.def.type === 'optional' ? (schema as z.ZodOptional).unwrap() : schema
  ) as z.ZodNumber;
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? 1e9 };
}

function fieldValue(entity: EntitySchema, field: FieldInfo): fc.Arbitrary<unknown> {
  const schema = entity.shape[field.name] as z.ZodType;
  const valid = (v: unknown): boolean => schema.safeParse(v).success;
  switch (field.type) {
    case 'string': {
      // A verified form (the 12-digit personal ID) that the JSON Schema states.
      if (field.pattern !== undefined) return fc.stringMatching(new RegExp(field.pattern));
      const max = Math.min(field.maxLength ?? 40, 40);
      const text = fc.string({
        minLength: field.required ? 1 : 0,
        maxLength: max,
        unit: 'grapheme-composite',
      });
      return fc.oneof(text, schoolYear).filter(valid);
    }
    case 'code':
      return field.values
        ? fc.constantFrom(...field.values)
        : fc.string({ minLength: 1, maxLength: Math.min(field.maxLength ?? OPEN_CODE_CAP, 12) });
    case 'date':
      return isoDay;
    case 'dateTime':
      return dateTime;
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const { min, max } = numberBounds(schema);
      return fc.integer({ min, max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    }
    case 'decimal': {
      const { min, max } = numberBounds(schema);
      return fc
        .double({ min, max: Math.min(max, 1e6), noNaN: true, noDefaultInfinity: true })
        .map((v) => (Object.is(v, -0) ? 0 : v));
    }
    case 'list': {
      const item = planOf(entity).byName.get(field.name)?.item?.schema;
      if (!item) throw new TypeError(`no row entity for ${field.name}`);
      return fc.array(recordOf(item), { maxLength: 2 }).filter(valid);
    }
    default:
      throw new TypeError(`no arbitrary for field type ${String(field.type)}`);
  }
}

const cache = new WeakMap<EntitySchema, fc.Arbitrary<Record<string, unknown>>>();

/** Valid records of `entity`: required fields always, optional fields sometimes. */
export function recordOf(entity: EntitySchema): fc.Arbitrary<Record<string, unknown>> {
  const cached = cache.get(entity);
  if (cached) return cached;
  const fields = fieldsOf(entity);
  const model = Object.fromEntries(fields.map((f) => [f.name, fieldValue(entity, f)]));
  const requiredKeys = fields.filter((f) => f.required).map((f) => f.name);
  const arb = fc
    .record(model, { requiredKeys })
    .filter((r) => entity.safeParse(r).success) as fc.Arbitrary<Record<string, unknown>>;
  cache.set(entity, arb);
  return arb;
}
