import { excelSerialToIso } from '@eduvn/text';
import type { Limits } from '../../errors.ts';
import type { Cell, CellValue, Row } from '../types.ts';
import { parseRange } from './cell-ref.ts';
import { limitExceeded, type ReadContext } from './fail.ts';
import type { SharedStrings } from './shared-strings.ts';
import {
  C,
  DIMENSION,
  F,
  IS,
  ROW,
  RPH,
  SHEET_DATA,
  SheetByteReader,
  type SheetSink,
  T,
  TYPE_B,
  TYPE_D,
  TYPE_E,
  TYPE_INLINE,
  TYPE_N,
  TYPE_S,
  TYPE_STR,
  V,
} from './sheet-bytes.ts';
import type { Styles } from './styles.ts';
import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { cutText, ownText, unescapeOoxml, XmlSyntaxError } from './xml-text.ts';

/** Element names {@link SheetHandler} listens to. */
export const SHEET_NAMES = [
  'sheetData',
  'row',
  'c',
  'v',
  'f',
  'is',
  't',
  'rPh',
  'dimension',
] as const;

/** Where text goes while collecting. */
const INTO_V = 1;
const INTO_F = 2;
const INTO_T = 3;

/** The most serial → ISO conversions remembered per sheet read. */
const DATE_CACHE_SIZE = 65_536;

/**
 * What a sheet read needs besides the sheet: shared strings, styles, the date system, limits.
 *
 * @internal
 */
export interface SheetReadSetup {
  /** The workbook's shared strings. */
  readonly sharedStrings: SharedStrings;
  /** The workbook's styles. */
  readonly styles: Styles;
  /** The workbook's date system. */
  readonly dateSystem: '1900' | '1904';
  /** The limits. */
  readonly limits: Limits;
  /** The file, for messages. */
  readonly context: ReadContext;
  /** The sheet, for messages (`'The sheet "Lớp 1A" (xl/worksheets/sheet1.xml)'`). */
  readonly place?: string;
  /**
   * Read the sheet as text through the scanner's events instead of as bytes (the same rows and
   * errors, slower; for tests comparing the two).
   */
  readonly asText?: boolean;
}

/**
 * Turns a sheet's XML events into {@link Row}s, queued in {@link SheetHandler.queue} for the
 * caller to take after each chunk. Keeps only the row being built: the sheet is never in memory.
 *
 * Reads `<row r>` and `<c r t s>` with `<v>`, `<f>` and inline strings `<is><t>` (phonetic runs
 * skipped); rows and cells without `r` follow the previous one. Types: `s` (shared string),
 * `inlineStr`, `str` (a formula's text), `b`, `e` (an error: value `null`), `n` (number; with a
 * date style also an ISO `date`), `d` (ISO 8601 text, kept as stored; its date part in `date`).
 * Cells without a value (style-only) and rows without cells are left out; a formula without a
 * cached value reads as `null`.
 *
 * Budget: text, formulas and `d` values longer than `maxCellLength` are cut, copied and marked
 * `truncated`; a row holding more than `maxRowLength` characters (shared strings and formulas
 * included), a row beyond `maxRows` or a column beyond `maxColumns` throws `'limit-exceeded'`.
 *
 * @internal
 */
export class SheetHandler implements XmlHandler, SheetSink {
  /** Whether the scanner is inside `<v>`, `<f>` or an inline string's `<t>`. */
  collecting = false;
  /** Rows completed since the caller last took them. */
  queue: Row[] = [];
  /** The sheet's byte reader (see {@link SheetByteReader}), unless `asText` is set. */
  readonly bytes: SheetByteReader | undefined;

  private readonly strings: SharedStrings;
  private readonly stringsCut: ReadonlySet<number>;
  private readonly styleIsDate: Uint8Array;
  private readonly styleFont: readonly (string | undefined)[];
  private readonly dates = new Map<number, string | null>();
  private readonly collectLimit: number;
  private readonly maxCellLength: number;
  private readonly maxRowLength: number;
  private readonly maxRows: number;
  private readonly maxColumns: number;
  /** The characters of the row being built (values and formulas). */
  private rowLength = 0;

