import { LimitHit, type Limits, resolveLimits } from '../../errors.ts';
import { columnLetter } from '../types.ts';
import {
  ANNOTATE_LAYOUT_NAMES,
  type AnnotatedRowSpan,
  AnnotateLayoutHandler,
} from './annotate-layout.ts';
import {
  COMMENTS_CONTENT_TYPE,
  COMMENTS_NAMES,
  COMMENTS_RELATIONSHIP,
  CommentsLayoutHandler,
  commentsPart,
  commentXml,
  lastShapeId,
  noteShape,
  REL_NS,
  relativeTarget,
  VML_CONTENT_TYPE,
  VML_RELATIONSHIP,
  vmlPart,
} from './annotate-parts.ts';
import { cellRef, parseRange, rangeRef } from './cell-ref.ts';
import { type CellWriting, cellXml, isFormulaLike } from './cell-writer.ts';
import { adapterError, asAdapterError, corrupt, type ReadContext } from './fail.ts';
import { partReader, scanText } from './part-reader.ts';
import { StylesEditor } from './styles-edit.ts';
import { MINIMAL_STYLES, STYLES_CONTENT_TYPE, STYLES_RELATIONSHIP } from './template.ts';
import {
  relationshipOfType,
  relsPartOf,
  resolveTarget,
  WORKBOOK_NAMES,
  WorkbookHandler,
  workbookPartName,
  workbookParts,
} from './workbook-part.ts';
import { cutText, escapeXmlText, XmlSyntaxError } from './xml-text.ts';
import { rawEntryDataSync, readDirectorySync } from './zip-reader.ts';
import { ZipWriter } from './zip-writer.ts';

/** How serious a problem marked in a workbook is: an error (red fill) or a query (yellow fill). */
export type AnnotationSeverity = 'error' | 'query';

/** One problem to mark: a row, optionally a cell of it, and a message. */
export interface CellAnnotation {
  /** The 1-based row. */
  readonly row: number;
  /**
   * The 0-based column of the cell at fault; absent for a problem of the whole row (listed in the
   * Errors column only).
   */
  readonly column?: number;
  /** Error or query: the fill of the cell (an error wins over a query on one cell). */
  readonly severity: AnnotationSeverity;
  /** What is wrong, as people read it (the cell's comment, and a line of the Errors column). */
  readonly message: string;
}

/** The problems to mark in one sheet. */
export interface SheetAnnotations {
  /** The sheet's name (as the workbook spells it; case is ignored if no exact match). */
  readonly sheet: string;
  /**
   * The 1-based row of the table's header, where the Errors column gets its title (absent: the
   * column has no title).
   */
  readonly headerRow?: number;
  /** The problems. */
  readonly annotations: readonly CellAnnotation[];
}

/** Options of {@link annotateXlsx}. */
export interface AnnotateXlsxOptions {
  /** The title of the added column (default `'Lỗi / Errors'`). */
  readonly header?: string;
  /** Whether to add the Errors column (default `true`). */
  readonly errorsColumn?: boolean;
  /** The author of the comments (default `'eduvn'`). */
  readonly author?: string;
  /** The ARGB fill of cells with an error (default `'FFFFC7CE'`, light red). */
  readonly errorFill?: string;
  /** The ARGB fill of cells with a query (default `'FFFFEB9C'`, light yellow). */
  readonly queryFill?: string;
  /**
   * The most annotations read per sheet (default 200,000): further ones are ignored and counted
   * in {@link AnnotatedSheet.omitted}.
   */
  readonly maxAnnotationsPerSheet?: number;
  /**
   * The most cells highlighted and commented per sheet (default 10,000): the messages of further
   * cells still go to the Errors column, and the cells are counted in {@link AnnotatedSheet.unmarked}.
   */
  readonly maxCellsPerSheet?: number;
  /** The most messages in one comment (default 5); more are summed up as `… +N`. */
  readonly maxMessagesPerCell?: number;
  /** The most messages in one cell of the Errors column (default 10); more as `… +N`. */
  readonly maxMessagesPerRow?: number;
  /** The longest message, in characters (default 500); longer ones are cut and end with `…`. */
  readonly maxMessageLength?: number;
  /** The workbook's name, for messages. */
  readonly file?: string;
  /** Limits for reading the workbook. */
  readonly limits?: Partial<Limits>;
  /** zlib level of the rewritten parts, 0–9 (default 6). */
  readonly compressionLevel?: number;
}

