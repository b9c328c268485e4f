import { z } from 'zod';
import { CatalogPackSchema } from '../catalogs/pack-schema.ts';
import { ENTITIES } from '../entities/all.ts';
import { entityOf } from '../meta/entity.ts';
import { dictionaryIndex, dictionaryPage } from './dictionary.ts';
import { toJsonSchema } from './json-schema.ts';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every generated file, by path relative to the repository root: the JSON Schemas under
 * `packages/standard/json-schema/` (canonical and wire forms of each record entity, and the catalog
 * pack format) and the data dictionary under `docs/standard/`. `pnpm --filter @eduvn/standard
 * generate` writes them; a test fails when the committed files are stale.
 *
 * @internal
 */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entity of ENTITIES) {
    const meta = entityOf(entity);
    files.set(`docs/standard/${meta.name}.md`, dictionaryPage(entity));
    if (meta.kind !== 'record') continue;
    files.set(`packages/standard/json-schema/${meta.name}.schema.json`, json(toJsonSchema(entity)));
    files.set(
      `packages/standard/json-schema/wire/${meta.name}.schema.json`,
      json(toJsonSchema(entity, 'wire')),
    );
  }
  files.set('docs/standard/README.md', dictionaryIndex(ENTITIES));
  files.set(
    'packages/standard/json-schema/catalog-pack.schema.json',
    json(z.toJSONSchema(CatalogPackSchema, { target: 'draft-2020-12', unrepresentable: 'any' })),
  );
  return files;
}
