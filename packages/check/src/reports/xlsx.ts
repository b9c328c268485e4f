import {
  type AnnotatedSheet,
  type AnnotateXlsxOptions,
  annotateXlsx,
  type CellAnnotation,
  type CellInput,
  type Limits,
  maskDigits,
  openWorkbook,
  type SheetAnnotations,
  type SheetInput,
  sniffWorkbook,
  type Workbook,
  writeXlsx,
} from '@eduvn/adapter-kit';
import type { CheckIssue, CheckReport } from '../types.ts';

/** Options of {@link toXlsx}. */
export interface XlsxReportOptions
  extends Pick<
    AnnotateXlsxOptions,
    | 'header'
    | 'errorFill'
    | 'queryFill'
    | 'maxAnnotationsPerSheet'
    | 'maxCellsPerSheet'
    | 'maxMessagesPerCell'
    | 'maxMessagesPerRow'
    | 'maxMessageLength'
  > {
  /** The language of the notes and the Errors column (default `'vi'`). */
  readonly lang?: 'vi' | 'en';
  /** Whether acknowledged queries are marked too (default `false`: they need no fixing). */
  readonly includeAcknowledged?: boolean;
  /** Limits for reading the workbook (see `Limits` of `@eduvn/adapter-kit`). */
  readonly limits?: Partial<Limits>;
}

/** The file a report was made from: its name in the report and its bytes. */
export interface XlsxReportSource {
  /** The name the report gives the file ({@link FileSummary.file}: `a.xlsx`, `a.xlsx (2)`). */
  readonly file: string;
  /** The file's bytes, as they were checked. */
  readonly bytes: Uint8Array;
}

/** The annotated workbook {@link toXlsx} made, and what it holds. */
export interface XlsxReport {
  /** The .xlsx bytes. */
  readonly bytes: Uint8Array;
  /**
   * `'annotated'`: the user's own .xlsx with the marks; `'converted'`: an .xls or CSV file's rows
   * written to a new .xlsx (values only, no formatting), then marked.
   */
  readonly kind: 'annotated' | 'converted';
  /** Each sheet marked, with counts (see `AnnotatedSheet` of `@eduvn/adapter-kit`). */
  readonly sheets: readonly AnnotatedSheet[];
  /** The file's issues marked in it (acknowledged queries excluded unless asked). */
  readonly placed: number;
  /**
   * The file's issues with no row to mark (the whole file, a sheet, a record read from several
   * rows): they are in the other reports only.
   */
  readonly unplaced: number;
}

/** Why {@link toXlsx} refused. */
export type XlsxReportErrorCode =
  /** The report has no file of that name. */
  | 'UNKNOWN_FILE'
  /** The file is not a spreadsheet eduvn can write back (an .ods, an HTML page…). */
  | 'UNSUPPORTED_FORMAT'
  /** An option is out of range. */
  | 'INVALID_OPTION';

/** An annotated Excel report that cannot be made, with a code to branch on. */
export class XlsxReportError extends Error {
  /** What went wrong. */
  readonly code: XlsxReportErrorCode;

  /**
   * @param code - what went wrong
   * @param message - for people
   */
  constructor(code: XlsxReportErrorCode, message: string) {
    super(message);
    this.name = 'XlsxReportError';
    this.code = code;
  }
}

const TEXT = {
  vi: { error: 'Lỗi', query: 'Cần xem lại', hint: 'Cách sửa', value: 'giá trị' },
  en: { error: 'Error', query: 'Query', hint: 'Fix', value: 'value' },
} as const;

/** The rule of a mapping proposed from a file's header: its row is the header's. */
const MAPPING_RULE = 'READ.MAPPING.001';

/** The rows searched for the table's header above the first marked row. */
const HEADER_SEARCH = 50;

/** How an issue reads in a note: severity, rule, message, value, hint — digits masked. */
function describe(issue: CheckIssue, lang: 'vi' | 'en'): string {
  const t = TEXT[lang];
  const label = issue.severity === 'error' ? t.error : t.query;
  const value = issue.value === undefined ? '' : ` (${t.value}: ${issue.value})`;
  const hint = issue.hint[lang] ? `\n${t.hint}: ${issue.hint[lang]}` : '';
  return maskDigits(`${label} ${issue.ruleId}: ${issue.message[lang]}${value}${hint}`);
}

