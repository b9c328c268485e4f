import type { ExcelDateSystem } from '@eduvn/text';
import { cachedColumnLetter, cellRef, rangeRef } from './cell-ref.ts';
import { type CellInput, type CellStyler, type CellWriting, cellXml } from './cell-writer.ts';
import { escapeXmlText } from './xml-text.ts';
import { SegmentWriter, ZipWriter } from './zip-writer.ts';

/** A column of a sheet written by {@link writeXlsx}. */
export interface ColumnInput {
  /** The width, in characters of the default font. */
  readonly width?: number;
  /** Hide the column (as vendors' templates hide internal-ID columns). */
  readonly hidden?: boolean;
}

/** A sheet written by {@link writeXlsx}. */
export interface SheetInput {
  /** The name: 1–31 characters, none of `: \ / ? * [ ]`, not starting or ending with `'`. */
  readonly name: string;
  /** The rows from row 1, each a list of cells from column A (an array, or any iterable). */
  readonly rows: Iterable<readonly CellInput[]>;
  /** Visibility (default `'visible'`; at least one sheet must be visible). */
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  /** Column widths and visibility, from column A. */
  readonly columns?: readonly (ColumnInput | undefined)[];
  /**
   * Merged ranges in A1 notation (`'F1:R1'`), as templates merge their multi-row headers. The
   * text of a merged range belongs in its top-left cell.
   */
  readonly merges?: readonly string[];
}

/** Options of {@link writeXlsx}. */
export interface WriteXlsxOptions {
  /** The workbook's date system (default `'1900'`). */
  readonly dateSystem?: ExcelDateSystem;
  /**
   * How `{ date }` cells are written: `'serial'` (default) an Excel serial number with the date
   * format {@link WriteXlsxOptions.dateFormat}; `'text'` the text `dd/mm/yyyy`, as the Ministry's
   * templates hold dates.
   */
  readonly dates?: 'serial' | 'text';
  /** The number format of serial dates (default `'dd/mm/yyyy'`). */
  readonly dateFormat?: string;
  /** zlib level, 0–9 (default 6). */
  readonly compressionLevel?: number;
  /** The zip entries' modification time (default 1980-01-01, for reproducible output). */
  readonly modified?: Date;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** The cell styles of a written workbook (indexes into `cellXfs`). */
const STYLE_DATE = 1;
const STYLE_TEXT = 2;
const STYLE_QUOTED = 3;
const STYLE_TEXT_QUOTED = 4;

function stylesXml(dateFormat: string): string {
  const xf = (numFmtId: number, extra = ''): string =>
    `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${extra}/>`;
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXmlText(dateFormat)}"/></numFmts>` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="5">${xf(0)}${xf(164)}${xf(49)}${xf(0, ' quotePrefix="1"')}${xf(49, ' quotePrefix="1"')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/**
 * Checks sheet names as Excel does.
 *
 * @internal
 */
export function checkSheetName(name: string, seen: Set<string>): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31) {
    throw new RangeError(`Sheet name ${JSON.stringify(name)}: a name has 1 to 31 characters.`);
  }
  if (/[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new RangeError(
      `Sheet name ${JSON.stringify(name)}: a name cannot hold : \\ / ? * [ ] nor start or end with an apostrophe.`,
    );
  }
  const key = name.toLowerCase();
  if (seen.has(key))
    throw new RangeError(`Sheet name ${JSON.stringify(name)} is used twice (names ignore case).`);
  seen.add(key);
}

const MERGE_REF = /^([A-Z]{1,3})([1-9]\d{0,6}):([A-Z]{1,3})([1-9]\d{0,6})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * The `<mergeCells>` element of a sheet, checking each range: A1 notation, top-left first, more
 * than one cell, within Excel's grid, and no two ranges overlapping.
 */
function mergesXml(sheet: string, merges: readonly string[] | undefined): string {
  if (merges === undefined || merges.length === 0) return '';
  const boxes: { top: number; left: number; bottom: number; right: number }[] = [];
  let out = '';
  for (const ref of merges) {
    const m = MERGE_REF.exec(typeof ref === 'string' ? ref : '');
    const [, l1 = '', r1 = '', l2 = '', r2 = ''] = m ?? [];
    const box = {
      left: columnNumber(l1),
      top: Number(r1),
      right: columnNumber(l2),
      bottom: Number(r2),
    };
    if (
      m === null ||
      box.right < box.left ||
      box.bottom < box.top ||
      box.right > 16_384 ||
      box.bottom > 1_048_576 ||
      (box.right === box.left && box.bottom === box.top)
    ) {
      throw new RangeError(
        `Sheet ${JSON.stringify(sheet)}: merge ${JSON.stringify(ref)} must be a range of two or more cells like 'F1:R1', top-left first.`,
      );
    }
    const overlap = boxes.find(
      (b) =>
        b.left <= box.right && box.left <= b.right && b.top <= box.bottom && box.top <= b.bottom,
    );
    if (overlap !== undefined) {
      throw new RangeError(`Sheet ${JSON.stringify(sheet)}: merge ${ref} overlaps another merge.`);
    }
    boxes.push(box);
    out += `<mergeCell ref="${ref}"/>`;
  }
  return `<mergeCells count="${merges.length}">${out}</mergeCells>`;
}

