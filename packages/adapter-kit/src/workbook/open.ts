/**
 * Opening any spreadsheet a school sends: the format is recognized from the bytes, never from the
 * file name (vendors' ".xls" files are often something else).
 *
 * @module
 */
import { AdapterError, type Limits, resolveLimits } from '../errors.ts';
import { type CsvOptions, openCsv } from './csv/index.ts';
import { inFile, openSource, sourceName, type WorkbookSource } from './csv/source.ts';
import { decodeHead, markupOf, markupRefused } from './markup.ts';
import type { Workbook, WorkbookFormat } from './types.ts';
import { isBareBiff, isCfb, openXls } from './xls/index.ts';
import { openXlsx } from './xlsx/index.ts';

/** Options of {@link openWorkbook}. */
export interface OpenWorkbookOptions {
  /**
   * The file's name, for messages and {@link Workbook.file} (default: the path, or a `File`'s
   * name, if any).
   */
  readonly file?: string;
  /**
   * The format, to skip recognition: the bytes are then read as this format whatever they are
   * (the reader still fails on bytes it cannot read).
   */
  readonly format?: WorkbookFormat;
  /** Limits other than the defaults (see {@link Limits}), for every reader. */
  readonly limits?: Partial<Limits>;
  /** How to read the file if it is CSV: encoding and delimiter (both detected by default). */
  readonly csv?: Pick<CsvOptions, 'encoding' | 'delimiter'>;
}

/**
 * What the first bytes of a file say it is:
 *
 * - `'xlsx'`: a zip archive (an .xlsx, .xlsm, or another zip the .xlsx reader will reject);
 * - `'ods'`: an OpenDocument spreadsheet (LibreOffice, Google Sheets' ".ods" export);
 * - `'xls'`: an OLE compound file (legacy .xls; also encrypted .xlsx, .doc, .msg) or a bare BIFF
 *   stream;
 * - `'html'`: an HTML page, often an ".xls" exported by a web application (UTF-8 or UTF-16, with
 *   or without a byte-order mark);
 * - `'xml-spreadsheet'`: an Excel 2003 XML spreadsheet (SpreadsheetML), also often named ".xls",
 *   with or without its `<?xml` declaration;
 * - `'opendocument'`, `'pdf'`, `'image'`, `'archive'`, `'xml'`: not spreadsheets;
 * - `'text'`: anything else, read as CSV (the CSV reader rejects binary data).
 */
export type SniffedKind =
  | 'xlsx'
  | 'ods'
  | 'xls'
  | 'html'
  | 'xml-spreadsheet'
  | 'opendocument'
  | 'pdf'
  | 'image'
  | 'archive'
  | 'xml'
  | 'text';

/** Bytes {@link sniffWorkbook} needs at most. */
export const SNIFF_BYTES = 4096;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  ascii('GIF87a'),
  ascii('GIF89a'),
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];
const ARCHIVES = [
  [0x1f, 0x8b], // gzip
  ascii('Rar!\x1a\x07'),
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
];

/**
 * Recognizes a file from its first bytes (up to {@link SNIFF_BYTES}).
 *
 * @param head - The start of the file.
 * @returns What it is; `'text'` when no signature matches.
 */
export function sniffWorkbook(head: Uint8Array): SniffedKind {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return zipKind(head);
  }
  if (isCfb(head)) return 'xls';
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (IMAGES.some((signature) => startsWith(head, signature))) return 'image';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image';
  if (ARCHIVES.some((signature) => startsWith(head, signature))) return 'archive';
  if (isBareBiff(head)) return 'xls';
  return markupKind(head);
}

/** An OpenDocument file starts with an uncompressed `mimetype` entry naming its kind. */
function zipKind(head: Uint8Array): SniffedKind {
  if (head.length < 30) return 'xlsx';
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const name = latin1(head.subarray(30, 30 + nameLength));
  if (name !== 'mimetype') return 'xlsx';
  const at = 30 + nameLength + extraLength;
  const mimetype = latin1(head.subarray(at, at + 80));
  if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (mimetype.startsWith('application/vnd.oasis.opendocument.')) return 'opendocument';
  if (mimetype.startsWith('application/epub+zip')) return 'archive';
  return 'xlsx';
}