/** What {@link annotateXlsx} did to one sheet. */
export interface AnnotatedSheet {
  /** The sheet's name, as the workbook spells it. */
  readonly sheet: string;
  /** Cells given a fill. */
  readonly cellsMarked: number;
  /** Comments added. */
  readonly comments: number;
  /** Cells that already had a comment (kept as it was; the cell is still filled). */
  readonly commentsKept: number;
  /** Rows given a message in the Errors column. */
  readonly rows: number;
  /** The Errors column's letters; absent when no column was added (the sheet reaches `XFD`, or the option said so). */
  readonly errorsColumn?: string;
  /** Cells over {@link AnnotateXlsxOptions.maxCellsPerSheet}: listed in the Errors column only. */
  readonly unmarked: number;
  /** Annotations over {@link AnnotateXlsxOptions.maxAnnotationsPerSheet}: ignored. */
  readonly omitted: number;
}

/** The annotated workbook and what was done. */
export interface AnnotatedXlsx {
  /** The new workbook's bytes. */
  readonly bytes: Uint8Array;
  /** Each annotated sheet, in the order given. */
  readonly sheets: readonly AnnotatedSheet[];
}

/** Why {@link annotateXlsx} refused (reading errors are `AdapterError`s). */
export type AnnotateXlsxErrorCode =
  /** An annotation names a sheet the workbook does not have. */
  | 'unknown-sheet'
  /** An annotation's row, column, severity or message is not valid. */
  | 'invalid-annotation'
  /** An option is out of range. */
  | 'invalid-option'
  /** The sheet's existing notes are in a form that cannot be extended. */
  | 'unsupported-comments';

/** An annotation or option {@link annotateXlsx} cannot use, with a code to branch on. */
export class AnnotateXlsxError extends Error {
  /** Always `'AnnotateXlsxError'`. */
  override readonly name = 'AnnotateXlsxError';
  /** What went wrong. */
  readonly code: AnnotateXlsxErrorCode;

  /**
   * @param code - what went wrong
   * @param message - for people
   */
  constructor(code: AnnotateXlsxErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_383;
/** Excel's longest cell text. */
const MAX_TEXT = 32_767;
const DEFAULT_HEADER = 'Lỗi / Errors';

interface Resolved {
  readonly header: string;
  readonly errorsColumn: boolean;
  readonly author: string;
  readonly errorFill: string;
  readonly queryFill: string;
  readonly maxAnnotations: number;
  readonly maxCells: number;
  readonly perCell: number;
  readonly perRow: number;
  readonly messageLength: number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new AnnotateXlsxError(
      'invalid-option',
      `${name} must be a whole number of at least 1, got ${value}.`,
    );
  }
  return value;
}

function resolveOptions(options: AnnotateXlsxOptions): Resolved {
  const colour = (name: string, value: string | undefined, fallback: string): string => {
    if (value === undefined) return fallback;
    if (!/^[0-9A-Fa-f]{8}$/.test(value)) {
      throw new AnnotateXlsxError(
        'invalid-option',
        `${name} must be an ARGB colour of 8 hex digits such as 'FFFFC7CE'.`,
      );
    }
    return value.toUpperCase();
  };
  const header = options.header ?? DEFAULT_HEADER;
  if (typeof header !== 'string' || header.length > 1000)
    throw new AnnotateXlsxError(
      'invalid-option',
      'header must be a text of at most 1,000 characters.',
    );
  const author = options.author ?? 'eduvn';
  if (typeof author !== 'string' || author.length === 0 || author.length > 255)
    throw new AnnotateXlsxError('invalid-option', 'author must be a text of 1 to 255 characters.');
  return {
    header,
    errorsColumn: options.errorsColumn !== false,
    author,
    errorFill: colour('errorFill', options.errorFill, 'FFFFC7CE'),
    queryFill: colour('queryFill', options.queryFill, 'FFFFEB9C'),
    maxAnnotations: positive('maxAnnotationsPerSheet', options.maxAnnotationsPerSheet, 200_000),
    maxCells: positive('maxCellsPerSheet', options.maxCellsPerSheet, 10_000),
    perCell: positive('maxMessagesPerCell', options.maxMessagesPerCell, 5),
    perRow: positive('maxMessagesPerRow', options.maxMessagesPerRow, 10),
    messageLength: Math.min(positive('maxMessageLength', options.maxMessageLength, 500), 2000),
  };
}

/** Messages kept for a cell or a row, and how many more there were. */
interface Messages {
  severity: AnnotationSeverity;
  readonly texts: string[];
  more: number;
}

function addMessage(
  target: Messages,
  text: string,
  severity: AnnotationSeverity,
  max: number,
): void {
  if (severity === 'error') target.severity = 'error';
  if (target.texts.length < max) target.texts.push(text);
  else target.more++;
}

function joined(messages: Messages): string {
  const text = messages.texts.join('\n') + (messages.more > 0 ? `\n… +${messages.more}` : '');
  return text.length <= MAX_TEXT ? text : `${cutText(text, MAX_TEXT - 1)}…`;
}

/** The annotations of one sheet, grouped by cell and by row, within the limits. */
interface Grouped {
  readonly cells: Map<number, Map<number, Messages>>;
  readonly rows: Map<number, Messages>;
  /** Annotations taken so far (at most `maxAnnotationsPerSheet`). */
  seen: number;
  cellCount: number;
  unmarked: number;
  omitted: number;
  maxColumn: number;
}

function group(sheet: SheetAnnotations, grouped: Grouped, o: Resolved): void {
  const list = sheet.annotations;
  if (!Array.isArray(list))
    throw new AnnotateXlsxError(
      'invalid-annotation',
      `The annotations of sheet ${JSON.stringify(sheet.sheet)} must be an array.`,
    );
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as CellAnnotation;
    const where = (): string => `Annotation ${i} of sheet ${JSON.stringify(sheet.sheet)}`;
    if (typeof a !== 'object' || a === null)
      throw new AnnotateXlsxError('invalid-annotation', `${where()} is not an object.`);
    if (!Number.isInteger(a.row) || a.row < 1 || a.row > MAX_ROW)
      throw new AnnotateXlsxError(
        'invalid-annotation',
        `${where()}: row must be a whole number from 1 to 1,048,576.`,
      );
    if (
      a.column !== undefined &&
      (!Number.isInteger(a.column) || a.column < 0 || a.column > MAX_COLUMN)
    )
      throw new AnnotateXlsxError(
        'invalid-annotation',
        `${where()}: column must be a whole number from 0 (A) to 16,383 (XFD).`,
      );
    if (a.severity !== 'error' && a.severity !== 'query')
      throw new AnnotateXlsxError(
        'invalid-annotation',
        `${where()}: severity must be 'error' or 'query'.`,
      );
    if (typeof a.message !== 'string')
      throw new AnnotateXlsxError('invalid-annotation', `${where()}: message must be a text.`);
    if (grouped.seen >= o.maxAnnotations) {
      grouped.omitted += list.length - i;
      break;
    }
    grouped.seen++;
    const message =
      a.message.length > o.messageLength
        ? `${cutText(a.message, o.messageLength - 1)}…`
        : a.message;
    if (a.column !== undefined) {
      if (a.column > grouped.maxColumn) grouped.maxColumn = a.column;
      let row = grouped.cells.get(a.row);
      let cell = row?.get(a.column);
      if (cell === undefined && grouped.cellCount < o.maxCells) {
        if (row === undefined) {
          row = new Map();
          grouped.cells.set(a.row, row);
        }
        cell = { severity: a.severity, texts: [], more: 0 };
        row.set(a.column, cell);
        grouped.cellCount++;
      } else if (cell === undefined) {
        grouped.unmarked++;
      }
      if (cell !== undefined) addMessage(cell, message, a.severity, o.perCell);
    }
    let row = grouped.rows.get(a.row);
    if (row === undefined) {
      row = { severity: a.severity, texts: [], more: 0 };
      grouped.rows.set(a.row, row);
    }
    const line = a.column === undefined ? message : `${cellRef(a.column, a.row)}: ${message}`;
    addMessage(row, line, a.severity, o.perRow);
  }
}

