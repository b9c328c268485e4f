/**
 * Writes the files generated from the schema metadata: JSON Schemas (packages/standard/json-schema/)
 * and the data dictionary (docs/standard/). Run: `pnpm --filter @eduvn/standard generate`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from '../src/generate/files.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const files = generatedFiles();
for (const dir of ['packages/standard/json-schema', 'docs/standard']) {
  rmSync(join(root, dir), { recursive: true, force: true });
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(
  `wrote ${files.size} files (${readdirSync(join(root, 'docs/standard')).length} dictionary pages)`,
);
