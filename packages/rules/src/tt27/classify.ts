import type { Catalogs, DanhGiaHocSinh } from '@eduvn/standard';
import { DEFAULT_TT27_THRESHOLDS } from '../core/settings.ts';
import type { Tt27Thresholds } from '../core/types.ts';
import { subjectCatalog } from './subjects.ts';
import {
  DEFAULT_EXPECTED_SPECIFIC_COMPETENCIES,
  type ExpectedSpecificCompetencies,
  GENERAL_COMPETENCY_FIELDS,
  QUALITY_FIELDS,
  TRAIT_FIELDS,
  type TraitField,
  traitKind,
} from './traits.ts';

/**
 * A TT27 end-of-year result (TT 27/2020 Art. 9): `'HTXS'` Hoàn thành xuất sắc, `'HTT'` Hoàn thành
 * tốt, `'HT'` Hoàn thành, `'CHT'` Chưa hoàn thành.
 */
export type Tt27Result = 'HTXS' | 'HTT' | 'HT' | 'CHT';

/** A result a component can fall short of (every pupil meets CHT). */
export type Tt27PassingResult = Exclude<Tt27Result, 'CHT'>;

/** The results from best to worst. */
export const TT27_RESULTS: readonly Tt27Result[] = Object.freeze(['HTXS', 'HTT', 'HT', 'CHT']);

/** The results that complete the grade (hoàn thành chương trình lớp học): HTXS, HTT, HT (V). */
export const COMPLETING_RESULTS: readonly Tt27Result[] = Object.freeze(['HTXS', 'HTT', 'HT']);

/** The rank of a result: HTXS 3, HTT 2, HT 1, CHT 0 (higher is better). */
export function resultRank(result: Tt27Result): number {
  return 3 - TT27_RESULTS.indexOf(result);
}

/**
 * One component of the record that keeps the result below some level: a subject or activity not
 * `T`, a quality or competency not `T`, or an end-of-year test below a threshold.
 */
export interface Tt27Reason {
  /** What the component is. */
  readonly kind: 'subject' | 'quality' | 'competency' | 'test';
  /** Its path in the record: `'monHocs.2.mucDat'`, `'monHocs.0.diemKtdk'`, `'pcNhanAi'`. */
  readonly field: string;
  /** The subject's code, for subjects and tests. */
  readonly code?: string;
  /** The level (`'H'`, `'Đ'`, `'C'`) or the score. */
  readonly value: string | number;
  /** The results this component alone rules out, best first (never empty). */
  readonly excludes: readonly Tt27PassingResult[];
}

/** A component the end-of-year result needs that the record does not hold. */
export interface Tt27Missing {
  /**
   * `'subject'`: a subject the grade learns and that is not optional in it (catalog `grades`
   * minus `optionalGrades`) has no row; `'test'`: a row of a subject the catalog tests at the end
   * of the year in this grade has no score; `'quality'` / `'competency'`: a level expected in this
   * grade is absent (the 5 qualities and 3 general competencies always; specific competencies per
   * `expectedSpecificCompetencies`).
   */
  readonly kind: 'subject' | 'test' | 'quality' | 'competency';
  /** Its path: `'monHocs'` for a missing subject, `'monHocs.3.diemKtdk'`, `'nlTinHoc'`. */
  readonly field: string;
  /** The subject's code, for subjects and tests. */
  readonly code?: string;
}

/** What {@link classifyYearEnd} found. */
export interface YearEndClassification {
  /**
   * The result the components give under TT 27/2020 Art. 9. When components are missing
   * (`complete` false) it is the **best** result the recorded components allow: a missing level or
   * score can only lower it, so any reported result at or below it may be right.
   */
  readonly result: Tt27Result;
  /**
   * Every recorded component that rules out a result above CHT, with the results it rules out, in
   * record order (subjects and their tests, then competencies and qualities). Empty for HTXS.
   */
  readonly reasons: readonly Tt27Reason[];
  /** The components the result needs that the record does not hold. */
  readonly missing: readonly Tt27Missing[];
  /** Whether nothing is missing, so that `result` is the result, not only an upper bound. */
  readonly complete: boolean;
}

/** Options of {@link classifyYearEnd}. */
export interface ClassifyYearEndOptions {
  /**
   * The test-score thresholds (default {@link DEFAULT_TT27_THRESHOLDS}: HTXS 9 and HTT 7
   * verified, HT 5 unsure). A score meets a threshold when it is at least the threshold.
   */
  readonly thresholds?: Partial<Tt27Thresholds>;
  /**
   * The catalogs whose `DM_MON_HOC_TIEU_HOC` says which subject the grade learns and tests at the
   * end of the year (default: the bundled catalogs).
   */
  readonly catalogs?: Catalogs;
  /** The day whose catalog version applies (default: the current version). */
  readonly asOf?: string;
  /**
   * The specific competencies expected per grade, used only to list missing levels (default
   * {@link DEFAULT_EXPECTED_SPECIFIC_COMPETENCIES}, unsure for grades 3–5).
   */
  readonly expectedSpecificCompetencies?: ExpectedSpecificCompetencies;
}

const ABOVE_HT: readonly Tt27PassingResult[] = Object.freeze(['HTXS', 'HTT']);
const ALL: readonly Tt27PassingResult[] = Object.freeze(['HTXS', 'HTT', 'HT']);

function checkThresholds(t: Tt27Thresholds): void {
  for (const [name, value] of Object.entries(t)) {
    if (!(typeof value === 'number' && value >= 0 && value <= 10)) {
      throw new RangeError(
        `classifyYearEnd: thresholds.${name} must be a score from 0 to 10, got ${String(value)}`,
      );
    }
  }
}

