import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const eqmsGiaoVienFields = fieldKit('QĐ 4998 EQMSDN.2.1');

/**
 * One line of the start-of-year EQMS teacher counts by qualification and employment (QĐ 4998
 * EQMSDN.2.1 "Giáo viên", referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsGiaoVien = defineEntity(
  {
    name: 'EqmsGiaoVien',
    code: 'EQMSDN.2.1',
    label: { vi: 'Giáo viên', en: 'Teachers' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.1, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsGiaoVienFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    noiDungTieuChi: eqmsGiaoVienFields.text(4000, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'Criterion',
    }),
    tongSo: eqmsGiaoVienFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'Total' }),
    tddtTrenDaiHoc: eqmsGiaoVienFields.int({
      symbol: 'TDDT_TREN_DAI_HOC',
      vi: 'Trình độ đào tạo trên đại học',
      en: "Trained above bachelor's level",
    }),
    tddtDaiHoc: eqmsGiaoVienFields.int({
      symbol: 'TDDT_DAI_HOC',
      vi: 'Trình độ đào tạo đại học',
      en: "Trained to bachelor's level",
    }),
    tddtCaoDang: eqmsGiaoVienFields.int({
      symbol: 'TDDT_CAO_DANG',
      vi: 'Trình độ đào tạo cao đẳng',
      en: 'Trained to college level',
    }),
    tddtTh12Cong2: eqmsGiaoVienFields.int({
      symbol: 'TDDT_TH12_CONG2',
      vi: 'Trình độ đào tạo TH12 + 2',
      en: 'Trained: upper secondary plus two years',
    }),
    tddtTh9Cong3: eqmsGiaoVienFields.int({
      symbol: 'TDDT_TH9_CONG3',
      vi: 'Trình độ đào tạo TH9 + 3',
      en: 'Trained: lower secondary plus three years',
    }),
    tddtDuoiThsp: eqmsGiaoVienFields.int({
      symbol: 'TDDT_DUOI_THSP',
      vi: 'Trình độ đào tạo dưới THSP',
      en: 'Trained below secondary teacher-training level',
    }),
    cdldBienChe: eqmsGiaoVienFields.int({
      symbol: 'CDLD_BIEN_CHE',
      vi: 'Chế độ lao động biên chế',
      en: 'Employment: permanent staff',
    }),
    cdldHopDong: eqmsGiaoVienFields.int({
      symbol: 'CDLD_HOP_DONG',
      vi: 'Chế độ lao động hợp đồng',
      en: 'Employment: contract',
    }),
    cdldThinhGiang: eqmsGiaoVienFields.int({
      symbol: 'CDLD_THINH_GIANG',
      vi: 'Chế độ lao động thỉnh giảng',
      en: 'Employment: visiting',
    }),
    trongTongSoNu: eqmsGiaoVienFields.int({
      symbol: 'TRONG_TONG_SO_NU',
      vi: 'Trong tổng số nữ',
      en: 'Of whom women',
    }),
    trongTongSoDanToc: eqmsGiaoVienFields.int({
      symbol: 'TRONG_TONG_SO_DAN_TOC',
      vi: 'Trong tổng số dân tộc',
      en: 'Of whom ethnic minority',
    }),
    trongTongSoNuDanToc: eqmsGiaoVienFields.int({
      symbol: 'TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Trong tổng số dân tộc nữ',
      en: 'Of whom ethnic-minority women',
    }),
  },
);
/** A teacher-count line, as {@link EqmsGiaoVien} parses it. */
export type EqmsGiaoVien = z.output<typeof EqmsGiaoVien>;

const eqmsGiaoVienTiengAnhFields = fieldKit('QĐ 4998 EQMSDN.2.2');

/**
 * One line of the start-of-year EQMS English-teacher counts by CEFR level and employment (QĐ 4998
 * EQMSDN.2.2 "Giáo viên tiếng anh", referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsGiaoVienTiengAnh = defineEntity(
  {
    name: 'EqmsGiaoVienTiengAnh',
    code: 'EQMSDN.2.2',
    label: { vi: 'Giáo viên tiếng anh', en: 'English teachers' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.2, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsGiaoVienTiengAnhFields.text(20, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
      note: 'At most 20 characters here, 50 in the other EQMS sub-tables.',
    }),
    noiDungTieuChi: eqmsGiaoVienTiengAnhFields.text(4000, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'Criterion',
    }),
    tongSo: eqmsGiaoVienTiengAnhFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'Total' }),
    c2: eqmsGiaoVienTiengAnhFields.int({ symbol: 'C2', vi: 'C2', en: 'Level C2' }),
    c1: eqmsGiaoVienTiengAnhFields.int({ symbol: 'C1', vi: 'C1', en: 'Level C1' }),
    b2: eqmsGiaoVienTiengAnhFields.int({ symbol: 'B2', vi: 'B2', en: 'Level B2' }),
    b1: eqmsGiaoVienTiengAnhFields.int({ symbol: 'B1', vi: 'B1', en: 'Level B1' }),
    duoiB1: eqmsGiaoVienTiengAnhFields.int({ symbol: 'DUOI_B1', vi: 'Dưới B1', en: 'Below B1' }),
    chungChiSp: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'CHUNG_CHI_SP',
      vi: 'Chứng chỉ sư phạm',
      en: 'With a teaching certificate',
    }),
    bienChe: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'BIEN_CHE',
      vi: 'Biên chế',
      en: 'Permanent staff',
    }),
    hopDong: eqmsGiaoVienTiengAnhFields.int({ symbol: 'HOP_DONG', vi: 'Hợp đồng', en: 'Contract' }),
    thinhGiang: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'THINH_GIANG',
      vi: 'Thỉnh giảng',
      en: 'Visiting',
    }),
    nu: eqmsGiaoVienTiengAnhFields.int({ symbol: 'NU', vi: 'Nữ', en: 'Women' }),
    danToc: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'DAN_TOC',
      vi: 'Dân tộc',
      en: 'Ethnic minority',
    }),
    nuDanToc: eqmsGiaoVienTiengAnhFields.int({
      symbol: 'NU_DAN_TOC',
      vi: 'Nữ dân tộc',
      en: 'Ethnic-minority women',
    }),
  },
);
/** An English-teacher-count line, as {@link EqmsGiaoVienTiengAnh} parses it. */
export type EqmsGiaoVienTiengAnh = z.output<typeof EqmsGiaoVienTiengAnh>;

const eqmsDiemTruongCsvcFields = fieldKit('QĐ 4998 EQMSDN.2.3');

