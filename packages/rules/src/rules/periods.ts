import { classOf, recordKeyOf } from '../core/keys.ts';
import {
  type DatasetContext,
  type DatasetRule,
  defineRule,
  type RecordContext,
  type RecordRule,
  type Rule,
} from '../core/rule.ts';
import type { Finding, InputRecord, ReportingPeriod, RuleSettings } from '../core/types.ts';
import { isActivePupil } from '../lifecycle/active.ts';

/** The record a dataset rule reports on. */
type Target = NonNullable<Finding['target']>;

function targetOf(item: InputRecord): Target {
  const classCode = classOf(item);
  return {
    entity: item.entity,
    recordKey: recordKeyOf(item),
    ...(item.provenance === undefined ? {} : { provenance: item.provenance }),
    ...(classCode === undefined ? {} : { classCode }),
  };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

const BASIS = 'seed regulation Art. 9 cl. 2';

/** The assessment period (`kyDanhGia`) of each assessment reporting period. */
export const ASSESSMENT_PERIOD_CODES: Readonly<Partial<Record<ReportingPeriod, string>>> =
  Object.freeze({
    GK1: 'GK1',
    CK1: 'CK1',
    GK2: 'GK2',
    'year-end': 'CN',
  });

const ASSESSMENT_PERIODS: readonly ReportingPeriod[] = ['GK1', 'CK1', 'GK2', 'year-end'];

const PERIOD_NAMES: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  GK1: { vi: 'giữa học kỳ I', en: 'mid-semester 1' },
  CK1: { vi: 'cuối học kỳ I', en: 'end of semester 1' },
  GK2: { vi: 'giữa học kỳ II', en: 'mid-semester 2' },
  CN: { vi: 'cuối năm học', en: 'end of year' },
};

/** The `kyDanhGia` of the period being checked, or `undefined` outside assessment periods. */
const kyOf = (settings: RuleSettings): string | undefined =>
  settings.period === undefined ? undefined : ASSESSMENT_PERIOD_CODES[settings.period];

/** Whether an assessment record belongs to the period and school year being checked. */
function inPeriod(record: Readonly<Record<string, unknown>>, settings: RuleSettings): boolean {
  const ky = kyOf(settings);
  return ky !== undefined && record['kyDanhGia'] === ky && record['namHoc'] === settings.schoolYear;
}

const periodParams = (settings: RuleSettings): Record<string, string> => {
  const names = PERIOD_NAMES[kyOf(settings) ?? ''] ?? { vi: '?', en: '?' };
  return { periodVi: names.vi, periodEn: names.en, schoolYear: settings.schoolYear };
};

/** `PERIOD.PUPIL.001` (start of year): an active pupil without a class (`maLop`). */
export const pupilWithoutClass: RecordRule = defineRule({
  id: 'PERIOD.PUPIL.001',
  entity: 'HocSinh',
  scope: 'record',
  evidence: ['maLop'],
  severity: 'error',
  basis: BASIS,
  periods: ['start-of-year'],
  message: {
    vi: 'Học sinh đang học chưa được xếp lớp (mã lớp trống)',
    en: 'An active pupil has no class (the class code is empty)',
  },
  hint: {
    vi: 'Xếp lớp cho học sinh trước khi báo cáo đầu năm học',
    en: 'Assign the pupil to a class before the start-of-year report',
  },
  check(item: InputRecord, ctx: RecordContext) {
    if (isActivePupil(item.record) && text(item.record['maLop']) === undefined)
      ctx.report({ field: 'maLop' });
  },
});

/** `PERIOD.CLASS.001` (start of year): a class without a homeroom teacher (`giaoVienId`). */
export const classWithoutTeacher: RecordRule = defineRule({
  id: 'PERIOD.CLASS.001',
  entity: 'Lop',
  scope: 'record',
  evidence: ['giaoVienId'],
  severity: 'error',
  basis: BASIS,
  periods: ['start-of-year'],
  message: {
    vi: 'Lớp chưa có giáo viên chủ nhiệm',
    en: 'The class has no homeroom teacher',
  },
  hint: {
    vi: 'Phân công giáo viên chủ nhiệm (mã giáo viên) cho lớp trước khi báo cáo đầu năm học',
    en: 'Assign a homeroom teacher (teacher code) to the class before the start-of-year report',
  },
  check(item: InputRecord, ctx: RecordContext) {
    if (text(item.record['giaoVienId']) === undefined) ctx.report({ field: 'giaoVienId' });
  },
});

