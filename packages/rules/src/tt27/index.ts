/**
 * TT27 (Thông tư 27/2020/TT-BGDĐT) helpers of the rules engine: the end-of-year classifier, the
 * subject catalog reader and the quality and competency fields.
 *
 * @module
 */

export {
  type ClassifyYearEndOptions,
  COMPLETING_RESULTS,
  classifyYearEnd,
  describeReasons,
  resultRank,
  TT27_RESULTS,
  type Tt27Missing,
  type Tt27PassingResult,
  type Tt27Reason,
  type Tt27Result,
  type YearEndClassification,
} from './classify.ts';
export { readAssessment } from './read.ts';
export {
  SUBJECT_CATALOG,
  SubjectCatalog,
  type SubjectPlacement,
  subjectCatalog,
  TT27_PERIODS,
  type Tt27Period,
} from './subjects.ts';
export {
  DEFAULT_EXPECTED_SPECIFIC_COMPETENCIES,
  type ExpectedSpecificCompetencies,
  GENERAL_COMPETENCY_FIELDS,
  type GeneralCompetencyField,
  QUALITY_FIELDS,
  type QualityField,
  SPECIFIC_COMPETENCY_FIELDS,
  type SpecificCompetencyField,
  TRAIT_FIELDS,
  type TraitField,
  traitKind,
} from './traits.ts';
