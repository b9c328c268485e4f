/**
 * Writes the committed contract files: `openapi.json` (this package) and its rendering
 * `docs/api/` at the repository root. `pnpm --filter @eduvn/sandbox generate`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractFiles } from '../src/contract/files.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
for (const [path, text] of Object.entries(contractFiles())) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${path}`);
}
