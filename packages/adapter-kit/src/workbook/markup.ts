/**
 * Recognizing the markup files programs save with an ".xls" name — HTML tables and Excel 2003 XML
 * spreadsheets — in UTF-8 or UTF-16, with or without a byte-order mark or an XML declaration, so
 * that they are refused with a way out instead of being read as one-column CSV.
 *
 * @module
 * @internal
 */
import { AdapterError } from '../errors.ts';
import { nulPattern } from './csv/encoding.ts';
import { inFile } from './csv/source.ts';

/** What the start of a text file is, when it is markup. */
export type MarkupKind = 'html' | 'xml-spreadsheet' | 'xml';

/** Characters of the start looked at. */
const LOOK = 4096;

/** Tags an HTML page (or an HTML table saved as ".xls") starts with. */
const HTML_START = /^<(?:!doctype\s+html|html|head|body|table|meta|style|title)\b/;

/**
 * The text of the start of a file: decoded as its byte-order mark says, as UTF-16 when its zero
 * bytes have UTF-16's pattern (no mark), else as UTF-8 (invalid bytes replaced).
 */
export function decodeHead(head: Uint8Array): string {
  const bytes = head.subarray(0, LOOK * 2);
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const nul = nulPattern(bytes);
    if (nul === 'utf-16le' || nul === 'utf-16be') encoding = nul;
  }
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * What decoded text is, when it starts (after a BOM, white space and comments) as markup:
 * `'xml-spreadsheet'` for SpreadsheetML 2003 (its namespace or `progid="Excel.Sheet"` anywhere in
 * the start, or a `<Workbook>` root), `'html'` for an HTML page or table, `'xml'` for other XML;
 * `undefined` for anything else. Only the first 4,096 characters are looked at.
 */
export function markupOf(text: string): MarkupKind | undefined {
  let start = text
    .slice(0, LOOK)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (!start.startsWith('<')) return undefined;
  if (
    start.includes('urn:schemas-microsoft-com:office:spreadsheet') ||
    start.includes('progid="excel.sheet"')
  ) {
    return 'xml-spreadsheet';
  }
  const declared = start.startsWith('<?xml');
  // Skip the declaration, processing instructions and comments before the first element.
  for (let guard = 0; guard < 64 && (start.startsWith('<?') || start.startsWith('<!--')); guard++) {
    const end = start.startsWith('<?') ? start.indexOf('?>') : start.indexOf('-->');
    if (end < 0) break;
    start = start.slice(end + (start.startsWith('<?') ? 2 : 3)).trimStart();
  }
  if (/^<(?:ss:|x:)?workbook\b/.test(start)) return 'xml-spreadsheet';
  if (HTML_START.test(start)) return 'html';
  if (declared) return start.includes('<html') ? 'html' : 'xml';
  return undefined;
}

/**
 * The `'unsupported-format'` error for an HTML page or an Excel 2003 XML spreadsheet, saying how
 * to save it as a workbook.
 */
export function markupRefused(
  kind: 'html' | 'xml-spreadsheet',
  file: string | undefined,
): AdapterError {
  const details = file === undefined ? {} : { file };
  return kind === 'html'
    ? new AdapterError(
        'unsupported-format',
        `The file${inFile(file)} is an HTML page, not a workbook (web applications often export HTML tables with an ".xls" name). Open it in Excel and save it as .xlsx ("Excel Workbook"), then try again.`,
        details,
      )
    : new AdapterError(
        'unsupported-format',
        `The file${inFile(file)} is an Excel 2003 XML spreadsheet, which eduvn does not read. Open it in Excel and save it as .xlsx ("Excel Workbook"), then try again.`,
        details,
      );
}