/**
 * The facilities of one school site for the start-of-year EQMS report: land, classrooms by
 * construction grade, toilets, bicycle sheds (QĐ 4998 EQMSDN.2.3 "Điểm trường cơ sở vật chất",
 * referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsDiemTruongCsvc = defineEntity(
  {
    name: 'EqmsDiemTruongCsvc',
    code: 'EQMSDN.2.3',
    label: { vi: 'Điểm trường cơ sở vật chất', en: 'Facilities by site' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.3, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    diemTruongId: eqmsDiemTruongCsvcFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'Site code',
      sensitivity: 'identifier',
    }),
    tenDiemTruong: eqmsDiemTruongCsvcFields.text(50, {
      symbol: 'TEN_DIEM_TRUONG',
      vi: 'Tên điểm trường',
      en: 'Site name',
      note: 'At most 50 characters here, 200 in TRMN.2.1.',
    }),
    dienTich: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'DIEN_TICH',
      vi: 'Diện tích',
      en: 'Land area',
    }),
    dienTichSanChoiBaiTap: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'DIEN_TICH_SAN_CHOI_BAI_TAP',
      vi: 'Diện tích sân chơi bãi tập',
      en: 'Playground and sports ground area',
    }),
    phongHocCapxdTrenCap4Sl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_TREN_CAP4_SL',
      vi: 'Phòng học theo cấp xây dựng trên cấp 4 số lượng',
      en: 'Classrooms above grade-4 construction: count',
    }),
    phongHocCapxdTrenCap4Dt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_TREN_CAP4_DT',
      vi: 'Phòng học theo cấp xây dựng trên cấp 4 diện tích',
      en: 'Classrooms above grade-4 construction: area',
    }),
    phongHocCapxdCap4Sl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_CAP4_SL',
      vi: 'Phòng học theo cấp xây dựng cấp 4 số lượng',
      en: 'Classrooms of grade-4 construction: count',
    }),
    phongHocCapxdCap4Dt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_CAP4_DT',
      vi: 'Phòng học theo cấp xây dựng cấp 4 diện tích',
      en: 'Classrooms of grade-4 construction: area',
    }),
    phongHocCapxdTamSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_TAM_SL',
      vi: 'Phòng học theo cấp xây dựng tạm diện tích',
      en: 'Temporary classrooms: count',
      note: 'The specification\'s Vietnamese labels of PHONG_HOC_CAPXD_TAM_SL and PHONG_HOC_CAPXD_TAM_DT are swapped ("diện tích" on the count, "số lượng" on the area); they are kept as printed, and the English label follows the symbol and type.',
    }),
    phongHocCapxdTamDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_TAM_DT',
      vi: 'Phòng học theo cấp xây dựng tạm số lượng',
      en: 'Temporary classrooms: area',
      note: 'The specification\'s Vietnamese labels of PHONG_HOC_CAPXD_TAM_SL and PHONG_HOC_CAPXD_TAM_DT are swapped ("diện tích" on the count, "số lượng" on the area); they are kept as printed, and the English label follows the symbol and type.',
    }),
    phongHocCapxdMuonSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_CAPXD_MUON_SL',
      vi: 'Phòng học theo cấp xây dựng tạm muốn số lượng',
      en: 'Borrowed classrooms: count',
      note: 'MUON stands for "mượn" (borrowed); the Vietnamese label "tạm muốn" is kept as printed.',
    }),
    phongHocCapxdMuonDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'PHONG_HOC_CAPXD_MUON_DT',
      vi: 'Phòng học theo cấp xây dựng tạm muốn diện tích',
      en: 'Borrowed classrooms: area',
      note: 'MUON stands for "mượn" (borrowed); the Vietnamese label "tạm muốn" is kept as printed.',
    }),
    phongHocDuDkTcHocNhomDuDtVaBanGhe: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_DT_VA_BAN_GHE',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ diện tích và bàn ghế',
      en: 'Classrooms fit for group work: enough space and furniture',
    }),
    phongHocDuDkTcHocNhomDuDtThieuBanGhe: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_DT_THIEU_BAN_GHE',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ diện tích - thiếu bàn ghế',
      en: 'Classrooms fit for group work: enough space, too little furniture',
    }),
    phongHocDuDkTcHocNhomDuBanGheThieuDt: eqmsDiemTruongCsvcFields.int({
      symbol: 'PHONG_HOC_DU_DK_TC_HOC_NHOM_DU_BAN_GHE_THIEU_DT',
      vi: 'Phòng học đủ điều kiện tổ chức học nhóm - Đủ bàn ghế - thiếu diện tích',
      en: 'Classrooms fit for group work: enough furniture, too little space',
    }),
    khuVsDatChuanVsGvNamSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NAM_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viên Nam số lượng',
      en: 'Standard toilets for male teachers: count',
    }),
    khuVsDatChuanVsGvNamDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NAM_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viên Nam diện tích',
      en: 'Standard toilets for male teachers: area',
    }),
    khuVsDatChuanVsGvNuSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NU_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viên Nữ số lượng',
      en: 'Standard toilets for female teachers: count',
    }),
    khuVsDatChuanVsGvNuDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_GV_NU_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho giáo viên Nữ diện tích',
      en: 'Standard toilets for female teachers: area',
    }),
    khuVsDatChuanVsHsNamSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NAM_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nam số lượng',
      en: 'Standard toilets for boys: count',
    }),
    khuVsDatChuanVsHsNamDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NAM_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nam diện tích',
      en: 'Standard toilets for boys: area',
    }),
    khuVsDatChuanVsHsNuSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NU_SL',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nữ số lượng',
      en: 'Standard toilets for girls: count',
    }),
    khuVsDatChuanVsHsNuDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'KHU_VS_DAT_CHUAN_VS_HS_NU_DT',
      vi: 'Khu vệ sinh đạt chuẩn cho học sinh Nữ diện tích',
      en: 'Standard toilets for girls: area',
    }),
    nhaXeGvSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'NHA_XE_GV_SL',
      vi: 'Nhà xe giáo viên số lượng',
      en: "Teachers' bicycle sheds: count",
    }),
    nhaXeGvDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'NHA_XE_GV_DT',
      vi: 'Nhà xe giáo viên diện tích',
      en: "Teachers' bicycle sheds: area",
    }),
    nhaXeHsSl: eqmsDiemTruongCsvcFields.int({
      symbol: 'NHA_XE_HS_SL',
      vi: 'Nhà xe học sinh số lượng',
      en: "Pupils' bicycle sheds: count",
    }),
    nhaXeHsDt: eqmsDiemTruongCsvcFields.decimal({
      symbol: 'NHA_XE_HS_DT',
      vi: 'Nhà xe học sinh diện tích',
      en: "Pupils' bicycle sheds: area",
    }),
  },
);
/** A site facilities row, as {@link EqmsDiemTruongCsvc} parses it. */
export type EqmsDiemTruongCsvc = z.output<typeof EqmsDiemTruongCsvc>;

const eqmsDiemTruongLopHocSinhFields = fieldKit('QĐ 4998 EQMSDN.2.4');

