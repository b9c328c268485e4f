/**
 * The adapter kit's row reading as it was before the speed work on `readWith` (cell text,
 * converters, `classifyRow`, `mapRow`), kept verbatim as oracles: the tests check that the fast
 * paths give the same results on generated and hostile input.
 */
import { entityByName, fieldsOf } from '@eduvn/standard';
import {
  decodeLegacy,
  fontEncoding,
  formatPersonName,
  formatVnDate,
  isIsoDate,
  matchKey,
  normalizeText,
  parseVnDate,
  type VnDateErrorReason,
} from '@eduvn/text';
import type { HeaderMatch } from '../layout/types.ts';
import { type Cell, columnLetter, type MergedRange, type Row } from '../workbook/types.ts';
import type { BoundMapping } from './bind-mapping.ts';
import { convertBoolean } from './convert-boolean.ts';
import { convertSubjectLevel, convertTraitLevel } from './convert-level.ts';
import { convertDecimal } from './convert-number.ts';
import { describeValue, maskDigits } from './describe-value.ts';
import type { MappingIssue } from './issue.ts';
import { INVALID_TEXT, type MappedRow } from './map-row.ts';
import { parseNumberText } from './parse-number.ts';
import type { Converted, ConvertedValue, ConvertOptions, ValueKind } from './value-kind.ts';

// cell-text.ts

/**
 * The text a cell shows, cleaned for reading and comparing: a string decoded from the legacy
 * TCVN3 or VNI encoding when the cell's font says so (`.VnTime`, `.VnTimeH`, `VNI-Times`; never
 * guessed from the content), then `normalizeText`ed (NFC, one space for every run of white
 * space and line breaks, trimmed, invisible characters dropped); a date-formatted number as
 * `dd/mm/yyyy`; any other number in JavaScript's shortest form (`44096`, `7.5`, `1175538200001`); a boolean as `TRUE`/`FALSE`, as Excel shows it; `''` for
 * a missing cell and for an error value (`#N/A`, stored as `null`).
 *
 * @param cell - the cell, or `undefined` for a gap in the row
 */
export function refCellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  const { value } = cell;
  if (typeof value === 'string') {
    const legacy = cell.font === undefined ? null : fontEncoding(cell.font);
    const text =
      legacy === null
        ? value
        : decodeLegacy(value, legacy.encoding, { upperCaseFont: legacy.upperCaseFont });
    return normalizeText(text);
  }
  if (typeof value === 'number') {
    if (cell.date !== undefined && isIsoDate(cell.date)) return formatVnDate(cell.date);
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return '';
}

/**
 * Whether a cell holds a value: a number, a boolean, an error value, or a string with something
 * besides white space and invisible characters. Formatted empty cells (`''`) hold none.
 *
 * @param cell - the cell, or `undefined` for a gap in the row
 */
export function refHasValue(cell: Cell | undefined): boolean {
  if (cell === undefined) return false;
  const { value } = cell;
  return typeof value !== 'string' || normalizeText(value) !== '';
}

// converter.ts

/** A function that reads one cell as one {@link ValueKind}. */
export type Converter = (cell: Cell | undefined, options: ConvertOptions) => Converted;

/**
 * A cell as converters see it: blank, an error value, or a value with its cleaned text.
 *
 * @internal
 */
export type CellInput =
  | { readonly blank: true }
  | { readonly blank: false; readonly error: true }
  | {
      readonly blank: false;
      readonly error: false;
      readonly value: string | number | boolean;
      /** {@link cellText}: decoded, normalized. */
      readonly text: string;
      readonly cell: Cell;
    };

/**
 * Reads a cell for a converter: missing cells and texts that clean to `''` are blank.
 *
 * @internal
 */
export function inputOf(cell: Cell | undefined): CellInput {
  if (cell === undefined) return { blank: true };
  if (cell.value === null) return { blank: false, error: true };
  const text = refCellText(cell);
  if (text === '' && typeof cell.value === 'string') return { blank: true };
  return { blank: false, error: false, value: cell.value, text, cell };
}

/** @internal */
export const ABSENT: Converted = Object.freeze({ ok: true, value: undefined });

