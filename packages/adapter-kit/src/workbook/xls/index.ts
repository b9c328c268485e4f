/**
 * The legacy .xls reader (Excel 97–2003 BIFF8, and Excel 5/95 BIFF5), through SheetJS
 * (`@e965/xlsx`), with cell fonts read from the file's records (SheetJS Community Edition does
 * not return them).
 *
 * @module
 */
import { excelSerialToIso } from '@eduvn/text';
import { AdapterError, LimitHit, type Limits, limitError, resolveLimits } from '../../errors.ts';
import { cut } from '../csv/scanner.ts';
import { inFile, openSource, sourceName, type WorkbookSource } from '../csv/source.ts';
import type { Cell, MergedRange, Row, RowOptions, SheetInfo, Workbook } from '../types.ts';
import { BiffError, type BiffInfo, walkBiff } from './biff.ts';

/** Options of {@link openXls}. */
export interface XlsOptions {
  /** The file's name, for messages and {@link Workbook.file} (default: the path, if any). */
  readonly file?: string;
  /** Limits other than the defaults (see {@link Limits}). */
  readonly limits?: Partial<Limits>;
}

/** The first bytes of an OLE compound file (CFB), the container of .xls files. */
export const CFB_SIGNATURE: readonly number[] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether bytes start with {@link CFB_SIGNATURE}. */
export function isCfb(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Whether bytes start with a BIFF2–BIFF8 BOF record: a bare workbook stream without an OLE
 * container (how Excel 2–4 saved, and some exporters still do).
 */
export function isBareBiff(bytes: Uint8Array): boolean {
  const size = bytes[2] ?? 0;
  return (
    bytes.length >= 8 &&
    bytes[0] === 0x09 &&
    [0x00, 0x02, 0x04, 0x08].includes(bytes[1] ?? -1) &&
    size >= 4 &&
    size <= 20 &&
    bytes[3] === 0
  );
}

/**
 * Opens a legacy .xls workbook. The whole file is loaded and parsed at once (SheetJS cannot
 * stream; an .xls holds at most 65,536 rows × 256 columns a sheet, about 19,000 rows/s), and
 * {@link Workbook.rows} then walks the parsed sheet.
 *
 * Cells:
 *
 * - text as stored, cut at `limits.maxCellLength` and marked `truncated`; empty text without a
 *   formula is a gap;
 * - numbers as stored; a number in a date format (one with a day or year part: `dd/mm/yyyy`,
 *   `[$-42A]d mmmm yyyy`…, not a time alone) also has {@link Cell.date}, the ISO calendar date in
 *   the workbook's date system (1900 or 1904), through `excelSerialToIso` of `@eduvn/text`; the
 *   time of day is dropped; a serial that names no day (negative, 60 in the 1900 system) has none;
 * - booleans; error values (`#N/A`, `#DIV/0!`…) are `null`;
 * - {@link Cell.formula}: the formula as SheetJS writes it back, A1-style without the leading `=`
 *   (`SUM(A1:A3)`), the cached result being the value;
 * - {@link Cell.font}: the name of the cell's font (from the cell's format), for BIFF5 and BIFF8
 *   files. A `.Vn…` font means TCVN3 text and a `VNI-…` font VNI text, to decode with
 *   `decodeLegacy` of `@eduvn/text` (see `detectLegacy`). The font of rich-text runs is not read:
 *   a cell whose runs use another font than the cell's format reports the format's font.
 *
 * Sheets keep their visibility (`hidden`, `veryHidden`); chart sheets are listed and have no rows.
 * Excel 5/95 (BIFF5) text is decoded with the workbook's code page (Windows-1258 included).
 *
 * @param source - The file's bytes, or `{ path }` (its size is checked against
 * `limits.maxFileBytes` from `fstat`, before reading).
 * @param options - See {@link XlsOptions}.
 * @returns The workbook.
 * @throws AdapterError `'password-protected'` for a workbook encrypted with a password to open
 * (an .xls with a FilePass record, or an encrypted .xlsx, which Excel stores in the same
 * container); `'wrong-file-type'` for bytes that are not an .xls (another OLE file such as a Word
 * .doc, or no OLE file at all); `'corrupt-file'` when the parser fails; `'empty-file'` for no bytes
 * or no sheet; `'limit-exceeded'` for the file size, or a sheet beyond `maxRows` or `maxColumns`.
 *
 * @example
 * ```ts
 * const book = await openXls({ path: 'CSDL_GiaoVien.xls' });
 * for await (const row of book.rows(0, { until: 12 })) console.log(row.cells.map((c) => c?.font));
 * ```
 */
export async function openXls(source: WorkbookSource, options: XlsOptions = {}): Promise<Workbook> {
  const limits = resolveLimits(options.limits);
  const file = sourceName(source, options.file);
  const details = file === undefined ? {} : { file };
  const opened = await openSource(source, limits, file);
  let bytes: Uint8Array;
  try {
    bytes = await opened.readAll();
  } finally {
    await opened.close();
  }
  if (bytes.byteLength === 0) {
    throw new AdapterError(
      'empty-file',
      `The .xls file${inFile(file)} is empty (0 bytes).`,
      details,
    );
  }
  const XLSX = await sheetJs();
  let biff: BiffInfo;
  if (isCfb(bytes)) {
    let cfb: unknown;
    try {
      cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    } catch (cause) {
      throw new AdapterError(
        'corrupt-file',
        `The .xls file${inFile(file)} is damaged: its OLE container cannot be read. Open it in Excel and save it again, as .xlsx if possible.`,
        { ...details, cause },
      );
    }
    const find = (name: string): { content?: Uint8Array | ArrayLike<number> } | null =>
      XLSX.CFB.find(cfb, name) ?? null;
    if (find('EncryptedPackage') !== null || find('EncryptionInfo') !== null) {
      throw new AdapterError(
        'password-protected',
        `The file${inFile(file)} is an Excel workbook encrypted with a password. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), save it, and try again.`,
        details,
      );
    }
    const stream = find('Workbook') ?? find('Book');
    if (stream?.content === undefined) {
      throw new AdapterError(
        'wrong-file-type',
        `The file${inFile(file)} is ${otherOleKind(find)}, not an Excel workbook. Export the data from Excel as .xlsx or CSV.`,
        details,
      );
    }
    // The CFB library gives a stream in mini sectors (under 4 KiB) as bytes, a larger one as a
    // plain array of numbers.
    const content = stream.content;
    biff = checkedWalk(
      content instanceof Uint8Array ? content : Uint8Array.from(content),
      limits,
      file,
    );
  } else if (isBareBiff(bytes)) {
    biff = checkedWalk(bytes, limits, file);
  } else {
    throw new AdapterError(
      'wrong-file-type',
      `The file${inFile(file)} is not a legacy .xls workbook (no OLE container). If it is an .xlsx or a CSV file, open it with openWorkbook, which recognizes the format from the bytes.`,
      details,
    );
  }
  if (biff.encrypted) throw passwordProtected(file);

  let wb: SheetJsWorkbook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
      WTF: false,
    }) as unknown as SheetJsWorkbook;
  } catch (cause) {
    if (cause instanceof Error && /password|encrypt/i.test(cause.message))
      throw passwordProtected(file, cause);
    throw new AdapterError(
      'corrupt-file',
      `The .xls file${inFile(file)} is damaged or of a kind that cannot be read (the parser's message is in the error's cause). Open it in Excel and save it again, as .xlsx if possible.`,
      { ...details, cause },
    );
  }
  if (wb.SheetNames.length === 0) {
    throw new AdapterError('empty-file', `The .xls file${inFile(file)} has no sheet.`, details);
  }
  if (wb.SheetNames.length > limits.maxSheets) {
    throw limitError({
      file,
      name: 'maxSheets',
      max: limits.maxSheets,
      found: wb.SheetNames.length,
      what: 'The number of sheets',
    });
  }

  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  // Both list sheets in BoundSheet8 order; names may differ for BIFF5 (code page), so the index
  // decides, when the counts agree.
  const records = biff.sheets.length === wb.SheetNames.length ? biff.sheets : undefined;
  const sheets: SheetInfo[] = wb.SheetNames.map((name, index) => ({
    name,
    index,
    state: records?.[index]?.state ?? sheetState(wb, name),
  }));
  for (const info of sheets) checkSize(XLSX, wb.Sheets[info.name], info.name, limits, file);
  /** The parsed sheets, dropped on close so that memory is released with the workbook object. */
  let parsed: SheetJsWorkbook['Sheets'] | undefined = wb.Sheets;

  const resolve = (which: string | number): { info: SheetInfo; ws: SheetJsSheet | undefined } => {
    if (parsed === undefined) {
      throw new Error('This workbook is closed: open the file again to read it.');
    }
    const info = typeof which === 'number' ? sheets[which] : sheets.find((s) => s.name === which);
    if (info === undefined) {
      throw new RangeError(
        `No sheet ${typeof which === 'number' ? which : JSON.stringify(which)} in the workbook; its sheets are ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}.`,
      );
    }
    return { info, ws: parsed[info.name] };
  };

  const isDate = dateFormatTest(XLSX);
  async function* rows(info: SheetInfo, ws: SheetJsSheet | undefined, until: number) {
    const data = ws?.['!data'];
    if (data === undefined) return;
    const fonts = records?.[info.index];
    const last = Math.min(data.length, until);
    const place = `The sheet ${JSON.stringify(info.name)}`;
    for (let r = 0; r < last; r++) {
      const line = data[r];
      if (line === undefined) continue;
      const cells: (Cell | undefined)[] = [];
      // At most maxBiffColumns wide: the walk refused wider records before SheetJS ran.
      const width = Math.min(line.length, limits.maxBiffColumns);
      let length = 0;
      for (let c = 0; c < width; c++) {
        const cell = toCell(line[c], fonts?.fontAt(r, c), date1904, isDate, limits.maxCellLength);
        if (cell === undefined) continue;
        length += textLength(cell);
        if (length > limits.maxRowLength) {
          throw limitError({
            file,
            name: 'maxRowLength',
            max: limits.maxRowLength,
            found: length,
            what: `The text of row ${r + 1}`,
            place,
          });
        }
        while (cells.length < c) cells.push(undefined);
        cells.push(cell);
      }
      if (cells.length > 0) yield { row: r + 1, cells } satisfies Row;
    }
  }

  return {
    format: 'xls',
    file,
    sheets,
    rows(which: string | number, rowOptions: RowOptions = {}): AsyncIterable<Row> {
      const { info, ws } = resolve(which);
      return rows(info, ws, rowOptions.until ?? Number.POSITIVE_INFINITY);
    },
    async merges(which: string | number): Promise<readonly MergedRange[]> {
      const { ws } = resolve(which);
      // Within maxMergedRanges: the walk counted them before SheetJS ran.
      return (ws?.['!merges'] ?? []).map((m) => ({
        top: m.s.r + 1,
        left: m.s.c,
        bottom: m.e.r + 1,
        right: m.e.c,
      }));
    },
    async dimension(which: string | number): Promise<MergedRange | undefined> {
      const ref = resolve(which).ws?.['!ref'];
      if (ref === undefined) return undefined;
      const range = XLSX.utils.decode_range(ref);
      return { top: range.s.r + 1, left: range.s.c, bottom: range.e.r + 1, right: range.e.c };
    },
    async close() {
      parsed = undefined;
    },
  };
}

