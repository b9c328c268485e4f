import { bundledCatalogs, type CatalogQuery, Catalogs } from '@eduvn/standard';

/** How the readers code the names the national database exports. */
export interface MoetCatalogOptions {
  /**
   * The catalogs names are coded with (default `bundledCatalogs()`). Give the template's own
   * catalog sheets (`bundledCatalogs(await readCatalogSheets(workbook, …))`) to code values the
   * bundled catalogs lack — the bundled pupil statuses hold 5 of the export's 12, and disability
   * types are not bundled at all.
   */
  readonly catalogs?: Catalogs;
  /** The day (ISO `yyyy-mm-dd`) the catalogs' codes must be valid on (default: the current version). */
  readonly asOf?: string;
}

/** Checked catalog options. */
export interface CheckedCatalogOptions {
  /** The catalogs. */
  readonly catalogs: Catalogs;
  /** The version query. */
  readonly query: CatalogQuery;
}

let bundled: Catalogs | undefined;

/** The bundled catalogs, built once (building them validates the whole pack). */
export function defaultCatalogs(): Catalogs {
  bundled ??= bundledCatalogs();
  return bundled;
}

/** Checks {@link MoetCatalogOptions}, with the caller's name for messages. */
export function checkCatalogOptions(
  options: MoetCatalogOptions,
  caller: string,
): CheckedCatalogOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}: options must be an object such as { catalogs, asOf }`);
  }
  const { catalogs, asOf } = options;
  if (catalogs !== undefined && !(catalogs instanceof Catalogs)) {
    throw new TypeError(
      `${caller}: catalogs must be a Catalogs set from @eduvn/standard (bundledCatalogs(…))`,
    );
  }
  if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) {
    throw new TypeError(`${caller}: asOf must be an ISO date (yyyy-mm-dd)`);
  }
  return { catalogs: catalogs ?? defaultCatalogs(), query: asOf === undefined ? {} : { asOf } };
}
