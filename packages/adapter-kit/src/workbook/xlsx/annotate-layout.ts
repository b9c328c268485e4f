import type { XmlHandler, XmlScanner } from './xml-scanner.ts';
import { XmlSyntaxError } from './xml-text.ts';

/**
 * Where an element is in a sheet's XML text: `[start, end)`, and the end of its start tag.
 *
 * @internal
 */
export interface Span {
  /** The `<` of the start tag. */
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly openEnd: number;
  /** Just after the element (for `sheetData` and `cols`: the start of their end tag). */
  end: number;
  /** Whether the element is a self-closing tag. */
  readonly selfClosing: boolean;
}

/**
 * A cell of a row being annotated.
 *
 * @internal
 */
export interface AnnotatedCellSpan extends Span {
  /** 0-based column. */
  readonly column: number;
  /** Its style (`s`), 0 when absent. */
  readonly style: number;
  /** Whether the tag has an `r` attribute. */
  readonly hasRef: boolean;
}

/**
 * A row being annotated, with its cells.
 *
 * @internal
 */
export interface AnnotatedRowSpan extends Span {
  /** 1-based row number. */
  readonly row: number;
  /** Whether the tag has an `r` attribute. */
  readonly hasRef: boolean;
  /** The row's style when it applies to its empty cells (`customFormat="1"`). */
  readonly style: number | undefined;
  /** Its cells. */
  readonly cells: AnnotatedCellSpan[];
}

/**
 * A `<col>` range of `<cols>`.
 *
 * @internal
 */
export interface ColumnRange extends Span {
  /** First column, 1-based. */
  readonly min: number;
  /** Last column, 1-based. */
  readonly max: number;
  /** The style of its empty cells (0 when none). */
  readonly style: number;
}

