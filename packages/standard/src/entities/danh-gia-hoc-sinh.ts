import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { type FieldInput, fieldKit, refineField, refinement } from '../meta/field-kit.ts';

// QĐ 4998 has no table for Thông tư 27/2020/TT-BGDĐT results: its KQHTC1 is pre-TT27 (học lực,
// hạnh kiểm). The fields below follow TT27 and the national database's KQHT import template
// (domain facts §4, vendor formats "National database import of TT27 results").
const TT27 = 'TT 27/2020/TT-BGDĐT';

const danhGiaMonHocFields = fieldKit(TT27, { addedByEduvn: true });

/**
 * Kết quả đánh giá một môn học hoặc hoạt động giáo dục — one subject's or educational activity's
 * result in one TT27 assessment period: a row of `monHocs` of {@link DanhGiaHocSinh}.
 *
 * Facts for the rules engine (not checked here; domain facts §4):
 *
 * - periodic tests (`diemKtdk`) are taken at the end of semester 1 (`CK1`) and the end of the year
 *   (`CN`) in Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học, Tin học và Công nghệ, and
 *   at mid-semester (`GK1`, `GK2`) in grades 4–5 for Tiếng Việt and Toán only. Khoa học's place in
 *   the list and which grade learns which subject (grades 1–2 Tiếng Việt, Toán; grade 3 adds
 *   Ngoại ngữ 1, Tin học và Công nghệ; grades 4–5 add Lịch sử và Địa lí, Khoa học) are **unsure**:
 *   keep them configurable.
 *
 * A subject appears at most once per record (checked here: it is structure, not law).
 */
export const DanhGiaMonHoc = defineEntity(
  {
    name: 'DanhGiaMonHoc',
    code: 'EDUVN.DGHS.2.1',
    label: {
      vi: 'Kết quả đánh giá môn học, hoạt động giáo dục',
      en: 'Subject or educational activity assessment',
    },
    source: `${TT27}; not in QĐ 4998 (eduvn entity)`,
    key: [],
    kind: 'row',
  },
  {
    maMonHoc: danhGiaMonHocFields.code('DM_MON_HOC_TIEU_HOC', {
      symbol: 'MA_MON_HOC',
      vi: 'Mã môn học, hoạt động giáo dục',
      en: 'Subject or activity code',
      required: true,
      note:
        'A code of DM_MON_HOC_TIEU_HOC, the eduvn catalog of the primary subjects and activities of ' +
        "the 2018 programme (TIENG_VIET, TOAN, …; bundled). The Ministry's DM_MON_HOC codes are not " +
        'published, so they are not used here.',
    }),
    mucDat: danhGiaMonHocFields.oneOf(['T', 'H', 'C'], {
      catalog: 'DM_MUC_DAT_MON_HOC',
      symbol: 'MUC_DAT',
      vi: 'Mức đạt được',
      en: 'Level achieved',
      sensitivity: 'personal',
      required: true,
      note: 'T = Hoàn thành tốt (completed well), H = Hoàn thành (completed), C = Chưa hoàn thành (not yet completed).',
    }),
    diemKtdk: danhGiaMonHocFields.int({
      symbol: 'DIEM_KTDK',
      vi: 'Điểm kiểm tra định kỳ',
      en: 'Periodic test score',
      sensitivity: 'personal',
      min: 0,
      max: 10,
      maxDigits: 2,
      note: 'A whole number 0–10; 0 is allowed (the old "no zero" rule was dropped).',
    }),
  },
);
/** A record of {@link DanhGiaMonHoc}. */
export type DanhGiaMonHoc = z.output<typeof DanhGiaMonHoc>;

const danhGiaHocSinhFields = fieldKit(TT27, { addedByEduvn: true });

/** A quality or competency at Tốt / Đạt / Cần cố gắng (T / Đ / C). */
function phamChatNangLuc(input: Omit<FieldInput<false>, 'sensitivity' | 'required'>) {
  return danhGiaHocSinhFields.oneOf(['T', 'Đ', 'C'], {
    ...input,
    catalog: 'DM_MUC_DAT_PHAM_CHAT_NANG_LUC',
    sensitivity: 'personal',
    note:
      'T = Tốt (good), Đ = Đạt (satisfactory), C = Cần cố gắng (needs effort); Đ is U+0110, the ' +
      'ASCII D is not accepted. The levels are verified; their exact Vietnamese wording is unsure.',
  });
}

