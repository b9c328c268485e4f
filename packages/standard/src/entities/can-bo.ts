import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

const canBoKiemNhiemFields = fieldKit('QĐ 4998 GVMN.2.1');

/**
 * One concurrent duty held by a staff member (QĐ 4998 GVMN.2.1 "Nhiệm vụ kiêm nhiệm", referenced by
 * {@link CanBo}).
 */
export const CanBoKiemNhiem = defineEntity(
  {
    name: 'CanBoKiemNhiem',
    code: 'GVMN.2.1',
    label: { vi: 'Nhiệm vụ kiêm nhiệm', en: 'Concurrent duty' },
    source: 'QĐ 4998 §1.3 GVMN.2.1 (preschool section), referenced by GVC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary staff table (GVC1.1.1 NHIEM_VU_KIEM_NHIEMS).',
  },
  {
    ma: canBoKiemNhiemFields.code('DM_NHIEM_VU_KIEM_NHIEM', {
      symbol: 'MA',
      catalogInferred: true,
      vi: 'Mã nhiệm vụ kiêm nhiệm',
      en: 'Concurrent duty code',
      sensitivity: 'personal',
    }),
  },
);
/** A concurrent duty row, as {@link CanBoKiemNhiem} parses it. */
export type CanBoKiemNhiem = z.output<typeof CanBoKiemNhiem>;

const canBoDaoTaoFields = fieldKit('QĐ 4998 GVMN.2.2');

/**
 * One entry of a staff member's training and professional development history (QĐ 4998 GVMN.2.2
 * "Quá trình đào tạo bồi dưỡng", referenced by {@link CanBo}).
 */
export const CanBoDaoTao = defineEntity(
  {
    name: 'CanBoDaoTao',
    code: 'GVMN.2.2',
    label: { vi: 'Quá trình đào tạo bồi dưỡng', en: 'Training and professional development' },
    source: 'QĐ 4998 §1.3 GVMN.2.2 (preschool section), referenced by GVC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary staff table (GVC1.1.1 NHAN_SU_QUA_TRINH_DAO_TAO_BOI_DUONGS).',
  },
  {
    tenTruong: canBoDaoTaoFields.text(100, {
      symbol: 'TEN_TRUONG',
      vi: 'Tên trường',
      en: 'Institution name',
      sensitivity: 'personal',
    }),
    maNhomChuyenNganh: canBoDaoTaoFields.code('DM_NHOM_CHUYEN_NGANH', {
      symbol: 'MA_NHOM_CHUYEN_NGANH',
      catalogInferred: true,
      vi: 'Mã nhóm chuyên ngành',
      en: 'Field of study group code',
      sensitivity: 'personal',
    }),
    tuThangNam: canBoDaoTaoFields.date({
      symbol: 'TU_THANG_NAM',
      vi: 'Từ ngày tháng năm',
      en: 'From',
      sensitivity: 'personal',
      note: 'The symbol says month and year (THÁNG NĂM) but the field is typed as a full date.',
    }),
    denThangNam: canBoDaoTaoFields.date({
      symbol: 'DEN_THANG_NAM',
      vi: 'Đến ngày tháng năm',
      en: 'To',
      sensitivity: 'personal',
      note: 'The symbol says month and year (THÁNG NĂM) but the field is typed as a full date.',
    }),
    maHinhThucDaoTao: canBoDaoTaoFields.code('DM_HINH_THUC_DAO_TAO', {
      symbol: 'MA_HINH_THUC_DAO_TAO',
      catalogInferred: true,
      vi: 'Mã hình thức đào tạo',
      en: 'Mode of study code',
      sensitivity: 'personal',
    }),
    maVbChungChi: canBoDaoTaoFields.text(50, {
      symbol: 'MA_VB_CHUNG_CHI',
      vi: 'Mã văn bản chứng chỉ',
      en: 'Diploma or certificate code',
      sensitivity: 'personal',
    }),
    vanBanChungChi: canBoDaoTaoFields.text(100, {
      symbol: 'VAN_BAN_CHUNG_CHI',
      vi: 'Tên văn bản chứng chỉ',
      en: 'Diploma or certificate name',
      sensitivity: 'personal',
    }),
    chuyenNganhDaoTao: canBoDaoTaoFields.text(100, {
      symbol: 'CHUYEN_NGANH_DAO_TAO',
      vi: 'Chuyên ngành đào tạo',
      en: 'Field of study',
      sensitivity: 'personal',
    }),
  },
);
/** A training history row, as {@link CanBoDaoTao} parses it. */
export type CanBoDaoTao = z.output<typeof CanBoDaoTao>;

