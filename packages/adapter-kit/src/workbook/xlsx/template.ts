import { LimitHit, type Limits, resolveLimits } from '../../errors.ts';
import type { MergedRange } from '../types.ts';
import { cellRef, rangeRef } from './cell-ref.ts';
import { type CellInput, type CellStyler, type CellWriting, cellXml } from './cell-writer.ts';
import { adapterError, asAdapterError, corrupt, type ReadContext } from './fail.ts';
import { partReader, scanText } from './part-reader.ts';
import {
  type CellSpan,
  type RowSpan,
  SHEET_LAYOUT_NAMES,
  SheetLayoutHandler,
} from './sheet-layout.ts';
import { NO_STYLES, STYLES_NAMES, type Styles, StylesHandler } from './styles.ts';
import { StylesEditor } from './styles-edit.ts';
import {
  relsPartOf,
  resolveTarget,
  WORKBOOK_NAMES,
  WorkbookHandler,
  workbookPartName,
  workbookParts,
} from './workbook-part.ts';
import { XmlSyntaxError } from './xml-text.ts';
import { rawEntryDataSync, readDirectorySync } from './zip-reader.ts';
import { ZipWriter } from './zip-writer.ts';

/** Rows to write into one sheet of a template. */
export interface TemplateFill {
  /** The sheet's name (as the workbook spells it; case is ignored if no exact match). */
  readonly sheet: string;
  /** The 1-based row of the first of `rows`. */
  readonly startRow: number;
  /** The rows, each a list of cells from column A. */
  readonly rows: readonly (readonly CellInput[])[];
}

/** Options of {@link fillXlsxTemplate}. */
export interface FillXlsxTemplateOptions {
  /**
   * How `{ date }` cells are written: `'auto'` (default) as a serial number when the template cell's
   * style is a date format, else as `dd/mm/yyyy` text (what the Ministry's templates expect in
   * General-formatted cells); `'serial'` always as a serial with a date format (the template
   * style's, or a clone of it with {@link FillXlsxTemplateOptions.dateFormat}); `'text'` always as
   * text.
   */
  readonly dates?: 'auto' | 'serial' | 'text';
  /** The date format added for `'serial'` dates in cells without one (default `'dd/mm/yyyy'`). */
  readonly dateFormat?: string;
  /** The template's name, for messages. */
  readonly file?: string;
  /** Limits for reading the template. */
  readonly limits?: Partial<Limits>;
  /** zlib level of the rewritten parts, 0–9 (default 6). */
  readonly compressionLevel?: number;
}

/**
 * The styles part added to a template that has none.
 *
 * @internal
 */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
/** @internal */
export const STYLES_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** @internal */
export const STYLES_RELATIONSHIP =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The template's row tag, opened (a self-closing row becomes an open one), `r` set, `spans` dropped. */
function openRowTag(xml: string, row: RowSpan, prefix: string): string {
  let tag = xml.slice(row.start, row.openEnd);
  if (row.selfClosing) tag = `${tag.slice(0, -2).trimEnd()}>`;
  tag = tag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
  if (!row.hasRef) tag = tag.replace(`<${prefix}row`, `<${prefix}row r="${row.row}"`);
  return tag;
}

/** A template cell's XML as is, with an `r` added when it had none. */
function keptCell(xml: string, cell: CellSpan, row: number, prefix: string): string {
  const text = xml.slice(cell.start, cell.end);
  return cell.hasRef
    ? text
    : text.replace(`<${prefix}c`, `<${prefix}c r="${cellRef(cell.column, row)}"`);
}

/** Bounds of the cells written, for `<dimension>`. */
class Bounds {
  top = Number.POSITIVE_INFINITY;
  left = Number.POSITIVE_INFINITY;
  bottom = 0;
  right = -1;
  add(row: number, column: number): void {
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (column < this.left) this.left = column;
    if (column > this.right) this.right = column;
  }
  ref(): string {
    if (this.bottom === 0) return 'A1';
    const range: MergedRange = {
      top: this.top,
      left: this.left,
      bottom: this.bottom,
      right: this.right,
    };
    return rangeRef(range);
  }
}

/** What filling one sheet found out. */
interface SheetFillResult {
  readonly xml: string;
  readonly formulaReplaced: boolean;
}