/**
 * Đánh giá học sinh tiểu học theo Thông tư 27/2020/TT-BGDĐT — one pupil's TT27 assessment for one
 * period of one school year: the level of every subject and educational activity, the periodic
 * test scores, the 10 core competencies (3 general, 7 specific) and the 5 qualities, and at the end
 * of the year the overall result, completion, promotion and reward.
 *
 * QĐ 4998 has no such table (its `KQHTC1` is pre-TT27): this is an eduvn entity whose fields follow
 * TT27 and the national database's KQHT import template. It holds structure only; the legal rules
 * that relate the fields belong to the rules engine. Those rules, for reference (domain facts §4):
 *
 * - `ketQuaCuoiNam` (TT27 Art. 9) is **Hoàn thành xuất sắc** when every subject is `T`, every
 *   quality and competency `T` and every end-of-year test ≥ 9; **Hoàn thành tốt** when not HTXS,
 *   every subject `T`, qualities and competencies `T`, every end-of-year test ≥ 7 (both verified);
 *   **Hoàn thành** when not the above, subjects `T`/`H`, qualities and competencies `T`/`Đ`, every
 *   end-of-year test ≥ 5, and **Chưa hoàn thành** otherwise (these two **unsure**: thresholds must be
 *   configurable). It is meaningful only at `CN`;
 * - a pupil whose result is HTXS/HTT/HT completes the grade (`hoanThanhChuongTrinhLopHoc`); grade-5
 *   completers complete primary school (`hoanThanhChuongTrinhTieuHoc`);
 * - `lenLop` is an input, never derived: for pupils who do not complete the grade it is the
 *   principal's decision;
 * - which competencies and subjects are assessed depends on the grade (the grade 1–2 template has
 *   5 specific competencies, without Công nghệ and Tin học — unsure for grades 3–5), so they are all
 *   optional here.
 */
