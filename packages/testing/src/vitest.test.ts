import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('.', import.meta.url));

describe('@eduvn/testing/vitest', () => {
  it('registers the matchers with vitest when imported', async () => {
    const { eduvnMatchers } = await import('@eduvn/testing/vitest');
    expect(Object.keys(eduvnMatchers)).toEqual(['toConformTo', 'toFailRule']);
    expect({ hocSinhId: 'HS1', hoTen: 'An' }).toConformTo('HocSinh');
    await expect([{ entity: 'HocSinh', record: { hocSinhId: '', hoTen: 'An' } }]).toFailRule(
      'ID.FORM.001',
      { asOf: '2026-05-31' },
    );
    expect(typeof (expect as unknown as Record<string, unknown>)['toConformTo']).toBe('function');
  });

  it('is the only module that imports vitest: the main entry never does', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    const importers = walk(src)
      .filter((f) => f.endsWith('.ts') && !/\.test(-d)?\.ts$|\.test-helper\.ts$/.test(f))
      // Import statements start a line; examples in doc comments start with ` * `.
      .filter((f) =>
        /^(import|export)\b[^;]*['"]vitest['"]|\bimport\(['"]vitest['"]\)/m.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => relative(src, f));
    expect(importers).toEqual(['vitest.ts']);
  });
});
