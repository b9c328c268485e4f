import { matchKey } from '@eduvn/text';
import { describe, expect, it } from 'vitest';
import { bundledCatalogsPack } from '../catalogs/bundled/index.ts';
import { Catalogs, parseCatalogPack } from '../catalogs/catalogs.ts';
import { adminUnitsPack } from './pack.ts';

const catalogs = Catalogs.from([bundledCatalogsPack, adminUnitsPack()]);

const name = (system: string, code: string, asOf?: string) =>
  catalogs.lookup(system, code, asOf === undefined ? {} : { asOf })?.entry.name;

describe('adminUnitsPack', () => {
  it('is a valid catalog pack, also after a JSON round trip', () => {
    const pack = adminUnitsPack();
    expect(() => parseCatalogPack(pack)).not.toThrow();
    expect(() => parseCatalogPack(JSON.parse(JSON.stringify(pack)))).not.toThrow();
  });

  it('is taken as it is by Catalogs (validating it gives the pack itself), frozen whole', () => {
    const pack = adminUnitsPack();
    expect(parseCatalogPack(pack)).toStrictEqual(pack);
    expect(Object.isFrozen(pack)).toBe(true);
    const communes = pack.codeSystems.find((s) => s.id === 'DM_XA');
    const entry = communes?.versions[0]?.entries[0];
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry?.attributes)).toBe(true);
  });

  it('is built once and cached', () => {
    expect(adminUnitsPack()).toBe(adminUnitsPack());
  });

  it('holds DM_TINH, DM_HUYEN and DM_XA with their versions and dates', () => {
    const versions = (id: string) =>
      catalogs
        .system(id)
        ?.versions.map((v) => [
          v.version,
          v.validFrom ?? null,
          v.validTo ?? null,
          v.entries.length,
        ]);
    expect(versions('DM_TINH')).toEqual([
      ['gso-2025-03-01', null, '2025-06-30', 63],
      ['2025-07-01', '2025-07-01', '2026-04-29', 34],
      ['snapshot-2026-07-25', '2026-04-30', null, 34],
    ]);
    expect(versions('DM_HUYEN')).toEqual([['gso-2025-03-01', null, '2025-06-30', 696]]);
    expect(versions('DM_XA')).toEqual([
      ['gso-2025-03-01', null, '2025-06-30', 10_047],
      ['2025-07-01', '2025-07-01', '2026-04-29', 3_321],
      ['snapshot-2026-07-25', '2026-04-30', null, 3_321],
    ]);
  });

  it('counts 63/696/10,047 units before the merger and 34/3,321 after', () => {
    const count = (id: string, asOf: string) => catalogs.entries(id, { asOf }).length;
    expect([count('DM_TINH', '2025-06-30'), count('DM_HUYEN', '2025-06-30')]).toEqual([63, 696]);
    expect(count('DM_XA', '2025-06-30')).toBe(10_047);
    expect([count('DM_TINH', '2025-07-01'), count('DM_HUYEN', '2025-07-01')]).toEqual([34, 0]);
    expect(count('DM_XA', '2025-07-01')).toBe(3_321);
    expect([count('DM_TINH', '2026-04-30'), count('DM_XA', '2026-04-30')]).toEqual([34, 3_321]);
  });

  it('counts the unit types of each version', () => {
    const types = (id: string, version: string) => {
      const counts: Record<string, number> = {};
      for (const e of catalogs.entries(id, { version })) {
        const type = String(e.attributes?.['type']);
        counts[type] = (counts[type] ?? 0) + 1;
      }
      return counts;
    };
    expect(types('DM_TINH', 'gso-2025-03-01')).toEqual({ Tỉnh: 57, 'Thành phố Trung ương': 6 });
    expect(types('DM_HUYEN', 'gso-2025-03-01')).toEqual({
      Huyện: 508,
      'Thành phố': 87,
      'Thị xã': 52,
      Quận: 49,
    });
    expect(types('DM_XA', 'gso-2025-03-01')).toEqual({ Xã: 7_706, Phường: 1_724, 'Thị trấn': 617 });
    expect(types('DM_TINH', '2025-07-01')).toEqual({ Tỉnh: 28, 'Thành phố Trung ương': 6 });
    expect(types('DM_XA', '2025-07-01')).toEqual({ Xã: 2_621, Phường: 687, 'Đặc khu': 13 });
    // Đồng Nai became a centrally-run city, and ten communes became wards.
    expect(types('DM_TINH', 'snapshot-2026-07-25')).toEqual({
      Tỉnh: 27,
      'Thành phố Trung ương': 7,
    });
    expect(types('DM_XA', 'snapshot-2026-07-25')).toEqual({
      Xã: 2_611,
      Phường: 697,
      'Đặc khu': 13,
    });
  });

  it('links units to their parents', () => {
    const district = catalogs.lookup('DM_HUYEN', '001', { asOf: '2025-06-30' })?.entry;
    expect(district).toMatchObject({ name: 'Quận Ba Đình', parent: '01', parentSystem: 'DM_TINH' });
    const before = catalogs.lookup('DM_XA', '00001', { asOf: '2025-06-30' })?.entry;
    expect(before).toMatchObject({
      name: 'Phường Phúc Xá',
      parent: '001',
      parentSystem: 'DM_HUYEN',
      attributes: { type: 'Phường', province: '01' },
    });
    const after = catalogs.lookup('DM_XA', '00070', { asOf: '2025-07-01' })?.entry;
    expect(after).toMatchObject({
      name: 'Phường Hoàn Kiếm',
      parent: '01',
      parentSystem: 'DM_TINH',
      attributes: { type: 'Phường' },
    });
    for (const version of ['gso-2025-03-01', '2025-07-01', 'snapshot-2026-07-25']) {
      const provinces = new Set(catalogs.entries('DM_TINH', { version }).map((e) => e.code));
      const parents = catalogs.entries('DM_XA', { version }).map((e) => e.parent);
      const districts = new Set(catalogs.entries('DM_HUYEN', { version }).map((e) => e.code));
      const known = version === 'gso-2025-03-01' ? districts : provinces;
      expect(parents.filter((p) => p === undefined || !known.has(p))).toEqual([]);
    }
  });

  it('keeps the names as each source writes them', () => {
    expect(name('DM_TINH', '01', '2025-07-01')).toBe('Thành phố Hà Nội');
    expect(name('DM_TINH', '04', '2025-07-01')).toBe('Cao Bằng'); // the 915 list has no "Tỉnh"
    expect(name('DM_TINH', '04', '2026-04-30')).toBe('Tỉnh Cao Bằng');
    expect(name('DM_TINH', '17', '2025-06-30')).toBe('Tỉnh Hoà Bình');
    // A <br> inside a cell of the 1027 table became a space.
    expect(name('DM_XA', '00226', '2025-07-01')).toBe('Phường Văn Miếu - Quốc Tử Giám');
    expect(name('DM_XA', '04630', '2025-07-01')).toBe('Xã Tú Lệ');
    // White space is normalized, case is kept.
    expect(name('DM_XA', '06325', '2026-04-30')).toBe('xã Bắc Sơn');
    const names = adminUnitsPack().codeSystems.flatMap((s) =>
      s.versions.flatMap((v) => v.entries.map((e) => e.name)),
    );
    expect(names.filter((n) => n !== n.normalize('NFC') || /<br|\s{2}|^\s|\s$/.test(n))).toEqual(
      [],
    );
  });
});