function colsXml(columns: readonly (ColumnInput | undefined)[] | undefined): string {
  if (columns === undefined) return '';
  let out = '';
  columns.forEach((column, i) => {
    if (column === undefined || (column.width === undefined && column.hidden !== true)) return;
    let width = '';
    if (column.width !== undefined) {
      if (!(Number.isFinite(column.width) && column.width >= 0 && column.width <= 255)) {
        throw new RangeError(`Column ${cachedColumnLetter(i)}: width must be from 0 to 255.`);
      }
      width = ` width="${column.width}" customWidth="1"`;
    }
    out += `<col min="${i + 1}" max="${i + 1}"${width}${column.hidden === true ? ' hidden="1"' : ''}/>`;
  });
  return out === '' ? '' : `<cols>${out}</cols>`;
}

/**
 * Writes a minimal, valid .xlsx workbook, with no third-party dependency (`node:zlib` deflate and
 * CRC-32). Rows may be any iterable: the sheet XML is compressed half a megabyte at a time, so a
 * large sheet is never held uncompressed (the compressed workbook is built in memory).
 *
 * Text is written as **inline strings** (`t="inlineStr"`), not shared strings: memory does not grow
 * with the number of distinct texts, and {@link fillXlsxTemplate} can fill a template without
 * rewriting its `sharedStrings.xml`. Excel, LibreOffice and SheetJS read inline strings (Excel
 * turns them into shared strings when it saves).
 *
 * Formula injection is neutralized: no `<f>` is ever written, and text starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a cell style with `quotePrefix="1"` — Excel's stored
 * "leading apostrophe" — so it is shown as typed and stays text when the cell is edited. The value
 * read back is unchanged.
 *
 * Cell styles: 0 General; 1 the date format; 2 text (`@`, for `{ text }`); 3 General + quotePrefix;
 * 4 text + quotePrefix.
 *
 * @param sheets - The sheets, in order.
 * @param options - Date system, date writing, compression, time stamp.
 * @returns The bytes of the .xlsx file.
 * @throws RangeError on a bad sheet name, no visible sheet, a bad merged range, or a bad cell value (see
 * {@link CellInput}).
 *
 * @example
 * ```ts
 * const bytes = writeXlsx([
 *   { name: 'Sheet1', rows: [['Mã học sinh', 'Họ tên', 'Ngày sinh'], [{ text: '0012' }, 'Nguyễn Văn An', { date: '2016-09-05' }]] },
 * ]);
 * ```
 */
export function writeXlsx(
  sheets: readonly SheetInput[],
  options: WriteXlsxOptions = {},
): Uint8Array {
  if (sheets.length === 0) throw new RangeError('A workbook needs at least one sheet.');
  const seen = new Set<string>();
  for (const sheet of sheets) checkSheetName(sheet.name, seen);
  const activeTab = sheets.findIndex((s) => (s.state ?? 'visible') === 'visible');
  if (activeTab < 0) throw new RangeError('At least one sheet must be visible.');
  const dateSystem = options.dateSystem ?? '1900';
  const level = options.compressionLevel ?? 6;
  const textDates = options.dates === 'text';
  const styler: CellStyler = {
    text: () => STYLE_TEXT,
    quoted: (_base, forcedText) => (forcedText ? STYLE_TEXT_QUOTED : STYLE_QUOTED),
    date: () => STYLE_DATE,
    dateAsSerial: () => !textDates,
  };
  const writing: CellWriting = { prefix: '', dateSystem, styler };

  const zip = new ZipWriter(options.modified === undefined ? {} : { modified: options.modified });
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${WORKSHEET}"/>`,
    )
    .join('');
  zip.add(
    '[Content_Types].xml',
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${SHEET_MAIN}"/>${overrides}` +
      `<Override PartName="/xl/styles.xml" ContentType="${STYLES}"/></Types>`,
    true,
    level,
  );
  zip.add(
    '_rels/.rels',
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    true,
    level,
  );
  const sheetElements = sheets
    .map((sheet, i) => {
      const state =
        sheet.state === undefined || sheet.state === 'visible' ? '' : ` state="${sheet.state}"`;
      return `<sheet name="${escapeXmlText(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
    })
    .join('');
  zip.add(
    'xl/workbook.xml',
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      (dateSystem === '1904' ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
      `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>${sheetElements}</sheets></workbook>`,
    true,
    level,
  );
  const relationships = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${relationships}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    true,
    level,
  );
  zip.add('xl/styles.xml', stylesXml(options.dateFormat ?? 'dd/mm/yyyy'), true, level);

  sheets.forEach((sheet, i) => {
    const body = new SegmentWriter(true, level);
    let rowNumber = 0;
    let lastRow = 0;
    let lastColumn = -1;
    for (const cells of sheet.rows) {
      rowNumber++;
      let xml = '';
      for (let c = 0; c < cells.length; c++) {
        const input = cells[c];
        if (input === null || input === undefined) continue;
        const cell = cellXml(writing, cellRef(c, rowNumber), input, 0);
        if (cell.length === 0) continue;
        xml += cell;
        if (c > lastColumn) lastColumn = c;
      }
      if (xml.length === 0) continue;
      lastRow = rowNumber;
      body.write(`<row r="${rowNumber}">${xml}</row>`);
    }
    body.write(`</sheetData>${mergesXml(sheet.name, sheet.merges)}</worksheet>`);
    const dimension =
      lastRow === 0
        ? 'A1'
        : rangeRef({ top: 1, left: 0, bottom: lastRow, right: Math.max(0, lastColumn) });
    const head = new SegmentWriter(true, level);
    head.write(
      `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="${dimension}"/>${colsXml(sheet.columns)}<sheetData>`,
    );
    zip.addSegments(`xl/worksheets/sheet${i + 1}.xml`, [head.finish(), body.finish()]);
  });
  return zip.finish();
}
