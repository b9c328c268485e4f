import { ENTITIES, entityOf } from '@eduvn/standard';
import { openApiDocument } from './document.ts';
import { renderContract } from './render.ts';

/**
 * The committed contract files, by path from the repository root: the OpenAPI document of this
 * package and its Markdown rendering in `docs/api/`. A test compares them with what is on disk.
 */
export function contractFiles(): Record<string, string> {
  const doc = openApiDocument();
  const entities = new Set(ENTITIES.map((e) => entityOf(e).name));
  return {
    'packages/sandbox/openapi.json': `${JSON.stringify(doc, null, 2)}\n`,
    'docs/api/README.md': renderContract(doc as unknown as Record<string, unknown>, entities),
  };
}