/**
 * Class and pupil counts of one school site by grade for the start-of-year EQMS report (QĐ 4998
 * EQMSDN.2.4 "Điểm trường lớp học sinh", referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsDiemTruongLopHocSinh = defineEntity(
  {
    name: 'EqmsDiemTruongLopHocSinh',
    code: 'EQMSDN.2.4',
    label: { vi: 'Điểm trường lớp học sinh', en: 'Classes and pupils by site' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.4, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    diemTruongId: eqmsDiemTruongLopHocSinhFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'Site code',
      sensitivity: 'identifier',
    }),
    tenDiemTruong: eqmsDiemTruongLopHocSinhFields.text(50, {
      symbol: 'TEN_DIEM_TRUONG',
      vi: 'Tên điểm trường',
      en: 'Site name',
      note: 'At most 50 characters here, 200 in TRMN.2.1.',
    }),
    lopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP_GHEP',
      vi: 'Lớp ghép',
      en: 'Combined classes',
    }),
    lop1SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_SO_LOP',
      vi: 'Lớp 1 số lớp',
      en: 'Grade 1: classes',
    }),
    lop1HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_HS_TONG_SO',
      vi: 'Lớp 1 tổng số học sinh',
      en: 'Grade 1: pupils',
    }),
    lop1TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_NU',
      vi: 'Lớp 1 tổng số nữ',
      en: 'Grade 1: of whom girls',
    }),
    lop1TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 1 tổng số dân tộc',
      en: 'Grade 1: of whom ethnic minority',
    }),
    lop1TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 1 tổng số nữ dân tộc',
      en: 'Grade 1: of whom ethnic-minority girls',
    }),
    lop1TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 1 tổng số lớp ghép',
      en: 'Grade 1: of whom in combined classes',
    }),
    lop1TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP1_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 1 tổng số khuyết tật',
      en: 'Grade 1: of whom with disabilities',
    }),
    lop2SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_SO_LOP',
      vi: 'Lớp 2 số lớp',
      en: 'Grade 2: classes',
    }),
    lop2HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_HS_TONG_SO',
      vi: 'Lớp 2 tổng số học sinh',
      en: 'Grade 2: pupils',
    }),
    lop2TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_NU',
      vi: 'Lớp 2 tổng số nữ',
      en: 'Grade 2: of whom girls',
    }),
    lop2TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 2 tổng số dân tộc',
      en: 'Grade 2: of whom ethnic minority',
    }),
    lop2TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 2 tổng số nữ dân tộc',
      en: 'Grade 2: of whom ethnic-minority girls',
    }),
    lop2TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 2 tổng số lớp ghép',
      en: 'Grade 2: of whom in combined classes',
    }),
    lop2TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP2_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 2 tổng số khuyết tật',
      en: 'Grade 2: of whom with disabilities',
    }),
    lop3SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_SO_LOP',
      vi: 'Lớp 3 số lớp',
      en: 'Grade 3: classes',
    }),
    lop3HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_HS_TONG_SO',
      vi: 'Lớp 3 tổng số học sinh',
      en: 'Grade 3: pupils',
    }),
    lop3TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_NU',
      vi: 'Lớp 3 tổng số nữ',
      en: 'Grade 3: of whom girls',
    }),
    lop3TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 3 tổng số dân tộc',
      en: 'Grade 3: of whom ethnic minority',
    }),
    lop3TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 3 tổng số nữ dân tộc',
      en: 'Grade 3: of whom ethnic-minority girls',
    }),
    lop3TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 3 tổng số lớp ghép',
      en: 'Grade 3: of whom in combined classes',
    }),
    lop3TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP3_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 3 tổng số khuyết tật',
      en: 'Grade 3: of whom with disabilities',
    }),
    lop4SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_SO_LOP',
      vi: 'Lớp 4 số lớp',
      en: 'Grade 4: classes',
    }),
    lop4HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_HS_TONG_SO',
      vi: 'Lớp 4 tổng số học sinh',
      en: 'Grade 4: pupils',
    }),
    lop4TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_NU',
      vi: 'Lớp 4 tổng số nữ',
      en: 'Grade 4: of whom girls',
    }),
    lop4TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 4 tổng số dân tộc',
      en: 'Grade 4: of whom ethnic minority',
    }),
    lop4TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 4 tổng số nữ dân tộc',
      en: 'Grade 4: of whom ethnic-minority girls',
    }),
    lop4TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 4 tổng số lớp ghép',
      en: 'Grade 4: of whom in combined classes',
    }),
    lop4TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP4_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 4 tổng số khuyết tật',
      en: 'Grade 4: of whom with disabilities',
    }),
    lop5SoLop: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_SO_LOP',
      vi: 'Lớp 5 số lớp',
      en: 'Grade 5: classes',
    }),
    lop5HsTongSo: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_HS_TONG_SO',
      vi: 'Lớp 5 tổng số học sinh',
      en: 'Grade 5: pupils',
    }),
    lop5TrongTongSoNu: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_NU',
      vi: 'Lớp 5 tổng số nữ',
      en: 'Grade 5: of whom girls',
    }),
    lop5TrongTongSoDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_DAN_TOC',
      vi: 'Lớp 5 tổng số dân tộc',
      en: 'Grade 5: of whom ethnic minority',
    }),
    lop5TrongTongSoNuDanToc: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_NU_DAN_TOC',
      vi: 'Lớp 5 tổng số nữ dân tộc',
      en: 'Grade 5: of whom ethnic-minority girls',
    }),
    lop5TrongTongSoLopGhep: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_LOP_GHEP',
      vi: 'Lớp 5 tổng số lớp ghép',
      en: 'Grade 5: of whom in combined classes',
    }),
    lop5TrongTongSoKhuyetTat: eqmsDiemTruongLopHocSinhFields.int({
      symbol: 'LOP5_TRONG_TONG_SO_KHUYET_TAT',
      vi: 'Lớp 5 tổng số khuyết tật',
      en: 'Grade 5: of whom with disabilities',
    }),
  },
);
/** A site class-and-pupil-count row, as {@link EqmsDiemTruongLopHocSinh} parses it. */
export type EqmsDiemTruongLopHocSinh = z.output<typeof EqmsDiemTruongLopHocSinh>;

const eqmsLopHocSinhFields = fieldKit('QĐ 4998 EQMSDN.2.5');

