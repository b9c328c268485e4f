import { columnLetter } from '@eduvn/adapter-kit';

/**
 * The KQHT layout versions this package knows:
 *
 * - `'kqht-c1-tt27-2020-k12'`: grades 1–2, the Ministry's template
 *   `FlieMau-KQHT-C1-CN-Khoi12-TT27_2020.xls` as a school developer described it (35 columns A–AI,
 *   three merged header rows);
 * - `'kqht-c1-tt27-k345-best-known'`: grades 3–5, the best known model (the template was not
 *   seen): the grade 1–2 layout plus the specific competencies `Công nghệ` and `Tin học`, the
 *   subjects `Lịch sử và Địa lí` and `Khoa học`, `Điểm KTĐK` under every tested subject, and the
 *   ID column headed `Mã định danh Bộ GD&ĐT`.
 */
export type KqhtLayoutId = 'kqht-c1-tt27-2020-k12' | 'kqht-c1-tt27-k345-best-known';

/** The grade 1–2 layout's id. */
export const KQHT_LAYOUT_K12 = 'kqht-c1-tt27-2020-k12' satisfies KqhtLayoutId;

/** The grade 3–5 layout's id. */
export const KQHT_LAYOUT_K345 = 'kqht-c1-tt27-k345-best-known' satisfies KqhtLayoutId;

/** A quality or competency field of `DanhGiaHocSinh` (levels T/Đ/C). */
export type KqhtTraitField =
  | 'nlTuChuTuHoc'
  | 'nlGiaoTiepHopTac'
  | 'nlGiaiQuyetVanDeSangTao'
  | 'nlNgonNgu'
  | 'nlTinhToan'
  | 'nlKhoaHoc'
  | 'nlCongNghe'
  | 'nlTinHoc'
  | 'nlThamMi'
  | 'nlTheChat'
  | 'pcYeuNuoc'
  | 'pcNhanAi'
  | 'pcChamChi'
  | 'pcTrungThuc'
  | 'pcTrachNhiem';

/** Every competency and quality field, in `DanhGiaHocSinh`'s order. */
export const KQHT_TRAIT_FIELDS: readonly KqhtTraitField[] = Object.freeze([
  'nlTuChuTuHoc',
  'nlGiaoTiepHopTac',
  'nlGiaiQuyetVanDeSangTao',
  'nlNgonNgu',
  'nlTinhToan',
  'nlKhoaHoc',
  'nlCongNghe',
  'nlTinHoc',
  'nlThamMi',
  'nlTheChat',
  'pcYeuNuoc',
  'pcNhanAi',
  'pcChamChi',
  'pcTrungThuc',
  'pcTrachNhiem',
]);

/**
 * What a KQHT column holds:
 *
 * - `'stt'`, `'maLop'`, `'hocSinhId'`, `'hoTen'`, `'ngaySinh'`: the pupil columns (the name and
 *   birth date are not fields of `DanhGiaHocSinh`: the writer takes them from its `pupils`
 *   option, the reader checks nothing in them);
 * - `'mucDat:TOAN'`, `'diemKtdk:TOAN'`: a subject's level (T/H/C) or periodic test score, by its
 *   `DM_MON_HOC_TIEU_HOC` code — rows of `monHocs`;
 * - a {@link KqhtTraitField}: a competency or quality (T/Đ/C);
 * - `'hoanThanhChuongTrinhLopHoc'`, `'lenLop'`: `x` or blank; `'ketQuaCuoiNam'`: HTXS/HTT/HT/CHT;
 * - `'blank'`: the template's last column, left empty.
 */
export type KqhtValue =
  | 'stt'
  | 'maLop'
  | 'hocSinhId'
  | 'hoTen'
  | 'ngaySinh'
  | `mucDat:${string}`
  | `diemKtdk:${string}`
  | KqhtTraitField
  | 'hoanThanhChuongTrinhLopHoc'
  | 'lenLop'
  | 'ketQuaCuoiNam'
  | 'blank';

/** One column of a KQHT layout. */
export interface KqhtColumn {
  /** The column letters (`'F'`). */
  readonly letter: string;
  /**
   * The header texts over the column, top to bottom, as merged cells show them
   * (`['Môn học và hoạt động giáo dục', 'Toán', 'Mức đạt được']`); empty for the blank column.
   */
  readonly header: readonly string[];
  /** What the column holds. */
  readonly value: KqhtValue;
}

