import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const hocSinhKhenThuongFields = fieldKit('QĐ 4998 KHENTHUONG.2.1');

/**
 * One reward given to a pupil (QĐ 4998 KHENTHUONG.2.1 "Nội dung khen thưởng", referenced by
 * {@link HocSinh}).
 */
export const HocSinhKhenThuong = defineEntity(
  {
    name: 'HocSinhKhenThuong',
    code: 'KHENTHUONG.2.1',
    label: { vi: 'Nội dung khen thưởng', en: 'Pupil reward' },
    source: 'QĐ 4998 §2.4 KHENTHUONG.2.1, referenced by HSC1.1.1',
    key: [],
    kind: 'row',
  },
  {
    maKhenThuong: hocSinhKhenThuongFields.code('DM_KHEN_THUONG', {
      symbol: 'MA_KHEN_THUONG',
      catalogInferred: true,
      vi: 'Mã khen thưởng',
      en: 'Reward code',
      sensitivity: 'personal',
    }),
    noiDung: hocSinhKhenThuongFields.text(255, {
      symbol: 'NOI_DUNG',
      vi: 'Nội dung',
      en: 'Details',
      sensitivity: 'personal',
    }),
    ghiChu: hocSinhKhenThuongFields.text(255, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'Notes',
      sensitivity: 'personal',
    }),
  },
);
/** A pupil reward row, as {@link HocSinhKhenThuong} parses it. */
export type HocSinhKhenThuong = z.output<typeof HocSinhKhenThuong>;

const hocSinhBaoLucFields = fieldKit('QĐ 4998 BAOLUCHĐ.2.2');

/**
 * One school violence incident involving a pupil (QĐ 4998 BAOLUCHĐ.2.2 "Nội dung bạo lực học
 * đường", referenced by {@link HocSinh}). Sensitive throughout.
 */
export const HocSinhBaoLuc = defineEntity(
  {
    name: 'HocSinhBaoLuc',
    code: 'BAOLUCHĐ.2.2',
    label: { vi: 'Nội dung bạo lực học đường', en: 'School violence incident' },
    source: 'QĐ 4998 §2.4 BAOLUCHĐ.2.2, referenced by HSC1.1.1',
    key: [],
    kind: 'row',
    note: 'The information code contains the letter Đ (BAOLUCHĐ) as printed. Every field is sensitive: school violence records are masked by default.',
  },
  {
    ma: hocSinhBaoLucFields.code('DMDC', {
      symbol: 'MA',
      vi: 'Mã bạo lực học đường',
      en: 'School violence code',
      sensitivity: 'sensitive',
      note: 'QĐ 4998 gives only DMDC (its shared catalogs) for this code, and §II lists no catalog of kinds of school violence: the field names no DM_* catalog, and no catalog check runs on it.',
    }),
    doiTuong: hocSinhBaoLucFields.text(25, {
      symbol: 'DOI_TUONG',
      vi: 'Đối tượng',
      en: 'Person involved',
      sensitivity: 'sensitive',
    }),
    hinhThucBaoLuc: hocSinhBaoLucFields.text(25, {
      symbol: 'HINH_THUC_BAO_LUC',
      vi: 'Hình thức bạo lực',
      en: 'Form of violence',
      sensitivity: 'sensitive',
    }),
    diaDiem: hocSinhBaoLucFields.text(25, {
      symbol: 'DIA_DIEM',
      vi: 'Địa điểm',
      en: 'Location',
      sensitivity: 'sensitive',
    }),
    thoiLuong: hocSinhBaoLucFields.text(25, {
      symbol: 'THOI_LUONG',
      vi: 'Thời lượng',
      en: 'Duration',
      sensitivity: 'sensitive',
    }),
    ketQuaXuLy: hocSinhBaoLucFields.text(255, {
      symbol: 'KET_QUA_XU_LY',
      vi: 'Kết quả xử lý',
      en: 'Outcome of handling',
      sensitivity: 'sensitive',
    }),
    ghiChu: hocSinhBaoLucFields.text(255, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'Notes',
      sensitivity: 'sensitive',
    }),
  },
);
/** A school violence incident row, as {@link HocSinhBaoLuc} parses it. */
export type HocSinhBaoLuc = z.output<typeof HocSinhBaoLuc>;

