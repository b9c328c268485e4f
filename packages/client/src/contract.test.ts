import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES, resourcePath } from './resources.ts';

// The contract the sandbox implements, as the sandbox package ships it.
const doc = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('@eduvn/sandbox/openapi.json'), 'utf8'),
) as { paths: Record<string, Record<string, unknown>> };

const template = (entity: string): string => {
  const r = resourcePath(entity);
  return ['/v1/truong/{truongId}', r.segment, ...r.keyFields.map((f) => `{${f}}`)]
    .filter((s) => s !== '')
    .join('/');
};

describe('the client speaks the contract', () => {
  it.each(ENTITY_NAMES)('%s: its record path and methods are in the OpenAPI document', (entity) => {
    const methods = Object.keys(doc.paths[template(entity)] ?? {});
    expect(methods).toContain('get');
    if (entity === 'SuKienTrangThai') expect(methods).not.toContain('put');
    else expect(methods).toContain('put');
  });

  it('finds its other paths there too', () => {
    for (const [path, method] of [
      ['/v1/token', 'post'],
      ['/v1/batches', 'post'],
      ['/v1/changes', 'get'],
      ['/v1/truong', 'get'],
      ['/v1/late-pushes', 'get'],
      ['/v1/truong/{truongId}/hoc-sinh', 'get'],
      ['/v1/truong/{truongId}/hoc-sinh/{hocSinhId}/su-kien', 'post'],
      ['/v1/truong/{truongId}/can-bo/{giaoVienId}/su-kien', 'post'],
    ] as const) {
      expect([path, Object.keys(doc.paths[path] ?? {})]).toEqual([
        path,
        expect.arrayContaining([method]),
      ]);
    }
  });

  it('has no path for an entity the contract lacks, and never deletes', () => {
    for (const methods of Object.values(doc.paths))
      expect(Object.keys(methods)).not.toContain('delete');
    expect(() => resourcePath('__proto__')).toThrow(TypeError);
  });
});
