import type { CodeSystem } from '../types.ts';

const TT27 = 'TT 27/2020/TT-BGDĐT';

/** `DM_MUC_DAT_MON_HOC`: a subject's or activity's level (TT 27/2020 Art. 6): T / H / C. */
export const DM_MUC_DAT_MON_HOC: CodeSystem = {
  id: 'DM_MUC_DAT_MON_HOC',
  name: { vi: 'Mức đạt được môn học, hoạt động giáo dục', en: 'Subject and activity levels' },
  source: `${TT27} Art. 6`,
  versions: [
    {
      version: 'tt27-2020',
      source: TT27,
      entries: [
        { code: 'T', name: 'Hoàn thành tốt', nameEn: 'Completed well' },
        { code: 'H', name: 'Hoàn thành', nameEn: 'Completed' },
        { code: 'C', name: 'Chưa hoàn thành', nameEn: 'Not yet completed' },
      ],
    },
  ],
};

/**
 * `DM_MUC_DAT_PHAM_CHAT_NANG_LUC`: a quality's or competency's level (TT 27/2020 Art. 6): T / Đ / C.
 * The levels are verified; their exact wording is unsure (domain facts §4).
 */
export const DM_MUC_DAT_PHAM_CHAT_NANG_LUC: CodeSystem = {
  id: 'DM_MUC_DAT_PHAM_CHAT_NANG_LUC',
  name: { vi: 'Mức đạt được phẩm chất, năng lực', en: 'Quality and competency levels' },
  source: `${TT27} Art. 6`,
  note: 'Exact wording of the level names is unverified.',
  versions: [
    {
      version: 'tt27-2020',
      source: TT27,
      entries: [
        { code: 'T', name: 'Tốt', nameEn: 'Good' },
        { code: 'Đ', name: 'Đạt', nameEn: 'Satisfactory' },
        { code: 'C', name: 'Cần cố gắng', nameEn: 'Needs effort' },
      ],
    },
  ],
};

/** `DM_KET_QUA_GIAO_DUC`: the end-of-year result (TT 27/2020 Art. 9): HTXS / HTT / HT / CHT. */
export const DM_KET_QUA_GIAO_DUC: CodeSystem = {
  id: 'DM_KET_QUA_GIAO_DUC',
  name: { vi: 'Kết quả giáo dục cuối năm', en: 'End-of-year results' },
  source: `${TT27} Art. 9`,
  versions: [
    {
      version: 'tt27-2020',
      source: TT27,
      entries: [
        { code: 'HTXS', name: 'Hoàn thành xuất sắc', nameEn: 'Completed with excellence' },
        { code: 'HTT', name: 'Hoàn thành tốt', nameEn: 'Completed well' },
        { code: 'HT', name: 'Hoàn thành', nameEn: 'Completed' },
        { code: 'CHT', name: 'Chưa hoàn thành', nameEn: 'Not yet completed' },
      ],
    },
  ],
};

/** `DM_KY_DANH_GIA`: the four assessment periods of a school year (TT 27/2020). */
export const DM_KY_DANH_GIA: CodeSystem = {
  id: 'DM_KY_DANH_GIA',
  name: { vi: 'Kỳ đánh giá', en: 'Assessment periods' },
  source: TT27,
  versions: [
    {
      version: 'tt27-2020',
      source: TT27,
      entries: [
        { code: 'GK1', name: 'Giữa học kỳ I', nameEn: 'Mid-semester 1' },
        { code: 'CK1', name: 'Cuối học kỳ I', nameEn: 'End of semester 1' },
        { code: 'GK2', name: 'Giữa học kỳ II', nameEn: 'Mid-semester 2' },
        { code: 'CN', name: 'Cuối năm học', nameEn: 'End of year' },
      ],
    },
  ],
};

/**
 * `DM_MON_HOC_TIEU_HOC`: the primary subjects and activities of the 2018 general-education
 * programme (GDPT 2018), with the grades that study them (`grades`) and the grades that take
 * periodic tests in them (`testGrades`, end of semester 1 and end of year; grades 4–5 also at
 * mid-semester in Tiếng Việt and Toán).
 *
 * The per-grade placement is **unsure** (domain facts §4: grades 1–2 test Tiếng Việt and Toán;
 * grade 3 adds Ngoại ngữ 1 and Tin học và Công nghệ; grades 4–5 add Lịch sử và Địa lí and Khoa
 * học, the latter itself unsure): it is data, so a pack can replace this version. The codes are
 * eduvn's; the Ministry's subject codes (DM_MON_HOC) are not published.
 */