export const DanhGiaHocSinh = defineEntity(
  {
    name: 'DanhGiaHocSinh',
    code: 'EDUVN.DGHS.1.1',
    label: {
      vi: 'Đánh giá học sinh tiểu học theo Thông tư 27',
      en: 'Primary pupil assessment (TT27)',
    },
    source: `${TT27}; not in QĐ 4998 (eduvn entity)`,
    key: ['truongId', 'hocSinhId', 'namHoc', 'kyDanhGia'],
    kind: 'record',
    note: 'Replaces the pre-TT27 KQHTC1 for TT27 results; one record per pupil, school year and period.',
  },
  {
    truongId: danhGiaHocSinhFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 TRC1.1.1',
    }),
    hocSinhId: danhGiaHocSinhFields.text(20, {
      symbol: 'HOC_SINH_ID',
      vi: 'Mã học sinh',
      en: 'Student code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 HSC1.1.1',
    }),
    maLop: danhGiaHocSinhFields.text(10, {
      symbol: 'MA_LOP',
      vi: 'Mã lớp',
      en: 'Class code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 HSC1.1.1',
      note: "The pupil's class in the assessed period.",
    }),
    khoi: danhGiaHocSinhFields.int({
      symbol: 'KHOI',
      vi: 'Khối lớp',
      en: 'Grade',
      required: true,
      min: 1,
      max: 5,
      maxDigits: 1,
      note: 'The grade 1–5 as a number (QĐ 4998 codes grades with the MA_KHOI catalog instead).',
    }),
    namHoc: danhGiaHocSinhFields.schoolYear({
      symbol: 'NAM_HOC',
      vi: 'Năm học',
      en: 'School year',
      required: true,
      source: 'eduvn',
      note: "Text 'yyyy-yyyy', the second year the first + 1, e.g. '2024-2025'.",
    }),
    kyDanhGia: danhGiaHocSinhFields.oneOf(['GK1', 'CK1', 'GK2', 'CN'], {
      catalog: 'DM_KY_DANH_GIA',
      symbol: 'KY_DANH_GIA',
      vi: 'Kỳ đánh giá',
      en: 'Assessment period',
      required: true,
      note:
        'eduvn codes: GK1 = Giữa học kỳ 1 (mid-semester 1), CK1 = Cuối học kỳ 1 (end of semester 1), ' +
        'GK2 = Giữa học kỳ 2 (mid-semester 2), CN = Cuối năm học (end of year).',
    }),
    monHocs: refineField(
      danhGiaHocSinhFields.list(DanhGiaMonHoc, {
        symbol: 'MON_HOCS',
        vi: 'Môn học và hoạt động giáo dục',
        en: 'Subjects and educational activities',
        sensitivity: 'personal',
        required: true,
        note: 'One row per subject or activity assessed in the period; may be empty.',
      }),
      (s) =>
        s.refine(
          (rows) => new Set(rows.map((r) => r.maMonHoc)).size === rows.length,
          refinement({
            vi: 'mỗi môn học chỉ được có một dòng',
            en: 'Each subject may appear only once',
          }),
        ),
    ),
    nlTuChuTuHoc: phamChatNangLuc({
      symbol: 'NL_TU_CHU_TU_HOC',
      vi: 'Năng lực tự chủ và tự học',
      en: 'Competency: self-control and self-study',
    }),
    nlGiaoTiepHopTac: phamChatNangLuc({
      symbol: 'NL_GIAO_TIEP_HOP_TAC',
      vi: 'Năng lực giao tiếp và hợp tác',
      en: 'Competency: communication and cooperation',
    }),
    nlGiaiQuyetVanDeSangTao: phamChatNangLuc({
      symbol: 'NL_GIAI_QUYET_VAN_DE_SANG_TAO',
      vi: 'Năng lực giải quyết vấn đề và sáng tạo',
      en: 'Competency: problem solving and creativity',
    }),
    nlNgonNgu: phamChatNangLuc({
      symbol: 'NL_NGON_NGU',
      vi: 'Năng lực ngôn ngữ',
      en: 'Competency: language',
    }),
    nlTinhToan: phamChatNangLuc({
      symbol: 'NL_TINH_TOAN',
      vi: 'Năng lực tính toán',
      en: 'Competency: numeracy',
    }),
    nlKhoaHoc: phamChatNangLuc({
      symbol: 'NL_KHOA_HOC',
      vi: 'Năng lực khoa học',
      en: 'Competency: science',
    }),
    nlCongNghe: phamChatNangLuc({
      symbol: 'NL_CONG_NGHE',
      vi: 'Năng lực công nghệ',
      en: 'Competency: technology',
    }),
    nlTinHoc: phamChatNangLuc({
      symbol: 'NL_TIN_HOC',
      vi: 'Năng lực tin học',
      en: 'Competency: informatics',
    }),
    nlThamMi: phamChatNangLuc({
      symbol: 'NL_THAM_MI',
      vi: 'Năng lực thẩm mĩ',
      en: 'Competency: aesthetics',
    }),
    nlTheChat: phamChatNangLuc({
      symbol: 'NL_THE_CHAT',
      vi: 'Năng lực thể chất',
      en: 'Competency: physical',
    }),
    pcYeuNuoc: phamChatNangLuc({
      symbol: 'PC_YEU_NUOC',
      vi: 'Phẩm chất yêu nước',
      en: 'Quality: patriotism',
    }),
    pcNhanAi: phamChatNangLuc({
      symbol: 'PC_NHAN_AI',
      vi: 'Phẩm chất nhân ái',
      en: 'Quality: kindness',
    }),
    pcChamChi: phamChatNangLuc({
      symbol: 'PC_CHAM_CHI',
      vi: 'Phẩm chất chăm chỉ',
      en: 'Quality: diligence',
    }),
    pcTrungThuc: phamChatNangLuc({
      symbol: 'PC_TRUNG_THUC',
      vi: 'Phẩm chất trung thực',
      en: 'Quality: honesty',
    }),
    pcTrachNhiem: phamChatNangLuc({
      symbol: 'PC_TRACH_NHIEM',
      vi: 'Phẩm chất trách nhiệm',
      en: 'Quality: responsibility',
    }),
    ketQuaCuoiNam: danhGiaHocSinhFields.oneOf(['HTXS', 'HTT', 'HT', 'CHT'], {
      catalog: 'DM_KET_QUA_GIAO_DUC',
      symbol: 'KET_QUA_CUOI_NAM',
      vi: 'Kết quả giáo dục cuối năm (xếp loại)',
      en: 'End-of-year result',
      sensitivity: 'personal',
      source: 'TT 27/2020 Art. 9',
      note:
        'HTXS = Hoàn thành xuất sắc, HTT = Hoàn thành tốt, HT = Hoàn thành, CHT = Chưa hoàn thành. ' +
        'Meaningful only at CN. An input as assessed; the rules engine checks it against the ' +
        'components (HTXS/HTT rules verified, HT/CHT thresholds unsure).',
    }),
    hoanThanhChuongTrinhLopHoc: danhGiaHocSinhFields.bool({
      symbol: 'HOAN_THANH_CHUONG_TRINH_LOP_HOC',
      vi: 'Hoàn thành chương trình lớp học',
      en: 'Completed the grade programme',
      sensitivity: 'personal',
      note: 'Expected true exactly when ketQuaCuoiNam is HTXS, HTT or HT (a rules-engine check).',
    }),
    lenLop: danhGiaHocSinhFields.bool({
      symbol: 'LEN_LOP',
      vi: 'Lên lớp',
      en: 'Promoted to the next grade',
      sensitivity: 'personal',
      note: "An input, never derived: for pupils who did not complete the grade it is the principal's decision.",
    }),
    hoanThanhChuongTrinhTieuHoc: danhGiaHocSinhFields.bool({
      symbol: 'HOAN_THANH_CHUONG_TRINH_TIEU_HOC',
      vi: 'Hoàn thành chương trình tiểu học',
      en: 'Completed primary education',
      sensitivity: 'personal',
      note: 'Grade 5 only: the pupils who complete grade 5.',
    }),
    khenThuong: danhGiaHocSinhFields.oneOf(['HS_XUAT_SAC', 'HS_TIEU_BIEU'], {
      symbol: 'KHEN_THUONG',
      vi: 'Danh hiệu khen thưởng cuối năm',
      en: 'End-of-year award',
      sensitivity: 'personal',
      note:
        'eduvn codes: HS_XUAT_SAC = "Học sinh Xuất sắc" (for HTXS); HS_TIEU_BIEU = "Học sinh Tiêu ' +
        'biểu hoàn thành tốt trong học tập và rèn luyện" (HTT plus a class recognition, an input). ' +
        'One value: the two titles exclude each other. Other awards (outstanding achievements, ' +
        "higher-level awards) belong to the pupil's reward list, not here.",
    }),
    nhanXet: danhGiaHocSinhFields.text(undefined, {
      symbol: 'NHAN_XET',
      vi: 'Nhận xét',
      en: "Teacher's comment",
      sensitivity: 'sensitive',
      note: 'Free text about a child can mention health or family circumstances: masked by default.',
    }),
  },
);
/** A record of {@link DanhGiaHocSinh}. */
export type DanhGiaHocSinh = z.output<typeof DanhGiaHocSinh>;