/**
 * One line of the start-of-year EQMS class and pupil counts by grade (QĐ 4998 EQMSDN.2.5 "Lớp học
 * sinh", referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsLopHocSinh = defineEntity(
  {
    name: 'EqmsLopHocSinh',
    code: 'EQMSDN.2.5',
    label: { vi: 'Lớp học sinh', en: 'Classes and pupils' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.5, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsLopHocSinhFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    noiDungTieuChi: eqmsLopHocSinhFields.text(4000, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'Criterion',
    }),
    tongSoSoLop: eqmsLopHocSinhFields.int({
      symbol: 'TONG_SO_SO_LOP',
      vi: 'Tổng số lớp',
      en: 'Total: classes',
    }),
    tongSoSoHs: eqmsLopHocSinhFields.int({
      symbol: 'TONG_SO_SO_HS',
      vi: 'Tổng số học sinh',
      en: 'Total: pupils',
    }),
    lop1SoLop: eqmsLopHocSinhFields.int({
      symbol: 'LOP1_SO_LOP',
      vi: 'Lớp 1 số lớp',
      en: 'Grade 1: classes',
    }),
    lop1SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP1_SO_HS',
      vi: 'Lớp 1 số học sinh',
      en: 'Grade 1: pupils',
    }),
    lop2SoLop: eqmsLopHocSinhFields.int({
      symbol: 'LOP2_SO_LOP',
      vi: 'Lớp 2 số lớp',
      en: 'Grade 2: classes',
    }),
    lop2SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP2_SO_HS',
      vi: 'Lớp 2 số học sinh',
      en: 'Grade 2: pupils',
    }),
    lop3SoLop: eqmsLopHocSinhFields.int({
      symbol: 'LOP3_SO_LOP',
      vi: 'Lớp 3 số lớp',
      en: 'Grade 3: classes',
    }),
    lop3SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP3_SO_HS',
      vi: 'Lớp 3 số học sinh',
      en: 'Grade 3: pupils',
    }),
    lop4SoLop: eqmsLopHocSinhFields.int({
      symbol: 'LOP4_SO_LOP',
      vi: 'Lớp 4 số lớp',
      en: 'Grade 4: classes',
    }),
    lop4SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP4_SO_HS',
      vi: 'Lớp 4 số học sinh',
      en: 'Grade 4: pupils',
    }),
    lop5SoLop: eqmsLopHocSinhFields.int({
      symbol: 'LOP5_SO_LOP',
      vi: 'Lớp 5 số lớp',
      en: 'Grade 5: classes',
    }),
    lop5SoHs: eqmsLopHocSinhFields.int({
      symbol: 'LOP5_SO_HS',
      vi: 'Lớp 5 số học sinh',
      en: 'Grade 5: pupils',
    }),
    trongTongSoLopGhepSoLop: eqmsLopHocSinhFields.int({
      symbol: 'TRONG_TONG_SO_LOP_GHEP_SO_LOP',
      vi: 'Trong tổng số lớp ghép - số lớp',
      en: 'Of which combined classes: classes',
    }),
    trongTongSoLopGhepSoHs: eqmsLopHocSinhFields.int({
      symbol: 'TRONG_TONG_SO_LOP_GHEP_SO_HS',
      vi: 'Trong tổng số lớp ghép - số học sinh',
      en: 'Of which combined classes: pupils',
    }),
  },
);
/** A class-and-pupil-count line, as {@link EqmsLopHocSinh} parses it. */
export type EqmsLopHocSinh = z.output<typeof EqmsLopHocSinh>;

const eqmsCsvcDienTichDatFields = fieldKit('QĐ 4998 EQMSDN.2.6');

/**
 * One line of the start-of-year EQMS land area figures (QĐ 4998 EQMSDN.2.6 "Cơ sở vật chất diện
 * tích đất", referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsCsvcDienTichDat = defineEntity(
  {
    name: 'EqmsCsvcDienTichDat',
    code: 'EQMSDN.2.6',
    label: { vi: 'Cơ sở vật chất diện tích đất', en: 'Facilities: land area' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.6, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsCsvcDienTichDatFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    noiDungTieuChi: eqmsCsvcDienTichDatFields.text(undefined, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'Criterion',
      note: "The specification gives no length here (4000 in EQMSDN.2.1, 2.2 and 2.5); the SDK's open-text cap is also 4000.",
    }),
    soLuong: eqmsCsvcDienTichDatFields.decimal({
      symbol: 'SO_LUONG',
      vi: 'Số lượng',
      en: 'Amount (area)',
      note: 'A decimal (an area) although labelled "Số lượng" (quantity); the specification gives no unit.',
    }),
  },
);
/** A land area line, as {@link EqmsCsvcDienTichDat} parses it. */
export type EqmsCsvcDienTichDat = z.output<typeof EqmsCsvcDienTichDat>;

const eqmsCsvcPhongHocFields = fieldKit('QĐ 4998 EQMSDN.2.7');

/**
 * One line of the start-of-year EQMS classroom counts and areas by construction grade (QĐ 4998
 * EQMSDN.2.7 "Cơ sở vật chất phòng học", referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsCsvcPhongHoc = defineEntity(
  {
    name: 'EqmsCsvcPhongHoc',
    code: 'EQMSDN.2.7',
    label: { vi: 'Cơ sở vật chất phòng học', en: 'Facilities: classrooms' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.7, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsCsvcPhongHocFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    noiDungTieuChi: eqmsCsvcPhongHocFields.text(undefined, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'Criterion',
      note: "The specification gives no length here (4000 in EQMSDN.2.1, 2.2 and 2.5); the SDK's open-text cap is also 4000.",
    }),
    trenCap4SoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'TREN_CAP4_SO_LUONG',
      vi: 'Trên cấp 4 số lượng',
      en: 'Above grade-4 construction: count',
    }),
    trenCap4DienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'TREN_CAP4_DIEN_TICH',
      vi: 'Trên cấp 4 diện tích',
      en: 'Above grade-4 construction: area',
    }),
    cap4SoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'CAP4_SO_LUONG',
      vi: 'Cấp 4 số lượng',
      en: 'Grade-4 construction: count',
    }),
    cap4DienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'CAP4_DIEN_TICH',
      vi: 'Cấp 4 diện tích',
      en: 'Grade-4 construction: area',
    }),
    duoiCap4SoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'DUOI_CAP4_SO_LUONG',
      vi: 'Dưới cấp 4 số lượng',
      en: 'Below grade-4 construction: count',
    }),
    duoiCap4DienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'DUOI_CAP4_DIEN_TICH',
      vi: 'Dưới cấp 4 diện tích',
      en: 'Below grade-4 construction: area',
    }),
    muonSoLuong: eqmsCsvcPhongHocFields.int({
      symbol: 'MUON_SO_LUONG',
      vi: 'Số lượng',
      en: 'Borrowed: count',
    }),
    muonDienTich: eqmsCsvcPhongHocFields.decimal({
      symbol: 'MUON_DIEN_TICH',
      vi: 'Diện tích',
      en: 'Borrowed: area',
    }),
  },
);
/** A classroom line, as {@link EqmsCsvcPhongHoc} parses it. */
export type EqmsCsvcPhongHoc = z.output<typeof EqmsCsvcPhongHoc>;