function fillSheet(
  xml: string,
  fill: TemplateFill,
  writing: (prefix: string) => CellWriting,
  context: ReadContext,
): SheetFillResult {
  const layout = new SheetLayoutHandler();
  scanText(xml, SHEET_LAYOUT_NAMES, layout);
  const sheetData = layout.sheetData;
  if (sheetData === undefined)
    throw corrupt(context, `The sheet ${JSON.stringify(fill.sheet)} has no sheetData.`);
  const p = layout.prefix;
  const w = writing(p);
  const firstFilled = fill.startRow;
  const lastFilled = fill.startRow + fill.rows.length - 1;
  const bounds = new Bounds();
  let formulaReplaced = false;

  const columnStyle = (column: number): number =>
    layout.columns.find((c) => c.min <= column + 1 && column + 1 <= c.max)?.style ?? 0;

  const filledRow = (
    number: number,
    inputs: readonly CellInput[],
    existing: RowSpan | undefined,
  ): string => {
    const cells = new Map<number, CellSpan>();
    let lastExisting = -1;
    for (const cell of existing?.cells ?? []) {
      cells.set(cell.column, cell);
      lastExisting = cell.column;
    }
    let out = existing === undefined ? `<${p}row r="${number}">` : openRowTag(xml, existing, p);
    const end = Math.max(inputs.length, lastExisting + 1);
    for (let column = 0; column < end; column++) {
      const cell = cells.get(column);
      if (column < inputs.length) {
        if (cell?.formulaMaster === true) {
          throw adapterError(
            context,
            'unsupported-format',
            `Cell ${cellRef(column, number)} of sheet ${JSON.stringify(fill.sheet)} holds a shared or array formula used by other cells; filling it would break them. Fill from another row or column.`,
          );
        }
        if (cell?.formula === true) formulaReplaced = true;
        const base = cell?.style ?? existing?.style ?? columnStyle(column);
        const text = cellXml(w, cellRef(column, number), inputs[column] ?? null, base);
        if (text.length > 0) {
          out += text;
          bounds.add(number, column);
        }
      } else if (cell !== undefined) {
        out += keptCell(xml, cell, number, p);
        bounds.add(number, column);
      }
    }
    return `${out}</${p}row>`;
  };

  let rows = '';
  let next = 0;
  const existing = layout.rows;
  const keep = (row: RowSpan): void => {
    let text = xml.slice(row.start, row.end);
    if (!row.hasRef) text = text.replace(`<${p}row`, `<${p}row r="${row.row}"`);
    rows += text;
    for (const cell of row.cells) bounds.add(row.row, cell.column);
  };
  while (next < existing.length && (existing[next] as RowSpan).row < firstFilled)
    keep(existing[next++] as RowSpan);
  for (let i = 0; i < fill.rows.length; i++) {
    const number = firstFilled + i;
    let template: RowSpan | undefined;
    if (next < existing.length && (existing[next] as RowSpan).row === number)
      template = existing[next++];
    rows += filledRow(number, fill.rows[i] ?? [], template);
  }
  while (next < existing.length) {
    const row = existing[next++] as RowSpan;
    if (row.row <= lastFilled) continue;
    keep(row);
  }

  const dimension = `<${p}dimension ref="${bounds.ref()}"/>`;
  let head: string;
  if (layout.dimension !== undefined) {
    head =
      xml.slice(0, layout.dimension.start) +
      dimension +
      xml.slice(layout.dimension.end, sheetData.start);
  } else {
    const at = layout.sheetPr !== undefined ? layout.sheetPr.end : layout.rootOpenEnd;
    head = xml.slice(0, at) + dimension + xml.slice(at, sheetData.start);
  }
  const out = sheetData.selfClosing
    ? `${head}<${p}sheetData>${rows}</${p}sheetData>${xml.slice(sheetData.end)}`
    : `${head}${xml.slice(sheetData.start, sheetData.openEnd)}${rows}${xml.slice(sheetData.end)}`;
  return { xml: out, formulaReplaced };
}

