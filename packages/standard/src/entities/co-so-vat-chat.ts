import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit, refineField, refinement } from '../meta/field-kit.ts';

// QĐ 4998 describes primary-school facilities only as EQMS report aggregates (§2.5: EQMSDN.2.3 per
// site, EQMSDN.2.6–2.8 per school). These eduvn entities hold the records those aggregates are
// computed from: one record per site and school year.
const EQMS_SITE = 'QĐ 4998 EQMSDN.2.3';
const SOURCE = `${EQMS_SITE} (eduvn records from which the EQMS facility tables are computed)`;

/** Whether no two rows share a key (each category may appear once). */
function uniqueBy<T>(key: (row: T) => string): (rows: readonly T[]) => boolean {
  return (rows) => new Set(rows.map(key)).size === rows.length;
}

const phongHocFields = fieldKit(SOURCE, { addedByEduvn: true });

/**
 * Phòng học theo cấp xây dựng — a site's classrooms of one construction grade: a row of
 * `phongHocs` of {@link CoSoVatChat}. The grades are the EQMS columns: `'tren_cap_4'` (trên cấp 4,
 * above grade 4), `'cap_4'` (cấp 4), `'duoi_cap_4'` (dưới cấp 4, the EQMS "tạm": temporary) and
 * `'muon'` (mượn: borrowed rooms).
 */
export const PhongHocTheoCapXd = defineEntity(
  {
    name: 'PhongHocTheoCapXd',
    code: 'EDUVN.CSVC.2.1',
    label: { vi: 'Phòng học theo cấp xây dựng', en: 'Classrooms by construction grade' },
    source: SOURCE,
    key: [],
    kind: 'row',
  },
  {
    capXayDung: phongHocFields.oneOf(['tren_cap_4', 'cap_4', 'duoi_cap_4', 'muon'], {
      symbol: 'CAP_XAY_DUNG',
      vi: 'Cấp xây dựng',
      en: 'Construction grade',
      required: true,
      note: "tren_cap_4 = trên cấp 4; cap_4 = cấp 4; duoi_cap_4 = dưới cấp 4 (EQMS 'tạm'); muon = mượn (borrowed).",
    }),
    soLuong: phongHocFields.int({
      symbol: 'SO_LUONG',
      vi: 'Số lượng phòng',
      en: 'Number of rooms',
      required: true,
    }),
    dienTich: phongHocFields.decimal({
      symbol: 'DIEN_TICH',
      vi: 'Diện tích (m²)',
      en: 'Floor area (m²)',
      note: 'Square metres, the rooms together. Absent: unknown.',
    }),
  },
);
/** A record of {@link PhongHocTheoCapXd}. */
export type PhongHocTheoCapXd = z.output<typeof PhongHocTheoCapXd>;

const khuVeSinhFields = fieldKit(SOURCE, { addedByEduvn: true });

/**
 * Khu vệ sinh theo đối tượng sử dụng — a site's toilet blocks for one user group, standard-compliant
 * or not: a row of `khuVeSinhs` of {@link CoSoVatChat}. EQMS counts only the compliant ones ("khu vệ
 * sinh đạt chuẩn") per site; the school-level table EQMSDN.2.8 splits by criteria whose codes QĐ
 * 4998 does not give, which is why the flag is kept rather than only compliant counts.
 */
