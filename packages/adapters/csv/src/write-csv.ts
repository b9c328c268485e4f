import { isValueKind, type Mapping, type ValueKind } from '@eduvn/adapter-kit';
import { matchKey } from '@eduvn/text';
import { FormatProblem, formatValue } from './format-value.ts';
import { quoteFormula } from './formula-prefix.ts';

/** One column of a CSV file to write: its header, the record field it holds, how to write it. */
export interface CsvColumn {
  /** The header text of the column. */
  readonly header: string;
  /** The record field whose value the column holds. */
  readonly field: string;
  /**
   * How the value is written (default `'text'`): `'date'` as `dd/mm/yyyy`, `'sex'` as `Nam`/`Nữ`,
   * `'flag'` as `x`, `'boolean'` as `Có`/`Không`, `'decimal'` with the decimal separator of
   * {@link CsvWriteOptions.decimalSeparator}, the others as text (codes keep their leading zeros).
   */
  readonly kind?: ValueKind;
  /**
   * For `'flag'` columns, what a blank field means to the reader (as `ColumnOptions.blank`):
   * with `'absent'`, a false mark is written `Không` rather than left blank.
   */
  readonly blank?: 'false' | 'absent';
}

/** What {@link writeCsv} writes: a mapping (its field columns, in order), or columns. */
export type CsvLayout = Mapping | readonly CsvColumn[];

/** Options of {@link writeCsv}. */
export interface CsvWriteOptions {
  /**
   * The field delimiter (default `','`). `';'` is what Excel expects where the decimal separator
   * is a comma (Vietnamese regional settings); `'\t'` with `'utf-16le'` is Excel's "Unicode Text".
   */
  readonly delimiter?: ',' | ';' | '\t' | '|';
  /** The text encoding (default `'utf-8'`). */
  readonly encoding?: 'utf-8' | 'utf-16le';
  /**
   * Whether the file starts with a byte-order mark (default `true`: Excel reads a UTF-8 file
   * without one as the system's code page, and Vietnamese letters come out garbled).
   */
  readonly bom?: boolean;
  /** The decimal separator of numbers (default `','` with the `';'` delimiter, else `'.'`). */
  readonly decimalSeparator?: '.' | ',';
  /**
   * How negative numbers of `'integer'` and `'decimal'` columns are written: `'quote'` (the
   * default) with the `'` prefix like any field starting with `-`, so that no field of the file
   * starts with a formula character; `'plain'` as they are (`-1`), which spreadsheets read as a
   * number and never as a formula — choose it when the file feeds a program that needs the
   * numbers and does not remove the prefix.
   */
  readonly negativeNumbers?: 'quote' | 'plain';
  /** Whether to write the header row (default `true`). */
  readonly header?: boolean;
}

/** Excel's longest cell text; a longer field would be cut by spreadsheets and by the reader. */
const MAX_FIELD = 32_767;

/** C0 control characters other than tab, line feed, vertical tab, form feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F]/g;

/** Lone surrogates, which no encoding can carry. */
const LONE_SURROGATE = /\p{Surrogate}/gu;

/** Characters that make a field need quotes: every delimiter the reader detects, quotes, breaks. */
const NEEDS_QUOTES = /[",;\t|\r\n]/;

/** A column checked, with everything needed to write it. */
interface PreparedColumn {
  readonly header: string;
  readonly field: string;
  readonly kind: ValueKind;
  readonly blank: 'false' | 'absent' | undefined;
}

/** The options resolved. */
interface Resolved {
  readonly delimiter: string;
  readonly encoding: 'utf-8' | 'utf-16le';
  readonly bom: boolean;
  readonly decimalSeparator: '.' | ',';
  readonly negativeNumbers: 'quote' | 'plain';
  readonly header: boolean;
}

const isMapping = (layout: CsvLayout): layout is Mapping => !Array.isArray(layout);

/**
 * The columns {@link writeCsv} writes for a mapping: one per field column, in the mapping's
 * order, headed by the column's canonical header (a multi-row header path is joined with ` › `,
 * which the mapping finds again in a one-row header). Extras and the transform hook are not
 * written: a mapping that builds sub-tables needs its own writer.
 *
 * @param mapping - a mapping made by `defineMapping`
 */
export function csvColumns(mapping: Mapping): CsvColumn[] {
  return Object.entries(mapping.columns).map(([field, spec]) => ({
    header: spec.term.label,
    field,
    kind: spec.kind,
    ...(spec.options.blank === undefined ? {} : { blank: spec.options.blank }),
  }));
}

function prepare(layout: CsvLayout): PreparedColumn[] {
  const columns = isMapping(layout) ? csvColumns(layout) : layout;
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new TypeError('writeCsv: give a mapping or a non-empty array of columns');
  }
  const headers = new Set<string>();
  return columns.map((column, i) => {
    if (typeof column !== 'object' || column === null) {
      throw new TypeError(`writeCsv: column ${i + 1} must be { header, field, kind? }`);
    }
    const { header, field, kind = 'text', blank } = column;
    if (typeof header !== 'string' || header.trim() === '') {
      throw new TypeError(`writeCsv: column ${i + 1} needs a header text`);
    }
    if (typeof field !== 'string' || field === '') {
      throw new TypeError(`writeCsv: column ${i + 1} needs the name of a record field`);
    }
    if (!isValueKind(kind)) {
      throw new TypeError(`writeCsv: column ${i + 1} has an unknown kind ${String(kind)}`);
    }
    if (blank !== undefined && blank !== 'false' && blank !== 'absent') {
      throw new TypeError(`writeCsv: column ${i + 1}: blank must be 'false' or 'absent'`);
    }
    const key = matchKey(header);
    if (headers.has(key)) {
      throw new TypeError(
        `writeCsv: two columns have the header ${JSON.stringify(header.slice(0, 60))}; a reader could not tell them apart`,
      );
    }
    headers.add(key);
    return { header, field, kind, blank };
  });
}