/** Element names {@link AnnotateLayoutHandler} listens to. */
export const ANNOTATE_LAYOUT_NAMES = [
  'dimension',
  'cols',
  'col',
  'sheetData',
  'row',
  'c',
  'legacyDrawing',
  // The elements that follow `legacyDrawing` in CT_Worksheet: a new one goes before the first.
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;
const DIMENSION = 0;
const COLS = 1;
const COL = 2;
const SHEET_DATA = 3;
const ROW = 4;
const C = 5;
const LEGACY_DRAWING = 6;

/**
 * Maps a sheet's XML text for annotating it, in memory proportional to what is annotated, not to
 * the sheet: every row is numbered as the reader numbers it (a row or cell without `r` follows
 * the one before), but only the `wanted` rows keep their cells; a wanted row the sheet lacks gets
 * the place where it would go. Also finds the rightmost cell of the sheet, `<dimension>`,
 * `<cols>`, `<sheetData>`, `<legacyDrawing>` and where a new `<legacyDrawing>` goes.
 *
 * @internal
 */
export class AnnotateLayoutHandler implements XmlHandler {
  /** Never collects text. */
  readonly collecting = false;
  /** Set right after construction: the scanner reporting to this handler. */
  scanner: XmlScanner | undefined;
  /** The namespace prefix of the root element, with its colon (`''` or `'x:'`). */
  prefix = '';
  /** The start of the root's end tag. */
  rootClose = -1;
  /** The `dimension` element. */
  dimension: Span | undefined;
  /** The `dimension`'s `ref`. */
  dimensionRef: string | undefined;
  /** The `cols` element. */
  cols: Span | undefined;
  /** Its `<col>` ranges. */
  readonly columns: ColumnRange[] = [];
  /** The `sheetData` element; its `end` is the start of `</sheetData>` unless self-closing. */
  sheetData: Span | undefined;
  /** The `legacyDrawing` element and its relationship id. */
  legacyDrawing: (Span & { readonly id: string | undefined }) | undefined;
  /** Where a new `legacyDrawing` goes: the first element that must follow it, if any. */
  legacyDrawingBefore = -1;
  /** The rightmost cell's 0-based column, -1 when the sheet has no cell. */
  maxColumn = -1;
  /** The last row number. */
  lastRow = 0;
  /** The wanted rows the sheet has, by number. */
  readonly rows = new Map<number, AnnotatedRowSpan>();
  /** Where each wanted row the sheet lacks goes (the start of the next row, or of `</sheetData>`). */
  readonly missing = new Map<number, number>();
  private depth = 0;
  private next = 0;
  private row: AnnotatedRowSpan | undefined;
  private rowNumber = 0;
  private lastColumn = -1;

  /** @param wanted - The rows to map cells of, ascending. */
  constructor(private readonly wanted: readonly number[]) {}

  private span(scanner: XmlScanner, selfClosing: boolean): Span {
    return {
      start: scanner.tagStart,
      openEnd: selfClosing ? scanner.tagEnd + 2 : scanner.tagEnd + 1,
      end: selfClosing ? scanner.tagEnd + 2 : -1,
      selfClosing,
    };
  }

  /** @inheritdoc */
  open(id: number, scanner: XmlScanner, selfClosing: boolean): void {
    if (this.depth === 0) {
      const name = scanner.buf.slice(scanner.tagStart + 1, scanner.nameEnd);
      const colon = name.indexOf(':');
      this.prefix = colon < 0 ? '' : name.slice(0, colon + 1);
    } else if (this.depth === 1) {
      if (id === DIMENSION) {
        this.dimension = this.span(scanner, selfClosing);
        this.dimensionRef = scanner.attr('ref');
      } else if (id === COLS) {
        this.cols = this.span(scanner, selfClosing);
      } else if (id === SHEET_DATA) {
        this.sheetData = this.span(scanner, selfClosing);
        if (selfClosing) this.endSheetData(scanner.tagStart);
      } else if (id === LEGACY_DRAWING) {
        this.legacyDrawing = { ...this.span(scanner, selfClosing), id: scanner.attr('id') };
      } else if (
        id > LEGACY_DRAWING &&
        this.legacyDrawingBefore < 0 &&
        this.sheetData !== undefined &&
        this.sheetData.end >= 0
      ) {
        this.legacyDrawingBefore = scanner.tagStart;
      }
    } else if (this.depth === 2 && id === COL && this.cols !== undefined) {
      const min = Number(scanner.attr('min'));
      const max = Number(scanner.attr('max'));
      const style = Number(scanner.attr('style') ?? 0);
      if (Number.isInteger(min) && Number.isInteger(max)) {
        this.columns.push({
          ...this.span(scanner, selfClosing),
          min,
          max,
          style: Number.isInteger(style) && style > 0 ? style : 0,
        });
      }
    } else if (this.depth === 2 && id === ROW && this.sheetData !== undefined) {
      this.openRow(scanner, selfClosing);
    } else if (this.depth === 3 && id === C && this.rowNumber > 0) {
      this.openCell(scanner, selfClosing);
    }
    if (!selfClosing) this.depth++;
  }

  private openRow(scanner: XmlScanner, selfClosing: boolean): void {
    const previous = this.rowNumber;
    const r = scanner.attr('r');
    const row = r === undefined ? previous + 1 : Number(r);
    if (!Number.isInteger(row) || row <= previous || row > 1_048_576) {
      throw new XmlSyntaxError('The rows of the sheet are out of order or not numbered.');
    }
    this.rowNumber = row;
    this.lastRow = row;
    this.lastColumn = -1;
    const wanted = this.wanted;
    while (this.next < wanted.length && (wanted[this.next] as number) < row) {
      this.missing.set(wanted[this.next++] as number, scanner.tagStart);
    }
    if (this.next < wanted.length && wanted[this.next] === row) {
      this.next++;
      const s = Number(scanner.attr('s') ?? Number.NaN);
      const custom = scanner.attr('customFormat');
      const span: AnnotatedRowSpan = {
        ...this.span(scanner, selfClosing),
        row,
        hasRef: r !== undefined,
        style: (custom === '1' || custom === 'true') && Number.isInteger(s) ? s : undefined,
        cells: [],
      };
      this.rows.set(row, span);
      if (!selfClosing) this.row = span;
    }
  }

  private openCell(scanner: XmlScanner, selfClosing: boolean): void {
    const previous = this.lastColumn;
    const r = scanner.attr('r');
    let column = previous + 1;
    if (r !== undefined) {
      column = 0;
      let i = r.charCodeAt(0) === 36 ? 1 : 0;
      for (; i < r.length && i < 4; i++) {
        const c = r.charCodeAt(i) & ~32;
        if (c < 65 || c > 90) break;
        column = column * 26 + (c - 64);
      }
      if (column === 0) throw new XmlSyntaxError('A cell reference has no column.');
      column--;
    }
    if (column <= previous || column > 16_383)
      throw new XmlSyntaxError('The cells of a row are out of order.');
    this.lastColumn = column;
    if (column > this.maxColumn) this.maxColumn = column;
    const row = this.row;
    if (row === undefined) return;
    const s = Number(scanner.attr('s') ?? 0);
    row.cells.push({
      ...this.span(scanner, selfClosing),
      column,
      style: Number.isInteger(s) && s >= 0 ? s : 0,
      hasRef: r !== undefined,
    });
  }

  private endSheetData(at: number): void {
    while (this.next < this.wanted.length) this.missing.set(this.wanted[this.next++] as number, at);
  }

  /** @inheritdoc */
  close(id: number): void {
    this.depth--;
    const scanner = this.scanner as XmlScanner;
    const end = scanner.tagEnd + 1;
    if (this.depth === 0) {
      this.rootClose = scanner.tagStart;
    } else if (this.depth === 3 && id === C && this.row !== undefined) {
      const cell = this.row.cells[this.row.cells.length - 1];
      if (cell !== undefined && cell.end < 0) cell.end = end;
    } else if (this.depth === 2 && id === ROW) {
      if (this.row !== undefined) this.row.end = end;
      this.row = undefined;
    } else if (this.depth === 2 && id === COL) {
      const col = this.columns[this.columns.length - 1];
      if (col !== undefined && col.end < 0) col.end = end;
    } else if (this.depth === 1 && id === SHEET_DATA && this.sheetData !== undefined) {
      this.sheetData.end = scanner.tagStart;
      this.endSheetData(scanner.tagStart);
    } else if (this.depth === 1 && id === COLS && this.cols !== undefined) {
      this.cols.end = scanner.tagStart;
    } else if (this.depth === 1 && id === DIMENSION && this.dimension !== undefined) {
      this.dimension.end = end;
    } else if (this.depth === 1 && id === LEGACY_DRAWING && this.legacyDrawing !== undefined) {
      this.legacyDrawing.end = end;
    }
  }

  /** @inheritdoc */
  text(): void {}
}
