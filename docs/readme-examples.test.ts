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

const readmes = packageReadmes();

describe('README examples', () => {
  it('finds the package READMEs', () => {
    expect(readmes.length).toBeGreaterThan(0);
  });

  for (const readme of readmes) {
    const name = relative(root, readme);
    const blocks = readmeBlocks(readFileSync(readme, 'utf8'));

    it(`${name} has at least one checked example`, () => {
      expect(blocks.reduce((n, b) => n + b.checks, 0)).toBeGreaterThan(0);
    });

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
