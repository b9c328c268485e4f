import { expect } from 'vitest';
import { AdapterError, type AdapterErrorCode, DEFAULT_LIMITS } from '../../errors.ts';
import type { Row, Workbook } from '../types.ts';
import { SHEET_LAYOUT_NAMES, SheetLayoutHandler } from './sheet-layout.ts';
import { STYLES_NAMES, type Styles, StylesHandler } from './styles.ts';
import { XmlScanner } from './xml-scanner.ts';
import { decodeXmlBytes } from './xml-stream.ts';
import { readDirectorySync, readEntrySync, type ZipEntry } from './zip-reader.ts';
import { ZipWriter, type ZipWriterOptions } from './zip-writer.ts';

/** SpreadsheetML's main namespace. */
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The relationships namespace of `r:id`. */
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Builds a zip from named parts (text or bytes), in the given order. */
export function zipOf(
  parts: Readonly<Record<string, string | Uint8Array>>,
  options: ZipWriterOptions = {},
): Uint8Array {
  const zip = new ZipWriter(options);
  for (const [name, data] of Object.entries(parts)) zip.add(name, data);
  return zip.finish();
}

/** What {@link xlsxParts} builds a workbook from: raw XML for each part, defaults elsewhere. */
export interface RawWorkbook {
  /** The sheets' XML, by sheet name. */
  readonly sheets: Readonly<Record<string, string>>;
  /** `xl/sharedStrings.xml`, if any. */
  readonly sharedStrings?: string;
  /** `xl/styles.xml`, if any. */
  readonly styles?: string;
  /** Extra attributes or elements for workbook.xml, placed before `<sheets>`. */
  readonly workbookPr?: string;
  /** Sheet states by name. */
  readonly states?: Readonly<Record<string, string>>;
  /** Put the shared strings after the sheets in the zip (as Excel does). */
  readonly stringsLast?: boolean;
}

/** The parts of a hand-written workbook, as another program would write them. */
export function xlsxParts(book: RawWorkbook): Record<string, string> {
  const names = Object.keys(book.sheets);
  const types =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    names
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    (book.sharedStrings === undefined
      ? ''
      : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>') +
    (book.styles === undefined
      ? ''
      : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>') +
    '</Types>';
  const rels = names
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const extraRels =
    (book.sharedStrings === undefined
      ? ''
      : `<Relationship Id="rId100" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`) +
    (book.styles === undefined
      ? ''
      : `<Relationship Id="rId101" Type="${REL_NS}/styles" Target="/xl/styles.xml"/>`);
  const parts: Record<string, string> = {
    '[Content_Types].xml': types,
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${book.workbookPr ?? ''}<sheets>` +
      names
        .map((name, i) => {
          const state = book.states?.[name];
          return `<sheet name="${name.replace(/&/g, '&amp;')}" sheetId="${i + 1}"${state === undefined ? '' : ` state="${state}"`} r:id="rId${i + 1}"/>`;
        })
        .join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${extraRels}</Relationships>`,
  };
  if (book.styles !== undefined) parts['xl/styles.xml'] = book.styles;
  if (book.sharedStrings !== undefined && book.stringsLast !== true)
    parts['xl/sharedStrings.xml'] = book.sharedStrings;
  names.forEach((name, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = book.sheets[name] as string;
  });
  if (book.sharedStrings !== undefined && book.stringsLast === true)
    parts['xl/sharedStrings.xml'] = book.sharedStrings;
  return parts;
}

/** A hand-written .xlsx file. */
export function rawXlsx(book: RawWorkbook, options: ZipWriterOptions = {}): Uint8Array {
  return zipOf(xlsxParts(book), options);
}

/** A worksheet around `sheetData` content (and extra elements after it). */
export function sheetXml(sheetData: string, after = '', before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** Every row of a sheet. */
export async function readRows(workbook: Workbook, sheet: string | number = 0): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of workbook.rows(sheet)) rows.push(row);
  return rows;
}

/** The values of the rows, `undefined` for gaps. */
export function values(rows: readonly Row[]): unknown[][] {
  return rows.map((row) => Array.from(row.cells, (cell) => cell?.value));
}

/** Asserts a promise rejects with an {@link AdapterError} of `code`, and returns it. */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: AdapterErrorCode,
): Promise<AdapterError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected AdapterError ${code}`).toBeInstanceOf(AdapterError);
  const error = caught as AdapterError;
  expect({ code: error.code, message: error.message }).toMatchObject({ code });
  return error;
}

/** The number of open file descriptors of this process (Linux), or `undefined` elsewhere. */
export async function openDescriptors(): Promise<number | undefined> {
  try {
    const { readdir } = await import('node:fs/promises');
    return (await readdir('/proc/self/fd')).length;
  } catch {
    return undefined;
  }
}

/**
 * A part of a zip in memory, as text.
 */
export function partText(zip: Uint8Array, name: string): string {
  const directory = readDirectorySync(zip, DEFAULT_LIMITS, { file: undefined });
  const entry = directory.find(name) as ZipEntry;
  return decodeXmlBytes(readEntrySync(zip, directory, entry, DEFAULT_LIMITS, { file: undefined }));
}

/** The styles of a written workbook. */
export function stylesOf(zip: Uint8Array, name = 'xl/styles.xml'): Styles {
  const handler = new StylesHandler();
  const scanner = new XmlScanner(STYLES_NAMES, handler);
  scanner.write(partText(zip, name));
  scanner.end();
  return handler.result();
}

/** The style index (`s`) of each cell of a sheet, by A1 position `[row, column]`. */
export function cellStyles(zip: Uint8Array, part: string): Map<string, number> {
  const layout = new SheetLayoutHandler();
  const scanner = new XmlScanner(SHEET_LAYOUT_NAMES, layout);
  layout.scanner = scanner;
  scanner.write(partText(zip, part));
  scanner.end();
  const styles = new Map<string, number>();
  for (const row of layout.rows)
    for (const cell of row.cells) styles.set(`${row.row}:${cell.column}`, cell.style);
  return styles;
}
