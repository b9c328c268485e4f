/**
 * The CSV reader: any of the encodings Vietnamese schools' files come in, delimiter detection, and
 * a streaming RFC 4180 scanner.
 *
 * @module
 */
import { AdapterError, type Limits, resolveLimits } from '../../errors.ts';
import { markupOf, markupRefused } from '../markup.ts';
import type { Row, RowOptions, SheetInfo, Workbook } from '../types.ts';
import { type CsvDelimiter, detectDelimiter } from './delimiter.ts';
import {
  bomEncoding,
  type CsvEncoding,
  type CsvEncodingSource,
  isUtf8,
  looksBinary,
  nulPattern,
  type Utf8Census,
  utf8Census,
} from './encoding.ts';
import { CsvScanner } from './scanner.ts';
import { type ByteSource, inFile, openSource, sourceName, type WorkbookSource } from './source.ts';

export type { CsvDelimiter } from './delimiter.ts';
export type { CsvEncoding, CsvEncodingSource } from './encoding.ts';
export type { WorkbookSource } from './source.ts';

/** Bytes looked at to choose the encoding and the delimiter (64 KiB). */
const SAMPLE_BYTES = 64 * 1024;

/** Options of {@link openCsv}. */
export interface CsvOptions {
  /** The file's name, for messages and {@link Workbook.file} (default: the path, if any). */
  readonly file?: string;
  /** Limits other than the defaults (see {@link Limits}). */
  readonly limits?: Partial<Limits>;
  /**
   * The text encoding, or `'auto'` (the default): a byte-order mark decides (UTF-8, UTF-16LE,
   * UTF-16BE); without one, zero bytes in the pattern of UTF-16 mean UTF-16; otherwise a file that
   * is valid UTF-8 from start to end is UTF-8. A file that is not is never switched to another
   * encoding on one bad byte: when at least as many of its non-ASCII characters are valid UTF-8
   * as not, it is UTF-8 with invalid bytes (`'mostly-utf-8'`: each becomes U+FFFD and its cell is
   * marked `invalidText`); when almost none are (at most one in ten), it is Windows-1258 (see
   * {@link CsvEncoding}); in between, it mixes encodings and is refused (`'corrupt-file'`). A
   * given encoding is used as is: bytes it cannot decode become U+FFFD, their cells marked.
   */
  readonly encoding?: CsvEncoding | 'auto';
  /**
   * The field delimiter, or `'auto'` (the default): the candidate found outside quotes in the
   * most consistent number per record over the first 50 records.
   */
  readonly delimiter?: CsvDelimiter | 'auto';
}

/** The bytes of a CSV file read as UTF-8 that are not UTF-8 (see {@link CsvWorkbook.invalidUtf8}). */
export interface InvalidUtf8 {
  /** How many invalid sequences (each read as one U+FFFD). */
  readonly count: number;
  /** The line (1-based) of the first. */
  readonly firstLine: number;
}

/** A CSV file opened as a {@link Workbook} of one sheet, with what was detected. */
export interface CsvWorkbook extends Workbook {
  /** Always `'csv'`. */
  readonly format: 'csv';
  /** The encoding the text is decoded with. */
  readonly encoding: CsvEncoding;
  /** How {@link CsvWorkbook.encoding} was chosen (`'fallback'`: not UTF-8, so Windows-1258). */
  readonly encodingSource: CsvEncodingSource;
  /**
   * For a file read as UTF-8 although some of its bytes are not (`'mostly-utf-8'`): how many
   * invalid sequences it has, and the line of the first. Each reads as U+FFFD, and every cell
   * holding one is marked {@link Cell.invalidText}.
   */
  readonly invalidUtf8?: InvalidUtf8;
  /** The field delimiter. */
  readonly delimiter: CsvDelimiter;
}