/**
 * A field of {@link DanhGiaHocSinh} holding one of the 3 general competencies (năng lực chung):
 * tự chủ và tự học, giao tiếp và hợp tác, giải quyết vấn đề và sáng tạo (TT 27/2020).
 */
export type GeneralCompetencyField = Extract<
  keyof DanhGiaHocSinh,
  'nlTuChuTuHoc' | 'nlGiaoTiepHopTac' | 'nlGiaiQuyetVanDeSangTao'
>;

/**
 * A field of {@link DanhGiaHocSinh} holding one of the 7 specific competencies (năng lực đặc
 * thù): ngôn ngữ, tính toán, khoa học, công nghệ, tin học, thẩm mĩ, thể chất (TT 27/2020).
 */
export type SpecificCompetencyField = Extract<
  keyof DanhGiaHocSinh,
  'nlNgonNgu' | 'nlTinhToan' | 'nlKhoaHoc' | 'nlCongNghe' | 'nlTinHoc' | 'nlThamMi' | 'nlTheChat'
>;

/**
 * A field of {@link DanhGiaHocSinh} holding one of the 5 qualities (phẩm chất): yêu nước, nhân
 * ái, chăm chỉ, trung thực, trách nhiệm (TT 27/2020).
 */
export type QualityField = Extract<
  keyof DanhGiaHocSinh,
  'pcYeuNuoc' | 'pcNhanAi' | 'pcChamChi' | 'pcTrungThuc' | 'pcTrachNhiem'
>;

/** A quality or competency field of {@link DanhGiaHocSinh}. */
export type TraitField = GeneralCompetencyField | SpecificCompetencyField | QualityField;
