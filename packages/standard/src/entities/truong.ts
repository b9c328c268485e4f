import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const diemTruongFields = fieldKit('QĐ 4998 TRMN.2.1');

/** Thông tin về các điểm trường (TRMN.2.1). */
export const DiemTruong = defineEntity(
  {
    name: 'DiemTruong',
    code: 'TRMN.2.1',
    label: { vi: 'Thông tin về các điểm trường', en: 'TODO' },
    source: 'QĐ 4998 §1.1 (preschool section), referenced by TRC1.1.1, TRMN.2.1',
    key: [],
    kind: 'row',
  },
  {
    diemTruongId: diemTruongFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    ten: diemTruongFields.text(200, { symbol: 'TEN', vi: 'Tên điểm trường', en: 'TODO' }),
    dienThoai: diemTruongFields.text(20, { symbol: 'DIEN_THOAI', vi: 'Số điện thoại', en: 'TODO' }),
    diaChi: diemTruongFields.text(250, { symbol: 'DIA_CHI', vi: 'Địa chỉ', en: 'TODO' }),
    khoangCachDiemTruongChinh: diemTruongFields.decimal({
      symbol: 'KHOANG_CACH_DIEM_TRUONG_CHINH',
      vi: 'Khoảng cách điểm trường chính',
      en: 'TODO',
    }),
    phuongTienCoTheDiLai: diemTruongFields.text(50, {
      symbol: 'PHUONG_TIEN_CO_THE_DI_LAI',
      vi: 'Phương tiện có thể đi lại',
      en: 'TODO',
    }),
    dienTich: diemTruongFields.decimal({ symbol: 'DIEN_TICH', vi: 'Diện tích', en: 'TODO' }),
  },
);
/** A record of {@link DiemTruong}. */
export type DiemTruong = z.output<typeof DiemTruong>;

const truongVungKhoKhanFields = fieldKit('QĐ 4998 TRMN.2.2');

/** Trường vùng khó khăn (TRMN.2.2). */
export const TruongVungKhoKhan = defineEntity(
  {
    name: 'TruongVungKhoKhan',
    code: 'TRMN.2.2',
    label: { vi: 'Trường vùng khó khăn', en: 'TODO' },
    source: 'QĐ 4998 §1.1 (preschool section), referenced by TRC1.1.1, TRMN.2.2',
    key: [],
    kind: 'row',
  },
  {
    ma: truongVungKhoKhanFields.text(20, { symbol: 'MA', vi: 'Mã vùng khó khăn', en: 'TODO' }),
  },
);
/** A record of {@link TruongVungKhoKhan}. */
export type TruongVungKhoKhan = z.output<typeof TruongVungKhoKhan>;

const truongFields = fieldKit('QĐ 4998 TRC1.1.1');