/** One SheetJS cell as `XLSX.read` leaves it (dense mode). */
interface SheetJsCell {
  t: 's' | 'n' | 'b' | 'e' | 'd' | 'z' | 'str';
  v?: unknown;
  f?: string;
  z?: string | number;
}

interface SheetJsRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

interface SheetJsSheet {
  '!data'?: (SheetJsCell[] | undefined)[];
  '!merges'?: SheetJsRange[];
  '!ref'?: string;
}

interface SheetJsWorkbook {
  SheetNames: string[];
  Sheets: Record<string, SheetJsSheet | undefined>;
  Workbook?: {
    WBProps?: { date1904?: boolean };
    Sheets?: { name?: string; Hidden?: number }[];
  };
}

type SheetJs = typeof import('@e965/xlsx');

let loading: Promise<SheetJs> | undefined;

/**
 * SheetJS, loaded on first use (CSV-only programs never load it), with its code-page tables set so
 * that BIFF5 text in Windows-1258 (and other code pages) decodes. The ESM build does not load the
 * tables by itself; the CommonJS build does.
 */
function sheetJs(): Promise<SheetJs> {
  loading ??= (async () => {
    const [XLSX, cpexcel] = await Promise.all([
      import('@e965/xlsx'),
      import('@e965/xlsx/dist/cpexcel'),
    ]);
    XLSX.set_cptable(cpexcel);
    return XLSX;
  })();
  return loading;
}