/** `PERIOD.CLASS.002` (start of year): a class without a site (`diemTruongId`). */
export const classWithoutSite: RecordRule = defineRule({
  id: 'PERIOD.CLASS.002',
  entity: 'Lop',
  scope: 'record',
  evidence: ['diemTruongId'],
  severity: 'error',
  basis: BASIS,
  periods: ['start-of-year'],
  message: {
    vi: 'Lớp chưa gắn với điểm trường nào',
    en: 'The class belongs to no school site',
  },
  hint: {
    vi: 'Ghi mã điểm trường nơi lớp học trước khi báo cáo đầu năm học',
    en: 'Record the code of the site where the class meets before the start-of-year report',
  },
  check(item: InputRecord, ctx: RecordContext) {
    if (text(item.record['diemTruongId']) === undefined) ctx.report({ field: 'diemTruongId' });
  },
});

interface MissingAssessmentState {
  /** Pupils with an assessment of the period and school year. */
  readonly assessed: Set<string>;
  /** Active pupils not assessed when met. */
  readonly pupils: { readonly id: string; readonly target: Target }[];
}

/**
 * `PERIOD.ASSESS.001` (GK1, CK1, GK2, year end): an active pupil without an assessment
 * (`DanhGiaHocSinh`) of the period (`kyDanhGia` GK1 / CK1 / GK2 / CN) and of the school year
 * (`settings.schoolYear`). A completeness check of the whole dataset: unlike the reference rules
 * (`DQ.REF.*`) it does not wait for assessments to appear in the input — pupils given without
 * their assessments are reported, since the data are then incomplete for the period.
 */
export const assessmentMissing: DatasetRule = defineRule<DatasetRule<MissingAssessmentState>>({
  id: 'PERIOD.ASSESS.001',
  entity: ['HocSinh', 'DanhGiaHocSinh'],
  scope: 'dataset',
  evidence: { HocSinh: ['hocSinhId'], DanhGiaHocSinh: ['hocSinhId', 'kyDanhGia', 'namHoc'] },
  severity: 'error',
  basis: `${BASIS}; TT 27/2020/TT-BGDĐT`,
  periods: ASSESSMENT_PERIODS,
  message: {
    vi: 'Học sinh đang học chưa có kết quả đánh giá {periodVi} năm học {schoolYear}',
    en: 'An active pupil has no assessment for the {periodEn} of school year {schoolYear}',
  },
  hint: {
    vi: 'Nhập kết quả đánh giá {periodVi} cho học sinh trước khi báo cáo',
    en: 'Enter the {periodEn} assessment of the pupil before the report',
  },
  init: () => ({ assessed: new Set(), pupils: [] }),
  collect(item: InputRecord, state: MissingAssessmentState, settings: RuleSettings) {
    const id = text(item.record['hocSinhId']);
    if (id === undefined) return;
    if (item.entity === 'DanhGiaHocSinh') {
      if (inPeriod(item.record, settings)) state.assessed.add(id);
    } else if (isActivePupil(item.record) && !state.assessed.has(id)) {
      state.pupils.push({ id, target: targetOf(item) });
    }
  },
  finish(state: MissingAssessmentState, ctx: DatasetContext) {
    const params = periodParams(ctx.settings);
    for (const p of state.pupils)
      if (!state.assessed.has(p.id)) ctx.report({ target: p.target, params });
  },
});

/** A subject a grade requires, as {@link requiredSubjects} lists it. */
export interface RequiredSubject {
  /** Its code in `DM_MON_HOC_TIEU_HOC` (`'TOAN'`). */
  readonly code: string;
  /** Its Vietnamese name. */
  readonly name: string;
  /** Its English name (the Vietnamese one when the catalog has none). */
  readonly nameEn: string;
}

