import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const diemMonFields = fieldKit('QĐ 4998 KQHTC1.2.1');

/**
 * One subject score within a pre-TT27 result (QĐ 4998 KQHTC1.2.1 "Điểm môn", referenced by
 * {@link KetQuaHocTap}).
 */
export const DiemMon = defineEntity(
  {
    name: 'DiemMon',
    code: 'KQHTC1.2.1',
    label: { vi: 'Điểm môn', en: 'Subject score' },
    source: 'QĐ 4998 §2.4 KQHTC1.2.1, referenced by KQHTC1',
    key: [],
    kind: 'row',
  },
  {
    maMonHoc: diemMonFields.code('DM_MON_HOC', {
      symbol: 'MA_MON_HOC',
      catalogInferred: true,
      vi: 'Mã môn học',
      en: 'Subject code',
      sensitivity: 'personal',
    }),
    diem: diemMonFields.decimal({
      symbol: 'DIEM',
      vi: 'Điểm',
      en: 'Score',
      sensitivity: 'personal',
    }),
  },
);
/** A subject score row, as {@link DiemMon} parses it. */
export type DiemMon = z.output<typeof DiemMon>;

const ketQuaHocTapFields = fieldKit('QĐ 4998 KQHTC1');

/**
 * A pupil's results for one semester under the pre-TT27 rules (QĐ 4998 KQHTC1 "Kết quả học tập"):
 * summary score, academic performance, conduct, title, absences, promotion, and subject scores
 * ({@link DiemMon}). The TT 27/2020 assessment the live database uses is modelled by
 * `DanhGiaHocSinh`.
 */
export const KetQuaHocTap = defineEntity(
  {
    name: 'KetQuaHocTap',
    code: 'KQHTC1',
    label: { vi: 'Kết quả học tập', en: 'Academic results' },
    source: 'QĐ 4998 §2.4 KQHTC1',
    key: ['hocSinhId', 'hocKy'],
    kind: 'record',
    note: 'The pre-TT27 results table: a summary score, học lực (academic performance) and hạnh kiểm (conduct). It has no fields for the TT 27/2020 qualities, competencies or four-level result; the live CSDL templates carry TT27 data instead, modelled by DanhGiaHocSinh elsewhere in the SDK. The specification gives no school-year field, so (HOC_SINH_ID, HOC_KY) is unique only within one school year.',
  },
  {
    truongId: ketQuaHocTapFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
    }),
    maKhoi: ketQuaHocTapFields.code('DM_KHOI', {
      symbol: 'MA_KHOI',
      catalogInferred: true,
      vi: 'Mã khối',
      en: 'Grade code',
      sensitivity: 'personal',
    }),
    maLop: ketQuaHocTapFields.text(10, {
      symbol: 'MA_LOP',
      vi: 'Mã lớp',
      en: 'Class code',
      sensitivity: 'identifier',
    }),
    hocSinhId: ketQuaHocTapFields.text(20, {
      symbol: 'HOC_SINH_ID',
      vi: 'Mã học sinh',
      en: 'Pupil code',
      sensitivity: 'identifier',
      required: true,
    }),
    hoTen: ketQuaHocTapFields.text(50, {
      symbol: 'HO_TEN',
      vi: 'Họ tên',
      en: 'Full name',
      sensitivity: 'personal',
      note: "A copy of the pupil's name (HSC1.1.1 HO_TEN), optional here.",
    }),
    ngaySinh: ketQuaHocTapFields.date({
      symbol: 'NGAY_SINH',
      vi: 'Ngày sinh',
      en: 'Date of birth',
      sensitivity: 'personal',
    }),
    hocKy: ketQuaHocTapFields.text(1, {
      symbol: 'HOC_KY',
      vi: 'Học kỳ',
      en: 'Semester',
      sensitivity: 'identifier',
      required: true,
      note: 'Typed as a one-character string here (an integer in LOPMN.2.1); the specification does not list its values.',
    }),
    diemTongKet: ketQuaHocTapFields.text(4, {
      symbol: 'DIEM_TONG_KET',
      vi: 'Điểm tổng kết',
      en: 'Overall average score',
      sensitivity: 'personal',
      note: 'A score typed as text of at most 4 characters; kept as text exactly as given, not parsed as a number.',
    }),
    maHocLuc: ketQuaHocTapFields.code('DM_HOC_LUC', {
      symbol: 'MA_HOC_LUC',
      catalogInferred: true,
      vi: 'Mã học lực',
      en: 'Academic performance code',
      sensitivity: 'personal',
    }),
    maHanhKiem: ketQuaHocTapFields.code('DM_HANH_KIEM', {
      symbol: 'MA_HANH_KIEM',
      catalogInferred: true,
      vi: 'Mã hạnh kiểm',
      en: 'Conduct code',
      sensitivity: 'personal',
    }),
    maDanhHieu: ketQuaHocTapFields.code('DM_DANH_HIEU', {
      symbol: 'MA_DANH_HIEU',
      catalogInferred: true,
      vi: 'Mã danh hiệu',
      en: 'Honour title code',
      sensitivity: 'personal',
    }),
    soNgayNghi: ketQuaHocTapFields.text(10, {
      symbol: 'SO_NGAY_NGHI',
      vi: 'Số ngày nghỉ',
      en: 'Days absent',
      sensitivity: 'personal',
      note: 'A count typed as text (at most 10 characters); kept as text exactly as given.',
    }),
    nhanXet: ketQuaHocTapFields.text(255, {
      symbol: 'NHAN_XET',
      vi: 'Nhận xét',
      en: 'Comments',
      sensitivity: 'personal',
    }),
    khenThuong: ketQuaHocTapFields.text(255, {
      symbol: 'KHEN_THUONG',
      vi: 'Khen thưởng',
      en: 'Rewards',
      sensitivity: 'personal',
    }),
    kyLuat: ketQuaHocTapFields.text(255, {
      symbol: 'KY_LUAT',
      vi: 'Kỷ luật',
      en: 'Disciplinary measures',
      sensitivity: 'sensitive',
      note: 'Disciplinary records are sensitive.',
    }),
    isLenLop: ketQuaHocTapFields.bool({
      symbol: 'IS_LEN_LOP',
      vi: 'Được lên lớp',
      en: 'Promoted to the next grade',
      sensitivity: 'personal',
    }),
    isRenLuyenLai: ketQuaHocTapFields.bool({
      symbol: 'IS_REN_LUYEN_LAI',
      vi: 'Rèn luyện lại',
      en: 'Must redo conduct training in the summer',
      sensitivity: 'personal',
    }),
    diemMons: ketQuaHocTapFields.list(DiemMon, {
      symbol: 'DIEM_MONS',
      vi: 'Danh sách điểm môn',
      en: 'Subject scores',
      sensitivity: 'personal',
    }),
    isHoanThanhChuongTrinhTieuHoc: ketQuaHocTapFields.bool({
      symbol: 'IS_HOAN_THANH_CHUONG_TRINH_TIEU_HOC',
      vi: 'Hoàn thành chương trình tiểu học',
      en: 'Completed the primary education programme',
      sensitivity: 'personal',
    }),
  },
);
/** A pre-TT27 results record, as {@link KetQuaHocTap} parses it. */
export type KetQuaHocTap = z.output<typeof KetQuaHocTap>;
