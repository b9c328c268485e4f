/**
 * Read any CSV of pupils, staff or classes with a mapping you supply (`csvAdapter`) or one
 * inferred from the file's headers and values (`inferCsvAdapter`, reviewed with
 * `describeProposal`); write CSV that Excel opens with Vietnamese intact and that no spreadsheet
 * can run as formulas (`writeCsv`). UTF-8 with or without BOM, UTF-16, Windows-1258; `,` `;` tab
 * or `|` delimited; streaming.
 *
 * @packageDocumentation
 */

export { type CsvAdapter, type CsvAdapterOptions, csvAdapter } from './csv-adapter.ts';
export { describeProposal } from './describe-proposal.ts';
export { isFormulaLike, quoteFormula, unquoteFormula } from './formula-prefix.ts';
export {
  type CsvProposal,
  DEFAULT_MIN_CONFIDENCE,
  type InferCsvOptions,
  type InferredCsvAdapter,
  inferCsvAdapter,
  type ProposedColumn,
} from './infer-csv.ts';
export {
  type CsvReadOptions,
  type OpenCsvOptions,
  openCsvFile,
  readCsv,
  readCsvAll,
} from './read-csv.ts';
export {
  type CsvColumn,
  type CsvLayout,
  type CsvWriteOptions,
  csvColumns,
  writeCsv,
  writeCsvStream,
} from './write-csv.ts';

/**
 * The version of the CSV conventions this package writes and reads back: RFC 4180 with CRLF,
 * UTF-8 with a byte-order mark, `dd/mm/yyyy` dates, and the `'` prefix against formula injection.
 */
export const VERSION = '1';