const canBoNgoaiNguFields = fieldKit('QĐ 4998 GVMN.2.3');

/**
 * One foreign language of a staff member, with proficiency and certificate date (QĐ 4998 GVMN.2.3
 * "Danh sách ngoại ngữ", referenced by {@link CanBo}).
 */
export const CanBoNgoaiNgu = defineEntity(
  {
    name: 'CanBoNgoaiNgu',
    code: 'GVMN.2.3',
    label: { vi: 'Danh sách ngoại ngữ', en: 'Foreign language' },
    source: 'QĐ 4998 §1.3 GVMN.2.3 (preschool section), referenced by GVC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary staff table (GVC1.1.1 NHAN_SU_QUA_TRINH_NGOAI_NGUS).',
  },
  {
    maNgoaiNgu: canBoNgoaiNguFields.code('DM_NGOAI_NGU', {
      symbol: 'MA_NGOAI_NGU',
      catalogInferred: true,
      vi: 'Mã ngoại ngữ',
      en: 'Foreign language code',
      sensitivity: 'personal',
    }),
    maTrinhDoNgoaiNgu: canBoNgoaiNguFields.code('DM_TRINH_DO_NGOAI_NGU', {
      symbol: 'MA_TRINH_DO_NGOAI_NGU',
      catalogInferred: true,
      vi: 'Mã trình độ ngoại ngữ',
      en: 'Foreign-language proficiency code',
      sensitivity: 'personal',
    }),
    diemNgoaiNgu: canBoNgoaiNguFields.decimal({
      symbol: 'DIEM_NGOAI_NGU',
      vi: 'Điểm ngoại ngữ',
      en: 'Foreign-language score',
      sensitivity: 'personal',
    }),
    ngayCap: canBoNgoaiNguFields.date({
      symbol: 'NGAY_CAP',
      vi: 'Ngày cấp',
      en: 'Date of issue',
      sensitivity: 'personal',
    }),
    ghiChu: canBoNgoaiNguFields.text(200, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'Notes',
      sensitivity: 'personal',
    }),
  },
);
/** A foreign language row, as {@link CanBoNgoaiNgu} parses it. */
export type CanBoNgoaiNgu = z.output<typeof CanBoNgoaiNgu>;

const canBoKhenThuongFields = fieldKit('QĐ 4998 GVMN.2.4');

/**
 * One award received by a staff member (QĐ 4998 GVMN.2.4 "Quá trình khen thưởng", referenced by
 * {@link CanBo}).
 */
export const CanBoKhenThuong = defineEntity(
  {
    name: 'CanBoKhenThuong',
    code: 'GVMN.2.4',
    label: { vi: 'Quá trình khen thưởng', en: 'Award' },
    source: 'QĐ 4998 §1.3 GVMN.2.4 (preschool section), referenced by GVC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary staff table (GVC1.1.1 NHAN_SU_KHEN_THUONGS).',
  },
  {
    maKhenThuongGv: canBoKhenThuongFields.code('DM_KHEN_THUONG_GV', {
      symbol: 'MA_KHEN_THUONG_GV',
      catalogInferred: true,
      vi: 'Mã khen thưởng giáo viên',
      en: 'Teacher award code',
      sensitivity: 'personal',
    }),
    loaiKhenThuongId: canBoKhenThuongFields.code('DM_HINH_THUC_KHEN_THUONG', {
      symbol: 'LOAI_KHEN_THUONG_ID',
      catalogInferred: true,
      vi: 'Mã Loại khen thưởng',
      en: 'Award type code',
      sensitivity: 'personal',
    }),
    noiDung: canBoKhenThuongFields.text(250, {
      symbol: 'NOI_DUNG',
      vi: 'Nội dung khen thưởng',
      en: 'Award details',
      sensitivity: 'personal',
    }),
    capKhenThuong: canBoKhenThuongFields.text(100, {
      symbol: 'CAP_KHEN_THUONG',
      vi: 'Cấp khen thưởng',
      en: 'Awarding level',
      sensitivity: 'personal',
    }),
    ngayKhenThuong: canBoKhenThuongFields.date({
      symbol: 'NGAY_KHEN_THUONG',
      vi: 'Ngày khen thưởng',
      en: 'Award date',
      sensitivity: 'personal',
    }),
    soQuyetDinhKhenThuong: canBoKhenThuongFields.text(100, {
      symbol: 'SO_QUYET_DINH_KHEN_THUONG',
      vi: 'Số quyết định',
      en: 'Decision number',
      sensitivity: 'personal',
    }),
    nam: canBoKhenThuongFields.int({
      symbol: 'NAM',
      vi: 'Năm',
      en: 'Year',
      sensitivity: 'personal',
    }),
  },
);
/** An award row, as {@link CanBoKhenThuong} parses it. */
export type CanBoKhenThuong = z.output<typeof CanBoKhenThuong>;

