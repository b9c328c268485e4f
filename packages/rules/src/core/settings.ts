import { bundledCatalogsPack, Catalogs } from '@eduvn/standard';
import { adminUnitsPack } from '@eduvn/standard/admin-units';
import { isIsoDate } from '@eduvn/text';
import type { ReportingPeriod, RuleSettings, Tt27Thresholds } from './types.ts';

/** The verified TT27 thresholds (HTXS 9, HTT 7) and the unsure HT threshold (5), configurable. */
export const DEFAULT_TT27_THRESHOLDS: Tt27Thresholds = Object.freeze({
  excellentMinScore: 9,
  goodMinScore: 7,
  passMinScore: 5,
});

let defaultCatalogs: Catalogs | undefined;

/**
 * The catalogs rules use by default: the bundled ones and the administrative units, loaded once
 * (about 0.2 s).
 */
export function defaultRuleCatalogs(): Catalogs {
  defaultCatalogs ??= Catalogs.from([bundledCatalogsPack, adminUnitsPack()]);
  return defaultCatalogs;
}

/** Settings a caller may give; see {@link RuleSettings} for their meaning. */
export interface SettingsInput {
  /** Default: today (UTC). */
  readonly asOf?: string;
  /** Default: from `asOf` (a school year starts in August or later). */
  readonly schoolYear?: string;
  /** Default: {@link defaultRuleCatalogs}. */
  readonly catalogs?: Catalogs;
  /** Default: none (only rules without a period run). */
  readonly period?: ReportingPeriod;
  /** Default: {@link DEFAULT_TT27_THRESHOLDS}. */
  readonly tt27?: Partial<Tt27Thresholds>;
  /** Default 48 (seed regulation Art. 6 cl. 2; possibly a local rule, hence configurable). */
  readonly deadlineHours?: number;
  /** Default 12. */
  readonly deadlineWarningHours?: number;
  /** Default 35 (TT 28/2020; the article number is unsure). */
  readonly maxClassSize?: number;
}

const PERIODS: readonly ReportingPeriod[] = ['start-of-year', 'GK1', 'CK1', 'GK2', 'year-end'];

/** Resolves and checks settings; throws a `RangeError` naming a bad one. */
export function resolveSettings(input: SettingsInput = {}): RuleSettings {
  const asOf = input.asOf ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(asOf))
    throw new RangeError(`asOf must be an ISO date yyyy-mm-dd, got ${JSON.stringify(asOf)}`);
  const year = Number(asOf.slice(0, 4));
  const schoolYear =
    input.schoolYear ??
    (Number(asOf.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`);
  const m = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new RangeError(
      `schoolYear must be 'yyyy-yyyy' with consecutive years, got ${JSON.stringify(schoolYear)}`,
    );
  }
  if (input.period !== undefined && !PERIODS.includes(input.period)) {
    throw new RangeError(
      `period must be one of ${PERIODS.join(', ')}, got ${JSON.stringify(input.period)}`,
    );
  }
  const tt27 = { ...DEFAULT_TT27_THRESHOLDS, ...input.tt27 };
  for (const [name, value] of Object.entries(tt27)) {
    if (!(typeof value === 'number' && value >= 0 && value <= 10))
      throw new RangeError(`tt27.${name} must be a score from 0 to 10, got ${value}`);
  }
  const positive = (name: string, value: number): number => {
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      throw new RangeError(`${name} must be a positive number, got ${value}`);
    }
    return value;
  };
  return {
    asOf,
    schoolYear,
    startYear: Number(m[1]),
    catalogs: input.catalogs ?? defaultRuleCatalogs(),
    period: input.period,
    tt27,
    deadlineHours: positive('deadlineHours', input.deadlineHours ?? 48),
    deadlineWarningHours: positive('deadlineWarningHours', input.deadlineWarningHours ?? 12),
    maxClassSize: positive('maxClassSize', input.maxClassSize ?? 35),
  };
}
