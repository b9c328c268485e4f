import type { Catalogs } from '@eduvn/standard';

/**
 * How serious a problem is (the UK school-census model): an `'error'` must be fixed; a `'query'`
 * must be fixed or acknowledged with a note.
 */
export type Severity = 'error' | 'query';

/**
 * What a rule looks at: one `'record'`; the whole `'dataset'` (uniqueness, references, class size,
 * duplicates — keeping only keys in memory); or the `'change'` between a previous snapshot and this
 * one (immutability, disappearances).
 */
export type RuleScope = 'record' | 'dataset' | 'change';

/**
 * A reporting period with its own completeness rule set (seed regulation Art. 9 cl. 2: check and
 * complete the data before each reporting period): the start of the school year, the four TT27
 * assessment periods (`'GK1'`, `'CK1'`, `'GK2'`, and the year end).
 */
export type ReportingPeriod = 'start-of-year' | 'GK1' | 'CK1' | 'GK2' | 'year-end';

/** A Vietnamese and an English text. */
export interface Localized {
  /** Vietnamese. */
  readonly vi: string;
  /** English. */
  readonly en: string;
}

/** Where a record came from, so that a problem can point at the cell. */
export interface Provenance {
  /** The file (name or path as the caller wants it shown). */
  readonly file?: string;
  /** The sheet, for spreadsheets. */
  readonly sheet?: string;
  /** The 1-based row of the record. */
  readonly row?: number;
  /** For each canonical field name, the column it came from (`'E'`, or the header text). */
  readonly columns?: Readonly<Record<string, string>>;
}

/** One record given to {@link validate}: the entity's name, the record, and where it came from. */
export interface InputRecord {
  /** The entity's name as @eduvn/standard exports its schema (`'HocSinh'`, `'Lop'`, …). */
  readonly entity: string;
  /** The record, canonical (camelCase fields). */
  readonly record: Readonly<Record<string, unknown>>;
  /** Where the record came from. */
  readonly provenance?: Provenance;
  /**
   * Sync bookkeeping for the 48-hour rule: when the change arose and was entered (`occurredAt`),
   * and when it was pushed to the city database (`pushedAt`), as ISO 8601 date-times.
   */
  readonly sync?: SyncTimes;
  /**
   * Top-level fields whose cell the reader could not read and reported as an error of its own (an
   * impossible date, a value not of the field's type, a required value left blank): the record
   * holds nothing there because of that error, so `STD.SCHEMA.001` does not report the field a
   * second time. `@eduvn/check` sets it from the reading problems it reports.
   */
  readonly readErrors?: readonly string[];
}

/** When a change arose and when it was pushed (the 48-hour rule reads these). */
export interface SyncTimes {
  /** When the change arose and was entered (ISO 8601 date-time with an offset). */
  readonly occurredAt?: string;
  /** When it was pushed to the city database (ISO 8601 date-time with an offset). */
  readonly pushedAt?: string;
}

/** The record a dataset or change rule's finding belongs to. */
export interface FindingTarget {
  /** The record's entity. */
  readonly entity: string;
  /** The record's key (see `recordKeyOf`). */
  readonly recordKey: string;
  /** Where the record came from, so that the issue points at its row. */
  readonly provenance?: Provenance;
  /** The class the record belongs to, for the summary by class. */
  readonly classCode?: string;
}

/** One problem a rule found, before the engine localizes and locates it. */
export interface Finding {
  /** The canonical field (or path, `'monHocs.0.diemKtdk'`) at fault, when one is. */
  readonly field?: string;
  /** Values for the message and hint templates (`{name}`); never a full personal ID. */
  readonly params?: Readonly<Record<string, string | number>>;
  /** For dataset and change rules: the record the problem belongs to. */
  readonly target?: FindingTarget;
}

/** The resolved options every rule can read. */
export interface RuleSettings {
  /** The day the data describe (ISO date): catalog versions and ages are taken as of it. */
  readonly asOf: string;
  /** The school year the data belong to, `'yyyy-yyyy'` (default derived from `asOf`). */
  readonly schoolYear: string;
  /** Its first calendar year. */
  readonly startYear: number;
  /** The catalogs (bundled ones plus administrative units, plus any packs given). */
  readonly catalogs: Catalogs;
  /** The reporting period whose completeness rules run, if any. */
  readonly period: ReportingPeriod | undefined;
  /** The TT27 end-of-year thresholds (see `classifyYearEnd`). */
  readonly tt27: Tt27Thresholds;
  /** The push deadline in hours (seed regulation Art. 6 cl. 2; default 48 — possibly a local rule). */
  readonly deadlineHours: number;
  /** A query is raised when less than this many hours are left (default 12). */
  readonly deadlineWarningHours: number;
  /** The largest class size before a query (default 35, TT 28/2020). */
  readonly maxClassSize: number;
}

/**
 * The TT27 end-of-year test-score thresholds. `excellentMinScore` (9, HTXS) and `goodMinScore` (7,
 * HTT) are verified; `passMinScore` (5, HT) and what counts as CHT are **unsure** (domain facts §4)
 * and therefore configurable.
 */
export interface Tt27Thresholds {
  /** Every end-of-year test at least this for HTXS (verified: 9). */
  readonly excellentMinScore: number;
  /** Every end-of-year test at least this for HTT (verified: 7). */
  readonly goodMinScore: number;
  /** Every end-of-year test at least this for HT (unsure: 5). */
  readonly passMinScore: number;
}
