import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type EntitySchema, entityOf, fieldsOf } from '../meta/entity.ts';
import { SENSITIVITIES } from '../meta/field-meta.ts';
import { camelFromSymbol } from '../meta/symbol.ts';

/** The keys of `T` that a record may leave out. */
export type OptionalKeys<T> = {
  [K in keyof T]-?: Record<string, never> extends Pick<T, K> ? K : never;
}[keyof T];

/** The keys of `T` that every record has. */
export type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/**
 * Registers the tests every entity must pass: each field has metadata (symbol, both labels, a
 * sensitivity, a source), its name is the camelCase of its symbol, its `required` flag agrees with
 * the schema, and the entity's key names required fields.
 */
export function describeEntityConventions(entity: EntitySchema): void {
  const meta = entityOf(entity);
  describe(`${meta.name}: metadata conventions`, () => {
    it('describes the entity in both languages and cites a source', () => {
      expect(meta.label.vi.trim()).not.toBe('');
      expect(meta.label.en.trim()).not.toBe('');
      expect(meta.label.en).not.toBe('TODO');
      expect(meta.source.trim()).not.toBe('');
    });

    it('keys records by required fields', () => {
      const byName = new Map(fieldsOf(entity).map((f) => [f.name, f]));
      for (const key of meta.key) expect(byName.get(key)?.required, key).toBe(true);
      if (meta.kind === 'row') expect(meta.key).toEqual([]);
    });

    it('lists every field of the shape, in order', () => {
      expect(fieldsOf(entity).map((f) => f.name)).toEqual(Object.keys(entity.shape));
    });

    it.each(fieldsOf(entity).map((f) => [f.name, f] as const))('%s', (name, field) => {
      expect(field.symbol).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(name).toBe(camelFromSymbol(field.symbol));
      expect(field.label.vi.trim()).not.toBe('');
      expect(field.label.en.trim()).not.toBe('');
      expect(field.label.en).not.toBe('TODO');
      expect(field.source.trim()).not.toBe('');
      expect(SENSITIVITIES).toContain(field.sensitivity);
      const schema = entity.shape[name];
      expect(schema).toBeDefined();
      if (schema) expect(z.safeParse(schema, undefined).success).toBe(!field.required);
      if (field.type === 'code') expect(field.catalog ?? field.values).toBeDefined();
      if (field.type === 'list') expect(field.entity).toBeDefined();
    });
  });
}
