import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './files.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const FIX = 'run `pnpm --filter @eduvn/standard generate` and commit the result';

describe('generated files (JSON Schema, data dictionary)', () => {
  const files = generatedFiles();

  it('are committed and up to date', () => {
    const stale = [...files]
      .filter(
        ([path, content]) =>
          !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== content,
      )
      .map(([path]) => path);
    expect(stale, `stale generated files — ${FIX}`).toEqual([]);
  });

  it('leave no orphans behind', () => {
    const expected = new Set(files.keys());
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`],
      );
    const orphans = [...walk('packages/standard/json-schema'), ...walk('docs/standard')].filter(
      (path) => !expected.has(path),
    );
    expect(orphans, `generated files without a source — ${FIX}`).toEqual([]);
  });
});
