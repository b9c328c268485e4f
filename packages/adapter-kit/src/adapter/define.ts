import type { Adapter, AdapterDefinition } from './types.ts';

const ID = /^[a-z][a-z0-9-]*$/;

/**
 * Defines an adapter — one source layout as a plugin — checking it: a lower-case id, a version,
 * an honest basis, at least one format and one entity, no entity twice.
 *
 * @example
 * ```ts
 * const myVendor = defineAdapter({
 *   id: 'my-vendor', label: 'My vendor pupil list', version: '2025', basis: 'a model of files seen',
 *   formats: ['xlsx', 'csv'],
 *   entities: [{ mapping: defineMapping({ entity: 'HocSinh', columns: { hoTen: column('Họ tên', 'name', { required: true }) } }) }],
 * });
 * ```
 */
export function defineAdapter(definition: AdapterDefinition): Adapter {
  if (!ID.test(definition.id)) {
    throw new TypeError(
      `defineAdapter: id ${JSON.stringify(definition.id)} must be lower-case letters, digits and dashes`,
    );
  }
  for (const key of ['label', 'version', 'basis'] as const) {
    if (!definition[key]?.trim())
      throw new TypeError(`defineAdapter ${definition.id}: ${key} is required`);
  }
  if (definition.open !== undefined && typeof definition.open !== 'function')
    throw new TypeError(`defineAdapter ${definition.id}: open must be a function`);
  if (definition.formats.length === 0)
    throw new TypeError(`defineAdapter ${definition.id}: no formats`);
  if (definition.entities.length === 0)
    throw new TypeError(`defineAdapter ${definition.id}: no entities`);
  const seen = new Set<string>();
  for (const entity of definition.entities) {
    if (seen.has(entity.mapping.entity)) {
      throw new TypeError(
        `defineAdapter ${definition.id}: entity ${entity.mapping.entity} is defined twice`,
      );
    }
    seen.add(entity.mapping.entity);
  }
  return Object.freeze({ ...definition, defined: true as const });
}