/** A subject or activity of a KQHT layout. */
export interface KqhtSubject {
  /** Its `DM_MON_HOC_TIEU_HOC` code (`'TOAN'`). */
  readonly code: string;
  /** Its header in row 2, as the template writes it. */
  readonly header: string;
  /** Other headers files use for it (read only). */
  readonly aliases: readonly string[];
  /** Whether it has a `Điểm KTĐK` column beside its `Mức đạt được`. */
  readonly test: boolean;
}

/** A competency or quality of a KQHT layout. */
export interface KqhtTrait {
  /** Its field. */
  readonly field: KqhtTraitField;
  /** Its header, as the template writes it. */
  readonly header: string;
  /** Other headers files use for it (read only). */
  readonly aliases: readonly string[];
  /** Its name also names a subject (`Khoa học`, `Tin học`): it is found under its group only. */
  readonly sharedName?: boolean;
}

/** A KQHT import layout: its columns, its three header rows and their merged ranges. */
export interface KqhtLayout {
  /** The layout version. */
  readonly id: KqhtLayoutId;
  /** A human name. */
  readonly label: string;
  /** What the layout is based on. */
  readonly basis: string;
  /** The grades it is for. */
  readonly grades: readonly number[];
  /** The ID column's header as written, then the other headers read as it. */
  readonly idHeaders: readonly [string, ...string[]];
  /** The subjects and activities, left to right. */
  readonly subjects: readonly KqhtSubject[];
  /** The general competencies (`Năng lực chung`). */
  readonly generalCompetencies: readonly KqhtTrait[];
  /** The specific competencies (`Năng lực đặc thù`). */
  readonly specificCompetencies: readonly KqhtTrait[];
  /** The qualities (`Phẩm chất chủ yếu`). */
  readonly qualities: readonly KqhtTrait[];
  /** Every column, A first. */
  readonly columns: readonly KqhtColumn[];
  /** The three header rows as written (a merged range's text in its top-left cell). */
  readonly headerRows: readonly (readonly (string | null)[])[];
  /** The header's merged ranges (`'F1:R1'`). */
  readonly merges: readonly string[];
}

/** Header texts of the template. */
export const KQHT_HEADERS = Object.freeze({
  /** Row 1 over the subjects (F:R in grades 1–2). */
  subjects: 'Môn học và hoạt động giáo dục',
  /** Row 1 over the competencies (S:Z in grades 1–2). */
  competencies: 'Năng lực cốt lõi',
  /** Row 2 over the general competencies. */
  general: 'Năng lực chung',
  /** Row 2 over the specific competencies. */
  specific: 'Năng lực đặc thù',
  /** Row 1 over the qualities (AA:AE in grades 1–2). */
  qualities: 'Phẩm chất chủ yếu',
  /** Row 3 under a subject: its level (T/H/C). */
  level: 'Mức đạt được',
  /** Row 3 under a tested subject: its periodic test score. */
  test: 'Điểm KTĐK',
  /** The completion column (`x` or blank), with the template's line break. */
  completed: 'Hoàn thành\nchương trình lớp học',
  /** The promotion column (`x` or blank). */
  promoted: 'Lên lớp',
  /** The end-of-year result column (HTXS/HTT/HT/CHT). */
  result: 'Xếp loại',
});

const subject = (
  code: string,
  header: string,
  test: boolean,
  aliases: readonly string[] = [],
): KqhtSubject => ({ code, header, aliases, test });

const trait = (
  field: KqhtTraitField,
  header: string,
  aliases: readonly string[] = [],
  sharedName = false,
): KqhtTrait => (sharedName ? { field, header, aliases, sharedName } : { field, header, aliases });

const ARTS = {
  music: ['Âm nhạc'],
  fineArts: ['Nghệ thuật (Mỹ thuật)', 'Mĩ thuật', 'Mỹ thuật'],
} as const;

const GENERAL: readonly KqhtTrait[] = [
  trait('nlTuChuTuHoc', 'Tự chủ và tự học'),
  trait('nlGiaoTiepHopTac', 'Giao tiếp và hợp tác'),
  trait('nlGiaiQuyetVanDeSangTao', 'Giải quyết vấn đề và sáng tạo'),
];

const QUALITIES: readonly KqhtTrait[] = [
  trait('pcYeuNuoc', 'Yêu nước'),
  trait('pcNhanAi', 'Nhân ái'),
  trait('pcChamChi', 'Chăm chỉ'),
  trait('pcTrungThuc', 'Trung thực'),
  trait('pcTrachNhiem', 'Trách nhiệm'),
];

