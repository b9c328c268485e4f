import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledCatalogs, bundledCatalogsPack } from './bundled/index.ts';
import { Catalogs, parseCatalogPack } from './catalogs.ts';
import { CatalogConflictError, CatalogPackError } from './errors.ts';
import type { CatalogPack, CodeSystem } from './types.ts';

const pack = (codeSystems: CatalogPack['codeSystems'], name = 'test'): CatalogPack => ({
  format: 'eduvn-catalog-pack',
  formatVersion: 1,
  name,
  codeSystems,
});

const PROVINCES = pack([
  {
    id: 'DM_TEST_TINH',
    name: { vi: 'Tỉnh (thử)', en: 'Provinces (test)' },
    source: 'test',
    versions: [
      {
        version: 'before',
        validTo: '2025-06-30',
        source: 'test',
        entries: [
          { code: '24', name: 'Tỉnh Bắc Giang' },
          { code: '27', name: 'Tỉnh Bắc Ninh', replacedBy: ['24'] },
          { code: '38', name: 'Tỉnh Thanh Hóa' },
        ],
      },
      {
        version: 'after',
        validFrom: '2025-07-01',
        source: 'test',
        entries: [
          { code: '24', name: 'Tỉnh Bắc Ninh', replaces: ['24', '27'] },
          { code: '38', name: 'Tỉnh Thanh Hoá' },
          { code: '99', name: 'Tỉnh Tạm', validTo: '2025-12-31' },
        ],
      },
    ],
  },
]);