/** `tag` (a start tag's text) with attribute `name` set to `value`. */
function setAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${value}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${value}"${tag.slice(close)}`;
}

/** Everything the sheet's rewrite needs from the workbook. */
interface SheetJob {
  readonly name: string;
  readonly part: string;
  readonly header: number | undefined;
  readonly grouped: Grouped;
}

/** What rewriting a sheet gives: its XML and the comments to add. */
interface SheetResult {
  xml: string;
  /** Where the sheet's `legacyDrawing` is and its relationship id, if it has one. */
  readonly legacyDrawingId: string | undefined;
  readonly hasLegacyDrawing: boolean;
  /** Where a new `legacyDrawing` goes in the rewritten XML. */
  readonly legacyDrawingAt: number;
  /** The root's namespace prefix. */
  readonly prefix: string;
  readonly comments: { column: number; row: number; text: string }[];
  readonly cellsMarked: number;
  readonly errorsColumn: number | undefined;
}

function rewriteSheet(
  xml: string,
  job: SheetJob,
  o: Resolved,
  editor: () => StylesEditor,
  dateSystem: '1900' | '1904',
): SheetResult {
  const { grouped } = job;
  const wanted = new Set<number>([...grouped.cells.keys(), ...grouped.rows.keys()]);
  if (job.header !== undefined) wanted.add(job.header);
  const rowsWanted = [...wanted].sort((a, b) => a - b);
  const layout = new AnnotateLayoutHandler(rowsWanted);
  scanText(xml, ANNOTATE_LAYOUT_NAMES, layout);
  const sheetData = layout.sheetData;
  if (sheetData === undefined)
    throw new XmlSyntaxError(`The sheet ${JSON.stringify(job.name)} has no sheetData.`);
  const p = layout.prefix;
  const lastColumn = Math.max(layout.maxColumn, grouped.maxColumn);
  const errorsColumn = o.errorsColumn && lastColumn < MAX_COLUMN ? lastColumn + 1 : undefined;
  const fillOf = (severity: AnnotationSeverity): string =>
    severity === 'error' ? o.errorFill : o.queryFill;
  const columnStyle = (column: number): number =>
    layout.columns.find((c) => c.min <= column + 1 && column + 1 <= c.max)?.style ?? 0;
  const writing: CellWriting = {
    prefix: p,
    dateSystem,
    styler: { text: (b) => b, quoted: (b) => b, date: (b) => b, dateAsSerial: () => false },
  };
  const comments: SheetResult['comments'] = [];
  let cellsMarked = 0;
  let maxRowWritten = 0;

  const errorsCell = (row: number, existing: AnnotatedRowSpan | undefined): string => {
    if (errorsColumn === undefined) return '';
    const messages = grouped.rows.get(row);
    const isHeader = row === job.header;
    let text = isHeader ? o.header : '';
    if (isHeader && grouped.omitted + grouped.unmarked > 0) {
      text += ` (+${grouped.omitted + grouped.unmarked})`;
    }
    if (messages !== undefined)
      text = text === '' ? joined(messages) : `${text}\n${joined(messages)}`;
    if (text === '') return '';
    text = text.length <= MAX_TEXT ? text : `${cutText(text, MAX_TEXT - 1)}…`;
    const last = existing?.cells[existing.cells.length - 1];
    const base = isHeader ? (last?.style ?? existing?.style ?? 0) : (existing?.style ?? 0);
    const fill = !isHeader && messages !== undefined ? fillOf(messages.severity) : undefined;
    const style = editor().styled(base, {
      ...(fill === undefined ? {} : { fill }),
      wrapText: true,
      quotePrefix: isFormulaLike(text),
    });
    maxRowWritten = Math.max(maxRowWritten, row);
    return cellXml(writing, cellRef(errorsColumn, row), text, style);
  };

  const markedCell = (
    row: number,
    column: number,
    messages: Messages,
    base: number,
    tag?: string,
    rest?: string,
  ): string => {
    const style = editor().styled(base, { fill: fillOf(messages.severity) });
    cellsMarked++;
    comments.push({ column, row, text: joined(messages) });
    maxRowWritten = Math.max(maxRowWritten, row);
    if (tag === undefined) return `<${p}c r="${cellRef(column, row)}" s="${style}"/>`;
    let out = setAttribute(tag, 's', String(style));
    if (!/\sr\s*=/.test(out)) out = out.replace(`<${p}c`, `<${p}c r="${cellRef(column, row)}"`);
    return out + (rest ?? '');
  };

  const rowXml = (number: number, existing: AnnotatedRowSpan | undefined): string => {
    const marks = grouped.cells.get(number);
    let out: string;
    if (existing === undefined) {
      out = `<${p}row r="${number}">`;
    } else {
      let tag = xml.slice(existing.start, existing.openEnd);
      if (existing.selfClosing) tag = `${tag.slice(0, -2).trimEnd()}>`;
      tag = tag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
      if (!existing.hasRef) tag = tag.replace(`<${p}row`, `<${p}row r="${number}"`);
      out = tag;
    }
    const columns = marks === undefined ? [] : [...marks.keys()].sort((a, b) => a - b);
    let next = 0;
    for (const cell of existing?.cells ?? []) {
      while (next < columns.length && (columns[next] as number) < cell.column) {
        const column = columns[next++] as number;
        const base = existing?.style ?? columnStyle(column);
        out += markedCell(number, column, marks?.get(column) as Messages, base);
      }
      const tag = xml.slice(cell.start, cell.openEnd);
      const rest = xml.slice(cell.openEnd, cell.end);
      if (next < columns.length && columns[next] === cell.column) {
        next++;
        out += markedCell(
          number,
          cell.column,
          marks?.get(cell.column) as Messages,
          cell.style,
          tag,
          rest,
        );
      } else {
        out += cell.hasRef
          ? tag + rest
          : tag.replace(`<${p}c`, `<${p}c r="${cellRef(cell.column, number)}"`) + rest;
      }
    }
    while (next < columns.length) {
      const column = columns[next++] as number;
      const base = existing?.style ?? columnStyle(column);
      out += markedCell(number, column, marks?.get(column) as Messages, base);
    }
    out += errorsCell(number, existing);
    return `${out}</${p}row>`;
  };

  // Splice: each wanted row replaces its existing text, or is inserted where it goes.
  const edits: { at: number; end: number; text: string }[] = [];
  for (const number of rowsWanted) {
    const existing = layout.rows.get(number);
    if (existing !== undefined) {
      edits.push({ at: existing.start, end: existing.end, text: rowXml(number, existing) });
    } else {
      const at = layout.missing.get(number) as number;
      const text = rowXml(number, undefined);
      if (text !== `<${p}row r="${number}"></${p}row>`) edits.push({ at, end: at, text });
    }
  }
  if (sheetData.selfClosing) {
    // `<sheetData/>`: inserted rows need an open element.
    const inner = edits.map((e) => e.text).join('');
    edits.length = 0;
    edits.push({
      at: sheetData.start,
      end: sheetData.openEnd,
      text: `<${p}sheetData>${inner}</${p}sheetData>`,
    });
  }
  if (errorsColumn !== undefined && maxRowWritten > 0) {
    const n = errorsColumn + 1;
    const col = `<${p}col min="${n}" max="${n}" width="60" customWidth="1"/>`;
    const covered = layout.columns.some((c) => c.min <= n && n <= c.max);
    const cols = layout.cols;
    if (cols === undefined) {
      edits.push({
        at: sheetData.start,
        end: sheetData.start,
        text: `<${p}cols>${col}</${p}cols>`,
      });
    } else if (!covered) {
      if (cols.selfClosing) {
        edits.push({ at: cols.start, end: cols.end, text: `<${p}cols>${col}</${p}cols>` });
      } else {
        const after = layout.columns.find((c) => c.min > n);
        const at = after === undefined ? cols.end : after.start;
        edits.push({ at, end: at, text: col });
      }
    }
  }
  if (layout.dimension !== undefined && maxRowWritten > 0) {
    const range = parseRange(layout.dimensionRef ?? '');
    if (range !== undefined) {
      const right = Math.max(range.right, errorsColumn ?? 0, grouped.maxColumn);
      const bottom = Math.max(range.bottom, maxRowWritten);
      const tag = xml.slice(layout.dimension.start, layout.dimension.openEnd);
      edits.push({
        at: layout.dimension.start,
        end: layout.dimension.openEnd,
        text: setAttribute(
          tag,
          'ref',
          rangeRef({ top: range.top, left: range.left, bottom, right }),
        ),
      });
    }
  }
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += xml.slice(from, edit.at) + edit.text;
    from = edit.end;
  }
  out += xml.slice(from);
  // Every edit is at or before the end of `sheetData`: what follows it only moved by their sum.
  const shift = out.length - xml.length;
  const before = layout.legacyDrawingBefore >= 0 ? layout.legacyDrawingBefore : layout.rootClose;
  return {
    xml: out,
    legacyDrawingId: layout.legacyDrawing?.id,
    hasLegacyDrawing: layout.legacyDrawing !== undefined,
    legacyDrawingAt: before + shift,
    prefix: p,
    comments,
    cellsMarked,
    errorsColumn: maxRowWritten > 0 ? errorsColumn : undefined,
  };
}

