import type {
  GeneralCompetencyField,
  QualityField,
  SpecificCompetencyField,
  TraitField,
} from '@eduvn/standard';

// The trait fields are the entity's, defined with it in @eduvn/standard.
export type { GeneralCompetencyField, QualityField, SpecificCompetencyField, TraitField };

/** The 3 general competencies, assessed in every grade (V). */
export const GENERAL_COMPETENCY_FIELDS: readonly GeneralCompetencyField[] = Object.freeze([
  'nlTuChuTuHoc',
  'nlGiaoTiepHopTac',
  'nlGiaiQuyetVanDeSangTao',
]);

/** The 7 specific competencies, in record field order. */
export const SPECIFIC_COMPETENCY_FIELDS: readonly SpecificCompetencyField[] = Object.freeze([
  'nlNgonNgu',
  'nlTinhToan',
  'nlKhoaHoc',
  'nlCongNghe',
  'nlTinHoc',
  'nlThamMi',
  'nlTheChat',
]);

/** The 5 qualities, assessed in every grade (V). */
export const QUALITY_FIELDS: readonly QualityField[] = Object.freeze([
  'pcYeuNuoc',
  'pcNhanAi',
  'pcChamChi',
  'pcTrungThuc',
  'pcTrachNhiem',
]);

/** Every quality and competency field: general competencies, specific ones, qualities. */
export const TRAIT_FIELDS: readonly TraitField[] = Object.freeze([
  ...GENERAL_COMPETENCY_FIELDS,
  ...SPECIFIC_COMPETENCY_FIELDS,
  ...QUALITY_FIELDS,
]);

/** Which specific competencies each grade (1–5, by index) is expected to be assessed in. */
export type ExpectedSpecificCompetencies = Readonly<
  Record<1 | 2 | 3 | 4 | 5, readonly SpecificCompetencyField[]>
>;

const GRADES_1_2: readonly SpecificCompetencyField[] = Object.freeze([
  'nlNgonNgu',
  'nlTinhToan',
  'nlKhoaHoc',
  'nlThamMi',
  'nlTheChat',
]);

/**
 * The specific competencies each grade is expected to be assessed in: grades 1–2 the 5 of the
 * national database's grade 1–2 import template (without công nghệ and tin học); grades 3–5 all 7.
 * **Unsure** (U): TT27 lists 7 specific competencies without saying which grade assesses which, and
 * the grades 3–5 list is inferred from Tin học và Công nghệ starting in grade 3 — pass your own
 * list where it differs. Only used to say which levels are **missing**; a level recorded in any
 * grade always counts.
 */
export const DEFAULT_EXPECTED_SPECIFIC_COMPETENCIES: ExpectedSpecificCompetencies = Object.freeze({
  1: GRADES_1_2,
  2: GRADES_1_2,
  3: SPECIFIC_COMPETENCY_FIELDS,
  4: SPECIFIC_COMPETENCY_FIELDS,
  5: SPECIFIC_COMPETENCY_FIELDS,
});

/** What kind of trait a field holds: `'quality'` (pc*) or `'competency'` (nl*). */
export function traitKind(field: TraitField): 'quality' | 'competency' {
  return field.startsWith('pc') ? 'quality' : 'competency';
}
