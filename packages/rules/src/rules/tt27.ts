import type { DanhGiaHocSinh } from '@eduvn/standard';
import type { RecordContext, RecordRule } from '../core/rule.ts';
import { defineRule } from '../core/rule.ts';
import type { InputRecord } from '../core/types.ts';
import {
  COMPLETING_RESULTS,
  classifyYearEnd,
  describeReasons,
  resultRank,
  type Tt27Result,
  type YearEndClassification,
} from '../tt27/classify.ts';
import { readAssessment } from '../tt27/read.ts';
import { type SubjectCatalog, subjectCatalog } from '../tt27/subjects.ts';

// Citations. Art. 9 (the four results) is verified (domain facts §4). The other article numbers
// are **unsure**: Art. 7 for periodic tests follows the bundled catalog's source; Art. 13 for
// rewards follows a secondary source (a legal Q&A page); completion follows from the Art. 9 result.
const ART_7 = 'TT 27/2020 Art. 7';
const ART_9 = 'TT 27/2020 Art. 9';
const ART_13 = 'TT 27/2020 Art. 13';
const ENTITY = 'DanhGiaHocSinh';

/** Reads the record and the subject catalog of the run; `undefined` when the record is unreadable. */
function prepare(
  item: InputRecord,
  ctx: RecordContext,
): { readonly a: DanhGiaHocSinh; readonly subjects: SubjectCatalog } | undefined {
  const a = readAssessment(item.record);
  if (!a) return undefined;
  return { a, subjects: subjectCatalog(ctx.settings.catalogs, ctx.settings.asOf) };
}

/** The record when it is a readable end-of-year (`CN`) assessment. */
function yearEnd(item: InputRecord): DanhGiaHocSinh | undefined {
  const a = readAssessment(item.record);
  return a?.kyDanhGia === 'CN' ? a : undefined;
}

/** Whether the record's reported result (or, without one, its completion flag) completes the grade. */
function completes(a: DanhGiaHocSinh): boolean | undefined {
  if (a.ketQuaCuoiNam !== undefined) return COMPLETING_RESULTS.includes(a.ketQuaCuoiNam);
  return typeof a.hoanThanhChuongTrinhLopHoc === 'boolean'
    ? a.hoanThanhChuongTrinhLopHoc
    : undefined;
}

/**
 * `TT27.SCORE.001` (error): a periodic test score (`diemKtdk`) on a subject, grade and period
 * where the catalog `DM_MON_HOC_TIEU_HOC` places no test — end of semester 1 and end of year for the
 * grade's `testGrades`, mid-semester for its `midTermTestGrades`. Subjects the catalog does not know
 * and subjects not taught in the grade (`TT27.SUBJECT.001`) are left out.
 */
export const scoreWithoutTest: RecordRule = defineRule({
  id: 'TT27.SCORE.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['khoi', 'kyDanhGia', 'monHocs'],
  severity: 'error',
  basis: ART_7,
  message: {
    vi: 'Có điểm kiểm tra định kỳ môn {subject} ở kỳ {period} lớp {grade}, nhưng khối lớp này không kiểm tra định kỳ môn đó ở kỳ này',
    en: 'A periodic test score in {subject} at {period} in grade {grade}, where the grade takes no periodic test in it',
  },
  hint: {
    vi: 'Xoá điểm, hoặc sửa môn học/kỳ đánh giá; môn và kỳ có kiểm tra định kỳ theo danh mục DM_MON_HOC_TIEU_HOC',
    en: 'Remove the score, or correct the subject or period; the catalog DM_MON_HOC_TIEU_HOC says which subjects and periods are tested',
  },
  check(item, ctx) {
    const p = prepare(item, ctx);
    if (!p) return;
    const { a, subjects } = p;
    for (const [i, row] of a.monHocs.entries()) {
      if (row.diemKtdk === undefined || subjects.isTaught(row.maMonHoc, a.khoi) !== true) continue;
      if (subjects.hasTest(row.maMonHoc, a.khoi, a.kyDanhGia) === false) {
        ctx.report({
          field: `monHocs.${i}.diemKtdk`,
          params: { subject: row.maMonHoc, period: a.kyDanhGia, grade: a.khoi },
        });
      }
    }
  },
});