const canBoKyLuatFields = fieldKit('QĐ 4998 GVMN.2.5');

/**
 * One disciplinary measure taken against a staff member (QĐ 4998 GVMN.2.5 "Kỷ luật", referenced by
 * {@link CanBo}). Sensitive throughout.
 */
export const CanBoKyLuat = defineEntity(
  {
    name: 'CanBoKyLuat',
    code: 'GVMN.2.5',
    label: { vi: 'Kỷ luật', en: 'Disciplinary measure' },
    source: 'QĐ 4998 §1.3 GVMN.2.5 (preschool section), referenced by GVC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary staff table (GVC1.1.1 NHAN_SU_KY_LUATS). Disciplinary records are sensitive: every field is masked by default.',
  },
  {
    maKyLuatGv: canBoKyLuatFields.code('DM_KY_LUAT_GV', {
      symbol: 'MA_KY_LUAT_GV',
      catalogInferred: true,
      vi: 'Mã kỷ luật giáo viên',
      en: 'Teacher disciplinary measure code',
      sensitivity: 'sensitive',
    }),
    loaiKyLuatId: canBoKyLuatFields.code('DM_HINH_THUC_KY_LUAT', {
      symbol: 'LOAI_KY_LUAT_ID',
      catalogInferred: true,
      vi: 'Mã Loại kỷ luật',
      en: 'Disciplinary measure type code',
      sensitivity: 'sensitive',
    }),
    lyDo: canBoKyLuatFields.text(100, {
      symbol: 'LY_DO',
      vi: 'Lý do',
      en: 'Reason',
      sensitivity: 'sensitive',
    }),
    capKyLuat: canBoKyLuatFields.text(100, {
      symbol: 'CAP_KY_LUAT',
      vi: 'Cấp kỷ luật',
      en: 'Disciplining level',
      sensitivity: 'sensitive',
    }),
    ngayKyLuat: canBoKyLuatFields.date({
      symbol: 'NGAY_KY_LUAT',
      vi: 'Ngày kỷ luật',
      en: 'Date of the disciplinary measure',
      sensitivity: 'sensitive',
    }),
    soQuyetDinhKyLuat: canBoKyLuatFields.text(100, {
      symbol: 'SO_QUYET_DINH_KY_LUAT',
      vi: 'Số quyết định',
      en: 'Decision number',
      sensitivity: 'sensitive',
    }),
  },
);
/** A disciplinary measure row, as {@link CanBoKyLuat} parses it. */
export type CanBoKyLuat = z.output<typeof CanBoKyLuat>;

const canBoDanhGiaChuanFields = fieldKit('QĐ 4998 GVMN.2.6');

/**
 * One assessment of a staff member against the professional standard (QĐ 4998 GVMN.2.6 "Kết quả
 * đánh giá theo chuẩn nghề nghiệp", referenced by {@link CanBo}).
 */
