import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const canBoKiemNhiemFields = fieldKit('QĐ 4998 GVMN.2.1');

/** Nhiệm vụ kiêm nhiệm (GVMN.2.1). */
export const CanBoKiemNhiem = defineEntity(
  {
    name: 'CanBoKiemNhiem',
    code: 'GVMN.2.1',
    label: { vi: 'Nhiệm vụ kiêm nhiệm', en: 'TODO' },
    source: 'QĐ 4998 §1.3 (preschool section), referenced by GVC1.1.1, GVMN.2.1',
    key: [],
    kind: 'row',
  },
  {
    ma: canBoKiemNhiemFields.code('DMDC', {
      symbol: 'MA',
      vi: 'Mã nhiệm vụ kiêm nhiệm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link CanBoKiemNhiem}. */
export type CanBoKiemNhiem = z.output<typeof CanBoKiemNhiem>;

const canBoDaoTaoFields = fieldKit('QĐ 4998 GVMN.2.2');

/** Quá trình đào tạo bồi dưỡng (GVMN.2.2). */
export const CanBoDaoTao = defineEntity(
  {
    name: 'CanBoDaoTao',
    code: 'GVMN.2.2',
    label: { vi: 'Quá trình đào tạo bồi dưỡng', en: 'TODO' },
    source: 'QĐ 4998 §1.3 (preschool section), referenced by GVC1.1.1, GVMN.2.2',
    key: [],
    kind: 'row',
  },
  {
    tenTruong: canBoDaoTaoFields.text(100, {
      symbol: 'TEN_TRUONG',
      vi: 'Tên trường',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maNhomChuyenNganh: canBoDaoTaoFields.code('DMDC', {
      symbol: 'MA_NHOM_CHUYEN_NGANH',
      vi: 'Mã nhóm chuyên ngành',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    tuThangNam: canBoDaoTaoFields.date({
      symbol: 'TU_THANG_NAM',
      vi: 'Từ ngày tháng năm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    denThangNam: canBoDaoTaoFields.date({
      symbol: 'DEN_THANG_NAM',
      vi: 'Đến ngày tháng năm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maHinhThucDaoTao: canBoDaoTaoFields.code('DMDC', {
      symbol: 'MA_HINH_THUC_DAO_TAO',
      vi: 'Mã hình thức đào tạo',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maVbChungChi: canBoDaoTaoFields.text(50, {
      symbol: 'MA_VB_CHUNG_CHI',
      vi: 'Mã văn bản chứng chỉ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    vanBanChungChi: canBoDaoTaoFields.text(100, {
      symbol: 'VAN_BAN_CHUNG_CHI',
      vi: 'Tên văn bản chứng chỉ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    chuyenNganhDaoTao: canBoDaoTaoFields.text(100, {
      symbol: 'CHUYEN_NGANH_DAO_TAO',
      vi: 'Chuyên ngành đào tạo',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link CanBoDaoTao}. */
export type CanBoDaoTao = z.output<typeof CanBoDaoTao>;

const canBoNgoaiNguFields = fieldKit('QĐ 4998 GVMN.2.3');

/** Danh sách ngoại ngữ (GVMN.2.3). */
export const CanBoNgoaiNgu = defineEntity(
  {
    name: 'CanBoNgoaiNgu',
    code: 'GVMN.2.3',
    label: { vi: 'Danh sách ngoại ngữ', en: 'TODO' },
    source: 'QĐ 4998 §1.3 (preschool section), referenced by GVC1.1.1, GVMN.2.3',
    key: [],
    kind: 'row',
  },
  {
    maNgoaiNgu: canBoNgoaiNguFields.code('DMDC', {
      symbol: 'MA_NGOAI_NGU',
      vi: 'Mã ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDoNgoaiNgu: canBoNgoaiNguFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_NGOAI_NGU',
      vi: 'Mã trình độ ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    diemNgoaiNgu: canBoNgoaiNguFields.decimal({
      symbol: 'DIEM_NGOAI_NGU',
      vi: 'Điểm ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayCap: canBoNgoaiNguFields.date({
      symbol: 'NGAY_CAP',
      vi: 'Ngày cấp',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ghiChu: canBoNgoaiNguFields.text(200, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link CanBoNgoaiNgu}. */
export type CanBoNgoaiNgu = z.output<typeof CanBoNgoaiNgu>;

const canBoKhenThuongFields = fieldKit('QĐ 4998 GVMN.2.4');

/** Quá trình khen thưởng (GVMN.2.4). */
export const CanBoKhenThuong = defineEntity(
  {
    name: 'CanBoKhenThuong',
    code: 'GVMN.2.4',
    label: { vi: 'Quá trình khen thưởng', en: 'TODO' },
    source: 'QĐ 4998 §1.3 (preschool section), referenced by GVC1.1.1, GVMN.2.4',
    key: [],
    kind: 'row',
  },
  {
    maKhenThuongGv: canBoKhenThuongFields.code('DMDC', {
      symbol: 'MA_KHEN_THUONG_GV',
      vi: 'Mã khen thưởng giáo viên',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    loaiKhenThuongId: canBoKhenThuongFields.code('DMDC', {
      symbol: 'LOAI_KHEN_THUONG_ID',
      vi: 'Mã Loại khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    noiDung: canBoKhenThuongFields.text(250, {
      symbol: 'NOI_DUNG',
      vi: 'Nội dung khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    capKhenThuong: canBoKhenThuongFields.text(100, {
      symbol: 'CAP_KHEN_THUONG',
      vi: 'Cấp khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayKhenThuong: canBoKhenThuongFields.date({
      symbol: 'NGAY_KHEN_THUONG',
      vi: 'Ngày khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    soQuyetDinhKhenThuong: canBoKhenThuongFields.text(100, {
      symbol: 'SO_QUYET_DINH_KHEN_THUONG',
      vi: 'Số quyết định',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    nam: canBoKhenThuongFields.int({
      symbol: 'NAM',
      vi: 'Năm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link CanBoKhenThuong}. */
export type CanBoKhenThuong = z.output<typeof CanBoKhenThuong>;

const canBoKyLuatFields = fieldKit('QĐ 4998 GVMN.2.5');

/** Kỷ luật (GVMN.2.5). */
export const CanBoKyLuat = defineEntity(
  {
    name: 'CanBoKyLuat',
    code: 'GVMN.2.5',
    label: { vi: 'Kỷ luật', en: 'TODO' },
    source: 'QĐ 4998 §1.3 (preschool section), referenced by GVC1.1.1, GVMN.2.5',
    key: [],
    kind: 'row',
  },
  {
    maKyLuatGv: canBoKyLuatFields.code('DMDC', {
      symbol: 'MA_KY_LUAT_GV',
      vi: 'Mã kỷ luật giáo viên',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    loaiKyLuatId: canBoKyLuatFields.code('DMDC', {
      symbol: 'LOAI_KY_LUAT_ID',
      vi: 'Mã Loại kỷ luật',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    lyDo: canBoKyLuatFields.text(100, {
      symbol: 'LY_DO',
      vi: 'Lý do',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    capKyLuat: canBoKyLuatFields.text(100, {
      symbol: 'CAP_KY_LUAT',
      vi: 'Cấp kỷ luật',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayKyLuat: canBoKyLuatFields.date({
      symbol: 'NGAY_KY_LUAT',
      vi: 'Ngày kỷ luật',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    soQuyetDinhKyLuat: canBoKyLuatFields.text(100, {
      symbol: 'SO_QUYET_DINH_KY_LUAT',
      vi: 'Số quyết định',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link CanBoKyLuat}. */
export type CanBoKyLuat = z.output<typeof CanBoKyLuat>;

const canBoDanhGiaChuanFields = fieldKit('QĐ 4998 GVMN.2.6');

/** Kết quả đánh giá theo chuẩn nghề nghiệp (GVMN.2.6). */
export const CanBoDanhGiaChuan = defineEntity(
  {
    name: 'CanBoDanhGiaChuan',
    code: 'GVMN.2.6',
    label: { vi: 'Kết quả đánh giá theo chuẩn nghề nghiệp', en: 'TODO' },
    source: 'QĐ 4998 §1.3 (preschool section), referenced by GVC1.1.1, GVMN.2.6',
    key: [],
    kind: 'row',
  },
  {
    loaiDanhGia: canBoDanhGiaChuanFields.text(20, {
      symbol: 'LOAI_DANH_GIA',
      vi: 'Xếp loại đánh giá',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayDanhGia: canBoDanhGiaChuanFields.date({
      symbol: 'NGAY_DANH_GIA',
      vi: 'Ngày đánh giá xếp loại',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    capDanhGia: canBoDanhGiaChuanFields.text(100, {
      symbol: 'CAP_DANH_GIA',
      vi: 'Cấp đánh giá',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link CanBoDanhGiaChuan}. */
export type CanBoDanhGiaChuan = z.output<typeof CanBoDanhGiaChuan>;

const canBoFields = fieldKit('QĐ 4998 GVC1.1.1');

/** Thông tin đội ngũ cán bộ trường tiểu học (GVC1.1.1). */
export const CanBo = defineEntity(
  {
    name: 'CanBo',
    code: 'GVC1.1.1',
    label: { vi: 'Thông tin đội ngũ cán bộ trường tiểu học', en: 'TODO' },
    source: 'QĐ 4998 §2.3, GVC1.1.1',
    key: ['giaoVienId'],
    kind: 'record',
  },
  {
    truongId: canBoFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    giaoVienId: canBoFields.text(20, {
      symbol: 'GIAO_VIEN_ID',
      vi: 'Mã giáo viên',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    hoTen: canBoFields.text(50, {
      symbol: 'HO_TEN',
      vi: 'Họ tên',
      en: 'TODO',
      sensitivity: 'personal',
      required: true,
    }),
    ngaySinh: canBoFields.date({
      symbol: 'NGAY_SINH',
      vi: 'Ngày sinh',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maGioiTinh: canBoFields.code('DM_GIOI_TINH', {
      symbol: 'MA_GIOI_TINH',
      vi: 'Mã giới tính',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrangThaiCanBo: canBoFields.code('DMDC', {
      symbol: 'MA_TRANG_THAI_CAN_BO',
      vi: 'Mã trạng thái cán bộ',
      en: 'TODO',
      sensitivity: 'personal',
      maxLength: 20,
    }),
    soCmtnd: canBoFields.text(20, {
      symbol: 'SO_CMTND',
      vi: 'Số CMTND/Hộ chiếu/Thẻ căn cước',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    email: canBoFields.text(50, {
      symbol: 'EMAIL',
      vi: 'Email',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    diDong: canBoFields.text(20, {
      symbol: 'DI_DONG',
      vi: 'Số di động',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maDanToc: canBoFields.code('DM_DAN_TOC', {
      symbol: 'MA_DAN_TOC',
      vi: 'Mã dân tộc',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    maTonGiao: canBoFields.code('DMDC', {
      symbol: 'MA_TON_GIAO',
      vi: 'Mã tôn giáo',
      en: 'TODO',
      sensitivity: 'sensitive',
      maxLength: 20,
    }),
    queQuan: canBoFields.text(250, {
      symbol: 'QUE_QUAN',
      vi: 'Quê quán',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    tinhThanhId: canBoFields.code('DM_TINH', {
      symbol: 'TINH_THANH_ID',
      vi: 'Mã Tỉnh/ Thành',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    quanHuyenId: canBoFields.code('DMDC', {
      symbol: 'QUAN_HUYEN_ID',
      vi: 'Mã Quận/ Huyện',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    xaPhuongId: canBoFields.code('DM_XA', {
      symbol: 'XA_PHUONG_ID',
      vi: 'Mã Xã/Phường',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isDangVien: canBoFields.bool({
      symbol: 'IS_DANG_VIEN',
      vi: 'Là đảng viên',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    isDoanVien: canBoFields.bool({
      symbol: 'IS_DOAN_VIEN',
      vi: 'Là đoàn viên',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    soSoBhxh: canBoFields.text(20, {
      symbol: 'SO_SO_BHXH',
      vi: 'Số sổ bảo hiểm xã hội',
      en: 'TODO',
      sensitivity: 'sensitive',
    }),
    maNhomCanBo: canBoFields.code('DMDC', {
      symbol: 'MA_NHOM_CAN_BO',
      vi: 'Mã nhóm cán bộ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maLoaiCanBo: canBoFields.code('DMDC', {
      symbol: 'MA_LOAI_CAN_BO',
      vi: 'Mã loại cán bộ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maHinhThucHopDong: canBoFields.code('DMDC', {
      symbol: 'MA_HINH_THUC_HOP_DONG',
      vi: 'Mã hình thức hợp đồng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayTuyenDung: canBoFields.date({
      symbol: 'NGAY_TUYEN_DUNG',
      vi: 'Ngày tuyển dụng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    coQuanTuyenDung: canBoFields.text(250, {
      symbol: 'CO_QUAN_TUYEN_DUNG',
      vi: 'Cơ quan tuyển dụng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngheNghiepKhiDuocTuyenDung: canBoFields.text(250, {
      symbol: 'NGHE_NGHIEP_KHI_DUOC_TUYEN_DUNG',
      vi: 'Nghề nghiệp khi được tuyển',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maNgach: canBoFields.code('DMDC', {
      symbol: 'MA_NGACH',
      vi: 'Mã ngạch/ hạng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maSoNgach: canBoFields.code('DMDC', {
      symbol: 'MA_SO_NGACH',
      vi: 'Mã số ngạch/hạng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maMonDay: canBoFields.code('DMDC(Áp dụng cho GV)', {
      symbol: 'MA_MON_DAY',
      vi: 'Mã môn dạy',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maMonKiemNhiem: canBoFields.code('DMDC(Áp dụng cho GV)', {
      symbol: 'MA_MON_KIEM_NHIEM',
      vi: 'Mã môn kiêm nhiệm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTiengDanToc: canBoFields.code('DMDC', {
      symbol: 'MA_TIENG_DAN_TOC',
      vi: 'Mã tiếng dân tộc',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    soTietThucDayTuan: canBoFields.int({
      symbol: 'SO_TIET_THUC_DAY_TUAN',
      vi: 'Số tiết thực dạy trên tuần',
      en: 'TODO',
      sensitivity: 'personal',
      maxDigits: 10,
    }),
    soTietThucKiemNhiemTuan: canBoFields.int({
      symbol: 'SO_TIET_THUC_KIEM_NHIEM_TUAN',
      vi: 'Số tiết thực kiêm nhiệm trên tuần',
      en: 'TODO',
      sensitivity: 'personal',
      maxDigits: 10,
    }),
    isTapHuanKyNangSong: canBoFields.bool({
      symbol: 'IS_TAP_HUAN_KY_NANG_SONG',
      vi: 'Có được tập huấn kỹ năng sống',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isDayLopKhuyetTat: canBoFields.bool({
      symbol: 'IS_DAY_LOP_KHUYET_TAT',
      vi: 'Có dạy lớp khuyết tật',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isDay1Buoi: canBoFields.bool({
      symbol: 'IS_DAY_1_BUOI',
      vi: 'Có dạy 1 buổi / ngày',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isDay2Buoi: canBoFields.bool({
      symbol: 'IS_DAY_2_BUOI',
      vi: 'Có dạy 2 buổi/ ngày',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isChuyenTrachDoanDoi: canBoFields.bool({
      symbol: 'IS_CHUYEN_TRACH_DOAN_DOI',
      vi: 'Có chuyên trách đoàn đội',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    pcThuHut: canBoFields.decimal({
      symbol: 'PC_THU_HUT',
      vi: 'Phụ cấp thu hút',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    pcThamNien: canBoFields.decimal({
      symbol: 'PC_THAM_NIEN',
      vi: 'Phụ cấp thâm niên',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    pcUdNghe: canBoFields.decimal({
      symbol: 'PC_UD_NGHE',
      vi: 'Phụ cấp ưu đãi nghề',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maBacLuong: canBoFields.code('DMDCÁp dụng GV công lập', {
      symbol: 'MA_BAC_LUONG',
      vi: 'Mã bậc lương',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    phanTramVuotKhung: canBoFields.decimal({
      symbol: 'PHAN_TRAM_VUOT_KHUNG',
      vi: 'Phần trăm vượt khung',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    heSoLuong: canBoFields.decimal({
      symbol: 'HE_SO_LUONG',
      vi: 'Hệ số lương',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayHuongLuong: canBoFields.date({
      symbol: 'NGAY_HUONG_LUONG',
      vi: 'Ngày hưởng lương',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maBoiDuongTx: canBoFields.code('DMDC', {
      symbol: 'MA_BOI_DUONG_TX',
      vi: 'Mã bồi dưỡng thường xuyên',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDoChuyenMon: canBoFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_CHUYEN_MON',
      vi: 'Mã trình độ chuyên môn',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDoLlct: canBoFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_LLCT',
      vi: 'Mã trình độ lý luận chính trị',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDoQlgd: canBoFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_QLGD',
      vi: 'Mã trình độ quản lý giáo dục',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maNgoaiNgu: canBoFields.code('DMDC', {
      symbol: 'MA_NGOAI_NGU',
      vi: 'Mã ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDoNgoaiNgu: canBoFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_NGOAI_NGU',
      vi: 'Mã trình độ ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    diemNgoaiNgu: canBoFields.decimal({
      symbol: 'DIEM_NGOAI_NGU',
      vi: 'Điểm ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDoTinHoc: canBoFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_TIN_HOC',
      vi: 'Mã trình độ tin học',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maChuyenMon1: canBoFields.code('DMDC', {
      symbol: 'MA_CHUYEN_MON_1',
      vi: 'Mã chuyên môn 1',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDo1: canBoFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_1',
      vi: 'Mã trình độ 1',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maChuyenMon2: canBoFields.code('DMDC', {
      symbol: 'MA_CHUYEN_MON_2',
      vi: 'Mã chuyên môn 2',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maTrinhDo2: canBoFields.code('DMDC', {
      symbol: 'MA_TRINH_DO_2',
      vi: 'Mã trình độ 2',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maKetQuaChuanNgheNghiep: canBoFields.code('DMDC', {
      symbol: 'MA_KET_QUA_CHUAN_NGHE_NGHIEP',
      vi: 'Mã kết quả chuẩn nghề nghiệp',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maDgVienChuc: canBoFields.code('DMDC(Áp dụng cho GV)', {
      symbol: 'MA_DG_VIEN_CHUC',
      vi: 'Mã đánh giá viên chức',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    maGiaoVienGioi: canBoFields.code('DMDC (Áp dụng cho GV)', {
      symbol: 'MA_GIAO_VIEN_GIOI',
      vi: 'Mã giáo viên giỏi',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    danhHieuDuocPhongTangCaoNhat: canBoFields.text(200, {
      symbol: 'DANH_HIEU_DUOC_PHONG_TANG_CAO_NHAT',
      vi: 'Danh hiệu được phong tặng cao nhất',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    isTuyenMoi: canBoFields.bool({
      symbol: 'IS_TUYEN_MOI',
      vi: 'Tuyển mới',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ngayChuyenDen: canBoFields.date({
      symbol: 'NGAY_CHUYEN_DEN',
      vi: 'Ngày chuyển đến',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    namVaoTruong: canBoFields.int({
      symbol: 'NAM_VAO_TRUONG',
      vi: 'Năm vào trường',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    nhiemVuKiemNhiems: canBoFields.list(CanBoKiemNhiem, {
      symbol: 'NHIEM_VU_KIEM_NHIEMS',
      vi: 'Danh sách nhiệm vụ kiêm nhiệm',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    nhanSuQuaTrinhDaoTaoBoiDuongs: canBoFields.list(CanBoDaoTao, {
      symbol: 'NHAN_SU_QUA_TRINH_DAO_TAO_BOI_DUONGS',
      vi: 'Quá trình đào tạo bồi dưỡng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    nhanSuQuaTrinhNgoaiNgus: canBoFields.list(CanBoNgoaiNgu, {
      symbol: 'NHAN_SU_QUA_TRINH_NGOAI_NGUS',
      vi: 'Danh sách ngoại ngữ',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    nhanSuKhenThuongs: canBoFields.list(CanBoKhenThuong, {
      symbol: 'NHAN_SU_KHEN_THUONGS',
      vi: 'Quá trình khen thưởng',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    nhanSuKyLuats: canBoFields.list(CanBoKyLuat, {
      symbol: 'NHAN_SU_KY_LUATS',
      vi: 'Kỷ luật',
      en: 'TODO',
      sensitivity: 'personal',
    }),
    ketQuaDanhGia: canBoFields.list(CanBoDanhGiaChuan, {
      symbol: 'KET_QUA_DANH_GIA',
      vi: 'Kết quả đánh giá theo chuẩn nghề nghiệp',
      en: 'TODO',
      sensitivity: 'personal',
    }),
  },
);
/** A record of {@link CanBo}. */
export type CanBo = z.output<typeof CanBo>;