const list = (value: unknown): readonly string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * The subjects each grade requires, from the catalog `DM_MON_HOC_TIEU_HOC` as of `settings.asOf`:
 * the subjects whose `grades` include the grade and whose `optionalGrades` do not. Empty when the
 * catalog has no version on that day.
 */
export function requiredSubjects(
  settings: Pick<RuleSettings, 'catalogs' | 'asOf'>,
): ReadonlyMap<string, readonly RequiredSubject[]> {
  const out = new Map<string, RequiredSubject[]>();
  for (const entry of settings.catalogs.entries('DM_MON_HOC_TIEU_HOC', { asOf: settings.asOf })) {
    const optional = list(entry.attributes?.['optionalGrades']);
    for (const grade of list(entry.attributes?.['grades'])) {
      if (optional.includes(grade)) continue;
      const subjects = out.get(grade) ?? [];
      subjects.push({ code: entry.code, name: entry.name, nameEn: entry.nameEn ?? entry.name });
      out.set(grade, subjects);
    }
  }
  return out;
}

interface IncompleteState {
  readonly required: ReadonlyMap<string, readonly RequiredSubject[]>;
  /** Pupils known to be inactive. */
  readonly inactive: Set<string>;
  /** Assessments of the period lacking subjects. */
  readonly incomplete: {
    readonly id: string;
    readonly grade: string;
    readonly target: Target;
    readonly missing: readonly RequiredSubject[];
  }[];
}

/**
 * `PERIOD.ASSESS.002` (GK1, CK1, GK2, year end): an assessment of the period and school year that
 * lacks a subject its grade (`khoi`) requires — per `DM_MON_HOC_TIEU_HOC`, the subjects whose
 * `grades` include the grade, except its `optionalGrades` (see {@link requiredSubjects}; the
 * per-grade placement is unverified data, replaceable by a pack). Assessments of pupils the input
 * shows inactive are left out.
 */
export const assessmentIncomplete: DatasetRule = defineRule<DatasetRule<IncompleteState>>({
  id: 'PERIOD.ASSESS.002',
  entity: ['HocSinh', 'DanhGiaHocSinh'],
  scope: 'dataset',
  evidence: {
    HocSinh: ['hocSinhId'],
    DanhGiaHocSinh: ['hocSinhId', 'kyDanhGia', 'namHoc', 'khoi', 'monHocs'],
  },
  severity: 'error',
  basis: `${BASIS}; TT 27/2020/TT-BGDĐT`,
  periods: ASSESSMENT_PERIODS,
  message: {
    vi: 'Kết quả đánh giá {periodVi} năm học {schoolYear} thiếu môn học bắt buộc của khối {grade}: {missingVi}',
    en: 'The {periodEn} assessment of school year {schoolYear} lacks subjects grade {grade} requires: {missingEn}',
  },
  hint: {
    vi: 'Nhập mức đạt của các môn còn thiếu',
    en: 'Enter the level achieved in the missing subjects',
  },
  init: (settings: RuleSettings) => ({
    required: requiredSubjects(settings),
    inactive: new Set(),
    incomplete: [],
  }),
  collect(item: InputRecord, state: IncompleteState, settings: RuleSettings) {
    const id = text(item.record['hocSinhId']);
    if (id === undefined) return;
    if (item.entity === 'HocSinh') {
      if (!isActivePupil(item.record)) state.inactive.add(id);
      return;
    }
    if (!inPeriod(item.record, settings)) return;
    const grade = String(item.record['khoi']);
    const required = state.required.get(grade) ?? [];
    if (required.length === 0) return;
    const rows = item.record['monHocs'];
    const present = new Set(
      Array.isArray(rows)
        ? rows.map((r) =>
            typeof r === 'object' && r !== null
              ? (r as Record<string, unknown>)['maMonHoc']
              : undefined,
          )
        : [],
    );
    const missing = required.filter((s) => !present.has(s.code));
    if (missing.length > 0) state.incomplete.push({ id, grade, target: targetOf(item), missing });
  },
  finish(state: IncompleteState, ctx: DatasetContext) {
    for (const a of state.incomplete) {
      if (state.inactive.has(a.id)) continue;
      ctx.report({
        target: a.target,
        field: 'monHocs',
        params: {
          ...periodParams(ctx.settings),
          grade: a.grade,
          missingVi: a.missing.map((s) => `${s.name} (${s.code})`).join(', '),
          missingEn: a.missing.map((s) => `${s.nameEn} (${s.code})`).join(', '),
        },
      });
    }
  },
});