/**
 * `TT27.SCORE.002` (query): a subject the grade is tested in in this period (per the catalog) has
 * no score. The schema already checks that a score is a whole number 0–10; this is what it cannot
 * see. A query, not an error: a pupil may have missed the test (a make-up, an exemption).
 */
export const scoreMissing: RecordRule = defineRule({
  id: 'TT27.SCORE.002',
  entity: ENTITY,
  scope: 'record',
  evidence: ['khoi', 'kyDanhGia', 'monHocs'],
  severity: 'query',
  basis: ART_7,
  message: {
    vi: 'Thiếu điểm kiểm tra định kỳ môn {subject} ở kỳ {period} lớp {grade}',
    en: 'No periodic test score in {subject} at {period} in grade {grade}, where the grade takes a test',
  },
  hint: {
    vi: 'Nhập điểm kiểm tra (số nguyên 0–10), hoặc ghi chú lý do học sinh không kiểm tra',
    en: 'Enter the test score (a whole number 0–10), or acknowledge with the reason the pupil took no test',
  },
  check(item, ctx) {
    const p = prepare(item, ctx);
    if (!p) return;
    const { a, subjects } = p;
    for (const [i, row] of a.monHocs.entries()) {
      if (row.diemKtdk !== undefined || subjects.isTaught(row.maMonHoc, a.khoi) !== true) continue;
      if (subjects.hasTest(row.maMonHoc, a.khoi, a.kyDanhGia) === true) {
        ctx.report({
          field: `monHocs.${i}.diemKtdk`,
          params: { subject: row.maMonHoc, period: a.kyDanhGia, grade: a.khoi },
        });
      }
    }
  },
});

/**
 * `TT27.SUBJECT.001` (query): a subject or activity the catalog `DM_MON_HOC_TIEU_HOC` does not
 * place in the pupil's grade (`grades`), e.g. Khoa học in grade 2. A query: the per-grade placement
 * is unsure (domain facts §4) and a school may follow a pack of its own. Codes the catalog does not
 * know at all are the catalog rules' concern.
 */
export const subjectNotInGrade: RecordRule = defineRule({
  id: 'TT27.SUBJECT.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['khoi', 'monHocs'],
  severity: 'query',
  basis: 'TT 27/2020; GDPT 2018 (TT 32/2018/TT-BGDĐT)',
  message: {
    vi: 'Môn học {subject} không thuộc chương trình lớp {grade}',
    en: 'The subject {subject} is not taught in grade {grade}',
  },
  hint: {
    vi: 'Kiểm tra mã môn học hoặc khối lớp; nếu trường dạy môn này ở khối đó, ghi nhận kèm lý do',
    en: 'Check the subject code or the grade; if the school does teach it in this grade, acknowledge with the reason',
  },
  check(item, ctx) {
    const p = prepare(item, ctx);
    if (!p) return;
    const { a, subjects } = p;
    for (const [i, row] of a.monHocs.entries()) {
      if (subjects.isTaught(row.maMonHoc, a.khoi) === false) {
        ctx.report({
          field: `monHocs.${i}.maMonHoc`,
          params: { subject: row.maMonHoc, grade: a.khoi },
        });
      }
    }
  },
});

const AT_MOST = { vi: 'tối đa', en: 'at most' } as const;

const classified = new WeakMap<
  object,
  { readonly settings: RecordContext['settings']; readonly c: YearEndClassification }
>();

