import type { CodeSystem } from '../types.ts';

/**
 * `DM_GIOI_TINH`: sex. QĐ 4998 names the catalog (after QCVN 109:2017/BTTTT) but gives no codes;
 * `1` Nam / `2` Nữ follow the convention of CSDL exports and vendor files and are not verified
 * against QCVN 109. Load the template's GIOI_TINH sheet to use the Ministry's own values.
 */
export const DM_GIOI_TINH: CodeSystem = {
  id: 'DM_GIOI_TINH',
  name: { vi: 'Danh mục giới tính', en: 'Sex' },
  source: 'QĐ 4998 §II (QCVN 109:2017/BTTTT)',
  note: 'Codes 1/2 are a convention, not verified against QCVN 109:2017/BTTTT.',
  versions: [
    {
      version: 'eduvn-1',
      source: 'eduvn convention (CSDL exports write Nam/Nữ; files use 1/2)',
      entries: [
        { code: '1', name: 'Nam', nameEn: 'Male' },
        { code: '2', name: 'Nữ', nameEn: 'Female' },
      ],
    },
  ],
};

/**
 * `DM_TRANG_THAI_HOC_SINH`: pupil statuses. The CSDL export's "Trạng thái HS" column has 12
 * values; five are known (domain facts §3) and listed here under eduvn codes — the Ministry's codes
 * are not published. Two states the lifecycle needs and no known value names (on leave, completed
 * primary) are eduvn's own (`attributes.eduvn`). Load the template's catalog sheet for the full
 * list.
 */
export const DM_TRANG_THAI_HOC_SINH: CodeSystem = {
  id: 'DM_TRANG_THAI_HOC_SINH',
  name: { vi: 'Danh mục trạng thái học sinh', en: 'Pupil statuses' },
  source: 'QĐ 4998 §II; values seen in CSDL exports ("Trạng thái HS")',
  note: 'Partial (5 of 12 known values) and eduvn codes: load the Ministry template for the full list.',
  versions: [
    {
      version: 'csdl-export-known',
      source:
        'CSDL export "Trạng thái HS" values known to eduvn (domain facts §3), plus two eduvn states (attributes.eduvn)',
      entries: [
        { code: 'DANG_HOC', name: 'Đang học', nameEn: 'Enrolled' },
        { code: 'CHUYEN_DEN', name: 'Chuyển đến', nameEn: 'Transferred in' },
        { code: 'CHUYEN_DI', name: 'Chuyển đi', nameEn: 'Transferred out' },
        { code: 'THOI_HOC', name: 'Thôi học', nameEn: 'Dropped out' },
        { code: 'HOC_LAI', name: 'Nghỉ học xin học lại', nameEn: 'Studying again after leave' },
        {
          code: 'TAM_NGHI',
          name: 'Tạm nghỉ học',
          nameEn: 'On leave (paused)',
          attributes: { eduvn: true },
        },
        {
          code: 'HOAN_THANH_TIEU_HOC',
          name: 'Hoàn thành chương trình tiểu học',
          nameEn: 'Completed primary school',
          attributes: { eduvn: true },
        },
      ],
    },
  ],
};

/**
 * `DM_TRANG_THAI_CAN_BO`: staff statuses. Only "Đang làm việc" (working) is known from the CSDL
 * staff export; the codes are eduvn's, and the states beyond "working" that the lifecycle needs
 * (transferred, retired, resigned, on leave) are eduvn's own (`attributes.eduvn`). Load the
 * template's catalog sheet for the full list.
 */
export const DM_TRANG_THAI_CAN_BO: CodeSystem = {
  id: 'DM_TRANG_THAI_CAN_BO',
  name: { vi: 'Danh mục trạng thái cán bộ', en: 'Staff statuses' },
  source: 'QĐ 4998 §II; values seen in CSDL exports ("Trạng thái CB")',
  note: 'Partial (one known value) and an eduvn code: load the Ministry template for the full list.',
  versions: [
    {
      version: 'csdl-export-known',
      source:
        'CSDL export "Trạng thái CB" values known to eduvn (vendor formats), plus eduvn states',
      entries: [
        { code: 'DANG_LAM_VIEC', name: 'Đang làm việc', nameEn: 'Working' },
        {
          code: 'CHUYEN_CONG_TAC',
          name: 'Chuyển công tác',
          nameEn: 'Transferred',
          attributes: { eduvn: true },
        },
        { code: 'NGHI_HUU', name: 'Nghỉ hưu', nameEn: 'Retired', attributes: { eduvn: true } },
        { code: 'THOI_VIEC', name: 'Thôi việc', nameEn: 'Resigned', attributes: { eduvn: true } },
        { code: 'TAM_NGHI', name: 'Tạm nghỉ', nameEn: 'On leave', attributes: { eduvn: true } },
      ],
    },
  ],
};

/**
 * `DM_CHUC_DANH_NGHE_NGHIEP_GV_TIEU_HOC`: professional titles of primary teachers (TT 02/2021/
 * TT-BGDĐT): V.07.03.27 hạng I, V.07.03.28 hạng II, V.07.03.29 hạng III. The legacy codes
 * V.07.03.07/.08/.09 appear in historic records (`attributes.legacy`); their correspondence to the
 * new ranks is not encoded.
 */
export const DM_CHUC_DANH_NGHE_NGHIEP_GV_TIEU_HOC: CodeSystem = {
  id: 'DM_CHUC_DANH_NGHE_NGHIEP_GV_TIEU_HOC',
  name: {
    vi: 'Chức danh nghề nghiệp giáo viên tiểu học',
    en: 'Primary teacher professional titles',
  },
  source: 'TT 02/2021/TT-BGDĐT',
  versions: [
    {
      version: 'tt02-2021',
      source: 'TT 02/2021/TT-BGDĐT (legacy codes: historic records)',
      entries: [
        {
          code: 'V.07.03.27',
          name: 'Giáo viên tiểu học hạng I',
          nameEn: 'Primary teacher, rank I',
        },
        {
          code: 'V.07.03.28',
          name: 'Giáo viên tiểu học hạng II',
          nameEn: 'Primary teacher, rank II',
        },
        {
          code: 'V.07.03.29',
          name: 'Giáo viên tiểu học hạng III',
          nameEn: 'Primary teacher, rank III',
        },
        {
          code: 'V.07.03.07',
          name: 'Giáo viên tiểu học (mã cũ V.07.03.07)',
          nameEn: 'Primary teacher (legacy code)',
          attributes: { legacy: true },
        },
        {
          code: 'V.07.03.08',
          name: 'Giáo viên tiểu học (mã cũ V.07.03.08)',
          nameEn: 'Primary teacher (legacy code)',
          attributes: { legacy: true },
        },
        {
          code: 'V.07.03.09',
          name: 'Giáo viên tiểu học (mã cũ V.07.03.09)',
          nameEn: 'Primary teacher (legacy code)',
          attributes: { legacy: true },
        },
      ],
    },
  ],
};
