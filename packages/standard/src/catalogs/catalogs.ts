import { matchKey } from '@eduvn/text';
import { CatalogConflictError, CatalogPackError } from './errors.ts';
import { CatalogPackSchema } from './pack-schema.ts';
import type { CatalogEntry, CatalogPack, CatalogVersion, CodeSystem } from './types.ts';

/** Which version of a catalog to read. */
export interface CatalogQuery {
  /** The day (ISO date) the code must be valid on; default: the current (latest) version. */
  readonly asOf?: string;
  /** A version id, instead of `asOf`. */
  readonly version?: string;
}

/** A code found in a catalog, with the version it was found in. */
export interface CatalogHit {
  /** The code system's id. */
  readonly system: string;
  /** The version the entry belongs to. */
  readonly version: CatalogVersion;
  /** The entry. */
  readonly entry: CatalogEntry;
}

/** Options for merging packs. */
export interface MergeOptions {
  /** What to do when two packs define the same code of the same version differently. */
  readonly onConflict?: 'error' | 'replace';
}

const within = (day: string, from: string | undefined, to: string | undefined): boolean =>
  (from === undefined || from <= day) && (to === undefined || day <= to);

/** The version applying on `day`: the latest-starting of those whose validity includes it. */
function applyingOn(versions: readonly CatalogVersion[], day: string): CatalogVersion | undefined {
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i] as CatalogVersion;
    if (within(day, v.validFrom, v.validTo)) return v;
  }
  return undefined;
}

/** A catalog as of one day: the version applying then, and (once needed) its index by code. */
interface DayView {
  readonly day: string;
  readonly version: CatalogVersion | undefined;
  index: Map<string, CatalogEntry> | undefined;
}

/** How many days {@link Catalogs.version} remembers per catalog before starting afresh. */
const MAX_DAYS_KEPT = 256;

