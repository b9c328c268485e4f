import {
  bundledCatalogs,
  type CatalogEntry,
  type Catalogs,
  type CatalogVersion,
} from '@eduvn/standard';

/** The catalog of primary subjects and activities whose attributes place subjects and tests. */
export const SUBJECT_CATALOG = 'DM_MON_HOC_TIEU_HOC';

/** A TT27 assessment period: mid-semester 1, end of semester 1, mid-semester 2, end of year. */
export type Tt27Period = 'GK1' | 'CK1' | 'GK2' | 'CN';

/** The four TT27 assessment periods, in the order of the school year. */
export const TT27_PERIODS: readonly Tt27Period[] = Object.freeze(['GK1', 'CK1', 'GK2', 'CN']);

/**
 * Where one subject or activity sits, as the catalog `DM_MON_HOC_TIEU_HOC` says: the grades that
 * learn it, the grades that take its periodic test at the end of semester 1 and of the year, the
 * grades that also take one at mid-semester, and the grades where it is optional.
 */
export interface SubjectPlacement {
  /** The subject's code (`'TOAN'`). */
  readonly code: string;
  /** Grades that learn it (`grades`). */
  readonly grades: ReadonlySet<number>;
  /** Grades tested at `CK1` and `CN` (`testGrades`). */
  readonly testGrades: ReadonlySet<number>;
  /** Grades also tested at `GK1` and `GK2` (`midTermTestGrades`). */
  readonly midTermTestGrades: ReadonlySet<number>;
  /** Grades where it is optional (`optionalGrades`). */
  readonly optionalGrades: ReadonlySet<number>;
}

/**
 * The subjects of TT27 as data: which grade learns which subject and which grade and period has a
 * periodic test (TT 27/2020 Art. 7 — the article number is **unsure**). Nothing here is hard-coded:
 * everything is read from the catalog `DM_MON_HOC_TIEU_HOC` (attributes `grades`, `testGrades`,
 * `midTermTestGrades`, `optionalGrades`), whose bundled per-grade placement is itself **unsure**
 * (domain facts §4) and can be replaced by a catalog pack.
 *
 * Get one with {@link subjectCatalog}; it is cached per catalog version.
 */
export class SubjectCatalog {
  readonly #subjects: ReadonlyMap<string, SubjectPlacement>;
  readonly #compulsory = new Map<number, readonly string[]>();

  /** A subject catalog of these placements (usually built by {@link subjectCatalog}). */
  constructor(placements: Iterable<SubjectPlacement>) {
    this.#subjects = new Map([...placements].map((p) => [p.code, p]));
  }

  /** The placement of a subject, or `undefined` for a code the catalog does not know. */
  get(code: string): SubjectPlacement | undefined {
    return this.#subjects.get(code);
  }

  /** Every subject's placement, in catalog order. */
  all(): readonly SubjectPlacement[] {
    return [...this.#subjects.values()];
  }

  /** Whether the grade learns the subject; `undefined` for an unknown subject. */
  isTaught(code: string, grade: number): boolean | undefined {
    return this.#subjects.get(code)?.grades.has(grade);
  }

  /**
   * Whether the grade takes a periodic test in the subject in the period: at `CK1` and `CN` for
   * the `testGrades`, at `GK1` and `GK2` for the `midTermTestGrades` (which must also be test
   * grades). `undefined` for an unknown subject.
   */
  hasTest(code: string, grade: number, period: Tt27Period): boolean | undefined {
    const s = this.#subjects.get(code);
    if (!s) return undefined;
    if (!s.testGrades.has(grade)) return false;
    return period === 'CK1' || period === 'CN' || s.midTermTestGrades.has(grade);
  }

  /** The subjects the grade learns that are not optional in it, in catalog order. */
  compulsory(grade: number): readonly string[] {
    let list = this.#compulsory.get(grade);
    if (!list) {
      list = Object.freeze(
        [...this.#subjects.values()]
          .filter((s) => s.grades.has(grade) && !s.optionalGrades.has(grade))
          .map((s) => s.code),
      );
      this.#compulsory.set(grade, list);
    }
    return list;
  }
}

function gradesOf(entry: CatalogEntry, attribute: string): ReadonlySet<number> {
  const value = entry.attributes?.[attribute];
  const out = new Set<number>();
  if (Array.isArray(value)) {
    for (const g of value as readonly unknown[]) {
      const n = typeof g === 'number' ? g : typeof g === 'string' ? Number(g) : Number.NaN;
      if (Number.isInteger(n)) out.add(n);
    }
  }
  return out;
}

const cache = new WeakMap<CatalogVersion, Map<string, SubjectCatalog>>();
const EMPTY = new SubjectCatalog([]);
let bundled: Catalogs | undefined;

/**
 * The subject catalog of `catalogs` (default: the bundled catalogs) as of `asOf` (default: the
 * current version): the version of `DM_MON_HOC_TIEU_HOC` that applies that day, with its entries
 * valid that day. An empty catalog when `DM_MON_HOC_TIEU_HOC` is absent or has no version then —
 * every subject is then unknown, and rules about subjects and tests stay silent.
 */
export function subjectCatalog(catalogs?: Catalogs, asOf?: string): SubjectCatalog {
  if (!catalogs && !bundled) bundled = bundledCatalogs();
  const source = (catalogs ?? bundled) as Catalogs;
  const query = asOf === undefined ? {} : { asOf };
  const version = source.version(SUBJECT_CATALOG, query);
  if (!version) return EMPTY;
  let byDay = cache.get(version);
  if (!byDay) {
    byDay = new Map();
    cache.set(version, byDay);
  }
  const key = asOf ?? '';
  let found = byDay.get(key);
  if (!found) {
    found = new SubjectCatalog(
      source.entries(SUBJECT_CATALOG, query).map((entry) => ({
        code: entry.code,
        grades: gradesOf(entry, 'grades'),
        testGrades: gradesOf(entry, 'testGrades'),
        midTermTestGrades: gradesOf(entry, 'midTermTestGrades'),
        optionalGrades: gradesOf(entry, 'optionalGrades'),
      })),
    );
    byDay.set(key, found);
  }
  return found;
}