export const KhuVeSinhTheoDoiTuong = defineEntity(
  {
    name: 'KhuVeSinhTheoDoiTuong',
    code: 'EDUVN.CSVC.2.2',
    label: { vi: 'Khu vệ sinh theo đối tượng sử dụng', en: 'Toilet blocks by user group' },
    source: SOURCE,
    key: [],
    kind: 'row',
  },
  {
    doiTuongSuDung: khuVeSinhFields.oneOf(['gv_nam', 'gv_nu', 'hs_nam', 'hs_nu'], {
      symbol: 'DOI_TUONG_SU_DUNG',
      vi: 'Dùng cho',
      en: 'Used by',
      required: true,
      note: 'gv_nam / gv_nu = male / female teachers; hs_nam / hs_nu = male / female pupils.',
    }),
    datChuan: khuVeSinhFields.bool({
      symbol: 'DAT_CHUAN',
      vi: 'Đạt chuẩn',
      en: 'Meets the standard',
      required: true,
      note: 'As judged by the school against the facility standard (TT 13/2020/TT-BGDĐT; the exact criteria are unsure).',
    }),
    soLuong: khuVeSinhFields.int({
      symbol: 'SO_LUONG',
      vi: 'Số lượng',
      en: 'Number of toilet blocks',
      required: true,
    }),
    dienTich: khuVeSinhFields.decimal({
      symbol: 'DIEN_TICH',
      vi: 'Diện tích (m²)',
      en: 'Area (m²)',
      note: 'Square metres. Absent: unknown.',
    }),
  },
);
/** A record of {@link KhuVeSinhTheoDoiTuong}. */
export type KhuVeSinhTheoDoiTuong = z.output<typeof KhuVeSinhTheoDoiTuong>;

const nhaXeFields = fieldKit(SOURCE, { addedByEduvn: true });

/** Nhà xe theo đối tượng sử dụng — a site's bicycle sheds for teachers or for pupils. */
export const NhaXeTheoDoiTuong = defineEntity(
  {
    name: 'NhaXeTheoDoiTuong',
    code: 'EDUVN.CSVC.2.3',
    label: { vi: 'Nhà xe theo đối tượng sử dụng', en: 'Bicycle sheds by user group' },
    source: SOURCE,
    key: [],
    kind: 'row',
  },
  {
    doiTuongSuDung: nhaXeFields.oneOf(['gv', 'hs'], {
      symbol: 'DOI_TUONG_SU_DUNG',
      vi: 'Dùng cho',
      en: 'Used by',
      required: true,
      note: 'gv = teachers, hs = pupils.',
    }),
    soLuong: nhaXeFields.int({
      symbol: 'SO_LUONG',
      vi: 'Số lượng',
      en: 'Number of sheds',
      required: true,
    }),
    dienTich: nhaXeFields.decimal({
      symbol: 'DIEN_TICH',
      vi: 'Diện tích (m²)',
      en: 'Area (m²)',
      note: 'Square metres. Absent: unknown.',
    }),
  },
);
/** A record of {@link NhaXeTheoDoiTuong}. */
export type NhaXeTheoDoiTuong = z.output<typeof NhaXeTheoDoiTuong>;

const coSoVatChatFields = fieldKit(SOURCE, { addedByEduvn: true });

/** A minimum-teaching-equipment flag for one subject (eduvn, after QĐ 4998's class-level flags). */
function tbdh(symbol: string, mon: string, subject: string) {
  return coSoVatChatFields.bool({
    symbol,
    vi: `Đủ thiết bị dạy học tối thiểu - ${mon}`,
    en: `Has the minimum teaching equipment for ${subject}`,
    source: 'eduvn, after QĐ 4998 LOPC1.1.1 IS_TBDH_TVIET / IS_TBDH_TOAN',
    note:
      "True when every class of the site has the subject's minimum equipment set. The per-subject " +
      'minimum lists are fixed by a Ministry circular (believed TT 37/2021/TT-BGDĐT; unsure).',
  });
}

