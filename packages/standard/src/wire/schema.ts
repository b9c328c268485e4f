import { z } from 'zod';
import type { EntitySchema, FieldInfo } from '../meta/entity.ts';
import { entityRegistry } from '../meta/field-meta.ts';
import { planOf } from '../meta/plan.ts';

/** The zod schema of an entity's wire objects: QĐ 4998 symbols as keys (see {@link wireSchemaOf}). */
export type WireSchema = z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;

const cache = new WeakMap<EntitySchema, WireSchema>();

/** What a field's documentation says: its labels, then its maximum length, catalog and note. */
function describe(info: FieldInfo): string {
  const parts = [`${info.label.vi} — ${info.label.en}`];
  if (info.maxLength !== undefined) parts.push(`max ${info.maxLength}`);
  if (info.catalog !== undefined) parts.push(`catalog ${info.catalog}`);
  parts.push(`source: ${info.source}`);
  parts.push(`sensitivity: ${info.sensitivity}`);
  return `${parts.join('; ')}.${info.note === undefined ? '' : ` ${info.note}`}`;
}

/**
 * The zod schema of an entity's **wire objects** — the bodies of the city-database API: the same
 * field schemas as the canonical entity, keyed by QĐ 4998 symbol (UPPER_SNAKE), sub-tables as
 * arrays of their rows' wire objects, unknown keys refused. Each field carries its Vietnamese label
 * as `title` and its English label, length, catalog, source and sensitivity as `description`, so an
 * OpenAPI or JSON Schema generator documents the API from it. Registered under the entity's name
 * (`id`), so generators emit one reusable component per entity.
 *
 * For documenting and describing the wire format; to read a wire object use `decodeWire`, which
 * also reports cross-field checks and gives back a canonical record.
 *
 * @example
 * ```ts
 * Object.keys(wireSchemaOf(Lop).shape).slice(0, 3) // ['TRUONG_ID', 'DIEM_TRUONG_ID', 'MA'] (spec order)
 * ```
 */
export function wireSchemaOf(entity: EntitySchema): WireSchema {
  const cached = cache.get(entity);
  if (cached) return cached;
  const plan = planOf(entity);
  const meta = entityRegistry.get(entity);
  const shape: Record<string, z.ZodType> = {};
  for (const { info, item } of plan.fields) {
    let field: z.ZodType;
    if (item) {
      const rows = z.array(wireSchemaOf(item.schema));
      field = info.required ? rows : rows.optional();
    } else {
      field = entity.shape[info.name] as z.ZodType;
    }
    shape[info.symbol] = field.meta({ title: info.label.vi, description: describe(info) });
  }
  const schema = z.strictObject(shape).meta({
    id: meta?.name ?? 'WireObject',
    title: meta ? `${meta.name} — ${meta.label.vi}` : 'Wire object',
    description: meta ? `${meta.label.en} (${meta.code}; ${meta.source}).` : 'A wire object.',
  }) as WireSchema;
  cache.set(entity, schema);
  return schema;
}