/** The record's classification with the run's settings, computed once for both result rules. */
function classify(a: DanhGiaHocSinh, ctx: RecordContext): YearEndClassification {
  const hit = classified.get(a);
  if (hit && hit.settings === ctx.settings) return hit.c;
  const c = classifyYearEnd(a, {
    thresholds: ctx.settings.tt27,
    catalogs: ctx.settings.catalogs,
    asOf: ctx.settings.asOf,
  });
  classified.set(a, { settings: ctx.settings, c });
  return c;
}

/**
 * `TT27.RESULT.001` (error): the reported end-of-year result (`ketQuaCuoiNam`) is not the one
 * {@link classifyYearEnd} derives from the subject levels, qualities, competencies and end-of-year
 * tests, with the run's thresholds (`settings.tt27`) and catalogs. When components are missing, only
 * a result **above** the best the recorded components allow is reported here (see
 * `TT27.RESULT.002`). HTXS and HTT are verified; the HT threshold and CHT are unsure (configurable).
 */
export const resultContradictsComponents: RecordRule = defineRule({
  id: 'TT27.RESULT.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['khoi', 'kyDanhGia', 'ketQuaCuoiNam', 'monHocs'],
  severity: 'error',
  basis: ART_9,
  message: {
    vi: 'Kết quả cuối năm {reported} không khớp với các thành phần đánh giá ({expectedVi}; {why})',
    en: 'The end-of-year result {reported} does not follow from the components ({expectedEn}; {why})',
  },
  hint: {
    vi: 'Xếp loại lại theo Điều 9 Thông tư 27: môn học, phẩm chất, năng lực và điểm kiểm tra cuối năm; hoặc sửa thành phần bị nhập sai',
    en: 'Classify again under TT27 Art. 9 from the subjects, qualities, competencies and end-of-year tests, or correct the mistyped component',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (!a || a.ketQuaCuoiNam === undefined) return;
    const c = classify(a, ctx);
    const reported = a.ketQuaCuoiNam;
    const wrong = c.complete ? reported !== c.result : resultRank(reported) > resultRank(c.result);
    if (!wrong) return;
    ctx.report({
      field: 'ketQuaCuoiNam',
      params: {
        reported,
        expectedVi: c.complete
          ? `các thành phần cho ${c.result}`
          : `các thành phần cho ${AT_MOST.vi} ${c.result}`,
        expectedEn: c.complete ? `they give ${c.result}` : `they give ${AT_MOST.en} ${c.result}`,
        why: describeReasons(c.reasons),
      },
    });
  },
});

/**
 * `TT27.RESULT.002` (query): an end-of-year record with a result lacks a component the result
 * depends on — a compulsory subject of the grade (catalog `grades` minus `optionalGrades`), or an
 * expected quality or competency (the 5 qualities and 3 general competencies; specific competencies
 * per grade, unsure) — so the result cannot be fully checked. Missing test scores are
 * `TT27.SCORE.002`. Not reported when `TT27.RESULT.001` already is.
 */
export const resultUncheckable: RecordRule = defineRule({
  id: 'TT27.RESULT.002',
  entity: ENTITY,
  scope: 'record',
  evidence: ['khoi', 'kyDanhGia', 'ketQuaCuoiNam', 'monHocs'],
  severity: 'query',
  basis: ART_9,
  message: {
    vi: 'Không kiểm tra được kết quả cuối năm {reported}: thiếu {missing}',
    en: 'The end-of-year result {reported} cannot be checked: missing {missing}',
  },
  hint: {
    vi: 'Nhập mức đạt được còn thiếu, hoặc ghi nhận lý do (ví dụ học sinh được miễn)',
    en: 'Enter the missing levels, or acknowledge with the reason (an exemption, for example)',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (!a || a.ketQuaCuoiNam === undefined) return;
    const c = classify(a, ctx);
    if (resultRank(a.ketQuaCuoiNam) > resultRank(c.result)) return; // TT27.RESULT.001
    // A quality or competency the source layout has no column for is not a gap of this record.
    const gaps = c.missing.filter((m) => m.kind !== 'test' && ctx.carries(m.field));
    if (gaps.length === 0) return;
    ctx.report({
      field: gaps[0]?.field ?? 'monHocs',
      params: {
        reported: a.ketQuaCuoiNam,
        missing: gaps.map((m) => m.code ?? m.field).join(', '),
      },
    });
  },
});