/**
 * Cơ sở vật chất điểm trường — the facilities of one site (điểm trường) of a primary school in one
 * school year: land, classrooms by construction grade, toilet blocks, bicycle sheds and
 * minimum-teaching-equipment flags.
 *
 * QĐ 4998 has no facility records for primary schools, only the EQMS start-of-year report's
 * aggregates; these records are what those aggregates are computed from:
 *
 * - `EqmsDiemTruongCsvc` (EQMSDN.2.3, one row per site) ← `dienTich`, `dienTichSanChoiBaiTap`
 *   and the three `phongHocDuDkTcHocNhom*` counts as they are; `phongHocCapxd{TrenCap4,Cap4,Tam,
 *   Muon}{Sl,Dt}` ← the {@link PhongHocTheoCapXd} rows `tren_cap_4`, `cap_4`, `duoi_cap_4`, `muon`;
 *   `khuVsDatChuanVs{Gv,Hs}{Nam,Nu}{Sl,Dt}` ← the {@link KhuVeSinhTheoDoiTuong} rows with
 *   `datChuan: true`; `nhaXe{Gv,Hs}{Sl,Dt}` ← the {@link NhaXeTheoDoiTuong} rows; the site's name
 *   from the school's site list (TRMN.2.1);
 * - `EqmsCsvcDienTichDat`, `EqmsCsvcPhongHoc`, `EqmsCsvcNhaVeSinh` (EQMSDN.2.6–2.8, per school)
 *   ← sums over the school's sites, one row per report criterion (`MA_BAO_CAO`, codes not given by
 *   QĐ 4998).
 *
 * The breakdowns are **lists of rows keyed by a closed classification** rather than named fields
 * (`phongHocTrenCap4SoLuong`, …): toilets need a user group × compliance split that would take 16
 * named fields; a row keeps a count and its area together; every breakdown is aggregated the same
 * way (group by key, sum); and the categories stay metadata (`values`), not field names. A key
 * appears at most once per list (checked here). An absent list means "not reported"; in a present
 * list, a category without a row has none (count 0) — the distinction keeps unknown from being
 * reported as zero.
 */
