import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const lopMonHocFields = fieldKit('QĐ 4998 LOPMN.2.1');

/** Thông tin phân công môn học (LOPMN.2.1). */
export const LopMonHoc = defineEntity(
  {
    name: 'LopMonHoc',
    code: 'LOPMN.2.1',
    label: { vi: 'Thông tin phân công môn học', en: 'TODO' },
    source: 'QĐ 4998 §1.2 (preschool section), referenced by LOPC1.1.1, LOPMN.2.1',
    key: [],
    kind: 'row',
  },
  {
    maMonHoc: lopMonHocFields.code('DMDC', { symbol: 'MA_MON_HOC', vi: 'Mã môn học', en: 'TODO' }),
    hocKy: lopMonHocFields.int({ symbol: 'HOC_KY', vi: 'Học kỳ', en: 'TODO' }),
    giaoVienId: lopMonHocFields.code('DMDC', {
      symbol: 'GIAO_VIEN_ID',
      vi: 'Mã giáo viên',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
  },
);
/** A record of {@link LopMonHoc}. */
export type LopMonHoc = z.output<typeof LopMonHoc>;

const lopFields = fieldKit('QĐ 4998 LOPC1.1.1');

/** Thông tin lớp học tiểu học (LOPC1.1.1). */
export const Lop = defineEntity(
  {
    name: 'Lop',
    code: 'LOPC1.1.1',
    label: { vi: 'Thông tin lớp học tiểu học', en: 'TODO' },
    source: 'QĐ 4998 §2.2, LOPC1.1.1',
    key: ['truongId', 'ma'],
    kind: 'record',
  },
  {
    truongId: lopFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    ma: lopFields.text(10, {
      symbol: 'MA',
      vi: 'Mã lớp',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    ten: lopFields.text(20, { symbol: 'TEN', vi: 'Tên lớp', en: 'TODO' }),
    giaoVienId: lopFields.text(20, {
      symbol: 'GIAO_VIEN_ID',
      vi: 'Mã giáo viên chủ nhiệm',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    maKhoi: lopFields.code('DMDC', { symbol: 'MA_KHOI', vi: 'Mã khối', en: 'TODO' }),
    diemTruongId: lopFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    maDanhMucTietHoc: lopFields.code('DMDC', {
      symbol: 'MA_DANH_MUC_TIET_HOC',
      vi: 'Mã danh mục tiết học',
      en: 'TODO',
    }),
    maDanhMucNgoaiNgu1: lopFields.code('DMDC', {
      symbol: 'MA_DANH_MUC_NGOAI_NGU_1',
      vi: 'Mã danh mục ngoại ngữ 1',
      en: 'TODO',
    }),
    maDanhMucNgoaiNgu2: lopFields.code('DMDC', {
      symbol: 'MA_DANH_MUC_NGOAI_NGU_2',
      vi: 'Mã danh mục ngoại ngữ 2',
      en: 'TODO',
    }),
    maSoTietNgoaiNgu: lopFields.code('DMDC', {
      symbol: 'MA_SO_TIET_NGOAI_NGU',
      vi: 'Mã số tiết ngoại ngữ',
      en: 'TODO',
    }),
    isDay2BuoiNgay: lopFields.bool({
      symbol: 'IS_DAY_2_BUOI_NGAY',
      vi: 'Dạy 2 buổi/ ngày',
      en: 'TODO',
    }),
    isLopGhep: lopFields.bool({ symbol: 'IS_LOP_GHEP', vi: 'Là lớp ghép', en: 'TODO' }),
    maLopGhep: lopFields.text(15, {
      symbol: 'MA_LOP_GHEP',
      vi: 'Mã lớp ghép',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    isCapNhatLopGhep: lopFields.bool({
      symbol: 'IS_CAP_NHAT_LOP_GHEP',
      vi: 'Có cập nhật lớp ghép',
      en: 'TODO',
    }),
    isBanTru: lopFields.bool({ symbol: 'IS_BAN_TRU', vi: 'Là lớp bán trú', en: 'TODO' }),
    isLopChuyenBiet: lopFields.bool({
      symbol: 'IS_LOP_CHUYEN_BIET',
      vi: 'Là lớp chuyên biệt',
      en: 'TODO',
    }),
    isHoc5BuoiTuan: lopFields.bool({
      symbol: 'IS_HOC_5_BUOI_TUAN',
      vi: 'Là lớp học 5 buổi/ tuần',
      en: 'TODO',
    }),
    isHoc68BuoiTuan: lopFields.bool({
      symbol: 'IS_HOC_6_8_BUOI_TUAN',
      vi: 'Là lớp học 6-8 buổi / tuần',
      en: 'TODO',
    }),
    isHoc910BuoiTuan: lopFields.bool({
      symbol: 'IS_HOC_9_10_BUOI_TUAN',
      vi: 'Là lớp học 9-10 buổi / tuần',
      en: 'TODO',
    }),
    isTbdhTviet: lopFields.bool({
      symbol: 'IS_TBDH_TVIET',
      vi: 'Đủ TBDH - Tiếng Việt',
      en: 'TODO',
    }),
    isTbdhToan: lopFields.bool({ symbol: 'IS_TBDH_TOAN', vi: 'Đủ TBDH - Toán', en: 'TODO' }),
    isDaiDienChaMeLop: lopFields.bool({
      symbol: 'IS_DAI_DIEN_CHA_ME_LOP',
      vi: 'Có đại diện cha mẹ học sinh lớp',
      en: 'TODO',
    }),
    isDaiDienChaMeTruong: lopFields.bool({
      symbol: 'IS_DAI_DIEN_CHA_ME_TRUONG',
      vi: 'Có đại diện cha mẹ học sinh trường',
      en: 'TODO',
    }),
    thuTu: lopFields.int({ symbol: 'THU_TU', vi: 'Số thứ tự', en: 'TODO', maxDigits: 10 }),
    maHocBanTru: lopFields.code('DMDC', {
      symbol: 'MA_HOC_BAN_TRU',
      vi: 'Mã học bán trú',
      en: 'TODO',
    }),
    maSoBuoiHocTrenTuan: lopFields.code('DMDC', {
      symbol: 'MA_SO_BUOI_HOC_TREN_TUAN',
      vi: 'Mã số buổi học trên tuần',
      en: 'TODO',
    }),
    monHocs: lopFields.list(LopMonHoc, { symbol: 'MON_HOCS', vi: 'Phân công môn học', en: 'TODO' }),
  },
);
/** A record of {@link Lop}. */
export type Lop = z.output<typeof Lop>;