/**
 * `TT27.COMPLETION.001` (error): `hoanThanhChuongTrinhLopHoc` disagrees with the reported result:
 * a pupil completes the grade exactly when the result is HTXS, HTT or HT (V). Checked when both
 * are recorded; an absent flag is a completeness matter, not a contradiction.
 */
export const completionContradictsResult: RecordRule = defineRule({
  id: 'TT27.COMPLETION.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['kyDanhGia', 'ketQuaCuoiNam', 'hoanThanhChuongTrinhLopHoc'],
  severity: 'error',
  basis: ART_9,
  message: {
    vi: 'Hoàn thành chương trình lớp học = {value} không khớp với kết quả cuối năm {result}',
    en: 'Completed the grade = {value} contradicts the end-of-year result {result}',
  },
  hint: {
    vi: 'Học sinh hoàn thành chương trình lớp học khi và chỉ khi kết quả là HTXS, HTT hoặc HT',
    en: 'A pupil completes the grade exactly when the result is HTXS, HTT or HT',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (!a || a.ketQuaCuoiNam === undefined) return;
    const value = a.hoanThanhChuongTrinhLopHoc;
    if (typeof value !== 'boolean') return;
    if (value !== COMPLETING_RESULTS.includes(a.ketQuaCuoiNam)) {
      ctx.report({
        field: 'hoanThanhChuongTrinhLopHoc',
        params: { value: String(value), result: a.ketQuaCuoiNam },
      });
    }
  },
});

/**
 * `TT27.PROMOTION.001` (error): a pupil who completes the grade (result HTXS/HTT/HT, or without a
 * result `hoanThanhChuongTrinhLopHoc` true) has `lenLop` false. For a pupil who does not complete
 * the grade, promotion is the principal's decision (an input, never derived): no rule.
 */
export const completerNotPromoted: RecordRule = defineRule({
  id: 'TT27.PROMOTION.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['kyDanhGia', 'lenLop'],
  severity: 'error',
  basis: ART_9,
  message: {
    vi: 'Học sinh hoàn thành chương trình lớp học nhưng Lên lớp = false',
    en: 'The pupil completed the grade but is not promoted (lenLop false)',
  },
  hint: {
    vi: 'Học sinh hoàn thành chương trình lớp học được lên lớp; sửa Lên lớp hoặc kết quả cuối năm',
    en: 'A pupil who completes the grade is promoted: correct lenLop or the result',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (!a) return;
    if (a.lenLop === false && completes(a) === true) ctx.report({ field: 'lenLop' });
  },
});

/**
 * `TT27.PRIMARY.001` (error): in grade 5, `hoanThanhChuongTrinhTieuHoc` disagrees with completing
 * the grade: grade-5 completers (result HTXS/HTT/HT) complete primary school, the others do not (V).
 * Checked when the flag is recorded.
 */
export const primaryCompletionContradicts: RecordRule = defineRule({
  id: 'TT27.PRIMARY.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['khoi', 'kyDanhGia', 'hoanThanhChuongTrinhTieuHoc'],
  severity: 'error',
  basis: ART_9,
  message: {
    vi: 'Hoàn thành chương trình tiểu học = {value} không khớp với việc hoàn thành lớp 5 ({completes})',
    en: 'Completed primary school = {value} contradicts completing grade 5 ({completes})',
  },
  hint: {
    vi: 'Học sinh lớp 5 hoàn thành chương trình lớp học thì hoàn thành chương trình tiểu học, và ngược lại',
    en: 'A grade-5 pupil completes primary school exactly when completing grade 5',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (a?.khoi !== 5) return;
    const value = a.hoanThanhChuongTrinhTieuHoc;
    const done = completes(a);
    if (typeof value !== 'boolean' || done === undefined || value === done) return;
    ctx.report({
      field: 'hoanThanhChuongTrinhTieuHoc',
      params: { value: String(value), completes: String(done) },
    });
  },
});

