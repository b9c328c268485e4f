import type { ProblemKind } from '@eduvn/fixtures';
import type { ReportingPeriod } from '@eduvn/rules';
import type { WireObject } from '@eduvn/standard';

/** The `format` of every conformance set file. */
export const CONFORMANCE_FORMAT = 'eduvn-conformance';

/** The version of the conformance set format this package writes and reads. */
export const CONFORMANCE_FORMAT_VERSION = 1;

/** The names of the conformance sets this package publishes (`conformance/<name>.json`). */
export type ConformanceSetName = 'records';

/**
 * One record of a case, as the city-database API takes it: the entity's name and the record as a
 * **wire object** (QĐ 4998 symbols as keys, ISO 8601 dates, sub-tables as arrays of wire objects).
 * Records of invalid cases may break the entity's schema on purpose (an impossible date, an
 * over-long name): read them leniently.
 */
export interface ConformanceRecord {
  /** The entity's name as @eduvn/standard exports its schema (`'HocSinh'`, `'Lop'`, …). */
  readonly entity: string;
  /** The record as a wire object. */
  readonly wire: WireObject;
}

/** The validation options a case is checked with. */
export interface ConformanceOptions {
  /** The day the data describe (ISO date `yyyy-mm-dd`). */
  readonly asOf: string;
  /** The school year, `'yyyy-yyyy'`. */
  readonly schoolYear?: string;
  /** The reporting period whose completeness rules run, if any. */
  readonly period?: ReportingPeriod;
}

/** What validating a case must report: the rule ids, by severity, each once, sorted. */
export interface ConformanceExpectation {
  /** The ids of the rules that must report at least one error — and no others. */
  readonly errors: readonly string[];
  /** The ids of the rules that must report at least one query — and no others. */
  readonly queries: readonly string[];
}

/** Where a planted problem is: a record of the case, and a field of it. */
export interface ConformanceFault {
  /** The 0-based index of the record in the case's `records`. */
  readonly record: number;
  /**
   * The field at fault as an RFC 6901 JSON Pointer into the wire object (`'/HO_TEN'`,
   * `'/LIST_MON_HOC/0/DIEM_KTDK'`); `''` for the record as a whole (a class over its size).
   */
  readonly pointer: string;
}

/** The problem planted in an invalid case, as @eduvn/fixtures labelled it. */
export interface ConformanceProblem {
  /** The kind of problem (`plantProblems` of @eduvn/fixtures). */
  readonly kind: ProblemKind;
  /**
   * The rule ids the kind of problem must trip, written down independently of any validator: the
   * case's expectation always includes them.
   */
  readonly rules: readonly string[];
  /** Where it is. */
  readonly at: readonly ConformanceFault[];
  /** What was done, in English (no personal ID or sensitive value). */
  readonly note: string;
}

/**
 * Whether a case can be checked on one record alone (`'record'`: an API can check it on a single
 * write) or needs several records together (`'dataset'`: duplicates, class sizes, a whole school).
 */
export type ConformanceScope = 'record' | 'dataset';

/** What every case holds. */
interface CaseBase {
  /** A stable identifier (`'valid/school/1'`, `'invalid/nfd-text/2'`). */
  readonly id: string;
  /** What the case is, in English. */
  readonly description: string;
  /** Whether it can be checked on one record alone. */
  readonly scope: ConformanceScope;
  /** How the records were made (fixture seeds and options), to reproduce them. */
  readonly source: string;
  /** The validation options. */
  readonly options: ConformanceOptions;
  /** The records, in order. */
  readonly records: readonly ConformanceRecord[];
  /** What validation must report. */
  readonly expect: ConformanceExpectation;
}

/** A case of valid data: validation reports no error (and the queries listed, usually none). */
export interface ValidConformanceCase extends CaseBase {
  /** Always `true`. */
  readonly valid: true;
}

/** A case with one planted problem: validation reports exactly the rules listed. */
export interface InvalidConformanceCase extends CaseBase {
  /** Always `false`. */
  readonly valid: false;
  /** The planted problem. */
  readonly problem: ConformanceProblem;
}

/** One case of a conformance set. */
export type ConformanceCase = ValidConformanceCase | InvalidConformanceCase;

/**
 * A conformance set: cases of records, each with the options to validate them with and exactly
 * what validation must report. Published as JSON (`@eduvn/testing/conformance/records.json`,
 * described by `records.schema.json`) so that an implementation in any language can check itself.
 */
export interface ConformanceSet {
  /** Always `'eduvn-conformance'`. */
  readonly format: typeof CONFORMANCE_FORMAT;
  /** The format's version: 1. */
  readonly version: typeof CONFORMANCE_FORMAT_VERSION;
  /** The set's name. */
  readonly set: string;
  /** What the set holds, in English. */
  readonly description: string;
  /** The standard the records follow. */
  readonly standard: string;
  /** The cases. */
  readonly cases: readonly ConformanceCase[];
}
