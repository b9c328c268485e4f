import type { z } from 'zod';
import { type EntitySchema, type FieldInfo, fieldsOf } from './entity.ts';

/** One field of an entity as the codecs walk it: its info and, for lists, the rows' plan. */
export interface FieldPlan {
  /** The field's metadata. */
  readonly info: FieldInfo;
  /** For `'list'` fields, how to walk each row. */
  readonly item?: EntityPlan;
}

/** An entity as the codecs walk it: fields in order, by canonical name and by wire symbol. */
export interface EntityPlan {
  /** The entity schema. */
  readonly schema: EntitySchema;
  /** Fields in the specification's order. */
  readonly fields: readonly FieldPlan[];
  /** Fields by canonical (camelCase) name. */
  readonly byName: ReadonlyMap<string, FieldPlan>;
  /** Fields by QĐ 4998 symbol. */
  readonly bySymbol: ReadonlyMap<string, FieldPlan>;
}

const plans = new WeakMap<EntitySchema, EntityPlan>();

/** The item schema of a list field: unwraps `optional` and `array`. */
function itemSchema(field: z.ZodType): EntitySchema {
  let s = field as z.ZodType & { unwrap?: () => z.ZodType; element?: z.ZodType };
  if (s.def.type === 'optional' && s.unwrap) s = s.unwrap();
  if (s.def.type !== 'array' || !s.element) throw new TypeError('a list field must be an array');
  return s.element as EntitySchema;
}

/**
 * The walking plan of an entity, built once and cached.
 *
 * @internal
 */
export function planOf(entity: EntitySchema): EntityPlan {
  const cached = plans.get(entity);
  if (cached) return cached;
  const fields = fieldsOf(entity).map((info): FieldPlan => {
    if (info.type !== 'list') return { info };
    const field = entity.shape[info.name] as z.ZodType;
    return { info, item: planOf(itemSchema(field)) };
  });
  const plan: EntityPlan = {
    schema: entity,
    fields,
    byName: new Map(fields.map((f) => [f.info.name, f])),
    bySymbol: new Map(fields.map((f) => [f.info.symbol, f])),
  };
  plans.set(entity, plan);
  return plan;
}