/**
 * Marks problems in a user's own .xlsx workbook, the way school staff fix data: each cell at fault
 * gets a fill (light red for errors, light yellow for queries — a clone of its style, so its
 * number format, font and borders stay) and a note with the messages (the comments part and the
 * VML drawing Excel shows notes from; notes the sheet already has are kept, and a cell that has
 * one keeps it), and an added column right of the table, titled `Lỗi / Errors` on the header row,
 * lists each row's messages (wrapped text; a message about a cell starts with its reference).
 *
 * Only the annotated sheets, `styles.xml`, their relationships and `[Content_Types].xml` are
 * rewritten; every other zip entry is copied byte for byte, and no cell value changes. Text is
 * written as inline strings, never formulas: text starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets `quotePrefix`, so no spreadsheet runs it.
 *
 * Bounded whatever the input: annotations over `maxAnnotationsPerSheet` are ignored, cells over
 * `maxCellsPerSheet` are listed in the Errors column only, comments and Errors cells hold at most
 * `maxMessagesPerCell`/`maxMessagesPerRow` messages (then `… +N`), and the header says how many
 * were left out (`Lỗi / Errors (+N)`); {@link AnnotatedXlsx.sheets} counts all of it.
 *
 * @param bytes - The workbook's bytes.
 * @param sheets - The problems, per sheet (several entries of one sheet are merged).
 * @param options - Titles, colours, limits.
 * @returns The annotated workbook and what was done to each sheet.
 * @throws AnnotateXlsxError on an unknown sheet, an invalid annotation or option, or existing
 * notes that cannot be extended; AdapterError when the workbook cannot be read (codes as
 * {@link openXlsx}); NodeOnlyError outside Node (it needs Node's synchronous zlib, as
 * {@link fillXlsxTemplate} does).
 *
 * @example
 * ```ts
 * const { bytes: marked } = annotateXlsx(bytes, [
 *   { sheet: 'Sheet1', headerRow: 1, annotations: [{ row: 3, column: 4, severity: 'error', message: 'Ngày sinh không hợp lệ' }] },
 * ]);
 * ```
 */
