import { trustedPack } from '../catalogs/catalogs.ts';
import type { CatalogEntry, CatalogPack, CatalogVersion, CodeSystem } from '../catalogs/types.ts';
import * as links2025 from './data/mapping-2025-07-01.ts';
import * as units2025 from './data/units-2025-07-01.ts';
import * as gso from './data/units-gso-2025-03-01.ts';
import * as snapshot from './data/units-snapshot-2026-07-25.ts';
import {
  DM_HUYEN,
  DM_TINH,
  DM_XA,
  GSO_2025_03_01,
  REFORM_2025_07_01,
  SNAPSHOT_2026_07_25,
} from './ids.ts';
import { parseLinks, parseUnits, type UnitLine } from './parse.ts';

const MAPPING_NOTE =
  'The replaces/replacedBy links come from the dvhcvn/20250701 mapping (MIT License, Copyright (c) 2025 dvhcvn): many-to-many, built with LLM help and spot-checked — a suggestion to confirm, not an official correspondence. An old unit with several successors was split among them.';

const REUSED_CODES_NOTE =
  'Codes were reused with another meaning on 2025-07-01: province 24 was Bắc Giang and is Bắc Ninh (also 15, 44, 52, 80, 82, 91), and about 2,150 commune codes name a different unit than before. Always read a code with its date or version.';

const GSO_SOURCE =
  'Tổng cục Thống kê (GSO), danh mục đơn vị hành chính Việt Nam as of 01/03/2025 (GSO web service); public administrative data';
const GSO_NOTE = `The GSO list as of 01/03/2025 (63 provinces, 696 districts, 10,047 communes), applied to every date up to 2025-06-30: units dissolved before 01/03/2025 are not in it. ${REUSED_CODES_NOTE} ${MAPPING_NOTE}`;

const REFORM_SOURCE =
  'QĐ 19/2025/QĐ-TTg; Cục Thống kê, Công văn 915/CTK-CSCL (provinces) and 1027/CTK-CSCL of 25/06/2025 (communes); public administrative data';
const REFORM_NOTE = `34 provinces and 3,321 communes from 2025-07-01; there is no district level. ${REUSED_CODES_NOTE} ${MAPPING_NOTE}`;

const SNAPSHOT_SOURCE =
  'thanglequoc/vietnamese-provinces-database (MIT License, Copyright (c) 2021 Thang Le Quoc), snapshot taken 2026-07-25';
const SNAPSHOT_NOTE =
  'A snapshot taken 2026-07-25 of a community-maintained database, after Nghị quyết 30/2026/QH16 and Nghị quyết 237/NQ-UBTVQH16 (effective 2026-04-30); not an official list, and later changes are not in it. Its codes have no replaces/replacedBy links to the 2025-07-01 version.';

type Links = ReadonlyMap<string, readonly string[]>;

interface EntryExtras {
  readonly parentSystem?: string;
  readonly replaces?: readonly string[] | undefined;
  readonly replacedBy?: readonly string[] | undefined;
  readonly attributes?: Readonly<Record<string, string>>;
}

function toEntry(u: UnitLine, extras: EntryExtras = {}): CatalogEntry {
  const { parentSystem, replaces, replacedBy } = extras;
  return {
    code: u.code,
    name: u.name,
    ...(u.nameEn === undefined ? {} : { nameEn: u.nameEn }),
    ...(u.parent === '' || parentSystem === undefined ? {} : { parent: u.parent, parentSystem }),
    ...(replaces === undefined ? {} : { replaces }),
    ...(replacedBy === undefined ? {} : { replacedBy }),
    attributes: { type: u.type, ...extras.attributes },
  };
}

/** New code → old codes (sorted), from old code → new codes. */
function invert(...sources: Links[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const links of sources) {
    for (const [old, news] of links) {
      for (const now of news) {
        const olds = out.get(now);
        if (olds) olds.push(old);
        else out.set(now, [old]);
      }
    }
  }
  for (const olds of out.values()) olds.sort();
  return out;
}

