import { describe, expect, it } from 'vitest';
import { bundledCatalogs } from '../catalogs/bundled/index.ts';
import { ENTITIES, entityByName } from '../entities/all.ts';
import { HocSinh } from '../entities/hoc-sinh.ts';
import { entityOf, fieldsOf } from './entity.ts';
import { SENSITIVITIES } from './field-meta.ts';
import { camelFromSymbol } from './symbol.ts';

/**
 * The coded fields that name no DM_* catalog, and why: `'closed set'` (the metadata lists the
 * values) or a pattern the field's note must match.
 */
const NO_CATALOG: Record<string, 'closed set' | RegExp> = {
  'HocSinhBaoLuc.ma': /§II lists no catalog/,
  'DanhGiaHocSinh.khenThuong': 'closed set',
  'PhongHocTheoCapXd.capXayDung': 'closed set',
  'KhuVeSinhTheoDoiTuong.doiTuongSuDung': 'closed set',
  'NhaXeTheoDoiTuong.doiTuongSuDung': 'closed set',
  'SuKienTrangThai.doiTuong': 'closed set',
};

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

  it('links every coded field to a named catalog, or documents why it has none', () => {
    // Codes without a DM_* catalog: closed sets whose values the metadata lists (TT27 awards, EQMS
    // construction grades and user groups, status-event subjects), and one code §II has no
    // catalog for (its note says so).
    const coded = all.filter((f) => f.type === 'code');
    expect(coded.length).toBeGreaterThan(100);
    const unlinked = coded
      .filter((f) => f.catalog === undefined || !/^DM_[A-Z0-9_]+$/.test(f.catalog))
      .map((f) => `${f.entity}.${f.name}`);
    expect(unlinked.sort()).toEqual(Object.keys(NO_CATALOG).sort());
    for (const id of unlinked) {
      const f = coded.find((c) => `${c.entity}.${c.name}` === id);
      const reason = NO_CATALOG[id];
      if (reason === 'closed set') expect(f?.values?.length, id).toBeGreaterThan(0);
      else expect(f?.note, id).toMatch(reason as RegExp);
    }
    // A linked catalog exists in the bundled set (loadable where its values are unknown).
    for (const f of coded.filter((c) => c.catalog?.startsWith('DM_'))) {
      expect(catalogs.system(f.catalog as string), `${f.entity}.${f.name}`).toBeDefined();
    }
  });

  it('flags every field as QĐ 4998 or an eduvn addition', () => {
    for (const f of all) expect(typeof f.addedByEduvn, `${f.entity}.${f.name}`).toBe('boolean');
    const eduvn = ENTITIES.filter((e) => entityOf(e).code.startsWith('EDUVN.'));
    expect(eduvn.length).toBeGreaterThan(0);
    for (const entity of ENTITIES) {
      const expected = entityOf(entity).code.startsWith('EDUVN.');
      for (const f of fieldsOf(entity)) expect(f.addedByEduvn, f.name).toBe(expected);
    }
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