/**
 * `TT27.PRIMARY.002` (error): an end-of-year record of grades 1–4 with `hoanThanhChuongTrinhTieuHoc`
 * true: only grade 5 completes primary school. (On other periods the field is `TT27.PERIOD.001`.)
 */
export const primaryCompletionBeforeGrade5: RecordRule = defineRule({
  id: 'TT27.PRIMARY.002',
  entity: ENTITY,
  scope: 'record',
  evidence: ['khoi', 'kyDanhGia', 'hoanThanhChuongTrinhTieuHoc'],
  severity: 'error',
  basis: ART_9,
  message: {
    vi: 'Học sinh lớp {grade} được ghi Hoàn thành chương trình tiểu học',
    en: 'A grade-{grade} pupil is recorded as having completed primary school',
  },
  hint: {
    vi: 'Chỉ học sinh lớp 5 hoàn thành chương trình lớp học mới hoàn thành chương trình tiểu học',
    en: 'Only grade-5 pupils who complete the grade complete primary school',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (!a || a.khoi === 5 || a.hoanThanhChuongTrinhTieuHoc !== true) return;
    ctx.report({ field: 'hoanThanhChuongTrinhTieuHoc', params: { grade: a.khoi } });
  },
});

const AWARD_NEEDS: Readonly<Record<NonNullable<DanhGiaHocSinh['khenThuong']>, Tt27Result>> = {
  HS_XUAT_SAC: 'HTXS',
  HS_TIEU_BIEU: 'HTT',
};

/**
 * `TT27.REWARD.001` (error): an award without the result it needs: `HS_XUAT_SAC` ("Học sinh Xuất
 * sắc") needs HTXS; `HS_TIEU_BIEU` ("Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn
 * luyện") needs HTT (plus a class recognition, an input no record holds) (V; article unsure).
 */
export const rewardWithoutResult: RecordRule = defineRule({
  id: 'TT27.REWARD.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['kyDanhGia', 'ketQuaCuoiNam', 'khenThuong'],
  severity: 'error',
  basis: ART_13,
  message: {
    vi: 'Danh hiệu {award} cần kết quả cuối năm {needed}, nhưng kết quả là {result}',
    en: 'The award {award} needs the end-of-year result {needed}, but the result is {result}',
  },
  hint: {
    vi: '"Học sinh Xuất sắc" dành cho học sinh HTXS, "Học sinh Tiêu biểu" cho học sinh HTT được tập thể lớp công nhận',
    en: '"Học sinh Xuất sắc" is for HTXS pupils, "Học sinh Tiêu biểu" for HTT pupils recognized by their class',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (!a || a.khenThuong === undefined) return;
    const needed = AWARD_NEEDS[a.khenThuong];
    if (needed === undefined || a.ketQuaCuoiNam === needed) return;
    ctx.report({
      field: 'khenThuong',
      params: { award: a.khenThuong, needed, result: a.ketQuaCuoiNam ?? '—' },
    });
  },
});

/**
 * `TT27.REWARD.002` (query): an HTXS pupil without an award: the principal awards "Học sinh Xuất
 * sắc" to HTXS pupils (V; article unsure). A query: the award may be recorded elsewhere.
 */