export const DM_MON_HOC_TIEU_HOC: CodeSystem = {
  id: 'DM_MON_HOC_TIEU_HOC',
  name: { vi: 'Môn học và hoạt động giáo dục tiểu học', en: 'Primary subjects and activities' },
  source: 'Chương trình giáo dục phổ thông 2018 (TT 32/2018/TT-BGDĐT); TT 27/2020/TT-BGDĐT Art. 7',
  note: 'eduvn codes. Grades per subject and test grades are unverified (domain facts §4): replace this version with a pack where they differ.',
  versions: [
    {
      version: 'gdpt-2018',
      source: 'eduvn, from domain facts §4',
      note: 'grades and testGrades are unverified.',
      entries: [
        {
          code: 'TIENG_VIET',
          name: 'Tiếng Việt',
          nameEn: 'Vietnamese',
          attributes: {
            grades: ['1', '2', '3', '4', '5'],
            testGrades: ['1', '2', '3', '4', '5'],
            midTermTestGrades: ['4', '5'],
          },
        },
        {
          code: 'TOAN',
          name: 'Toán',
          nameEn: 'Mathematics',
          attributes: {
            grades: ['1', '2', '3', '4', '5'],
            testGrades: ['1', '2', '3', '4', '5'],
            midTermTestGrades: ['4', '5'],
          },
        },
        {
          code: 'NGOAI_NGU_1',
          name: 'Ngoại ngữ 1',
          nameEn: 'Foreign language 1',
          attributes: {
            grades: ['1', '2', '3', '4', '5'],
            testGrades: ['3', '4', '5'],
            optionalGrades: ['1', '2'],
          },
        },
        {
          code: 'DAO_DUC',
          name: 'Đạo đức',
          nameEn: 'Ethics',
          attributes: { grades: ['1', '2', '3', '4', '5'], testGrades: [] },
        },
        {
          code: 'TU_NHIEN_XA_HOI',
          name: 'Tự nhiên và Xã hội',
          nameEn: 'Nature and society',
          attributes: { grades: ['1', '2', '3'], testGrades: [] },
        },
        {
          code: 'LICH_SU_DIA_LI',
          name: 'Lịch sử và Địa lí',
          nameEn: 'History and geography',
          attributes: { grades: ['4', '5'], testGrades: ['4', '5'] },
        },
        {
          code: 'KHOA_HOC',
          name: 'Khoa học',
          nameEn: 'Science',
          attributes: { grades: ['4', '5'], testGrades: ['4', '5'] },
        },
        {
          code: 'TIN_HOC_CONG_NGHE',
          name: 'Tin học và Công nghệ',
          nameEn: 'Informatics and technology',
          attributes: { grades: ['3', '4', '5'], testGrades: ['3', '4', '5'] },
        },
        {
          code: 'GIAO_DUC_THE_CHAT',
          name: 'Giáo dục thể chất',
          nameEn: 'Physical education',
          attributes: { grades: ['1', '2', '3', '4', '5'], testGrades: [] },
        },
        {
          code: 'AM_NHAC',
          name: 'Nghệ thuật (Âm nhạc)',
          nameEn: 'Arts (music)',
          attributes: { grades: ['1', '2', '3', '4', '5'], testGrades: [] },
        },
        {
          code: 'MI_THUAT',
          name: 'Nghệ thuật (Mĩ thuật)',
          nameEn: 'Arts (fine arts)',
          attributes: { grades: ['1', '2', '3', '4', '5'], testGrades: [] },
        },
        {
          code: 'HOAT_DONG_TRAI_NGHIEM',
          name: 'Hoạt động trải nghiệm',
          nameEn: 'Experiential activities',
          attributes: { grades: ['1', '2', '3', '4', '5'], testGrades: [] },
        },
        {
          code: 'TIENG_DAN_TOC',
          name: 'Tiếng dân tộc thiểu số',
          nameEn: 'Ethnic-minority language',
          attributes: {
            grades: ['1', '2', '3', '4', '5'],
            testGrades: [],
            optionalGrades: ['1', '2', '3', '4', '5'],
          },
        },
      ],
    },
  ],
};
