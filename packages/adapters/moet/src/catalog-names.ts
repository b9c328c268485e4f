import type { CatalogQuery, Catalogs } from '@eduvn/standard';
import { matchKey } from '@eduvn/text';

/** What {@link CatalogNames.resolve} made of a value. */
export type CatalogResolution =
  | {
      /** The value is a name (or a code) of the catalog. */
      readonly ok: true;
      /** The catalog code. */
      readonly code: string;
    }
  | {
      /** The value could not be coded. */
      readonly ok: false;
      /** `'unknown'`: neither a name nor a code of the catalog; `'ambiguous'`: several codes share the name. */
      readonly reason: 'unknown' | 'ambiguous';
    };

/**
 * A catalog's names and codes, indexed once, to turn the names the national database exports
 * (`Kinh`, `Đang học`) into the catalog's codes. Built by {@link catalogNames}.
 */
export interface CatalogNames {
  /** The code system's id (`'DM_DAN_TOC'`). */
  readonly catalog: string;
  /** How many codes the catalog holds in the version used (0: not loaded). */
  readonly size: number;
  /**
   * The code of a value: a name of the catalog compared by `matchKey` (case, diacritics, tone
   * placement, NFC/NFD and punctuation never matter), else a code of the catalog as written — a
   * number that lost its leading zeros (`1` for ethnicity `01`) gets them back when every code
   * of the catalog has the same number of digits. Nothing else is tried: no guessing.
   */
  resolve(value: string): CatalogResolution;
}

/** A rule for a value no name matches exactly (the staff export's statuses that contain "Đang làm việc"). */
export interface CatalogFallback {
  /** The `matchKey` the value's key must contain. */
  readonly contains: string;
  /** The code it gets (used only when the catalog holds that code). */
  readonly code: string;
}

/**
 * Indexes a catalog of `catalogs` for {@link CatalogNames.resolve}.
 *
 * @param catalogs - the catalogs (`bundledCatalogs()`, perhaps with packs such as the template's
 * catalog sheets read by `readCatalogSheets`)
 * @param catalog - the code system's id
 * @param query - which version (`asOf`, `version`); default the current one
 * @param fallbacks - rules for values that no name matches
 *
 * @example
 * ```ts
 * const ethnicity = catalogNames(bundledCatalogs(), 'DM_DAN_TOC');
 * ethnicity.resolve('Kinh'); // { ok: true, code: '01' }
 * ethnicity.resolve('1');    // { ok: true, code: '01' }
 * ```
 */
export function catalogNames(
  catalogs: Catalogs,
  catalog: string,
  query: CatalogQuery = {},
  fallbacks: readonly CatalogFallback[] = [],
): CatalogNames {
  const entries = catalogs.entries(catalog, query);
  /** Name key → code, or `null` when two codes share the name. */
  const byName = new Map<string, string | null>();
  const codes = new Set<string>();
  for (const entry of entries) {
    codes.add(entry.code);
    const key = matchKey(entry.name);
    if (key === '') continue;
    const known = byName.get(key);
    byName.set(key, known === undefined || known === entry.code ? entry.code : null);
  }
  const widths = new Set([...codes].map((c) => (/^\d+$/.test(c) ? c.length : -1)));
  const [width] = widths.size === 1 ? [...widths] : [-1];
  const usable = fallbacks.filter((f) => codes.has(f.code));
  return Object.freeze({
    catalog,
    size: codes.size,
    resolve(value: string): CatalogResolution {
      const text = value.trim();
      const key = matchKey(text);
      const named = byName.get(key);
      if (named === null) return { ok: false, reason: 'ambiguous' };
      if (named !== undefined) return { ok: true, code: named };
      if (codes.has(text)) return { ok: true, code: text };
      if (width !== undefined && width > 0 && /^\d+$/.test(text) && text.length < width) {
        const padded = text.padStart(width, '0');
        if (codes.has(padded)) return { ok: true, code: padded };
      }
      const fallback = key === '' ? undefined : usable.find((f) => key.includes(f.contains));
      if (fallback !== undefined) return { ok: true, code: fallback.code };
      return { ok: false, reason: 'unknown' };
    },
  });
}