describe('reused codes', () => {
  it('province 24 is Bắc Giang until 2025-06-30 and Bắc Ninh from 2025-07-01', () => {
    expect(name('DM_TINH', '24', '2025-06-30')).toBe('Tỉnh Bắc Giang');
    expect(name('DM_TINH', '24', '2025-07-01')).toBe('Bắc Ninh');
    expect(name('DM_TINH', '24', '2026-04-30')).toBe('Tỉnh Bắc Ninh');
    // The old Bắc Ninh had code 27, which no longer exists.
    expect(name('DM_TINH', '27', '2025-06-30')).toBe('Tỉnh Bắc Ninh');
    expect(name('DM_TINH', '27', '2025-07-01')).toBeUndefined();
  });

  it.each([
    ['15', 'Tỉnh Yên Bái', 'Lào Cai'],
    ['44', 'Tỉnh Quảng Bình', 'Quảng Trị'],
    ['52', 'Tỉnh Bình Định', 'Gia Lai'],
    ['80', 'Tỉnh Long An', 'Tây Ninh'],
    ['82', 'Tỉnh Tiền Giang', 'Đồng Tháp'],
    ['91', 'Tỉnh Kiên Giang', 'An Giang'],
  ])('province %s was %s and is %s', (code, before, after) => {
    expect(name('DM_TINH', code, '2025-06-30')).toBe(before);
    expect(name('DM_TINH', code, '2025-07-01')).toBe(after);
  });

  it('commune 00004 was Phường Trúc Bạch and is Phường Ba Đình', () => {
    expect(name('DM_XA', '00004', '2025-06-30')).toBe('Phường Trúc Bạch');
    expect(name('DM_XA', '00004', '2025-07-01')).toBe('Phường Ba Đình');
  });

  it('about 2,150 of the new commune codes named another unit before', () => {
    const before = new Map(
      catalogs.entries('DM_XA', { asOf: '2025-06-30' }).map((e) => [e.code, e]),
    );
    const after = catalogs.entries('DM_XA', { asOf: '2025-07-01' });
    // The same code, another name (tone placement and case aside).
    const renamed = after.filter((e) => {
      const old = before.get(e.code);
      return old !== undefined && matchKey(old.name) !== matchKey(e.name);
    });
    expect(renamed.length).toBe(2_142);
    // Codes new on 2025-07-01: the special zones made of island districts without communes.
    expect(after.filter((e) => !before.has(e.code)).map((e) => e.code)).toEqual([
      '11948',
      '19742',
      '20333',
      '21548',
      '26732',
    ]);
  });

  it('merges Hải Dương (30) and Hải Phòng (31) into Hải Phòng (31)', () => {
    expect(name('DM_TINH', '30', '2025-06-30')).toBe('Tỉnh Hải Dương');
    expect(name('DM_TINH', '31', '2025-06-30')).toBe('Thành phố Hải Phòng');
    expect(name('DM_TINH', '30', '2025-07-01')).toBeUndefined();
    const hp = catalogs.lookup('DM_TINH', '31', { asOf: '2025-07-01' })?.entry;
    expect(hp).toMatchObject({ name: 'Thành phố Hải Phòng', replaces: ['30', '31'] });
    expect(catalogs.lookup('DM_TINH', '30', { asOf: '2025-06-30' })?.entry.replacedBy).toEqual([
      '31',
    ]);
    // A commune of the old Hải Dương belongs to Hải Phòng from 2025-07-01.
    expect(catalogs.lookup('DM_XA', '10525', { asOf: '2025-07-01' })?.entry).toMatchObject({
      name: 'Phường Hải Dương',
      parent: '31',
    });
  });
});