const hocSinhFields = fieldKit('QĐ 4998 HSC1.1.1');

/**
 * A primary pupil (QĐ 4998 HSC1.1.1 "Thông tin học sinh tiểu học"): identity, class, health,
 * status, ethnicity and address, programme flags, family, policy and support flags, rewards
 * ({@link HocSinhKhenThuong}) and school violence incidents ({@link HocSinhBaoLuc}).
 */
export const HocSinh = defineEntity(
  {
    name: 'HocSinh',
    code: 'HSC1.1.1',
    label: { vi: 'Thông tin học sinh tiểu học', en: 'Primary pupil' },
    source: 'QĐ 4998 §2.4 HSC1.1.1',
    key: ['hocSinhId'],
    kind: 'record',
    note: 'The pupil code (HOC_SINH_ID) and the personal identification number (MA_CONG_DAN_ID) are two different fields.',
  },
  {
    truongId: hocSinhFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
    }),
    maKhoi: hocSinhFields.text(20, {
      symbol: 'MA_KHOI',
      vi: 'Mã khối',
      en: 'Grade code',
      sensitivity: 'personal',
      note: 'Typed as text of at most 20 characters here, but as a catalog code (DMDC) in LOPC1.1.1 and KQHTC1.',
    }),
    maLop: hocSinhFields.text(10, {
      symbol: 'MA_LOP',
      vi: 'Mã lớp',
      en: 'Class code',
      sensitivity: 'identifier',
    }),
    hocSinhId: hocSinhFields.text(20, {
      symbol: 'HOC_SINH_ID',
      vi: 'Mã học sinh',
      en: 'Pupil code',
      sensitivity: 'identifier',
      required: true,
    }),
    ma: hocSinhFields.text(20, {
      symbol: 'MA',
      vi: 'Mã',
      en: 'Code (connection specification)',
      sensitivity: 'identifier',
      note: 'The specification describes it only as "Tham chiếu Quy định kỹ thuật về kết nối" (defined by the Ministry\'s technical rules on connection); distinct from HOC_SINH_ID. Treated as an identifier.',
    }),
    hoTen: hocSinhFields.text(50, {
      symbol: 'HO_TEN',
      vi: 'Họ tên',
      en: 'Full name',
      sensitivity: 'personal',
      required: true,
    }),
    tenTat: hocSinhFields.text(20, {
      symbol: 'TEN_TAT',
      vi: 'Tên viết tắt',
      en: 'Abbreviated name',
      sensitivity: 'personal',
    }),
    ngaySinh: hocSinhFields.date({
      symbol: 'NGAY_SINH',
      vi: 'Ngày sinh',
      en: 'Date of birth',
      sensitivity: 'personal',
    }),
    maGioiTinh: hocSinhFields.code('DM_GIOI_TINH', {
      symbol: 'MA_GIOI_TINH',
      catalogInferred: true,
      vi: 'Mã giới tính',
      en: 'Sex code',
      sensitivity: 'personal',
    }),
    chieuCao: hocSinhFields.decimal({
      symbol: 'CHIEU_CAO',
      vi: 'Chiều cao',
      en: 'Height',
      sensitivity: 'sensitive',
      note: 'The specification gives no unit.',
    }),
    canNang: hocSinhFields.decimal({
      symbol: 'CAN_NANG',
      vi: 'Cân nặng',
      en: 'Weight',
      sensitivity: 'sensitive',
      note: 'The specification gives no unit.',
    }),
    nhomMau: hocSinhFields.text(10, {
      symbol: 'NHOM_MAU',
      vi: 'Nhóm máu',
      en: 'Blood group',
      sensitivity: 'sensitive',
      note: 'Typed as text (at most 10 characters) although the general section lists a DM_NHOM_MAU catalog.',
    }),
    chiSoBmi: hocSinhFields.decimal({
      symbol: 'CHI_SO_BMI',
      vi: 'Chỉ số (BMI)',
      en: 'Body mass index (BMI)',
      sensitivity: 'sensitive',
    }),
    benhVeMat: hocSinhFields.text(20, {
      symbol: 'BENH_VE_MAT',
      vi: 'Các bệnh về mắt',
      en: 'Eye diseases',
      sensitivity: 'sensitive',
      note: 'Typed as text (at most 20 characters) although the general section lists a DM_BENH_VE_MAT catalog.',
    }),
    benhBamSinh: hocSinhFields.text(150, {
      symbol: 'BENH_BAM_SINH',
      vi: 'Các bệnh bẩm sinh',
      en: 'Congenital diseases',
      sensitivity: 'sensitive',
    }),
    benhCotSong: hocSinhFields.text(150, {
      symbol: 'BENH_COT_SONG',
      vi: 'Các bệnh về cột sống',
      en: 'Spinal diseases',
      sensitivity: 'sensitive',
    }),
    benhCoiXuong: hocSinhFields.text(150, {
      symbol: 'BENH_COI_XUONG',
      vi: 'Bênh còi xương',
      en: 'Rickets',
      sensitivity: 'sensitive',
      note: 'The Vietnamese label is printed "Bênh" (sic) in the specification and kept as printed.',
    }),
    bietBoi: hocSinhFields.text(4, {
      symbol: 'BIET_BOI',
      vi: 'Biết bơi',
      en: 'Can swim',
      sensitivity: 'personal',
      note: 'A yes/no fact typed as text of at most 4 characters; the specification does not list its values.',
    }),
    maTrangThaiHienTai: hocSinhFields.code('DM_TRANG_THAI_HOC_SINH', {
      symbol: 'MA_TRANG_THAI_HIEN_TAI',
      catalogInferred: true,
      vi: 'Mã trạng thái hiện tại',
      en: 'Current status code',
      sensitivity: 'personal',
    }),
    maLyDoThoiHoc: hocSinhFields.code('DM_LY_DO_THOI_HOC', {
      symbol: 'MA_LY_DO_THOI_HOC',
      catalogInferred: true,
      vi: 'Mã lý do thôi học',
      en: 'Drop-out reason code',
      sensitivity: 'personal',
    }),
    dienThoaiLienHe: hocSinhFields.text(20, {
      symbol: 'DIEN_THOAI_LIEN_HE',
      vi: 'Điện thoại liên hệ',
      en: 'Contact phone number',
      sensitivity: 'personal',
    }),
    maDanToc: hocSinhFields.code('DM_DAN_TOC', {
      symbol: 'MA_DAN_TOC',
      vi: 'Mã dân tộc',
      en: 'Ethnicity code',
      sensitivity: 'sensitive',
    }),
    danTocTheoGiayKhaiSinh: hocSinhFields.text(undefined, {
      symbol: 'DAN_TOC_THEO_GIAY_KHAI_SINH',
      vi: 'Tên dân tộc theo giấy khai sinh',
      en: 'Ethnicity on the birth certificate',
      sensitivity: 'sensitive',
      note: 'The specification gives no length; the SDK caps the text at OPEN_TEXT_CAP (4000) characters. Ethnicity is sensitive personal data.',
    }),
    tinhThanhId: hocSinhFields.code('DM_TINH', {
      symbol: 'TINH_THANH_ID',
      catalogInferred: true,
      vi: 'Mã Tỉnh/ Thành',
      en: 'Province/city code',
      sensitivity: 'personal',
      note: 'The specification names the shared catalogs (DMDC) here, where the school table names DM_TINH.',
    }),
    quanHuyenId: hocSinhFields.code('DM_HUYEN', {
      symbol: 'QUAN_HUYEN_ID',
      vi: 'Mã Quận/ Huyện',
      en: 'District code',
      sensitivity: 'personal',
      note: 'Vietnam abolished the district level on 1 July 2025: later records may have no district, and older ones hold pre-2025 district codes.',
    }),
    xaPhuongId: hocSinhFields.code('DM_XA', {
      symbol: 'XA_PHUONG_ID',
      catalogInferred: true,
      vi: 'Mã Xã/ Phường',
      en: 'Commune/ward code',
      sensitivity: 'personal',
      note: 'The specification names the shared catalogs (DMDC) here, where the school table names DM_XA.',
    }),
    thuTu: hocSinhFields.int({
      symbol: 'THU_TU',
      vi: 'Thứ tự',
      en: 'Sort order',
      sensitivity: 'personal',
      maxDigits: 10,
    }),
    noiSinh: hocSinhFields.text(250, {
      symbol: 'NOI_SINH',
      vi: 'Nơi sinh',
      en: 'Place of birth',
      sensitivity: 'personal',
    }),
    maKhuVuc: hocSinhFields.code('DM_KHU_VUC', {
      symbol: 'MA_KHU_VUC',
      vi: 'Mã khu vực',
      en: 'Area (zone) code',
      sensitivity: 'personal',
    }),
    quocTichId: hocSinhFields.code('DM_NUOC', {
      symbol: 'QUOC_TICH_ID',
      catalogInferred: true,
      vi: 'Mã quốc tịch',
      en: 'Nationality code',
      sensitivity: 'personal',
    }),
    maLoaiKhuyetTat: hocSinhFields.code('DM_LOAI_KHUYET_TAT', {
      symbol: 'MA_LOAI_KHUYET_TAT',
      catalogInferred: true,
      vi: 'Mã loại khuyết tật',
      en: 'Disability type code',
      sensitivity: 'sensitive',
    }),
    maCongDanId: hocSinhFields.text(undefined, {
      pattern: '^[0-9]{12}$',
      symbol: 'MA_CONG_DAN_ID',
      vi: 'Mã công dân',
      en: 'Personal identification number',
      sensitivity: 'sensitive',
      note: "Typed \"Danh mục liệt kê\" (enumeration, DMDC) in the specification, but it holds the pupil's 12-digit personal identification number (số định danh cá nhân), not a catalog code. Modelled as text. Its 12-digit form (TT 59/2021/TT-BCA Art. 4, verified) is the JSON Schema's pattern; in TypeScript the schema accepts any text up to the SDK's open-text cap, and the 12-digit form and its agreement with birth year and sex are checked by the rules engine (ID.PERSONAL.*), which masks the number in its messages. Sensitive: masked in logs and left out of exports unless asked.",
    }),
    noiCap: hocSinhFields.text(150, {
      symbol: 'NOI_CAP',
      vi: 'Nơi cấp',
      en: 'Place of issue',
      sensitivity: 'personal',
      note: 'Where the identity document was issued.',
    }),
    ngayCap: hocSinhFields.date({
      symbol: 'NGAY_CAP',
      vi: 'Ngày cấp',
      en: 'Date of issue',
      sensitivity: 'personal',
      note: 'When the identity document was issued. The specification\'s Vietnamese type column reads "Ngày cấp" (a slip for "Ngày tháng"); its English type column says Date.',
    }),
    isDoiVien: hocSinhFields.bool({
      symbol: 'IS_DOI_VIEN',
      vi: 'Là đội viên',
      en: 'Young Pioneer member',
      sensitivity: 'personal',
      note: "Membership of the Ho Chi Minh Young Pioneer Organization, the children's organisation run in schools: personal, unlike the political memberships of staff (GVC1.1.1 IS_DANG_VIEN, IS_DOAN_VIEN).",
    }),
    isHocSinhTiengDanToc: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_TIENG_DAN_TOC',
      vi: 'Học sinh học tiếng dân tộc',
      en: 'Learns an ethnic-minority language',
      sensitivity: 'sensitive',
      note: 'Reveals ethnicity: sensitive.',
    }),
    isHoc2Buoi: hocSinhFields.bool({
      symbol: 'IS_HOC_2_BUOI',
      vi: 'Học 2 buổi',
      en: 'Attends two sessions a day',
      sensitivity: 'personal',
    }),
    isHocSongNgu: hocSinhFields.bool({
      symbol: 'IS_HOC_SONG_NGU',
      vi: 'Học song ngữ',
      en: 'Follows a bilingual programme',
      sensitivity: 'personal',
    }),
    isKyNangSong: hocSinhFields.bool({
      symbol: 'IS_KY_NANG_SONG',
      vi: 'Kỹ năng sống',
      en: 'Receives life-skills education',
      sensitivity: 'personal',
    }),
    isHocSinhBanTruDanNuoi: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_BAN_TRU_DAN_NUOI',
      vi: 'Học sinh bán trú dân nuôi',
      en: 'Semi-boarder lodging with a local family',
      sensitivity: 'sensitive',
      note: 'Identifies pupils of remote areas who lodge with local families, a group targeted by support policies: sensitive, like the support flags.',
    }),
    isHocSinhNoiTruDanNuoi: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_NOI_TRU_DAN_NUOI',
      vi: 'Học sinh nội trú dân nuôi',
      en: 'Boarder lodging with a local family',
      sensitivity: 'sensitive',
      note: 'Identifies pupils of remote areas who lodge with local families, a group targeted by support policies: sensitive, like the support flags.',
    }),
    isHocSinhLopBtru: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_LOP_BTRU',
      vi: 'Học sinh lớp bán trú',
      en: 'In a semi-boarding class',
      sensitivity: 'personal',
    }),
    isKhuyetTatKhongDanhGia: hocSinhFields.bool({
      symbol: 'IS_KHUYET_TAT_KHONG_DANH_GIA',
      vi: 'Khuyết tật không đánh giá',
      en: 'Disabled and exempt from assessment',
      sensitivity: 'sensitive',
    }),
    isHocSinhPtDtBanTru: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_PT_DT_BAN_TRU',
      vi: 'Học sinh phổ thông dân tộc bán trú',
      en: 'Pupil of an ethnic semi-boarding school',
      sensitivity: 'sensitive',
      note: 'Ethnic semi-boarding schools serve ethnic-minority pupils, so the flag reveals ethnicity: sensitive.',
    }),
    isNhuCauHoTroNngu: hocSinhFields.bool({
      symbol: 'IS_NHU_CAU_HO_TRO_NNGU',
      vi: 'Nhu cầu hỗ ngoại ngữ',
      en: 'Needs foreign-language support',
      sensitivity: 'personal',
      note: 'The Vietnamese label is printed "hỗ ngoại ngữ" (sic, for "hỗ trợ ngoại ngữ") and kept as printed.',
    }),
    isTangCuongTiengViet: hocSinhFields.bool({
      symbol: 'IS_TANG_CUONG_TIENG_VIET',
      vi: 'Tăng cường tiếng việt',
      en: 'Receives Vietnamese-language reinforcement',
      sensitivity: 'sensitive',
      note: 'Vietnamese-language reinforcement is given to ethnic-minority pupils, so the flag reveals ethnicity: sensitive.',
    }),
    isHocSinhDtTroGiang: hocSinhFields.bool({
      symbol: 'IS_HOC_SINH_DT_TRO_GIANG',
      vi: 'Học sinh dân tộc trợ giảng',
      en: 'Ethnic-minority pupil with a teaching assistant',
      sensitivity: 'sensitive',
      note: 'Reveals ethnicity: sensitive.',
    }),
    tenCha: hocSinhFields.text(50, {
      symbol: 'TEN_CHA',
      vi: 'Tên cha',
      en: "Father's name",
      sensitivity: 'personal',
    }),
    ngheNghiepCha: hocSinhFields.text(50, {
      symbol: 'NGHE_NGHIEP_CHA',
      vi: 'Nghề nghiệp cha',
      en: "Father's occupation",
      sensitivity: 'personal',
    }),
    namSinhCha: hocSinhFields.int({
      symbol: 'NAM_SINH_CHA',
      vi: 'Năm sinh cha',
      en: "Father's year of birth",
      sensitivity: 'personal',
      maxDigits: 4,
    }),
    tenMe: hocSinhFields.text(50, {
      symbol: 'TEN_ME',
      vi: 'Tên mẹ',
      en: "Mother's name",
      sensitivity: 'personal',
    }),
    ngheNghiepMe: hocSinhFields.text(50, {
      symbol: 'NGHE_NGHIEP_ME',
      vi: 'Nghề nghiệp mẹ',
      en: "Mother's occupation",
      sensitivity: 'personal',
    }),
    namSinhMe: hocSinhFields.int({
      symbol: 'NAM_SINH_ME',
      vi: 'Năm sinh mẹ',
      en: "Mother's year of birth",
      sensitivity: 'personal',
      maxDigits: 4,
    }),
    tenNguoiDd: hocSinhFields.text(50, {
      symbol: 'TEN_NGUOI_DD',
      vi: 'Tên người đỡ đầu',
      en: "Guardian's name",
      sensitivity: 'personal',
    }),
    ngheNghiepNguoiDd: hocSinhFields.text(150, {
      symbol: 'NGHE_NGHIEP_NGUOI_DD',
      vi: 'Nghề nghiệp người đỡ đầu',
      en: "Guardian's occupation",
      sensitivity: 'personal',
    }),
    namSinhNguoiDoDau: hocSinhFields.int({
      symbol: 'NAM_SINH_NGUOI_DO_DAU',
      vi: 'Năm sinh người đỡ đầu',
      en: "Guardian's year of birth",
      sensitivity: 'personal',
      maxDigits: 4,
    }),
    maDienChinhSach: hocSinhFields.code('DM_DIEN_CHINH_SACH', {
      symbol: 'MA_DIEN_CHINH_SACH',
      catalogInferred: true,
      vi: 'Mã diện chính sách',
      en: 'Social policy category code',
      sensitivity: 'sensitive',
      note: 'A social policy category reveals family circumstances: sensitive.',
    }),
    isLuuBanNamTruoc: hocSinhFields.bool({
      symbol: 'IS_LUU_BAN_NAM_TRUOC',
      vi: 'Lưu ban năm trước',
      en: 'Repeated the grade last year',
      sensitivity: 'personal',
    }),
    isChaDt: hocSinhFields.bool({
      symbol: 'IS_CHA_DT',
      vi: 'Cha dân tộc',
      en: 'Father belongs to an ethnic minority',
      sensitivity: 'sensitive',
      note: "Reveals the parent's ethnicity: sensitive.",
    }),
    isMeDt: hocSinhFields.bool({
      symbol: 'IS_ME_DT',
      vi: 'Mẹ dân tộc',
      en: 'Mother belongs to an ethnic minority',
      sensitivity: 'sensitive',
      note: "Reveals the parent's ethnicity: sensitive.",
    }),
    isHoNgheo: hocSinhFields.bool({
      symbol: 'IS_HO_NGHEO',
      vi: 'Hộ nghèo',
      en: 'From a poor household',
      sensitivity: 'sensitive',
      note: "A policy support flag: sensitive, as it reveals a family's circumstances and eligibility for state support.",
    }),
    isVungKk: hocSinhFields.bool({
      symbol: 'IS_VUNG_KK',
      vi: 'Vùng khó khăn',
      en: 'Lives in a disadvantaged area',
      sensitivity: 'sensitive',
      note: 'A criterion for policy support: sensitive, like the other support flags.',
    }),
    isMienHocPhi: hocSinhFields.bool({
      symbol: 'IS_MIEN_HOC_PHI',
      vi: 'Miễn học phí',
      en: 'Exempt from tuition fees',
      sensitivity: 'sensitive',
      note: "A policy support flag: sensitive, as it reveals a family's circumstances and eligibility for state support.",
    }),
    isGiamHocPhi: hocSinhFields.bool({
      symbol: 'IS_GIAM_HOC_PHI',
      vi: 'Giảm học phí',
      en: 'Tuition fees reduced',
      sensitivity: 'sensitive',
      note: "A policy support flag: sensitive, as it reveals a family's circumstances and eligibility for state support.",
    }),
    isHoTroChiPhiHocTap: hocSinhFields.bool({
      symbol: 'IS_HO_TRO_CHI_PHI_HOC_TAP',
      vi: 'Hỗ trợ chi phí học tập',
      en: 'Receives study cost support',
      sensitivity: 'sensitive',
      note: "A policy support flag: sensitive, as it reveals a family's circumstances and eligibility for state support.",
    }),
    isHoTroNhaO: hocSinhFields.bool({
      symbol: 'IS_HO_TRO_NHA_O',
      vi: 'Hỗ trợ nhà ở',
      en: 'Receives housing support',
      sensitivity: 'sensitive',
      note: "A policy support flag: sensitive, as it reveals a family's circumstances and eligibility for state support.",
    }),
    isCapTienHangThang: hocSinhFields.bool({
      symbol: 'IS_CAP_TIEN_HANG_THANG',
      vi: 'Cấp tiền hàng tháng',
      en: 'Receives a monthly allowance',
      sensitivity: 'sensitive',
      note: "A policy support flag: sensitive, as it reveals a family's circumstances and eligibility for state support.",
    }),
    isCapGao: hocSinhFields.bool({
      symbol: 'IS_CAP_GAO',
      vi: 'Cấp gạo',
      en: 'Receives a rice allowance',
      sensitivity: 'sensitive',
      note: "A policy support flag: sensitive, as it reveals a family's circumstances and eligibility for state support.",
    }),
    isHocLopMg5t: hocSinhFields.bool({
      symbol: 'IS_HOC_LOP_MG_5T',
      vi: 'Học mẫu giáo 5 tuổi',
      en: 'Attended the five-year-old kindergarten class',
      sensitivity: 'personal',
    }),
    isHocCtgdCuaBo: hocSinhFields.bool({
      symbol: 'IS_HOC_CTGD_CUA_BO',
      vi: 'Học chương trình GD của bộ',
      en: "Follows the Ministry's curriculum",
      sensitivity: 'personal',
    }),
    maHocBanTru: hocSinhFields.code('DM_HOC_BAN_TRU', {
      symbol: 'MA_HOC_BAN_TRU',
      catalogInferred: true,
      vi: 'Mã học bán trú',
      en: 'Semi-boarding code',
      sensitivity: 'personal',
    }),
    maSoBuoiHocTrenTuan: hocSinhFields.code('DM_SO_BUOI_HOC_TREN_TUAN', {
      symbol: 'MA_SO_BUOI_HOC_TREN_TUAN',
      catalogInferred: true,
      vi: 'Mã số buổi học trên tuần',
      en: 'Sessions per week code',
      sensitivity: 'personal',
    }),
    capNhatKhenThuong: hocSinhFields.text(1, {
      symbol: 'CAP_NHAT_KHEN_THUONG',
      vi: 'Có cập nhật khen thưởng',
      en: 'Rewards updated (text flag)',
      sensitivity: 'personal',
      note: 'A yes/no fact typed as a one-character string; the specification does not list its values.',
    }),
    listKhenThuong: hocSinhFields.list(HocSinhKhenThuong, {
      symbol: 'LIST_KHEN_THUONG',
      vi: 'Nội dung khen thưởng',
      en: 'Rewards',
      sensitivity: 'personal',
    }),
    listBaoLucHocDuong: hocSinhFields.list(HocSinhBaoLuc, {
      symbol: 'LIST_BAO_LUC_HOC_DUONG',
      vi: 'Nội dung bạo lực học đường',
      en: 'School violence incidents',
      sensitivity: 'sensitive',
    }),
  },
);
/** A primary pupil record, as {@link HocSinh} parses it. */
export type HocSinh = z.output<typeof HocSinh>;
