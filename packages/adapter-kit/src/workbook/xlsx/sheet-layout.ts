import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { XmlSyntaxError } from './xml-text.ts';

/**
 * Where an element is in a sheet's XML text: `[start, end)`, and the end of its start tag.
 *
 * @internal
 */
export interface ElementSpan {
  /** The `<` of the start tag. */
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly openEnd: number;
  /** Just after the element's end (its end tag, or the self-closing tag). */
  end: number;
  /** Whether the element is a self-closing tag. */
  readonly selfClosing: boolean;
}

/**
 * A cell of a sheet, as its XML holds it.
 *
 * @internal
 */
export interface CellSpan extends ElementSpan {
  /** 0-based column. */
  readonly column: number;
  /** Its style (`s`), 0 when absent. */
  readonly style: number;
  /** Whether the tag has an `r` attribute. */
  readonly hasRef: boolean;
  /** Whether the cell has a formula. */
  formula: boolean;
  /** Whether the cell is the master of a shared or array formula (`<f ref="…">`). */
  formulaMaster: boolean;
}

/**
 * A row of a sheet, as its XML holds it.
 *
 * @internal
 */
export interface RowSpan extends ElementSpan {
  /** 1-based row number. */
  readonly row: number;
  /** Whether the tag has an `r` attribute. */
  readonly hasRef: boolean;
  /** The row's style when it applies to its empty cells (`customFormat="1"`). */
  readonly style: number | undefined;
  /** Its cells. */
  readonly cells: CellSpan[];
}

/**
 * A column style range of `<cols>`.
 *
 * @internal
 */
export interface ColumnStyle {
  /** First column, 1-based. */
  readonly min: number;
  /** Last column, 1-based. */
  readonly max: number;
  /** The style of its empty cells. */
  readonly style: number;
}

/** Element names {@link SheetLayoutHandler} listens to. */
export const SHEET_LAYOUT_NAMES = [
  'sheetPr',
  'dimension',
  'col',
  'sheetData',
  'row',
  'c',
  'f',
] as const;
const SHEET_PR = 0;
const DIMENSION = 1;
const COL = 2;
const SHEET_DATA = 3;
const ROW = 4;
const C = 5;
const F = 6;

/**
 * Maps a whole sheet XML text for editing: the root's namespace prefix, `sheetPr`, `dimension`,
 * column styles, `sheetData`, and every row and cell with its position, style and formula flags.
 *
 * @internal
 */
export class SheetLayoutHandler implements XmlHandler {
  /** Never collects text. */
  readonly collecting = false;
  /** Set right after construction: the scanner reporting to this handler. */
  scanner: XmlScanner | undefined;
  /** The namespace prefix of the root element, with its colon (`''` or `'x:'`). */
  prefix = '';
  /** Just after the root's start tag. */
  rootOpenEnd = -1;
  /** The `sheetPr` element. */
  sheetPr: ElementSpan | undefined;
  /** The `dimension` element. */
  dimension: ElementSpan | undefined;
  /** The `sheetData` element; its `end` is the start of `</sheetData>` when it is not self-closing. */
  sheetData: ElementSpan | undefined;
  /** Column styles. */
  readonly columns: ColumnStyle[] = [];
  /** Rows in order. */
  readonly rows: RowSpan[] = [];
  private depth = 0;
  private row: RowSpan | undefined;
  private cell: CellSpan | undefined;
  private sheetPrDepth = -1;