/**
 * HTML and XML files, which some programs save with an ".xls" name: in UTF-8 or UTF-16, with or
 * without a byte-order mark (UTF-16 is then told by its zero bytes) or an XML declaration.
 */
function markupKind(head: Uint8Array): SniffedKind {
  return markupOf(decodeHead(head)) ?? 'text';
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

/**
 * Opens a spreadsheet of any format the kit reads, recognized from its bytes (see
 * {@link sniffWorkbook}), or read as `options.format`:
 *
 * - a zip archive → the streaming .xlsx reader (`openXlsx`); an OpenDocument spreadsheet is
 *   refused (`'unsupported-format'`);
 * - an OLE compound file → {@link openXls}, which also recognizes an .xlsx encrypted with a
 *   password (`'password-protected'`) and other Office files (`'wrong-file-type'`);
 * - an HTML page or an Excel 2003 XML spreadsheet (often named ".xls") → `'unsupported-format'`,
 *   with a message saying to save it from Excel as .xlsx;
 * - a PDF, an image, an archive, another XML or OpenDocument file → `'wrong-file-type'`;
 * - anything else → {@link openCsv} (which rejects binary data as `'wrong-file-type'`).
 *
 * A path's or a `Blob`'s size is checked against `limits.maxFileBytes` before any byte is read;
 * only the first 4 KiB are read to recognize the format, then the reader opens the file. In a
 * browser, pass the `File` itself (from an `<input type="file">` or a drop): it is read a slice at
 * a time, never sent anywhere.
 *
 * @param source - The file's bytes, a `Blob` or `File`, or `{ path }` (Node only).
 * @param options - See {@link OpenWorkbookOptions}.
 * @returns The workbook, from the reader of its format.
 * @throws AdapterError: `'empty-file'` for no bytes, the codes above, and those of each reader.
 * @throws NodeOnlyError for a path outside Node.
 *
 * @example
 * ```ts
 * const book = await openWorkbook({ path: upload.path }, { file: upload.originalName });
 * try {
 *   for (const sheet of book.sheets) console.log(sheet.name, sheet.state);
 * } finally {
 *   await book.close();
 * }
 * ```
 */
export async function openWorkbook(
  source: WorkbookSource,
  options: OpenWorkbookOptions = {},
): Promise<Workbook> {
  const limits = resolveLimits(options.limits);
  const file = sourceName(source, options.file);
  const details = file === undefined ? {} : { file };
  const common = { ...details, limits };
  const read = (format: WorkbookFormat): Promise<Workbook> => {
    if (format === 'xlsx') return openXlsx(source, common);
    if (format === 'xls') return openXls(source, common);
    return openCsv(source, { ...common, ...options.csv });
  };
  if (options.format !== undefined) return read(options.format);

  const opened = await openSource(source, limits, file);
  let head: Uint8Array;
  try {
    if (opened.size === 0) {
      throw new AdapterError('empty-file', `The file${inFile(file)} is empty (0 bytes).`, details);
    }
    head = await opened.head(SNIFF_BYTES);
  } finally {
    await opened.close();
  }
  const kind = sniffWorkbook(head);
  switch (kind) {
    case 'xlsx':
      return read('xlsx');
    case 'xls':
      return read('xls');
    case 'text':
      return read('csv');
    case 'ods':
      throw new AdapterError(
        'unsupported-format',
        `The file${inFile(file)} is an OpenDocument spreadsheet (.ods), which eduvn does not read. Open it in LibreOffice or Excel and save it as .xlsx.`,
        details,
      );
    case 'html':
    case 'xml-spreadsheet':
      throw markupRefused(kind, file);
    default:
      throw new AdapterError(
        'wrong-file-type',
        `The file${inFile(file)} is ${DESCRIPTIONS[kind]}, not a spreadsheet. Choose the .xlsx, .xls or CSV file exported from the school's software.`,
        details,
      );
  }
}

const DESCRIPTIONS: Record<'opendocument' | 'pdf' | 'image' | 'archive' | 'xml', string> = {
  opendocument: 'an OpenDocument text or presentation',
  pdf: 'a PDF document',
  image: 'an image',
  archive: 'a compressed archive (extract the spreadsheet from it first)',
  xml: 'an XML document',
};