export const CanBoDanhGiaChuan = defineEntity(
  {
    name: 'CanBoDanhGiaChuan',
    code: 'GVMN.2.6',
    label: {
      vi: 'Kết quả đánh giá theo chuẩn nghề nghiệp',
      en: 'Professional standard assessment',
    },
    source: 'QĐ 4998 §1.3 GVMN.2.6 (preschool section), referenced by GVC1.1.1',
    key: [],
    kind: 'row',
    note: 'Defined in the preschool section of QĐ 4998 and reused by the primary staff table (GVC1.1.1 KET_QUA_DANH_GIA).',
  },
  {
    loaiDanhGia: canBoDanhGiaChuanFields.text(20, {
      symbol: 'LOAI_DANH_GIA',
      vi: 'Xếp loại đánh giá',
      en: 'Rating',
      sensitivity: 'personal',
    }),
    ngayDanhGia: canBoDanhGiaChuanFields.date({
      symbol: 'NGAY_DANH_GIA',
      vi: 'Ngày đánh giá xếp loại',
      en: 'Rating date',
      sensitivity: 'personal',
    }),
    capDanhGia: canBoDanhGiaChuanFields.text(100, {
      symbol: 'CAP_DANH_GIA',
      vi: 'Cấp đánh giá',
      en: 'Assessing level',
      sensitivity: 'personal',
    }),
  },
);
/** A professional standard assessment row, as {@link CanBoDanhGiaChuan} parses it. */
export type CanBoDanhGiaChuan = z.output<typeof CanBoDanhGiaChuan>;

const canBoFields = fieldKit('QĐ 4998 GVC1.1.1');

/**
 * A staff member of a primary school — manager, teacher or employee (QĐ 4998 GVC1.1.1 "Thông tin
 * đội ngũ cán bộ trường tiểu học"): identity, contacts, employment, pay, qualifications, and the
 * histories of concurrent duties, training, languages, awards, disciplinary measures and
 * assessments.
 */
