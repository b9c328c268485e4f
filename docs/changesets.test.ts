import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every pending changeset must be one `changeset version` can read: a front matter of
 * `"@eduvn/name": patch|minor|major` lines naming packages of this workspace, and a summary.
 * (A markdown formatter once turned the front matter into a heading; this catches that.)
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.changeset');

function workspacePackages(): Set<string> {
  const names = new Set<string>();
  for (const base of ['packages', 'packages/adapters']) {
    for (const entry of readdirSync(join(root, base), { withFileTypes: true })) {
      const manifest = join(root, base, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(manifest)) {
        names.add((JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name);
      }
    }
  }
  return names;
}

describe('changesets', () => {
  const packages = workspacePackages();
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

  it('there are pending changesets to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(`${file} has a front matter of workspace packages and bumps, and a summary`, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const match = /^---\n((?:"[^"]+": (?:patch|minor|major)\n)+)---\n\n(\S[\s\S]*)$/.exec(text);
      expect(match, 'front matter as `changeset add` writes it').not.toBeNull();
      for (const line of match?.[1]?.trim().split('\n') ?? []) {
        const name = /^"([^"]+)"/.exec(line)?.[1] ?? '';
        expect(packages.has(name), `${name} is a workspace package`).toBe(true);
      }
    });
  }
});
