import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const eqmsGiaoVienFields = fieldKit('QĐ 4998 EQMSDN.2.1');

/** Giáo viên (EQMSDN.2.1). */
export const EqmsGiaoVien = defineEntity(
  {
    name: 'EqmsGiaoVien',
    code: 'EQMSDN.2.1',
    label: { vi: 'Giáo viên', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsGiaoVienFields.text(50, { symbol: 'MA_BAO_CAO', vi: 'Mã báo cáo', en: 'TODO' }),
    noiDungTieuChi: eqmsGiaoVienFields.text(4000, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'TODO',
    }),
    tongSo: eqmsGiaoVienFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'TODO' }),
    tddtTrenDaiHoc: eqmsGiaoVienFields.int({
      symbol: 'TDDT_TREN_DAI_HOC',
      vi: 'Trình độ đào tạo trên đại học',
      en: 'TODO',
    }),
    tddtDaiHoc: eqmsGiaoVienFields.int({
      symbol: 'TDDT_DAI_HOC',
      vi: 'Trình độ đào tạo đại học',
      en: 'TODO',
    }),
    tddtCaoDang: eqmsGiaoVienFields.int({
      symbol: 'TDDT_CAO_DANG',
      vi: 'Trình độ đào tạo cao đẳng',
      en: 'TODO',
    }),
    tddtTh12Cong2: eqmsGiaoVienFields.int({
      symbol: 'TDDT_TH12_CONG2',
      vi: 'Trình độ đào tạo TH12 + 2',
      en: 'TODO',
    }),
    tddtTh9Cong3: eqmsGiaoVienFields.int({
      symbol: 'TDDT_TH9_CONG3',
      vi: 'Trình độ đào tạo TH9 + 3',
      en: 'TODO',
    }),
    tddtDuoiThsp: eqmsGiaoVienFields.int({
      symbol: 'TDDT_DUOI_THSP',
      vi: 'Trình độ đào tạo dưới THSP',
      en: 'TODO',
    }),
    cdldBienChe: eqmsGiaoVienFields.int({
      symbol: 'CDLD_BIEN_CHE',
      vi: 'Chế độ lao động biên chế',
      en: 'TODO',
    }),
    cdldHopDong: eqmsGiaoVienFields.int({
      symbol: 'CDLD_HOP_DONG',
      vi: 'Chế độ lao động hợp đồng',
      en: 'TODO',
    }),
    cdldThinhGiang: eqmsGiaoVienFields.int({
      symbol: 'CDLD_THINH_GIANG',
      vi: 'Chế độ lao động thỉnh giảng',
      en: 'TODO',
    }),
    trongTongSoNu: eqmsGiaoVienFields.int({
      symbol: 'TRONG_TONG_SO_NU',
      vi: 'Trong tổng số nữ',
      en: 'TODO',
    }),
    trongTongSoDanToc: eqmsGiaoVienFields.int({
      symbol: 'TRONG_TONG_SO_DAN_TOC',
      vi: 'Trong tổng số dân tộc',
      en: 'TODO',
    }),
    trongTongSoNuDanToc: eqmsGiaoVienFields.int({
      symbol: 'TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Trong tổng số dân tộc nữ',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsGiaoVien}. */
export type EqmsGiaoVien = z.output<typeof EqmsGiaoVien>;

const eqmsGiaoVienTiengAnhFields = fieldKit('QĐ 4998 EQMSDN.2.2');

/** Giáo viên tiếng anh (EQMSDN.2.2). */
export const EqmsGiaoVienTiengAnh = defineEntity(
  {
    name: 'EqmsGiaoVienTiengAnh',
    code: 'EQMSDN.2.2',
    label: { vi: 'Giáo viên tiếng anh', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.2',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsGiaoVienTiengAnhFields.text(20, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    noiDungTieuChi: eqmsGiaoVienTiengAnhFields.text(4000, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'TODO',
    }),
    tongSo: eqmsGiaoVienTiengAnhFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'TODO' }),
    c2: eqmsGiaoVienTiengAnhFields.int({ symbol: 'C2', vi: 'C2', en: 'TODO' }),
    c1: eqmsGiaoVienTiengAnhFields.int({ symbol: 'C1', vi: 'C1', en: 'TODO' }),
    b2: eqmsGiaoVienTiengAnhFields.int({ symbol: 'B2', vi: 'B2', en: 'TODO' }),
    b1: eqmsGiaoVienTiengAnhFields.int({ symbol: 'B1', vi: 'B1', en: 'TODO' }),
    duoiB1: eqmsGiaoVienTiengAnhFields.int({ symbol: 'DUOI_B1', vi: 'Dưới B1', en: 'TODO' }),
    chungChiSp: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'CHUNG_CHI_SP',
      vi: 'Chứng chỉ sư phạm',
      en: 'TODO',
    }),
    bienChe: eqmsGiaoVienTiengAnhFields.int({ symbol: 'BIEN_CHE', vi: 'Biên chế', en: 'TODO' }),
    hopDong: eqmsGiaoVienTiengAnhFields.int({ symbol: 'HOP_DONG', vi: 'Hợp đồng', en: 'TODO' }),
    thinhGiang: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'THINH_GIANG',
      vi: 'Thỉnh giảng',
      en: 'TODO',
    }),
    nu: eqmsGiaoVienTiengAnhFields.int({ symbol: 'NU', vi: 'Nữ', en: 'TODO' }),
    danToc: eqmsGiaoVienTiengAnhFields.int({ symbol: 'DAN_TOC', vi: 'Dân tộc', en: 'TODO' }),
    nuDanToc: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'NU_DAN_TOC',
      vi: 'Nữ dân tộc',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsGiaoVienTiengAnh}. */
export type EqmsGiaoVienTiengAnh = z.output<typeof EqmsGiaoVienTiengAnh>;

const eqmsDiemTruongCsvcFields = fieldKit('QĐ 4998 EQMSDN.2.3');

/** Điểm trường cơ sở vật chất (EQMSDN.2.3). */
export const EqmsDiemTruongCsvc = defineEntity(
  {
    name: 'EqmsDiemTruongCsvc',
    code: 'EQMSDN.2.3',
    label: { vi: 'Điểm trường cơ sở vật chất', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.3',
    key: [],
    kind: 'row',
  },
  {
    diemTruongId: eqmsDiemTruongCsvcFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    tenDiemTruong: eqmsDiemTruongCsvcFields.text(50, {
      symbol: 'TEN_DIEM_TRUONG',
      vi: 'Tên điểm trường',
      en: 'TODO',
    }),
    dienTich: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'DIEN_TICH',
      vi: 'Diện tích',
      en: 'TODO',
    }),
    dienTichSanChoiBaiTap: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'DIEN_TICH_SAN_CHOI_BAI_TAP',
      vi: 'Diện tích sân chơi bãi tập',
      en: 'TODO',
    }),
    phongHocCapxdTrenCap4Sl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_TREN_CAP4_SL',
      vi: 'Phòng học theo cấp xây dựng trên cấp 4 số lượng',
      en: 'TODO',
    }),
    phongHocCapxdTrenCap4Dt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_TREN_CAP4_DT',
      vi: 'Phòng học theo cấp xây dựng trên cấp 4 diện tích',
      en: 'TODO',
    }),
    phongHocCapxdCap4Sl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_CAP4_SL',
      vi: 'Phòng học theo cấp xây dựng cấp 4 số lượng',
      en: 'TODO',
    }),
    phongHocCapxdCap4Dt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_CAP4_DT',
      vi: 'Phòng học theo cấp xây dựng cấp 4 diện tích',
      en: 'TODO',
    }),
    phongHocCapxdTamSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_TAM_SL',
      vi: 'Phòng học theo cấp xây dựng tạm diện tích',
      en: 'TODO',
    }),
    phongHocCapxdTamDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_TAM_DT',
      vi: 'Phòng học theo cấp xây dựng tạm số lượng',
      en: 'TODO',
    }),
    phongHocCapxdMuonSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_MUON_SL',
      vi: 'Phòng học theo cấp xây dựng tạm muốn số lượng',
      en: 'TODO',
    }),
    phongHocCapxdMuonDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_MUON_DT',
      vi: 'Phòng học theo cấp xây dựng tạm muốn diện tích',
      en: 'TODO',
    }),
    phongHocDuDkTcHocNhomDuDtVaBanGhe: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_DT_VA_BAN_GHE',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ diện tích và bàn ghế',
      en: 'TODO',
    }),
    phongHocDuDkTcHocNhomDuDtThieuBanGhe: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_DT_THIEU_BAN_GHE',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ diện tích - thiếu bàn ghế',
      en: 'TODO',
    }),
    phongHocDuDkTcHocNhomDuBanGheThieuDt: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_BAN_GHE_THIEU_DT',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ bàn ghế - thiếu diện tích',
      en: 'TODO',
    }),
    khuVsDatChuanVsGvNamSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NAM_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viênNam số lượng',
      en: 'TODO',
    }),
    khuVsDatChuanVsGvNamDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NAM_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viênNam diện tích',
      en: 'TODO',
    }),
    khuVsDatChuanVsGvNuSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NU_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viênNữ số lượng',
      en: 'TODO',
    }),
    khuVsDatChuanVsGvNuDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NU_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viên Nữ diện tích',
      en: 'TODO',
    }),
    khuVsDatChuanVsHsNamSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NAM_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nam số lượng',
      en: 'TODO',
    }),
    khuVsDatChuanVsHsNamDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NAM_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nam diện tích',
      en: 'TODO',
    }),
    khuVsDatChuanVsHsNuSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NU_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nữ số lượng',
      en: 'TODO',
    }),
    khuVsDatChuanVsHsNuDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NU_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nữ diện tích',
      en: 'TODO',
    }),
    nhaXeGvSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'NHA_XE_GV_SL',
      vi: 'Nhà xe giáo viên số lượng',
      en: 'TODO',
    }),
    nhaXeGvDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'NHA_XE_GV_DT',
      vi: 'Nhà xe giáo viên diện tích',
      en: 'TODO',
    }),
    nhaXeHsSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'NHA_XE_HS_SL',
      vi: 'Nhà xe học sinh số lượng',
      en: 'TODO',
    }),
    nhaXeHsDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'NHA_XE_HS_DT',
      vi: 'Nhà xe học sinh diện tích',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsDiemTruongCsvc}. */
export type EqmsDiemTruongCsvc = z.output<typeof EqmsDiemTruongCsvc>;

const eqmsDiemTruongLopHocSinhFields = fieldKit('QĐ 4998 EQMSDN.2.4');

