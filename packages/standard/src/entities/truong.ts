import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const diemTruongFields = fieldKit('QĐ 4998 TRMN.2.1');

/**
 * One site (điểm trường) of a school: a satellite location where classes are taught (QĐ 4998
 * TRMN.2.1 "Thông tin về các điểm trường", referenced by {@link Truong}).
 */
export const DiemTruong = defineEntity(
  {
    name: 'DiemTruong',
    code: 'TRMN.2.1',
    label: { vi: 'Thông tin về các điểm trường', en: 'School site' },
    source: 'QĐ 4998 §1.1 TRMN.2.1 (preschool section), referenced by TRC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary school table (TRC1.1.1 DIEM_TRUONGS).',
  },
  {
    diemTruongId: diemTruongFields.text(15, {
      symbol: 'DIEM_TRUONG_ID',
      vi: 'Mã điểm trường',
      en: 'Site code',
      sensitivity: 'identifier',
    }),
    ten: diemTruongFields.text(200, { symbol: 'TEN', vi: 'Tên điểm trường', en: 'Site name' }),
    dienThoai: diemTruongFields.text(20, {
      symbol: 'DIEN_THOAI',
      vi: 'Số điện thoại',
      en: 'Phone number',
    }),
    diaChi: diemTruongFields.text(250, { symbol: 'DIA_CHI', vi: 'Địa chỉ', en: 'Address' }),
    khoangCachDiemTruongChinh: diemTruongFields.decimal({
      symbol: 'KHOANG_CACH_DIEM_TRUONG_CHINH',
      vi: 'Khoảng cách điểm trường chính',
      en: 'Distance to the main site',
      note: 'The specification gives no unit.',
    }),
    phuongTienCoTheDiLai: diemTruongFields.text(50, {
      symbol: 'PHUONG_TIEN_CO_THE_DI_LAI',
      vi: 'Phương tiện có thể đi lại',
      en: 'Available means of transport',
    }),
    dienTich: diemTruongFields.decimal({
      symbol: 'DIEN_TICH',
      vi: 'Diện tích',
      en: 'Area',
      note: 'The specification gives no unit.',
    }),
  },
);
/** A school site row, as {@link DiemTruong} parses it. */
export type DiemTruong = z.output<typeof DiemTruong>;

const truongVungKhoKhanFields = fieldKit('QĐ 4998 TRMN.2.2');

/**
 * One disadvantaged-area classification of a school (QĐ 4998 TRMN.2.2 "Trường vùng khó khăn",
 * referenced by {@link Truong}).
 */
export const TruongVungKhoKhan = defineEntity(
  {
    name: 'TruongVungKhoKhan',
    code: 'TRMN.2.2',
    label: { vi: 'Trường vùng khó khăn', en: 'Disadvantaged-area classification' },
    source: 'QĐ 4998 §1.1 TRMN.2.2 (preschool section), referenced by TRC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary school table (TRC1.1.1 TRUONG_VUNG_KHO_KHANS).',
  },
  {
    ma: truongVungKhoKhanFields.text(20, {
      symbol: 'MA',
      vi: 'Mã vùng khó khăn',
      en: 'Disadvantaged-area code',
      note: 'Typed as text of at most 20 characters, not as an enumeration, although it holds a disadvantaged-area code (compare TRC1.1.1 MA_VUNG_KHO_KHAN, an enumeration).',
    }),
  },
);
/** A disadvantaged-area row, as {@link TruongVungKhoKhan} parses it. */
export type TruongVungKhoKhan = z.output<typeof TruongVungKhoKhan>;

const truongFields = fieldKit('QĐ 4998 TRC1.1.1');

/**
 * A primary school (QĐ 4998 TRC1.1.1 "Thông tin trường tiểu học"): identity, location, contacts,
 * principal, status and infrastructure flags, its sites ({@link DiemTruong}) and disadvantaged-area
 * classifications ({@link TruongVungKhoKhan}).
 */
