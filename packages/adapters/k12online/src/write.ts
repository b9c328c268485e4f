import {
  AdapterError,
  bindMapping,
  type CellInput,
  fillXlsxTemplate,
  openWorkbook,
  sheetHeader,
  writeXlsx,
} from '@eduvn/adapter-kit';
import { formatVnDate, isIsoDate, matchKey } from '@eduvn/text';
import {
  K12ONLINE_FIELDS,
  K12ONLINE_HEADERS,
  type K12OnlineField,
  k12OnlineMapping,
} from './layout.ts';

/** Options of {@link writeK12Online}. */
export interface WriteK12OnlineOptions {
  /**
   * K12Online's own template (.xlsx), as downloaded from K12Online, to fill instead of writing a
   * new workbook: its header is found in the first 30 rows of its sheets, the rows are written
   * below it in the template's column order (an `STT` column is numbered), and everything else of
   * the template — titles, instructions, styles, other sheets — is kept byte for byte. Give the
   * empty template: rows of the template below the header are overwritten only as far as the
   * records go.
   */
  readonly template?: Uint8Array;
  /** The sheet of a new workbook (default `'Sheet1'`; ignored with a template). */
  readonly sheetName?: string;
}

/** A record's value that cannot be written, for the error message (never the value itself). */
function unwritable(field: string, index: number, value: unknown): TypeError {
  const type = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return new TypeError(
    `writeK12Online: record ${index} has ${type} in ${field}, which cannot be written to the K12Online template (expected text or a number).`,
  );
}

/** A text field's cell: text as written (formula-like text is neutralised by the writer). */
function textCell(field: string, index: number, value: unknown): CellInput {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw unwritable(field, index, value);
}

/** The cell of one field, as the template expects it. */
function cellOf(field: K12OnlineField, index: number, value: unknown): CellInput {
  if (value === undefined || value === null) return null;
  switch (field) {
    case 'maGioiTinh':
      // DM_GIOI_TINH codes become the template's words; anything else is written as it is, for
      // K12Online (and this package's reader) to reject.
      if (value === '1' || value === 1) return 'Nam';
      if (value === '2' || value === 2) return 'Nữ';
      return textCell(field, index, value);
    case 'maLop': {
      // Class names stay text: `1.1` must not become a number, nor `1-1` a date.
      const text = textCell(field, index, value);
      return typeof text === 'string' ? { text } : text;
    }
    case 'ngaySinh':
      // Dates as dd/mm/yyyy text in a General cell, as the template asks.
      if (typeof value === 'string' && isIsoDate(value)) return formatVnDate(value);
      return textCell(field, index, value);
    case 'namSinhMe':
    case 'namSinhNguoiDoDau':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      return textCell(field, index, value);
    default:
      return textCell(field, index, value);
  }
}

function checkRecords(
  records: unknown,
): asserts records is readonly Readonly<Record<string, unknown>>[] {
  if (!Array.isArray(records)) {
    throw new TypeError('writeK12Online: records must be an array of HocSinh records');
  }
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new TypeError(`writeK12Online: record ${index} is not an object`);
    }
  });
}

/** Fills K12Online's own template below its header. */
async function fillTemplate(
  template: Uint8Array,
  records: readonly Readonly<Record<string, unknown>>[],
): Promise<Uint8Array> {
  const workbook = await openWorkbook(template, { file: 'K12Online template' });
  try {
    if (workbook.format !== 'xlsx') {
      throw new AdapterError(
        'unsupported-format',
        `The K12Online template must be an .xlsx workbook; this one is ${workbook.format}. Save it as .xlsx (Excel Workbook) and try again.`,
        { file: 'K12Online template' },
      );
    }
    for (const sheet of workbook.sheets) {
      const located = await sheetHeader(workbook, sheet, { mapping: k12OnlineMapping });
      if (!located) continue;
      const bound = bindMapping(k12OnlineMapping, located.header);
      const lacking = bound.bindings.filter(
        (b) => b.column === undefined && b.spec.options.required === true,
      );
      if (lacking.length > 0) {
        throw new AdapterError(
          'no-data-sheet',
          `The template's sheet ${JSON.stringify(sheet.name)} lacks the required column(s) ${lacking.map((b) => JSON.stringify(b.spec.term.label)).join(', ')}: is it K12Online's pupil-account template?`,
          { file: 'K12Online template' },
        );
      }
      const placed = bound.bindings.flatMap((b) =>
        b.column === undefined ? [] : [{ field: b.name as K12OnlineField, index: b.column.index }],
      );
      const numbering = located.header.columns.find((c) =>
        c.path.some((p) => matchKey(p) === 'stt'),
      );
      const width = Math.max(numbering?.index ?? 0, ...placed.map((p) => p.index)) + 1;
      const rows = records.map((record, i) => {
        const row: CellInput[] = Array.from({ length: width }, () => null);
        if (numbering !== undefined) row[numbering.index] = i + 1;
        for (const { field, index } of placed) row[index] = cellOf(field, i, record[field]);
        return row;
      });
      return fillXlsxTemplate(
        template,
        [{ sheet: sheet.name, startRow: located.header.lastRow + 1, rows }],
        { dates: 'text', file: 'K12Online template' },
      );
    }
    throw new AdapterError(
      'no-data-sheet',
      `No sheet of the template has K12Online's pupil-account header (${K12ONLINE_HEADERS.slice(0, 3).join(', ')}, …) in its first 30 rows: is it K12Online's pupil-account template?`,
      { file: 'K12Online template' },
    );
  } finally {
    await workbook.close();
  }
}

/**
 * Writes `HocSinh` records as K12Online's (Viettel) pupil-account import file: the header row of
 * {@link K12ONLINE_HEADERS} (with its `(*)` marks), then one row per record — names as written,
 * `Nam`/`Nữ` for the sex codes, the class as text, the birth date as `dd/mm/yyyy` text in a
 * General cell, birth years as numbers. Text that a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`…) is written so that it stays text. Reading the file back with
 * {@link k12OnlineAdapter} gives the same records.
 *
 * Only the template's eight fields are written: a record's other fields (personal ID,
 * ethnicity, father…) have no column in the template and are left out. A blank required field
 * is written blank: K12Online will refuse the row, and reading the file back reports it.
 *
 * @param records - the `HocSinh` records
 * @param options - K12Online's own template to fill, or the sheet name of a new workbook
 * @returns the .xlsx bytes
 * @throws TypeError when a record is not an object or holds a value that is neither text nor a
 * number in a written field; AdapterError when the template cannot be read or has no K12Online
 * header
 *
 * @example
 * ```ts
 * const bytes = await writeK12Online([{ hoTen: 'Nguyễn Văn An', maGioiTinh: '1', maLop: '1A', ngaySinh: '2019-09-05', tenMe: 'Trần Thị Bích', namSinhMe: 1990 }]);
 * ```
 */
export async function writeK12Online(
  records: readonly Readonly<Record<string, unknown>>[],
  options: WriteK12OnlineOptions = {},
): Promise<Uint8Array> {
  checkRecords(records);
  if (options.template !== undefined) return fillTemplate(options.template, records);
  const rows = records.map((record, i) => K12ONLINE_FIELDS.map((f) => cellOf(f, i, record[f])));
  return writeXlsx([
    {
      name: options.sheetName ?? 'Sheet1',
      rows: [[...K12ONLINE_HEADERS], ...rows],
      columns: [
        { width: 28 },
        { width: 10 },
        { width: 8 },
        { width: 12 },
        { width: 28 },
        { width: 10 },
        { width: 28 },
        { width: 10 },
      ],
    },
  ]);
}