/** Điểm trường lớp học sinh (EQMSDN.2.4). */
export const EqmsDiemTruongLopHocSinh = defineEntity(
  {
    name: 'EqmsDiemTruongLopHocSinh',
    code: 'EQMSDN.2.4',
    label: { vi: 'Điểm trường lớp học sinh', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.4',
    key: [],
    kind: 'row',
  },
  {
    diemTruongId: eqmsDiemTruongLopHocSinhFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'TODO',
      sensitivity: 'identifier',
    }),
    tenDiemTruong: eqmsDiemTruongLopHocSinhFields.text(50, {
      symbol: 'TEN_DIEM_TRUONG',
      vi: 'Tên điểm trường',
      en: 'TODO',
    }),
    lopGhep: eqmsDiemTruongLopHocSinhFields.int({ symbol: 'LOP_GHEP', vi: 'Lớp ghép', en: 'TODO' }),
    lop1SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_SO_LOP',
      vi: 'Lớp 1 số lớp',
      en: 'TODO',
    }),
    lop1HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_HS_TONG_SO',
      vi: 'Lớp 1 tổng số học sinh',
      en: 'TODO',
    }),
    lop1TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_NU',
      vi: 'Lớp 1 tổng số nữ',
      en: 'TODO',
    }),
    lop1TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 1 tổng số dân tộc',
      en: 'TODO',
    }),
    lop1TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 1 tổng số nữ dân tộc',
      en: 'TODO',
    }),
    lop1TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 1 tổng số lớp ghép',
      en: 'TODO',
    }),
    lop1TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 1 tổng số khuyết tật',
      en: 'TODO',
    }),
    lop2SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_SO_LOP',
      vi: 'Lớp 2 số lớp',
      en: 'TODO',
    }),
    lop2HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_HS_TONG_SO',
      vi: 'Lớp 2 tổng số học sinh',
      en: 'TODO',
    }),
    lop2TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_NU',
      vi: 'Lớp 2 tổng số nữ',
      en: 'TODO',
    }),
    lop2TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 2 tổng số dân tộc',
      en: 'TODO',
    }),
    lop2TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 2 tổng số nữ dân tộc',
      en: 'TODO',
    }),
    lop2TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 2 tổng số lớp ghép',
      en: 'TODO',
    }),
    lop2TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 2 tổng số khuyết tật',
      en: 'TODO',
    }),
    lop3SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_SO_LOP',
      vi: 'Lớp 3 số lớp',
      en: 'TODO',
    }),
    lop3HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_HS_TONG_SO',
      vi: 'Lớp 3 tổng số học sinh',
      en: 'TODO',
    }),
    lop3TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_NU',
      vi: 'Lớp 3 tổng số nữ',
      en: 'TODO',
    }),
    lop3TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 3 tổng số dân tộc',
      en: 'TODO',
    }),
    lop3TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 3 tổng số nữ dân tộc',
      en: 'TODO',
    }),
    lop3TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 3 tổng số lớp ghép',
      en: 'TODO',
    }),
    lop3TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 3 tổng số khuyết tật',
      en: 'TODO',
    }),
    lop4SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_SO_LOP',
      vi: 'Lớp 4 số lớp',
      en: 'TODO',
    }),
    lop4HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_HS_TONG_SO',
      vi: 'Lớp 4 tổng số học sinh',
      en: 'TODO',
    }),
    lop4TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_NU',
      vi: 'Lớp 4 tổng số nữ',
      en: 'TODO',
    }),
    lop4TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 4 tổng số dân tộc',
      en: 'TODO',
    }),
    lop4TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 4 tổng số nữ dân tộc',
      en: 'TODO',
    }),
    lop4TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 4 tổng số lớp ghép',
      en: 'TODO',
    }),
    lop4TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 4 tổng số khuyết tật',
      en: 'TODO',
    }),
    lop5SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_SO_LOP',
      vi: 'Lớp 5 số lớp',
      en: 'TODO',
    }),
    lop5HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_HS_TONG_SO',
      vi: 'Lớp 5 tổng số học sinh',
      en: 'TODO',
    }),
    lop5TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_NU',
      vi: 'Lớp 5 tổng số nữ',
      en: 'TODO',
    }),
    lop5TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 5 tổng số dân tộc',
      en: 'TODO',
    }),
    lop5TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 5 tổng số nữ dân tộc',
      en: 'TODO',
    }),
    lop5TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 5 tổng số lớp ghép',
      en: 'TODO',
    }),
    lop5TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 5 tổng số khuyết tật',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsDiemTruongLopHocSinh}. */
export type EqmsDiemTruongLopHocSinh = z.output<typeof EqmsDiemTruongLopHocSinh>;

const eqmsLopHocSinhFields = fieldKit('QĐ 4998 EQMSDN.2.5');