/** The characters a cell holds: its text and its formula. */
function textLength(cell: Cell): number {
  return (typeof cell.value === 'string' ? cell.value.length : 0) + (cell.formula?.length ?? 0);
}

/** {@link walkBiff}, its refusals as `AdapterError`s. */
function checkedWalk(stream: Uint8Array, limits: Limits, file: string | undefined): BiffInfo {
  try {
    return walkBiff(stream, limits);
  } catch (error) {
    if (error instanceof LimitHit) {
      throw limitError({
        file,
        name: error.limit,
        max: error.max,
        found: error.found,
        what: error.what,
        place: 'The .xls workbook stream',
      });
    }
    if (error instanceof BiffError) {
      throw new AdapterError(
        'corrupt-file',
        `The .xls file${inFile(file)} is damaged or was not written by a spreadsheet program: ${error.message} Open it in Excel and save it again, as .xlsx if possible.`,
        { ...(file === undefined ? {} : { file }), cause: error },
      );
    }
    throw error;
  }
}

function passwordProtected(file: string | undefined, cause?: unknown): AdapterError {
  return new AdapterError(
    'password-protected',
    `The .xls file${inFile(file)} is encrypted with a password to open. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password), save it, and try again.`,
    { ...(file === undefined ? {} : { file }), ...(cause === undefined ? {} : { cause }) },
  );
}