const eqmsCsvcNhaVeSinhFields = fieldKit('QĐ 4998 EQMSDN.2.8');

/**
 * One line of the start-of-year EQMS toilet counts and areas for teachers and pupils by sex (QĐ
 * 4998 EQMSDN.2.8 "Cơ sở vật chất nhà vệ sinh", referenced by {@link BaoCaoEqmsDauNam}).
 */
export const EqmsCsvcNhaVeSinh = defineEntity(
  {
    name: 'EqmsCsvcNhaVeSinh',
    code: 'EQMSDN.2.8',
    label: { vi: 'Cơ sở vật chất nhà vệ sinh', en: 'Facilities: toilets' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.2.8, referenced by EQMSDN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsCsvcNhaVeSinhFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    noiDungTieuChi: eqmsCsvcNhaVeSinhFields.text(undefined, {
      symbol: 'NOI_DUNG_TIEU_CHI',
      vi: 'Nội dung tiêu chí',
      en: 'Criterion',
      note: "The specification gives no length here (4000 in EQMSDN.2.1, 2.2 and 2.5); the SDK's open-text cap is also 4000.",
    }),
    dungChoGvNamSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_GV_NAM_SO_LUONG',
      vi: 'GV nam số lượng',
      en: 'For male teachers: count',
    }),
    dungChoGvNamDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_GV_NAM_DIEN_TICH',
      vi: 'GV nam diện tích',
      en: 'For male teachers: area',
    }),
    dungChoGvNuSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_GV_NU_SO_LUONG',
      vi: 'GV nữ số lượng',
      en: 'For female teachers: count',
    }),
    dungChoGvNuDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_GV_NU_DIEN_TICH',
      vi: 'GV nữ diện tích',
      en: 'For female teachers: area',
    }),
    dungChoHsNamSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_HS_NAM_SO_LUONG',
      vi: 'HS nam số lượng',
      en: 'For boys: count',
    }),
    dungChoHsNamDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_HS_NAM_DIEN_TICH',
      vi: 'HS nam diện tích',
      en: 'For boys: area',
    }),
    dungChoHsNuSoLuong: eqmsCsvcNhaVeSinhFields.int({
      symbol: 'DUNG_CHO_HS_NU_SO_LUONG',
      vi: 'HS nữ số lượng',
      en: 'For girls: count',
    }),
    dungChoHsNuDienTich: eqmsCsvcNhaVeSinhFields.decimal({
      symbol: 'DUNG_CHO_HS_NU_DIEN_TICH',
      vi: 'HS nữ diện tích',
      en: 'For girls: area',
    }),
  },
);
/** A toilet line, as {@link EqmsCsvcNhaVeSinh} parses it. */
export type EqmsCsvcNhaVeSinh = z.output<typeof EqmsCsvcNhaVeSinh>;

const eqmsChatLuongGiaoDucFields = fieldKit('QĐ 4998 EQMSGN.2.1');

/**
 * One line of the mid-year or end-of-year EQMS education quality figures by grade (QĐ 4998
 * EQMSGN.2.1 "Báo cáo chất lượng giáo dục", referenced by {@link BaoCaoEqmsGiuaNam} and
 * {@link BaoCaoEqmsCuoiNam}).
 */
export const EqmsChatLuongGiaoDuc = defineEntity(
  {
    name: 'EqmsChatLuongGiaoDuc',
    code: 'EQMSGN.2.1',
    label: { vi: 'Báo cáo chất lượng giáo dục', en: 'Education quality report' },
    source: 'QĐ 4998 §2.5.2 EQMSGN.2.1, referenced by EQMSGN.1.1 and EQMSCN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsChatLuongGiaoDucFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    tongSo: eqmsChatLuongGiaoDucFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'Total' }),
    lop1TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_TONG_SO',
      vi: 'Lớp 1 tổng số',
      en: 'Grade 1: total',
    }),
    lop1Nu: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_NU',
      vi: 'Lớp 1 nữ',
      en: 'Grade 1: girls',
    }),
    lop1DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_DAN_TOC',
      vi: 'Lớp 1 dân tộc',
      en: 'Grade 1: ethnic minority',
    }),
    lop1NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_NU_DAN_TOC',
      vi: 'Lớp 1 nữ dân tộc',
      en: 'Grade 1: ethnic-minority girls',
    }),
    lop1LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_LOP_GHEP',
      vi: 'Lớp 1 lớp ghép',
      en: 'Grade 1: in combined classes',
    }),
    lop1KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP1_KHUYET_TAT',
      vi: 'Lớp 1 khuyết tật',
      en: 'Grade 1: with disabilities',
    }),
    lop2TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_TONG_SO',
      vi: 'Lớp 2 tổng số',
      en: 'Grade 2: total',
    }),
    lop2Nu: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_NU',
      vi: 'Lớp 2 nữ',
      en: 'Grade 2: girls',
    }),
    lop2DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_DAN_TOC',
      vi: 'Lớp 2 dân tộc',
      en: 'Grade 2: ethnic minority',
    }),
    lop2NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_NU_DAN_TOC',
      vi: 'Lớp 2 nữ dân tộc',
      en: 'Grade 2: ethnic-minority girls',
    }),
    lop2LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_LOP_GHEP',
      vi: 'Lớp 2 lớp ghép',
      en: 'Grade 2: in combined classes',
    }),
    lop2KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP2_KHUYET_TAT',
      vi: 'Lớp 2 khuyết tật',
      en: 'Grade 2: with disabilities',
    }),
    lop3TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_TONG_SO',
      vi: 'Lớp 3 tổng số',
      en: 'Grade 3: total',
    }),
    lop3Nu: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_NU',
      vi: 'Lớp 3 nữ',
      en: 'Grade 3: girls',
    }),
    lop3DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_DAN_TOC',
      vi: 'Lớp 3 dân tộc',
      en: 'Grade 3: ethnic minority',
    }),
    lop3NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_NU_DAN_TOC',
      vi: 'Lớp 3 nữ dân tộc',
      en: 'Grade 3: ethnic-minority girls',
    }),
    lop3LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_LOP_GHEP',
      vi: 'Lớp 3 lớp ghép',
      en: 'Grade 3: in combined classes',
    }),
    lop3KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP3_KHUYET_TAT',
      vi: 'Lớp 3 khuyết tật',
      en: 'Grade 3: with disabilities',
    }),
    lop4TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_TONG_SO',
      vi: 'Lớp 4 tổng số',
      en: 'Grade 4: total',
    }),
    lop4Nu: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_NU',
      vi: 'Lớp 4 nữ',
      en: 'Grade 4: girls',
    }),
    lop4DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_DAN_TOC',
      vi: 'Lớp 4 dân tộc',
      en: 'Grade 4: ethnic minority',
    }),
    lop4NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_NU_DAN_TOC',
      vi: 'Lớp 4 nữ dân tộc',
      en: 'Grade 4: ethnic-minority girls',
    }),
    lop4LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_LOP_GHEP',
      vi: 'Lớp 4 lớp ghép',
      en: 'Grade 4: in combined classes',
    }),
    lop4KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP4_KHUYET_TAT',
      vi: 'Lớp 4 khuyết tật',
      en: 'Grade 4: with disabilities',
    }),
    lop5TongSo: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_TONG_SO',
      vi: 'Lớp 5 tổng số',
      en: 'Grade 5: total',
    }),
    lop5Nu: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_NU',
      vi: 'Lớp 5 nữ',
      en: 'Grade 5: girls',
    }),
    lop5DanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_DAN_TOC',
      vi: 'Lớp 5 dân tộc',
      en: 'Grade 5: ethnic minority',
    }),
    lop5NuDanToc: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_NU_DAN_TOC',
      vi: 'Lớp 5 nữ dân tộc',
      en: 'Grade 5: ethnic-minority girls',
    }),
    lop5LopGhep: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_LOP_GHEP',
      vi: 'Lớp 5 lớp ghép',
      en: 'Grade 5: in combined classes',
    }),
    lop5KhuyetTat: eqmsChatLuongGiaoDucFields.int({
      symbol: 'LOP5_KHUYET_TAT',
      vi: 'Lớp 5 khuyết tật',
      en: 'Grade 5: with disabilities',
    }),
  },
);
/** An education quality line, as {@link EqmsChatLuongGiaoDuc} parses it. */
export type EqmsChatLuongGiaoDuc = z.output<typeof EqmsChatLuongGiaoDuc>;