interface CompletionState {
  readonly inactive: Set<string>;
  readonly undecided: { readonly id: string; readonly target: Target }[];
}

/**
 * `PERIOD.YEAREND.001` (year end): the end-of-year (`CN`) assessment of an active grade-5 pupil
 * (`khoi` 5) of the school year without the programme-completion decision
 * (`hoanThanhChuongTrinhTieuHoc` set, `true` or `false`). A pupil without any CN assessment is
 * reported by `PERIOD.ASSESS.001`.
 */
export const primaryCompletionMissing: DatasetRule = defineRule<DatasetRule<CompletionState>>({
  id: 'PERIOD.YEAREND.001',
  entity: ['HocSinh', 'DanhGiaHocSinh'],
  scope: 'dataset',
  evidence: {
    HocSinh: ['hocSinhId'],
    DanhGiaHocSinh: ['hocSinhId', 'kyDanhGia', 'namHoc', 'khoi', 'hoanThanhChuongTrinhTieuHoc'],
  },
  severity: 'error',
  basis: `${BASIS}; TT 27/2020/TT-BGDĐT`,
  periods: ['year-end'],
  message: {
    vi: 'Học sinh lớp 5 chưa có quyết định hoàn thành chương trình tiểu học năm học {schoolYear}',
    en: 'A grade-5 pupil has no primary-programme completion decision for school year {schoolYear}',
  },
  hint: {
    vi: 'Ghi "Hoàn thành chương trình tiểu học" (có hoặc không) trong kết quả cuối năm',
    en: 'Record "completed primary education" (yes or no) in the end-of-year result',
  },
  init: () => ({ inactive: new Set(), undecided: [] }),
  collect(item: InputRecord, state: CompletionState, settings: RuleSettings) {
    const id = text(item.record['hocSinhId']);
    if (id === undefined) return;
    if (item.entity === 'HocSinh') {
      if (!isActivePupil(item.record)) state.inactive.add(id);
      return;
    }
    const r = item.record;
    if (r['kyDanhGia'] !== 'CN' || r['namHoc'] !== settings.schoolYear || Number(r['khoi']) !== 5)
      return;
    const decision = r['hoanThanhChuongTrinhTieuHoc'];
    if (decision === undefined || decision === null)
      state.undecided.push({ id, target: targetOf(item) });
  },
  finish(state: CompletionState, ctx: DatasetContext) {
    for (const u of state.undecided) {
      if (state.inactive.has(u.id)) continue;
      ctx.report({
        target: u.target,
        field: 'hoanThanhChuongTrinhTieuHoc',
        params: { schoolYear: ctx.settings.schoolYear },
      });
    }
  },
});

/**
 * The reporting-period completeness rules (seed regulation Art. 9 cl. 2: check and complete the
 * data before each reporting period). Each has `periods` and runs only when `settings.period` is
 * one of them:
 *
 * - `'start-of-year'`: `PERIOD.PUPIL.001` (active pupil has a class), `PERIOD.CLASS.001` (class has
 *   a homeroom teacher), `PERIOD.CLASS.002` (class has a site);
 * - `'GK1'`, `'CK1'`, `'GK2'`, `'year-end'` (kyDanhGia GK1 / CK1 / GK2 / CN):
 *   `PERIOD.ASSESS.001` (active pupil has an assessment of the period and school year),
 *   `PERIOD.ASSESS.002` (with the subjects its grade requires);
 * - `'year-end'`: `PERIOD.YEAREND.001` (grade-5 pupils have the programme-completion decision).
 *
 * Active pupils: see `isActivePupil` (lifecycle). All are errors.
 */
export const periodRules: readonly Rule[] = [
  pupilWithoutClass,
  classWithoutTeacher,
  classWithoutSite,
  assessmentMissing,
  assessmentIncomplete,
  primaryCompletionMissing,
];