/** Builds the columns, header rows and merges of a layout from its parts. */
function build(parts: Omit<KqhtLayout, 'columns' | 'headerRows' | 'merges'>): KqhtLayout {
  const H = KQHT_HEADERS;
  const rows: (string | null)[][] = [[], [], []];
  const columns: KqhtColumn[] = [];
  const merges: string[] = [];
  let c = 0;
  const at = (row: number, col: number, text: string): void => {
    (rows[row] as (string | null)[])[col] = text;
  };
  const merge = (r1: number, c1: number, r2: number, c2: number): void => {
    if (r1 !== r2 || c1 !== c2) {
      merges.push(`${columnLetter(c1)}${r1 + 1}:${columnLetter(c2)}${r2 + 1}`);
    }
  };
  const add = (header: readonly string[], value: KqhtValue): void => {
    columns.push({ letter: columnLetter(c), header, value });
    c++;
  };
  const fixed: [string, KqhtValue][] = [
    ['STT', 'stt'],
    ['Mã lớp', 'maLop'],
    [parts.idHeaders[0], 'hocSinhId'],
    ['Họ tên', 'hoTen'],
    ['Ngày sinh', 'ngaySinh'],
  ];
  for (const [text, value] of fixed) {
    at(0, c, text);
    merge(0, c, 2, c);
    add([text], value);
  }
  let start = c;
  at(0, c, H.subjects);
  for (const s of parts.subjects) {
    at(1, c, s.header);
    at(2, c, H.level);
    if (s.test) {
      at(2, c + 1, H.test);
      merge(1, c, 1, c + 1);
      add([H.subjects, s.header, H.level], `mucDat:${s.code}`);
      add([H.subjects, s.header, H.test], `diemKtdk:${s.code}`);
    } else {
      add([H.subjects, s.header, H.level], `mucDat:${s.code}`);
    }
  }
  merge(0, start, 0, c - 1);
  start = c;
  at(0, c, H.competencies);
  for (const [group, traits] of [
    [H.general, parts.generalCompetencies],
    [H.specific, parts.specificCompetencies],
  ] as const) {
    const groupStart = c;
    at(1, c, group);
    for (const t of traits) {
      at(2, c, t.header);
      add([H.competencies, group, t.header], t.field);
    }
    merge(1, groupStart, 1, c - 1);
  }
  merge(0, start, 0, c - 1);
  start = c;
  at(0, c, H.qualities);
  for (const t of parts.qualities) {
    at(1, c, t.header);
    merge(1, c, 2, c);
    add([H.qualities, t.header], t.field);
  }
  merge(0, start, 0, c - 1);
  for (const [text, value] of [
    [H.completed, 'hoanThanhChuongTrinhLopHoc'],
    [H.promoted, 'lenLop'],
    [H.result, 'ketQuaCuoiNam'],
  ] as const) {
    at(0, c, text);
    merge(0, c, 2, c);
    add([text], value);
  }
  add([], 'blank');
  const width = c;
  const headerRows = rows.map((row) =>
    Object.freeze(Array.from({ length: width }, (_, i) => row[i] ?? null)),
  );
  return Object.freeze({
    ...parts,
    columns: Object.freeze(columns.map((col) => Object.freeze(col))),
    headerRows: Object.freeze(headerRows),
    merges: Object.freeze(merges),
  });
}

/** The grade 1–2 layout: 35 columns A–AI, as the template is described. */
const K12 = build({
  id: KQHT_LAYOUT_K12,
  label: 'KQHT TT27, grades 1–2 (FlieMau-KQHT-C1-CN-Khoi12-TT27_2020)',
  basis:
    "The national database's KQHT import template for grades 1–2 (FlieMau-KQHT-C1-CN-Khoi12-TT27_2020.xls) as a school developer reverse-engineered it: 35 columns A–AI under three merged header rows; not the Ministry's text.",
  grades: [1, 2],
  idHeaders: ['Mã học sinh', 'Mã HS'],
  subjects: [
    subject('TOAN', 'Toán', true),
    subject('TIENG_VIET', 'Tiếng việt', true),
    subject('DAO_DUC', 'Đạo đức', false),
    subject('TU_NHIEN_XA_HOI', 'Tự nhiên và xã hội', false),
    subject('NGOAI_NGU_1', 'Ngoại ngữ', false, ['Ngoại ngữ 1']),
    subject('TIENG_DAN_TOC', 'Tiếng dân tộc', false),
    subject('TIN_HOC_CONG_NGHE', 'TH-CN (Tin học)', false, ['Tin học và Công nghệ']),
    subject('AM_NHAC', 'Nghệ thuật (Âm nhạc)', false, ARTS.music),
    subject('MI_THUAT', 'Nghệ thuật (Mĩ thuật)', false, ARTS.fineArts),
    subject('HOAT_DONG_TRAI_NGHIEM', 'Hoạt động trải nghiệm', false),
    subject('GIAO_DUC_THE_CHAT', 'Giáo dục thể chất', false),
  ],
  generalCompetencies: GENERAL,
  specificCompetencies: [
    trait('nlNgonNgu', 'Ngôn ngữ'),
    trait('nlTinhToan', 'Tính toán'),
    trait('nlKhoaHoc', 'Khoa học', [], true),
    trait('nlThamMi', 'Thẩm mĩ', ['Thẩm mỹ']),
    trait('nlTheChat', 'Thể chất'),
  ],
  qualities: QUALITIES,
});