const eqmsDiemKiemTraDinhKyFields = fieldKit('QĐ 4998 EQMSGN.2.2');

/**
 * One line of the mid-year or end-of-year EQMS periodic test figures by grade (QĐ 4998 EQMSGN.2.2
 * "Điểm kiểm tra định kỳ", referenced by {@link BaoCaoEqmsGiuaNam} and {@link BaoCaoEqmsCuoiNam}).
 */
export const EqmsDiemKiemTraDinhKy = defineEntity(
  {
    name: 'EqmsDiemKiemTraDinhKy',
    code: 'EQMSGN.2.2',
    label: { vi: 'Điểm kiểm tra định kỳ', en: 'Periodic test results' },
    source: 'QĐ 4998 §2.5.2 EQMSGN.2.2, referenced by EQMSGN.1.1 and EQMSCN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsDiemKiemTraDinhKyFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    tongSo: eqmsDiemKiemTraDinhKyFields.int({ symbol: 'TONG_SO', vi: 'Tổng số', en: 'Total' }),
    lop1TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_TONG_SO',
      vi: 'Lớp 1 tổng số',
      en: 'Grade 1: total',
    }),
    lop1Nu: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_NU',
      vi: 'Lớp 1 nữ',
      en: 'Grade 1: girls',
    }),
    lop1DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_DAN_TOC',
      vi: 'Lớp 1 dân tộc',
      en: 'Grade 1: ethnic minority',
    }),
    lop1NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_NU_DAN_TOC',
      vi: 'Lớp 1 nữ dân tộc',
      en: 'Grade 1: ethnic-minority girls',
    }),
    lop1LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_LOP_GHEP',
      vi: 'Lớp 1 lớp ghép',
      en: 'Grade 1: in combined classes',
    }),
    lop1KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP1_KHUYET_TAT',
      vi: 'Lớp 1 khuyết tật',
      en: 'Grade 1: with disabilities',
    }),
    lop2TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_TONG_SO',
      vi: 'Lớp 2 tổng số',
      en: 'Grade 2: total',
    }),
    lop2Nu: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_NU',
      vi: 'Lớp 2 nữ',
      en: 'Grade 2: girls',
    }),
    lop2DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_DAN_TOC',
      vi: 'Lớp 2 dân tộc',
      en: 'Grade 2: ethnic minority',
    }),
    lop2NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_NU_DAN_TOC',
      vi: 'Lớp 2 nữ dân tộc',
      en: 'Grade 2: ethnic-minority girls',
    }),
    lop2LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_LOP_GHEP',
      vi: 'Lớp 2 lớp ghép',
      en: 'Grade 2: in combined classes',
    }),
    lop2KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP2_KHUYET_TAT',
      vi: 'Lớp 2 khuyết tật',
      en: 'Grade 2: with disabilities',
    }),
    lop3TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_TONG_SO',
      vi: 'Lớp 3 tổng số',
      en: 'Grade 3: total',
    }),
    lop3Nu: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_NU',
      vi: 'Lớp 3 nữ',
      en: 'Grade 3: girls',
    }),
    lop3DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_DAN_TOC',
      vi: 'Lớp 3 dân tộc',
      en: 'Grade 3: ethnic minority',
    }),
    lop3NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_NU_DAN_TOC',
      vi: 'Lớp 3 nữ dân tộc',
      en: 'Grade 3: ethnic-minority girls',
    }),
    lop3LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_LOP_GHEP',
      vi: 'Lớp 3 lớp ghép',
      en: 'Grade 3: in combined classes',
    }),
    lop3KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP3_KHUYET_TAT',
      vi: 'Lớp 3 khuyết tật',
      en: 'Grade 3: with disabilities',
    }),
    lop4TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_TONG_SO',
      vi: 'Lớp 4 tổng số',
      en: 'Grade 4: total',
    }),
    lop4Nu: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_NU',
      vi: 'Lớp 4 nữ',
      en: 'Grade 4: girls',
    }),
    lop4DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_DAN_TOC',
      vi: 'Lớp 4 dân tộc',
      en: 'Grade 4: ethnic minority',
    }),
    lop4NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_NU_DAN_TOC',
      vi: 'Lớp 4 nữ dân tộc',
      en: 'Grade 4: ethnic-minority girls',
    }),
    lop4LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_LOP_GHEP',
      vi: 'Lớp 4 lớp ghép',
      en: 'Grade 4: in combined classes',
    }),
    lop4KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP4_KHUYET_TAT',
      vi: 'Lớp 4 khuyết tật',
      en: 'Grade 4: with disabilities',
    }),
    lop5TongSo: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_TONG_SO',
      vi: 'Lớp 5 tổng số',
      en: 'Grade 5: total',
    }),
    lop5Nu: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_NU',
      vi: 'Lớp 5 nữ',
      en: 'Grade 5: girls',
    }),
    lop5DanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_DAN_TOC',
      vi: 'Lớp 5 dân tộc',
      en: 'Grade 5: ethnic minority',
    }),
    lop5NuDanToc: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_NU_DAN_TOC',
      vi: 'Lớp 5 nữ dân tộc',
      en: 'Grade 5: ethnic-minority girls',
    }),
    lop5LopGhep: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_LOP_GHEP',
      vi: 'Lớp 5 lớp ghép',
      en: 'Grade 5: in combined classes',
    }),
    lop5KhuyetTat: eqmsDiemKiemTraDinhKyFields.int({
      symbol: 'LOP5_KHUYET_TAT',
      vi: 'Lớp 5 khuyết tật',
      en: 'Grade 5: with disabilities',
    }),
  },
);
/** A periodic test line, as {@link EqmsDiemKiemTraDinhKy} parses it. */
export type EqmsDiemKiemTraDinhKy = z.output<typeof EqmsDiemKiemTraDinhKy>;