describe('Catalogs', () => {
  const catalogs = Catalogs.from([PROVINCES]);

  it('resolves a reused code by date', () => {
    expect(catalogs.lookup('DM_TEST_TINH', '24', { asOf: '2025-06-30' })?.entry.name).toBe(
      'Tỉnh Bắc Giang',
    );
    expect(catalogs.lookup('DM_TEST_TINH', '24', { asOf: '2025-07-01' })?.entry.name).toBe(
      'Tỉnh Bắc Ninh',
    );
    expect(catalogs.lookup('DM_TEST_TINH', '24')?.version.version).toBe('after');
  });

  it('knows codes that ceased to exist and codes valid only for part of a version', () => {
    expect(catalogs.has('DM_TEST_TINH', '27', { asOf: '2025-06-30' })).toBe(true);
    expect(catalogs.has('DM_TEST_TINH', '27', { asOf: '2025-07-01' })).toBe(false);
    expect(catalogs.has('DM_TEST_TINH', '99', { asOf: '2025-12-31' })).toBe(true);
    expect(catalogs.has('DM_TEST_TINH', '99', { asOf: '2026-01-01' })).toBe(false);
    expect(catalogs.entries('DM_TEST_TINH', { asOf: '2026-01-01' }).map((e) => e.code)).toEqual([
      '24',
      '38',
    ]);
  });

  it('selects a version by id', () => {
    expect(catalogs.lookup('DM_TEST_TINH', '27', { version: 'before' })?.entry.replacedBy).toEqual([
      '24',
    ]);
    expect(catalogs.version('DM_TEST_TINH', { version: 'nope' })).toBeUndefined();
  });

  it('finds codes by name whatever the tone placement and case', () => {
    expect(catalogs.findByName('DM_TEST_TINH', 'TỈNH THANH HÓA').map((h) => h.entry.code)).toEqual([
      '38',
    ]);
    expect(
      catalogs.findByName('DM_TEST_TINH', 'tinh thanh hoa', { asOf: '2020-01-01' })[0]?.entry.name,
    ).toBe('Tỉnh Thanh Hóa');
    expect(catalogs.findByName('DM_TEST_TINH', 'Nowhere')).toEqual([]);
  });

  it('answers unknown catalogs and codes with nothing rather than throwing', () => {
    expect(catalogs.lookup('DM_NOPE', '1')).toBeUndefined();
    expect(catalogs.entries('DM_NOPE')).toEqual([]);
    expect(catalogs.has('DM_TEST_TINH', '__proto__')).toBe(false);
  });

  it('merges packs without losing history', () => {
    const newer = pack([
      {
        id: 'DM_TEST_TINH',
        name: { vi: 'Tỉnh (thử)', en: 'Provinces (test)' },
        source: 'test',
        versions: [
          {
            version: 'later',
            validFrom: '2026-04-30',
            source: 'test 2',
            entries: [{ code: '01', name: 'Hà Nội' }],
          },
          {
            version: 'after',
            validFrom: '2025-07-01',
            source: 'test',
            entries: [{ code: '40', name: 'Tỉnh Nghệ An' }],
          },
        ],
      },
    ]);
    const merged = catalogs.with([newer]);
    expect(merged.system('DM_TEST_TINH')?.versions.map((v) => v.version)).toEqual([
      'before',
      'after',
      'later',
    ]);
    expect(merged.has('DM_TEST_TINH', '24', { asOf: '2025-06-30' })).toBe(true);
    expect(merged.has('DM_TEST_TINH', '40', { asOf: '2025-08-01' })).toBe(true);
    expect(merged.lookup('DM_TEST_TINH', '01')?.version.version).toBe('later');
    // The original set is unchanged.
    expect(catalogs.system('DM_TEST_TINH')?.versions).toHaveLength(2);
  });

  it('refuses to rewrite a code silently, unless asked', () => {
    const rewrite = pack([
      {
        id: 'DM_TEST_TINH',
        name: { vi: 'Tỉnh (thử)', en: 'Provinces (test)' },
        source: 'test',
        versions: [
          {
            version: 'after',
            validFrom: '2025-07-01',
            source: 'test',
            entries: [{ code: '24', name: 'Khác' }],
          },
        ],
      },
    ]);
    expect(() => catalogs.with([rewrite])).toThrow(CatalogConflictError);
    expect(() => catalogs.with([rewrite])).toThrow(/DM_TEST_TINH version after code "24"/);
    expect(
      catalogs.with([rewrite], { onConflict: 'replace' }).lookup('DM_TEST_TINH', '24')?.entry.name,
    ).toBe('Khác');
    // The same data twice is not a conflict.
    expect(() => catalogs.with([PROVINCES])).not.toThrow();
  });

  it('round-trips through a pack', () => {
    const again = Catalogs.from([JSON.parse(JSON.stringify(catalogs.toPack('copy')))]);
    expect(again.lookup('DM_TEST_TINH', '24', { asOf: '2025-06-30' })?.entry.name).toBe(
      'Tỉnh Bắc Giang',
    );
  });
});