function sameEntry(a: CatalogEntry, b: CatalogEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A set of versioned catalogs: look codes up as of a date, list a version's codes, find codes by
 * name, and merge packs. Immutable: {@link Catalogs.with} returns a new set.
 *
 * @example
 * ```ts
 * const catalogs = bundledCatalogs();
 * catalogs.lookup('DM_DAN_TOC', '01')?.entry.name // 'Kinh'
 * catalogs.has('DM_TINH', '24', { asOf: '2025-06-30' }) // with the admin-unit pack loaded
 * ```
 */
export class Catalogs {
  readonly #systems: ReadonlyMap<string, CodeSystem>;
  readonly #indexes = new WeakMap<CatalogVersion, Map<string, CatalogEntry>>();
  /** For each code system, the version applying on each day asked about (`null`: none). */
  readonly #byDay = new WeakMap<CodeSystem, Map<string, CatalogVersion | null>>();
  /** For each catalog id, the last day asked about (see `#dayView`). */
  readonly #views = new Map<string, DayView>();

  private constructor(systems: ReadonlyMap<string, CodeSystem>) {
    this.#systems = systems;
  }

  /** A set with no catalogs. */
  static empty(): Catalogs {
    return new Catalogs(new Map());
  }

  /**
   * A set made of packs, merged in order (see {@link Catalogs.with}). Packs given as plain JSON are
   * validated first; a malformed pack throws a {@link CatalogPackError} listing its problems.
   */
  static from(packs: readonly (CatalogPack | unknown)[], options: MergeOptions = {}): Catalogs {
    return Catalogs.empty().with(packs, options);
  }

  /**
   * This set plus the given packs. A code system new to the set is added; for a known one, new
   * versions are added and a version present in both gets the union of their codes. The same code
   * defined differently in the same version throws a {@link CatalogConflictError} unless
   * `onConflict: 'replace'` (the later pack wins). History is never lost: versions are only added.
   */
  with(packs: readonly (CatalogPack | unknown)[], options: MergeOptions = {}): Catalogs {
    const systems = new Map(this.#systems);
    for (const raw of packs) {
      const pack = isTrustedPack(raw) ? raw : parseCatalogPack(raw);
      for (const incoming of pack.codeSystems) {
        const known = systems.get(incoming.id);
        systems.set(
          incoming.id,
          known ? mergeSystem(known, incoming, options) : sortVersions(incoming),
        );
      }
    }
    return new Catalogs(systems);
  }

  /** Every code system's id, sorted. */
  ids(): string[] {
    return [...this.#systems.keys()].sort();
  }

  /** A code system with all its versions, or `undefined`. */
  system(id: string): CodeSystem | undefined {
    return this.#systems.get(id);
  }

  /**
   * The version of a catalog that applies: the one named by `query.version`, else the one whose
   * validity includes `query.asOf` (the latest-starting one if several do), else the current one
   * (the latest-starting). `undefined` when the catalog is unknown, has no versions, or none
   * applies on that day.
   */
  version(id: string, query: CatalogQuery = {}): CatalogVersion | undefined {
    const system = this.#systems.get(id);
    const versions = system?.versions ?? [];
    if (query.version !== undefined) return versions.find((v) => v.version === query.version);
    const { asOf } = query;
    if (asOf === undefined) return versions.at(-1);
    if (system === undefined || typeof asOf !== 'string') return applyingOn(versions, asOf);
    return this.#dayView(id, system, asOf).version;
  }

  /** The codes of the applying version (see {@link Catalogs.version}) valid on `asOf`. */
  entries(id: string, query: CatalogQuery = {}): readonly CatalogEntry[] {
    const version = this.version(id, query);
    if (!version) return [];
    const { asOf } = query;
    return asOf === undefined
      ? version.entries
      : version.entries.filter((e) => within(asOf, e.validFrom, e.validTo));
  }

  /**
   * Looks a code up in the applying version. Returns `undefined` when the code is not in that
   * version or is not valid on `asOf` — so province `'24'` resolves to Bắc Giang as of 2025-06-30
   * and to Bắc Ninh as of 2025-07-01 once the admin-unit catalogs are loaded.
   */
  lookup(id: string, code: string, query: CatalogQuery = {}): CatalogHit | undefined {
    const view = this.#viewFor(id, query);
    if (view) {
      const entry = view.version && this.#entryOn(view, code);
      return entry ? { system: id, version: view.version as CatalogVersion, entry } : undefined;
    }
    const version = this.version(id, query);
    if (!version) return undefined;
    const entry = this.#index(version).get(code);
    if (!entry) return undefined;
    if (query.asOf !== undefined && !within(query.asOf, entry.validFrom, entry.validTo)) {
      return undefined;
    }
    return { system: id, version, entry };
  }

  /** Whether `code` is a valid code of the catalog (see {@link Catalogs.lookup}). */
  has(id: string, code: string, query: CatalogQuery = {}): boolean {
    const view = this.#viewFor(id, query);
    if (view) return view.version !== undefined && this.#entryOn(view, code) !== undefined;
    return this.lookup(id, code, query) !== undefined;
  }

  /**
   * The codes whose name matches `name` by {@link matchKey} (case, diacritics, tone placement and
   * punctuation ignored): `'Thanh Hoá'` finds `'Thanh Hóa'`. Several when names repeat.
   */
  findByName(id: string, name: string, query: CatalogQuery = {}): CatalogHit[] {
    const version = this.version(id, query);
    if (!version) return [];
    const key = matchKey(name);
    return this.entries(id, query)
      .filter(
        (e) => matchKey(e.name) === key || (e.nameEn !== undefined && matchKey(e.nameEn) === key),
      )
      .map((entry) => ({ system: id, version, entry }));
  }

  /** The whole set as one pack, e.g. to save it. */
  toPack(name: string): CatalogPack {
    return {
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name,
      codeSystems: this.ids().map((id) => this.#systems.get(id) as CodeSystem),
    };
  }

  /** The view of a known catalog on the day `query` asks about, or `undefined` for other queries. */
  #viewFor(id: string, query: CatalogQuery): DayView | undefined {
    const { asOf } = query;
    if (query.version !== undefined || typeof asOf !== 'string') return undefined;
    const system = this.#systems.get(id);
    return system === undefined ? undefined : this.#dayView(id, system, asOf);
  }

  /**
   * A known catalog as of `day`: its applying version and that version's index. The last day asked
   * is kept per catalog — callers check code after code as of one day.
   */
  #dayView(id: string, system: CodeSystem, day: string): DayView {
    let view = this.#views.get(id);
    if (view === undefined || view.day !== day) {
      view = { day, version: this.#versionOn(system, day), index: undefined };
      this.#views.set(id, view);
    }
    return view;
  }

  /** The entry of `code` in the view's version, if it is valid on the view's day. */
  #entryOn(view: DayView, code: string): CatalogEntry | undefined {
    if (view.version === undefined) return undefined;
    view.index ??= this.#index(view.version);
    const entry = view.index.get(code);
    return entry && within(view.day, entry.validFrom, entry.validTo) ? entry : undefined;
  }

  /** The version of a known catalog applying on `day`, remembered per catalog and day. */
  #versionOn(system: CodeSystem, day: string): CatalogVersion | undefined {
    let days = this.#byDay.get(system);
    if (!days) {
      days = new Map();
      this.#byDay.set(system, days);
    }
    let found = days.get(day);
    if (found === undefined) {
      found = applyingOn(system.versions, day) ?? null;
      // Most callers ask about a few days; one asking about every day of a decade stays bounded.
      if (days.size >= MAX_DAYS_KEPT) days.clear();
      days.set(day, found);
    }
    return found ?? undefined;
  }

  #index(version: CatalogVersion): Map<string, CatalogEntry> {
    let index = this.#indexes.get(version);
    if (!index) {
      index = new Map(version.entries.map((e) => [e.code, e]));
      this.#indexes.set(version, index);
    }
    return index;
  }
}