const eqmsHoatDongChuyenMonFields = fieldKit('QĐ 4998 EQMSGN.2.3');

/**
 * One line of the EQMS count of community professional activities (QĐ 4998 EQMSGN.2.3 "Hoạt động
 * chuyên môn cộng đồng", referenced by {@link BaoCaoEqmsGiuaNam} and {@link BaoCaoEqmsCuoiNam}).
 */
export const EqmsHoatDongChuyenMon = defineEntity(
  {
    name: 'EqmsHoatDongChuyenMon',
    code: 'EQMSGN.2.3',
    label: { vi: 'Hoạt động chuyên môn cộng đồng', en: 'Community professional activities' },
    source: 'QĐ 4998 §2.5.2 EQMSGN.2.3, referenced by EQMSGN.1.1 and EQMSCN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsHoatDongChuyenMonFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    soLuong: eqmsHoatDongChuyenMonFields.int({ symbol: 'SO_LUONG', vi: 'Số lượng', en: 'Count' }),
  },
);
/** A community professional activity line, as {@link EqmsHoatDongChuyenMon} parses it. */
export type EqmsHoatDongChuyenMon = z.output<typeof EqmsHoatDongChuyenMon>;

const eqmsMoDunTapHuanFields = fieldKit('QĐ 4998 EQMSGN.2.4');

/**
 * One training module line of the EQMS report: teachers and school leaders who completed it (QĐ
 * 4998 EQMSGN.2.4 "Mô-đun tập huấn", referenced by {@link BaoCaoEqmsGiuaNam} and
 * {@link BaoCaoEqmsCuoiNam}).
 */
export const EqmsMoDunTapHuan = defineEntity(
  {
    name: 'EqmsMoDunTapHuan',
    code: 'EQMSGN.2.4',
    label: { vi: 'Mô-đun tập huấn', en: 'Training modules' },
    source: 'QĐ 4998 §2.5.2 EQMSGN.2.4, referenced by EQMSGN.1.1 and EQMSCN.1.1',
    key: [],
    kind: 'row',
  },
  {
    maBaoCao: eqmsMoDunTapHuanFields.text(50, {
      symbol: 'MA_BAO_CAO',
      vi: 'Mã báo cáo',
      en: 'Report line code',
    }),
    gvHtthTongSo: eqmsMoDunTapHuanFields.int({
      symbol: 'GV_HTTH_TONG_SO',
      vi: 'Giáo viên hoàn thành tập huấn tổng số',
      en: 'Teachers who completed the training: total',
      maxDigits: 10,
      note: 'The only EQMS count for which the specification gives a length (10 digits).',
    }),
    gvHtthNu: eqmsMoDunTapHuanFields.int({
      symbol: 'GV_HTTH_NU',
      vi: 'Giáo viên hoàn thành tập huấn nữ',
      en: 'Teachers who completed the training: women',
    }),
    gvHtthDanToc: eqmsMoDunTapHuanFields.int({
      symbol: 'GV_HTTH_DAN_TOC',
      vi: 'Giáo viên hoàn thành tập huấn dân tộc',
      en: 'Teachers who completed the training: ethnic minority',
    }),
    htvaphtHtthTongSo: eqmsMoDunTapHuanFields.int({
      symbol: 'HTvaPHT_HTTH_TONG_SO',
      vi: 'HT và Phó HT hoàn thành tập huấn tổng số',
      en: 'Principals and vice-principals who completed the training: total',
      note: 'The symbol is printed in mixed case (HTvaPHT: hiệu trưởng và phó hiệu trưởng) and kept as printed on the wire; the canonical name is its camelCase after lower-casing: htvaphtHtthTongSo.',
    }),
    htvaphtHtthNu: eqmsMoDunTapHuanFields.int({
      symbol: 'HTvaPHT_HTTH_NU',
      vi: 'HT và Phó HT hoàn thành tập huấn nữ',
      en: 'Principals and vice-principals who completed the training: women',
      note: 'The symbol is printed in mixed case (HTvaPHT: hiệu trưởng và phó hiệu trưởng) and kept as printed on the wire; the canonical name is its camelCase after lower-casing: htvaphtHtthNu.',
    }),
    htvaphtHtthDanToc: eqmsMoDunTapHuanFields.int({
      symbol: 'HTvaPHT_HTTH_DAN_TOC',
      vi: 'HT và Phó HT hoàn thành tập huấn dân tộc',
      en: 'Principals and vice-principals who completed the training: ethnic minority',
      note: 'The symbol is printed in mixed case (HTvaPHT: hiệu trưởng và phó hiệu trưởng) and kept as printed on the wire; the canonical name is its camelCase after lower-casing: htvaphtHtthDanToc.',
    }),
  },
);
/** A training module line, as {@link EqmsMoDunTapHuan} parses it. */
export type EqmsMoDunTapHuan = z.output<typeof EqmsMoDunTapHuan>;

const baoCaoEqmsDauNamFields = fieldKit('QĐ 4998 EQMSDN.1.1');

/**
 * A school's start-of-year EQMS (education quality management system) report (QĐ 4998 EQMSDN.1.1
 * "Thông tin EQMS đầu năm"): teachers, English teachers, facilities and classes by site, land,
 * classrooms and toilets.
 */
