import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWire, ENTITIES, type EntitySchema, entityByName, entityOf } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { testWorld } from '../testing.test-helper.ts';
import { contractExamples } from './examples.ts';
import { contractFiles } from './files.ts';
import { contractOperations } from './operations.ts';
import { PROBLEM_TYPES } from './problems.ts';
import { RESOURCES } from './resources.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('the contract document', () => {
  const files = contractFiles();

  it.each(Object.keys(files))(
    '%s is fresh (regenerate: pnpm --filter @eduvn/sandbox generate)',
    (path) => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(files[path]);
    },
  );

  it('is OpenAPI 3.1 with one operation id per operation and no DELETE anywhere', () => {
    const doc = JSON.parse(files['packages/sandbox/openapi.json'] as string);
    expect(doc.openapi).toBe('3.1.0');
    const ids: string[] = [];
    for (const methods of Object.values(doc.paths) as Record<string, { operationId: string }>[]) {
      expect(Object.keys(methods)).not.toContain('delete');
      ids.push(...Object.values(methods).map((m) => m.operationId));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      contractOperations()
        .map((o) => o.operationId)
        .sort(),
    );
  });

  it('documents every record entity of the standard as a wire schema, and every resource', () => {
    const doc = JSON.parse(files['packages/sandbox/openapi.json'] as string);
    const records = ENTITIES.filter((e) => entityOf(e).kind === 'record').map(
      (e) => entityOf(e).name,
    );
    for (const name of records) expect(Object.keys(doc.components.schemas)).toContain(name);
    expect(RESOURCES.map((r) => r.entity).sort()).toEqual([...records].sort());
    expect(doc.components.schemas.HocSinh.properties.HO_TEN.maxLength).toBe(50);
    expect(doc.components.schemas.HocSinh.additionalProperties).toBe(false);
  });

  it('keys each resource path by its entity’s key', () => {
    for (const r of RESOURCES) {
      expect(['truongId', ...r.keyFields].sort()).toEqual(
        [...new Set(['truongId', ...entityOf(r.schema).key])].sort(),
      );
    }
  });

  it('has Vietnamese examples the standard and the sandbox itself accept', async () => {
    const { truongId, byEntity } = contractExamples();
    for (const [entity, wire] of Object.entries(byEntity)) {
      expect([entity, decodeWire(entityByName(entity) as EntitySchema, wire).ok]).toEqual([
        entity,
        true,
      ]);
    }
    expect(String(byEntity['HocSinh']?.['HO_TEN'])).toMatch(
      /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i,
    );
    const w = await testWorld();
    w.sandbox.addUnit({ id: truongId, kind: 'truong', name: 'Ví dụ', parentId: '79' });
    const account = w.sandbox.addAccount({ kind: 'quan-tri', unitId: truongId });
    const token = await w.call('POST', '/v1/token', {
      body: {
        grant_type: 'client_credentials',
        client_id: account.clientId,
        client_secret: account.clientSecret,
      },
    });
    const r = await w.call('POST', '/v1/batches', {
      token: token.body.access_token,
      body: {
        items: ['Truong', 'Lop', 'CanBo', 'HocSinh'].map((entity) => ({
          entity,
          data: byEntity[entity],
        })),
      },
    });
    expect(r.body.summary).toMatchObject({ rejected: 0 });
  });

  it('titles every problem type in both languages with an error status', () => {
    for (const [slug, t] of Object.entries(PROBLEM_TYPES)) {
      expect([slug, t.status >= 400 && t.status < 600]).toEqual([slug, true]);
      expect(t.title.length * t.titleVi.length).toBeGreaterThan(0);
    }
  });
});