export const CanBo = defineEntity(
  {
    name: 'CanBo',
    code: 'GVC1.1.1',
    label: { vi: 'Thông tin đội ngũ cán bộ trường tiểu học', en: 'Primary school staff member' },
    source: 'QĐ 4998 §2.3 GVC1.1.1',
    key: ['giaoVienId'],
    kind: 'record',
    note: 'Covers managers, teachers and employees alike (đội ngũ). Fields the specification marks "Áp dụng cho GV" apply to teachers only, and those marked "Áp dụng GV công lập" to teachers of public schools only.',
  },
  {
    truongId: canBoFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
    }),
    giaoVienId: canBoFields.text(20, {
      symbol: 'GIAO_VIEN_ID',
      vi: 'Mã giáo viên',
      en: 'Staff code',
      sensitivity: 'identifier',
      required: true,
    }),
    hoTen: canBoFields.text(50, {
      symbol: 'HO_TEN',
      vi: 'Họ tên',
      en: 'Full name',
      sensitivity: 'personal',
      required: true,
    }),
    ngaySinh: canBoFields.date({
      symbol: 'NGAY_SINH',
      vi: 'Ngày sinh',
      en: 'Date of birth',
      sensitivity: 'personal',
    }),
    maGioiTinh: canBoFields.code('DM_GIOI_TINH', {
      symbol: 'MA_GIOI_TINH',
      vi: 'Mã giới tính',
      en: 'Sex code',
      sensitivity: 'personal',
      note: 'The specification\'s "Mô tả" column reads MA_GIOI_TINH_ID instead of a catalog name; the SDK reads it as DM_GIOI_TINH, the sex catalog of the general section (QCVN 109:2017/BTTTT).',
    }),
    maTrangThaiCanBo: canBoFields.code('DM_TRANG_THAI_CAN_BO', {
      symbol: 'MA_TRANG_THAI_CAN_BO',
      catalogInferred: true,
      vi: 'Mã trạng thái cán bộ',
      en: 'Employment status code',
      sensitivity: 'personal',
      maxLength: 20,
      note: 'An enumeration for which the specification also gives a length (20): the code is capped at 20 characters.',
    }),
    soCmtnd: canBoFields.text(20, {
      symbol: 'SO_CMTND',
      vi: 'Số CMTND/Hộ chiếu/Thẻ căn cước',
      en: 'ID card, passport or citizen ID number',
      sensitivity: 'sensitive',
      note: 'An identity document number: sensitive, masked in logs and left out of exports unless asked.',
    }),
    email: canBoFields.text(50, {
      symbol: 'EMAIL',
      vi: 'Email',
      en: 'Email',
      sensitivity: 'personal',
    }),
    diDong: canBoFields.text(20, {
      symbol: 'DI_DONG',
      vi: 'Số di động',
      en: 'Mobile phone number',
      sensitivity: 'personal',
    }),
    maDanToc: canBoFields.code('DM_DAN_TOC', {
      symbol: 'MA_DAN_TOC',
      vi: 'Mã dân tộc',
      en: 'Ethnicity code',
      sensitivity: 'sensitive',
    }),
    maTonGiao: canBoFields.code('DM_TON_GIAO', {
      symbol: 'MA_TON_GIAO',
      catalogInferred: true,
      vi: 'Mã tôn giáo',
      en: 'Religion code',
      sensitivity: 'sensitive',
      maxLength: 20,
      note: 'An enumeration for which the specification also gives a length (20): the code is capped at 20 characters. Religion is sensitive personal data.',
    }),
    queQuan: canBoFields.text(250, {
      symbol: 'QUE_QUAN',
      vi: 'Quê quán',
      en: 'Home town',
      sensitivity: 'personal',
    }),
    tinhThanhId: canBoFields.code('DM_TINH', {
      symbol: 'TINH_THANH_ID',
      vi: 'Mã Tỉnh/ Thành',
      en: 'Province/city code',
      sensitivity: 'personal',
    }),
    quanHuyenId: canBoFields.code('DM_HUYEN', {
      symbol: 'QUAN_HUYEN_ID',
      catalogInferred: true,
      vi: 'Mã Quận/ Huyện',
      en: 'District code',
      sensitivity: 'personal',
      note: 'The specification names the shared catalogs (DMDC) here, where TINH_THANH_ID and XA_PHUONG_ID name DM_TINH and DM_XA. Vietnam abolished the district level on 1 July 2025: later records may have no district, and older ones hold pre-2025 district codes.',
    }),
    xaPhuongId: canBoFields.code('DM_XA', {
      symbol: 'XA_PHUONG_ID',
      vi: 'Mã Xã/Phường',
      en: 'Commune/ward code',
      sensitivity: 'personal',
    }),
    isDangVien: canBoFields.bool({
      symbol: 'IS_DANG_VIEN',
      vi: 'Là đảng viên',
      en: 'Communist Party member',
      sensitivity: 'sensitive',
      note: 'Party membership reveals political opinion: sensitive.',
    }),
    isDoanVien: canBoFields.bool({
      symbol: 'IS_DOAN_VIEN',
      vi: 'Là đoàn viên',
      en: 'Youth Union member',
      sensitivity: 'sensitive',
      note: "Membership of the Communist Youth Union, the Party's reserve organisation, reveals political affiliation: treated as sensitive like IS_DANG_VIEN.",
    }),
    soSoBhxh: canBoFields.text(20, {
      symbol: 'SO_SO_BHXH',
      vi: 'Số sổ bảo hiểm xã hội',
      en: 'Social insurance book number',
      sensitivity: 'sensitive',
      note: 'A social insurance number: sensitive, masked in logs and left out of exports unless asked.',
    }),
    maNhomCanBo: canBoFields.code('DM_NHOM_CAN_BO', {
      symbol: 'MA_NHOM_CAN_BO',
      catalogInferred: true,
      vi: 'Mã nhóm cán bộ',
      en: 'Staff group code',
      sensitivity: 'personal',
    }),
    maLoaiCanBo: canBoFields.code('DM_LOAI_CAN_BO', {
      symbol: 'MA_LOAI_CAN_BO',
      catalogInferred: true,
      vi: 'Mã loại cán bộ',
      en: 'Staff type code',
      sensitivity: 'personal',
    }),
    maHinhThucHopDong: canBoFields.code('DM_HINH_THUC_HOP_DONG', {
      symbol: 'MA_HINH_THUC_HOP_DONG',
      catalogInferred: true,
      vi: 'Mã hình thức hợp đồng',
      en: 'Contract type code',
      sensitivity: 'personal',
    }),
    ngayTuyenDung: canBoFields.date({
      symbol: 'NGAY_TUYEN_DUNG',
      vi: 'Ngày tuyển dụng',
      en: 'Recruitment date',
      sensitivity: 'personal',
    }),
    coQuanTuyenDung: canBoFields.text(250, {
      symbol: 'CO_QUAN_TUYEN_DUNG',
      vi: 'Cơ quan tuyển dụng',
      en: 'Recruiting agency',
      sensitivity: 'personal',
    }),
    ngheNghiepKhiDuocTuyenDung: canBoFields.text(250, {
      symbol: 'NGHE_NGHIEP_KHI_DUOC_TUYEN_DUNG',
      vi: 'Nghề nghiệp khi được tuyển',
      en: 'Occupation when recruited',
      sensitivity: 'personal',
    }),
    maNgach: canBoFields.code('DM_NGACH_CC', {
      symbol: 'MA_NGACH',
      catalogInferred: true,
      vi: 'Mã ngạch/ hạng',
      en: 'Civil service grade/rank code',
      sensitivity: 'personal',
    }),
    maSoNgach: canBoFields.code('DM_NGACH_CC', {
      symbol: 'MA_SO_NGACH',
      catalogInferred: true,
      vi: 'Mã số ngạch/hạng',
      en: 'Civil service grade/rank number',
      sensitivity: 'personal',
    }),
    maMonDay: canBoFields.code('DM_MON_DAY_GV', {
      symbol: 'MA_MON_DAY',
      catalogInferred: true,
      vi: 'Mã môn dạy',
      en: 'Subject taught code',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    maMonKiemNhiem: canBoFields.code('DM_MON_DAY_GV', {
      symbol: 'MA_MON_KIEM_NHIEM',
      catalogInferred: true,
      vi: 'Mã môn kiêm nhiệm',
      en: 'Concurrently taught subject code',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    maTiengDanToc: canBoFields.code('DM_TIENG_DAN_TOC', {
      symbol: 'MA_TIENG_DAN_TOC',
      catalogInferred: true,
      vi: 'Mã tiếng dân tộc',
      en: 'Ethnic-minority language code',
      sensitivity: 'sensitive',
      note: 'The ethnic-minority language a staff member speaks usually reveals their ethnicity: sensitive.',
    }),
    soTietThucDayTuan: canBoFields.int({
      symbol: 'SO_TIET_THUC_DAY_TUAN',
      vi: 'Số tiết thực dạy trên tuần',
      en: 'Periods actually taught per week',
      sensitivity: 'personal',
      maxDigits: 10,
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    soTietThucKiemNhiemTuan: canBoFields.int({
      symbol: 'SO_TIET_THUC_KIEM_NHIEM_TUAN',
      vi: 'Số tiết thực kiêm nhiệm trên tuần',
      en: 'Periods of concurrent duties per week',
      sensitivity: 'personal',
      maxDigits: 10,
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    isTapHuanKyNangSong: canBoFields.bool({
      symbol: 'IS_TAP_HUAN_KY_NANG_SONG',
      vi: 'Có được tập huấn kỹ năng sống',
      en: 'Trained in life-skills education',
      sensitivity: 'personal',
    }),
    isDayLopKhuyetTat: canBoFields.bool({
      symbol: 'IS_DAY_LOP_KHUYET_TAT',
      vi: 'Có dạy lớp khuyết tật',
      en: 'Teaches a class of pupils with disabilities',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    isDay1Buoi: canBoFields.bool({
      symbol: 'IS_DAY_1_BUOI',
      vi: 'Có dạy 1 buổi / ngày',
      en: 'Teaches one session a day',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    isDay2Buoi: canBoFields.bool({
      symbol: 'IS_DAY_2_BUOI',
      vi: 'Có dạy 2 buổi/ ngày',
      en: 'Teaches two sessions a day',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    isChuyenTrachDoanDoi: canBoFields.bool({
      symbol: 'IS_CHUYEN_TRACH_DOAN_DOI',
      vi: 'Có chuyên trách đoàn đội',
      en: 'Full-time Youth Union and Young Pioneers officer',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    pcThuHut: canBoFields.decimal({
      symbol: 'PC_THU_HUT',
      vi: 'Phụ cấp thu hút',
      en: 'Attraction allowance',
      sensitivity: 'personal',
    }),
    pcThamNien: canBoFields.decimal({
      symbol: 'PC_THAM_NIEN',
      vi: 'Phụ cấp thâm niên',
      en: 'Seniority allowance',
      sensitivity: 'personal',
      note: 'Applies to teachers of public schools only (the specification: "Áp dụng GV công lập").',
    }),
    pcUdNghe: canBoFields.decimal({
      symbol: 'PC_UD_NGHE',
      vi: 'Phụ cấp ưu đãi nghề',
      en: 'Occupational incentive allowance',
      sensitivity: 'personal',
    }),
    maBacLuong: canBoFields.code('DM_BAC_LUONG', {
      symbol: 'MA_BAC_LUONG',
      catalogInferred: true,
      vi: 'Mã bậc lương',
      en: 'Salary step code',
      sensitivity: 'personal',
      note: 'Applies to teachers of public schools only (the specification: "Áp dụng GV công lập").',
    }),
    phanTramVuotKhung: canBoFields.decimal({
      symbol: 'PHAN_TRAM_VUOT_KHUNG',
      vi: 'Phần trăm vượt khung',
      en: 'Beyond-scale seniority allowance (%)',
      sensitivity: 'personal',
      note: 'Applies to teachers of public schools only (the specification: "Áp dụng GV công lập").',
    }),
    heSoLuong: canBoFields.decimal({
      symbol: 'HE_SO_LUONG',
      vi: 'Hệ số lương',
      en: 'Salary coefficient',
      sensitivity: 'personal',
      note: 'Applies to teachers of public schools only (the specification: "Áp dụng GV công lập").',
    }),
    ngayHuongLuong: canBoFields.date({
      symbol: 'NGAY_HUONG_LUONG',
      vi: 'Ngày hưởng lương',
      en: 'Salary effective date',
      sensitivity: 'personal',
      note: 'Applies to teachers of public schools only (the specification: "Áp dụng GV công lập").',
    }),
    maBoiDuongTx: canBoFields.code('DM_BOI_DUONG_TX', {
      symbol: 'MA_BOI_DUONG_TX',
      catalogInferred: true,
      vi: 'Mã bồi dưỡng thường xuyên',
      en: 'Regular in-service training code',
      sensitivity: 'personal',
    }),
    maTrinhDoChuyenMon: canBoFields.code('DM_TRINH_DO_CHUYEN_MON', {
      symbol: 'MA_TRINH_DO_CHUYEN_MON',
      catalogInferred: true,
      vi: 'Mã trình độ chuyên môn',
      en: 'Professional qualification code',
      sensitivity: 'personal',
    }),
    maTrinhDoLlct: canBoFields.code('DM_TRINH_DO_LLCT', {
      symbol: 'MA_TRINH_DO_LLCT',
      catalogInferred: true,
      vi: 'Mã trình độ lý luận chính trị',
      en: 'Political theory level code',
      sensitivity: 'personal',
    }),
    maTrinhDoQlgd: canBoFields.code('DM_TRINH_DO_QLGD', {
      symbol: 'MA_TRINH_DO_QLGD',
      catalogInferred: true,
      vi: 'Mã trình độ quản lý giáo dục',
      en: 'Education management qualification code',
      sensitivity: 'personal',
    }),
    maNgoaiNgu: canBoFields.code('DM_NGOAI_NGU', {
      symbol: 'MA_NGOAI_NGU',
      catalogInferred: true,
      vi: 'Mã ngoại ngữ',
      en: 'Foreign language code',
      sensitivity: 'personal',
    }),
    maTrinhDoNgoaiNgu: canBoFields.code('DM_TRINH_DO_NGOAI_NGU', {
      symbol: 'MA_TRINH_DO_NGOAI_NGU',
      catalogInferred: true,
      vi: 'Mã trình độ ngoại ngữ',
      en: 'Foreign-language proficiency code',
      sensitivity: 'personal',
    }),
    diemNgoaiNgu: canBoFields.decimal({
      symbol: 'DIEM_NGOAI_NGU',
      vi: 'Điểm ngoại ngữ',
      en: 'Foreign-language score',
      sensitivity: 'personal',
    }),
    maTrinhDoTinHoc: canBoFields.code('DM_TRINH_DO_TIN_HOC', {
      symbol: 'MA_TRINH_DO_TIN_HOC',
      catalogInferred: true,
      vi: 'Mã trình độ tin học',
      en: 'IT proficiency code',
      sensitivity: 'personal',
    }),
    maChuyenMon1: canBoFields.code('DM_CHUYEN_MON', {
      symbol: 'MA_CHUYEN_MON_1',
      catalogInferred: true,
      vi: 'Mã chuyên môn 1',
      en: 'Specialisation 1 code',
      sensitivity: 'personal',
    }),
    maTrinhDo1: canBoFields.code('DM_TRINH_DO', {
      symbol: 'MA_TRINH_DO_1',
      catalogInferred: true,
      vi: 'Mã trình độ 1',
      en: 'Qualification level 1 code',
      sensitivity: 'personal',
    }),
    maChuyenMon2: canBoFields.code('DM_CHUYEN_MON', {
      symbol: 'MA_CHUYEN_MON_2',
      catalogInferred: true,
      vi: 'Mã chuyên môn 2',
      en: 'Specialisation 2 code',
      sensitivity: 'personal',
    }),
    maTrinhDo2: canBoFields.code('DM_TRINH_DO', {
      symbol: 'MA_TRINH_DO_2',
      catalogInferred: true,
      vi: 'Mã trình độ 2',
      en: 'Qualification level 2 code',
      sensitivity: 'personal',
    }),
    maKetQuaChuanNgheNghiep: canBoFields.code('DM_KQ_CHUAN_NGHE_NGHIEP', {
      symbol: 'MA_KET_QUA_CHUAN_NGHE_NGHIEP',
      catalogInferred: true,
      vi: 'Mã kết quả chuẩn nghề nghiệp',
      en: 'Professional standard assessment result code',
      sensitivity: 'personal',
    }),
    maDgVienChuc: canBoFields.code('DM_DG_CONG_CHUC_VIEN_CHUC', {
      symbol: 'MA_DG_VIEN_CHUC',
      catalogInferred: true,
      vi: 'Mã đánh giá viên chức',
      en: 'Public employee appraisal code',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    maGiaoVienGioi: canBoFields.code('DM_GIAO_VIEN_GIOI', {
      symbol: 'MA_GIAO_VIEN_GIOI',
      catalogInferred: true,
      vi: 'Mã giáo viên giỏi',
      en: 'Excellent teacher title code',
      sensitivity: 'personal',
      note: 'Applies to teachers only (the specification: "Áp dụng cho GV").',
    }),
    danhHieuDuocPhongTangCaoNhat: canBoFields.text(200, {
      symbol: 'DANH_HIEU_DUOC_PHONG_TANG_CAO_NHAT',
      vi: 'Danh hiệu được phong tặng cao nhất',
      en: 'Highest honorary title conferred',
      sensitivity: 'personal',
    }),
    isTuyenMoi: canBoFields.bool({
      symbol: 'IS_TUYEN_MOI',
      vi: 'Tuyển mới',
      en: 'Newly recruited',
      sensitivity: 'personal',
    }),
    ngayChuyenDen: canBoFields.date({
      symbol: 'NGAY_CHUYEN_DEN',
      vi: 'Ngày chuyển đến',
      en: 'Date transferred in',
      sensitivity: 'personal',
    }),
    namVaoTruong: canBoFields.int({
      symbol: 'NAM_VAO_TRUONG',
      vi: 'Năm vào trường',
      en: 'Year joined the school',
      sensitivity: 'personal',
    }),
    nhiemVuKiemNhiems: canBoFields.list(CanBoKiemNhiem, {
      symbol: 'NHIEM_VU_KIEM_NHIEMS',
      vi: 'Danh sách nhiệm vụ kiêm nhiệm',
      en: 'Concurrent duties',
      sensitivity: 'personal',
    }),
    nhanSuQuaTrinhDaoTaoBoiDuongs: canBoFields.list(CanBoDaoTao, {
      symbol: 'NHAN_SU_QUA_TRINH_DAO_TAO_BOI_DUONGS',
      vi: 'Quá trình đào tạo bồi dưỡng',
      en: 'Training and professional development history',
      sensitivity: 'personal',
    }),
    nhanSuQuaTrinhNgoaiNgus: canBoFields.list(CanBoNgoaiNgu, {
      symbol: 'NHAN_SU_QUA_TRINH_NGOAI_NGUS',
      vi: 'Danh sách ngoại ngữ',
      en: 'Foreign languages',
      sensitivity: 'personal',
    }),
    nhanSuKhenThuongs: canBoFields.list(CanBoKhenThuong, {
      symbol: 'NHAN_SU_KHEN_THUONGS',
      vi: 'Quá trình khen thưởng',
      en: 'Awards',
      sensitivity: 'personal',
    }),
    nhanSuKyLuats: canBoFields.list(CanBoKyLuat, {
      symbol: 'NHAN_SU_KY_LUATS',
      vi: 'Kỷ luật',
      en: 'Disciplinary measures',
      sensitivity: 'sensitive',
    }),
    ketQuaDanhGia: canBoFields.list(CanBoDanhGiaChuan, {
      symbol: 'KET_QUA_DANH_GIA',
      vi: 'Kết quả đánh giá theo chuẩn nghề nghiệp',
      en: 'Professional standard assessment results',
      sensitivity: 'personal',
    }),
  },
);
/** A staff member record, as {@link CanBo} parses it. */
export type CanBo = z.output<typeof CanBo>;
