/**
 * A hand-written validator of the same rules as an entity's zod schema — the baseline the compiled
 * zod validator is measured against. Plain closures per field (typeof, length, range, a date
 * regex plus a calendar check, a Set for unknown keys), built once from the field metadata; no
 * zod at validation time.
 */
import { type EntitySchema, fieldsOf, OPEN_CODE_CAP, OPEN_TEXT_CAP } from '@eduvn/standard';
import { isIsoDate } from '@eduvn/text';
import type { z } from 'zod';

type Check = (value: unknown) => boolean;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function bounds(schema: z.ZodType): { min: number; max: number } {
  const inner = (
    schema.def.type === 'optional' ? (schema as z.ZodOptional).unwrap() : schema
  ) as z.ZodNumber;
  return {
    min: inner.minValue ?? Number.NEGATIVE_INFINITY,
    max: inner.maxValue ?? Number.POSITIVE_INFINITY,
  };
}

/** A validator returning `true` for a valid record. */
export function handWritten(entity: EntitySchema): (record: unknown) => boolean {
  const fields = fieldsOf(entity);
  const known = new Set(fields.map((f) => f.name));
  const checks: [name: string, required: boolean, check: Check][] = fields.map((f) => {
    const schema = entity.shape[f.name] as z.ZodType;
    let check: Check;
    switch (f.type) {
      case 'string': {
        const max = f.maxLength ?? OPEN_TEXT_CAP;
        const min = f.required ? 1 : 0;
        check = (v) => typeof v === 'string' && v.length <= max && v.length >= min;
        break;
      }
      case 'code': {
        if (f.values) {
          const values = new Set(f.values);
          check = (v) => typeof v === 'string' && values.has(v);
        } else {
          const max = f.maxLength ?? OPEN_CODE_CAP;
          check = (v) => typeof v === 'string' && v.length >= 1 && v.length <= max;
        }
        break;
      }
      case 'date':
        check = (v) => typeof v === 'string' && ISO.test(v) && isIsoDate(v);
        break;
      case 'dateTime':
        check = (v) => typeof v === 'string' && isIsoDate(v.slice(0, 10));
        break;
      case 'boolean':
        check = (v) => typeof v === 'boolean';
        break;
      case 'integer': {
        const { min, max } = bounds(schema);
        check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
        break;
      }
      case 'decimal': {
        const { min, max } = bounds(schema);
        check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
        break;
      }
      case 'list': {
        const inner = schema.def.type === 'optional' ? (schema as z.ZodOptional).unwrap() : schema;
        const row = handWritten((inner as z.ZodArray<EntitySchema>).element);
        check = (v) => Array.isArray(v) && v.every(row);
        break;
      }
    }
    return [f.name, f.required, check];
  });
  return (record) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
    const r = record as Record<string, unknown>;
    for (const key in r) if (!known.has(key)) return false;
    for (const [name, required, check] of checks) {
      const v = r[name];
      if (v === undefined) {
        if (required) return false;
      } else if (!check(v)) return false;
    }
    return true;
  };
}
