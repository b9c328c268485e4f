import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const lopMonHocFields = fieldKit('QĐ 4998 LOPMN.2.1');

/**
 * One subject taught in a class, with its semester and teacher (QĐ 4998 LOPMN.2.1 "Thông tin phân
 * công môn học", referenced by {@link Lop}).
 */
export const LopMonHoc = defineEntity(
  {
    name: 'LopMonHoc',
    code: 'LOPMN.2.1',
    label: { vi: 'Thông tin phân công môn học', en: 'Subject teaching assignment' },
    source: 'QĐ 4998 §1.2 LOPMN.2.1 (preschool section), referenced by LOPC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary class table (LOPC1.1.1 MON_HOCS).',
  },
  {
    maMonHoc: lopMonHocFields.code('DM_MON_HOC', {
      symbol: 'MA_MON_HOC',
      catalogInferred: true,
      vi: 'Mã môn học',
      en: 'Subject code',
    }),
    hocKy: lopMonHocFields.int({
      symbol: 'HOC_KY',
      vi: 'Học kỳ',
      en: 'Semester',
      note: 'An integer here, but a one-character string in KQHTC1.',
    }),
    giaoVienId: lopMonHocFields.text(20, {
      symbol: 'GIAO_VIEN_ID',
      vi: 'Mã giáo viên',
      en: 'Teacher code',
      sensitivity: 'identifier',
      note: 'Typed "Danh mục liệt kê" (enumeration, DMDC) in the specification, but it holds the code of a staff record (GVC1.1.1 GIAO_VIEN_ID), not a catalog code. Modelled as text of at most 20 characters, the length GVC1.1.1 gives.',
    }),
  },
);
/** A subject teaching assignment row, as {@link LopMonHoc} parses it. */
export type LopMonHoc = z.output<typeof LopMonHoc>;

const lopFields = fieldKit('QĐ 4998 LOPC1.1.1');

/**
 * A class of a primary school (QĐ 4998 LOPC1.1.1 "Thông tin lớp học tiểu học"): grade, homeroom
 * teacher, site, schedule and programme flags, and its subject teaching assignments
 * ({@link LopMonHoc}).
 */