  private inSheetData = false;
  private inRow = false;
  private rowNumber = 0;
  private cells: (Cell | undefined)[] = [];
  private column = -1;
  private type = TYPE_N;
  private style = 0;
  private into = 0;
  private inIs = false;
  private phonetic = 0;
  private v: string | undefined;
  private f: string | undefined;
  private t: string | undefined;
  /** The value of `<v>` when it is a plain run of digits read as a number, else -1. */
  private num = -1;
  /** How many digits {@link SheetHandler.num} was read from. */
  private numDigits = 0;
  /**
   * Whether some text of the cell came as a view into a larger string (the string path, see
   * {@link SheetHandler.text}): it is then copied ({@link ownText}) before the cell keeps it.
   * Text from the byte reader is decoded for the cell alone ({@link SheetHandler.ownedText}).
   */
  private viewText = false;
  /** Whether the last {@link SheetHandler.decodeText} cut its text at the cell length limit. */
  private cut = false;

  /** @param setup - Shared strings, styles, date system, limits. */
  constructor(private readonly setup: SheetReadSetup) {
    this.bytes = setup.asText === true ? undefined : new SheetByteReader(this, setup.limits);
    this.strings = setup.sharedStrings;
    this.stringsCut = setup.sharedStrings.truncated;
    this.styleIsDate = setup.styles.isDate;
    this.styleFont = setup.styles.font;
    this.maxCellLength = setup.limits.maxCellLength;
    this.maxRowLength = setup.limits.maxRowLength;
    this.maxRows = setup.limits.maxRows;
    this.maxColumns = setup.limits.maxColumns;
    this.collectLimit = this.maxCellLength * 7 + 16;
  }

  private exceeded(name: keyof Limits, found: number, what: string): Error {
    const { limits, context, place } = this.setup;
    return limitExceeded(context, name, limits[name], found, what, place);
  }