export const Truong = defineEntity(
  {
    name: 'Truong',
    code: 'TRC1.1.1',
    label: { vi: 'Thông tin trường tiểu học', en: 'Primary school' },
    source: 'QĐ 4998 §2.1 TRC1.1.1',
    key: ['truongId'],
    kind: 'record',
  },
  {
    truongId: truongFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
    }),
    ten: truongFields.text(200, { symbol: 'TEN', vi: 'Tên trường', en: 'School name' }),
    maNhomCapHoc: truongFields.code('DM_CAP_HOC', {
      symbol: 'MA_NHOM_CAP_HOC',
      vi: 'Mã nhóm cấp học',
      en: 'Education level group code',
      note: 'The specification names the catalog DM_CAP_HOC although the symbol says "nhóm cấp học" and a DM_NHOM_CAP_HOC catalog exists; the SDK keeps DM_CAP_HOC as printed.',
    }),
    tinhThanhId: truongFields.code('DM_TINH', {
      symbol: 'TINH_THANH_ID',
      vi: 'Mã Tỉnh/ Thành',
      en: 'Province/city code',
    }),
    quanHuyenId: truongFields.code('DM_HUYEN', {
      symbol: 'QUAN_HUYEN_ID',
      vi: 'Mã Quận/ Huyện',
      en: 'District code',
      note: 'Vietnam abolished the district level on 1 July 2025: later records may have no district, and older ones hold pre-2025 district codes.',
    }),
    xaPhuongId: truongFields.code('DM_XA', {
      symbol: 'XA_PHUONG_ID',
      vi: 'Mã Xã/Phường',
      en: 'Commune/ward code',
    }),
    diaChi: truongFields.text(200, { symbol: 'DIA_CHI', vi: 'Địa chỉ', en: 'Address' }),
    maLoaiHinhTruong: truongFields.code('DM_LOAI_HINH_TRUONG_PT', {
      symbol: 'MA_LOAI_HINH_TRUONG',
      catalogInferred: true,
      vi: 'Mã loại hình trường',
      en: 'School ownership type code',
    }),
    maLoaiTruong: truongFields.code('DM_LOAI_TRUONG_PT', {
      symbol: 'MA_LOAI_TRUONG',
      catalogInferred: true,
      vi: 'Mã loại trường',
      en: 'School type code',
    }),
    maVungKhoKhan: truongFields.code('DM_VUNG_KHO_KHAN', {
      symbol: 'MA_VUNG_KHO_KHAN',
      catalogInferred: true,
      vi: 'Mã vùng khó khăn',
      en: 'Disadvantaged-area code',
    }),
    maDatChuanDanhGiaClgd: truongFields.code('DM_MUC_DAT_CHUAN_QG_CLGD', {
      symbol: 'MA_DAT_CHUAN_DANH_GIA_CLGD',
      catalogInferred: true,
      vi: 'Mã đạt chuẩn đánh giá chất lượng giáo dục',
      en: 'Education quality accreditation level code',
    }),
    maKhuVuc: truongFields.code('DM_KHU_VUC', {
      symbol: 'MA_KHU_VUC',
      vi: 'Mã khu vực',
      en: 'Area (zone) code',
    }),
    maDuAn: truongFields.code('DM_DU_AN', {
      catalogInferred: true,
      symbol: 'MA_DU_AN',
      vi: 'Mã dự án',
      en: 'Project code',
    }),
    soDiemTruong: truongFields.text(10, {
      symbol: 'SO_DIEM_TRUONG',
      vi: 'Số điểm trường',
      en: 'Number of sites',
      note: 'A count typed as text (at most 10 characters); kept as text so values pass through unchanged.',
    }),
    dienThoai: truongFields.text(20, {
      symbol: 'DIEN_THOAI',
      vi: 'Số điện thoại',
      en: 'Phone number',
    }),
    email: truongFields.text(50, { symbol: 'EMAIL', vi: 'Email', en: 'Email' }),
    fax: truongFields.text(20, { symbol: 'FAX', vi: 'Fax', en: 'Fax' }),
    website: truongFields.text(50, { symbol: 'WEBSITE', vi: 'Website', en: 'Website' }),
    viTriBanDo: truongFields.text(50, {
      symbol: 'VI_TRI_BAN_DO',
      vi: 'Vị trí bản đồ',
      en: 'Map location',
      note: 'The specification lists this field twice in TRC1.1.1, identically (after WEBSITE and after NAM_THANH_LAP); it is kept once, at its first position.',
    }),
    hieuTruong: truongFields.text(50, {
      symbol: 'HIEU_TRUONG',
      vi: 'Tên hiệu trưởng',
      en: "Principal's name",
      sensitivity: 'personal',
    }),
    dienThoaiHieuTruong: truongFields.text(20, {
      symbol: 'DIEN_THOAI_HIEU_TRUONG',
      vi: 'Điện thoại hiệu trưởng',
      en: "Principal's phone number",
      sensitivity: 'personal',
    }),
    emailHieuTruong: truongFields.text(50, {
      symbol: 'EMAIL_HIEU_TRUONG',
      vi: 'Email hiệu trưởng',
      en: "Principal's email",
      sensitivity: 'personal',
    }),
    isCoChiBoDang: truongFields.bool({
      symbol: 'IS_CO_CHI_BO_DANG',
      vi: 'Có chi bộ đảng',
      en: 'Has a Communist Party cell',
    }),
    isDatChuanQg: truongFields.bool({
      symbol: 'IS_DAT_CHUAN_QG',
      vi: 'Có phải là trường đạt chuẩn quốc gia',
      en: 'Meets the national school standard',
    }),
    isTruongQuocTe: truongFields.bool({
      symbol: 'IS_TRUONG_QUOC_TE',
      vi: 'Có phải là trường quốc tế',
      en: 'Is an international school',
    }),
    isHocSinhKhuyetTat: truongFields.bool({
      symbol: 'IS_HOC_SINH_KHUYET_TAT',
      vi: 'Có học sinh khuyết tật',
      en: 'Has pupils with disabilities',
    }),
    isHocSinhBanTru: truongFields.bool({
      symbol: 'IS_HOC_SINH_BAN_TRU',
      vi: 'Có học sinh bán trú',
      en: 'Has semi-boarding pupils',
    }),
    isKyNangSongGdxh: truongFields.bool({
      symbol: 'IS_KY_NANG_SONG_GDXH',
      vi: 'Có kỹ năng sống',
      en: 'Provides life-skills education',
    }),
    isHocSinhNoiTru: truongFields.bool({
      symbol: 'IS_HOC_SINH_NOI_TRU',
      vi: 'Có học sinh nội trú',
      en: 'Has boarding pupils',
    }),
    isVungDacBietKhoKhan: truongFields.bool({
      symbol: 'IS_VUNG_DAC_BIET_KHO_KHAN',
      vi: 'Có thuộc vùng đặc biệt khó khăn',
      en: 'In an especially disadvantaged area',
    }),
    isDatChatLuongToiThieu: truongFields.bool({
      symbol: 'IS_DAT_CHAT_LUONG_TOI_THIEU',
      vi: 'Có đạt chất lượng tối thiểu',
      en: 'Meets the minimum quality standard',
    }),
    is2BuoiNgay: truongFields.bool({
      symbol: 'IS_2_BUOI_NGAY',
      vi: 'Có dạy 2 buổi/ngày',
      en: 'Teaches two sessions a day',
    }),
    hangTruong: truongFields.text(10, {
      symbol: 'HANG_TRUONG',
      vi: 'Hạng trường',
      en: 'School rank',
    }),
    kiemDinhCapDo: truongFields.int({
      symbol: 'KIEM_DINH_CAP_DO',
      vi: 'Đạt kiểm định cấp độ',
      en: 'Accreditation level attained',
    }),
    hocSinhNoiTru: truongFields.text(1, {
      symbol: 'HOC_SINH_NOI_TRU',
      vi: 'Có học sinh nội trú',
      en: 'Has boarding pupils (text flag)',
      note: 'Has the same Vietnamese label as IS_HOC_SINH_NOI_TRU but is typed as a one-character string; the specification does not list its values.',
    }),
    thietBiDayHocToiThieu: truongFields.text(1, {
      symbol: 'THIET_BI_DAY_HOC_TOI_THIEU',
      vi: 'Đủ thiết bị dạy học tối thiểu',
      en: 'Has the minimum teaching equipment (text flag)',
      note: 'A yes/no fact typed as a one-character string; the specification does not list its values.',
    }),
    dienTich: truongFields.text(10, {
      symbol: 'DIEN_TICH',
      vi: 'Diện tích',
      en: 'Area',
      note: 'An area typed as text of at most 10 characters (TRMN.2.1 and the EQMS reports use decimals); no unit is given.',
    }),
    namThanhLap: truongFields.date({
      symbol: 'NAM_THANH_LAP',
      vi: 'Ngày tháng năm thành lập',
      en: 'Date of establishment',
      note: 'The symbol says year (NĂM) but the field is typed as a full date.',
    }),
    isSuDungMayTinhDayHoc: truongFields.bool({
      symbol: 'IS_SU_DUNG_MAY_TINH_DAY_HOC',
      vi: 'Có sử dụng máy vi tính phục vụ quản lý và giáo dục trẻ',
      en: 'Uses computers for management and teaching',
      note: 'The Vietnamese label says "trẻ" (young children), the preschool term, although the table is for primary schools; kept as printed.',
    }),
    isKhaiThacInternetDayHoc: truongFields.bool({
      symbol: 'IS_KHAI_THAC_INTERNET_DAY_HOC',
      vi: 'Được kết nối Internet',
      en: 'Connected to the Internet',
    }),
    isDienLuoi: truongFields.bool({
      symbol: 'IS_DIEN_LUOI',
      vi: 'Có điện lưới',
      en: 'Has grid electricity',
    }),
    isNguonNuocSach: truongFields.bool({
      symbol: 'IS_NGUON_NUOC_SACH',
      vi: 'Có nguồn nước sạch',
      en: 'Has a clean water supply',
    }),
    isCongTrinhVeSinh: truongFields.bool({
      symbol: 'IS_CONG_TRINH_VE_SINH',
      vi: 'Có công trình vệ sinh',
      en: 'Has sanitation facilities',
    }),
    isCtGdvsDoiTay: truongFields.bool({
      symbol: 'IS_CT_GDVS_DOI_TAY',
      vi: 'Có chương trình giáo dục vệ sinh đôi tay',
      en: 'Has a hand-washing education programme',
    }),
    isChuongTrinhGiaoDucCoBan: truongFields.bool({
      symbol: 'IS_CHUONG_TRINH_GIAO_DUC_CO_BAN',
      vi: 'Có chương trình giáo dục cơ bản',
      en: 'Has a basic education programme',
    }),
    isCoHaTangTlhtPhuHopHskt: truongFields.bool({
      symbol: 'IS_CO_HA_TANG_TLHT_PHU_HOP_HSKT',
      vi: 'Có hạ tầng tiếp cận học sinh khuyết tật',
      en: 'Has infrastructure accessible to pupils with disabilities',
    }),
    isCongTacTuVanHocDuong: truongFields.bool({
      symbol: 'IS_CONG_TAC_TU_VAN_HOC_DUONG',
      vi: 'Có bộ phận công tác tư vấn học đường',
      en: 'Has a school counselling unit',
    }),
    maVung: truongFields.code('DM_VUNG', {
      catalogInferred: true,
      symbol: 'MA_VUNG',
      vi: 'Mã vùng',
      en: 'Region code',
    }),
    diemTruongs: truongFields.list(DiemTruong, {
      symbol: 'DIEM_TRUONGS',
      vi: 'Danh sách điểm trường',
      en: 'School sites',
    }),
    truongVungKhoKhans: truongFields.list(TruongVungKhoKhan, {
      symbol: 'TRUONG_VUNG_KHO_KHANS',
      vi: 'Vùng khó khăn',
      en: 'Disadvantaged areas',
    }),
  },
);
/** A primary school record, as {@link Truong} parses it. */
export type Truong = z.output<typeof Truong>;