/**
 * Fills an .xlsx template (a vendor's or the Ministry's import file) with rows, changing as
 * little as possible: only the target sheets' XML is rewritten — rows from `startRow` replaced or
 * added, other rows and everything outside `<sheetData>` kept as they are, `<dimension>` updated —
 * and every other zip entry is copied byte for byte (compressed data untouched), so hidden
 * columns, catalog sheets, shared strings, data validations and styles survive.
 *
 * In a filled row, each given cell replaces the template's cell and keeps its style (or the row's
 * or column's style); template cells beyond the given ones are kept. Text is written as inline
 * strings, never formulas; formula-like text (`=`, `+`, `-`, `@`, tab, CR first) gets a clone of
 * its cell style with `quotePrefix="1"`, appended to `styles.xml` (the only other part that may
 * change). If a filled cell had a formula, `calcChain.xml` is dropped (with its content type and
 * relationship) so that Excel rebuilds it instead of reporting the file as damaged.
 *
 * @param template - The template's bytes.
 * @param fills - The rows to write, per sheet (several fills of one sheet apply in order).
 * @param options - How dates are written; limits for reading the template.
 * @returns The filled workbook's bytes.
 * @throws AdapterError when the template cannot be read (codes as {@link openXlsx}), or
 * `'unsupported-format'` when a filled cell is the master of a shared formula; RangeError on an
 * unknown sheet, a bad `startRow` or a bad cell value.
 *
 * @example
 * ```ts
 * const filled = fillXlsxTemplate(templateBytes, [
 *   { sheet: 'Sheet1', startRow: 3, rows: [[1, { text: '0012' }, 'Nguyễn Văn An', { date: '2016-09-05' }]] },
 * ]);
 * ```
 */
export function fillXlsxTemplate(
  template: Uint8Array,
  fills: readonly TemplateFill[],
  options: FillXlsxTemplateOptions = {},
): Uint8Array {
  const limits = resolveLimits(options.limits);
  const context: ReadContext = { file: options.file };
  try {
    return fill(template, fills, options, limits, context);
  } catch (error) {
    if (error instanceof XmlSyntaxError || error instanceof LimitHit) {
      throw asAdapterError(context, error, 'The template');
    }
    throw error;
  }
}