  private span(scanner: XmlScanner, selfClosing: boolean): ElementSpan {
    return {
      start: scanner.tagStart,
      openEnd: selfClosing ? scanner.tagEnd + 2 : scanner.tagEnd + 1,
      end: selfClosing ? scanner.tagEnd + 2 : -1,
      selfClosing,
    };
  }

  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    if (this.depth === 0) {
      const name = scanner.buf.slice(scanner.tagStart + 1, scanner.nameEnd);
      const colon = name.indexOf(':');
      this.prefix = colon < 0 ? '' : name.slice(0, colon + 1);
      this.rootOpenEnd = scanner.tagEnd + (selfClosing ? 2 : 1);
    }
    switch (id) {
      case SHEET_PR:
        if (this.depth === 1) {
          this.sheetPr = this.span(scanner, selfClosing);
          this.sheetPrDepth = selfClosing ? -1 : 1;
        }
        break;
      case DIMENSION:
        if (this.depth === 1) this.dimension = this.span(scanner, selfClosing);
        break;
      case COL: {
        const min = Number(scanner.attr('min'));
        const max = Number(scanner.attr('max'));
        const style = Number(scanner.attr('style') ?? 0);
        if (
          Number.isInteger(min) &&
          Number.isInteger(max) &&
          Number.isInteger(style) &&
          style > 0
        ) {
          this.columns.push({ min, max, style });
        }
        break;
      }
      case SHEET_DATA:
        if (this.depth === 1) this.sheetData = this.span(scanner, selfClosing);
        break;
      case ROW:
        if (this.sheetData !== undefined && this.depth === 2) this.openRow(scanner, selfClosing);
        break;
      case C:
        if (this.row !== undefined && this.depth === 3) this.openCell(scanner, selfClosing);
        break;
      case F:
        if (this.cell !== undefined) {
          this.cell.formula = true;
          if (scanner.attr('ref') !== undefined) this.cell.formulaMaster = true;
        }
        break;
    }
    if (!selfClosing) this.depth++;
  }

  private openRow(scanner: XmlScanner, selfClosing: boolean): void {
    const previous = this.rows[this.rows.length - 1]?.row ?? 0;
    const r = scanner.attr('r');
    const row = r === undefined ? previous + 1 : Number(r);
    if (!Number.isInteger(row) || row <= previous) {
      throw new XmlSyntaxError('The rows of the sheet are out of order or not numbered.');
    }
    const s = Number(scanner.attr('s') ?? Number.NaN);
    const custom = scanner.attr('customFormat');
    const span: RowSpan = {
      ...this.span(scanner, selfClosing),
      row,
      hasRef: r !== undefined,
      style: (custom === '1' || custom === 'true') && Number.isInteger(s) ? s : undefined,
      cells: [],
    };
    this.rows.push(span);
    if (!selfClosing) this.row = span;
  }

  private openCell(scanner: XmlScanner, selfClosing: boolean): void {
    const row = this.row as RowSpan;
    const previous = row.cells[row.cells.length - 1]?.column ?? -1;
    const r = scanner.attr('r');
    let column = previous + 1;
    if (r !== undefined) {
      const letters = /^\$?([A-Za-z]{1,3})/.exec(r)?.[1];
      if (letters === undefined) throw new XmlSyntaxError('A cell reference has no column.');
      column = 0;
      for (const ch of letters.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
      column--;
    }
    if (column <= previous) throw new XmlSyntaxError('The cells of a row are out of order.');
    const s = Number(scanner.attr('s') ?? 0);
    const cell: CellSpan = {
      ...this.span(scanner, selfClosing),
      column,
      style: Number.isInteger(s) && s >= 0 ? s : 0,
      hasRef: r !== undefined,
      formula: false,
      formulaMaster: false,
    };
    row.cells.push(cell);
    if (!selfClosing) this.cell = cell;
  }

  close(id: number): void {
    this.depth--;
    const scanner = this.scanner as XmlScanner;
    const end = scanner.tagEnd + 1;
    if (id === C && this.cell !== undefined && this.depth === 3) {
      this.cell.end = end;
      this.cell = undefined;
    } else if (id === ROW && this.row !== undefined && this.depth === 2) {
      this.row.end = end;
      this.row = undefined;
    } else if (id === SHEET_DATA && this.sheetData !== undefined && this.depth === 1) {
      this.sheetData.end = scanner.tagStart;
    } else if (id === SHEET_PR && this.depth === this.sheetPrDepth && this.sheetPr !== undefined) {
      this.sheetPr.end = end;
    } else if (id === DIMENSION && this.dimension !== undefined && this.depth === 1) {
      this.dimension.end = end;
    }
  }

  text(): void {}
}