function build(): CatalogPack {
  const provinceLinks = parseLinks(links2025.provinces);
  const districtLinks = parseLinks(links2025.districts);
  const communeLinks = parseLinks(links2025.communes);
  const provinceReplaces = invert(provinceLinks);
  const communeReplaces = invert(communeLinks);
  const districtReplaces = invert(districtLinks);

  const gsoDistricts = parseUnits(gso.districts);
  const provinceOfDistrict = new Map(gsoDistricts.map((d) => [d.code, d.parent]));

  const gsoVersion = (entries: CatalogEntry[]): CatalogVersion => ({
    version: GSO_2025_03_01,
    validTo: '2025-06-30',
    source: GSO_SOURCE,
    note: GSO_NOTE,
    entries,
  });
  const reformVersion = (entries: CatalogEntry[]): CatalogVersion => ({
    version: REFORM_2025_07_01,
    validFrom: '2025-07-01',
    validTo: '2026-04-29',
    source: REFORM_SOURCE,
    note: REFORM_NOTE,
    entries,
  });
  const snapshotVersion = (entries: CatalogEntry[]): CatalogVersion => ({
    version: SNAPSHOT_2026_07_25,
    validFrom: '2026-04-30',
    source: SNAPSHOT_SOURCE,
    note: SNAPSHOT_NOTE,
    entries,
  });

  const provinces: CodeSystem = {
    id: DM_TINH,
    name: {
      vi: 'Danh mục tỉnh, thành phố trực thuộc trung ương',
      en: 'Provinces and centrally-run cities',
    },
    source: 'Tổng cục Thống kê / Cục Thống kê, danh mục đơn vị hành chính Việt Nam',
    note: REUSED_CODES_NOTE,
    versions: [
      gsoVersion(
        parseUnits(gso.provinces).map((u) => toEntry(u, { replacedBy: provinceLinks.get(u.code) })),
      ),
      reformVersion(
        parseUnits(units2025.provinces).map((u) =>
          toEntry(u, { replaces: provinceReplaces.get(u.code) }),
        ),
      ),
      snapshotVersion(parseUnits(snapshot.provinces).map((u) => toEntry(u))),
    ],
  };

  const districts: CodeSystem = {
    id: DM_HUYEN,
    name: { vi: 'Danh mục quận, huyện, thị xã, thành phố thuộc tỉnh', en: 'Districts' },
    source: 'Tổng cục Thống kê, danh mục đơn vị hành chính Việt Nam',
    note: 'The district level was abolished on 2025-07-01: the catalog has no version from that day.',
    versions: [
      gsoVersion(
        gsoDistricts.map((u) => {
          const replacedBy = districtLinks.get(u.code);
          return toEntry(u, {
            parentSystem: DM_TINH,
            replacedBy,
            ...(replacedBy && { attributes: { replacedBySystem: DM_XA } }),
          });
        }),
      ),
    ],
  };

  const communes: CodeSystem = {
    id: DM_XA,
    name: { vi: 'Danh mục xã, phường, thị trấn, đặc khu', en: 'Communes, wards and special zones' },
    source: 'Tổng cục Thống kê / Cục Thống kê, danh mục đơn vị hành chính Việt Nam',
    note: REUSED_CODES_NOTE,
    versions: [
      gsoVersion(
        parseUnits(gso.communes).map((u) =>
          toEntry(u, {
            parentSystem: DM_HUYEN,
            replacedBy: communeLinks.get(u.code),
            attributes: { province: provinceOfDistrict.get(u.parent) ?? '' },
          }),
        ),
      ),
      reformVersion(
        parseUnits(units2025.communes).map((u) => {
          // The island districts without communes became special zones (đặc khu).
          const fromDistrict = districtReplaces.get(u.code);
          return toEntry(u, {
            parentSystem: DM_TINH,
            replaces: fromDistrict ?? communeReplaces.get(u.code),
            ...(fromDistrict && { attributes: { replacesSystem: DM_HUYEN } }),
          });
        }),
      ),
      snapshotVersion(
        parseUnits(snapshot.communes).map((u) => toEntry(u, { parentSystem: DM_TINH })),
      ),
    ],
  };

  return {
    format: 'eduvn-catalog-pack',
    formatVersion: 1,
    name: 'eduvn-admin-units',
    source: `${GSO_SOURCE}; ${REFORM_SOURCE}; ${SNAPSHOT_SOURCE}; mapping: dvhcvn/20250701 (MIT License)`,
    codeSystems: [provinces, districts, communes],
  };
}

