import {
  AdapterError,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvEncodingSource,
  defineMapping,
  findHeader,
  type HeaderAlias,
  type HeaderMatch,
  headerColumns,
  type InferredColumn,
  inferMapping,
  type MappingInput,
  type Row,
  type WorkbookSource,
} from '@eduvn/adapter-kit';
import { type CsvAdapter, type CsvAdapterOptions, csvAdapter } from './csv-adapter.ts';
import { describeProposal } from './describe-proposal.ts';
import { entityVocabulary } from './entity-vocabulary.ts';
import { type CsvReadOptions, type OpenCsvOptions, openCsvFile } from './read-csv.ts';

/**
 * The default {@link InferCsvOptions.minConfidence}: columns found by their header — a known
 * header, the field's label, or a close resemblance the values confirm — go into the adapter;
 * guesses from the values alone (0.6 and less) and faint resemblances stay in the proposal for
 * review.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.7;

/** Options of {@link inferCsvAdapter}. */
export interface InferCsvOptions
  extends OpenCsvOptions,
    Pick<CsvAdapterOptions, 'id' | 'label' | 'version' | 'basis' | 'write'> {
  /**
   * The lowest confidence (0–1) of a column that goes into the adapter's mapping (default
   * {@link DEFAULT_MIN_CONFIDENCE}, 0.7). Columns below it stay in the proposal, marked
   * `'below-threshold'`, for a person to review.
   */
  readonly minConfidence?: number;
  /**
   * The 1-based row of the header, when it cannot be found: by default the header is the row
   * (or run of rows) among the first {@link headerSearchRows} that names the most fields of the
   * entity.
   */
  readonly headerRow?: number;
  /** How many rows at the top of the file to search for the header (default 30). */
  readonly headerSearchRows?: number;
  /** How many rows below the header to profile (default 500). */
  readonly sampleRows?: number;
  /** The alias dictionary (default the kit's `HEADER_ALIASES` entries of the entity). */
  readonly aliases?: readonly HeaderAlias[];
}

/** One column of a {@link CsvProposal}: what `inferMapping` proposes, and what became of it. */
export interface ProposedColumn extends InferredColumn {
  /**
   * `'mapped'`: in the adapter's mapping; `'below-threshold'`: a field was proposed with less
   * than the minimum confidence, so it is left out until a person confirms it; `'unmapped'`: no
   * field fits (or a better column took it).
   */
  readonly status: 'mapped' | 'below-threshold' | 'unmapped';
}

/** What {@link inferCsvAdapter} found in a sample file, for a person to review. */
export interface CsvProposal {
  /** The entity. */
  readonly entity: string;
  /** The file's name, when known. */
  readonly file: string | undefined;
  /** The encoding the file was decoded with. */
  readonly encoding: CsvEncoding;
  /** How the encoding was chosen. */
  readonly encodingSource: CsvEncodingSource;
  /** The delimiter. */
  readonly delimiter: CsvDelimiter;
  /** The first header row (1-based). */
  readonly headerRow: number;
  /** The last header row (the same as {@link headerRow} for a one-row header). */
  readonly lastHeaderRow: number;
  /** How many data rows below the header were profiled. */
  readonly sampledRows: number;
  /** The confidence threshold used. */
  readonly minConfidence: number;
  /** Every header column, left to right, with its proposal. */
  readonly columns: readonly ProposedColumn[];
  /** The columns no field fits ({@link ProposedColumn.status} `'unmapped'`). */
  readonly unmapped: readonly ProposedColumn[];
  /** The mapping the adapter uses: the `'mapped'` columns, found by the file's own headers. */
  readonly mapping: MappingInput;
}

/** What {@link inferCsvAdapter} returns. */
export interface InferredCsvAdapter {
  /** The adapter, reading the columns of at least the minimum confidence. */
  readonly adapter: CsvAdapter;
  /** Every column's proposal, for review (see {@link describeProposal}). */
  readonly proposal: CsvProposal;
}

function checkNumber(name: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
    throw new RangeError(
      `inferCsvAdapter: ${name} must be a number from ${min} to ${max}, got ${String(value)}`,
    );
  }
}

function checkWhole(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= min)) {
    throw new RangeError(
      `inferCsvAdapter: ${name} must be a whole number of at least ${min}, got ${String(value)}`,
    );
  }
}

/** A header given by its row number: the row's texts, nothing matched. */
function headerAt(rows: readonly Row[], at: number): HeaderMatch | undefined {
  const row = rows.find((r) => r.row === at);
  if (row === undefined) return undefined;
  const columns = headerColumns([row], { dataRows: rows.filter((r) => r.row > at) });
  return { firstRow: at, lastRow: at, columns, score: 0, matched: new Map() };
}

