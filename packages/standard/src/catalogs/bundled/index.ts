import { Catalogs, trustedPack } from '../catalogs.ts';
import type { CatalogPack, CodeSystem } from '../types.ts';
import { DM_DAN_TOC, DM_DAN_TOC_TDTDS } from './ethnic-groups.ts';
import {
  DM_CHUC_DANH_NGHE_NGHIEP_GV_TIEU_HOC,
  DM_GIOI_TINH,
  DM_TRANG_THAI_CAN_BO,
  DM_TRANG_THAI_HOC_SINH,
} from './people.ts';
import { DM_MA_TINH_DINH_DANH } from './personal-id-prefixes.ts';
import { QD4998_CATALOGS } from './qd4998-catalogs.ts';
import {
  DM_KET_QUA_GIAO_DUC,
  DM_KY_DANH_GIA,
  DM_MON_HOC_TIEU_HOC,
  DM_MUC_DAT_MON_HOC,
  DM_MUC_DAT_PHAM_CHAT_NANG_LUC,
} from './tt27.ts';

/** Catalogs the SDK's own entities use; their values are not published anywhere: load them. */
const EDUVN_LOADABLE: readonly CodeSystem[] = [
  {
    addedByEduvn: true,
    id: 'DM_NGUON_THU',
    name: { vi: 'Danh mục nguồn thu', en: 'Revenue sources' },
    source: 'eduvn (TaiChinh; seed regulation Art. 5 cl. 6)',
    note: 'No official list is known. Suggested codes: NGAN_SACH (state budget), HOC_PHI (tuition), XA_HOI_HOA (socialization), TAI_TRO (sponsorship), KHAC (other). Load a pack.',
    versions: [],
  },
  {
    addedByEduvn: true,
    id: 'DM_NHOM_CHI',
    name: { vi: 'Danh mục nhóm chi', en: 'Expenditure categories' },
    source: 'eduvn (TaiChinh; seed regulation Art. 5 cl. 6)',
    note: 'No official list is known. Load a pack.',
    versions: [],
  },
  {
    addedByEduvn: true,
    id: 'DM_LY_DO_THAY_DOI_TRANG_THAI',
    name: { vi: 'Danh mục lý do thay đổi trạng thái', en: 'Reasons for status changes' },
    source: 'eduvn (SuKienTrangThai; seed regulation Art. 8 cl. 2–3)',
    note: 'No official list is known (QĐ 4998 has DM_LY_DO_THOI_HOC for drop-outs only). Load a pack.',
    versions: [],
  },
];

const WITH_VALUES: readonly CodeSystem[] = [
  DM_DAN_TOC,
  DM_DAN_TOC_TDTDS,
  DM_GIOI_TINH,
  DM_TRANG_THAI_HOC_SINH,
  DM_TRANG_THAI_CAN_BO,
  DM_CHUC_DANH_NGHE_NGHIEP_GV_TIEU_HOC,
  DM_MA_TINH_DINH_DANH,
  DM_MUC_DAT_MON_HOC,
  DM_MUC_DAT_PHAM_CHAT_NANG_LUC,
  DM_KET_QUA_GIAO_DUC,
  DM_KY_DANH_GIA,
  DM_MON_HOC_TIEU_HOC,
];

/**
 * Every catalog QĐ 4998 §II names, as a code system: with the bundled values where eduvn has
 * them, empty (no versions — load a pack) otherwise.
 */
function qd4998Systems(): CodeSystem[] {
  const bundled = new Map(WITH_VALUES.map((s) => [s.id, s]));
  return QD4998_CATALOGS.map(([id, vi, en, source]) => {
    const known = bundled.get(id);
    if (known) {
      return { ...known, source: `${known.source}; listed in QĐ 4998 §II`, addedByEduvn: false };
    }
    return {
      id,
      addedByEduvn: false,
      name: { vi, en },
      source: source === '' ? 'QĐ 4998 §II' : `QĐ 4998 §II; ${source}`,
      note: 'QĐ 4998 names this catalog but gives no values: load them from a catalog pack (for example the catalog sheets of the Ministry templates).',
      versions: [],
    };
  });
}

/**
 * The catalogs bundled with the SDK, as a pack: ethnic groups (QĐ 121), TT27 levels, results and
 * periods, GDPT 2018 primary subjects, teacher titles, sex, the known pupil and staff statuses,
 * personal-ID province prefixes, and every other QĐ 4998 catalog as a named, empty, loadable code
 * system. Every code system states {@link CodeSystem.addedByEduvn}: `false` for the catalogs of
 * QĐ 4998 §II, `true` for eduvn's own. Administrative units are in
 * `@eduvn/standard/admin-units`. The pack is frozen (copy it to change it).
 */
export const bundledCatalogsPack: CatalogPack = trustedPack({
  format: 'eduvn-catalog-pack',
  formatVersion: 1,
  name: 'eduvn-bundled',
  source: '@eduvn/standard',
  codeSystems: [
    ...qd4998Systems(),
    ...WITH_VALUES.filter((s) => !QD4998_CATALOGS.some(([id]) => id === s.id)).map(
      (s): CodeSystem => ({ ...s, addedByEduvn: true }),
    ),
    ...EDUVN_LOADABLE,
  ],
});

/**
 * A {@link Catalogs} set with the bundled catalogs, plus any packs given (merged in order; see
 * {@link Catalogs.with}).
 *
 * @example
 * ```ts
 * const catalogs = bundledCatalogs();
 * catalogs.lookup('DM_DAN_TOC', '01')?.entry.name // 'Kinh'
 * ```
 */
export function bundledCatalogs(...packs: readonly unknown[]): Catalogs {
  return Catalogs.from([bundledCatalogsPack, ...packs]);
}