export const Lop = defineEntity(
  {
    name: 'Lop',
    code: 'LOPC1.1.1',
    label: { vi: 'Thông tin lớp học tiểu học', en: 'Primary class' },
    source: 'QĐ 4998 §2.2 LOPC1.1.1',
    key: ['truongId', 'ma'],
    kind: 'record',
  },
  {
    truongId: lopFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
    }),
    ma: lopFields.text(10, {
      symbol: 'MA',
      vi: 'Mã lớp',
      en: 'Class code',
      sensitivity: 'identifier',
      required: true,
    }),
    ten: lopFields.text(20, { symbol: 'TEN', vi: 'Tên lớp', en: 'Class name' }),
    giaoVienId: lopFields.text(20, {
      symbol: 'GIAO_VIEN_ID',
      vi: 'Mã giáo viên chủ nhiệm',
      en: 'Homeroom teacher code',
      sensitivity: 'identifier',
    }),
    maKhoi: lopFields.code('DM_KHOI', {
      catalogInferred: true,
      symbol: 'MA_KHOI',
      vi: 'Mã khối',
      en: 'Grade code',
    }),
    diemTruongId: lopFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'Site code',
      sensitivity: 'identifier',
    }),
    maDanhMucTietHoc: lopFields.code('DM_TIET_HOC', {
      symbol: 'MA_DANH_MUC_TIET_HOC',
      catalogInferred: true,
      vi: 'Mã danh mục tiết học',
      en: 'Lesson period catalog code',
    }),
    maDanhMucNgoaiNgu1: lopFields.code('DM_NGOAI_NGU', {
      symbol: 'MA_DANH_MUC_NGOAI_NGU_1',
      catalogInferred: true,
      vi: 'Mã danh mục ngoại ngữ 1',
      en: 'First foreign language code',
    }),
    maDanhMucNgoaiNgu2: lopFields.code('DM_NGOAI_NGU', {
      symbol: 'MA_DANH_MUC_NGOAI_NGU_2',
      catalogInferred: true,
      vi: 'Mã danh mục ngoại ngữ 2',
      en: 'Second foreign language code',
    }),
    maSoTietNgoaiNgu: lopFields.code('DM_TIET_HOC_NGOAI_NGU', {
      symbol: 'MA_SO_TIET_NGOAI_NGU',
      catalogInferred: true,
      vi: 'Mã số tiết ngoại ngữ',
      en: 'Number of foreign-language periods code',
    }),
    isDay2BuoiNgay: lopFields.bool({
      symbol: 'IS_DAY_2_BUOI_NGAY',
      vi: 'Dạy 2 buổi/ ngày',
      en: 'Taught two sessions a day',
    }),
    isLopGhep: lopFields.bool({
      symbol: 'IS_LOP_GHEP',
      vi: 'Là lớp ghép',
      en: 'Is a combined (multi-grade) class',
    }),
    maLopGhep: lopFields.text(15, {
      symbol: 'MA_LOP_GHEP',
      vi: 'Mã lớp ghép',
      en: 'Combined class code',
      sensitivity: 'identifier',
      note: 'At most 15 characters, while a class code (MA) has at most 10.',
    }),
    isCapNhatLopGhep: lopFields.bool({
      symbol: 'IS_CAP_NHAT_LOP_GHEP',
      vi: 'Có cập nhật lớp ghép',
      en: 'Combined class updated',
    }),
    isBanTru: lopFields.bool({
      symbol: 'IS_BAN_TRU',
      vi: 'Là lớp bán trú',
      en: 'Is a semi-boarding class',
    }),
    isLopChuyenBiet: lopFields.bool({
      symbol: 'IS_LOP_CHUYEN_BIET',
      vi: 'Là lớp chuyên biệt',
      en: 'Is a special class for pupils with disabilities',
    }),
    isHoc5BuoiTuan: lopFields.bool({
      symbol: 'IS_HOC_5_BUOI_TUAN',
      vi: 'Là lớp học 5 buổi/ tuần',
      en: 'Studies five sessions a week',
    }),
    isHoc68BuoiTuan: lopFields.bool({
      symbol: 'IS_HOC_6_8_BUOI_TUAN',
      vi: 'Là lớp học 6-8 buổi / tuần',
      en: 'Studies six to eight sessions a week',
    }),
    isHoc910BuoiTuan: lopFields.bool({
      symbol: 'IS_HOC_9_10_BUOI_TUAN',
      vi: 'Là lớp học 9-10 buổi / tuần',
      en: 'Studies nine or ten sessions a week',
    }),
    isTbdhTviet: lopFields.bool({
      symbol: 'IS_TBDH_TVIET',
      vi: 'Đủ TBDH - Tiếng Việt',
      en: 'Has enough teaching equipment: Vietnamese',
    }),
    isTbdhToan: lopFields.bool({
      symbol: 'IS_TBDH_TOAN',
      vi: 'Đủ TBDH - Toán',
      en: 'Has enough teaching equipment: Mathematics',
    }),
    isDaiDienChaMeLop: lopFields.bool({
      symbol: 'IS_DAI_DIEN_CHA_ME_LOP',
      vi: 'Có đại diện cha mẹ học sinh lớp',
      en: "Has a class parents' representative committee",
    }),
    isDaiDienChaMeTruong: lopFields.bool({
      symbol: 'IS_DAI_DIEN_CHA_ME_TRUONG',
      vi: 'Có đại diện cha mẹ học sinh trường',
      en: "Represented on the school parents' committee",
    }),
    thuTu: lopFields.int({ symbol: 'THU_TU', vi: 'Số thứ tự', en: 'Sort order', maxDigits: 10 }),
    maHocBanTru: lopFields.code('DM_HOC_BAN_TRU', {
      symbol: 'MA_HOC_BAN_TRU',
      catalogInferred: true,
      vi: 'Mã học bán trú',
      en: 'Semi-boarding code',
    }),
    maSoBuoiHocTrenTuan: lopFields.code('DM_SO_BUOI_HOC_TREN_TUAN', {
      symbol: 'MA_SO_BUOI_HOC_TREN_TUAN',
      catalogInferred: true,
      vi: 'Mã số buổi học trên tuần',
      en: 'Sessions per week code',
    }),
    monHocs: lopFields.list(LopMonHoc, {
      symbol: 'MON_HOCS',
      vi: 'Phân công môn học',
      en: 'Subject teaching assignments',
    }),
  },
);
/** A primary class record, as {@link Lop} parses it. */
export type Lop = z.output<typeof Lop>;
