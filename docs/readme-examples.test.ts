import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readmeBlocks } from './readme-examples.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'docs', '.readme-cache');

function packageReadmes(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules') continue;
      const pkg = join(dir, entry.name);
      if (existsSync(join(pkg, 'package.json')) && existsSync(join(pkg, 'README.md'))) {
        found.push(join(pkg, 'README.md'));
      } else if (depth > 0) {
        walk(pkg, depth - 1);
      }
    }
  };
  walk(join(root, 'packages'), 1);
  return found;
}

/** The guides: every Markdown page directly in `docs/` (the generated `api/` and `standard/` aside). */
function docsPages(): string[] {
  return readdirSync(join(root, 'docs'), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(root, 'docs', entry.name))
    .sort();
}

const readmes = packageReadmes();
const pages = docsPages();

describe('README examples', () => {
  it('finds the package READMEs and the docs pages', () => {
    expect(readmes.length).toBeGreaterThan(0);
    expect(pages.map((p) => relative(root, p))).toContain('docs/README.md');
  });

  for (const readme of [...readmes, ...pages]) {
    const name = relative(root, readme);
    const blocks = readmeBlocks(readFileSync(readme, 'utf8'));

    // A package README must show a checked example; a guide runs whatever code it shows.
    if (readmes.includes(readme)) {
      it(`${name} has at least one checked example`, () => {
        expect(blocks.reduce((n, b) => n + b.checks, 0)).toBeGreaterThan(0);
      });
    }

    for (const block of blocks) {
      it(`${name}:${block.line} runs and prints what it says`, async () => {
        mkdirSync(cache, { recursive: true });
        const file = join(cache, `${name.replace(/[^\w]+/g, '_')}_${block.line}.ts`);
        const checks: Array<{ actual: unknown; expected: unknown; line: number }> = [];
        (globalThis as Record<string, unknown>)['__check'] = (
          actual: unknown,
          expected: unknown,
          line: number,
        ) => {
          checks.push({ actual, expected, line });
        };
        writeFileSync(file, `${block.source}\nexport {};\n`);
        await import(/* @vite-ignore */ file);
        expect(checks.length).toBe(block.checks);
        for (const c of checks)
          expect({ line: c.line, value: c.actual }).toEqual({ line: c.line, value: c.expected });
      });
    }
  }
});

/** The relative link targets of a Markdown page (no URLs, no in-page anchors), without anchors. */
function relativeLinks(markdown: string): string[] {
  const targets: string[] = [];
  for (const match of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    targets.push(target.replace(/#.*$/, ''));
  }
  return targets;
}

describe('docs pages', () => {
  it('are all listed in docs/README.md', () => {
    const index = readFileSync(join(root, 'docs', 'README.md'), 'utf8');
    const linked = new Set(relativeLinks(index).map((t) => t.replace(/^\.\//, '')));
    const missing = pages
      .map((p) => relative(join(root, 'docs'), p))
      .filter((p) => p !== 'README.md' && !linked.has(p));
    expect(missing).toEqual([]);
  });

  for (const page of [...pages, join(root, 'README.md')]) {
    const name = relative(root, page);
    it(`${name} links only to files that exist`, () => {
      const broken = relativeLinks(readFileSync(page, 'utf8')).filter(
        (target) => !existsSync(join(dirname(page), decodeURI(target))),
      );
      expect(broken).toEqual([]);
    });
  }
});
