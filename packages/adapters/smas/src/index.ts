/**
 * Read SMAS (Viettel) TT27 assessment exports into `DanhGiaHocSinh` records of `@eduvn/standard`,
 * and write records in the same layout. A **model** of the files built from a description of
 * school-built importers — Viettel publishes no layout: the header row is searched for below a
 * title block, the period (`Giữa kỳ I`, `Cuối kỳ I`, `Giữa kỳ II`, `Cuối năm`), school year,
 * class and grade are read from the title, and subject, competency and quality columns are
 * recognised by name in a header of one or two rows.
 *
 * @packageDocumentation
 */

export { SMAS_BASIS, type SmasAdapter, smasAdapter } from './adapter.ts';
export type { SmasOptions } from './context.ts';
export { SMAS_HEADERS, type SmasHeaders } from './mapping.ts';
export {
  findPeriods,
  isSmasPeriod,
  PERIOD_TITLES,
  parsePeriod,
  SMAS_PERIODS,
  type SmasPeriod,
} from './period.ts';
export { readAllSmas, readSmas } from './read.ts';
export {
  LEVEL_HEADERS,
  SCORE_HEADERS,
  SMAS_SUBJECTS,
  type SmasSubject,
  SUBJECT_GROUP_HEADERS,
} from './subjects.ts';
export { readSmasTitle, type SmasTitle } from './title.ts';
export {
  SMAS_TRAITS,
  type SmasTrait,
  type SmasTraitField,
  type SmasTraitGroup,
  TRAIT_GROUP_HEADERS,
  TRAIT_PREFIXES,
} from './traits.ts';
export { SMAS_LAYOUT_VERSION } from './version.ts';