export const excellentWithoutReward: RecordRule = defineRule({
  id: 'TT27.REWARD.002',
  entity: ENTITY,
  scope: 'record',
  evidence: ['kyDanhGia', 'ketQuaCuoiNam', 'khenThuong'],
  severity: 'query',
  basis: ART_13,
  message: {
    vi: 'Học sinh đạt Hoàn thành xuất sắc nhưng chưa ghi danh hiệu Học sinh Xuất sắc',
    en: 'The pupil completed with excellence (HTXS) but has no "Học sinh Xuất sắc" award recorded',
  },
  hint: {
    vi: 'Ghi danh hiệu HS_XUAT_SAC, hoặc ghi nhận lý do',
    en: 'Record the award HS_XUAT_SAC, or acknowledge with the reason',
  },
  check(item, ctx) {
    const a = yearEnd(item);
    if (a?.ketQuaCuoiNam !== 'HTXS' || a.khenThuong !== undefined) return;
    ctx.report({ field: 'khenThuong' });
  },
});

const YEAR_END_FIELDS = [
  'ketQuaCuoiNam',
  'hoanThanhChuongTrinhLopHoc',
  'lenLop',
  'hoanThanhChuongTrinhTieuHoc',
  'khenThuong',
] as const satisfies readonly (keyof DanhGiaHocSinh)[];

const SYMBOLS: Readonly<Record<(typeof YEAR_END_FIELDS)[number], string>> = {
  ketQuaCuoiNam: 'KET_QUA_CUOI_NAM',
  hoanThanhChuongTrinhLopHoc: 'HOAN_THANH_CHUONG_TRINH_LOP_HOC',
  lenLop: 'LEN_LOP',
  hoanThanhChuongTrinhTieuHoc: 'HOAN_THANH_CHUONG_TRINH_TIEU_HOC',
  khenThuong: 'KHEN_THUONG',
};

/**
 * `TT27.PERIOD.001` (error): a year-end field — the result `ketQuaCuoiNam`, and the decisions that
 * follow from it (`hoanThanhChuongTrinhLopHoc`, `lenLop`, `hoanThanhChuongTrinhTieuHoc`,
 * `khenThuong`) — on a record of another period than the end of the year (`CN`). One issue per
 * field.
 */
export const yearEndFieldOutsideCn: RecordRule = defineRule({
  id: 'TT27.PERIOD.001',
  entity: ENTITY,
  scope: 'record',
  evidence: ['kyDanhGia'],
  severity: 'error',
  basis: ART_9,
  message: {
    vi: 'Trường {symbol} chỉ có ở kỳ cuối năm (CN), nhưng bản ghi thuộc kỳ {period}',
    en: 'The field {field} belongs to the end of the year (CN), but the record is of period {period}',
  },
  hint: {
    vi: 'Xoá giá trị khỏi kỳ này, hoặc sửa kỳ đánh giá thành CN',
    en: 'Remove the value from this period, or correct the period to CN',
  },
  check(item, ctx) {
    const a = readAssessment(item.record);
    if (!a || a.kyDanhGia === 'CN') return;
    for (const field of YEAR_END_FIELDS) {
      if (a[field] !== undefined) {
        ctx.report({ field, params: { field, symbol: SYMBOLS[field], period: a.kyDanhGia } });
      }
    }
  },
});

/**
 * The TT27 rules (Thông tư 27/2020/TT-BGDĐT, assessing primary pupils) over `DanhGiaHocSinh`:
 * test placement and missing scores, subjects per grade, the end-of-year result against
 * {@link classifyYearEnd}, completion, promotion, primary completion, rewards, and year-end fields
 * only at `CN`. Subjects and tests come from `settings.catalogs` (`DM_MON_HOC_TIEU_HOC`), thresholds
 * from `settings.tt27`. Records whose TT27 fields are malformed are skipped (the schema rule
 * reports them).
 */
export const tt27Rules: readonly RecordRule[] = [
  scoreWithoutTest,
  scoreMissing,
  subjectNotInGrade,
  resultContradictsComponents,
  resultUncheckable,
  completionContradictsResult,
  completerNotPromoted,
  primaryCompletionContradicts,
  primaryCompletionBeforeGrade5,
  rewardWithoutResult,
  excellentWithoutReward,
  yearEndFieldOutsideCn,
];