describe('asOf at the version boundaries', () => {
  it('switches versions on 2025-07-01 and 2026-04-30', () => {
    const version = (id: string, asOf: string) => catalogs.version(id, { asOf })?.version;
    expect(version('DM_TINH', '2025-06-30')).toBe('gso-2025-03-01');
    expect(version('DM_TINH', '2025-07-01')).toBe('2025-07-01');
    expect(version('DM_XA', '2026-04-29')).toBe('2025-07-01');
    expect(version('DM_XA', '2026-04-30')).toBe('snapshot-2026-07-25');
    expect(version('DM_XA', '2000-01-01')).toBe('gso-2025-03-01');
    expect(catalogs.version('DM_XA')?.version).toBe('snapshot-2026-07-25');
  });

  it('has no district level from 2025-07-01', () => {
    expect(name('DM_HUYEN', '001', '2025-06-30')).toBe('Quận Ba Đình');
    expect(catalogs.lookup('DM_HUYEN', '001', { asOf: '2025-07-01' })).toBeUndefined();
    expect(catalogs.lookup('DM_HUYEN', '001', { asOf: '2026-04-30' })).toBeUndefined();
    expect(catalogs.version('DM_HUYEN', { asOf: '2025-07-01' })).toBeUndefined();
  });

  it('reads the snapshot from 2026-04-30', () => {
    expect(name('DM_TINH', '38', '2026-04-29')).toBe('Thanh Hóa');
    expect(name('DM_TINH', '38', '2026-04-30')).toBe('Tỉnh Thanh Hoá');
    expect(name('DM_TINH', '75', '2026-04-29')).toBe('Đồng Nai');
    expect(name('DM_TINH', '75', '2026-04-30')).toBe('Thành phố Đồng Nai');
    expect(name('DM_XA', '26485', '2026-04-29')).toBe('Xã Nhơn Trạch');
    expect(name('DM_XA', '26485', '2026-04-30')).toBe('Phường Nhơn Trạch');
    // The 1027 list gives Ba Chẽ 06970; the snapshot gives 06978.
    expect(name('DM_XA', '06970', '2026-04-29')).toBe('Xã Ba Chẽ');
    expect(name('DM_XA', '06970', '2026-04-30')).toBeUndefined();
    expect(name('DM_XA', '06978', '2026-04-30')).toBe('Xã Ba Chẽ');
  });
});

describe('findByName through Catalogs', () => {
  const codes = (id: string, q: string, asOf: string) =>
    catalogs.findByName(id, q, { asOf }).map((h) => [h.entry.code, h.entry.name]);

  it('ignores tone placement: Thanh Hoá / Thanh Hóa, Khánh Hoà / Khánh Hòa', () => {
    expect(codes('DM_TINH', 'Thanh Hoá', '2025-07-01')).toEqual([['38', 'Thanh Hóa']]);
    expect(codes('DM_TINH', 'Tỉnh Thanh Hóa', '2026-04-30')).toEqual([['38', 'Tỉnh Thanh Hoá']]);
    expect(codes('DM_TINH', 'tỉnh thanh hoá', '2025-06-30')).toEqual([['38', 'Tỉnh Thanh Hóa']]);
    expect(codes('DM_TINH', 'Khánh Hoà', '2025-07-01')).toEqual([['56', 'Khánh Hòa']]);
    expect(codes('DM_TINH', 'Tỉnh Khánh Hòa', '2026-04-30')).toEqual([['56', 'Tỉnh Khánh Hoà']]);
    expect(codes('DM_XA', 'Phường Yên Hoà', '2025-07-01')).toEqual([['00175', 'Phường Yên Hòa']]);
  });

  it('finds the English name where the snapshot has one', () => {
    expect(codes('DM_TINH', 'Hanoi City', '2026-04-30')).toEqual([['01', 'Thành phố Hà Nội']]);
  });

  it('finds several units when names repeat', () => {
    expect(codes('DM_XA', 'Xã Hòa An', '2025-07-01').length).toBeGreaterThan(1);
  });
});
