import { describe, expect, it } from 'vitest';
import { bundledCatalogs } from '../catalogs/bundled/index.ts';
import { ENTITIES, entityByName } from '../entities/all.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { entityOf, fieldsOf } from './entity.ts';
import { SENSITIVITIES } from './field-meta.ts';
import { camelFromSymbol } from './symbol.ts';

describe('metadata of every field of every entity', () => {
  const catalogs = bundledCatalogs();
  const all = ENTITIES.flatMap((e) => fieldsOf(e).map((f) => ({ entity: entityOf(e).name, ...f })));

  it('covers at least the ~300 fields of the primary standard', () => {
    expect(ENTITIES.length).toBeGreaterThanOrEqual(40);
    expect(all.length).toBeGreaterThan(500);
  });

  it('has a symbol, both labels, a sensitivity and a source for every field', () => {
    for (const f of all) {
      expect(f.symbol, `${f.entity}.${f.name}`).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(f.name).toBe(camelFromSymbol(f.symbol));
      expect(f.label.vi.trim()).not.toBe('');
      expect(f.label.en.trim()).not.toBe('');
      expect(f.label.en).not.toMatch(/TODO/);
      expect(SENSITIVITIES).toContain(f.sensitivity);
      expect(f.source.trim()).not.toBe('');
    }
  });

  it('names only catalogs that exist (loadable where values are unknown)', () => {
    const missing = all
      .flatMap((f) => [f.catalog, ...Object.values(f.catalogBy?.catalogs ?? {})])
      .filter(
        (c): c is string => c !== undefined && c !== 'DMDC' && catalogs.system(c) === undefined,
      );
    expect([...new Set(missing)]).toEqual([]);
  });

  it('names list rows by an existing entity', () => {
    for (const f of all.filter((x) => x.type === 'list')) {
      expect(entityByName(f.entity ?? '')).toBeDefined();
    }
  });

  it('gives every entity unique symbols, a label and required key fields', () => {
    for (const entity of ENTITIES) {
      const meta = entityOf(entity);
      const fields = fieldsOf(entity);
      expect(new Set(fields.map((f) => f.symbol)).size).toBe(fields.length);
      expect(meta.label.en).not.toMatch(/TODO/);
      for (const key of meta.key) expect(fields.find((f) => f.name === key)?.required).toBe(true);
    }
  });

  it('classifies the personal ID number and ethnicity as sensitive', () => {
    const pupil = fieldsOf(HocSinh);
    expect(pupil.find((f) => f.symbol === 'MA_CONG_DAN_ID')?.sensitivity).toBe('sensitive');
    expect(pupil.find((f) => f.symbol === 'MA_DAN_TOC')?.sensitivity).toBe('sensitive');
    expect(pupil.find((f) => f.symbol === 'HOC_SINH_ID')?.sensitivity).toBe('identifier');
  });
});
