import {
  type Adapter,
  AdapterError,
  defineAdapter,
  type Mapping,
  openWorkbook,
  type WriteRequest,
} from '@eduvn/adapter-kit';
import { type CsvReadOptions, openCsvFile } from './read-csv.ts';
import { type CsvWriteOptions, writeCsv } from './write-csv.ts';

/** What {@link csvAdapter} takes: the mapping(s), and optionally names and CSV options. */
export interface CsvAdapterOptions extends CsvReadOptions {
  /** A short stable id, lower-case letters, digits and dashes (default `'csv'`). */
  readonly id?: string;
  /** A human name (default `'CSV file of <entities>'`). */
  readonly label?: string;
  /** The layout version (default the first mapping's `version`, else `'1'`). */
  readonly version?: string;
  /** What the layout is based on (default `'a mapping supplied by the user'`). */
  readonly basis?: string;
  /** The mapping of the one entity the files hold (give this or {@link mappings}). */
  readonly mapping?: Mapping;
  /**
   * Mappings of several entities (give this or {@link mapping}), one per entity: a file is read
   * as every entity whose header is found in it, so keep their headers distinct.
   */
  readonly mappings?: readonly Mapping[];
  /** How many rows at the top of a file to search for the header (default 30). */
  readonly headerSearchRows?: number;
  /**
   * The fewest of a mapping's columns a row must name to be taken for its header (default 3, or
   * the number of columns of a smaller mapping).
   */
  readonly minScore?: number;
  /** Defaults for the adapter's `write` (the request's `options` override them). */
  readonly write?: CsvWriteOptions;
}

/** An adapter for CSV files made by {@link csvAdapter}: an ordinary `Adapter`, plus its options. */
export interface CsvAdapter extends Adapter {
  /** How {@link readCsv} opens files for this adapter. */
  readonly csv: Readonly<CsvReadOptions>;
  /** The defaults of the adapter's `write`. */
  readonly writeOptions: Readonly<CsvWriteOptions>;
}

const WRITE_KEYS: readonly (keyof CsvWriteOptions)[] = [
  'delimiter',
  'encoding',
  'bom',
  'decimalSeparator',
  'negativeNumbers',
  'header',
];

/** The write options of a request (unknown keys are an error: a typo must not pass silently). */
function writeOptionsOf(options: Readonly<Record<string, unknown>> | undefined): CsvWriteOptions {
  if (options === undefined) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!(WRITE_KEYS as readonly string[]).includes(key)) {
      throw new TypeError(
        `CSV write: unknown option ${JSON.stringify(key.slice(0, 60))}; the options are ${WRITE_KEYS.join(', ')}`,
      );
    }
    if (value !== undefined) out[key] = value;
  }
  return out as CsvWriteOptions;
}