/** The 0-based column of letters `A`…`XFD`, or `undefined`. */
function columnOf(letters: string | undefined): number | undefined {
  if (letters === undefined || !/^[A-Z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= 16_384 ? n - 1 : undefined;
}

/** The column of an issue: from its cell reference, else from its column when given as letters. */
function issueColumn(issue: CheckIssue): number | undefined {
  const cell = issue.location?.cell;
  const fromCell = cell === undefined ? undefined : /^([A-Z]{1,3})\d+$/.exec(cell)?.[1];
  return columnOf(fromCell ?? issue.location?.column);
}

/**
 * The header row of a table whose first marked cell is on `firstRow`: of the rows above it (at
 * most 50), the first with the most text cells (a title has one; a data row of names and codes
 * has as many as the header at most, and comes after it); `undefined` when there are none.
 */
async function findHeader(
  workbook: Workbook,
  sheet: string,
  firstRow: number,
): Promise<number | undefined> {
  if (firstRow <= 1) return undefined;
  let best: number | undefined;
  let bestCount = 0;
  for await (const row of workbook.rows(sheet, { until: firstRow - 1 })) {
    if (row.row < firstRow - HEADER_SEARCH) continue;
    let count = 0;
    for (const cell of row.cells)
      if (typeof cell?.value === 'string' && cell.value.trim() !== '') count++;
    if (count > bestCount) {
      best = row.row;
      bestCount = count;
    }
  }
  return best;
}

/** A name SheetJS, Excel and `writeXlsx` accept for a sheet converted from `name`. */
function sheetNameOf(name: string, taken: Set<string>): string {
  let base =
    name
      .replace(/[:\\/?*[\]]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let n = 2;
  while (taken.has(base.toLowerCase())) base = `${base.slice(0, 27)} (${n++})`;
  taken.add(base.toLowerCase());
  return base;
}

/** The rows of a workbook's sheets, written to a new .xlsx (values only). */
async function convert(
  workbook: Workbook,
  sheets: readonly string[],
): Promise<{ bytes: Uint8Array; names: Map<string, string> }> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const inputs: SheetInput[] = [];
  for (const sheet of workbook.sheets) {
    if (!sheets.includes(sheet.name)) continue;
    const rows: CellInput[][] = [];
    for await (const row of workbook.rows(sheet.index)) {
      while (rows.length < row.row - 1) rows.push([]);
      rows.push(
        Array.from(row.cells, (cell): CellInput => {
          if (cell === undefined) return null;
          if (cell.date !== undefined) return { date: cell.date };
          return typeof cell.value === 'string' ? { text: cell.value } : cell.value;
        }),
      );
    }
    const name = sheetNameOf(sheet.name, taken);
    names.set(sheet.name, name);
    inputs.push({ name, rows });
  }
  if (inputs.length === 0)
    inputs.push({ name: sheetNameOf(workbook.sheets[0]?.name ?? 'Sheet1', taken), rows: [] });
  return { bytes: writeXlsx(inputs), names };
}

/**
 * The annotated Excel report of one checked file — how school staff fix data: the user's own
 * .xlsx with each cell at fault filled (light red for errors, light yellow for queries) and a
 * note with the message and the fix, and a "Lỗi / Errors" column added right of the table listing
 * each row's problems. Every value and every other part of the workbook is kept (see
 * `annotateXlsx` of `@eduvn/adapter-kit`). An .xls or CSV file is converted: its rows are written
 * to a new .xlsx (values only: the formatting of an .xls is not kept) and marked the same way.
 *
 * The issues of the file (by {@link XlsxReportSource.file}, as the report names it) are marked
 * where their location says: a row and a column mark a cell; a row alone is listed in the Errors
 * column; an issue of the whole file or sheet is not placed (counted in
 * {@link XlsxReport.unplaced}). The header row of each sheet, where the Errors column gets its
 * title, is the row a proposed mapping was read from, else the first row with the most text cells
 * above the first marked cell.
 * Messages are masked as in the other reports (long digit runs: the last three digits).
 *
 * @param report - What {@link checkFiles} returned.
 * @param source - The file: its name in the report and the bytes that were checked.
 * @param options - Language, limits, colours.
 * @returns The .xlsx bytes and what they hold.
 * @throws XlsxReportError `'UNKNOWN_FILE'` when the report has no such file,
 * `'UNSUPPORTED_FORMAT'` for a file that is not .xlsx, .xls or CSV, `'INVALID_OPTION'`;
 * AdapterError when the file cannot be read; AnnotateXlsxError on an option out of range.
 *
 * @example
 * ```ts
 * import { readFile, writeFile } from 'node:fs/promises';
 * import { checkFiles, toXlsx } from '@eduvn/check';
 *
 * const bytes = await readFile('lop-1a.xlsx');
 * const report = await checkFiles([{ source: bytes, name: 'lop-1a.xlsx' }]);
 * const marked = await toXlsx(report, { file: 'lop-1a.xlsx', bytes }, { lang: 'vi' });
 * await writeFile('lop-1a-loi.xlsx', marked.bytes);
 * ```
 */
export async function toXlsx(
  report: CheckReport,
  source: XlsxReportSource,
  options: XlsxReportOptions = {},
): Promise<XlsxReport> {
  const lang = options.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en')
    throw new XlsxReportError(
      'INVALID_OPTION',
      `lang must be 'vi' or 'en', got ${JSON.stringify(lang)}.`,
    );
  if (!report.files.some((f) => f.file === source.file)) {
    throw new XlsxReportError(
      'UNKNOWN_FILE',
      `The report has no file ${JSON.stringify(source.file)}; it has ${report.files.map((f) => JSON.stringify(f.file)).join(', ') || 'none'}.`,
    );
  }
  const kind = sniffWorkbook(source.bytes.subarray(0, 4096));
  if (kind !== 'xlsx' && kind !== 'xls' && kind !== 'text') {
    throw new XlsxReportError(
      'UNSUPPORTED_FORMAT',
      `${source.file}: the annotated Excel report is made from .xlsx, .xls and CSV files; this file is ${kind === 'ods' ? 'an OpenDocument spreadsheet (.ods)' : `not one of them (${kind})`}. Save it as .xlsx and check it again.`,
    );
  }

  // The file's issues, by sheet (a Map: sheet names are data).
  const bySheet = new Map<string, CellAnnotation[]>();
  const mappingRows = new Map<string, number>();
  let placed = 0;
  let unplaced = 0;
  for (const issue of report.issues) {
    const where = issue.location;
    if (where?.file !== source.file) continue;
    if (issue.acknowledged !== undefined && options.includeAcknowledged !== true) continue;
    const row = where.row;
    if (
      where.sheet === undefined ||
      row === undefined ||
      !Number.isInteger(row) ||
      row < 1 ||
      row > 1_048_576
    ) {
      unplaced++;
      continue;
    }
    if (issue.ruleId === MAPPING_RULE && !mappingRows.has(where.sheet))
      mappingRows.set(where.sheet, row);
    const column = issueColumn(issue);
    let list = bySheet.get(where.sheet);
    if (list === undefined) {
      list = [];
      bySheet.set(where.sheet, list);
    }
    list.push({
      row,
      ...(column === undefined ? {} : { column }),
      severity: issue.severity,
      message: describe(issue, lang),
    });
    placed++;
  }

  const workbook = await openWorkbook(source.bytes, {
    file: source.file,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  let bytes = source.bytes;
  let names: Map<string, string> | undefined;
  const sheets: SheetAnnotations[] = [];
  try {
    const known = new Set(workbook.sheets.map((s) => s.name));
    for (const [sheet, annotations] of bySheet) {
      if (!known.has(sheet)) {
        unplaced += annotations.length;
        placed -= annotations.length;
        bySheet.delete(sheet);
      }
    }
    for (const [sheet, annotations] of bySheet) {
      // A proposed mapping's issue is on the header row it was proposed from; else the header is
      // searched above the first marked cell.
      const cells = annotations.filter((a) => a.column !== undefined);
      const first = Math.min(...(cells.length > 0 ? cells : annotations).map((a) => a.row));
      const headerRow = mappingRows.get(sheet) ?? (await findHeader(workbook, sheet, first));
      sheets.push({ sheet, annotations, ...(headerRow === undefined ? {} : { headerRow }) });
    }
    if (workbook.format !== 'xlsx') {
      const converted = await convert(workbook, [...bySheet.keys()]);
      bytes = converted.bytes;
      names = converted.names;
    }
  } finally {
    await workbook.close();
  }
  const annotated = annotateXlsx(
    bytes,
    names === undefined
      ? sheets
      : sheets.map((s) => ({ ...s, sheet: names?.get(s.sheet) ?? s.sheet })),
    {
      file: source.file,
      header: options.header ?? 'Lỗi / Errors',
      ...pick(options),
    },
  );
  return {
    bytes: annotated.bytes,
    kind: names === undefined ? 'annotated' : 'converted',
    sheets: annotated.sheets,
    placed,
    unplaced,
  };
}

function pick(options: XlsxReportOptions): AnnotateXlsxOptions {
  const out: Record<string, unknown> = {};
  for (const key of [
    'errorFill',
    'queryFill',
    'maxAnnotationsPerSheet',
    'maxCellsPerSheet',
    'maxMessagesPerCell',
    'maxMessagesPerRow',
    'maxMessageLength',
    'limits',
  ] as const) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out as AnnotateXlsxOptions;
}
