/**
 * Regenerates `src/admin-units/data/*.ts` from the administrative-unit reference files.
 *
 * ```sh
 * cd packages/standard
 * pnpm exec tsx scripts/build-admin-units.ts [reference-dir]
 * ```
 *
 * The reference directory defaults to `../shared/reference/admin-units` beside the repository.
 * The conversion itself is `src/admin-units/build.ts` (pure), which the staleness test runs too.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ADMIN_UNIT_SOURCE_FILES,
  type AdminUnitSources,
  buildAdminUnitModules,
} from '../src/admin-units/build.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const defaultSourceDir = resolve(packageDir, '../../../shared/reference/admin-units');
const outDir = join(packageDir, 'src/admin-units/data');

async function main(): Promise<void> {
  const sourceDir = resolve(process.argv[2] ?? defaultSourceDir);
  const entries = await Promise.all(
    Object.entries(ADMIN_UNIT_SOURCE_FILES).map(
      async ([role, file]) => [role, await readFile(join(sourceDir, file), 'utf8')] as const,
    ),
  );
  const sources = Object.fromEntries(entries) as unknown as AdminUnitSources;
  await mkdir(outDir, { recursive: true });
  for (const { file, text } of buildAdminUnitModules(sources)) {
    await writeFile(join(outDir, file), text);
    console.log(`wrote src/admin-units/data/${file} (${Buffer.byteLength(text)} bytes)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