export const CoSoVatChat = defineEntity(
  {
    name: 'CoSoVatChat',
    code: 'EDUVN.CSVC.1.1',
    label: { vi: 'Cơ sở vật chất điểm trường', en: 'Site facilities' },
    source: SOURCE,
    key: ['truongId', 'diemTruongId', 'namHoc'],
    kind: 'record',
    note: 'Not a QĐ 4998 table: the EQMS facility tables (QĐ 4998 §2.5) are computed from these records.',
  },
  {
    truongId: coSoVatChatFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 TRC1.1.1',
    }),
    diemTruongId: coSoVatChatFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'Site code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 TRMN.2.1',
    }),
    namHoc: coSoVatChatFields.schoolYear({
      symbol: 'NAM_HOC',
      vi: 'Năm học',
      en: 'School year',
      required: true,
      source: 'eduvn',
      note: "Text 'yyyy-yyyy', the second year the first + 1, e.g. '2024-2025'. The EQMS facility table is part of the start-of-year report.",
    }),
    dienTich: coSoVatChatFields.decimal({
      symbol: 'DIEN_TICH',
      vi: 'Diện tích đất',
      en: 'Land area (m²)',
      source: EQMS_SITE,
      note: 'Square metres.',
    }),
    dienTichSanChoiBaiTap: coSoVatChatFields.decimal({
      symbol: 'DIEN_TICH_SAN_CHOI_BAI_TAP',
      vi: 'Diện tích sân chơi, bãi tập',
      en: 'Playground and sports-ground area (m²)',
      source: EQMS_SITE,
      note: 'Square metres.',
    }),
    phongHocs: refineField(
      coSoVatChatFields.list(PhongHocTheoCapXd, {
        symbol: 'PHONG_HOCS',
        vi: 'Phòng học theo cấp xây dựng',
        en: 'Classrooms by construction grade',
        note: 'At most one row per construction grade. Absent: not reported.',
      }),
      (s) =>
        s.refine(
          (rows) => rows === undefined || uniqueBy<PhongHocTheoCapXd>((r) => r.capXayDung)(rows),
          refinement({
            vi: 'mỗi cấp xây dựng chỉ được có một dòng',
            en: 'Each construction grade may appear only once',
          }),
        ),
    ),
    phongHocDuDkTcHocNhomDuDtVaBanGhe: coSoVatChatFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_DT_VA_BAN_GHE',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ diện tích và bàn ghế',
      en: 'Classrooms fit for group work: enough area and furniture',
      source: EQMS_SITE,
    }),
    phongHocDuDkTcHocNhomDuDtThieuBanGhe: coSoVatChatFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_DT_THIEU_BAN_GHE',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ diện tích - thiếu bàn ghế',
      en: 'Classrooms fit for group work: enough area, too little furniture',
      source: EQMS_SITE,
    }),
    phongHocDuDkTcHocNhomDuBanGheThieuDt: coSoVatChatFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_BAN_GHE_THIEU_DT',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ bàn ghế - thiếu diện tích',
      en: 'Classrooms fit for group work: enough furniture, too little area',
      source: EQMS_SITE,
    }),
    khuVeSinhs: refineField(
      coSoVatChatFields.list(KhuVeSinhTheoDoiTuong, {
        symbol: 'KHU_VE_SINHS',
        vi: 'Khu vệ sinh',
        en: 'Toilet blocks',
        note: 'At most one row per user group and compliance. Absent: not reported.',
      }),
      (s) =>
        s.refine(
          (rows) =>
            rows === undefined ||
            uniqueBy<KhuVeSinhTheoDoiTuong>((r) => `${r.doiTuongSuDung}/${r.datChuan}`)(rows),
          refinement({
            vi: 'mỗi đối tượng sử dụng chỉ được có một dòng cho mỗi mức đạt chuẩn',
            en: 'Each user group may appear only once per compliance',
          }),
        ),
    ),
    nhaXes: refineField(
      coSoVatChatFields.list(NhaXeTheoDoiTuong, {
        symbol: 'NHA_XES',
        vi: 'Nhà xe',
        en: 'Bicycle sheds',
        note: 'At most one row per user group. Absent: not reported.',
      }),
      (s) =>
        s.refine(
          (rows) =>
            rows === undefined || uniqueBy<NhaXeTheoDoiTuong>((r) => r.doiTuongSuDung)(rows),
          refinement({
            vi: 'mỗi đối tượng sử dụng chỉ được có một dòng',
            en: 'Each user group may appear only once',
          }),
        ),
    ),
    isTbdhTviet: coSoVatChatFields.bool({
      symbol: 'IS_TBDH_TVIET',
      vi: 'Đủ TBDH - Tiếng Việt',
      en: 'Has the minimum teaching equipment for Vietnamese',
      source: 'QĐ 4998 LOPC1.1.1 (per class there; per site here)',
      note: 'True when every class of the site has the minimum equipment set.',
    }),
    isTbdhToan: coSoVatChatFields.bool({
      symbol: 'IS_TBDH_TOAN',
      vi: 'Đủ TBDH - Toán',
      en: 'Has the minimum teaching equipment for Mathematics',
      source: 'QĐ 4998 LOPC1.1.1 (per class there; per site here)',
      note: 'True when every class of the site has the minimum equipment set.',
    }),
    isTbdhNgoaiNgu: tbdh('IS_TBDH_NGOAI_NGU', 'Ngoại ngữ', 'Foreign language'),
    isTbdhDaoDuc: tbdh('IS_TBDH_DAO_DUC', 'Đạo đức', 'Ethics'),
    isTbdhTuNhienXaHoi: tbdh('IS_TBDH_TU_NHIEN_XA_HOI', 'Tự nhiên và Xã hội', 'Nature and Society'),
    isTbdhLichSuDiaLi: tbdh('IS_TBDH_LICH_SU_DIA_LI', 'Lịch sử và Địa lí', 'History and Geography'),
    isTbdhKhoaHoc: tbdh('IS_TBDH_KHOA_HOC', 'Khoa học', 'Science'),
    isTbdhTinHocCongNghe: tbdh(
      'IS_TBDH_TIN_HOC_CONG_NGHE',
      'Tin học và Công nghệ',
      'Informatics and Technology',
    ),
    isTbdhAmNhac: tbdh('IS_TBDH_AM_NHAC', 'Âm nhạc', 'Music'),
    isTbdhMiThuat: tbdh('IS_TBDH_MI_THUAT', 'Mĩ thuật', 'Fine arts'),
    isTbdhGiaoDucTheChat: tbdh(
      'IS_TBDH_GIAO_DUC_THE_CHAT',
      'Giáo dục thể chất',
      'Physical education',
    ),
    isTbdhHoatDongTraiNghiem: tbdh(
      'IS_TBDH_HOAT_DONG_TRAI_NGHIEM',
      'Hoạt động trải nghiệm',
      'Experiential activities',
    ),
  },
);
/** A record of {@link CoSoVatChat}. */
export type CoSoVatChat = z.output<typeof CoSoVatChat>;