/** Thông tin trường tiểu học (TRC1.1.1). */
export const Truong = defineEntity(
  {
    name: 'Truong',
    code: 'TRC1.1.1',
    label: { vi: 'Thông tin trường tiểu học', en: 'TODO' },
    source: 'QĐ 4998 §2.1, TRC1.1.1',
    key: ['truongId'],
    kind: 'record',
  },
  {
    truongId: truongFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    ten: truongFields.text(200, { symbol: 'TEN', vi: 'Tên trường', en: 'TODO' }),
    maNhomCapHoc: truongFields.code('DM_CAP_HOC', {
      symbol: 'MA_NHOM_CAP_HOC',
      vi: 'Mã nhóm cấp học',
      en: 'TODO',
    }),
    tinhThanhId: truongFields.code('DM_TINH', {
      symbol: 'TINH_THANH_ID',
      vi: 'Mã Tỉnh/ Thành',
      en: 'TODO',
    }),
    quanHuyenId: truongFields.code('DM_HUYEN', {
      symbol: 'QUAN_HUYEN_ID',
      vi: 'Mã Quận/ Huyện',
      en: 'TODO',
    }),
    xaPhuongId: truongFields.code('DM_XA', {
      symbol: 'XA_PHUONG_ID',
      vi: 'Mã Xã/Phường',
      en: 'TODO',
    }),
    diaChi: truongFields.text(200, { symbol: 'DIA_CHI', vi: 'Địa chỉ', en: 'TODO' }),
    maLoaiHinhTruong: truongFields.code('DMDC', {
      symbol: 'MA_LOAI_HINH_TRUONG',
      vi: 'Mã loại hình trường',
      en: 'TODO',
    }),
    maLoaiTruong: truongFields.code('DMDC', {
      symbol: 'MA_LOAI_TRUONG',
      vi: 'Mã loại trường',
      en: 'TODO',
    }),
    maVungKhoKhan: truongFields.code('DMDC', {
      symbol: 'MA_VUNG_KHO_KHAN',
      vi: 'Mã vùng khó khăn',
      en: 'TODO',
    }),
    maDatChuanDanhGiaClgd: truongFields.code('DMDC', {
      symbol: 'MA_DAT_CHUAN_DANH_GIA_CLGD',
      vi: 'Mã đạt chuẩn đánh giá chất lượng giáo dục',
      en: 'TODO',
    }),
    maKhuVuc: truongFields.code('DM_KHU_VUC', {
      symbol: 'MA_KHU_VUC',
      vi: 'Mã khu vực',
      en: 'TODO',
    }),
    maDuAn: truongFields.code('DMDC', { symbol: 'MA_DU_AN', vi: 'Mã dự án', en: 'TODO' }),
    soDiemTruong: truongFields.text(10, {
      symbol: 'SO_DIEM_TRUONG',
      vi: 'Số điểm trường',
      en: 'TODO',
    }),
    dienThoai: truongFields.text(20, { symbol: 'DIEN_THOAI', vi: 'Số điện thoại', en: 'TODO' }),
    email: truongFields.text(50, { symbol: 'EMAIL', vi: 'Email', en: 'TODO' }),
    fax: truongFields.text(20, { symbol: 'FAX', vi: 'Fax', en: 'TODO' }),
    website: truongFields.text(50, { symbol: 'WEBSITE', vi: 'Website', en: 'TODO' }),
    viTriBanDo: truongFields.text(50, { symbol: 'VI_TRI_BAN_DO', vi: 'Vị trí bản đồ', en: 'TODO' }),
    hieuTruong: truongFields.text(50, { symbol: 'HIEU_TRUONG', vi: 'Tên hiệu trưởng', en: 'TODO' }),
    dienThoaiHieuTruong: truongFields.text(20, {
      symbol: 'DIEN_THOAI_HIEU_TRUONG',
      vi: 'Điện thoại hiệu trưởng',
      en: 'TODO',
    }),
    emailHieuTruong: truongFields.text(50, {
      symbol: 'EMAIL_HIEU_TRUONG',
      vi: 'Email hiệu trưởng',
      en: 'TODO',
    }),
    isCoChiBoDang: truongFields.bool({
      symbol: 'IS_CO_CHI_BO_DANG',
      vi: 'Có chi bộ đảng',
      en: 'TODO',
    }),
    isDatChuanQg: truongFields.bool({
      symbol: 'IS_DAT_CHUAN_QG',
      vi: 'Có phải là trường đạt chuẩn quốc gia',
      en: 'TODO',
    }),
    isTruongQuocTe: truongFields.bool({
      symbol: 'IS_TRUONG_QUOC_TE',
      vi: 'Có phải là trường quốc tế',
      en: 'TODO',
    }),
    isHocSinhKhuyetTat: truongFields.bool({
      symbol: 'IS_HOC_SINH_KHUYET_TAT',
      vi: 'Có học sinh khuyết tật',
      en: 'TODO',
    }),
    isHocSinhBanTru: truongFields.bool({
      symbol: 'IS_HOC_SINH_BAN_TRU',
      vi: 'Có học sinh bán trú',
      en: 'TODO',
    }),
    isKyNangSongGdxh: truongFields.bool({
      symbol: 'IS_KY_NANG_SONG_GDXH',
      vi: 'Có kỹ năng sống',
      en: 'TODO',
    }),
    isHocSinhNoiTru: truongFields.bool({
      symbol: 'IS_HOC_SINH_NOI_TRU',
      vi: 'Có học sinh nội trú',
      en: 'TODO',
    }),
    isVungDacBietKhoKhan: truongFields.bool({
      symbol: 'IS_VUNG_DAC_BIET_KHO_KHAN',
      vi: 'Có thuộc vùng đặc biệt khó khăn',
      en: 'TODO',
    }),
    isDatChatLuongToiThieu: truongFields.bool({
      symbol: 'IS_DAT_CHAT_LUONG_TOI_THIEU',
      vi: 'Có đạt chất lượng tối thiểu',
      en: 'TODO',
    }),
    is2BuoiNgay: truongFields.bool({
      symbol: 'IS_2_BUOI_NGAY',
      vi: 'Có dạy 2 buổi/ngày',
      en: 'TODO',
    }),
    hangTruong: truongFields.text(10, { symbol: 'HANG_TRUONG', vi: 'Hạng trường', en: 'TODO' }),
    kiemDinhCapDo: truongFields.int({
      symbol: 'KIEM_DINH_CAP_DO',
      vi: 'Đạt kiểm định cấp độ',
      en: 'TODO',
    }),
    hocSinhNoiTru: truongFields.text(1, {
      symbol: 'HOC_SINH_NOI_TRU',
      vi: 'Có học sinh nội trú',
      en: 'TODO',
    }),
    thietBiDayHocToiThieu: truongFields.text(1, {
      symbol: 'THIET_BI_DAY_HOC_TOI_THIEU',
      vi: 'Đủ thiết bị dạy học tối thiểu',
      en: 'TODO',
    }),
    dienTich: truongFields.text(10, { symbol: 'DIEN_TICH', vi: 'Diện tích', en: 'TODO' }),
    namThanhLap: truongFields.date({
      symbol: 'NAM_THANH_LAP',
      vi: 'Ngày tháng năm thành lập',
      en: 'TODO',
    }),
    isSuDungMayTinhDayHoc: truongFields.bool({
      symbol: 'IS_SU_DUNG_MAY_TINH_DAY_HOC',
      vi: 'Có sử dụng máy vi tính phục vụ quản lý và giáo dục trẻ',
      en: 'TODO',
    }),
    isKhaiThacInternetDayHoc: truongFields.bool({
      symbol: 'IS_KHAI_THAC_INTERNET_DAY_HOC',
      vi: 'Được kết nối Internet',
      en: 'TODO',
    }),
    isDienLuoi: truongFields.bool({ symbol: 'IS_DIEN_LUOI', vi: 'Có điện lưới', en: 'TODO' }),
    isNguonNuocSach: truongFields.bool({
      symbol: 'IS_NGUON_NUOC_SACH',
      vi: 'Có nguồn nước sạch',
      en: 'TODO',
    }),
    isCongTrinhVeSinh: truongFields.bool({
      symbol: 'IS_CONG_TRINH_VE_SINH',
      vi: 'Có công trình vệ sinh',
      en: 'TODO',
    }),
    isCtGdvsDoiTay: truongFields.bool({
      symbol: 'IS_CT_GDVS_DOI_TAY',
      vi: 'Có chương trình giáo dục vệ sinh đôi tay',
      en: 'TODO',
    }),
    isChuongTrinhGiaoDucCoBan: truongFields.bool({
      symbol: 'IS_CHUONG_TRINH_GIAO_DUC_CO_BAN',
      vi: 'Có chương trình giáo dục cơ bản',
      en: 'TODO',
    }),
    isCoHaTangTlhtPhuHopHskt: truongFields.bool({
      symbol: 'IS_CO_HA_TANG_TLHT_PHU_HOP_HSKT',
      vi: 'Có hạ tầng tiếp cận học sinh khuyết tật',
      en: 'TODO',
    }),
    isCongTacTuVanHocDuong: truongFields.bool({
      symbol: 'IS_CONG_TAC_TU_VAN_HOC_DUONG',
      vi: 'Có bộ phận công tác tư vấn học đường',
      en: 'TODO',
    }),
    maVung: truongFields.code('DMDC', { symbol: 'MA_VUNG', vi: 'Mã vùng', en: 'TODO' }),
    diemTruongs: truongFields.list(DiemTruong, {
      symbol: 'DIEM_TRUONGS',
      vi: 'Danh sách điểm trường',
      en: 'TODO',
    }),
    truongVungKhoKhans: truongFields.list(TruongVungKhoKhan, {
      symbol: 'TRUONG_VUNG_KHO_KHANS',
      vi: 'Vùng khó khăn',
      en: 'TODO',
    }),
  },
);
/** A record of {@link Truong}. */
export type Truong = z.output<typeof Truong>;
