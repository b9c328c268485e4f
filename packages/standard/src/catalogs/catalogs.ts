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
      const pack = parseCatalogPack(raw);
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
    const versions = this.#systems.get(id)?.versions ?? [];
    if (query.version !== undefined) return versions.find((v) => v.version === query.version);
    const candidates =
      query.asOf === undefined
        ? versions
        : versions.filter((v) => within(query.asOf as string, v.validFrom, v.validTo));
    return candidates.at(-1);
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

  #index(version: CatalogVersion): Map<string, CatalogEntry> {
    let index = this.#indexes.get(version);
    if (!index) {
      index = new Map(version.entries.map((e) => [e.code, e]));
      this.#indexes.set(version, index);
    }
    return index;
  }
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
