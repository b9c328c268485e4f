import { platform } from '#platform';
import { type Limits, resolveLimits } from '../../errors.ts';
import { isBlob, sourceName } from '../csv/source.ts';
import { EachOfBatches } from '../each-of-batches.ts';
import { ROW_BATCHES } from '../row-batches.ts';
import type { MergedRange, Row, RowOptions, SheetInfo, Workbook } from '../types.ts';
import { parseRange } from './cell-ref.ts';
import { adapterError, asAdapterError, corrupt, type ReadContext } from './fail.ts';
import { scanMerges } from './merges.ts';
import { cfbKind, isCfb } from './ole.ts';
import {
  NO_SHARED_STRINGS,
  SHARED_STRINGS_NAMES,
  type SharedStrings,
  SharedStringsHandler,
} from './shared-strings.ts';
import { SHEET_NAMES, SheetHandler, type SheetReadSetup } from './sheet-reader.ts';
import { NO_STYLES, STYLES_NAMES, type Styles, StylesHandler } from './styles.ts';
import {
  RELATIONSHIPS_NAMES,
  type Relationship,
  RelationshipsHandler,
  relsPartOf,
  type SheetPart,
  WORKBOOK_NAMES,
  WorkbookHandler,
  workbookPartName,
  workbookParts,
} from './workbook-part.ts';
import { type XmlHandler, XmlScanner } from './xml-scanner.ts';
import { decodeXml, scanChunks } from './xml-stream.ts';
import {
  type ByteSource,
  blobSource,
  bytesSource,
  entryChunks,
  fileSource,
  readDirectory,
  type ZipDirectory,
  type ZipEntry,
} from './zip-reader.ts';

/**
 * Where {@link openXlsx} reads from: the bytes of the file (not copied — do not change them while
 * the workbook is in use), a `Blob` or a browser's `File` (read a slice at a time, never whole),
 * or a path (Node only), opened for each read and closed after it.
 */
export type XlsxSource =
  | Uint8Array
  | Blob
  | {
      /** The file's path. */
      readonly path: string;
    };

/** Options of {@link openXlsx}. */
export interface OpenXlsxOptions {
  /** The file's name for messages and {@link Workbook.file} (default: the path, if any). */
  readonly file?: string;
  /** Overrides of the default limits (file size, uncompressed size, compression ratio, rows…). */
  readonly limits?: Partial<Limits>;
}

/** An open source: random access to its bytes, and how to let go of them. */
interface Access {
  readonly source: ByteSource;
  release(): Promise<void>;
}

/** Opens a source for one read (a path is opened, checked unchanged, and closed by `release`). */
type Opener = () => Promise<Access>;