describe('parseCatalogPack', () => {
  it('rejects malformed packs with every problem located', () => {
    const bad = {
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name: 'broken',
      codeSystems: [
        {
          id: 'dm lower',
          name: { vi: 'x', en: 'x' },
          source: 's',
          versions: [
            {
              version: 'v',
              source: 's',
              validFrom: '2025-02-30',
              entries: [{ code: '', name: 'x', extra: 1 }],
            },
          ],
        },
      ],
    };
    try {
      parseCatalogPack(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogPackError);
      const err = e as CatalogPackError;
      expect(err.pack).toBe('"broken"');
      const paths = err.problems.map((p) => p.path);
      expect(paths).toContain('codeSystems.0.id');
      expect(paths).toContain('codeSystems.0.versions.0.validFrom');
      expect(paths).toContain('codeSystems.0.versions.0.entries.0.code');
      expect(paths).toContain('codeSystems.0.versions.0.entries.0');
    }
  });

  it.each([null, 42, 'pack', [], { format: 'other' }])('rejects %j', (value) => {
    expect(() => parseCatalogPack(value)).toThrow(CatalogPackError);
  });

  it('refuses hostile attribute names', () => {
    const hostile = JSON.parse(
      '{"format":"eduvn-catalog-pack","formatVersion":1,"name":"h","codeSystems":[{"id":"DM_X","name":{"vi":"x","en":"x"},"source":"s","versions":[{"version":"v","source":"s","entries":[{"code":"1","name":"a","attributes":{"__proto__":"polluted"}}]}]}]}',
    );
    expect(() => parseCatalogPack(hostile)).toThrow(CatalogPackError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('caps oversized values', () => {
    const big = pack([
      {
        id: 'DM_X',
        name: { vi: 'x', en: 'x' },
        source: 's',
        versions: [
          { version: 'v', source: 's', entries: [{ code: '1', name: 'a'.repeat(10_000) }] },
        ],
      },
    ]);
    expect(() => parseCatalogPack(big)).toThrow(/name/);
  });
});

describe('bundled catalogs', () => {
  const catalogs = bundledCatalogs();

  it('has the 54 ethnic groups of QĐ 121', () => {
    const entries = catalogs.entries('DM_DAN_TOC');
    expect(entries).toHaveLength(54);
    expect(catalogs.lookup('DM_DAN_TOC', '01')?.entry.name).toBe('Kinh');
    expect(catalogs.lookup('DM_DAN_TOC', '54')).toBeDefined();
    expect(new Set(entries.map((e) => e.code)).size).toBe(54);
  });

  it('keeps the census ordering as a separate, loadable code system', () => {
    expect(catalogs.system('DM_DAN_TOC_TDTDS')?.versions).toEqual([]);
  });

  it('has the TT27 levels, results and periods', () => {
    expect(catalogs.entries('DM_MUC_DAT_MON_HOC').map((e) => e.code)).toEqual(['T', 'H', 'C']);
    expect(catalogs.entries('DM_MUC_DAT_PHAM_CHAT_NANG_LUC').map((e) => e.code)).toEqual([
      'T',
      'Đ',
      'C',
    ]);
    expect(catalogs.entries('DM_KET_QUA_GIAO_DUC').map((e) => e.code)).toEqual([
      'HTXS',
      'HTT',
      'HT',
      'CHT',
    ]);
    expect(catalogs.entries('DM_KY_DANH_GIA').map((e) => e.code)).toEqual([
      'GK1',
      'CK1',
      'GK2',
      'CN',
    ]);
  });

  it('has the primary subjects with their grades as data', () => {
    const science = catalogs.lookup('DM_MON_HOC_TIEU_HOC', 'KHOA_HOC')?.entry;
    expect(science?.attributes?.['grades']).toEqual(['4', '5']);
    expect(catalogs.entries('DM_MON_HOC_TIEU_HOC').length).toBeGreaterThanOrEqual(12);
  });

  it('has the teacher titles, new and legacy', () => {
    expect(
      catalogs.lookup('DM_CHUC_DANH_NGHE_NGHIEP_GV_TIEU_HOC', 'V.07.03.29')?.entry.name,
    ).toMatch(/hạng III/);
    expect(
      catalogs.lookup('DM_CHUC_DANH_NGHE_NGHIEP_GV_TIEU_HOC', 'V.07.03.08')?.entry.attributes?.[
        'legacy'
      ],
    ).toBe(true);
  });

  it('has sex, the known statuses and the personal-ID prefixes', () => {
    expect(catalogs.findByName('DM_GIOI_TINH', 'nữ')[0]?.entry.code).toBe('2');
    expect(catalogs.findByName('DM_TRANG_THAI_HOC_SINH', 'Nghỉ học xin học lại')).toHaveLength(1);
    expect(catalogs.entries('DM_MA_TINH_DINH_DANH')).toHaveLength(63);
    expect(catalogs.lookup('DM_MA_TINH_DINH_DANH', '001')?.entry.name).toBe('Hà Nội');
  });

  it('names every catalog QĐ 4998 lists, empty and loadable where values are unknown', () => {
    expect(catalogs.system('DM_TON_GIAO')?.versions).toEqual([]);
    expect(catalogs.system('DM_TON_GIAO')?.name.en).toMatch(/religion/i);
    expect(catalogs.ids().filter((id) => id.startsWith('DM_')).length).toBeGreaterThanOrEqual(136);
    const loaded = bundledCatalogs(
      pack([
        {
          id: 'DM_TON_GIAO',
          name: { vi: 'Danh mục tôn giáo', en: 'Religions' },
          source: 'a school template',
          versions: [
            {
              version: 'template-2024',
              source: 'template',
              entries: [{ code: '01', name: 'Phật giáo' }],
            },
          ],
        },
      ]),
    );
    expect(loaded.lookup('DM_TON_GIAO', '01')?.entry.name).toBe('Phật giáo');
  });

  it('is a valid pack', () => {
    expect(() => parseCatalogPack(bundledCatalogsPack)).not.toThrow();
  });

  it('is taken as it is (validating it gives the pack itself), frozen whole', () => {
    // Catalogs.with skips validating it: that is right only while validation changes nothing.
    expect(parseCatalogPack(bundledCatalogsPack)).toStrictEqual(bundledCatalogsPack);
    expect(Object.isFrozen(bundledCatalogsPack)).toBe(true);
    const system = bundledCatalogsPack.codeSystems[0];
    expect(Object.isFrozen(system)).toBe(true);
    expect(Object.isFrozen(system?.versions[0]?.entries)).toBe(true);
    expect(() => {
      (bundledCatalogsPack.codeSystems as CodeSystem[]).push(system as CodeSystem);
    }).toThrow(TypeError);
  });

  it('still validates a copy of a bundled pack, changed or not', () => {
    const copy = structuredClone(bundledCatalogsPack) as unknown as {
      codeSystems: { id: unknown }[];
    };
    expect(Catalogs.from([copy]).ids()).toEqual(Catalogs.from([bundledCatalogsPack]).ids());
    (copy.codeSystems[0] as { id: unknown }).id = 42;
    expect(() => Catalogs.from([copy])).toThrow(CatalogPackError);
  });

  it('flags each catalog as QĐ 4998 §II or an eduvn addition: one exact filter', () => {
    const text = readFileSync(
      fileURLToPath(new URL('../../spec/qd4998/qd4998-general-and-catalogs.txt', import.meta.url)),
      'utf8',
    ).normalize('NFC');
    const listed = new Set(
      [...text.matchAll(/^ \| (DM_ ?[A-Z_]+) \|/gm)].map((m) => `${m[1]}`.replace(' ', '')),
    );
    const systems = bundledCatalogsPack.codeSystems;
    for (const s of systems) expect(typeof s.addedByEduvn, s.id).toBe('boolean');
    const qd4998 = systems.filter((s) => s.addedByEduvn === false).map((s) => s.id);
    expect(qd4998.sort()).toEqual([...listed].sort());
    expect(systems.filter((s) => s.addedByEduvn).map((s) => s.id)).toEqual(
      expect.arrayContaining(['DM_MUC_DAT_MON_HOC', 'DM_MON_HOC_TIEU_HOC', 'DM_NGUON_THU']),
    );
  });

  it('keeps the flag when a pack adds versions, and reads it from a pack', () => {
    const loaded = bundledCatalogs(
      pack([
        {
          id: 'DM_TON_GIAO',
          name: { vi: 'Danh mục tôn giáo', en: 'Religions' },
          source: 'a school template',
          versions: [{ version: 'v1', source: 'template', entries: [{ code: '01', name: 'x' }] }],
        },
        {
          id: 'DM_RIENG',
          name: { vi: 'Riêng', en: 'Own' },
          source: 'x',
          addedByEduvn: true,
          versions: [],
        },
      ]),
    );
    expect(loaded.system('DM_TON_GIAO')?.addedByEduvn).toBe(false);
    expect(loaded.system('DM_RIENG')?.addedByEduvn).toBe(true);
    expect(() =>
      parseCatalogPack(
        pack([
          {
            id: 'DM_X',
            name: { vi: 'x', en: 'x' },
            source: 'x',
            addedByEduvn: 'yes' as never,
            versions: [],
          },
        ]),
      ),
    ).toThrow(CatalogPackError);
  });
});
