import type { ConvertOptions, ValueKind } from './value-kind.ts';

/**
 * Headers that files are known to use for one field, with how to read the column when the
 * field's type alone does not say (a personal ID is a 12-digit code, not text).
 */
export interface HeaderAlias {
  /** The entity (`'HocSinh'`). */
  readonly entity: string;
  /** The field's canonical name. */
  readonly field: string;
  /** Header texts, or paths through multi-row headers (upper row first). */
  readonly headers: readonly (string | readonly string[])[];
  /** How to read the column, when not the field's usual kind (see {@link defaultKind}). */
  readonly kind?: ValueKind;
  /** Converter options, such as the width of all-digit codes to restore leading zeros. */
  readonly options?: ConvertOptions;
}

type Entries = Readonly<Record<string, Omit<HeaderAlias, 'entity' | 'field'>>>;

/**
 * Pupils (`HocSinh`): the national database's "C1-HocSinh" export, the student-update template,
 * K12Online's account sheet (`(*)` markers are ignored by matching), MISA EMIS, and common
 * variants. Administrative codes are padded to their fixed widths (province 2, district 3, commune
 * 5 digits); ethnicity codes of DM_DAN_TOC have 2 digits; the personal ID has 12.
 */
const HOC_SINH: Entries = {
  thuTu: { headers: ['STT', 'TT', 'Số thứ tự'] },
  truongId: { headers: ['Mã trường'] },
  maKhoi: { headers: ['Khối', 'Mã khối', 'Khối lớp'], kind: 'code' },
  maLop: { headers: ['Mã lớp', 'Lớp', 'Tên lớp'], kind: 'code' },
  hocSinhId: {
    headers: [
      'Mã học sinh',
      'Mã HS',
      'Mã số học sinh',
      'Mã định danh Bộ GD&ĐT',
      'Mã định danh Bộ GD&ĐT (trên CSDL ngành)',
      'Mã định danh học sinh',
      'Mã CSDL',
    ],
  },
  hoTen: {
    headers: ['Họ tên', 'Họ và tên', 'Họ và tên học sinh', 'Họ tên học sinh', 'Tên học sinh'],
  },
  ngaySinh: { headers: ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh'] },
  maGioiTinh: { headers: ['Giới tính', 'Giới', 'Mã giới tính'] },
  maTrangThaiHienTai: {
    headers: ['Trạng thái HS', 'Trạng thái học sinh', 'Trạng thái', 'Tình trạng học sinh'],
  },
  maDanToc: { headers: ['Dân tộc', 'Mã dân tộc'], options: { pad: 2 } },
  danTocTheoGiayKhaiSinh: {
    headers: ['Dân tộc theo giấy khai sinh', 'Dân tộc theo khai sinh'],
  },
  maLoaiKhuyetTat: { headers: ['Loại khuyết tật', 'Khuyết tật', 'Dạng khuyết tật'] },
  maCongDanId: {
    headers: [
      'Số định danh cá nhân',
      'Số ĐDCN',
      'Mã định danh cá nhân',
      'Mã định danh công dân',
      'Số CCCD',
      'CCCD',
      'Số căn cước',
      'Số căn cước công dân',
      'Căn cước công dân',
      'Số CCCD/ĐDCN',
    ],
    kind: 'code',
    options: { pad: 12 },
  },
  quocTichId: { headers: ['Quốc tịch'] },
  tinhThanhId: {
    headers: [
      'Tỉnh',
      'Tỉnh/Thành phố',
      'Tỉnh/TP',
      'Tỉnh thành',
      'Tỉnh/Thành phố (Theo địa chỉ thường trú)',
      'Tỉnh/Thành phố thường trú',
    ],
    options: { pad: 2 },
  },
  quanHuyenId: {
    headers: ['Huyện', 'Quận/Huyện', 'Quận/Huyện (Theo địa chỉ thường trú)'],
    options: { pad: 3 },
  },
  xaPhuongId: {
    headers: [
      'Xã',
      'Xã/Phường',
      'Phường/Xã',
      'Xã/Phường/Thị trấn',
      'Xã/Phường (Theo địa chỉ thường trú)',
    ],
    options: { pad: 5 },
  },
  noiSinh: { headers: ['Nơi sinh'] },
  dienThoaiLienHe: {
    headers: [
      'Điện thoại liên hệ',
      'Số điện thoại',
      'Điện thoại',
      'SĐT',
      'SĐT liên hệ',
      'Số điện thoại liên hệ',
      'Điện thoại phụ huynh',
      'SĐT phụ huynh',
    ],
    kind: 'code',
  },
  tenCha: {
    headers: [
      'Họ tên cha',
      'Họ và tên cha',
      'Tên cha',
      'Họ tên bố',
      'Họ và tên bố',
      ['Cha', 'Họ tên'],
      ['Cha', 'Họ và tên'],
      ['Thông tin cha', 'Họ tên'],
      ['Thông tin cha', 'Họ và tên'],
    ],
  },
  namSinhCha: {
    headers: [
      'Năm sinh cha',
      'Năm sinh của cha',
      'Năm sinh bố',
      ['Cha', 'Năm sinh'],
      ['Thông tin cha', 'Năm sinh'],
    ],
  },
  ngheNghiepCha: {
    headers: [
      'Nghề nghiệp cha',
      'Nghề nghiệp của cha',
      'Nghề nghiệp bố',
      ['Cha', 'Nghề nghiệp'],
      ['Thông tin cha', 'Nghề nghiệp'],
    ],
  },
  tenMe: {
    headers: [
      'Họ tên mẹ',
      'Họ và tên mẹ',
      'Tên mẹ',
      ['Mẹ', 'Họ tên'],
      ['Mẹ', 'Họ và tên'],
      ['Thông tin mẹ', 'Họ tên'],
      ['Thông tin mẹ', 'Họ và tên'],
    ],
  },
  namSinhMe: {
    headers: ['Năm sinh mẹ', 'Năm sinh của mẹ', ['Mẹ', 'Năm sinh'], ['Thông tin mẹ', 'Năm sinh']],
  },
  ngheNghiepMe: {
    headers: [
      'Nghề nghiệp mẹ',
      'Nghề nghiệp của mẹ',
      ['Mẹ', 'Nghề nghiệp'],
      ['Thông tin mẹ', 'Nghề nghiệp'],
    ],
  },
  tenNguoiDd: {
    headers: [
      'Họ và tên người giám hộ',
      'Họ tên người giám hộ',
      'Người giám hộ',
      'Tên người giám hộ',
      'Họ tên người đỡ đầu',
      'Tên người đỡ đầu',
    ],
  },
  namSinhNguoiDoDau: {
    headers: ['Năm sinh người giám hộ', 'Năm sinh của người giám hộ', 'Năm sinh người đỡ đầu'],
  },
  ngheNghiepNguoiDd: {
    headers: ['Nghề nghiệp người giám hộ', 'Nghề nghiệp người đỡ đầu'],
  },
  chieuCao: { headers: ['Chiều cao', 'Chiều cao (cm)'] },
  canNang: { headers: ['Cân nặng', 'Cân nặng (kg)'] },
  nhomMau: { headers: ['Nhóm máu'] },
  bietBoi: { headers: ['Biết bơi'] },
  maKhuVuc: { headers: ['Khu vực'] },
  maDienChinhSach: { headers: ['Diện chính sách', 'Đối tượng chính sách'] },
  isDoiVien: { headers: ['Đội viên', 'Là đội viên'] },
  isHoNgheo: { headers: ['Hộ nghèo', 'Thuộc hộ nghèo'] },
  isHoc2Buoi: { headers: ['Học 2 buổi/ngày', 'Học 2 buổi'] },
  isLuuBanNamTruoc: { headers: ['Lưu ban năm trước', 'Lưu ban'] },
};

/** TT27 results (`DanhGiaHocSinh`): the national database's KQHT import template. */
const DANH_GIA_HOC_SINH: Entries = {
  maLop: { headers: ['Mã lớp', 'Lớp'], kind: 'code' },
  hocSinhId: {
    headers: ['Mã học sinh', 'Mã HS', 'Mã định danh Bộ GD&ĐT', 'Mã định danh học sinh'],
  },
  nlTuChuTuHoc: { headers: ['Tự chủ và tự học', ['Năng lực chung', 'Tự chủ và tự học']] },
  nlGiaoTiepHopTac: {
    headers: ['Giao tiếp và hợp tác', ['Năng lực chung', 'Giao tiếp và hợp tác']],
  },
  nlGiaiQuyetVanDeSangTao: {
    headers: ['Giải quyết vấn đề và sáng tạo', ['Năng lực chung', 'Giải quyết vấn đề và sáng tạo']],
  },
  nlNgonNgu: { headers: [['Năng lực đặc thù', 'Ngôn ngữ'], 'Ngôn ngữ'] },
  nlTinhToan: { headers: [['Năng lực đặc thù', 'Tính toán'], 'Tính toán'] },
  nlKhoaHoc: { headers: [['Năng lực đặc thù', 'Khoa học']] },
  nlCongNghe: { headers: [['Năng lực đặc thù', 'Công nghệ'], 'Công nghệ'] },
  nlTinHoc: { headers: [['Năng lực đặc thù', 'Tin học']] },
  nlThamMi: { headers: [['Năng lực đặc thù', 'Thẩm mĩ'], 'Thẩm mĩ', 'Thẩm mỹ'] },
  nlTheChat: { headers: [['Năng lực đặc thù', 'Thể chất'], 'Thể chất'] },
  pcYeuNuoc: { headers: ['Yêu nước', ['Yêu nước', 'Mức đạt được']] },
  pcNhanAi: { headers: ['Nhân ái', ['Nhân ái', 'Mức đạt được']] },
  pcChamChi: { headers: ['Chăm chỉ', ['Chăm chỉ', 'Mức đạt được']] },
  pcTrungThuc: { headers: ['Trung thực', ['Trung thực', 'Mức đạt được']] },
  pcTrachNhiem: { headers: ['Trách nhiệm', ['Trách nhiệm', 'Mức đạt được']] },
  hoanThanhChuongTrinhLopHoc: {
    headers: ['Hoàn thành chương trình lớp học', 'Hoàn thành CT lớp học'],
  },
  lenLop: { headers: ['Lên lớp', 'Được lên lớp'] },
  hoanThanhChuongTrinhTieuHoc: { headers: ['Hoàn thành chương trình tiểu học'] },
  ketQuaCuoiNam: { headers: ['Xếp loại', 'Kết quả cuối năm', 'Kết quả giáo dục'] },
  khenThuong: { headers: ['Khen thưởng', 'Danh hiệu khen thưởng'] },
  nhanXet: { headers: ['Nhận xét'] },
};

/** Staff (`CanBo`): the national database's "CSDL_GiaoVien" export and common variants. */
const CAN_BO: Entries = {
  giaoVienId: { headers: ['Mã giáo viên', 'Mã cán bộ', 'Mã GV', 'Mã CB'] },
  hoTen: { headers: ['Họ tên', 'Họ và tên', 'Họ tên cán bộ', 'Họ và tên giáo viên'] },
  ngaySinh: { headers: ['Ngày sinh'] },
  maGioiTinh: { headers: ['Giới tính'] },
  email: { headers: ['Email', 'E-mail', 'Thư điện tử'] },
  maTrangThaiCanBo: { headers: ['Trạng thái CB', 'Trạng thái cán bộ', 'Trạng thái'] },
  maMonDay: { headers: ['Môn dạy', 'Môn giảng dạy'] },
  diDong: {
    headers: ['Số di động', 'Điện thoại di động', 'Số điện thoại', 'Điện thoại'],
    kind: 'code',
  },
  soCmtnd: {
    headers: ['Số CMND/CCCD', 'Số CCCD', 'Số CMTND', 'Số CMND', 'Số định danh cá nhân'],
    kind: 'code',
  },
  maDanToc: { headers: ['Dân tộc'], options: { pad: 2 } },
  maTonGiao: { headers: ['Tôn giáo'] },
  queQuan: { headers: ['Quê quán'] },
  ngayTuyenDung: { headers: ['Ngày tuyển dụng'] },
  soSoBhxh: { headers: ['Số sổ BHXH', 'Số BHXH'], kind: 'code' },
};

function flatten(entity: string, entries: Entries): HeaderAlias[] {
  return Object.entries(entries).map(([field, entry]) => ({ entity, field, ...entry }));
}

/**
 * The alias dictionary: headers real files use for the standard's fields, per entity — the
 * national database's exports and import templates, vendors' templates (K12Online, MISA EMIS,
 * SMAS) and common variants, as listed in the reference on vendor formats. Used by
 * {@link inferMapping}; a mapping may reuse an entry's headers in {@link column}.
 */
export const HEADER_ALIASES: readonly HeaderAlias[] = Object.freeze([
  ...flatten('HocSinh', HOC_SINH),
  ...flatten('DanhGiaHocSinh', DANH_GIA_HOC_SINH),
  ...flatten('CanBo', CAN_BO),
]);

/**
 * The alias entries of one entity's fields.
 *
 * @param entity - the entity's name (`'HocSinh'`)
 */
export function aliasesOf(entity: string): readonly HeaderAlias[] {
  return HEADER_ALIASES.filter((a) => a.entity === entity);
}