  /** @inheritdoc */
  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    switch (id) {
      case C:
        this.openCell(scanner);
        if (selfClosing) this.closeCell();
        return;
      case ROW:
        if (this.inSheetData) {
          this.openRow(scanner);
          if (selfClosing) this.closeRow();
        }
        return;
      case DIMENSION:
        this.checkDimension(scanner.attr('ref'));
        return;
      default:
        this.element(id, selfClosing);
    }
  }

  /** @inheritdoc */
  row(number: number, selfClosing: boolean): void {
    if (!this.inSheetData) return;
    this.beginRow(number);
    if (selfClosing) this.closeRow();
  }

  /** @inheritdoc */
  cell(column: number, type: number, style: number, selfClosing: boolean): void {
    if (style < 0) throw new XmlSyntaxError('A cell style is not a whole number.');
    this.beginCell(column, type, style);
    if (selfClosing) this.closeCell();
  }

  /** @inheritdoc */
  dimension(ref: string | undefined): void {
    this.checkDimension(ref);
  }

  /** @inheritdoc */
  raw(_buf: Uint8Array, _start: number, _end: number): boolean {
    return false;
  }

  /** @inheritdoc */
  digits(value: number, count: number): boolean {
    if (
      this.into !== INTO_V ||
      this.num >= 0 ||
      (this.v as string).length > 0 ||
      !(this.type === TYPE_N || (this.type === TYPE_S && count <= 10))
    ) {
      return false;
    }
    this.num = value;
    this.numDigits = count;
    return true;
  }

  /** @inheritdoc */
  plainString(): boolean {
    return false;
  }

  /** @inheritdoc */
  numberCell(column: number, type: number, style: number, value: number, count: number): boolean {
    if (type === TYPE_S ? count > 10 : type !== TYPE_N) return false;
    // As cell(), <v>, digits(), </v> and </c> one by one would do it.
    this.beginCell(column, type, style);
    this.collecting = false;
    this.into = 0;
    column = this.column;
    const font = this.styleFont[style];
    if (type === TYPE_N) {
      const date = this.styleIsDate[style] === 1 ? this.date(value) : undefined;
      if (date === undefined) {
        this.cells[column] = font === undefined ? { value } : { value, font };
      } else {
        this.cells[column] = font === undefined ? { value, date } : { value, date, font };
      }
      return true;
    }
    const text = this.strings.get(value);
    if (text === undefined)
      throw new XmlSyntaxError('A cell points to a shared string that does not exist.');
    if (text.length > 0) {
      this.rowLength += text.length;
      if (this.rowLength > this.maxRowLength) {
        throw this.exceeded('maxRowLength', this.rowLength, `The text of row ${this.rowNumber}`);
      }
    }
    if (this.stringsCut.size > 0 && this.stringsCut.has(value)) {
      this.cells[column] =
        font === undefined
          ? { value: text, truncated: true }
          : { value: text, font, truncated: true };
    } else {
      this.cells[column] = font === undefined ? { value: text } : { value: text, font };
    }
    return true;
  }

  /** @inheritdoc */
  element(id: number, selfClosing: boolean): void {
    switch (id) {
      case V:
        if (this.column >= 0) {
          this.v ??= '';
          if (!selfClosing) this.collect(INTO_V);
        }
        return;
      case F:
        if (this.column >= 0) {
          this.f ??= '';
          if (!selfClosing) this.collect(INTO_F);
        }
        return;
      case T:
        if (this.inIs && this.phonetic === 0) {
          this.t ??= '';
          if (!selfClosing) this.collect(INTO_T);
        }
        return;
      case IS:
        this.t ??= '';
        if (!selfClosing) this.inIs = true;
        return;
      case RPH:
        if (!selfClosing) this.phonetic++;
        return;
      case SHEET_DATA:
        this.inSheetData = !selfClosing;
        return;
    }
  }

  /** @inheritdoc */
  close(id: number): void {
    switch (id) {
      case V:
      case F:
      case T:
        this.collecting = false;
        this.into = 0;
        return;
      case C:
        this.closeCell();
        return;
      case IS:
        this.inIs = false;
        return;
      case RPH:
        this.phonetic--;
        return;
      case ROW:
        if (this.inSheetData) this.closeRow();
        return;
      case SHEET_DATA:
        this.inSheetData = false;
        return;
    }
  }

  private collect(into: number): void {
    this.collecting = true;
    this.into = into;
  }

  /** @inheritdoc */
  text(text: string): void {
    // Text of the string path: a view into the decoded chunk, copied when the cell keeps it.
    this.viewText = true;
    this.ownedText(text);
  }

  /** @inheritdoc */
  ownedText(text: string): void {
    switch (this.into) {
      case INTO_V:
        if (this.num >= 0) {
          // Digits came first: the value goes on as text.
          this.v = String(this.num).padStart(this.numDigits, '0');
          this.num = -1;
        }
        if ((this.v as string).length < this.collectLimit) this.v += text;
        return;
      case INTO_T:
        if ((this.t as string).length < this.collectLimit) this.t += text;
        return;
      case INTO_F:
        if ((this.f as string).length < this.collectLimit) this.f += text;
        return;
    }
  }

  private checkDimension(ref: string | undefined): void {
    const range = ref === undefined ? undefined : parseRange(ref);
    if (range === undefined) return;
    const { limits } = this.setup;
    if (range.right + 1 > limits.maxColumns) {
      throw this.exceeded('maxColumns', range.right + 1, 'The columns the sheet declares');
    }
    if (range.bottom > limits.maxRows) {
      throw this.exceeded('maxRows', range.bottom, 'The rows the sheet declares');
    }
  }

  private openRow(scanner: XmlScanner): void {
    let number = -1;
    const buf = scanner.buf;
    while (scanner.nextAttr()) {
      if (
        scanner.attrNameEnd - scanner.attrLocal === 1 &&
        scanner.attrLocal === scanner.attrQualified &&
        buf.charCodeAt(scanner.attrLocal) === 114 /* r */
      ) {
        number = scanner.attrInt();
        if (number < 1) throw new XmlSyntaxError('A row number is not a positive whole number.');
      }
    }
    this.beginRow(number);
  }

  /** A row starts: `number` from its `r` (0 when not a whole number), -1 without one. */
  private beginRow(number: number): void {
    if (number === 0) throw new XmlSyntaxError('A row number is not a positive whole number.');
    if (number < 0) number = this.rowNumber + 1;
    else if (number <= this.rowNumber)
      throw new XmlSyntaxError('The rows of the sheet are out of order.');
    if (number > this.maxRows) {
      throw this.exceeded('maxRows', number, 'A row number of the sheet');
    }
    this.rowNumber = number;
    this.inRow = true;
    this.cells = [];
    this.column = -1;
    this.rowLength = 0;
  }

  private closeRow(): void {
    if (this.cells.length > 0) this.queue.push({ row: this.rowNumber, cells: this.cells });
    this.inRow = false;
    this.cells = [];
    this.column = -1;
  }

  private openCell(scanner: XmlScanner): void {
    if (!this.inRow) throw new XmlSyntaxError('A cell is outside a row.');
    let column = -1;
    let type = TYPE_N;
    let style = 0;
    const buf = scanner.buf;
    while (scanner.nextAttr()) {
      if (
        scanner.attrNameEnd - scanner.attrLocal !== 1 ||
        scanner.attrLocal !== scanner.attrQualified
      )
        continue;
      const name = buf.charCodeAt(scanner.attrLocal);
      if (name === 114 /* r */) {
        let col = 0;
        let i = scanner.valueStart;
        const end = scanner.valueEnd;
        if (buf.charCodeAt(i) === 36 /* $ */) i++;
        const lettersStart = i;
        for (; i < end; i++) {
          const c = buf.charCodeAt(i);
          if (c < 65 || c > 90) break;
          if (col < 1e9) col = col * 26 + (c - 64);
        }
        if (i === lettersStart) throw new XmlSyntaxError('A cell reference has no column.');
        column = col - 1;
      } else if (name === 116 /* t */) {
        type = this.cellType(buf, scanner.valueStart, scanner.valueEnd);
      } else if (name === 115 /* s */) {
        style = scanner.attrInt();
        if (style < 0) throw new XmlSyntaxError('A cell style is not a whole number.');
      }
    }
    this.beginCell(column, type, style);
  }

  /** A cell starts: its 0-based column (-1 without `r`), type and style. */
  private beginCell(column: number, type: number, style: number): void {
    if (!this.inRow) throw new XmlSyntaxError('A cell is outside a row.');
    if (column < 0) column = this.column + 1;
    else if (column <= this.column)
      throw new XmlSyntaxError('The cells of a row are out of order.');
    if (column + 1 > this.maxColumns) {
      throw this.exceeded('maxColumns', column + 1, 'A column of the sheet');
    }
    this.column = column;
    this.type = type;
    this.style = style;
    this.v = undefined;
    this.f = undefined;
    this.t = undefined;
    this.num = -1;
    this.inIs = false;
    this.viewText = false;
  }

  private cellType(buf: string, start: number, end: number): number {
    const length = end - start;
    const c = buf.charCodeAt(start);
    if (length === 1) {
      if (c === 115) return TYPE_S;
      if (c === 110) return TYPE_N;
      if (c === 98) return TYPE_B;
      if (c === 101) return TYPE_E;
      if (c === 100) return TYPE_D;
    } else if (length === 3 && buf.startsWith('str', start)) {
      return TYPE_STR;
    } else if (length === 9 && buf.startsWith('inlineStr', start)) {
      return TYPE_INLINE;
    }
    throw new XmlSyntaxError('A cell has an unknown type.');
  }

  /** A cell's text as it keeps it: unescaped, cut at the length limit (see {@link SheetHandler.cut}). */
  private decodeText(raw: string): string {
    const text = unescapeOoxml(raw);
    const max = this.maxCellLength;
    this.cut = text.length > max;
    if (this.cut) return ownText(cutText(text, max));
    return this.viewText ? ownText(text) : text;
  }

  private closeCell(): void {
    const column = this.column;
    if (column < 0) return;
    const v = this.v;
    let value: CellValue;
    let date: string | undefined;
    let cut = false;
    switch (this.type) {
      case TYPE_S: {
        let index = this.num;
        if (index < 0) {
          if (v === undefined || v.length === 0) {
            this.skipCell();
            return;
          }
          index = parseIndex(v);
        }
        const text = this.strings.get(index);
        if (text === undefined)
          throw new XmlSyntaxError('A cell points to a shared string that does not exist.');
        value = text;
        cut = this.stringsCut.size > 0 && this.stringsCut.has(index);
        break;
      }
      case TYPE_N: {
        if (this.num >= 0) {
          value = this.num;
          if (this.styleIsDate[this.style] === 1) date = this.date(this.num);
          break;
        }
        if (v === undefined || v.length === 0) {
          if (this.f === undefined || this.f.length === 0) {
            this.skipCell();
            return;
          }
          value = null;
          break;
        }
        const n = parseNumber(v);
        value = n;
        if (this.styleIsDate[this.style] === 1) date = this.date(n);
        break;
      }
      case TYPE_INLINE: {
        const raw = this.t ?? v;
        if (raw === undefined) {
          this.skipCell();
          return;
        }
        value = this.decodeText(raw);
        cut = this.cut;
        break;
      }
      case TYPE_STR: {
        if (v === undefined && this.f === undefined) {
          this.skipCell();
          return;
        }
        value = this.decodeText(v ?? '');
        cut = this.cut;
        break;
      }
      case TYPE_B:
        if (v === undefined || v.length === 0) {
          this.skipCell();
          return;
        }
        if (v === '1' || v === 'true') value = true;
        else if (v === '0' || v === 'false') value = false;
        else throw new XmlSyntaxError('A boolean cell holds neither 0 nor 1.');
        break;
      case TYPE_E:
        value = null;
        break;
      default: {
        if (v === undefined || v.length === 0) {
          this.skipCell();
          return;
        }
        if (v.length > this.maxCellLength) {
          value = ownText(cutText(v, this.maxCellLength));
          cut = true;
        } else {
          value = this.viewText ? ownText(v) : v;
        }
        if (isIsoDateStart(v)) date = v.slice(0, 10);
        break;
      }
    }
    let formula = this.f;
    if (formula !== undefined && formula.length > this.maxCellLength) {
      formula = ownText(cutText(formula, this.maxCellLength));
      cut = true;
    } else if (formula !== undefined && this.viewText) {
      formula = ownText(formula);
    }
    let length = formula === undefined ? 0 : formula.length;
    if (typeof value === 'string') length += value.length;
    if (length > 0) {
      this.rowLength += length;
      if (this.rowLength > this.maxRowLength) {
        throw this.exceeded('maxRowLength', this.rowLength, `The text of row ${this.rowNumber}`);
      }
    }
    const font = this.styleFont[this.style];
    if (!cut && (formula === undefined || formula.length === 0)) {
      // The usual cells, each built whole (one object shape per kind, no property added later).
      if (date === undefined) {
        this.cells[column] = font === undefined ? { value } : { value, font };
      } else {
        this.cells[column] = font === undefined ? { value, date } : { value, date, font };
      }
      this.skipCell();
      return;
    }
    const cell: {
      value: CellValue;
      date?: string;
      font?: string;
      formula?: string;
      truncated?: true;
    } = {
      value,
    };
    if (date !== undefined) cell.date = date;
    if (font !== undefined) cell.font = font;
    if (formula !== undefined && formula.length > 0) cell.formula = formula;
    if (cut) cell.truncated = true;
    this.cells[column] = cell;
    this.skipCell();
  }

  private skipCell(): void {
    this.v = undefined;
    this.f = undefined;
    this.t = undefined;
    this.num = -1;
    this.viewText = false;
  }

  private date(serial: number): string | undefined {
    let iso = this.dates.get(serial);
    if (iso === undefined) {
      try {
        iso = excelSerialToIso(serial, this.setup.dateSystem);
      } catch {
        iso = null;
      }
      if (this.dates.size < DATE_CACHE_SIZE) this.dates.set(serial, iso);
    }
    return iso ?? undefined;
  }
}

/** Whether text starts with an ISO date `yyyy-mm-dd` (looked at without a regular expression). */
function isIsoDateStart(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** A shared-string index: digits only. */
function parseIndex(text: string): number {
  let n = 0;
  if (text.length === 0 || text.length > 10)
    throw new XmlSyntaxError('A shared-string index is not a number.');
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new XmlSyntaxError('A shared-string index is not a number.');
    n = n * 10 + d;
  }
  return n;
}

/** A number cell's value: plain digits fast, anything else through `Number` (finite only). */
function parseNumber(text: string): number {
  const length = text.length;
  if (length > 0 && length < 16) {
    let n = 0;
    let i = 0;
    for (; i < length; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === length) return n;
  }
  const first = text.charCodeAt(0);
  const n = Number(text);
  if (
    length === 0 ||
    !Number.isFinite(n) ||
    !((first >= 48 && first <= 57) || first === 45 || first === 43 || first === 46)
  ) {
    throw new XmlSyntaxError('A number cell does not hold a number.');
  }
  return n;
}