function opener(source: XlsxSource, context: ReadContext): Opener {
  if (source instanceof Uint8Array) {
    const access: Access = { source: bytesSource(source), release: () => Promise.resolve() };
    return () => Promise.resolve(access);
  }
  if (isBlob(source)) {
    const access: Access = {
      source: blobSource(source, context),
      release: () => Promise.resolve(),
    };
    return () => Promise.resolve(access);
  }
  let seen: { size: number; mtimeMs: number } | undefined;
  return async () => {
    const handle = await platform.openFile(source.path);
    try {
      if (seen === undefined) seen = { size: handle.size, mtimeMs: handle.mtimeMs };
      else if (handle.size !== seen.size || handle.mtimeMs !== seen.mtimeMs) {
        throw corrupt(context, 'The file changed after it was opened.');
      }
      const reader = {
        read: async (buffer: Uint8Array, offset: number, length: number, position: number) => ({
          bytesRead: await handle.read(buffer, offset, length, position),
        }),
      };
      return { source: fileSource(reader, handle.size, context), release: () => handle.close() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  };
}

/** Scans one XML part of the zip with `handler`; errors become `AdapterError`s naming the part. */
async function scanPart(
  source: ByteSource,
  directory: ZipDirectory,
  entry: ZipEntry,
  names: readonly string[],
  handler: XmlHandler,
  limits: Limits,
  context: ReadContext,
): Promise<void> {
  try {
    await scanChunks(
      entryChunks(source, directory, entry, limits, context),
      new XmlScanner(names, handler, limits),
    );
  } catch (error) {
    throw asAdapterError(context, error, `The part ${entry.name}`);
  }
}

/** Why a zip without a workbook part is not an .xlsx workbook. */
function noWorkbook(directory: ZipDirectory, context: ReadContext): Error {
  if (directory.find('xl/workbook.bin') !== undefined) {
    return adapterError(
      context,
      'unsupported-format',
      'The file is an Excel binary workbook (.xlsb), which is not read. Save it as .xlsx from Excel.',
    );
  }
  if (directory.find('mimetype') !== undefined && directory.find('content.xml') !== undefined) {
    return adapterError(
      context,
      'unsupported-format',
      'The file is an OpenDocument file (.ods), which is not read. Save it as .xlsx.',
    );
  }
  if (
    directory.find('word/document.xml') !== undefined ||
    directory.find('ppt/presentation.xml') !== undefined
  ) {
    return adapterError(
      context,
      'wrong-file-type',
      'The file is a Word or PowerPoint document, not an Excel workbook. Check that the right file was chosen.',
    );
  }
  return corrupt(context, 'The zip has no workbook part (xl/workbook.xml).');
}

/** Everything {@link openXlsx} learns before rows are read. */
interface Layout {
  readonly directory: ZipDirectory;
  readonly sheets: readonly (SheetPart & { readonly entry: ZipEntry })[];
  readonly setup: SheetReadSetup;
}

async function readLayout(
  source: ByteSource,
  limits: Limits,
  context: ReadContext,
): Promise<Layout> {
  if (source.size === 0) throw adapterError(context, 'empty-file', 'The file is empty (0 bytes).');
  const head = await source.read(0, Math.min(8, source.size));
  if (isCfb(head)) {
    const kind = await cfbKind(source).catch(() => 'other' as const);
    if (kind === 'encrypted-ooxml') {
      throw adapterError(
        context,
        'password-protected',
        'The workbook is encrypted with a password (Excel\'s "Encrypt with Password"). Remove the password in Excel and save the file again.',
      );
    }
    throw adapterError(
      context,
      'wrong-file-type',
      kind === 'xls'
        ? 'The file is a legacy Excel 97–2003 workbook (.xls), not .xlsx: read it with the .xls reader.'
        : 'The file is an OLE compound document, not an .xlsx workbook.',
    );
  }
  const directory = await readDirectory(source, limits, context);
  const scan = (entry: ZipEntry, names: readonly string[], handler: XmlHandler): Promise<void> =>
    scanPart(source, directory, entry, names, handler, limits, context);
  const relationshipsOf = async (
    part: string,
    wanted: (id: string, type: string) => boolean,
  ): Promise<Relationship[] | undefined> => {
    const entry = directory.find(relsPartOf(part));
    if (entry === undefined) return undefined;
    const handler = new RelationshipsHandler(wanted);
    await scan(entry, RELATIONSHIPS_NAMES, handler);
    return handler.relationships;
  };

  // Only the relationships the reader follows are kept (a .rels part may list millions).
  const rootRelationships = await relationshipsOf('', firstOfTypes(['officeDocument']));
  let workbookPart = workbookPartName(rootRelationships);
  let workbookEntry = directory.find(workbookPart);
  if (workbookEntry === undefined && workbookPart !== 'xl/workbook.xml') {
    workbookPart = 'xl/workbook.xml';
    workbookEntry = directory.find(workbookPart);
  }
  if (workbookEntry === undefined) throw noWorkbook(directory, context);
  const workbook = new WorkbookHandler(limits.maxSheets);
  await scan(workbookEntry, WORKBOOK_NAMES, workbook);
  const sheetIds = new Set(workbook.sheets.map((sheet) => sheet.relationshipId));
  const ofTypes = firstOfTypes(['sharedStrings', 'styles', 'calcChain']);
  const parts = workbookParts(
    workbookPart,
    workbook.sheets,
    (await relationshipsOf(workbookPart, (id, type) => sheetIds.has(id) || ofTypes(id, type))) ??
      [],
  );
  if (parts.unresolved.length > 0) {
    throw corrupt(
      context,
      `The workbook names ${parts.unresolved.length} sheet(s) whose part it does not say.`,
    );
  }
  // Each sheet has a part of its own: sheets sharing one would each read it again.
  const owners = new Map<ZipEntry, string>();
  const sheets = parts.sheets.map((sheet) => {
    const entry = directory.find(sheet.part);
    if (entry === undefined)
      throw corrupt(context, `The sheet part ${sheet.part} is missing from the zip.`);
    const owner = owners.get(entry);
    if (owner !== undefined) {
      throw corrupt(
        context,
        `The sheets ${JSON.stringify(owner)} and ${JSON.stringify(sheet.info.name)} point at the same part ${entry.name}; a workbook gives each sheet a part of its own.`,
      );
    }
    owners.set(entry, sheet.info.name);
    return { ...sheet, entry };
  });

  // Shared strings first, then styles: a sheet is then streamed with everything it needs at hand.
  let sharedStrings: SharedStrings = NO_SHARED_STRINGS;
  const stringsEntry = directory.find(parts.sharedStrings ?? 'xl/sharedStrings.xml');
  if (stringsEntry !== undefined) {
    const handler = new SharedStringsHandler(limits);
    await scan(stringsEntry, SHARED_STRINGS_NAMES, handler);
    sharedStrings = handler.result();
  }
  let styles: Styles = NO_STYLES;
  const stylesEntry = directory.find(parts.styles ?? 'xl/styles.xml');
  if (stylesEntry !== undefined) {
    const handler = new StylesHandler();
    await scan(stylesEntry, STYLES_NAMES, handler);
    styles = handler.result();
  }
  return {
    directory,
    sheets,
    setup: { sharedStrings, styles, dateSystem: workbook.dateSystem, limits, context },
  };
}

/**
 * A relationship filter keeping the first relationship of each of `types` (matched as
 * `relationshipOfType` does, by the last segment of the type URI).
 */
function firstOfTypes(types: readonly string[]): (id: string, type: string) => boolean {
  const seen = new Set<string>();
  return (_id, type) => {
    const kind = types.find((t) => type.endsWith(`/${t}`));
    if (kind === undefined || seen.has(kind)) return false;
    seen.add(kind);
    return true;
  };
}

/** The rows up to row `until` (all when it is `undefined`): `rows` itself when none is beyond. */
function upTo(rows: Row[], until: number | undefined): Row[] {
  if (until === undefined) return rows;
  const beyond = rows.findIndex((row) => row.row > until);
  return beyond < 0 ? rows : rows.slice(0, beyond);
}

/**
 * How many bytes of a sheet's XML are parsed before the rows found are handed on (a few hundred
 * rows of a typical sheet; see `readBatches`).
 */
const PARSE_SLICE = 64 * 1024;

/** A workbook read by {@link openXlsx}. */
class XlsxWorkbook implements Workbook {
  readonly format = 'xlsx' as const;
  readonly sheets: readonly SheetInfo[];
  private closed = false;
  private readonly active = new Set<Access>();

  constructor(
    readonly file: string | undefined,
    private readonly open: Opener,
    private readonly layout: Layout,
  ) {
    this.sheets = layout.sheets.map((sheet) => sheet.info);
  }

  private sheet(sheet: string | number): Layout['sheets'][number] {
    const found =
      typeof sheet === 'number'
        ? this.layout.sheets[sheet]
        : (this.layout.sheets.find((s) => s.info.name === sheet) ??
          this.layout.sheets.find((s) => s.info.name.toLowerCase() === sheet.toLowerCase()));
    if (found === undefined) {
      throw new RangeError(
        `No sheet ${typeof sheet === 'number' ? `at index ${sheet}` : JSON.stringify(sheet)}; the workbook has ${this.sheets.length} sheet(s): ${this.sheets.map((s) => JSON.stringify(s.name)).join(', ')}.`,
      );
    }
    return found;
  }

  /** The inflated bytes of a sheet's part, chunk by chunk, within the workbook's limits. */
  private chunksOf(access: Access, target: Layout['sheets'][number]): AsyncIterable<Uint8Array> {
    return entryChunks(
      access.source,
      this.layout.directory,
      target.entry,
      this.layout.setup.limits,
      this.layout.setup.context,
    );
  }

  private async acquire(): Promise<Access> {
    if (this.closed) throw new Error('The workbook is closed.');
    const access = await this.open();
    if (this.closed) {
      await access.release();
      throw new Error('The workbook is closed.');
    }
    this.active.add(access);
    return access;
  }

  private async release(access: Access): Promise<void> {
    if (this.active.delete(access)) await access.release();
  }

  private failure(error: unknown, what: string): unknown {
    if (this.closed)
      return new Error('The workbook was closed while it was being read.', { cause: error });
    return asAdapterError(this.layout.setup.context, error, what);
  }

  rows(sheet: string | number, options: RowOptions = {}): AsyncIterable<Row> {
    const target = this.sheet(sheet);
    return { [Symbol.asyncIterator]: () => this.readRows(target, options.until) };
  }

  /** The rows in batches, one per chunk of the sheet (see `ROW_BATCHES`). */
  [ROW_BATCHES](sheet: string | number, options: RowOptions = {}): AsyncIterable<readonly Row[]> {
    const target = this.sheet(sheet);
    return { [Symbol.asyncIterator]: () => this.readBatches(target, options.until) };
  }

  private readRows(
    target: Layout['sheets'][number],
    until: number | undefined,
  ): AsyncIterator<Row> {
    return new EachOfBatches(this.readBatches(target, until));
  }

  private async *readBatches(
    target: Layout['sheets'][number],
    until: number | undefined,
  ): AsyncGenerator<readonly Row[]> {
    const access = await this.acquire();
    const what = `The sheet ${JSON.stringify(target.info.name)} (${target.part})`;
    try {
      const handler = new SheetHandler({ ...this.layout.setup, place: what });
      const scanner = new XmlScanner(SHEET_NAMES, handler, this.layout.setup.limits);
      const chunks = this.chunksOf(access, target);
      try {
        for await (const piece of decodeXml(chunks)) {
          // A large piece is parsed a slice at a time, each slice's rows handed on before the
          // next is parsed: the rows of a batch stay alive while the consumer works on them, and a
          // batch of a whole inflated megabyte would outlive the garbage collector's young
          // generation (copied, then promoted) under a consumer that allocates (the rules).
          const slices = typeof piece === 'string' ? 1 : Math.ceil(piece.length / PARSE_SLICE);
          for (let s = 0; s < slices; s++) {
            scanner.write(
              slices === 1
                ? piece
                : (piece as Uint8Array).subarray(s * PARSE_SLICE, (s + 1) * PARSE_SLICE),
            );
            if (handler.queue.length === 0) continue;
            const rows = handler.queue;
            handler.queue = [];
            const kept = upTo(rows, until);
            if (kept.length > 0) yield kept;
            if (kept !== rows) return;
          }
        }
        scanner.end();
      } catch (error) {
        throw this.failure(error, what);
      }
      const rest = upTo(handler.queue, until);
      if (rest.length > 0) yield rest;
    } finally {
      await this.release(access);
    }
  }

  async merges(sheet: string | number): Promise<readonly MergedRange[]> {
    const target = this.sheet(sheet);
    const access = await this.acquire();
    try {
      return await scanMerges(this.chunksOf(access, target), this.layout.setup.limits);
    } catch (error) {
      throw this.failure(error, `The merged cells of sheet ${JSON.stringify(target.info.name)}`);
    } finally {
      await this.release(access);
    }
  }

  async dimension(sheet: string | number): Promise<MergedRange | undefined> {
    const target = this.sheet(sheet);
    const access = await this.acquire();
    try {
      const chunks = this.chunksOf(access, target);
      return await declaredDimension(chunks);
    } catch (error) {
      throw this.failure(error, `The dimension of sheet ${JSON.stringify(target.info.name)}`);
    } finally {
      await this.release(access);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.active];
    this.active.clear();
    await Promise.all(open.map((access) => access.release()));
  }
}

/** How much of a sheet's start is looked at for its `<dimension>` (it comes before the cells). */
const DIMENSION_HEAD_BYTES = 64 * 1024;
const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData[\s/>]/;
const DIMENSION = /<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?\bref\s*=\s*(["'])([^"'<>]{1,40})\1/;

/**
 * The range a sheet part declares in its `<dimension ref="A1:Y200005"/>`, read from the start of
 * the part only (up to the cells, at most {@link DIMENSION_HEAD_BYTES}); `undefined` when there is
 * none, when it is not a range, or when the part is not UTF-8.
 *
 * @internal
 */
export async function declaredDimension(
  chunks: AsyncIterable<Uint8Array>,
): Promise<MergedRange | undefined> {
  const decoder = new TextDecoder('utf-8');
  let head = '';
  let seen = 0;
  for await (const chunk of chunks) {
    if (seen === 0 && (chunk[0] === 0xff || chunk[0] === 0xfe)) return undefined; // UTF-16
    seen += chunk.length;
    head += decoder.decode(chunk, { stream: true });
    const data = SHEET_DATA.exec(head);
    if (data !== null) {
      head = head.slice(0, data.index);
      break;
    }
    if (seen >= DIMENSION_HEAD_BYTES) break;
  }
  const found = DIMENSION.exec(head.slice(0, DIMENSION_HEAD_BYTES));
  return found === null ? undefined : parseRange(found[2] as string);
}

/**
 * Opens an .xlsx workbook for streaming reads in bounded memory, with no temporary files.
 *
 * Reads the zip's central directory (ZIP64 included) from the end of the file, then
 * `workbook.xml` and its relationships (sheet names, order, visibility, the 1900/1904 date system),
 * the shared strings and the styles — before any sheet, whatever their order in the zip. Rows are
 * then parsed as the sheet's XML is inflated, a chunk at a time ({@link Workbook.rows}); a path is
 * opened for each read and closed when the read ends, also when the consumer stops early.
 *
 * Cells: text as stored (not normalized), numbers, booleans, `null` for errors; `date` (ISO
 * `yyyy-mm-dd`, no time zone involved) for numbers with a date format (built-in 14–22 and 45–47,
 * or a custom format with d/m/y tokens); `font` from the cell style; `formula` when there is one;
 * `truncated` when longer than `limits.maxCellLength`.
 *
 * @param source - The file's bytes, a `Blob`/`File`, or `{ path }` (Node only).
 * @param options - The file's name for messages (default: the path, or a `File`'s name), and
 * limit overrides.
 * @returns The workbook; {@link Workbook.close} it when done.
 * @throws AdapterError `'empty-file'`, `'wrong-file-type'` (not a zip; a legacy .xls; a Word
 * file), `'unsupported-format'` (.xlsb, .ods, an unknown zip compression), `'password-protected'`
 * (an encrypted workbook), `'corrupt-file'` (truncated or damaged zip or XML, no workbook part),
 * `'limit-exceeded'` (file size, uncompressed and inflated bytes, compression ratio, rows,
 * columns, text per row, shared strings, XML depth and tag length, sheets, merged ranges: see
 * {@link Limits}). Reading rows throws the same errors as they are met. Two sheets pointing at
 * one part are `'corrupt-file'`.
 * @throws NodeOnlyError for a path outside Node (in a browser, pass the `File`).
 *
 * @example
 * ```ts
 * const workbook = await openXlsx({ path: 'C1-HocSinh.xlsx' });
 * try {
 *   for await (const row of workbook.rows('Sheet1')) console.log(row.row, row.cells[0]?.value);
 * } finally {
 *   await workbook.close();
 * }
 * ```
 */
export async function openXlsx(
  source: XlsxSource,
  options: OpenXlsxOptions = {},
): Promise<Workbook> {
  const limits = resolveLimits(options.limits);
  const file = options.file ?? sourceName(source);
  // Every pass over every part of this workbook counts against limits.maxInflatedBytes.
  const context: ReadContext = { file, inflated: { bytes: 0 } };
  const open = opener(source, context);
  const access = await open();
  try {
    const layout = await readLayout(access.source, limits, context);
    return new XlsxWorkbook(file, open, layout);
  } catch (error) {
    throw asAdapterError(context, error, 'The workbook');
  } finally {
    await access.release();
  }
}

/**
 * A tiny workbook read once when the module loads and kept for as long as it is loaded, so that
 * the parsers' objects (shared strings, sheet handler, byte reader, scanner, row iterator) always
 * have a live instance. V8 keeps an object layout ("map") only while some object has it: without a live
 * instance, a full garbage collection between two reads drops the layouts, throws away the
 * optimized code that depends on them, and the next read runs unoptimized until it warms up again
 * (about twice as slow for a 100,000-row sheet). Exported for a test only.
 *
 * @internal
 */
export const KEPT_PARSERS: readonly unknown[] = ((): readonly unknown[] => {
  const encoder = new TextEncoder();
  const strings = new SharedStringsHandler(resolveLimits(undefined));
  const stringsScanner = new XmlScanner(SHARED_STRINGS_NAMES, strings, resolveLimits(undefined));
  stringsScanner.write(
    encoder.encode(
      '<sst><si><t>An</t></si><si><t xml:space="preserve">B &amp; C_x000D_</t></si><si><r><t>D</t></r><rPh><t>e</t></rPh></si></sst>',
    ),
  );
  stringsScanner.end();
  // Set up as a read sets up (the same objects, built the same way).
  const limits = resolveLimits(undefined);
  const setup: SheetReadSetup = {
    sharedStrings: strings.result(),
    styles: NO_STYLES,
    dateSystem: '1900',
    limits,
    context: { file: undefined, inflated: { bytes: 0 } },
  };
  const sheet = new SheetHandler({ ...setup, place: 'kept' });
  const scanner = new XmlScanner(SHEET_NAMES, sheet, limits);
  const xml = encoder.encode(
    '<worksheet><dimension ref="A1:E3"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="0"><v>12345678901</v></c><c r="C1"><v>1.5</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x &lt; y</t></is></c><c r="B2" t="s"><v>1</v></c><c r="C2"><f>C1*2</f><v>3</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="str"><v>z</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c></row></sheetData></worksheet>',
  );
  scanner.write(xml.subarray(0, 97));
  scanner.write(xml.subarray(97));
  scanner.end();
  const rows = new EachOfBatches(noBatches());
  rows.next().catch(() => undefined);
  return [strings, stringsScanner, sheet, scanner, rows];
})();
/** No batches (for {@link KEPT_PARSERS}). */
async function* noBatches(): AsyncGenerator<readonly Row[]> {}
