import { type ColumnSpec, column, type MappingTransform } from '@eduvn/adapter-kit';
import type { CatalogQuery, Catalogs } from '@eduvn/standard';
import { type CatalogFallback, type CatalogNames, catalogNames } from './catalog-names.ts';

/**
 * A column whose cells hold a catalog's names (the national database exports `Kinh`, `Đang học`,
 * not codes): read as text, then coded with the catalog by the mapping's transform hook.
 */
export interface CatalogColumnSpec {
  /** The record field the code goes to (`'maDanToc'`). */
  readonly field: string;
  /** The headers the column is found by, canonical first. */
  readonly headers: readonly [string, ...string[]];
  /** The code system (`'DM_DAN_TOC'`). */
  readonly catalog: string;
  /** The value is sensitive personal data (ethnicity, disability): messages never quote it. */
  readonly sensitive: boolean;
  /** Rules for values no name matches. */
  readonly fallbacks?: readonly CatalogFallback[];
}

/** A catalog column ready for a mapping: its extras name, its spec, and the catalog index. */
export interface BoundCatalogColumn {
  /** The extras name the text is read under (`'danTocName'`). */
  readonly extra: string;
  /** The column as defined. */
  readonly spec: CatalogColumnSpec;
  /** The catalog's names and codes. */
  readonly names: CatalogNames;
}

/**
 * The error the transform hook throws when a row holds names that are not in their catalog: the
 * adapter kit turns it into an error issue of the record ("The mapping's transform hook failed
 * (CatalogNameError: …)"), and the record keeps the values of its plain columns only.
 */
export class CatalogNameError extends Error {
  /** Always `'CatalogNameError'`. */
  override readonly name = 'CatalogNameError';
}

/** The extras name of a field's catalog column. */
const extraName = (field: string): string => `${field}Name`;

/** The columns of `specs` whose catalog holds codes in `catalogs`, indexed. */
export function bindCatalogColumns(
  specs: readonly CatalogColumnSpec[],
  catalogs: Catalogs,
  query: CatalogQuery,
): BoundCatalogColumn[] {
  return specs
    .map((spec) => ({
      extra: extraName(spec.field),
      spec,
      names: catalogNames(catalogs, spec.catalog, query, spec.fallbacks),
    }))
    .filter((c) => c.names.size > 0);
}

/** The extras of catalog columns, for `defineMapping`. */
export function catalogExtras(columns: readonly BoundCatalogColumn[]): Record<string, ColumnSpec> {
  return Object.fromEntries(columns.map((c) => [c.extra, column([...c.spec.headers], 'text')]));
}

/** A value shown in a message: quoted and cut, or not at all for sensitive fields. */
function shown(value: string, sensitive: boolean): string {
  if (sensitive) return '';
  const cut = value.length > 30 ? `${value.slice(0, 30)}…` : value;
  return ` ${JSON.stringify(cut)}`;
}

/**
 * The transform hook that codes the catalog columns' names: each name found in its catalog sets
 * its field to the code; when any is not found (or is ambiguous), the hook throws a
 * {@link CatalogNameError} naming the columns and catalogs — never guessing a code — so the row
 * gets an error issue and none of its catalog fields (the adapter kit keeps only the plain
 * columns of a row whose hook failed).
 */
export function catalogTransform(columns: readonly BoundCatalogColumn[]): MappingTransform {
  return (record, _row, extras) => {
    const failures: string[] = [];
    for (const { extra, spec, names } of columns) {
      const value = extras[extra];
      if (value === undefined) continue;
      const text = String(value);
      const result = names.resolve(text);
      if (result.ok) {
        record[spec.field] = result.code;
        continue;
      }
      const what = result.reason === 'ambiguous' ? 'names several codes of' : 'is not in';
      failures.push(`${spec.headers[0]}${shown(text, spec.sensitive)} ${what} ${spec.catalog}`);
    }
    if (failures.length > 0) {
      const fields = columns.map((c) => c.spec.field).join(', ');
      throw new CatalogNameError(
        `${failures.join('; ')}. Use the names of the file's catalog sheets; ${fields} left out`,
      );
    }
    return record;
  };
}