/** Lớp học sinh (EQMSDN.2.5). */
export const EqmsLopHocSinh = defineEntity(
  {
    name: 'EqmsLopHocSinh',
    code: 'EQMSDN.2.5',
    label: { vi: 'Lớp học sinh', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.5',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsLopHocSinhFields.text(50, { symbol: 'MA_BAO_CAO', vi: 'Mã báo cáo', en: 'TODO' }),
    noiDungTieuChi: eqmsLopHocSinhFields.text(4000, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'TODO',
    }),
    tongSoSoLop: eqmsLopHocSinhFields.int({
      symbol: 'TONG_SO_SO_LOP',
      vi: 'Tổng số lớp',
      en: 'TODO',
    }),
    tongSoSoHs: eqmsLopHocSinhFields.int({
      symbol: 'TONG_SO_SO_HS',
      vi: 'Tổng số học sinh',
      en: 'TODO',
    }),
    lop1SoLop: eqmsLopHocSinhFields.int({ symbol: 'LOP1_SO_LOP', vi: 'Lớp 1 số lớp', en: 'TODO' }),
    lop1SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP1_SO_HS',
      vi: 'Lớp 1 số học sinh',
      en: 'TODO',
    }),
    lop2SoLop: eqmsLopHocSinhFields.int({ symbol: 'LOP2_SO_LOP', vi: 'Lớp 2 số lớp', en: 'TODO' }),
    lop2SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP2_SO_HS',
      vi: 'Lớp 2 số học sinh',
      en: 'TODO',
    }),
    lop3SoLop: eqmsLopHocSinhFields.int({ symbol: 'LOP3_SO_LOP', vi: 'Lớp 3 số lớp', en: 'TODO' }),
    lop3SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP3_SO_HS',
      vi: 'Lớp 3 số học sinh',
      en: 'TODO',
    }),
    lop4SoLop: eqmsLopHocSinhFields.int({ symbol: 'LOP4_SO_LOP', vi: 'Lớp 4 số lớp', en: 'TODO' }),
    lop4SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP4_SO_HS',
      vi: 'Lớp 4 số học sinh',
      en: 'TODO',
    }),
    lop5SoLop: eqmsLopHocSinhFields.int({ symbol: 'LOP5_SO_LOP', vi: 'Lớp 5 số lớp', en: 'TODO' }),
    lop5SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP5_SO_HS',
      vi: 'Lớp 5 số học sinh',
      en: 'TODO',
    }),
    trongTongSoLopGhepSoLop: eqmsLopHocSinhFields.int({
      symbol: 'TRONG_TONG_SO_LOP_GHEP_SO_LOP',
      vi: 'Trong tổng số lớp ghép - số lớp',
      en: 'TODO',
    }),
    trongTongSoLopGhepSoHs: eqmsLopHocSinhFields.int({
      symbol: 'TRONG_TONG_SO_LOP_GHEP_SO_HS',
      vi: 'Trong tổng số lớp ghép - số học sinh',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsLopHocSinh}. */
export type EqmsLopHocSinh = z.output<typeof EqmsLopHocSinh>;

const eqmsCsvcDienTichDatFields = fieldKit('QĐ 4998 EQMSDN.2.6');

/** Cơ sở vật chất diện tích đất (EQMSDN.2.6). */
export const EqmsCsvcDienTichDat = defineEntity(
  {
    name: 'EqmsCsvcDienTichDat',
    code: 'EQMSDN.2.6',
    label: { vi: 'Cơ sở vật chất diện tích đất', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.6',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsCsvcDienTichDatFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    noiDungTieuChi: eqmsCsvcDienTichDatFields.text(undefined, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'TODO',
    }),
    soLuong: eqmsCsvcDienTichDatFields.decimal({ symbol: 'SO_LUONG', vi: 'Số lượng', en: 'TODO' }),
  },
);
/** A record of {@link EqmsCsvcDienTichDat}. */
export type EqmsCsvcDienTichDat = z.output<typeof EqmsCsvcDienTichDat>;

const eqmsCsvcPhongHocFields = fieldKit('QĐ 4998 EQMSDN.2.7');

/** Cơ sở vật chất phòng học (EQMSDN.2.7). */
export const EqmsCsvcPhongHoc = defineEntity(
  {
    name: 'EqmsCsvcPhongHoc',
    code: 'EQMSDN.2.7',
    label: { vi: 'Cơ sở vật chất phòng học', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.7',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsCsvcPhongHocFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    noiDungTieuChi: eqmsCsvcPhongHocFields.text(undefined, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'TODO',
    }),
    trenCap4SoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'TREN_CAP4_SO_LUONG',
      vi: 'Trên cấp 4 số lượng',
      en: 'TODO',
    }),
    trenCap4DienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'TREN_CAP4_DIEN_TICH',
      vi: 'Trên cấp 4 diện tích',
      en: 'TODO',
    }),
    cap4SoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'CAP4_SO_LUONG',
      vi: 'Cấp 4 số lượng',
      en: 'TODO',
    }),
    cap4DienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'CAP4_DIEN_TICH',
      vi: 'Cấp 4 diện tích',
      en: 'TODO',
    }),
    duoiCap4SoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'DUOI_CAP4_SO_LUONG',
      vi: 'Dưới cấp 4 số lượng',
      en: 'TODO',
    }),
    duoiCap4DienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'DUOI_CAP4_DIEN_TICH',
      vi: 'Dưới cấp 4 diện tích',
      en: 'TODO',
    }),
    muonSoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'MUON_SO_LUONG',
      vi: 'Số lượng',
      en: 'TODO',
    }),
    muonDienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'MUON_DIEN_TICH',
      vi: 'Diện tích',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsCsvcPhongHoc}. */
export type EqmsCsvcPhongHoc = z.output<typeof EqmsCsvcPhongHoc>;

const eqmsCsvcNhaVeSinhFields = fieldKit('QĐ 4998 EQMSDN.2.8');