/** Packs this package built and froze ({@link trustedPack}): valid by construction. */
const TRUSTED_PACKS = new WeakSet<object>();

/** Freezes a value and everything it holds (objects and arrays, depth first). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}

/**
 * Marks a pack this package built from its own data (the bundled catalogs, the administrative
 * units) as valid: it is frozen, whole, so that it cannot change afterwards, and
 * {@link Catalogs.with} then takes it as it is instead of validating it again on every load
 * (a fixed cost of a few hundred milliseconds for the administrative units). A test checks that
 * validating each such pack gives the pack itself.
 *
 * @internal
 */
export function trustedPack<P extends CatalogPack>(pack: P): P {
  deepFreeze(pack);
  TRUSTED_PACKS.add(pack);
  return pack;
}

/** Whether a pack is one of {@link trustedPack}'s. */
function isTrustedPack(value: unknown): value is CatalogPack {
  return typeof value === 'object' && value !== null && TRUSTED_PACKS.has(value);
}

/**
 * Validates a catalog pack (parsed JSON) against the pack format and returns it typed. Throws a
 * {@link CatalogPackError} listing every problem (with its JSON path) when it is not valid.
 */
export function parseCatalogPack(json: unknown): CatalogPack {
  const result = CatalogPackSchema.safeParse(json);
  if (result.success) return result.data;
  const name =
    typeof json === 'object' &&
    json !== null &&
    typeof (json as { name?: unknown }).name === 'string'
      ? JSON.stringify((json as { name: string }).name)
      : '(unnamed pack)';
  throw new CatalogPackError(
    name,
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

function sortVersions(system: CodeSystem): CodeSystem {
  const versions = [...system.versions].sort((a, b) =>
    (a.validFrom ?? '').localeCompare(b.validFrom ?? ''),
  );
  return { ...system, versions };
}

function mergeSystem(known: CodeSystem, incoming: CodeSystem, options: MergeOptions): CodeSystem {
  const versions = new Map(known.versions.map((v) => [v.version, v]));
  for (const v of incoming.versions) {
    const existing = versions.get(v.version);
    versions.set(v.version, existing ? mergeVersion(known.id, existing, v, options) : v);
  }
  return sortVersions({ ...known, versions: [...versions.values()] });
}

function mergeVersion(
  system: string,
  a: CatalogVersion,
  b: CatalogVersion,
  options: MergeOptions,
): CatalogVersion {
  const replace = options.onConflict === 'replace';
  if (!replace && (a.validFrom !== b.validFrom || a.validTo !== b.validTo)) {
    throw new CatalogConflictError(system, a.version, undefined, 'the validity periods differ');
  }
  const entries = new Map(a.entries.map((e) => [e.code, e]));
  for (const e of b.entries) {
    const old = entries.get(e.code);
    if (old && !sameEntry(old, e) && !replace) {
      throw new CatalogConflictError(system, a.version, e.code, `${old.name} vs ${e.name}`);
    }
    entries.set(e.code, e);
  }
  const base = replace ? { ...a, ...b } : a;
  return { ...base, entries: [...entries.values()] };
}