function fill(
  template: Uint8Array,
  fills: readonly TemplateFill[],
  options: FillXlsxTemplateOptions,
  limits: Limits,
  context: ReadContext,
): Uint8Array {
  if (template.length === 0)
    throw adapterError(context, 'empty-file', 'The template is empty (0 bytes).');
  const directory = readDirectorySync(template, limits, context);
  const { text, parse, relationshipsOf } = partReader(template, directory, limits, context);

  const workbookPart = workbookPartName(relationshipsOf(''));
  const workbookEntry = directory.find(workbookPart);
  if (workbookEntry === undefined) throw corrupt(context, 'The template has no workbook part.');
  const workbook = new WorkbookHandler();
  parse(workbookEntry, WORKBOOK_NAMES, workbook);
  const workbookRels = relationshipsOf(workbookPart) ?? [];
  const parts = workbookParts(workbookPart, workbook.sheets, workbookRels);

  const stylesEntry = parts.styles === undefined ? undefined : directory.find(parts.styles);
  let styles: Styles = NO_STYLES;
  let editor: StylesEditor | undefined;
  if (stylesEntry !== undefined) {
    const handler = new StylesHandler();
    const xml = parse(stylesEntry, STYLES_NAMES, handler);
    styles = handler.result();
    try {
      editor = new StylesEditor(xml);
    } catch (error) {
      throw asAdapterError(context, error, `The part ${stylesEntry.name}`);
    }
  }
  // A workbook may have no styles part (Excel always writes one); one is added when needed.
  const needEditor = (): StylesEditor => {
    editor ??= new StylesEditor(MINIMAL_STYLES);
    return editor;
  };
  const dates = options.dates ?? 'auto';
  const dateFormat = options.dateFormat ?? 'dd/mm/yyyy';
  const isDate = (base: number): boolean => styles.isDate[base] === 1;
  const styler: CellStyler = {
    text: (base) => base,
    quoted: (base) => needEditor().quoted(base),
    date: (base) => (isDate(base) ? base : needEditor().withFormat(base, dateFormat)),
    dateAsSerial: (base) => dates === 'serial' || (dates === 'auto' && isDate(base)),
  };
  const writing = (prefix: string): CellWriting => ({
    prefix,
    dateSystem: workbook.dateSystem,
    styler,
  });

  const replaced = new Map<string, string>();
  let formulaReplaced = false;
  for (const item of fills) {
    if (
      !Number.isInteger(item.startRow) ||
      item.startRow < 1 ||
      item.startRow + item.rows.length - 1 > 1_048_576
    ) {
      throw new RangeError(
        `Fill of sheet ${JSON.stringify(item.sheet)}: startRow must be a row from 1 to 1,048,576.`,
      );
    }
    const sheet =
      parts.sheets.find((s) => s.info.name === item.sheet) ??
      parts.sheets.find((s) => s.info.name.toLowerCase() === item.sheet.toLowerCase());
    if (sheet === undefined) {
      throw new RangeError(
        `The template has no sheet ${JSON.stringify(item.sheet)}; it has ${parts.sheets.map((s) => JSON.stringify(s.info.name)).join(', ')}.`,
      );
    }
    const entry = directory.find(sheet.part);
    if (entry === undefined) throw corrupt(context, `The sheet part ${sheet.part} is missing.`);
    const xml = replaced.get(entry.name) ?? text(entry);
    let result: SheetFillResult;
    try {
      result = fillSheet(xml, item, writing, context);
    } catch (error) {
      if (error instanceof XmlSyntaxError)
        throw asAdapterError(context, error, `The part ${entry.name}`);
      throw error;
    }
    replaced.set(entry.name, result.xml);
    formulaReplaced ||= result.formulaReplaced;
  }
  const added = new Map<string, string>();
  if (editor?.changed === true) {
    if (stylesEntry !== undefined) {
      replaced.set(stylesEntry.name, editor.toXml());
    } else {
      const part = resolveTarget(workbookPart, 'styles.xml');
      added.set(part, editor.toXml());
      const typesEntry = directory.find('[Content_Types].xml');
      const relsEntry = directory.find(relsPartOf(workbookPart));
      if (typesEntry === undefined || relsEntry === undefined) {
        throw corrupt(
          context,
          'The template has no [Content_Types].xml or workbook relationships.',
        );
      }
      replaced.set(
        typesEntry.name,
        text(typesEntry).replace(
          /<\/(\w+:)?Types>/,
          `<Override PartName="/${part}" ContentType="${STYLES_CONTENT_TYPE}"/>$&`,
        ),
      );
      const ids = new Set(workbookRels.map((r) => r.id));
      let n = ids.size + 1;
      while (ids.has(`rId${n}`)) n++;
      replaced.set(
        relsEntry.name,
        text(relsEntry).replace(
          /<\/(\w+:)?Relationships>/,
          `<Relationship Id="rId${n}" Type="${STYLES_RELATIONSHIP}" Target="styles.xml"/>$&`,
        ),
      );
    }
  }

  const dropped = new Set<string>();
  const calcChain = parts.calcChain === undefined ? undefined : directory.find(parts.calcChain);
  if (formulaReplaced && calcChain !== undefined) {
    dropped.add(calcChain.name);
    const typesEntry = directory.find('[Content_Types].xml');
    if (typesEntry !== undefined) {
      const types = replaced.get(typesEntry.name) ?? text(typesEntry);
      const override = new RegExp(
        `<(\\w+:)?Override\\b[^>]*PartName="/${escapeRegExp(calcChain.name)}"[^>]*/>`,
        'i',
      );
      replaced.set(typesEntry.name, types.replace(override, ''));
    }
    const relsEntry = directory.find(relsPartOf(workbookPart));
    if (relsEntry !== undefined) {
      const rels = replaced.get(relsEntry.name) ?? text(relsEntry);
      replaced.set(
        relsEntry.name,
        rels.replace(/<(\w+:)?Relationship\b[^>]*Type="[^"]*\/calcChain"[^>]*\/>/, ''),
      );
    }
  }

  const zip = new ZipWriter();
  for (const entry of directory.entries) {
    if (dropped.has(entry.name)) continue;
    const xml = replaced.get(entry.name);
    if (xml === undefined) zip.copy(entry, rawEntryDataSync(template, directory, entry, context));
    else zip.add(entry.name, xml, true, options.compressionLevel ?? 6);
  }
  for (const [name, xml] of added) zip.add(name, xml, true, options.compressionLevel ?? 6);
  return zip.finish();
}
