import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const hocSinhKhenThuongFields = fieldKit('QĐ 4998 KHENTHUONG.2.1');

/** Nội dung khen thưởng (KHENTHUONG.2.1). */
export const HocSinhKhenThuong = defineEntity(
  {
    name: 'HocSinhKhenThuong',
    code: 'KHENTHUONG.2.1',
    label: { vi: 'Nội dung khen thưởng', en: 'TODO' },
    source: 'QĐ 4998 §2.4, KHENTHUONG.2.1',
    key: [],
    kind: 'row',
  },
  {
    maKhenThuong: hocSinhKhenThuongFields.code('DMDC', {
      symbol: 'MA_KHEN_THUONG',
      vi: 'Mã khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    noiDung: hocSinhKhenThuongFields.text(255, {
      symbol: 'NOI_DUNG',
      vi: 'Nội dung',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ghiChu: hocSinhKhenThuongFields.text(255, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link HocSinhKhenThuong}. */
export type HocSinhKhenThuong = z.output<typeof HocSinhKhenThuong>;

const hocSinhBaoLucFields = fieldKit('QĐ 4998 BAOLUCHĐ.2.2');

/** Nội dung bạo lực học đường (BAOLUCHĐ.2.2). */
export const HocSinhBaoLuc = defineEntity(
  {
    name: 'HocSinhBaoLuc',
    code: 'BAOLUCHĐ.2.2',
    label: { vi: 'Nội dung bạo lực học đường', en: 'TODO' },
    source: 'QĐ 4998 §2.4, BAOLUCHĐ.2.2',
    key: [],
    kind: 'row',
  },
  {
    ma: hocSinhBaoLucFields.code('DMDC', {
      symbol: 'MA',
      vi: 'Mã bạo lực học đường',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    doiTuong: hocSinhBaoLucFields.text(25, {
      symbol: 'DOI_TUONG',
      vi: 'Đối tượng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    hinhThucBaoLuc: hocSinhBaoLucFields.text(25, {
      symbol: 'HINH_THUC_BAO_LUC',
      vi: 'Hình thức bạo lực',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    diaDiem: hocSinhBaoLucFields.text(25, {
      symbol: 'DIA_DIEM',
      vi: 'Địa điểm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    thoiLuong: hocSinhBaoLucFields.text(25, {
      symbol: 'THOI_LUONG',
      vi: 'Thời lượng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ketQuaXuLy: hocSinhBaoLucFields.text(255, {
      symbol: 'KET_QUA_XU_LY',
      vi: 'Kết quả xử lý',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ghiChu: hocSinhBaoLucFields.text(255, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link HocSinhBaoLuc}. */
export type HocSinhBaoLuc = z.output<typeof HocSinhBaoLuc>;

const hocSinhFields = fieldKit('QĐ 4998 HSC1.1.1');

/** Thông tin học sinh tiểu học (HSC1.1.1). */
export const HocSinh = defineEntity(
  {
    name: 'HocSinh',
    code: 'HSC1.1.1',
    label: { vi: 'Thông tin học sinh tiểu học', en: 'TODO' },
    source: 'QĐ 4998 §2.4, HSC1.1.1',
    key: ['hocSinhId'],
    kind: 'record',
  },
  {
    truongId: hocSinhFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    maKhoi: hocSinhFields.text(20, {
      symbol: 'MA_KHOI',
      vi: 'Mã khối',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maLop: hocSinhFields.text(10, {
      symbol: 'MA_LOP',
      vi: 'Mã lớp',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    hocSinhId: hocSinhFields.text(20, {
      symbol: 'HOC_SINH_ID',
      vi: 'Mã học sinh',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    ma: hocSinhFields.text(20, { symbol: 'MA', vi: 'Mã', en: 'TODO', sensitivity: 'personal' }),
    hoTen: hocSinhFields.text(50, {
      symbol: 'HO_TEN',
      vi: 'Họ tên',
      en: 'TODO',
      sensitivity: 'personal',
      required: true,
    }),
    tenTat: hocSinhFields.text(20, {
      symbol: 'TEN_TAT',
      vi: 'Tên viết tắt',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngaySinh: hocSinhFields.date({
      symbol: 'NGAY_SINH',
      vi: 'Ngày sinh',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maGioiTinh: hocSinhFields.code('DMDC', {
      symbol: 'MA_GIOI_TINH',
      vi: 'Mã giới tính',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    chieuCao: hocSinhFields.decimal({
      symbol: 'CHIEU_CAO',
      vi: 'Chiều cao',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    canNang: hocSinhFields.decimal({
      symbol: 'CAN_NANG',
      vi: 'Cân nặng',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    nhomMau: hocSinhFields.text(10, {
      symbol: 'NHOM_MAU',
      vi: 'Nhóm máu',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    chiSoBmi: hocSinhFields.decimal({
      symbol: 'CHI_SO_BMI',
      vi: 'Chỉ số (BMI)',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    benhVeMat: hocSinhFields.text(20, {
      symbol: 'BENH_VE_MAT',
      vi: 'Các bệnh về mắt',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    benhBamSinh: hocSinhFields.text(150, {
      symbol: 'BENH_BAM_SINH',
      vi: 'Các bệnh bẩm sinh',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    benhCotSong: hocSinhFields.text(150, {
      symbol: 'BENH_COT_SONG',
      vi: 'Các bệnh về cột sống',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    benhCoiXuong: hocSinhFields.text(150, {
      symbol: 'BENH_COI_XUONG',
      vi: 'Bênh còi xương',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    bietBoi: hocSinhFields.text(4, {
      symbol: 'BIET_BOI',
      vi: 'Biết bơi',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrangThaiHienTai: hocSinhFields.code('DMDC', {
      symbol: 'MA_TRANG_THAI_HIEN_TAI',
      vi: 'Mã trạng thái hiện tại',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maLyDoThoiHoc: hocSinhFields.code('DMDC', {
      symbol: 'MA_LY_DO_THOI_HOC',
      vi: 'Mã lý do thôi học',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    dienThoaiLienHe: hocSinhFields.text(20, {
      symbol: 'DIEN_THOAI_LIEN_HE',
      vi: 'Điện thoại liên hệ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maDanToc: hocSinhFields.code('DM_DAN_TOC', {
      symbol: 'MA_DAN_TOC',
      vi: 'Mã dân tộc',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    danTocTheoGiayKhaiSinh: hocSinhFields.text(undefined, {
      symbol: 'DAN_TOC_THEO_GIAY_KHAI_SINH',
      vi: 'Tên dân tộc theo giấy khai sinh',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    tinhThanhId: hocSinhFields.code('DMDC', {
      symbol: 'TINH_THANH_ID',
      vi: 'Mã Tỉnh/ Thành',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    quanHuyenId: hocSinhFields.code('DM_HUYEN', {
      symbol: 'QUAN_HUYEN_ID',
      vi: 'Mã Quận/ Huyện',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    xaPhuongId: hocSinhFields.code('DMDC', {
      symbol: 'XA_PHUONG_ID',
      vi: 'Mã Xã/ Phường',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    thuTu: hocSinhFields.int({
      symbol: 'THU_TU',
      vi: 'Thứ tự',
      en: 'TODO',
      sensitivity: 'personal',
      maxDigits: 10,
    }),
    noiSinh: hocSinhFields.text(250, {
      symbol: 'NOI_SINH',
      vi: 'Nơi sinh',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maKhuVuc: hocSinhFields.code('DM_KHU_VUC', {
      symbol: 'MA_KHU_VUC',
      vi: 'Mã khu vực',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    quocTichId: hocSinhFields.code('DMDC', {
      symbol: 'QUOC_TICH_ID',
      vi: 'Mã quốc tịch',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maLoaiKhuyetTat: hocSinhFields.code('DMDC', {
      symbol: 'MA_LOAI_KHUYET_TAT',
      vi: 'Mã loại khuyết tật',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    maCongDanId: hocSinhFields.code('DMDC', {
      symbol: 'MA_CONG_DAN_ID',
      vi: 'Mã công dân',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    noiCap: hocSinhFields.text(150, {
      symbol: 'NOI_CAP',
      vi: 'Nơi cấp',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayCap: hocSinhFields.date({
      symbol: 'NGAY_CAP',
      vi: 'Ngày cấp',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isDoiVien: hocSinhFields.bool({
      symbol: 'IS_DOI_VIEN',
      vi: 'Là đội viên',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocSinhTiengDanToc: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_TIENG_DAN_TOC',
      vi: 'Học sinh học tiếng dân tộc',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHoc2Buoi: hocSinhFields.bool({
      symbol: 'IS_HOC_2_BUOI',
      vi: 'Học 2 buổi',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocSongNgu: hocSinhFields.bool({
      symbol: 'IS_HOC_SONG_NGU',
      vi: 'Học song ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isKyNangSong: hocSinhFields.bool({
      symbol: 'IS_KY_NANG_SONG',
      vi: 'Kỹ năng sống',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocSinhBanTruDanNuoi: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_BAN_TRU_DAN_NUOI',
      vi: 'Học sinh bán trú dân nuôi',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocSinhNoiTruDanNuoi: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_NOI_TRU_DAN_NUOI',
      vi: 'Học sinh nội trú dân nuôi',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocSinhLopBtru: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_LOP_BTRU',
      vi: 'Học sinh lớp bán trú',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isKhuyetTatKhongDanhGia: hocSinhFields.bool({
      symbol: 'IS_KHUYET_TAT_KHONG_DANH_GIA',
      vi: 'Khuyết tật không đánh giá',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    isHocSinhPtDtBanTru: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_PT_DT_BAN_TRU',
      vi: 'Học sinh phổ thông dân tộc bán trú',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isNhuCauHoTroNngu: hocSinhFields.bool({
      symbol: 'IS_NHU_CAU_HO_TRO_NNGU',
      vi: 'Nhu cầu hỗ ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isTangCuongTiengViet: hocSinhFields.bool({
      symbol: 'IS_TANG_CUONG_TIENG_VIET',
      vi: 'Tăng cường tiếng việt',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocSinhDtTroGiang: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_DT_TRO_GIANG',
      vi: 'Học sinh dân tộc trợ giảng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    tenCha: hocSinhFields.text(50, {
      symbol: 'TEN_CHA',
      vi: 'Tên cha',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngheNghiepCha: hocSinhFields.text(50, {
      symbol: 'NGHE_NGHIEP_CHA',
      vi: 'Nghề nghiệp cha',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    namSinhCha: hocSinhFields.int({
      symbol: 'NAM_SINH_CHA',
      vi: 'Năm sinh cha',
      en: 'TODO',
      sensitivity: 'personal',
      maxDigits: 4,
    }),
    tenMe: hocSinhFields.text(50, {
      symbol: 'TEN_ME',
      vi: 'Tên mẹ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngheNghiepMe: hocSinhFields.text(50, {
      symbol: 'NGHE_NGHIEP_ME',
      vi: 'Nghề nghiệp mẹ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    namSinhMe: hocSinhFields.int({
      symbol: 'NAM_SINH_ME',
      vi: 'Năm sinh mẹ',
      en: 'TODO',
      sensitivity: 'personal',
      maxDigits: 4,
    }),
    tenNguoiDd: hocSinhFields.text(50, {
      symbol: 'TEN_NGUOI_DD',
      vi: 'Tên người đỡ đầu',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngheNghiepNguoiDd: hocSinhFields.text(150, {
      symbol: 'NGHE_NGHIEP_NGUOI_DD',
      vi: 'Nghề nghiệp người đỡ đầu',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    namSinhNguoiDoDau: hocSinhFields.int({
      symbol: 'NAM_SINH_NGUOI_DO_DAU',
      vi: 'Năm sinh người đỡ đầu',
      en: 'TODO',
      sensitivity: 'personal',
      maxDigits: 4,
    }),
    maDienChinhSach: hocSinhFields.code('DMDC', {
      symbol: 'MA_DIEN_CHINH_SACH',
      vi: 'Mã diện chính sách',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    isLuuBanNamTruoc: hocSinhFields.bool({
      symbol: 'IS_LUU_BAN_NAM_TRUOC',
      vi: 'Lưu ban năm trước',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isChaDt: hocSinhFields.bool({
      symbol: 'IS_CHA_DT',
      vi: 'Cha dân tộc',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    isMeDt: hocSinhFields.bool({
      symbol: 'IS_ME_DT',
      vi: 'Mẹ dân tộc',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    isHoNgheo: hocSinhFields.bool({
      symbol: 'IS_HO_NGHEO',
      vi: 'Hộ nghèo',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    isVungKk: hocSinhFields.bool({
      symbol: 'IS_VUNG_KK',
      vi: 'Vùng khó khăn',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isMienHocPhi: hocSinhFields.bool({
      symbol: 'IS_MIEN_HOC_PHI',
      vi: 'Miễn học phí',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isGiamHocPhi: hocSinhFields.bool({
      symbol: 'IS_GIAM_HOC_PHI',
      vi: 'Giảm học phí',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHoTroChiPhiHocTap: hocSinhFields.bool({
      symbol: 'IS_HO_TRO_CHI_PHI_HOC_TAP',
      vi: 'Hỗ trợ chi phí học tập',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHoTroNhaO: hocSinhFields.bool({
      symbol: 'IS_HO_TRO_NHA_O',
      vi: 'Hỗ trợ nhà ở',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isCapTienHangThang: hocSinhFields.bool({
      symbol: 'IS_CAP_TIEN_HANG_THANG',
      vi: 'Cấp tiền hàng tháng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isCapGao: hocSinhFields.bool({
      symbol: 'IS_CAP_GAO',
      vi: 'Cấp gạo',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocLopMg5t: hocSinhFields.bool({
      symbol: 'IS_HOC_LOP_MG_5T',
      vi: 'Học mẫu giáo 5 tuổi',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isHocCtgdCuaBo: hocSinhFields.bool({
      symbol: 'IS_HOC_CTGD_CUA_BO',
      vi: 'Học chương trình GD của bộ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maHocBanTru: hocSinhFields.code('DMDC', {
      symbol: 'MA_HOC_BAN_TRU',
      vi: 'Mã học bán trú',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maSoBuoiHocTrenTuan: hocSinhFields.code('DMDC', {
      symbol: 'MA_SO_BUOI_HOC_TREN_TUAN',
      vi: 'Mã số buổi học trên tuần',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    capNhatKhenThuong: hocSinhFields.text(1, {
      symbol: 'CAP_NHAT_KHEN_THUONG',
      vi: 'Có cập nhật khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    listKhenThuong: hocSinhFields.list(HocSinhKhenThuong, {
      symbol: 'LIST_KHEN_THUONG',
      vi: 'Nội dung khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    listBaoLucHocDuong: hocSinhFields.list(HocSinhBaoLuc, {
      symbol: 'LIST_BAO_LUC_HOC_DUONG',
      vi: 'Nội dung bạo lực học đường',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link HocSinh}. */
export type HocSinh = z.output<typeof HocSinh>;
