import {
  type Adapter,
  type Cell,
  type CsvDelimiter,
  type CsvEncoding,
  type CsvWorkbook,
  type Limits,
  openCsv,
  type ReadItem,
  type ReadResult,
  type Row,
  type RowOptions,
  readWith,
  type WorkbookSource,
} from '@eduvn/adapter-kit';
import { unquoteFormula } from './formula-prefix.ts';

/** How a CSV file is decoded and split (the options of the kit's `openCsv`, and one more). */
export interface CsvReadOptions {
  /**
   * The text encoding, or `'auto'` (the default): a byte-order mark decides (UTF-8, UTF-16LE,
   * UTF-16BE); without one, zero bytes in the pattern of UTF-16 mean UTF-16; otherwise a file
   * that is valid UTF-8 from start to end is UTF-8; one that is UTF-8 but for a few bytes stays
   * UTF-8 (the values holding them are reported); one almost none of whose non-ASCII bytes are
   * UTF-8 is Windows-1258 (what Excel's plain "CSV" writes on a Vietnamese Windows); one that
   * mixes both is refused. Force it when a file is known to be Windows-1258 but happens to be
   * valid UTF-8 (pure ASCII is both).
   */
  readonly encoding?: CsvEncoding | 'auto';
  /**
   * The field delimiter, or `'auto'` (the default): the one of `,` `;` tab `|` found outside
   * quotes in the most consistent number per record over the first 50 records.
   */
  readonly delimiter?: CsvDelimiter | 'auto';
  /**
   * Whether to remove the `'` that {@link writeCsv} (and other careful writers) put in front of
   * fields starting with `=`, `+`, `-`, `@`, a tab or a carriage return (default `true`; see
   * `unquoteFormula` for exactly what is removed). With `false`, fields are read as written.
   */
  readonly unquoteFormulas?: boolean;
}

/** Options of {@link openCsvFile}, {@link readCsv} and {@link readCsvAll}. */
export interface OpenCsvOptions extends CsvReadOptions {
  /** The file's name, for provenance and messages (default: the path, if any). */
  readonly file?: string;
  /** Limits other than the kit's defaults (file size, rows, columns, cell length). */
  readonly limits?: Partial<Limits>;
}

/** A cell with the formula prefix removed, or the cell itself. */
function unquoteCell(cell: Cell | undefined): Cell | undefined {
  if (cell === undefined || typeof cell.value !== 'string') return cell;
  const value = unquoteFormula(cell.value);
  return value === cell.value ? cell : { ...cell, value };
}

async function* unquoteRows(rows: AsyncIterable<Row>): AsyncGenerator<Row, void, undefined> {
  for await (const row of rows) {
    let changed = false;
    const cells = row.cells.map((cell) => {
      const out = unquoteCell(cell);
      if (out !== cell) changed = true;
      return out;
    });
    yield changed ? { row: row.row, cells } : row;
  }
}

/**
 * Opens a CSV file as a workbook of one sheet (the kit's `openCsv`, streaming), with the formula
 * prefix of {@link writeCsv} removed from every field unless
 * {@link CsvReadOptions.unquoteFormulas} is `false`. The rows stream: a path is read in 1 MiB
 * chunks as they are iterated, never loaded whole.
 *
 * @param source - the file's bytes, or `{ path }`
 * @param options - encoding, delimiter, unquoting, file name, limits
 * @returns the workbook (close it when done)
 * @throws AdapterError `'empty-file'`, `'wrong-file-type'` (binary data: an .xlsx, a zip, an
 * image), `'limit-exceeded'`, `'corrupt-file'` (a quoted field never closed), as `openCsv` does
 */
export async function openCsvFile(
  source: WorkbookSource,
  options: OpenCsvOptions = {},
): Promise<CsvWorkbook> {
  const book = await openCsv(source, {
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  });
  if (options.unquoteFormulas === false) return book;
  return {
    format: book.format,
    file: book.file,
    sheets: book.sheets,
    encoding: book.encoding,
    encodingSource: book.encodingSource,
    ...(book.invalidUtf8 === undefined ? {} : { invalidUtf8: book.invalidUtf8 }),
    delimiter: book.delimiter,
    rows: (sheet: string | number, rowOptions?: RowOptions) =>
      unquoteRows(book.rows(sheet, rowOptions)),
    merges: (sheet: string | number) => book.merges(sheet),
    close: () => book.close(),
  };
}

/** The CSV options an adapter carries (a `CsvAdapter`'s), if any. */
function adapterOptions(adapter: Adapter): CsvReadOptions {
  const csv = (adapter as { readonly csv?: unknown }).csv;
  return typeof csv === 'object' && csv !== null ? (csv as CsvReadOptions) : {};
}

/**
 * Reads a CSV file with an adapter, streaming: the file is opened with the adapter's CSV options
 * (a `csvAdapter`'s encoding, delimiter and unquoting; `options` win), the formula prefix is
 * removed, and the kit's `readWith` yields a record with provenance, a skip with its reason, or an
 * issue for every row — nothing is dropped silently, and memory stays bounded whatever the size
 * of the file.
 *
 * The kit's own `readWith`/`readAll` also read CSV files with a `csvAdapter` (it is an ordinary
 * adapter), but they detect the encoding and delimiter and keep the formula prefix: values
 * {@link writeCsv} had to neutralise (`'=…'`, negative numbers) come back with their `'`.
 *
 * @param adapter - a `csvAdapter`, or any adapter
 * @param source - the file's bytes, or `{ path }`
 * @param options - file name, limits, and CSV options overriding the adapter's
 * @throws AdapterError for a file that is not readable CSV (see {@link openCsvFile})
 *
 * @example
 * ```ts
 * for await (const item of readCsv(adapter, { path: 'hoc-sinh.csv' })) {
 *   if (item.kind === 'record') await save(item.record);
 *   else if (item.kind === 'issue') report(item);
 * }
 * ```
 */
export async function* readCsv(
  adapter: Adapter,
  source: WorkbookSource,
  options: OpenCsvOptions = {},
): AsyncGenerator<ReadItem, void, undefined> {
  const book = await openCsvFile(source, { ...adapterOptions(adapter), ...options });
  try {
    yield* readWith(adapter, book, options.file === undefined ? {} : { file: options.file });
  } finally {
    await book.close();
  }
}

/**
 * {@link readCsv}, collected into arrays (for files that fit in memory).
 *
 * @param adapter - a `csvAdapter`, or any adapter
 * @param source - the file's bytes, or `{ path }`
 * @param options - file name, limits, and CSV options overriding the adapter's
 */
export async function readCsvAll(
  adapter: Adapter,
  source: WorkbookSource,
  options: OpenCsvOptions = {},
): Promise<ReadResult> {
  const records: Extract<ReadItem, { kind: 'record' }>[] = [];
  const issues: Extract<ReadItem, { kind: 'issue' }>[] = [];
  const skipped: Extract<ReadItem, { kind: 'skip' }>[] = [];
  for await (const item of readCsv(adapter, source, options)) {
    if (item.kind === 'record') records.push(item);
    else if (item.kind === 'issue') issues.push(item);
    else skipped.push(item);
  }
  return { records, issues, skipped };
}