/** What an OLE file without a workbook stream holds, for the message. */
function otherOleKind(find: (name: string) => unknown): string {
  if (find('WordDocument') !== null) return 'a Word document (.doc)';
  if (find('PowerPoint Document') !== null) return 'a PowerPoint presentation (.ppt)';
  if (find('__substg1.0_0037001F') !== null || find('__properties_version1.0') !== null) {
    return 'an Outlook message (.msg)';
  }
  return 'an OLE compound file of another kind';
}

function sheetState(wb: SheetJsWorkbook, name: string): SheetInfo['state'] {
  const hidden = wb.Workbook?.Sheets?.find((s) => s.name === name)?.Hidden ?? 0;
  return hidden === 2 ? 'veryHidden' : hidden === 1 ? 'hidden' : 'visible';
}

function checkSize(
  XLSX: SheetJs,
  ws: SheetJsSheet | undefined,
  name: string,
  limits: Limits,
  file: string | undefined,
): void {
  const ref = ws?.['!ref'];
  if (ref === undefined) return;
  const range = XLSX.utils.decode_range(ref);
  const rows = range.e.r + 1;
  const columns = range.e.c + 1;
  const over =
    rows > limits.maxRows
      ? ({ name: 'maxRows', max: limits.maxRows, found: rows } as const)
      : columns > limits.maxColumns
        ? ({ name: 'maxColumns', max: limits.maxColumns, found: columns } as const)
        : undefined;
  if (over === undefined) return;
  throw new AdapterError(
    'limit-exceeded',
    `The sheet ${JSON.stringify(name)} of the .xls file${inFile(file)} has ${over.found} ${over.name === 'maxRows' ? 'rows' : 'columns'}, more than the limit of ${over.max} (limits.${over.name}).`,
    { ...(file === undefined ? {} : { file }), limit: over },
  );
}

/**
 * Whether a number format shows a calendar date: SheetJS's `is_date` (which also says yes for
 * times alone), and a day or year part outside quoted text, escapes and `[…]` sections.
 */
function dateFormatTest(XLSX: SheetJs): (format: string) => boolean {
  const cache = new Map<string, boolean>();
  const ssf = XLSX.SSF as { is_date(format: string): boolean };
  return (format) => {
    let known = cache.get(format);
    if (known === undefined) {
      const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
      known = ssf.is_date(format) && /[dy]/i.test(bare);
      cache.set(format, known);
    }
    return known;
  };
}

/** A SheetJS cell as a {@link Cell}, or `undefined` for a gap. */
function toCell(
  cell: SheetJsCell | undefined,
  font: string | undefined,
  date1904: boolean,
  isDate: (format: string) => boolean,
  maxCellLength: number,
): Cell | undefined {
  if (cell === undefined) return undefined;
  let formula = typeof cell.f === 'string' && cell.f !== '' ? cell.f : undefined;
  let value: Cell['value'];
  let date: string | undefined;
  let truncated = false;
  if (formula !== undefined && formula.length > maxCellLength) {
    formula = ` ${cut(formula, maxCellLength)}`.slice(1);
    truncated = true;
  }
  switch (cell.t) {
    case 's':
    case 'str': {
      const text = typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      if (text === '' && formula === undefined) return undefined;
      if (text.length > maxCellLength) {
        // A copy: a slice would keep the whole text alive.
        value = ` ${cut(text, maxCellLength)}`.slice(1);
        truncated = true;
      } else {
        value = text;
      }
      break;
    }
    case 'n': {
      if (typeof cell.v !== 'number') return undefined;
      value = cell.v;
      if (typeof cell.z === 'string' && isDate(cell.z)) date = serialDate(cell.v, date1904);
      break;
    }
    case 'b':
      value = cell.v === true;
      break;
    case 'e':
      value = null;
      break;
    case 'd':
      // Not produced with `cellDates: false`; kept as the ISO text SheetJS would give.
      value = cell.v instanceof Date ? cell.v.toISOString() : String(cell.v);
      break;
    default:
      if (formula === undefined) return undefined;
      value = null;
  }
  return {
    value,
    ...(date === undefined ? {} : { date }),
    ...(font === undefined ? {} : { font }),
    ...(formula === undefined ? {} : { formula }),
    ...(truncated ? { truncated: true as const } : {}),
  };
}

function serialDate(serial: number, date1904: boolean): string | undefined {
  try {
    return excelSerialToIso(serial, date1904 ? '1904' : '1900');
  } catch {
    return undefined;
  }
}