/**
 * Opens a CSV (or tab-separated) file as a workbook of one sheet, named after the file without its
 * extension (`'Sheet1'` when there is no name).
 *
 * Rows stream: the file is read in 1 MiB chunks each time {@link Workbook.rows} is iterated, so a
 * province-size file is read in bounded memory (a path stays open until {@link Workbook.close}).
 * Opening reads the first 64 KiB to choose the encoding and the delimiter, and, when there is no
 * byte-order mark, the whole file once to check that it is valid UTF-8.
 *
 * The text is RFC 4180: records end at CR, LF or CRLF; a field starting with `"` may hold
 * delimiters, line breaks and doubled quotes (`""`); text between a closing quote and the next
 * delimiter is kept (`"ab"c` is `abc`, as Excel reads it); a `"` elsewhere is an ordinary
 * character; rows may have any number of fields. What the rows hold:
 *
 * - every value is text, exactly as written: never trimmed, never converted (`0123` stays
 *   `'0123'`, `1/2/2020` and `=SUM(A1)` stay text; no `formula`, no `date`);
 * - empty fields are gaps (`undefined`), trailing ones are not represented, and records with no
 *   value (blank lines, `;;;`) are left out;
 * - {@link Row.row} is the physical line where the record starts (line breaks inside quoted
 *   values count);
 * - text decoded from Windows-1258 is decomposed (tone marks as combining characters): normalize
 *   it before matching. No other normalization is done, in any encoding. (Decoding Windows-1258
 *   needs a runtime with full ICU, as the official Node.js builds and browsers are.)
 * - a value holding U+FFFD (bytes the encoding could not decode) or a NUL character (a zero byte,
 *   anywhere in the file: NUL is not text, and cleaning would silently drop it) is kept as decoded
 *   and marked {@link Cell.invalidText}, so that readers report it with its row and column.
 *
 * @param source - The file's bytes, or `{ path }` (its size is checked against
 * `limits.maxFileBytes` from `fstat`, before reading).
 * @param options - See {@link CsvOptions}.
 * @returns The workbook: one visible sheet, no merged ranges.
 * @throws AdapterError `'empty-file'` (no bytes, or no value at all; checked for files up to
 * 64 KiB, a larger file without a value yields no rows), `'wrong-file-type'` (binary
 * data: NUL or control characters in the first 64 KiB), `'unsupported-format'` (an HTML page or
 * an Excel 2003 XML spreadsheet, with or without byte-order mark), `'corrupt-file'` (UTF-8 mixed
 * with another encoding), `'limit-exceeded'` (file size). While rows are iterated (already when
 * opening a file of up to 64 KiB, which is scanned whole): `'corrupt-file'` for a quoted value
 * never closed (naming the line where it starts), `'limit-exceeded'` for rows, columns or the
 * text of a row (`maxRowLength`) beyond the limits. A value longer than `maxCellLength` is cut and
 * marked `truncated`, not an error.
 *
 * @example
 * ```ts
 * const book = await openCsv({ path: 'hoc-sinh.csv' });
 * for await (const row of book.rows(0)) console.log(row.row, row.cells.map((c) => c?.value));
 * await book.close();
 * ```
 */
export async function openCsv(
  source: WorkbookSource,
  options: CsvOptions = {},
): Promise<CsvWorkbook> {
  const limits = resolveLimits(options.limits);
  const file = sourceName(source, options.file);
  const bytes = await openSource(source, limits, file);
  try {
    return await open(bytes, limits, file, options);
  } catch (error) {
    await bytes.close();
    throw error;
  }
}

async function open(
  bytes: ByteSource,
  limits: Limits,
  file: string | undefined,
  options: CsvOptions,
): Promise<CsvWorkbook> {
  const details = file === undefined ? {} : { file };
  if (bytes.size === 0) {
    throw new AdapterError(
      'empty-file',
      `The CSV file${inFile(file)} is empty (0 bytes).`,
      details,
    );
  }
  const head = await bytes.head(SAMPLE_BYTES);
  const complete = head.byteLength >= bytes.size;
  const { encoding, how, census } = await chooseEncoding(
    bytes,
    head,
    options.encoding ?? 'auto',
    file,
  );
  const sample = decoderFor(encoding, file).decode(head, { stream: !complete });
  const markup = markupOf(sample);
  if (markup === 'html' || markup === 'xml-spreadsheet') throw markupRefused(markup, file);
  if (looksBinary(sample)) {
    throw new AdapterError(
      'wrong-file-type',
      `The file${inFile(file)} is not CSV text: it holds binary data${how === 'option' ? ` when decoded as ${encoding}` : ''}. If it is a spreadsheet, open it with openWorkbook (it recognizes .xlsx and .xls); otherwise export the data as CSV or .xlsx.`,
      details,
    );
  }
  const delimiter =
    options.delimiter === undefined || options.delimiter === 'auto'
      ? detectDelimiter(sample, complete)
      : options.delimiter;
  if (complete && !hasValue(sample, delimiter, limits, file)) {
    throw new AdapterError(
      'empty-file',
      `The CSV file${inFile(file)} holds no value (only blank lines, delimiters or empty quotes).`,
      details,
    );
  }
  const sheet: SheetInfo = { name: sheetName(file), index: 0, state: 'visible' };
  let closed = false;

  const check = (which: string | number): void => {
    if (closed) throw new Error('This workbook is closed: open the file again to read it.');
    if (which !== 0 && which !== sheet.name) {
      throw new RangeError(
        `No sheet ${typeof which === 'number' ? which : JSON.stringify(which)}: a CSV file has one sheet, 0 or ${JSON.stringify(sheet.name)}.`,
      );
    }
  };

  async function* rows(until: number): AsyncGenerator<Row, void, undefined> {
    const decoder = decoderFor(encoding, file);
    const scanner = new CsvScanner(delimiter, limits, file);
    const out: Row[] = [];
    for await (const chunk of bytes.chunks()) {
      scanner.push(decoder.decode(chunk, { stream: true }), out);
      for (const row of out) {
        if (row.row > until) return;
        yield row;
      }
      out.length = 0;
    }
    scanner.push(decoder.decode(), out);
    scanner.finish(out);
    for (const row of out) {
      if (row.row > until) return;
      yield row;
    }
  }

  return {
    format: 'csv',
    file,
    sheets: [sheet],
    encoding,
    encodingSource: how,
    ...(census === undefined
      ? {}
      : { invalidUtf8: { count: census.invalid, firstLine: census.firstInvalidLine } }),
    delimiter,
    rows(which: string | number, rowOptions: RowOptions = {}): AsyncIterable<Row> {
      check(which);
      return rows(rowOptions.until ?? Number.POSITIVE_INFINITY);
    },
    async merges(which: string | number) {
      check(which);
      return [];
    },
    async close() {
      closed = true;
      await bytes.close();
    },
  };
}