export function annotateXlsx(
  bytes: Uint8Array,
  sheets: readonly SheetAnnotations[],
  options: AnnotateXlsxOptions = {},
): AnnotatedXlsx {
  const o = resolveOptions(options);
  const limits = resolveLimits(options.limits);
  const context: ReadContext = { file: options.file };
  try {
    return annotate(bytes, sheets, options, o, limits, context);
  } catch (error) {
    if (error instanceof XmlSyntaxError || error instanceof LimitHit) {
      throw asAdapterError(context, error, 'The workbook');
    }
    throw error;
  }
}

function annotate(
  bytes: Uint8Array,
  sheets: readonly SheetAnnotations[],
  options: AnnotateXlsxOptions,
  o: Resolved,
  limits: Limits,
  context: ReadContext,
): AnnotatedXlsx {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0)
    throw adapterError(context, 'empty-file', 'The workbook is empty (0 bytes).');
  if (!Array.isArray(sheets))
    throw new AnnotateXlsxError(
      'invalid-annotation',
      'The annotations must be an array of sheets.',
    );
  const directory = readDirectorySync(bytes, limits, context);
  const replaced = new Map<string, string>();
  const added = new Map<string, string>();
  const { text, parse, relationshipsOf } = partReader(bytes, directory, limits, context, replaced);
  const exists = (name: string): boolean =>
    directory.find(name) !== undefined ||
    [...added.keys()].some((n) => n.toLowerCase() === name.toLowerCase());
  const typesEntry = directory.find('[Content_Types].xml');
  if (typesEntry === undefined) throw corrupt(context, 'The workbook has no [Content_Types].xml.');
  let types = text(typesEntry);
  const addOverride = (part: string, type: string): void => {
    types = types.replace(
      /<\/(\w+:)?Types>\s*$/,
      `<Override PartName="/${part}" ContentType="${type}"/>$&`,
    );
  };
  /** Adds relationships to a part's `.rels` (made if missing), returning their ids. */
  const addRelationships = (
    part: string,
    list: readonly { type: string; target: string }[],
  ): string[] => {
    const relsName = relsPartOf(part);
    const entry = directory.find(relsName);
    const existing = relationshipsOf(part) ?? [];
    const ids = new Set(existing.map((r) => r.id));
    let n = 1;
    const out: string[] = [];
    let xml = '';
    for (const item of list) {
      while (ids.has(`rId${n}`)) n++;
      const id = `rId${n}`;
      ids.add(id);
      out.push(id);
      xml += `<Relationship Id="${id}" Type="${item.type}" Target="${item.target}"/>`;
    }
    if (entry === undefined) {
      added.set(
        relsName,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xml}</Relationships>`,
      );
    } else {
      const rels = text(entry);
      const closed = /<\/(\w+:)?Relationships>\s*$/.exec(rels);
      if (closed === null) {
        const self = /<((\w+:)?Relationships)\b([^>]*)\/>\s*$/.exec(rels);
        if (self === null)
          throw corrupt(context, `The part ${entry.name} has no Relationships element.`);
        replaced.set(
          entry.name,
          `${rels.slice(0, self.index)}<${self[1]}${self[3]}>${xml}</${self[1]}>`,
        );
      } else {
        const p = closed[1] ?? '';
        replaced.set(
          entry.name,
          rels.slice(0, closed.index) +
            xml.replace(/<Relationship /g, `<${p}Relationship `) +
            rels.slice(closed.index),
        );
      }
    }
    return out;
  };

  const workbookPart = workbookPartName(relationshipsOf(''));
  const workbookEntry = directory.find(workbookPart);
  if (workbookEntry === undefined) throw corrupt(context, 'The workbook has no workbook part.');
  const workbook = new WorkbookHandler(limits.maxSheets);
  parse(workbookEntry, WORKBOOK_NAMES, workbook);
  const workbookRels = relationshipsOf(workbookPart) ?? [];
  const parts = workbookParts(workbookPart, workbook.sheets, workbookRels);

  const stylesEntry = parts.styles === undefined ? undefined : directory.find(parts.styles);
  let styles: StylesEditor | undefined;
  const editor = (): StylesEditor => {
    if (styles === undefined) {
      const xml = stylesEntry === undefined ? MINIMAL_STYLES : text(stylesEntry);
      try {
        styles = new StylesEditor(xml);
      } catch (error) {
        throw asAdapterError(context, error, `The part ${stylesEntry?.name ?? 'styles.xml'}`);
      }
    }
    return styles;
  };

  // Group the annotations by sheet part (a Map: sheet names such as `__proto__` are plain keys).
  const jobs = new Map<string, SheetJob>();
  for (const item of sheets) {
    if (typeof item !== 'object' || item === null || typeof item.sheet !== 'string')
      throw new AnnotateXlsxError('invalid-annotation', 'Each sheet entry needs a sheet name.');
    const sheet =
      parts.sheets.find((s) => s.info.name === item.sheet) ??
      parts.sheets.find((s) => s.info.name.toLowerCase() === item.sheet.toLowerCase());
    if (sheet === undefined) {
      throw new AnnotateXlsxError(
        'unknown-sheet',
        `The workbook has no sheet ${JSON.stringify(item.sheet)}; it has ${parts.sheets.map((s) => JSON.stringify(s.info.name)).join(', ')}.`,
      );
    }
    if (
      item.headerRow !== undefined &&
      (!Number.isInteger(item.headerRow) || item.headerRow < 1 || item.headerRow > MAX_ROW)
    )
      throw new AnnotateXlsxError(
        'invalid-annotation',
        `headerRow of sheet ${JSON.stringify(item.sheet)} must be a row from 1 to 1,048,576.`,
      );
    let job = jobs.get(sheet.part);
    if (job === undefined) {
      job = {
        name: sheet.info.name,
        part: sheet.part,
        header: item.headerRow,
        grouped: {
          cells: new Map(),
          rows: new Map(),
          seen: 0,
          cellCount: 0,
          unmarked: 0,
          omitted: 0,
          maxColumn: -1,
        },
      };
      jobs.set(sheet.part, job);
    } else if (job.header === undefined && item.headerRow !== undefined) {
      job = { ...job, header: item.headerRow };
      jobs.set(sheet.part, job);
    }
    group(item, job.grouped, o);
  }

  const results: AnnotatedSheet[] = [];
  let vmlType = /<(\w+:)?Default\b[^>]*Extension\s*=\s*"vml"/i.test(types);
  for (const job of jobs.values()) {
    const entry = directory.find(job.part);
    if (entry === undefined) throw corrupt(context, `The sheet part ${job.part} is missing.`);
    let result: SheetResult;
    try {
      result = rewriteSheet(text(entry), job, o, editor, workbook.dateSystem);
    } catch (error) {
      if (error instanceof XmlSyntaxError || error instanceof LimitHit)
        throw asAdapterError(context, error, `The part ${entry.name}`);
      throw error;
    }
    let commentsAdded = 0;
    let commentsKept = 0;
    if (result.comments.length > 0) {
      const sheetRels = relationshipsOf(job.part) ?? [];
      const commentsRel = relationshipOfType(sheetRels, 'comments');
      const commentsName =
        commentsRel === undefined ? undefined : resolveTarget(job.part, commentsRel.target);
      const commentsEntry = commentsName === undefined ? undefined : directory.find(commentsName);
      // The legacy drawing the sheet points to, if any.
      const legacyId = result.legacyDrawingId;
      const vmlRel =
        legacyId === undefined
          ? undefined
          : sheetRels.find((r) => r.id === legacyId && !r.external);
      const vmlName = vmlRel === undefined ? undefined : resolveTarget(job.part, vmlRel.target);
      const vmlEntry = vmlName === undefined ? undefined : directory.find(vmlName);
      if (result.hasLegacyDrawing && vmlEntry === undefined) {
        throw new AnnotateXlsxError(
          'unsupported-comments',
          `The sheet ${JSON.stringify(job.name)} has a legacy drawing whose part is missing; notes cannot be added to it. Save the workbook again from Excel.`,
        );
      }
      let existing: CommentsLayoutHandler | undefined;
      let commentsXml: string | undefined;
      if (commentsEntry !== undefined) {
        existing = new CommentsLayoutHandler();
        commentsXml = parse(commentsEntry, COMMENTS_NAMES, existing);
      }
      const authorId = existing?.authors ?? 0;
      const prefix = existing?.prefix ?? '';
      let list = '';
      let shapes = '';
      let vml = vmlEntry === undefined ? undefined : text(vmlEntry);
      let shapeId = vml === undefined ? 1024 : lastShapeId(vml);
      for (const c of result.comments) {
        const ref = cellRef(c.column, c.row);
        if (existing?.cells.has(ref) === true) {
          commentsKept++;
          continue;
        }
        list += commentXml(ref, authorId, c.text, prefix);
        shapes += noteShape(++shapeId, c.column, c.row);
        commentsAdded++;
      }
      if (commentsAdded > 0) {
        const newRels: { type: string; target: string }[] = [];
        // Comments: merged into the existing part, or a new one.
        if (existing !== undefined && commentsXml !== undefined && commentsEntry !== undefined) {
          replaced.set(
            commentsEntry.name,
            mergeComments(commentsXml, existing, o.author, list, commentsEntry.name),
          );
        } else {
          let n = 1;
          while (exists(`xl/comments${n}.xml`)) n++;
          const name = `xl/comments${n}.xml`;
          added.set(name, commentsPart(o.author, list));
          addOverride(name, COMMENTS_CONTENT_TYPE);
          newRels.push({ type: COMMENTS_RELATIONSHIP, target: relativeTarget(job.part, name) });
        }
        // Notes' shapes: appended to the existing drawing, or a new one.
        if (vml !== undefined && vmlEntry !== undefined) {
          const close = vml.toLowerCase().lastIndexOf('</xml>');
          if (close < 0) {
            throw new AnnotateXlsxError(
              'unsupported-comments',
              `The legacy drawing of sheet ${JSON.stringify(job.name)} (${vmlEntry.name}) is not VML as Excel writes it; notes cannot be added to it.`,
            );
          }
          vml = vml.slice(0, close) + shapes + vml.slice(close);
          replaced.set(vmlEntry.name, vml);
        } else {
          let n = 1;
          while (exists(`xl/drawings/vmlDrawing${n}.vml`)) n++;
          const name = `xl/drawings/vmlDrawing${n}.vml`;
          added.set(name, vmlPart(shapes));
          if (!vmlType) {
            types = types.replace(
              /<(\w+:)?(Default|Override)\b/,
              (m, p: string | undefined) =>
                `<${p ?? ''}Default Extension="vml" ContentType="${VML_CONTENT_TYPE}"/>${m}`,
            );
            vmlType = true;
          }
          newRels.push({ type: VML_RELATIONSHIP, target: relativeTarget(job.part, name) });
        }
        const ids = newRels.length > 0 ? addRelationships(job.part, newRels) : [];
        if (vmlEntry === undefined) {
          const id = ids[ids.length - 1] as string;
          const p = result.prefix;
          const element = `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${id}"/>`;
          const at = result.legacyDrawingAt;
          result.xml = result.xml.slice(0, at) + element + result.xml.slice(at);
        }
      }
    }
    replaced.set(entry.name, result.xml);
    results.push({
      sheet: job.name,
      cellsMarked: result.cellsMarked,
      comments: commentsAdded,
      commentsKept,
      rows: job.grouped.rows.size,
      ...(result.errorsColumn === undefined
        ? {}
        : { errorsColumn: columnLetter(result.errorsColumn) }),
      unmarked: job.grouped.unmarked,
      omitted: job.grouped.omitted,
    });
  }

  if (styles?.changed === true) {
    if (stylesEntry !== undefined) {
      replaced.set(stylesEntry.name, styles.toXml());
    } else {
      const part = resolveTarget(workbookPart, 'styles.xml');
      added.set(part, styles.toXml());
      addOverride(part, STYLES_CONTENT_TYPE);
      addRelationships(workbookPart, [{ type: STYLES_RELATIONSHIP, target: 'styles.xml' }]);
    }
  }
  replaced.set(typesEntry.name, types);

  const level = options.compressionLevel ?? 6;
  const zip = new ZipWriter();
  for (const entry of directory.entries) {
    const xml = replaced.get(entry.name);
    if (xml === undefined) zip.copy(entry, rawEntryDataSync(bytes, directory, entry, context));
    else zip.add(entry.name, xml, true, level);
  }
  for (const [name, xml] of added) zip.add(name, xml, true, level);
  return { bytes: zip.finish(), sheets: results };
}