/** @internal */
export const ERROR_VALUE: Converted = Object.freeze({
  ok: false,
  problem: 'The cell holds an error value (such as #N/A or #REF!) instead of data.',
});

/** @internal */
export function accept(value: ConvertedValue | undefined, warning?: string): Converted {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

/** @internal */
export function reject(problem: string): Converted {
  return { ok: false, problem };
}

// convert-code.ts

/** Digits written in scientific notation, as CSV exports write long numbers (`1.17554E+12`). */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;

/** A whole number that went through a float: `'12.0'`. */
const TRAILING_ZERO_FRACTION = /^(\d+)\.0+$/;

function padded(code: string, pad: number | undefined): string {
  return pad !== undefined && /^\d+$/.test(code) && code.length < pad
    ? code.padStart(pad, '0')
    : code;
}

/**
 * Reads a cell as a code (`'code'`): catalog codes, class codes, pupil codes, personal IDs.
 *
 * - Text is cleaned ({@link cellText}); a leading apostrophe (CSV files' way to force text) is
 *   dropped, and an all-digit code ending in `.0` loses it, with a warning.
 * - A number becomes its digits without `.0` (`1` → `'1'`, `1175538200001` → `'1175538200001'`).
 *   A number too large for its digits to be exact (over 2^53, or Excel's 15 significant digits)
 *   was rounded by the spreadsheet: a problem. A fraction (`1.5`) is kept as written, with a warning.
 * - {@link ConvertOptions.pad} restores leading zeros: with `pad: 2`, `1` and `'1'` give `'01'`.
 * - A date-formatted number is a problem: the spreadsheet turned the code into a date, and the
 *   code cannot be recovered from it.
 * - Text in scientific notation (`1.17554E+12`) lost digits on export: a problem.
 * - A boolean is not a code.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.pad}, {@link ConvertOptions.hideValue}
 */
export function refConvertCode(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  const shown = describeValue(value, options.hideValue);
  if (typeof value === 'boolean') return reject(`${shown} is not a code.`);
  if (typeof value === 'number') {
    if (input.cell.date !== undefined) {
      return reject(
        'The cell holds a date, not a code: the spreadsheet may have turned the code into a date. Type the code as text.',
      );
    }
    if (!Number.isFinite(value)) return reject(`${shown} is not a code.`);
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER || Math.abs(value) >= 1e15) {
      return reject(
        'The code is stored as a number with too many digits: the spreadsheet has rounded it. Format the column as text and type the code again.',
      );
    }
    if (!Number.isInteger(value)) {
      return accept(
        String(value),
        'The code is stored as a decimal number; trailing zeros may have been lost (format the column as text).',
      );
    }
    return accept(padded(String(value), options.pad));
  }
  let code = input.text.replace(/^'(?=\S)/, '');
  if (SCIENTIFIC.test(code)) {
    return reject(
      `${shown} is written in scientific notation: its digits were lost when the file was exported. Format the column as text and export again.`,
    );
  }
  const whole = TRAILING_ZERO_FRACTION.exec(code);
  if (whole?.[1] !== undefined) {
    code = whole[1];
    return accept(
      padded(code, options.pad),
      'The code ended in .0 (a number turned into text); the .0 was dropped.',
    );
  }
  return accept(padded(code, options.pad));
}

// convert-text.ts

/**
 * Reads a cell as text (`'text'`): the text the cell shows ({@link cellText}) — a string decoded
 * from TCVN3 or VNI when the cell's font is a legacy one (`.VnTime` → `Hà Nội` from `Hµ Néi`,
 * `.VnTimeH` in capitals, `VNI-Times`), then cleaned by `normalizeText`; numbers as written
 * in JavaScript's shortest form; booleans as `TRUE`/`FALSE`. Blank cells are absent.
 *
 * @param cell - the cell
 */
export function refConvertText(cell: Cell | undefined, _options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  return accept(input.text);
}

/**
 * Reads a cell as a person's name (`'name'`): as {@link convertText}, kept as written unless
 * {@link ConvertOptions.format} (then `formatPersonName`: `NGUYỄN văn an` → `Nguyễn Văn An`).
 * A name kept as written that is all in capitals or all in lower case, or that contains digits,
 * is accepted with a warning (a query: fix it or acknowledge it). A number is not a name.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.format}, {@link ConvertOptions.hideValue}
 */
export function refConvertName(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  if (typeof input.value !== 'string') {
    return reject(
      `${describeValue(input.value, options.hideValue)} is not a name: expected text such as Nguyễn Văn An.`,
    );
  }
  if (options.format === true) return accept(formatPersonName(input.text));
  const name = input.text;
  if (/\p{N}/u.test(name)) return accept(name, 'The name contains digits; kept as written.');
  const upper = name.toLocaleUpperCase('vi');
  const lower = name.toLocaleLowerCase('vi');
  if (upper !== lower && name === upper && [...name].length > 1) {
    return accept(
      name,
      'The name is written in capitals; kept as written (set format: true to write it as Nguyễn Văn An).',
    );
  }
  if (upper !== lower && name === lower) {
    return accept(
      name,
      'The name is written in lower case; kept as written (set format: true to write it as Nguyễn Văn An).',
    );
  }
  return accept(name);
}

// convert-date.ts

/** Serials below this are not read from plain numbers: `2015` is a year, not 8 July 1905. */
const MIN_SERIAL = 10_000;

/** Problem texts without the value, for {@link ConvertOptions.hideValue}. */
const HIDDEN: Readonly<Record<VnDateErrorReason, string>> = {
  empty: 'The value is blank.',
  'unsupported-type': 'The value is not a date.',
  unrecognized: 'The value is not a date: expected dd/mm/yyyy.',
  'two-digit-year': 'The date has a two-digit year: write the year in full (dd/mm/yyyy).',
  'not-a-calendar-date': 'The value is not a calendar date (no such day).',
  'phantom-leap-day': "The value is Excel's 29 February 1900, a day that never existed.",
  'invalid-number': 'The value is not a finite number.',
  'out-of-range': 'The date is outside the accepted range.',
  'invalid-date-object': 'The value is an invalid date.',
};

/**
 * Reads a cell as a date (`'date'`), an ISO `yyyy-mm-dd` string, never shifted by time zones:
 *
 * - a date-formatted number cell gives its `Cell.date` (read by the workbook reader in the
 *   workbook's date system);
 * - text is read by `parseVnDate`: `dd/mm/yyyy` (also `d/m/yyyy`, `-` or `.`), ISO
 *   `yyyy-mm-dd`, or an Excel serial written as text (`'44096'` → `2020-09-22`); two-digit years
 *   and days that do not exist (`31/02/2017`) are problems;
 * - a plain number is read as an Excel serial (`44096` → `2020-09-22`, files often keep dates as
 *   General-formatted serials) in {@link ConvertOptions.dateSystem}; numbers below 10000 are a
 *   problem (`2015` is a year, not a date);
 * - a boolean is not a date.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.dateSystem}, {@link ConvertOptions.hideValue}
 */
export function refConvertDate(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  if (typeof value === 'number' && input.cell.date !== undefined) return accept(input.cell.date);
  const hide = options.hideValue === true;
  if (typeof value === 'boolean') return reject(`${describeValue(value, hide)} is not a date.`);
  if (typeof value === 'number' && Math.abs(value) < MIN_SERIAL) {
    const year = Number.isInteger(value) && value >= 1900 && value <= 2100;
    return reject(
      `${describeValue(value, hide)} ${year ? 'looks like a year' : 'is a number'}, not a date: write the full date (dd/mm/yyyy).`,
    );
  }
  const parsed = parseVnDate(typeof value === 'number' ? value : input.text, {
    dateSystem: options.dateSystem,
  });
  if (parsed.ok) return accept(parsed.date);
  return reject(hide ? HIDDEN[parsed.reason] : maskDigits(parsed.message));
}

// convert-sex.ts

/** Accepted without a warning, by `matchKey`: the templates' words and the codes. */
const SEX: ReadonlyMap<string, '1' | '2'> = new Map([
  ['nam', '1'],
  ['nu', '2'],
  ['1', '1'],
  ['2', '2'],
]);

/** Accepted with a warning: English words and letters some programs write. */
const FOREIGN: ReadonlyMap<string, '1' | '2'> = new Map([
  ['m', '1'],
  ['male', '1'],
  ['f', '2'],
  ['female', '2'],
]);

/**
 * Reads a cell as a sex code (`'sex'`) of DM_GIOI_TINH: `Nam` → `'1'`, `Nữ` → `'2'`, in any case,
 * NFC or NFD, with or without diacritics (`NỮ`, `nu`); the codes `1` and `2` (text or number) are
 * accepted as they are. `M`/`F`/`Male`/`Female` are accepted with a warning (the templates write
 * Nam/Nữ). Anything else is a problem.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function refConvertSex(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const key = typeof input.value === 'boolean' ? '' : matchKey(input.text);
  const code = SEX.get(key);
  if (code !== undefined) return accept(code);
  const foreign = FOREIGN.get(key);
  if (foreign !== undefined) {
    return accept(
      foreign,
      `${describeValue(input.value, options.hideValue)} was read as ${foreign === '1' ? 'Nam' : 'Nữ'}; the templates write Nam or Nữ.`,
    );
  }
  return reject(
    `${describeValue(input.value, options.hideValue)} is not a sex: expected Nam or Nữ (or the codes 1 and 2).`,
  );
}

// convert-number.ts

const DATE_FORMATTED = 'The cell is formatted as a date; its number was used.';

/**
 * Reads a cell as a whole number (`'integer'`): a number cell holding a whole number, or text read
 * by {@link parseNumberText} in `'integer'` mode (`'1.234'` is 1234, `'7,0'` is 7). A fraction
 * (`7.5`, `'7,5'`), a number beyond 2^53, a boolean or other text is a problem. A date-formatted
 * cell's number is used, with a warning.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function refConvertInteger(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  const shown = describeValue(value, options.hideValue);
  if (typeof value === 'boolean') return reject(`${shown} is not a number.`);
  const parsed =
    typeof value === 'number'
      ? {
          ok: true as const,
          value,
          warning: input.cell.date === undefined ? undefined : DATE_FORMATTED,
        }
      : parseNumberText(input.text, 'integer');
  if (!parsed.ok) return reject(`${shown} is not a number.`);
  if (!Number.isInteger(parsed.value)) return reject(`${shown} is not a whole number.`);
  if (!Number.isSafeInteger(parsed.value))
    return reject(`${shown} is too large to be read exactly.`);
  return accept(parsed.value === 0 ? 0 : parsed.value, parsed.warning);
}

/**
 * Reads a cell as a number (`'decimal'`): a number cell, or text read by {@link parseNumberText}
 * in `'decimal'` mode: `'7,5'` and `'7.5'` are 7.5, `'1.234,5'` is 1234.5; a lone separator
 * followed by three digits (`'1.234'`) is read as a decimal point, with a warning. A boolean or
 * other text is a problem. A date-formatted cell's number is used, with a warning.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function refConvertDecimal(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  const shown = describeValue(value, options.hideValue);
  if (typeof value === 'boolean') return reject(`${shown} is not a number.`);
  if (typeof value === 'number') {
    return accept(value, input.cell.date === undefined ? undefined : DATE_FORMATTED);
  }
  const parsed = parseNumberText(input.text, 'decimal');
  if (!parsed.ok) return reject(`${shown} is not a number: write it like 7,5 or 7.5.`);
  return accept(parsed.value === 0 ? 0 : parsed.value, parsed.warning);
}

// convert-flag.ts

/** Marks that mean yes: x, check marks, 1, có. Compared after trimming, case-insensitively. */
const YES = new Set(['x', '✓', '✔', '☑', '✅', '1', 'có', 'co']);

/** Explicit noes: 0, không. */
const NO = new Set(['0', 'không', 'khong']);

/**
 * Reads a cell as a mark (`'flag'`), as the KQHT template's `Hoàn thành chương trình lớp học` and
 * `Lên lớp` columns hold them: `x` or `X`, a check mark (`✓ ✔ ☑ ✅`), `1`, `có` (any case), `TRUE`
 * and the number 1 are yes; `0`, `không`, `FALSE` and the number 0 are no; a blank cell is no, or
 * absent with {@link ConvertOptions.blank} `'absent'`. Anything else is a problem.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.blank}, {@link ConvertOptions.hideValue}
 */
export function refConvertFlag(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return accept(options.blank === 'absent' ? undefined : false);
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  if (typeof value === 'boolean') return accept(value);
  if (value === 1 || value === 0) return accept(value === 1);
  if (typeof value === 'string') {
    const mark = input.text.toLocaleLowerCase('vi');
    if (YES.has(mark) || YES.has(matchKey(mark))) return accept(true);
    if (NO.has(mark) || NO.has(matchKey(mark))) return accept(false);
  }
  return reject(
    `${describeValue(value, options.hideValue)} is not a mark: expected x (or ✓, 1, có) for yes and a blank cell for no.`,
  );
}

const REF_CONVERTERS: Readonly<Record<ValueKind, Converter>> = {
  text: refConvertText,
  name: refConvertName,
  code: refConvertCode,
  date: refConvertDate,
  sex: refConvertSex,
  subjectLevel: convertSubjectLevel,
  traitLevel: convertTraitLevel,
  flag: refConvertFlag,
  integer: refConvertInteger,
  decimal: convertDecimal,
  boolean: convertBoolean,
};

/** The converter of a kind as it was. */
export function refConvertCell(
  kind: ValueKind,
  cell: Cell | undefined,
  options: ConvertOptions = {},
): Converted {
  return REF_CONVERTERS[kind](cell, options);
}

// classify-row.ts

/**
 * What a row below the header is:
 *
 * - `'data'`: a record (possibly incomplete: mapping reports what is missing);
 * - `'empty'`: no cell with a value — the phantom rows of formatted sheets, blank separators;
 * - `'repeated-header'`: the header again (files that repeat it for every class);
 * - `'caption'`: a lone text outside the key columns, such as `Lớp 1A` or
 *   `DANH SÁCH HỌC SINH LỚP 2B` above each class;
 * - `'numbering'`: the row of column numbers (`1 2 3 …` or `(1) (2) (3) …`) that Vietnamese forms
 *   put under their header.
 */
export type RowKind = 'data' | 'empty' | 'repeated-header' | 'caption' | 'numbering';

/** A row's {@link RowKind} and why. */
export interface RowClass {
  /** The kind. */
  readonly kind: RowKind;
  /** Why, in English, without the row's values (they may be personal data). */
  readonly reason: string;
  /** For a caption: its text (a class name, a title), for callers that track the current class. */
  readonly caption?: string;
}

/** Options of {@link classifyRow}. */
export interface ClassifyRowOptions {
  /**
   * The 0-based indexes of the key columns (a bound mapping's {@link BoundMapping.keyColumns}):
   * a lone value in one of them makes an incomplete data row, never a caption. Default none: any
   * lone text is a caption.
   */
  readonly keyColumns?: readonly number[];
  /** The sheet's merged ranges, to say how far a caption spans. */
  readonly merges?: readonly MergedRange[];
}

/** The keys of every header text over each column, computed once per header. */
const headerKeysCache = new WeakMap<HeaderMatch, ReadonlyMap<number, ReadonlySet<string>>>();

function headerKeys(header: HeaderMatch): ReadonlyMap<number, ReadonlySet<string>> {
  let keys = headerKeysCache.get(header);
  if (keys === undefined) {
    keys = new Map(header.columns.map((c) => [c.index, new Set(c.path.map(matchKey))]));
    headerKeysCache.set(header, keys);
  }
  return keys;
}

/** A column number as the numbering row writes it: `3`, `'3'` or `'(3)'`. */
function columnNumber(text: string): number | undefined {
  const m = /^\(?(\d{1,3})\)?$/.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

function isNumbering(cells: readonly { index: number; text: string }[]): boolean {
  if (cells.length < 3) return false;
  let previous: number | undefined;
  for (const { text } of cells) {
    const n = columnNumber(text);
    if (n === undefined || (previous !== undefined && n !== previous + 1)) return false;
    previous = n;
  }
  return true;
}

function spanOf(index: number, row: number, merges: readonly MergedRange[] | undefined): string {
  const m = merges?.find(
    (r) => r.top <= row && r.bottom >= row && r.left <= index && r.right >= index,
  );
  return m === undefined || m.left === m.right
    ? columnLetter(index)
    : `${columnLetter(m.left)}:${columnLetter(m.right)}`;
}

/**
 * Classifies a row below a header (see {@link RowKind}), so that readers skip what is not a record
 * and say why. In order:
 *
 * 1. `'empty'` when no cell has a value (formatted but empty cells count as none);
 * 2. `'numbering'` when three or more cells hold consecutive numbers, left to right;
 * 3. `'repeated-header'` when at least two cells, and at least 60 % of the filled cells, equal (by
 *    `matchKey`) a header text over their own column — any of the header's rows, so a
 *    repeated multi-row header is recognized row by row;
 * 4. `'caption'` when a single text remains (not an error value) (cells holding the same text side by side count as
 *    one, as readers that copy a merged value into every cell produce) and it is not in a key
 *    column and is not a number;
 * 5. `'data'` otherwise.
 *
 * @param row - the row
 * @param header - the sheet's header ({@link findHeader})
 * @param options - key columns and merged ranges
 */
export function refClassifyRow(
  row: Row,
  header: HeaderMatch,
  options: ClassifyRowOptions = {},
): RowClass {
  const cells: { index: number; text: string; number: boolean }[] = [];
  row.cells.forEach((cell, index) => {
    if (!refHasValue(cell)) return;
    cells.push({ index, text: refCellText(cell), number: typeof cell?.value === 'number' });
  });
  if (cells.length === 0) {
    const formatted = row.cells.some((c) => c !== undefined);
    return {
      kind: 'empty',
      reason: formatted
        ? 'no cell has a value (a formatted but empty row)'
        : 'the row has no cells',
    };
  }
  if (isNumbering(cells)) {
    return { kind: 'numbering', reason: 'the cells number the columns (1, 2, 3, …)' };
  }
  const keys = headerKeys(header);
  let same = 0;
  for (const { index, text } of cells) {
    if (keys.get(index)?.has(matchKey(text)) === true) same++;
  }
  if (same >= 2 && same >= 0.6 * cells.length) {
    return {
      kind: 'repeated-header',
      reason: `${same} of its ${cells.length} filled cells repeat the header`,
    };
  }
  const first = cells[0];
  const lone =
    first !== undefined &&
    cells.every(
      (c, i) => c.text === first.text && (i === 0 || c.index === (cells[i - 1]?.index ?? -2) + 1),
    );
  if (lone && !first.number && first.text !== '' && !/^[\d.,\s]+$/.test(first.text)) {
    const keyColumns = options.keyColumns ?? [];
    const where = spanOf(first.index, row.row, options.merges);
    const span =
      cells.length > 1
        ? `${columnLetter(first.index)}:${columnLetter(first.index + cells.length - 1)}`
        : where;
    if (!cells.some((c) => keyColumns.includes(c.index))) {
      return {
        kind: 'caption',
        reason: `a single text in ${span}, outside the key columns (a caption such as a class name)`,
        caption: first.text,
      };
    }
  }
  return {
    kind: 'data',
    reason: `${cells.length} cell${cells.length === 1 ? '' : 's'} with a value`,
  };
}

// map-row.ts

/** The fields of each entity by name, cached: mapping rows must not rebuild them per row. */
const fieldNamesCache = new Map<string, ReadonlySet<string>>();

function fieldNames(entity: string): ReadonlySet<string> {
  let names = fieldNamesCache.get(entity);
  if (names === undefined) {
    const schema = entityByName(entity);
    names = new Set(schema === undefined ? [] : fieldsOf(schema).map((f) => f.name));
    fieldNamesCache.set(entity, names);
  }
  return names;
}

/** An error thrown by a hook, for an issue: its name and a masked, cut message. */
function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  const cut = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  return cut === '' ? name : `${name}: ${maskDigits(cut)}`;
}

/**
 * Maps one data row to a record of the mapping's entity:
 *
 * 1. every bound column's cell is read by its kind ({@link convertCell}); a value fills its field
 *    (or extra), with the column letter recorded in {@link MappedRow.columns}; a warning becomes a
 *    `'warning'` issue; a problem an `'error'` issue, and the field is left out — the row is never
 *    dropped and nothing throws;
 * 2. a blank cell of a required field is an error (a required column the sheet lacks was reported
 *    once by {@link bindMapping}, not on every row); a cell cut at the reader's length limit is a
 *    warning;
 * 3. the mapping's transform hook, if any, gets a copy of the record, the row and the extras; its
 *    result becomes the record (keys that are not fields of the entity are left out, with an
 *    error issue). If it throws, the record stays as the columns built it, with an error issue.
 *
 * Problems about sensitive fields (ethnicity, the personal ID…) never quote the value.
 *
 * @param bound - the mapping bound to the sheet's header ({@link bindMapping})
 * @param row - a data row (see {@link classifyRow})
 */
export function refMapRow<F extends string>(bound: BoundMapping<F>, row: Row): MappedRow<F> {
  const record: Record<string, unknown> = {};
  const columns: Partial<Record<string, string>> = {};
  const extras: Record<string, unknown> = {};
  const issues: MappingIssue[] = [];

  for (const binding of bound.bindings) {
    const { name, spec, column } = binding;
    if (column === undefined) continue;
    const cell = row.cells[column.index];
    const options = binding.sensitive ? { ...spec.options, hideValue: true } : spec.options;
    const result = refConvertCell(spec.kind, cell, options);
    const at = { field: name, column: column.letter };
    if (cell?.invalidText === true) {
      const nul = typeof cell.value === 'string' && cell.value.includes('\0');
      issues.push({
        code: nul ? 'nul-byte' : 'encoding-invalid',
        ...at,
        problem: INVALID_TEXT,
        severity: 'error',
      });
      continue;
    }
    if (cell?.truncated === true) {
      issues.push({
        code: 'cell-truncated',
        ...at,
        problem: 'The cell was cut at the reader’s length limit; its value is incomplete.',
        severity: 'warning',
      });
    }
    if (!result.ok) {
      const code =
        cell?.value === null
          ? 'cell-error'
          : spec.kind === 'date'
            ? 'date-invalid'
            : 'value-invalid';
      issues.push({ code, ...at, problem: result.problem, severity: 'error' });
      continue;
    }
    if (result.warning !== undefined) {
      issues.push({ code: 'value-unusual', ...at, problem: result.warning, severity: 'warning' });
    }
    if (result.value === undefined) {
      if (spec.options.required === true) {
        issues.push({
          code: 'required-blank',
          ...at,
          problem: `The required field ${name} is blank.`,
          severity: 'error',
        });
      }
      continue;
    }
    if (binding.target === 'extra') {
      extras[name] = result.value;
    } else {
      record[name] = result.value;
      columns[name] = column.letter;
    }
  }

  let final = record;
  const { transform } = bound.mapping;
  if (transform !== undefined) {
    try {
      const out: unknown = transform({ ...record }, row, Object.freeze({ ...extras }));
      if (typeof out !== 'object' || out === null || Array.isArray(out)) {
        throw new TypeError('the transform hook must return a record object');
      }
      const fields = fieldNames(bound.mapping.entity);
      final = {};
      for (const [key, value] of Object.entries(out)) {
        if (!fields.has(key)) {
          issues.push({
            code: 'transform-failed',
            field: key.length > 60 ? `${key.slice(0, 60)}…` : key,
            problem: `The transform hook returned a key that is not a field of ${bound.mapping.entity}; it was left out.`,
            severity: 'error',
          });
        } else if (value !== undefined) {
          final[key] = value;
        }
      }
    } catch (error) {
      final = record;
      issues.push({
        code: 'transform-failed',
        problem: `The mapping's transform hook failed (${describeError(error)}); the record holds the columns' values only.`,
        severity: 'error',
      });
    }
  }

  const provenance: Partial<Record<string, string>> = {};
  for (const [field, letter] of Object.entries(columns)) {
    if (Object.hasOwn(final, field)) provenance[field] = letter;
  }
  return {
    row: row.row,
    record: final,
    columns: provenance as Partial<Record<F, string>>,
    extras: Object.freeze(extras),
    issues,
  };
}