/**
 * A decoder (non-fatal: undecodable bytes become U+FFFD; a BOM of the encoding is skipped).
 * Windows-1258 needs a Node.js built with full ICU (the official builds are).
 */
function decoderFor(encoding: CsvEncoding, file: string | undefined): TextDecoder {
  try {
    return new TextDecoder(encoding);
  } catch (cause) {
    throw new AdapterError(
      'unsupported-format',
      `The CSV file${inFile(file)} is in ${encoding}, which this JavaScript runtime cannot decode (a Node.js built without full ICU). Save the file as "CSV UTF-8" and try again.`,
      { ...(file === undefined ? {} : { file }), cause },
    );
  }
}

/** The encoding to decode with, how it was chosen, and for `'mostly-utf-8'` the invalid bytes. */
async function chooseEncoding(
  bytes: ByteSource,
  head: Uint8Array,
  option: CsvEncoding | 'auto',
  file: string | undefined,
): Promise<{ encoding: CsvEncoding; how: CsvEncodingSource; census?: Utf8Census }> {
  if (option !== 'auto') return { encoding: option, how: 'option' };
  const bom = bomEncoding(head);
  if (bom !== null) return { encoding: bom.encoding, how: 'bom' };
  const nul = nulPattern(head.subarray(0, 4096));
  if (nul === 'binary') {
    throw new AdapterError(
      'wrong-file-type',
      `The file${inFile(file)} is not CSV text: it holds binary data (zero bytes). If it is a spreadsheet, open it with openWorkbook (it recognizes .xlsx and .xls); otherwise export the data as CSV or .xlsx.`,
      file === undefined ? {} : { file },
    );
  }
  if (nul !== null) return { encoding: nul, how: 'nul-pattern' };
  // Valid UTF-8 is checked by the platform's decoder; only a file that is not is counted.
  const whole = (): AsyncIterable<Uint8Array> =>
    head.byteLength < bytes.size ? bytes.chunks() : once(head);
  if (await isUtf8(whole())) return { encoding: 'utf-8', how: 'valid-utf-8' };
  const census = await utf8Census(whole());
  if (census.valid >= census.invalid) return { encoding: 'utf-8', how: 'mostly-utf-8', census };
  if (census.invalid >= census.valid * 10) return { encoding: 'windows-1258', how: 'fallback' };
  throw new AdapterError(
    'corrupt-file',
    `The CSV file${inFile(file)} mixes text encodings: ${census.valid} of its characters are UTF-8 and ${census.invalid} are not (the first on line ${census.firstInvalidLine}), so no encoding reads all of its names right. Save it again as "CSV UTF-8" from the spreadsheet program, or give the encoding.`,
    file === undefined ? {} : { file },
  );
}

/** Whether a whole (small) file has a record with a value; scanning errors surface here. */
function hasValue(
  text: string,
  delimiter: CsvDelimiter,
  limits: Limits,
  file: string | undefined,
): boolean {
  const scanner = new CsvScanner(delimiter, limits, file);
  const out: Row[] = [];
  scanner.push(text, out);
  scanner.finish(out);
  return out.length > 0;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes;
}

/** The sheet name of a CSV file: its base name without the extension, or `'Sheet1'`. */
export function sheetName(file: string | undefined): string {
  const path = file ?? '';
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const name = dot < 0 ? base : base.slice(0, dot);
  return name === '' ? 'Sheet1' : name;
}