/** An existing comments part with the author and the comments added. */
function mergeComments(
  xml: string,
  layout: CommentsLayoutHandler,
  author: string,
  list: string,
  name: string,
): string {
  const p = layout.prefix;
  const edits: { at: number; end: number; text: string }[] = [];
  const authorXml = `<${p}author>${escapeXmlText(author)}</${p}author>`;
  if (layout.authorsEnd < 0) {
    edits.push({
      at: layout.rootOpenEnd,
      end: layout.rootOpenEnd,
      text: `<${p}authors>${authorXml}</${p}authors>`,
    });
  } else if (layout.authorsSelfClosing) {
    edits.push({
      at: layout.authorsEnd,
      end: layout.authorsTagEnd,
      text: `<${p}authors>${authorXml}</${p}authors>`,
    });
  } else {
    edits.push({ at: layout.authorsEnd, end: layout.authorsEnd, text: authorXml });
  }
  if (layout.listEnd >= 0) {
    edits.push({ at: layout.listEnd, end: layout.listEnd, text: list });
  } else if (layout.listSelfClosing !== undefined) {
    const s = layout.listSelfClosing;
    edits.push({ at: s.start, end: s.end, text: `<${p}commentList>${list}</${p}commentList>` });
  } else if (layout.rootClose >= 0) {
    edits.push({
      at: layout.rootClose,
      end: layout.rootClose,
      text: `<${p}commentList>${list}</${p}commentList>`,
    });
  } else {
    throw new AnnotateXlsxError(
      'unsupported-comments',
      `The comments part ${name} has no commentList.`,
    );
  }
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += xml.slice(from, edit.at) + edit.text;
    from = edit.end;
  }
  return out + xml.slice(from);
}