/** Cơ sở vật chất nhà vệ sinh (EQMSDN.2.8). */
export const EqmsCsvcNhaVeSinh = defineEntity(
  {
    name: 'EqmsCsvcNhaVeSinh',
    code: 'EQMSDN.2.8',
    label: { vi: 'Cơ sở vật chất nhà vệ sinh', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.2.8',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsCsvcNhaVeSinhFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    noiDungTieuChi: eqmsCsvcNhaVeSinhFields.text(undefined, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'TODO',
    }),
    dungChoGvNamSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_GV_NAM_SO_LUONG',
      vi: 'GV nam số lượng',
      en: 'TODO',
    }),
    dungChoGvNamDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_GV_NAM_DIEN_TICH',
      vi: 'GV nam diện tích',
      en: 'TODO',
    }),
    dungChoGvNuSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_GV_NU_SO_LUONG',
      vi: 'GV nữ số lượng',
      en: 'TODO',
    }),
    dungChoGvNuDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_GV_NU_DIEN_TICH',
      vi: 'GV nữ diện tích',
      en: 'TODO',
    }),
    dungChoHsNamSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_HS_NAM_SO_LUONG',
      vi: 'HS nam số lượng',
      en: 'TODO',
    }),
    dungChoHsNamDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_HS_NAM_DIEN_TICH',
      vi: 'HS nam diện tích',
      en: 'TODO',
    }),
    dungChoHsNuSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_HS_NU_SO_LUONG',
      vi: 'HS nữ số lượng',
      en: 'TODO',
    }),
    dungChoHsNuDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_HS_NU_DIEN_TICH',
      vi: 'HS nữ diện tích',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsCsvcNhaVeSinh}. */
export type EqmsCsvcNhaVeSinh = z.output<typeof EqmsCsvcNhaVeSinh>;

const eqmsChatLuongGiaoDucFields = fieldKit('QĐ 4998 EQMSGN.2.1');

/** Báo cáo chất lượng giáo dục (EQMSGN.2.1). */
export const EqmsChatLuongGiaoDuc = defineEntity(
  {
    name: 'EqmsChatLuongGiaoDuc',
    code: 'EQMSGN.2.1',
    label: { vi: 'Báo cáo chất lượng giáo dục', en: 'TODO' },
    source: 'QĐ 4998 §2.5.2, EQMSGN.2.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsChatLuongGiaoDucFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    tongSo: eqmsChatLuongGiaoDucFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'TODO' }),
    lop1TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_TONG_SO',
      vi: 'Lớp 1 tổng số',
      en: 'TODO',
    }),
    lop1Nu: eqmsChatLuongGiaoDucFields.int({ symbol: 'LOP1_NU', vi: 'Lớp 1 nữ', en: 'TODO' }),
    lop1DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_DAN_TOC',
      vi: 'Lớp 1 dân tộc',
      en: 'TODO',
    }),
    lop1NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_NU_DAN_TOC',
      vi: 'Lớp 1 nữ dân tộc',
      en: 'TODO',
    }),
    lop1LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_LOP_GHEP',
      vi: 'Lớp 1 lớp ghép',
      en: 'TODO',
    }),
    lop1KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_KHUYET_TAT',
      vi: 'Lớp 1 khuyết tật',
      en: 'TODO',
    }),
    lop2TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_TONG_SO',
      vi: 'Lớp 2 tổng số',
      en: 'TODO',
    }),
    lop2Nu: eqmsChatLuongGiaoDucFields.int({ symbol: 'LOP2_NU', vi: 'Lớp 2 nữ', en: 'TODO' }),
    lop2DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_DAN_TOC',
      vi: 'Lớp 2 dân tộc',
      en: 'TODO',
    }),
    lop2NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_NU_DAN_TOC',
      vi: 'Lớp 2 nữ dân tộc',
      en: 'TODO',
    }),
    lop2LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_LOP_GHEP',
      vi: 'Lớp 2 lớp ghép',
      en: 'TODO',
    }),
    lop2KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_KHUYET_TAT',
      vi: 'Lớp 2 khuyết tật',
      en: 'TODO',
    }),
    lop3TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_TONG_SO',
      vi: 'Lớp 3 tổng số',
      en: 'TODO',
    }),
    lop3Nu: eqmsChatLuongGiaoDucFields.int({ symbol: 'LOP3_NU', vi: 'Lớp 3 nữ', en: 'TODO' }),
    lop3DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_DAN_TOC',
      vi: 'Lớp 3 dân tộc',
      en: 'TODO',
    }),
    lop3NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_NU_DAN_TOC',
      vi: 'Lớp 3 nữ dân tộc',
      en: 'TODO',
    }),
    lop3LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_LOP_GHEP',
      vi: 'Lớp 3 lớp ghép',
      en: 'TODO',
    }),
    lop3KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_KHUYET_TAT',
      vi: 'Lớp 3 khuyết tật',
      en: 'TODO',
    }),
    lop4TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_TONG_SO',
      vi: 'Lớp 4 tổng số',
      en: 'TODO',
    }),
    lop4Nu: eqmsChatLuongGiaoDucFields.int({ symbol: 'LOP4_NU', vi: 'Lớp 4 nữ', en: 'TODO' }),
    lop4DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_DAN_TOC',
      vi: 'Lớp 4 dân tộc',
      en: 'TODO',
    }),
    lop4NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_NU_DAN_TOC',
      vi: 'Lớp 4 nữ dân tộc',
      en: 'TODO',
    }),
    lop4LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_LOP_GHEP',
      vi: 'Lớp 4 lớp ghép',
      en: 'TODO',
    }),
    lop4KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_KHUYET_TAT',
      vi: 'Lớp 4 khuyết tật',
      en: 'TODO',
    }),
    lop5TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_TONG_SO',
      vi: 'Lớp 5 tổng số',
      en: 'TODO',
    }),
    lop5Nu: eqmsChatLuongGiaoDucFields.int({ symbol: 'LOP5_NU', vi: 'Lớp 5 nữ', en: 'TODO' }),
    lop5DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_DAN_TOC',
      vi: 'Lớp 5 dân tộc',
      en: 'TODO',
    }),
    lop5NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_NU_DAN_TOC',
      vi: 'Lớp 5 nữ dân tộc',
      en: 'TODO',
    }),
    lop5LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_LOP_GHEP',
      vi: 'Lớp 5 lớp ghép',
      en: 'TODO',
    }),
    lop5KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_KHUYET_TAT',
      vi: 'Lớp 5 khuyết tật',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsChatLuongGiaoDuc}. */
export type EqmsChatLuongGiaoDuc = z.output<typeof EqmsChatLuongGiaoDuc>;

const eqmsDiemKiemTraDinhKyFields = fieldKit('QĐ 4998 EQMSGN.2.2');

/** Điểm kiểm tra định kỳ (EQMSGN.2.2). */
export const EqmsDiemKiemTraDinhKy = defineEntity(
  {
    name: 'EqmsDiemKiemTraDinhKy',
    code: 'EQMSGN.2.2',
    label: { vi: 'Điểm kiểm tra định kỳ', en: 'TODO' },
    source: 'QĐ 4998 §2.5.2, EQMSGN.2.2',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsDiemKiemTraDinhKyFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    tongSo: eqmsDiemKiemTraDinhKyFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'TODO' }),
    lop1TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_TONG_SO',
      vi: 'Lớp 1 tổng số',
      en: 'TODO',
    }),
    lop1Nu: eqmsDiemKiemTraDinhKyFields.int({ symbol: 'LOP1_NU', vi: 'Lớp 1 nữ', en: 'TODO' }),
    lop1DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_DAN_TOC',
      vi: 'Lớp 1 dân tộc',
      en: 'TODO',
    }),
    lop1NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_NU_DAN_TOC',
      vi: 'Lớp 1 nữ dân tộc',
      en: 'TODO',
    }),
    lop1LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_LOP_GHEP',
      vi: 'Lớp 1 lớp ghép',
      en: 'TODO',
    }),
    lop1KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_KHUYET_TAT',
      vi: 'Lớp 1 khuyết tật',
      en: 'TODO',
    }),
    lop2TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_TONG_SO',
      vi: 'Lớp 2 tổng số',
      en: 'TODO',
    }),
    lop2Nu: eqmsDiemKiemTraDinhKyFields.int({ symbol: 'LOP2_NU', vi: 'Lớp 2 nữ', en: 'TODO' }),
    lop2DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_DAN_TOC',
      vi: 'Lớp 2 dân tộc',
      en: 'TODO',
    }),
    lop2NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_NU_DAN_TOC',
      vi: 'Lớp 2 nữ dân tộc',
      en: 'TODO',
    }),
    lop2LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_LOP_GHEP',
      vi: 'Lớp 2 lớp ghép',
      en: 'TODO',
    }),
    lop2KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_KHUYET_TAT',
      vi: 'Lớp 2 khuyết tật',
      en: 'TODO',
    }),
    lop3TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_TONG_SO',
      vi: 'Lớp 3 tổng số',
      en: 'TODO',
    }),
    lop3Nu: eqmsDiemKiemTraDinhKyFields.int({ symbol: 'LOP3_NU', vi: 'Lớp 3 nữ', en: 'TODO' }),
    lop3DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_DAN_TOC',
      vi: 'Lớp 3 dân tộc',
      en: 'TODO',
    }),
    lop3NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_NU_DAN_TOC',
      vi: 'Lớp 3 nữ dân tộc',
      en: 'TODO',
    }),
    lop3LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_LOP_GHEP',
      vi: 'Lớp 3 lớp ghép',
      en: 'TODO',
    }),
    lop3KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_KHUYET_TAT',
      vi: 'Lớp 3 khuyết tật',
      en: 'TODO',
    }),
    lop4TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_TONG_SO',
      vi: 'Lớp 4 tổng số',
      en: 'TODO',
    }),
    lop4Nu: eqmsDiemKiemTraDinhKyFields.int({ symbol: 'LOP4_NU', vi: 'Lớp 4 nữ', en: 'TODO' }),
    lop4DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_DAN_TOC',
      vi: 'Lớp 4 dân tộc',
      en: 'TODO',
    }),
    lop4NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_NU_DAN_TOC',
      vi: 'Lớp 4 nữ dân tộc',
      en: 'TODO',
    }),
    lop4LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_LOP_GHEP',
      vi: 'Lớp 4 lớp ghép',
      en: 'TODO',
    }),
    lop4KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_KHUYET_TAT',
      vi: 'Lớp 4 khuyết tật',
      en: 'TODO',
    }),
    lop5TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_TONG_SO',
      vi: 'Lớp 5 tổng số',
      en: 'TODO',
    }),
    lop5Nu: eqmsDiemKiemTraDinhKyFields.int({ symbol: 'LOP5_NU', vi: 'Lớp 5 nữ', en: 'TODO' }),
    lop5DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_DAN_TOC',
      vi: 'Lớp 5 dân tộc',
      en: 'TODO',
    }),
    lop5NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_NU_DAN_TOC',
      vi: 'Lớp 5 nữ dân tộc',
      en: 'TODO',
    }),
    lop5LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_LOP_GHEP',
      vi: 'Lớp 5 lớp ghép',
      en: 'TODO',
    }),
    lop5KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_KHUYET_TAT',
      vi: 'Lớp 5 khuyết tật',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsDiemKiemTraDinhKy}. */
export type EqmsDiemKiemTraDinhKy = z.output<typeof EqmsDiemKiemTraDinhKy>;

const eqmsHoatDongChuyenMonFields = fieldKit('QĐ 4998 EQMSGN.2.3');

/** Hoạt động chuyên môn cộng đồng (EQMSGN.2.3). */
export const EqmsHoatDongChuyenMon = defineEntity(
  {
    name: 'EqmsHoatDongChuyenMon',
    code: 'EQMSGN.2.3',
    label: { vi: 'Hoạt động chuyên môn cộng đồng', en: 'TODO' },
    source: 'QĐ 4998 §2.5.2, EQMSGN.2.3',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsHoatDongChuyenMonFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    soLuong: eqmsHoatDongChuyenMonFields.int({ symbol: 'SO_LUONG', vi: 'Số lượng', en: 'TODO' }),
  },
);
/** A record of {@link EqmsHoatDongChuyenMon}. */
export type EqmsHoatDongChuyenMon = z.output<typeof EqmsHoatDongChuyenMon>;

const eqmsMoDunTapHuanFields = fieldKit('QĐ 4998 EQMSGN.2.4');

/** Mô-đun tập huấn (EQMSGN.2.4). */
export const EqmsMoDunTapHuan = defineEntity(
  {
    name: 'EqmsMoDunTapHuan',
    code: 'EQMSGN.2.4',
    label: { vi: 'Mô-đun tập huấn', en: 'TODO' },
    source: 'QĐ 4998 §2.5.2, EQMSGN.2.4',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsMoDunTapHuanFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'TODO',
    }),
    gvHtthTongSo: eqmsMoDunTapHuanFields.int({
      symbol: 'GV_HTTH_TONG_SO',
      vi: 'Giáo viên hoàn thành tập huấn tổng số',
      en: 'TODO',
      maxDigits: 10,
    }),
    gvHtthNu: eqmsMoDunTapHuanFields.int({
      symbol: 'GV_HTTH_NU',
      vi: 'Giáo viên hoàn thành tập huấn nữ',
      en: 'TODO',
    }),
    gvHtthDanToc: eqmsMoDunTapHuanFields.int({
      symbol: 'GV_HTTH_DAN_TOC',
      vi: 'Giáo viên hoàn thành tập huấn dân tộc',
      en: 'TODO',
    }),
    htvaphtHtthTongSo: eqmsMoDunTapHuanFields.int({
      symbol: 'HTvaPHT_HTTH_TONG_SO',
      vi: 'HT và Phó HT hoàn thành tập huấn tổng số',
      en: 'TODO',
    }),
    htvaphtHtthNu: eqmsMoDunTapHuanFields.int({
      symbol: 'HTvaPHT_HTTH_NU',
      vi: 'HT và Phó HT hoàn thành tập huấn nữ',
      en: 'TODO',
    }),
    htvaphtHtthDanToc: eqmsMoDunTapHuanFields.int({
      symbol: 'HTvaPHT_HTTH_DAN_TOC',
      vi: 'HT và Phó HT hoàn thành tập huấn dân tộc',
      en: 'TODO',
    }),
  },
);
/** A record of {@link EqmsMoDunTapHuan}. */
export type EqmsMoDunTapHuan = z.output<typeof EqmsMoDunTapHuan>;

const baoCaoEqmsDauNamFields = fieldKit('QĐ 4998 EQMSDN.1.1');