/**
 * Proposes an adapter for a CSV file nobody wrote a mapping for — a vendor's export seen for the
 * first time:
 *
 * 1. opens the file (encoding and delimiter detected, or as given) and reads only its first rows;
 * 2. finds the header: the row (or run of rows) among the first 30 that names the most fields of
 *    the entity (by the kit's alias dictionary, the fields' Vietnamese and English labels and
 *    QĐ 4998 symbols), or {@link InferCsvOptions.headerRow};
 * 3. runs the kit's `inferMapping` on the header and up to 500 rows below it: for each column, a
 *    field, how to read it, a confidence and the reasons;
 * 4. builds a {@link csvAdapter} from the columns of at least
 *    {@link InferCsvOptions.minConfidence} (0.7), each found by the file's own header text.
 *
 * The proposal keeps every column — mapped, below the threshold, or unmapped — for a person to
 * review ({@link describeProposal} prints it); `proposal.mapping` is the draft to copy into a
 * `defineMapping` once confirmed.
 *
 * @param source - the sample file: bytes, or `{ path }`
 * @param entity - the entity its rows hold (`'HocSinh'`)
 * @param options - threshold, header row, CSV options, the adapter's names
 * @returns the adapter and the proposal
 * @throws AdapterError `'no-data-sheet'` when no header of the entity is found (give
 * `headerRow`) or no column reaches the threshold (the message lists the proposal); the codes of
 * {@link openCsvFile} for a file that is not CSV; TypeError for an unknown entity; RangeError for
 * options out of range
 *
 * @example
 * ```ts
 * const { adapter, proposal } = await inferCsvAdapter({ path: 'k12online.csv' }, 'HocSinh');
 * for (const line of describeProposal(proposal)) console.log(line);
 * const { records } = await readCsvAll(adapter, { path: 'k12online.csv' });
 * ```
 */
export async function inferCsvAdapter(
  source: WorkbookSource,
  entity: string,
  options: InferCsvOptions = {},
): Promise<InferredCsvAdapter> {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  checkNumber('minConfidence', minConfidence, 0, 1);
  checkWhole('headerRow', options.headerRow, 1);
  checkWhole('headerSearchRows', options.headerSearchRows, 1);
  checkWhole('sampleRows', options.sampleRows, 1);
  const vocabulary = entityVocabulary(entity, options.aliases);
  const searchRows = options.headerSearchRows ?? 30;
  const sampleRows = options.sampleRows ?? 500;
  const csv: CsvReadOptions = {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.unquoteFormulas === undefined ? {} : { unquoteFormulas: options.unquoteFormulas }),
  };

  const book = await openCsvFile(source, {
    ...csv,
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const rows: Row[] = [];
  let header: HeaderMatch | undefined;
  try {
    const lastSearched = Math.max(searchRows, options.headerRow ?? 0);
    let dataRows = 0;
    for await (const row of book.rows(0)) {
      if (header === undefined && row.row > lastSearched) {
        header = locate(rows, vocabulary, options.headerRow);
        if (header === undefined) break;
        const last = header.lastRow;
        dataRows = rows.filter((r) => r.row > last).length;
      }
      if (header !== undefined && dataRows >= sampleRows) break;
      rows.push(row);
      if (header !== undefined && row.row > header.lastRow) dataRows++;
    }
    header ??= locate(rows, vocabulary, options.headerRow);
  } finally {
    await book.close();
  }
  const where = book.file === undefined ? '' : ` (${book.file})`;
  if (header === undefined) {
    throw new AdapterError(
      'no-data-sheet',
      options.headerRow === undefined
        ? `No row among the first ${searchRows} of the CSV file${where} names two or more fields of ${entity} (such as 'Họ tên', 'Ngày sinh'): it does not look like a list of ${entity}. If it is one, pass headerRow with the row of its header, or write the mapping with defineMapping and use csvAdapter.`
        : `The CSV file${where} has no row ${options.headerRow} to read the header from (headerRow).`,
      book.file === undefined ? {} : { file: book.file },
    );
  }
  const found = header;
  const data = rows.filter((r) => r.row > found.lastRow).slice(0, sampleRows);
  const inferred = inferMapping({ header: found, rows: data }, entity, {
    minConfidence,
    ...(options.aliases === undefined ? {} : { aliases: options.aliases }),
  });
  const mapped = new Set(Object.keys(inferred.mapping.columns));
  const columns: ProposedColumn[] = inferred.columns.map((c) => ({
    ...c,
    status: c.field === null ? 'unmapped' : mapped.has(c.field) ? 'mapped' : 'below-threshold',
  }));
  const proposal: CsvProposal = {
    entity,
    file: book.file,
    encoding: book.encoding,
    encodingSource: book.encodingSource,
    delimiter: book.delimiter,
    headerRow: found.firstRow,
    lastHeaderRow: found.lastRow,
    sampledRows: data.length,
    minConfidence,
    columns,
    unmapped: columns.filter((c) => c.status === 'unmapped'),
    mapping: inferred.mapping,
  };
  if (mapped.size === 0) {
    throw new AdapterError(
      'no-data-sheet',
      `No column of the CSV file${where} reaches the confidence of ${minConfidence} needed to read it as ${entity}:\n${describeProposal(proposal).join('\n')}\nLower minConfidence, or write the mapping with defineMapping and use csvAdapter.`,
      book.file === undefined ? {} : { file: book.file },
    );
  }
  const adapter = csvAdapter({
    id: options.id ?? `csv-${entity.toLowerCase()}`,
    label:
      options.label ??
      `CSV file of ${entity}, layout inferred from ${book.file ?? 'a sample file'}`,
    version: options.version ?? '1',
    basis:
      options.basis ??
      `a mapping inferred by inferMapping from the headers and values of ${book.file ?? 'a sample file'}, to be reviewed`,
    mapping: defineMapping({ ...inferred.mapping, version: options.version ?? '1' }),
    ...csv,
    ...(options.write === undefined ? {} : { write: options.write }),
  });
  return { adapter, proposal };
}

function locate(
  rows: readonly Row[],
  vocabulary: Parameters<typeof findHeader>[1],
  headerRow: number | undefined,
): HeaderMatch | undefined {
  if (headerRow !== undefined) return headerAt(rows, headerRow);
  return findHeader(rows, vocabulary, { minScore: 2 });
}
