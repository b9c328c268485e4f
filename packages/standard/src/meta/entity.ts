import { z } from 'zod';
import { type EntityMeta, entityRegistry, type FieldMeta, fieldRegistry } from './field-meta.ts';

/**
 * Defines an entity: a strict object schema (unknown keys are reported as issues, never dropped)
 * whose fields were made by a {@link FieldKit}, registered with its {@link EntityMeta}.
 *
 * @param meta - what the entity is and where it comes from
 * @param shape - its fields
 */
export function defineEntity<const Shape extends z.ZodRawShape>(
  meta: EntityMeta,
  shape: Shape,
): z.ZodObject<Shape, z.core.$strict> {
  for (const [name, schema] of Object.entries(shape)) {
    if (!fieldRegistry.has(schema)) {
      throw new TypeError(`${meta.name}.${name} was not made by a field kit: it has no metadata`);
    }
  }
  const schema = z.strictObject(shape);
  entityRegistry.add(schema, meta);
  return schema;
}

/** One field of an entity with its metadata, as {@link fieldsOf} lists them. */
export interface FieldInfo extends FieldMeta {
  /** The field's key in canonical records (camelCase of the symbol). */
  readonly name: string;
}

/** Any entity schema made by {@link defineEntity}. */
export type EntitySchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

const fieldsCache = new WeakMap<EntitySchema, readonly FieldInfo[]>();

/**
 * The fields of an entity, in the specification's order, each with its metadata (QĐ 4998 symbol,
 * labels, type, maximum length, catalog, sensitivity, source).
 *
 * @example
 * ```ts
 * fieldsOf(HocSinh).find((f) => f.name === 'maDanToc')
 * // { name: 'maDanToc', symbol: 'MA_DAN_TOC', type: 'code', catalog: 'DM_DAN_TOC', sensitivity: 'sensitive', … }
 * ```
 */
export function fieldsOf(entity: EntitySchema): readonly FieldInfo[] {
  const cached = fieldsCache.get(entity);
  if (cached) return cached;
  const meta = entityRegistry.get(entity);
  if (!meta) throw new TypeError('fieldsOf: not an eduvn entity schema');
  const fields = Object.entries(entity.shape).map(([name, schema]) => {
    const field = fieldRegistry.get(schema);
    if (!field) throw new TypeError(`fieldsOf: ${meta.name}.${name} has no metadata`);
    return { name, ...field };
  });
  fieldsCache.set(entity, fields);
  return fields;
}

/** The {@link EntityMeta} of an entity schema. */
export function entityOf(entity: EntitySchema): EntityMeta {
  const meta = entityRegistry.get(entity);
  if (!meta) throw new TypeError('entityOf: not an eduvn entity schema');
  return meta;
}
