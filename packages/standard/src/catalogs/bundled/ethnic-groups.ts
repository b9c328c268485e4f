import type { CodeSystem } from '../types.ts';

/** The 54 ethnic groups, QĐ 121-TCTK/PPCĐ (data: eduvn reference `catalogs/ethnic-groups-qd121.csv`). */
const QD121: readonly (readonly [code: string, name: string])[] = [
  ['01', 'Kinh'],
  ['02', 'Tày'],
  ['03', 'Thái'],
  ['04', 'Hoa'],
  ['05', 'Khơ-me'],
  ['06', 'Mường'],
  ['07', 'Nùng'],
  ['08', 'HMông'],
  ['09', 'Dao'],
  ['10', 'Gia-rai'],
  ['11', 'Ngái'],
  ['12', 'Ê-đê'],
  ['13', 'Ba-na'],
  ['14', 'Xơ-đăng'],
  ['15', 'Sán Chay'],
  ['16', 'Cơ-ho'],
  ['17', 'Chăm'],
  ['18', 'Sán Dìu'],
  ['19', 'Hrê'],
  ['20', 'Mnông'],
  ['21', 'Ra-glai'],
  ['22', 'Xtiêng'],
  ['23', 'Bru-Vân Kiều'],
  ['24', 'Thổ'],
  ['25', 'Giáy'],
  ['26', 'Cơ-tu'],
  ['27', 'Gié-Triêng'],
  ['28', 'Mạ'],
  ['29', 'Khơ-mú'],
  ['30', 'Co'],
  ['31', 'Tà-ôi'],
  ['32', 'Chơ-ro'],
  ['33', 'Kháng'],
  ['34', 'Xinh-mun'],
  ['35', 'Hà Nhì'],
  ['36', 'Chu-ru'],
  ['37', 'Lào'],
  ['38', 'La Chí'],
  ['39', 'La Ha'],
  ['40', 'Phù Lá'],
  ['41', 'La Hủ'],
  ['42', 'Lự'],
  ['43', 'Lô Lô'],
  ['44', 'Chứt'],
  ['45', 'Mảng'],
  ['46', 'Pà Thẻn'],
  ['47', 'Cờ Lao'],
  ['48', 'Cống'],
  ['49', 'Bố Y'],
  ['50', 'Si La'],
  ['51', 'Pu Péo'],
  ['52', 'Brâu'],
  ['53', 'Ơ-đu'],
  ['54', 'Rơ-măm'],
];

/**
 * `DM_DAN_TOC`: ethnic groups as QĐ 4998 references them (QĐ 121-TCTK/PPCĐ), codes `01`–`54`.
 * Sensitive personal data when attached to a person.
 */
export const DM_DAN_TOC: CodeSystem = {
  id: 'DM_DAN_TOC',
  name: { vi: 'Danh mục dân tộc', en: 'Ethnic groups' },
  source: 'QĐ 121-TCTK/PPCĐ (referenced by QĐ 4998 §II)',
  versions: [
    {
      version: 'qd121',
      source: 'QĐ 121-TCTK/PPCĐ',
      entries: QD121.map(([code, name]) => ({ code, name })),
    },
  ],
};

/**
 * `DM_DAN_TOC_TDTDS`: the General Statistics Office's census ordering of ethnic groups (04 Mường,
 * 05 Khmer, 06 Hoa, …), a different code system from {@link DM_DAN_TOC}: the same code means a
 * different group, so an ethnicity code always needs its code system. Its full list is not bundled
 * (not verified); load it from a catalog pack.
 */
export const DM_DAN_TOC_TDTDS: CodeSystem = {
  id: 'DM_DAN_TOC_TDTDS',
  name: {
    vi: 'Danh mục dân tộc theo thứ tự Tổng điều tra dân số',
    en: 'Ethnic groups, census ordering (GSO)',
  },
  source: 'Tổng cục Thống kê (population census publications)',
  note: 'Not bundled: the full list was not verified. Load it from a catalog pack. Codes differ from DM_DAN_TOC (04 Mường, 05 Khmer, 06 Hoa…).',
  versions: [],
};