function resolve(options: CsvWriteOptions): Resolved {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('writeCsv: options must be an object');
  }
  const {
    delimiter = ',',
    encoding = 'utf-8',
    bom = true,
    negativeNumbers = 'quote',
    header = true,
  } = options;
  if (![',', ';', '\t', '|'].includes(delimiter)) {
    throw new RangeError(
      `writeCsv: delimiter must be ',', ';', '\\t' or '|', got ${JSON.stringify(delimiter)}`,
    );
  }
  if (encoding !== 'utf-8' && encoding !== 'utf-16le') {
    throw new RangeError(
      `writeCsv: encoding must be 'utf-8' or 'utf-16le', got ${JSON.stringify(encoding)}`,
    );
  }
  const decimalSeparator = options.decimalSeparator ?? (delimiter === ';' ? ',' : '.');
  if (decimalSeparator !== '.' && decimalSeparator !== ',') {
    throw new RangeError(
      `writeCsv: decimalSeparator must be '.' or ',', got ${JSON.stringify(decimalSeparator)}`,
    );
  }
  if (negativeNumbers !== 'quote' && negativeNumbers !== 'plain') {
    throw new RangeError(
      `writeCsv: negativeNumbers must be 'quote' or 'plain', got ${JSON.stringify(negativeNumbers)}`,
    );
  }
  return {
    delimiter,
    encoding,
    bom: bom !== false,
    decimalSeparator,
    negativeNumbers,
    header: header !== false,
  };
}

/**
 * One field as it goes into the file: control characters and lone surrogates replaced, the
 * formula prefix added, quoted when needed (RFC 4180).
 */
function field(text: string, neutralise: boolean, where: () => string): string {
  let clean = text.replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
  if (neutralise) clean = quoteFormula(clean);
  if (clean.length > MAX_FIELD) {
    throw new RangeError(
      `writeCsv: ${where()} holds ${clean.length} characters, more than the ${MAX_FIELD} a spreadsheet cell (and the reader) can hold. Shorten it before writing.`,
    );
  }
  return NEEDS_QUOTES.test(clean) || clean.charCodeAt(0) === 0xfeff
    ? `"${clean.replaceAll('"', '""')}"`
    : clean;
}

/** The CSV text of one record, without the line ending. */
function line(
  record: Readonly<Record<string, unknown>>,
  index: number,
  columns: readonly PreparedColumn[],
  resolved: Resolved,
): string {
  if (typeof record !== 'object' || record === null) {
    throw new TypeError(`writeCsv: record ${index + 1} is not an object`);
  }
  const out: string[] = [];
  for (const column of columns) {
    const value = Object.hasOwn(record, column.field) ? record[column.field] : undefined;
    const where = (): string => `record ${index + 1}, field ${column.field}`;
    const text = formatValue(value, column.kind, {
      decimalSeparator: resolved.decimalSeparator,
      blank: column.blank,
    });
    if (text instanceof FormatProblem) {
      throw new TypeError(`writeCsv: ${where()}: ${text.problem}`);
    }
    if (text === undefined) {
      out.push('');
      continue;
    }
    const plainNumber =
      resolved.negativeNumbers === 'plain' &&
      typeof value === 'number' &&
      (column.kind === 'integer' || column.kind === 'decimal');
    out.push(field(text, !plainNumber, where));
  }
  return out.join(resolved.delimiter);
}

function headerLine(columns: readonly PreparedColumn[], resolved: Resolved): string {
  return columns
    .map((c, i) => field(c.header, true, () => `the header of column ${i + 1}`))
    .join(resolved.delimiter);
}

const utf8 = new TextEncoder();

