import type { Bilingual } from '../meta/field-meta.ts';

/** One code of a catalog version. */
export interface CatalogEntry {
  /** The code, as stored in records (`'01'`, `'00004'`, `'V.07.03.29'`). */
  readonly code: string;
  /** The Vietnamese name, as the source writes it. */
  readonly name: string;
  /** An English name, where one is known. */
  readonly nameEn?: string;
  /** First day (ISO date, inclusive) the code is valid, when narrower than its version's. */
  readonly validFrom?: string;
  /** Last day (ISO date, inclusive) the code is valid, when narrower than its version's. */
  readonly validTo?: string;
  /** The code of the unit or group it belongs to (a commune's province), in {@link CatalogEntry.parentSystem}. */
  readonly parent?: string;
  /** The code system of {@link CatalogEntry.parent}. */
  readonly parentSystem?: string;
  /** Codes of the previous version this code replaces (a merged commune's predecessors). */
  readonly replaces?: readonly string[];
  /** Codes of the next version that replace this one. */
  readonly replacedBy?: readonly string[];
  /** Further data of the entry (a unit's type, a subject's grades); values are plain JSON. */
  readonly attributes?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

/** One version of a code system: the codes valid over a period, from one source. */
export interface CatalogVersion {
  /** The version's id, unique within its code system (`'gso-2025-03-01'`, `'qd121-1979'`). */
  readonly version: string;
  /** First day (ISO date, inclusive) this version applies; absent: since always. */
  readonly validFrom?: string;
  /** Last day (ISO date, inclusive) this version applies; absent: still current. */
  readonly validTo?: string;
  /** Where the codes come from. */
  readonly source: string;
  /** What a user must know about this version (unverified codes, partial lists). */
  readonly note?: string;
  /** The codes. */
  readonly entries: readonly CatalogEntry[];
}

/** A code system (`DM_DAN_TOC`, `DM_TINH`, …) with all its versions. */
export interface CodeSystem {
  /** The catalog's symbol, as QĐ 4998 names it (`DM_DAN_TOC`) or the SDK's own in that style. */
  readonly id: string;
  /** What the catalog lists. */
  readonly name: Bilingual;
  /** Where the catalog is defined (for QĐ 4998 catalogs: its reference, e.g. `QĐ 121-TCTK/PPCĐ`). */
  readonly source: string;
  /** What a user must know about the catalog. */
  readonly note?: string;
  /**
   * `true` for a catalog eduvn adds beyond QĐ 4998 §II (TT27 levels, GDPT 2018 subjects, teacher
   * titles, personal-ID prefixes, finance and status-change reasons), `false` for one §II lists.
   * Every bundled catalog states it, so that "QĐ 4998 catalogs only" is
   * `systems.filter((s) => s.addedByEduvn === false)`; a loaded pack may leave it out (unknown),
   * and merging a pack into a known catalog keeps the known catalog's flag.
   */
  readonly addedByEduvn?: boolean;
  /** Its versions, oldest first. Empty for a catalog whose values must be loaded from a pack. */
  readonly versions: readonly CatalogVersion[];
}

/**
 * A catalog pack: the JSON format in which catalogs are shipped and loaded (see
 * `json-schema/catalog-pack.schema.json`). Packs merge: versions accumulate, so loading a new
 * version never loses the old ones.
 */
export interface CatalogPack {
  /** Always `'eduvn-catalog-pack'`. */
  readonly format: 'eduvn-catalog-pack';
  /** The pack format's version; this SDK reads version 1. */
  readonly formatVersion: 1;
  /** A name for the pack, used in error messages. */
  readonly name: string;
  /** Where the pack's data comes from. */
  readonly source?: string;
  /** The code systems it carries (whole, or new versions of known ones). */
  readonly codeSystems: readonly CodeSystem[];
}