/**
 * Classifies an end-of-year (`kyDanhGia` `'CN'`) TT27 assessment into its result, **independently**
 * of the record's own `ketQuaCuoiNam` (TT 27/2020 Art. 9; domain facts §4):
 *
 * - **HTXS** (V): every subject and educational activity `T`; every quality and competency `T`;
 *   every end-of-year test ≥ `excellentMinScore` (9, V);
 * - **HTT** (V): not HTXS; every subject `T`; every quality and competency `T`; every end-of-year
 *   test ≥ `goodMinScore` (7, V);
 * - **HT** (U): not the above; subjects `T` or `H`; qualities and competencies `T` or `Đ`; every
 *   end-of-year test ≥ `passMinScore` (5, **unsure**: configurable);
 * - **CHT** (U): everyone else.
 *
 * The result is the first of HTXS, HTT, HT that no component rules out; `reasons` lists each
 * component and what it rules out. Which subjects exist in the grade and which have an end-of-year
 * test is read from the catalog `DM_MON_HOC_TIEU_HOC` (`grades`, `optionalGrades`, `testGrades`),
 * never hard-coded. Scores count only on subjects the catalog tests at the end of the year in this
 * grade (a stray score elsewhere is a data error reported by rule `TT27.SCORE.001`, not a test) or
 * on subjects the catalog does not know. Missing components (a compulsory subject, a tested
 * subject's score, an expected quality or competency) are listed in `missing`; the result then is
 * the best the recorded components allow.
 *
 * Throws a `RangeError` for a record of another period (a result exists only at the end of the
 * year), a grade outside 1–5, or a threshold outside 0–10.
 *
 * @example
 * ```ts
 * const { result, reasons } = classifyYearEnd(cnRecord);
 * // result 'HT', reasons [{ kind: 'subject', field: 'monHocs.4.mucDat', code: 'AM_NHAC', value: 'H', excludes: ['HTXS', 'HTT'] }]
 * ```
 */
export function classifyYearEnd(
  assessment: DanhGiaHocSinh,
  options: ClassifyYearEndOptions = {},
): YearEndClassification {
  if (assessment.kyDanhGia !== 'CN') {
    throw new RangeError(
      `classifyYearEnd: only an end-of-year (CN) assessment has a result, got kyDanhGia ${JSON.stringify(assessment.kyDanhGia)}`,
    );
  }
  const grade = assessment.khoi;
  if (!(grade === 1 || grade === 2 || grade === 3 || grade === 4 || grade === 5)) {
    throw new RangeError(`classifyYearEnd: khoi must be a grade 1–5, got ${JSON.stringify(grade)}`);
  }
  const t: Tt27Thresholds = { ...DEFAULT_TT27_THRESHOLDS, ...options.thresholds };
  checkThresholds(t);
  const subjects = subjectCatalog(options.catalogs, options.asOf);
  const reasons: Tt27Reason[] = [];
  const missing: Tt27Missing[] = [];

  const present = new Set<string>();
  for (const [i, row] of assessment.monHocs.entries()) {
    const code = row.maMonHoc;
    present.add(code);
    if (row.mucDat !== 'T') {
      reasons.push({
        kind: 'subject',
        field: `monHocs.${i}.mucDat`,
        code,
        value: row.mucDat,
        excludes: row.mucDat === 'H' ? ABOVE_HT : ALL,
      });
    }
    const tested = subjects.hasTest(code, grade, 'CN');
    const score = row.diemKtdk;
    if (score === undefined) {
      if (tested === true) missing.push({ kind: 'test', field: `monHocs.${i}.diemKtdk`, code });
    } else if (tested !== false) {
      const excludes: Tt27PassingResult[] = [];
      if (!(score >= t.excellentMinScore)) excludes.push('HTXS');
      if (!(score >= t.goodMinScore)) excludes.push('HTT');
      if (!(score >= t.passMinScore)) excludes.push('HT');
      if (excludes.length > 0) {
        reasons.push({
          kind: 'test',
          field: `monHocs.${i}.diemKtdk`,
          code,
          value: score,
          excludes,
        });
      }
    }
  }
  for (const code of subjects.compulsory(grade)) {
    if (!present.has(code)) missing.push({ kind: 'subject', field: 'monHocs', code });
  }

  const expected = new Set<TraitField>([
    ...GENERAL_COMPETENCY_FIELDS,
    ...(options.expectedSpecificCompetencies ?? DEFAULT_EXPECTED_SPECIFIC_COMPETENCIES)[grade],
    ...QUALITY_FIELDS,
  ]);
  for (const field of TRAIT_FIELDS) {
    const value = assessment[field];
    const kind = traitKind(field);
    if (value === undefined) {
      if (expected.has(field)) missing.push({ kind, field });
    } else if (value !== 'T') {
      reasons.push({ kind, field, value, excludes: value === 'Đ' ? ABOVE_HT : ALL });
    }
  }

  const result: Tt27Result =
    ALL.find((level) => reasons.every((r) => !r.excludes.includes(level))) ?? 'CHT';
  return { result, reasons, missing, complete: missing.length === 0 };
}

/**
 * A short, language-neutral account of reasons for messages: `'AM_NHAC H; pcNhanAi Đ; TOAN test 6'`
 * (at most `limit` items, then `…`). Only codes, levels and scores: nothing personal beyond them.
 */
export function describeReasons(reasons: readonly Tt27Reason[], limit = 4): string {
  const items = reasons.map((r) =>
    r.kind === 'test'
      ? `${r.code ?? '?'} ${r.value}/10`
      : `${r.kind === 'subject' ? (r.code ?? '?') : r.field} ${r.value}`,
  );
  if (items.length === 0) return '—';
  return items.length > limit ? `${items.slice(0, limit).join('; ')}; …` : items.join('; ');
}
