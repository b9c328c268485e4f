/**
 * One subject or educational activity as SMAS exports name it: the standard's code (catalog
 * `DM_MON_HOC_TIEU_HOC`) and the header texts that name it.
 */
export interface SmasSubject {
  /** The code of `DanhGiaMonHoc.maMonHoc` (`'TOAN'`). */
  readonly code: string;
  /** The header texts that name it, the first canonical (the one the writer uses). */
  readonly names: readonly string[];
  /**
   * Whether the layout has a periodic-test score column for it (`Điểm KTĐK`): the subjects TT27
   * tests (Tiếng Việt, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học, Tin học và Công nghệ).
   */
  readonly tested: boolean;
}

/**
 * The subjects and activities the adapter recognises, in the order of the catalog
 * `DM_MON_HOC_TIEU_HOC` (the order of `monHocs` in the records it reads). Header matching ignores
 * case, diacritics, tone style, NFC/NFD, line breaks and punctuation, so `Tiếng việt`,
 * `TIẾNG VIỆT` and `Tiếng\nViệt` are all `Tiếng Việt`.
 *
 * `Tin học` alone is read as the subject Tin học và Công nghệ; the competency of the same name
 * must sit under a `Năng lực…` header or be written `NL Tin học` (the same holds for `Khoa học`).
 */
export const SMAS_SUBJECTS: readonly SmasSubject[] = Object.freeze(
  [
    { code: 'TIENG_VIET', names: ['Tiếng Việt', 'TV'], tested: true },
    { code: 'TOAN', names: ['Toán'], tested: true },
    {
      code: 'NGOAI_NGU_1',
      names: ['Ngoại ngữ 1', 'Ngoại ngữ', 'Tiếng Anh', 'NN1'],
      tested: true,
    },
    { code: 'DAO_DUC', names: ['Đạo đức'], tested: false },
    {
      code: 'TU_NHIEN_XA_HOI',
      names: ['Tự nhiên và Xã hội', 'Tự nhiên - Xã hội', 'TNXH', 'TN&XH'],
      tested: false,
    },
    {
      code: 'LICH_SU_DIA_LI',
      names: ['Lịch sử và Địa lí', 'Lịch sử và Địa lý', 'Lịch sử - Địa lí', 'LS&ĐL'],
      tested: true,
    },
    { code: 'KHOA_HOC', names: ['Khoa học'], tested: true },
    {
      code: 'TIN_HOC_CONG_NGHE',
      names: ['Tin học và Công nghệ', 'Tin học - Công nghệ', 'TH-CN', 'TH-CN (Tin học)', 'Tin học'],
      tested: true,
    },
    {
      code: 'GIAO_DUC_THE_CHAT',
      names: ['Giáo dục thể chất', 'GDTC', 'Thể dục'],
      tested: false,
    },
    { code: 'AM_NHAC', names: ['Nghệ thuật (Âm nhạc)', 'Âm nhạc'], tested: false },
    {
      code: 'MI_THUAT',
      names: ['Nghệ thuật (Mĩ thuật)', 'Nghệ thuật (Mỹ thuật)', 'Mĩ thuật', 'Mỹ thuật'],
      tested: false,
    },
    {
      code: 'HOAT_DONG_TRAI_NGHIEM',
      names: ['Hoạt động trải nghiệm', 'HĐ trải nghiệm', 'HĐTN'],
      tested: false,
    },
    {
      code: 'TIENG_DAN_TOC',
      names: ['Tiếng dân tộc', 'Tiếng dân tộc thiểu số', 'Tiếng DTTS'],
      tested: false,
    },
  ].map((s) => Object.freeze({ ...s, names: Object.freeze(s.names) })),
);

/**
 * The sub-headers of a subject's level column, under the subject's name (`Toán › Mức đạt được`)
 * or after it in one cell (`Toán - Mức đạt được`). The first is canonical.
 */
export const LEVEL_HEADERS: readonly string[] = Object.freeze(['Mức đạt được', 'Mức đạt', 'Mức']);

/**
 * The sub-headers of a subject's periodic-test score column, under the subject's name
 * (`Toán › Điểm KTĐK`) or after it in one cell (`Toán - Điểm`). The first is canonical.
 */
export const SCORE_HEADERS: readonly string[] = Object.freeze([
  'Điểm KTĐK',
  'Điểm KT',
  'Điểm',
  'KTĐK',
  'Điểm kiểm tra định kỳ',
]);

/**
 * Headers over the subject block in files with a header of three rows (`Môn học và hoạt động giáo
 * dục › Toán › Mức đạt được`): a column under one of them that the adapter does not know is
 * reported as an unknown subject.
 */
export const SUBJECT_GROUP_HEADERS: readonly string[] = Object.freeze([
  'Môn học và hoạt động giáo dục',
  'Môn học và HĐGD',
  'Môn học',
  'Các môn học và hoạt động giáo dục',
]);

/** The extras name of a subject's level column, for the mapping (`'TOAN_mucDat'`). */
export const levelExtra = (code: string): string => `${code}_mucDat`;

/** The extras name of a subject's score column, for the mapping (`'TOAN_diemKtdk'`). */
export const scoreExtra = (code: string): string => `${code}_diemKtdk`;
