/**
 * Writes the published conformance sets (`packages/testing/conformance/`): `records.json` and its
 * JSON Schema, built from @eduvn/fixtures with expectations computed by @eduvn/rules. Run:
 * `pnpm --filter @eduvn/testing generate`. A test fails when the committed files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conformanceFiles } from '../src/conformance/build-records.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const { files, disagreements } = await conformanceFiles();
for (const [path, content] of files) {
  mkdirSync(dirname(join(packageDir, path)), { recursive: true });
  writeFileSync(join(packageDir, path), content);
  console.log(`wrote ${path} (${(Buffer.byteLength(content) / 1024).toFixed(0)} KiB)`);
}
for (const d of disagreements) {
  console.warn(
    `WARNING: ${d.caseId}: the planted problem's kind must trip ${d.missing.join(', ')}, which validation does not report`,
  );
}