function checkRead(options: CsvReadOptions): Readonly<CsvReadOptions> {
  const { encoding, delimiter, unquoteFormulas } = options;
  if (
    encoding !== undefined &&
    !['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1258'].includes(encoding)
  ) {
    throw new RangeError(
      `csvAdapter: encoding must be 'auto', 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1258', got ${JSON.stringify(encoding)}`,
    );
  }
  if (delimiter !== undefined && !['auto', ',', ';', '\t', '|'].includes(delimiter)) {
    throw new RangeError(
      `csvAdapter: delimiter must be 'auto', ',', ';', '\\t' or '|', got ${JSON.stringify(delimiter)}`,
    );
  }
  return Object.freeze({
    ...(encoding === undefined ? {} : { encoding }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(unquoteFormulas === undefined ? {} : { unquoteFormulas }),
  });
}

/**
 * An adapter for CSV files in a layout the caller describes with `defineMapping` (or one
 * {@link inferCsvAdapter} proposes): it reads with {@link readCsv} — or the kit's `readWith`,
 * `readAll` and `detectAdapter`, as any adapter — and writes with {@link writeCsv}.
 *
 * - Files: UTF-8 with or without a byte-order mark, UTF-16, Windows-1258 (detected, or forced by
 *   {@link CsvReadOptions.encoding}); `,` `;` tab or `|` delimited (detected, or forced); the
 *   header found among the first rows by the mappings' header texts, wherever it is (below a
 *   title, in any case, NFC or NFD, with `(*)` markers).
 * - Reading gives records with provenance to the column (`'A'`, `'B'`…) of each field; bad values
 *   become issues; rows are never dropped silently.
 * - `write({ entity, records, options })` writes the entity's mapping columns as CSV (options:
 *   {@link CsvWriteOptions}, over {@link CsvAdapterOptions.write}).
 *
 * The adapter's format is `'csv'`: given an .xlsx or .xls file, the kit still reads it, with a
 * warning.
 *
 * @param options - the mapping(s), names, CSV options
 * @returns the adapter, frozen
 * @throws TypeError without a mapping, with both `mapping` and `mappings`, or for what
 * `defineAdapter` refuses (an id that is not lower-case, an entity mapped twice); RangeError for
 * an encoding or delimiter the reader does not know
 *
 * @example
 * ```ts
 * const pupils = csvAdapter({
 *   id: 'my-school-pupils',
 *   mapping: defineMapping({
 *     entity: 'HocSinh',
 *     columns: {
 *       hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
 *       hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
 *       ngaySinh: column('Ngày sinh', 'date'),
 *     },
 *   }),
 *   delimiter: ';',
 * });
 * const { records, issues } = await readCsvAll(pupils, { path: 'hoc-sinh.csv' });
 * ```
 */
export function csvAdapter(options: CsvAdapterOptions): CsvAdapter {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('csvAdapter: expected { mapping } or { mappings }');
  }
  if (options.mapping !== undefined && options.mappings !== undefined) {
    throw new TypeError('csvAdapter: give mapping or mappings, not both');
  }
  const mappings =
    options.mapping === undefined ? [...(options.mappings ?? [])] : [options.mapping];
  if (mappings.length === 0) {
    throw new TypeError(
      'csvAdapter: no mapping: give { mapping: defineMapping({ entity, columns }) }, or use inferCsvAdapter to propose one from a sample file',
    );
  }
  for (const mapping of mappings) {
    if (
      typeof mapping !== 'object' ||
      mapping === null ||
      !Array.isArray((mapping as Mapping).vocabulary)
    ) {
      throw new TypeError('csvAdapter: every mapping must be made by defineMapping');
    }
  }
  const csv = checkRead(options);
  const writeDefaults = Object.freeze(writeOptionsOf(options.write as Record<string, unknown>));
  const entities = mappings.map((mapping) => ({
    mapping,
    ...(options.headerSearchRows === undefined
      ? {}
      : { headerSearchRows: options.headerSearchRows }),
    minScore: options.minScore ?? Math.min(3, Math.max(1, mapping.vocabulary.length)),
  }));
  const byEntity = new Map(mappings.map((m) => [m.entity, m]));
  const names = mappings.map((m) => m.entity).join(', ');
  const adapter = defineAdapter({
    id: options.id ?? 'csv',
    label: options.label ?? `CSV file of ${names}`,
    version: options.version ?? mappings[0]?.version ?? '1',
    basis: options.basis ?? 'a mapping supplied by the user',
    formats: ['csv'],
    entities,
    // readAll/readWith open CSV with this adapter's options (and remove the formula prefix); a
    // workbook handed to it is opened as the kit would, and read with a format warning.
    open: (source, open) =>
      openCsvFile(source, { ...csv, ...open }).catch((error: unknown) => {
        if (error instanceof AdapterError && error.code === 'wrong-file-type') {
          return openWorkbook(source, open);
        }
        throw error;
      }),
    write: (request: WriteRequest) => {
      const mapping = byEntity.get(request.entity);
      if (mapping === undefined) {
        throw new RangeError(
          `CSV write: this adapter writes ${names}, not ${JSON.stringify(String(request.entity).slice(0, 60))}`,
        );
      }
      return writeCsv(request.records, mapping, {
        ...writeDefaults,
        ...writeOptionsOf(request.options),
      });
    },
  });
  return Object.freeze({ ...adapter, csv, writeOptions: writeDefaults });
}