/** Thông tin EQMS đầu năm (EQMSDN.1.1). */
export const BaoCaoEqmsDauNam = defineEntity(
  {
    name: 'BaoCaoEqmsDauNam',
    code: 'EQMSDN.1.1',
    label: { vi: 'Thông tin EQMS đầu năm', en: 'TODO' },
    source: 'QĐ 4998 §2.5.1, EQMSDN.1.1',
    key: ['truongId'],
    kind: 'record',
  },
  {
    truongId: baoCaoEqmsDauNamFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    dnDngvs: baoCaoEqmsDauNamFields.list(EqmsGiaoVien, {
      symbol: 'DN_DNGVS',
      vi: 'Giáo viên',
      en: 'TODO',
    }),
    dnDngvtas: baoCaoEqmsDauNamFields.list(EqmsGiaoVienTiengAnh, {
      symbol: 'DN_DNGVTAS',
      vi: 'Giáo viên tiếng anh',
      en: 'TODO',
    }),
    dnDtrcsvcs: baoCaoEqmsDauNamFields.list(EqmsDiemTruongCsvc, {
      symbol: 'DN_DTRCSVCS',
      vi: 'Điểm trường cơ sở vật chất',
      en: 'TODO',
    }),
    dnDtrlophss: baoCaoEqmsDauNamFields.list(EqmsDiemTruongLopHocSinh, {
      symbol: 'DN_DTRLOPHSS',
      vi: 'Điểm trường lớp học sinh',
      en: 'TODO',
    }),
    dnLophss: baoCaoEqmsDauNamFields.list(EqmsLopHocSinh, {
      symbol: 'DN_LOPHSS',
      vi: 'Lớp học sinh',
      en: 'TODO',
    }),
    dnCsvcdientichdats: baoCaoEqmsDauNamFields.list(EqmsCsvcDienTichDat, {
      symbol: 'DN_CSVCDIENTICHDATS',
      vi: 'Cơ sở vật chất diện tích đất',
      en: 'TODO',
    }),
    dnCsvcphonghocs: baoCaoEqmsDauNamFields.list(EqmsCsvcPhongHoc, {
      symbol: 'DN_CSVCPHONGHOCS',
      vi: 'Cơ sở vật chất phòng học',
      en: 'TODO',
    }),
    dnCsvcnhavesinhs: baoCaoEqmsDauNamFields.list(EqmsCsvcNhaVeSinh, {
      symbol: 'DN_CSVCNHAVESINHS',
      vi: 'Cơ sở vật chất nhà vệ sinh',
      en: 'TODO',
    }),
  },
);
/** A record of {@link BaoCaoEqmsDauNam}. */
export type BaoCaoEqmsDauNam = z.output<typeof BaoCaoEqmsDauNam>;

const baoCaoEqmsGiuaNamFields = fieldKit('QĐ 4998 EQMSGN.1.1');

/** Thông tin EQMS giữa năm (EQMSGN.1.1). */
export const BaoCaoEqmsGiuaNam = defineEntity(
  {
    name: 'BaoCaoEqmsGiuaNam',
    code: 'EQMSGN.1.1',
    label: { vi: 'Thông tin EQMS giữa năm', en: 'TODO' },
    source: 'QĐ 4998 §2.5.2, EQMSGN.1.1',
    key: ['truongId'],
    kind: 'record',
  },
  {
    truongId: baoCaoEqmsGiuaNamFields.text(20, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
      note: 'The specification prints the symbol as TRƯƠNG_ID (a typo); the wire uses TRUONG_ID as in every other table.',
    }),
    gnDghss: baoCaoEqmsGiuaNamFields.list(EqmsChatLuongGiaoDuc, {
      symbol: 'GN_DGHSS',
      vi: 'Báo cáo chất lượng giáo dục',
      en: 'TODO',
    }),
    gnDiems: baoCaoEqmsGiuaNamFields.list(EqmsDiemKiemTraDinhKy, {
      symbol: 'GN_DIEMS',
      vi: 'Điểm kiểm tra định kỳ',
      en: 'TODO',
    }),
    gnCmcd1s: baoCaoEqmsGiuaNamFields.list(EqmsHoatDongChuyenMon, {
      symbol: 'GN_CMCD1S',
      vi: 'Hoạt động chuyên môn cộng đồng',
      en: 'TODO',
    }),
    gnCmcd2s: baoCaoEqmsGiuaNamFields.list(EqmsMoDunTapHuan, {
      symbol: 'GN_CMCD2S',
      vi: 'Mô-đun tập huấn',
      en: 'TODO',
    }),
  },
);
/** A record of {@link BaoCaoEqmsGiuaNam}. */
export type BaoCaoEqmsGiuaNam = z.output<typeof BaoCaoEqmsGiuaNam>;

const baoCaoEqmsCuoiNamFields = fieldKit('QĐ 4998 EQMSCN.1.1');

/** Thông tin EQMS cuối năm (EQMSCN.1.1). */
export const BaoCaoEqmsCuoiNam = defineEntity(
  {
    name: 'BaoCaoEqmsCuoiNam',
    code: 'EQMSCN.1.1',
    label: { vi: 'Thông tin EQMS cuối năm', en: 'TODO' },
    source: 'QĐ 4998 §2.5.3, EQMSCN.1.1',
    key: ['truongId'],
    kind: 'record',
  },
  {
    truongId: baoCaoEqmsCuoiNamFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'TODO',
      sensitivity: 'identifier',
      required: true,
    }),
    cnDghss: baoCaoEqmsCuoiNamFields.list(EqmsChatLuongGiaoDuc, {
      symbol: 'CN_DGHSS',
      vi: 'Báo cáo chất lượng giáo dục',
      en: 'TODO',
    }),
    cnDiems: baoCaoEqmsCuoiNamFields.list(EqmsDiemKiemTraDinhKy, {
      symbol: 'CN_DIEMS',
      vi: 'Điểm kiểm tra định kỳ',
      en: 'TODO',
    }),
    cnCmcd1s: baoCaoEqmsCuoiNamFields.list(EqmsHoatDongChuyenMon, {
      symbol: 'CN_CMCD1S',
      vi: 'Hoạt động chuyên môn cộng đồng',
      en: 'TODO',
    }),
    cnCmcd2s: baoCaoEqmsCuoiNamFields.list(EqmsMoDunTapHuan, {
      symbol: 'CN_CMCD2S',
      vi: 'Mô-đun tập huấn',
      en: 'TODO',
    }),
  },
);
/** A record of {@link BaoCaoEqmsCuoiNam}. */
export type BaoCaoEqmsCuoiNam = z.output<typeof BaoCaoEqmsCuoiNam>;