let cached: CatalogPack | undefined;

/**
 * Vietnam's administrative units as a catalog pack, to load into `Catalogs` (with `Catalogs.from` or `Catalogs.with`): three code
 * systems, each code read with the version valid on the day it refers to.
 *
 * - `DM_TINH` (provinces) and `DM_XA` (communes, wards, special zones) have three versions:
 *   `'gso-2025-03-01'` (the GSO list as of 01/03/2025, 63 provinces and 10,047 communes; no
 *   `validFrom`, `validTo: '2025-06-30'`), `'2025-07-01'` (QĐ 19/2025/QĐ-TTg; Công văn
 *   915/CTK-CSCL and 1027/CTK-CSCL: 34 provinces and 3,321 communes; `validFrom: '2025-07-01'`,
 *   `validTo: '2026-04-29'`) and `'snapshot-2026-07-25'` (a snapshot of
 *   thanglequoc/vietnamese-provinces-database after Nghị quyết 30/2026/QH16 and 237/NQ-UBTVQH16;
 *   `validFrom: '2026-04-30'`).
 * - `DM_HUYEN` (696 districts) has only `'gso-2025-03-01'`: there is no district level from
 *   2025-07-01, so a district lookup as of that day finds nothing.
 *
 * Entries carry `parent` and `parentSystem` (a district's province; a commune's district before
 * 2025-07-01 and its province after), `attributes.type` (`'Tỉnh'`, `'Thành phố Trung ương'`,
 * `'Quận'`, `'Huyện'`, `'Phường'`, `'Xã'`, `'Thị trấn'`, `'Đặc khu'`, …), for GSO communes
 * `attributes.province`, and the `replacedBy` / `replaces` links of the 2025-07-01
 * reorganisation (see {@link successors}: a suggestion to confirm). The five island districts
 * without communes link to the special zone each became, with `attributes.replacedBySystem:
 * 'DM_XA'` (and `replacesSystem: 'DM_HUYEN'` on the special zone).
 *
 * Codes are reused with another meaning across versions (province `'24'` was Bắc Giang until
 * 2025-06-30 and is Bắc Ninh from 2025-07-01), so always look a code up `asOf` its date. Names are
 * kept as each source writes them; `Catalogs.findByName` ignores tone-placement differences.
 *
 * The data is parsed on the first call and the same pack, frozen, is returned afterwards. It lives in the
 * `@eduvn/standard/admin-units` subpath so that importing the schemas does not load it.
 *
 * @example
 * ```ts
 * import { bundledCatalogsPack, Catalogs } from '@eduvn/standard';
 * import { adminUnitsPack } from '@eduvn/standard/admin-units';
 *
 * const catalogs = Catalogs.from([bundledCatalogsPack, adminUnitsPack()]);
 * catalogs.lookup('DM_TINH', '24', { asOf: '2025-06-30' })?.entry.name; // 'Tỉnh Bắc Giang'
 * catalogs.lookup('DM_TINH', '24', { asOf: '2025-07-01' })?.entry.name; // 'Bắc Ninh'
 * ```
 */
export function adminUnitsPack(): CatalogPack {
  cached ??= trustedPack(build());
  return cached;
}