export const BaoCaoEqmsDauNam = defineEntity(
  {
    name: 'BaoCaoEqmsDauNam',
    code: 'EQMSDN.1.1',
    label: { vi: 'Thông tin EQMS đầu năm', en: 'EQMS start-of-year report' },
    source: 'QĐ 4998 §2.5.1 EQMSDN.1.1',
    key: ['truongId'],
    kind: 'record',
    note: 'Aggregate figures, all public. The specification gives no school-year or reporting-date field: the report is identified by the school alone, so the school year must travel with the exchange, not the record.',
  },
  {
    truongId: baoCaoEqmsDauNamFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
    }),
    dnDngvs: baoCaoEqmsDauNamFields.list(EqmsGiaoVien, {
      symbol: 'DN_DNGVS',
      vi: 'Giáo viên',
      en: 'Teachers',
    }),
    dnDngvtas: baoCaoEqmsDauNamFields.list(EqmsGiaoVienTiengAnh, {
      symbol: 'DN_DNGVTAS',
      vi: 'Giáo viên tiếng anh',
      en: 'English teachers',
    }),
    dnDtrcsvcs: baoCaoEqmsDauNamFields.list(EqmsDiemTruongCsvc, {
      symbol: 'DN_DTRCSVCS',
      vi: 'Điểm trường cơ sở vật chất',
      en: 'Facilities by site',
    }),
    dnDtrlophss: baoCaoEqmsDauNamFields.list(EqmsDiemTruongLopHocSinh, {
      symbol: 'DN_DTRLOPHSS',
      vi: 'Điểm trường lớp học sinh',
      en: 'Classes and pupils by site',
    }),
    dnLophss: baoCaoEqmsDauNamFields.list(EqmsLopHocSinh, {
      symbol: 'DN_LOPHSS',
      vi: 'Lớp học sinh',
      en: 'Classes and pupils',
    }),
    dnCsvcdientichdats: baoCaoEqmsDauNamFields.list(EqmsCsvcDienTichDat, {
      symbol: 'DN_CSVCDIENTICHDATS',
      vi: 'Cơ sở vật chất diện tích đất',
      en: 'Facilities: land area',
    }),
    dnCsvcphonghocs: baoCaoEqmsDauNamFields.list(EqmsCsvcPhongHoc, {
      symbol: 'DN_CSVCPHONGHOCS',
      vi: 'Cơ sở vật chất phòng học',
      en: 'Facilities: classrooms',
    }),
    dnCsvcnhavesinhs: baoCaoEqmsDauNamFields.list(EqmsCsvcNhaVeSinh, {
      symbol: 'DN_CSVCNHAVESINHS',
      vi: 'Cơ sở vật chất nhà vệ sinh',
      en: 'Facilities: toilets',
    }),
  },
);
/** A start-of-year EQMS report record, as {@link BaoCaoEqmsDauNam} parses it. */
export type BaoCaoEqmsDauNam = z.output<typeof BaoCaoEqmsDauNam>;

const baoCaoEqmsGiuaNamFields = fieldKit('QĐ 4998 EQMSGN.1.1');

/**
 * A school's mid-year EQMS (education quality management system) report (QĐ 4998 EQMSGN.1.1 "Thông
 * tin EQMS giữa năm"): education quality, periodic tests, community professional activities and
 * training.
 */
export const BaoCaoEqmsGiuaNam = defineEntity(
  {
    name: 'BaoCaoEqmsGiuaNam',
    code: 'EQMSGN.1.1',
    label: { vi: 'Thông tin EQMS giữa năm', en: 'EQMS mid-year report' },
    source: 'QĐ 4998 §2.5.2 EQMSGN.1.1',
    key: ['truongId'],
    kind: 'record',
    note: 'Aggregate figures, all public. The specification gives no school-year or reporting-date field: the report is identified by the school alone, so the school year must travel with the exchange, not the record.',
  },
  {
    truongId: baoCaoEqmsGiuaNamFields.text(20, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
      note: 'The specification prints the symbol as TRƯƠNG_ID (a typo); the wire uses TRUONG_ID as every other table does. It also gives a length of 20 here, where every other table gives 15; the SDK keeps 20 as printed.',
    }),
    gnDghss: baoCaoEqmsGiuaNamFields.list(EqmsChatLuongGiaoDuc, {
      symbol: 'GN_DGHSS',
      vi: 'Báo cáo chất lượng giáo dục',
      en: 'Education quality report',
    }),
    gnDiems: baoCaoEqmsGiuaNamFields.list(EqmsDiemKiemTraDinhKy, {
      symbol: 'GN_DIEMS',
      vi: 'Điểm kiểm tra định kỳ',
      en: 'Periodic test results',
    }),
    gnCmcd1s: baoCaoEqmsGiuaNamFields.list(EqmsHoatDongChuyenMon, {
      symbol: 'GN_CMCD1S',
      vi: 'Hoạt động chuyên môn cộng đồng',
      en: 'Community professional activities',
    }),
    gnCmcd2s: baoCaoEqmsGiuaNamFields.list(EqmsMoDunTapHuan, {
      symbol: 'GN_CMCD2S',
      vi: 'Mô-đun tập huấn',
      en: 'Training modules',
    }),
  },
);
/** A mid-year EQMS report record, as {@link BaoCaoEqmsGiuaNam} parses it. */
export type BaoCaoEqmsGiuaNam = z.output<typeof BaoCaoEqmsGiuaNam>;

const baoCaoEqmsCuoiNamFields = fieldKit('QĐ 4998 EQMSCN.1.1');

/**
 * A school's end-of-year EQMS (education quality management system) report (QĐ 4998 EQMSCN.1.1
 * "Thông tin EQMS cuối năm"); it reuses the sub-tables of the mid-year report.
 */
export const BaoCaoEqmsCuoiNam = defineEntity(
  {
    name: 'BaoCaoEqmsCuoiNam',
    code: 'EQMSCN.1.1',
    label: { vi: 'Thông tin EQMS cuối năm', en: 'EQMS end-of-year report' },
    source: 'QĐ 4998 §2.5.3 EQMSCN.1.1',
    key: ['truongId'],
    kind: 'record',
    note: 'Aggregate figures, all public. The specification gives no school-year or reporting-date field: the report is identified by the school alone, so the school year must travel with the exchange, not the record.',
  },
  {
    truongId: baoCaoEqmsCuoiNamFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
    }),
    cnDghss: baoCaoEqmsCuoiNamFields.list(EqmsChatLuongGiaoDuc, {
      symbol: 'CN_DGHSS',
      vi: 'Báo cáo chất lượng giáo dục',
      en: 'Education quality report',
    }),
    cnDiems: baoCaoEqmsCuoiNamFields.list(EqmsDiemKiemTraDinhKy, {
      symbol: 'CN_DIEMS',
      vi: 'Điểm kiểm tra định kỳ',
      en: 'Periodic test results',
    }),
    cnCmcd1s: baoCaoEqmsCuoiNamFields.list(EqmsHoatDongChuyenMon, {
      symbol: 'CN_CMCD1S',
      vi: 'Hoạt động chuyên môn cộng đồng',
      en: 'Community professional activities',
    }),
    cnCmcd2s: baoCaoEqmsCuoiNamFields.list(EqmsMoDunTapHuan, {
      symbol: 'CN_CMCD2S',
      vi: 'Mô-đun tập huấn',
      en: 'Training modules',
    }),
  },
);
/** An end-of-year EQMS report record, as {@link BaoCaoEqmsCuoiNam} parses it. */
export type BaoCaoEqmsCuoiNam = z.output<typeof BaoCaoEqmsCuoiNam>;
