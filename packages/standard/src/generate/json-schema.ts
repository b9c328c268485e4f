import { z } from 'zod';
import type { EntitySchema } from '../meta/entity.ts';
import { entityRegistry, fieldRegistry } from '../meta/field-meta.ts';
import { planOf } from '../meta/plan.ts';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = { [key: string]: unknown };

/** Which keys the schema describes: canonical records (camelCase) or wire objects (QĐ 4998 symbols). */
export type JsonSchemaForm = 'canonical' | 'wire';

function annotate(schema: z.ZodType, json: JsonSchema): void {
  const field = fieldRegistry.get(schema);
  if (field) {
    json['title'] = field.label.vi;
    json['description'] = field.label.en;
    if (field.type === 'date') json['format'] = 'date';
    if (field.pattern !== undefined) {
      // A verified form replaces the open-text safety cap: it bounds the length by itself.
      json['pattern'] = field.pattern;
      if (field.maxLength === undefined) delete json['maxLength'];
    }
    json['x-eduvn'] = {
      symbol: field.symbol,
      type: field.type,
      ...(field.maxLength === undefined ? {} : { maxLength: field.maxLength }),
      ...(field.catalog === undefined ? {} : { catalog: field.catalog }),
      ...(field.catalogInferred ? { catalogInferred: true } : {}),
      sensitivity: field.sensitivity,
      addedByEduvn: field.addedByEduvn,
      source: field.source,
      ...(field.note === undefined ? {} : { note: field.note }),
    };
    return;
  }
  const entity = entityRegistry.get(schema);
  if (entity) {
    json['title'] = `${entity.name} — ${entity.label.vi}`;
    json['description'] = entity.label.en;
    json['x-eduvn'] = {
      entity: entity.name,
      code: entity.code,
      source: entity.source,
      key: entity.key,
    };
  }
}

/** Renames `properties` and `required` from canonical names to wire symbols, following lists. */
function toWire(entity: EntitySchema, json: JsonSchema): JsonSchema {
  const plan = planOf(entity);
  const properties = json['properties'] as Record<string, JsonSchema> | undefined;
  const renamed: Record<string, JsonSchema> = {};
  for (const [name, prop] of Object.entries(properties ?? {})) {
    const field = plan.byName.get(name);
    if (!field) throw new TypeError(`toJsonSchema: ${name} has no field plan`);
    let value = prop;
    if (field.item) {
      const items = prop['items'] as JsonSchema;
      value = { ...prop, items: toWire(field.item.schema, items) };
    }
    renamed[field.info.symbol] = value;
  }
  const required = (json['required'] as string[] | undefined)?.map(
    (name) => plan.byName.get(name)?.info.symbol ?? name,
  );
  return { ...json, properties: renamed, ...(required ? { required } : {}) };
}

/**
 * The JSON Schema (draft 2020-12) of an entity, for validating data outside TypeScript: every
 * field with its maximum length, type and format, titled with its Vietnamese label, described in
 * English, and annotated under `x-eduvn` with its QĐ 4998 symbol, catalog (and whether it is
 * inferred), sensitivity, whether eduvn adds it, and source. A field with a verified form
 * (`FieldMeta.pattern`: `MA_CONG_DAN_ID`, 12 digits) gets it as `pattern` instead of the
 * open-text safety cap — a form the SDK checks in its rules engine rather than in the zod schema.
 * `form: 'wire'` describes the API's wire objects (keys are QĐ 4998 symbols) instead of canonical
 * records. Checks JSON Schema cannot express (a real calendar date) are left to the SDK.
 */
export function toJsonSchema(entity: EntitySchema, form: JsonSchemaForm = 'canonical'): JsonSchema {
  const json = z.toJSONSchema(entity, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) =>
      annotate(ctx.zodSchema as unknown as z.ZodType, ctx.jsonSchema as JsonSchema),
  }) as JsonSchema;
  return form === 'wire' ? toWire(entity, json) : json;
}