/** Text encoded in the chosen encoding (surrogates are already paired). */
function encode(text: string, encoding: Resolved['encoding']): Uint8Array {
  if (encoding === 'utf-8') return utf8.encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit & 0xff;
    out[2 * i + 1] = unit >> 8;
  }
  return out;
}

/** Text gathered before a chunk is encoded and yielded by {@link writeCsvStream}. */
const CHUNK_CHARS = 256 * 1024;

/**
 * Writes records as CSV, chunk by chunk, for exports too large to hold in memory (see
 * {@link writeCsv} for what is written). Records may come from an async source (a database
 * cursor, a `readCsv` of another file).
 *
 * @param records - the records (canonical: ISO dates, `'1'`/`'2'` sex codes, numbers)
 * @param layout - a mapping, or the columns to write
 * @param options - delimiter, encoding, byte-order mark, separators (see {@link CsvWriteOptions})
 * @returns the file's bytes in chunks of about 256 K characters
 * @throws TypeError for a value that cannot be written (an object, a date that is not ISO text),
 * RangeError for options out of range or a field longer than 32,767 characters — thrown while
 * iterating, naming the record and field, never quoting the value
 *
 * @example
 * ```ts
 * const out = createWriteStream('hoc-sinh.csv');
 * for await (const chunk of writeCsvStream(pupils, mapping)) out.write(chunk);
 * out.end();
 * ```
 */
export async function* writeCsvStream(
  records:
    | Iterable<Readonly<Record<string, unknown>>>
    | AsyncIterable<Readonly<Record<string, unknown>>>,
  layout: CsvLayout,
  options: CsvWriteOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const columns = prepare(layout);
  const resolved = resolve(options);
  let text = resolved.bom ? '\uFEFF' : '';
  if (resolved.header) text += `${headerLine(columns, resolved)}\r\n`;
  let index = 0;
  for await (const record of records) {
    text += `${line(record, index++, columns, resolved)}\r\n`;
    if (text.length >= CHUNK_CHARS) {
      yield encode(text, resolved.encoding);
      text = '';
    }
  }
  if (text !== '') yield encode(text, resolved.encoding);
}

/**
 * Writes records as a CSV file that Excel opens with Vietnamese intact and that no spreadsheet
 * can run as formulas:
 *
 * - RFC 4180: records end with CRLF, a field holding a quote, a line break or any of the
 *   delimiters `,` `;` tab `|` is quoted (`"` doubled), so the reader's delimiter detection finds
 *   the right one; UTF-8 with a byte-order mark by default (see {@link CsvWriteOptions});
 * - a header row from the mapping's canonical headers (or the columns'), then one line per record,
 *   the fields in column order; `undefined` and `null` are blank fields;
 * - values by kind: dates `dd/mm/yyyy`, sex `Nam`/`Nữ`, marks `x`, booleans `Có`/`Không`, numbers
 *   in plain notation with the decimal separator of the options, codes as text with their leading
 *   zeros (a spreadsheet that opens the file may still show `0123` as 123: read it with a `pad`
 *   option, or import the column as text);
 * - formula injection: every field — header or value — that starts with `=`, `+`, `-`, `@`, a
 *   tab or a carriage return gets a `'` in front (see `quoteFormula`), negative numbers included
 *   unless {@link CsvWriteOptions.negativeNumbers} is `'plain'`; `readCsv` removes exactly that
 *   prefix again;
 * - control characters other than tab and line breaks are left out (the reader would take the
 *   file for binary data; text readers drop them anyway), and lone surrogates become U+FFFD.
 *
 * `readCsv` of the written file gives the same records back (for the fields the layout writes).
 *
 * @param records - the records (canonical: ISO dates, `'1'`/`'2'` sex codes, numbers)
 * @param layout - a mapping (its field columns, see {@link csvColumns}), or the columns to write
 * @param options - delimiter, encoding, byte-order mark, separators (see {@link CsvWriteOptions})
 * @returns the file's bytes
 * @throws TypeError for a value that cannot be written (an object, a date that is not ISO text)
 * or a layout that is not one; RangeError for options out of range or a field longer than 32,767
 * characters. Messages name the record and field, never the value.
 *
 * @example
 * ```ts
 * const bytes = writeCsv(pupils, pupilMapping, { delimiter: ';' });
 * ```
 */
export function writeCsv(
  records: Iterable<Readonly<Record<string, unknown>>>,
  layout: CsvLayout,
  options: CsvWriteOptions = {},
): Uint8Array {
  const columns = prepare(layout);
  const resolved = resolve(options);
  const lines: string[] = [];
  if (resolved.header) lines.push(headerLine(columns, resolved));
  let index = 0;
  for (const record of records) lines.push(line(record, index++, columns, resolved));
  const text = `${resolved.bom ? '\uFEFF' : ''}${lines.map((l) => `${l}\r\n`).join('')}`;
  return encode(text, resolved.encoding);
}