/** The grade 3–5 layout, best known: 43 columns A–AQ. */
const K345 = build({
  id: KQHT_LAYOUT_K345,
  label: 'KQHT TT27, grades 3–5 (best known model)',
  basis:
    "A model of the national database's KQHT import for grades 3–5, which was not seen: the grade 1–2 template plus what a school developer reported for grades 3–5 (specific competencies Công nghệ and Tin học, Điểm KTĐK under more subjects, the ID column headed 'Mã định danh Bộ GD&ĐT'); subjects of grades 3–5 from GDPT 2018.",
  grades: [3, 4, 5],
  idHeaders: ['Mã định danh\nBộ GD&ĐT', 'Mã học sinh', 'Mã HS'],
  subjects: [
    subject('TOAN', 'Toán', true),
    subject('TIENG_VIET', 'Tiếng việt', true),
    subject('DAO_DUC', 'Đạo đức', false),
    subject('TU_NHIEN_XA_HOI', 'Tự nhiên và xã hội', false),
    subject('LICH_SU_DIA_LI', 'Lịch sử và Địa lí', true, ['Lịch sử và Địa lý', 'Lịch sử - Địa lí']),
    subject('KHOA_HOC', 'Khoa học', true),
    subject('NGOAI_NGU_1', 'Ngoại ngữ', true, ['Ngoại ngữ 1']),
    subject('TIENG_DAN_TOC', 'Tiếng dân tộc', false),
    subject('TIN_HOC_CONG_NGHE', 'Tin học và Công nghệ', true, ['TH-CN (Tin học)', 'TH-CN']),
    subject('AM_NHAC', 'Nghệ thuật (Âm nhạc)', false, ARTS.music),
    subject('MI_THUAT', 'Nghệ thuật (Mĩ thuật)', false, ARTS.fineArts),
    subject('HOAT_DONG_TRAI_NGHIEM', 'Hoạt động trải nghiệm', false),
    subject('GIAO_DUC_THE_CHAT', 'Giáo dục thể chất', false),
  ],
  generalCompetencies: GENERAL,
  specificCompetencies: [
    trait('nlNgonNgu', 'Ngôn ngữ'),
    trait('nlTinhToan', 'Tính toán'),
    trait('nlKhoaHoc', 'Khoa học', [], true),
    trait('nlCongNghe', 'Công nghệ', [], true),
    trait('nlTinHoc', 'Tin học', [], true),
    trait('nlThamMi', 'Thẩm mĩ', ['Thẩm mỹ']),
    trait('nlTheChat', 'Thể chất'),
  ],
  qualities: QUALITIES,
});

/** Every KQHT layout by id. */
export const KQHT_LAYOUTS: Readonly<Record<KqhtLayoutId, KqhtLayout>> = Object.freeze({
  [KQHT_LAYOUT_K12]: K12,
  [KQHT_LAYOUT_K345]: K345,
});

/** The layout of a grade: grades 1–2 → {@link KQHT_LAYOUT_K12}, grades 3–5 → {@link KQHT_LAYOUT_K345}. */
export function kqhtLayoutForGrade(khoi: number): KqhtLayout {
  return khoi <= 2 ? K12 : K345;
}

/** The competency and quality fields of a layout, left to right. */
export function traitsOf(layout: KqhtLayout): readonly KqhtTrait[] {
  return [...layout.generalCompetencies, ...layout.specificCompetencies, ...layout.qualities];
}
