/**
 * A hostile corpus: generators of files built to exhaust a reader's memory or time, or to garble
 * its text silently — one per attack class of issue 15 — at any size, in the layout of any
 * adapter. Each file says what reading it must end in: a typed `AdapterError` naming the limit
 * (with the lowered limits it is read with, so that small files reach them), or records and
 * issues. `testAdapter` reads every one with the adapter; `bench/adapters/budgets.bench.ts`
 * measures their time and memory at large sizes.
 *
 * All data is generated (no real person), deterministically.
 *
 * @module
 */
import type { Adapter } from '../adapter/types.ts';
import type { AdapterErrorCode, Limits } from '../errors.ts';
import type { ColumnSpec } from '../mapping/column.ts';
import type { ValueKind } from '../mapping/value-kind.ts';
import { columnLetter } from '../workbook/types.ts';
import { escapeXmlText } from '../workbook/xlsx/xml-text.ts';
import { SegmentWriter, ZipWriter } from '../workbook/xlsx/zip-writer.ts';

/**
 * The attack classes (issue 15's table):
 *
 * 1. `'shared-strings'`: a shared-strings table of many strings longer than a cell may be
 *    (`maxSharedStringsLength`);
 *    `'shared-string-count'`: of very many strings (`maxSharedStrings`);
 * 2. `'wide-row'`: one very wide row of long inline strings (`maxRowLength`);
 * 3. `'merged-ranges'`: many `mergeCell` ranges (`maxMergedRanges`, when the adapter reads merges);
 * 4. `'header-merges'`: merges spanning whole rows over the header rows, and a text in the last
 *    column (read to the end, in time linear in the file);
 * 5. `'deep-xml'`: deeply nested XML elements (`maxXmlDepth`);
 * 6. `'wide-biff'`: a bare BIFF `.xls` whose rows reach column 16,384 (`maxBiffColumns`);
 * 7. `'shared-sheet-part'`: many sheets pointing at one part (`'corrupt-file'`); `'many-sheets'`:
 *    more sheets than `maxSheets`; `'inflated-bytes'`: a workbook whose reads inflate more than
 *    `maxInflatedBytes`;
 * 8. `'long-tags'`: rows whose tags are 256 KiB long, split across chunks (longer than the lowered
 *    `maxTagLength`; read in linear time under the default);
 * 9. `'title-runs'`: title cells of 32,767 `-`, `.`, `(`, spaces and digits above the header
 *    (read to the end: patterns on cell text run in linear time);
 * 10. `'mostly-utf-8'`: a UTF-8 CSV with one invalid byte (read as UTF-8; the row's cells are
 *     errors, the other names intact);
 * 11. `'late-nul'`: a NUL byte in a CSV value after the first 64 KiB (an error on its row, not a
 *     silently shortened name);
 * 12. `'long-formula'`: a formula and a `t="d"` value longer than `maxCellLength` (cut, marked
 *     truncated, a warning on the row);
 * 13. `'utf16-html'`: an HTML table in UTF-16 without a byte-order mark; `'xml-spreadsheet'`: an
 *     Excel 2003 XML spreadsheet without its `<?xml` declaration (`'unsupported-format'`).
 */
export type HostileAttack =
  | 'shared-strings'
  | 'shared-string-count'
  | 'wide-row'
  | 'merged-ranges'
  | 'header-merges'
  | 'deep-xml'
  | 'wide-biff'
  | 'shared-sheet-part'
  | 'many-sheets'
  | 'inflated-bytes'
  | 'long-tags'
  | 'title-runs'
  | 'mostly-utf-8'
  | 'late-nul'
  | 'long-formula'
  | 'utf16-html'
  | 'xml-spreadsheet';

/** Every {@link HostileAttack}. */
export const HOSTILE_ATTACKS: readonly HostileAttack[] = Object.freeze([
  'shared-strings',
  'shared-string-count',
  'wide-row',
  'merged-ranges',
  'header-merges',
  'deep-xml',
  'wide-biff',
  'shared-sheet-part',
  'many-sheets',
  'inflated-bytes',
  'long-tags',
  'title-runs',
  'mostly-utf-8',
  'late-nul',
  'long-formula',
  'utf16-html',
  'xml-spreadsheet',
]);

/**
 * A hostile file that must be refused: an `AdapterError` with {@link HostileRefusal.error}
 * (naming {@link HostileRefusal.limit} for `'limit-exceeded'`).
 */
export interface HostileRefusal {
  /** The error code. */
  readonly error: AdapterErrorCode;
  /** For `'limit-exceeded'`, the limit named. */
  readonly limit?: keyof Limits;
  /**
   * A complete read is right too: an adapter that never asks for what the file abuses (merged
   * ranges, for an adapter without multi-row headers) never meets it.
   */
  readonly orRead?: true;
}

/** An issue expected on one row of a hostile file. */
export interface HostileRowIssue {
  /** The row (1-based). */
  readonly row: number;
  /** What its problem says. */
  readonly problem: RegExp;
}

/** A hostile file that must be read to the end: records and issues, no error. */
export interface HostileRead {
  /** Always `true`. */
  readonly read: true;
  /** An issue the record of a row must carry (when the adapter maps its columns). */
  readonly rowIssue?: HostileRowIssue;
  /** A file-level issue whose problem matches this. */
  readonly fileIssue?: RegExp;
}

/** What reading a hostile file must end in. */
export type HostileOutcome = HostileRefusal | HostileRead;

/** One file of the hostile corpus. */
export interface HostileFile {
  /** The attack it is built for. */
  readonly attack: HostileAttack;
  /**
   * A file name for messages, with the format's extension (`'wide-row.xlsx'`; a CSV file is named
   * after the sheet, which a CSV file's name gives).
   */
  readonly name: string;
  /** The bytes. */
  readonly bytes: Uint8Array;
  /** The limits to read it with: lowered where a file of this size must reach them. */
  readonly limits: Partial<Limits>;
  /** What reading it must end in. */
  readonly expect: HostileOutcome;
}

/** Options of {@link hostileFile}. */
export interface HostileOptions {
  /**
   * How large the file is, from 1 (a few kilobytes: fast in a test suite) up; sizes grow about
   * linearly with it. Default 1.
   */
  readonly size?: number;
  /** The adapter whose layout (its first entity's header) the file imitates. */
  readonly adapter?: Adapter;
  /** The name of the data sheet (default `'Sheet1'`; some adapters read only certain names). */
  readonly sheet?: string;
}

/** A header and sample rows in an adapter's layout. */
interface Layout {
  /** The header rows (every path written out in full, one row per level). */
  readonly header: readonly (readonly string[])[];
  /** The kind of each column. */
  readonly kinds: readonly ValueKind[];
}

/** A value of each kind, for data rows (`i` makes codes unique). */
function sampleValue(kind: ValueKind, i: number): string {
  switch (kind) {
    case 'name':
      return ['Nguyễn Văn An', 'Lê Thị Hoà', 'Trần Minh Khôi', 'Phạm Thị Lan'][i % 4] as string;
    case 'code':
      return `HS${String(i + 1).padStart(5, '0')}`;
    case 'date':
      return `${String((i % 28) + 1).padStart(2, '0')}/09/2018`;
    case 'sex':
      return i % 2 === 0 ? 'Nam' : 'Nữ';
    case 'subjectLevel':
      return 'T';
    case 'traitLevel':
      return 'Đ';
    case 'flag':
      return 'x';
    case 'integer':
      return '7';
    case 'decimal':
      return '7,5';
    case 'boolean':
      return 'Có';
    default:
      return 'Kinh';
  }
}

/** The layout of an adapter's first entity; a generic pupil list without an adapter. */
function layoutOf(adapter: Adapter | undefined): Layout {
  const mapping = adapter?.entities[0]?.mapping;
  if (mapping === undefined) {
    return {
      header: [['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính']],
      kinds: ['code', 'name', 'date', 'sex'],
    };
  }
  const specs: ColumnSpec[] = [...Object.values(mapping.columns), ...Object.values(mapping.extras)];
  const paths = mapping.vocabulary.map((t) => t.paths?.[0] ?? [t.label]);
  const depth = Math.max(1, ...paths.map((p) => p.length));
  return {
    header: Array.from({ length: depth }, (_, level) => paths.map((p) => p[level] ?? '')),
    kinds: specs.map((s) => s.kind),
  };
}

/** A data row of the layout. */
function dataRow(layout: Layout, i: number): string[] {
  return layout.kinds.map((kind) => sampleValue(kind, i));
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghiklmnopqrstuvxyăâđêôơư';

/** 4 KiB of random letters, the base of {@link noise}. */
let base: string | undefined;

/**
 * `length` characters of text that compresses about as well as real text repeated: a 4 KiB block
 * of random letters, repeated from an offset `seed` picks, with a random letter every 256
 * characters (a deflate ratio of about 70, under the default `maxCompressionRatio`, so that the
 * limit the file aims at is met first).
 */
function noise(length: number, seed: number): string {
  if (base === undefined) {
    const next = random(1);
    let block = '';
    while (block.length < 4096) block += LETTERS[Math.floor(next() * LETTERS.length)];
    base = block;
  }
  const block = base;
  const next = random(seed);
  const pieces: string[] = [];
  let offset = (seed * 97) % 3840;
  for (let at = 0; at < length; at += 256) {
    const piece = block.slice(offset, offset + 255) + LETTERS[Math.floor(next() * LETTERS.length)];
    pieces.push(piece.length > length - at ? piece.slice(0, length - at) : piece);
    offset = (offset + 256) % 3840;
  }
  return pieces.join('');
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A sheet of a hand-built workbook: its name, and its XML in pieces. */
interface RawSheet {
  readonly name: string;
  readonly xml: Iterable<string>;
}

/**
 * Writes pieces of text into an entry, never holding it whole: deflated, or stored (for content
 * so repetitive that deflating it would reach `maxCompressionRatio` before the limit the file is
 * built for).
 */
function addParts(zip: ZipWriter, name: string, pieces: Iterable<string>, store = false): void {
  const writer = new SegmentWriter(!store);
  for (const piece of pieces) writer.write(piece);
  zip.addSegments(name, [writer.finish()], !store);
}

/**
 * An .xlsx built by hand: sheets (each its own part, or all pointing at the first part with
 * `sharePart`), and a shared-strings part given in pieces.
 */
function xlsxOf(
  sheets: readonly RawSheet[],
  options: {
    readonly sharedStrings?: Iterable<string>;
    readonly sharePart?: boolean;
    readonly store?: boolean;
  } = {},
): Uint8Array {
  const zip = new ZipWriter();
  const parts = sheets.map(
    (_, i) => `worksheets/sheet${options.sharePart === true ? 1 : i + 1}.xml`,
  );
  zip.add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.add(
    '_rels/.rels',
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.add(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
      .map(
        (s, i) => `<sheet name="${escapeXmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
  );
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${PKG}">${parts
      .map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${p}"/>`)
      .join('')}${
      options.sharedStrings === undefined
        ? ''
        : `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
    }</Relationships>`,
  );
  if (options.sharedStrings !== undefined) {
    addParts(zip, 'xl/sharedStrings.xml', options.sharedStrings);
  }
  sheets.forEach((sheet, i) => {
    if (options.sharePart !== true || i === 0) {
      addParts(zip, `xl/${parts[i]}`, sheet.xml, options.store === true);
    }
  });
  return zip.finish();
}

/** A worksheet: `before` (elements before `sheetData`), the rows, then `after`. */
function* worksheet(
  rows: Iterable<string>,
  before: Iterable<string> = [],
  after: Iterable<string> = [],
): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`;
  yield* before;
  yield '<sheetData>';
  yield* rows;
  yield '</sheetData>';
  yield* after;
  yield '</worksheet>';
}

/** A row of inline strings (empty values are gaps). */
function rowXml(r: number, values: readonly string[], from = 0): string {
  let out = `<row r="${r}">`;
  values.forEach((v, i) => {
    if (v === '') return;
    out += `<c r="${columnLetter(from + i)}${r}" t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(v)}</t></is></c>`;
  });
  return `${out}</row>`;
}

/** The header and data rows of a layout, from row `first`. */
function* layoutRows(layout: Layout, first: number, data: number): Generator<string> {
  let r = first;
  for (const line of layout.header) yield rowXml(r++, line);
  for (let i = 0; i < data; i++) yield rowXml(r++, dataRow(layout, i));
}

/**
 * The header rows for a CSV file: line breaks inside header texts become spaces (a quoted line
 * break would make the header's rows non-consecutive lines; header matching ignores the
 * difference).
 */
function csvHeader(layout: Layout): string[][] {
  return layout.header.map((line) => line.map((text) => text.replace(/[\r\n]+/g, ' ')));
}

/** A CSV text (comma-separated, quoted where needed, CRLF). */
function csvOf(rows: readonly (readonly string[])[]): string {
  const field = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

const encoder = new TextEncoder();

/** Bytes joined. */
function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A BIFF record. */
function record(type: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, type, true);
  view.setUint16(2, data.length, true);
  out.set(data, 4);
  return out;
}

/** A bare BIFF2 worksheet stream whose rows reach column 16,384 (and the layout's header). */
function wideBiff(layout: Layout, rows: number): Uint8Array {
  const label = (row: number, col: number, text: string): Uint8Array => {
    const bytes = encoder.encode(text).subarray(0, 255);
    const data = new Uint8Array(8 + bytes.length);
    const view = new DataView(data.buffer);
    view.setUint16(0, row, true);
    view.setUint16(2, col, true);
    data[7] = bytes.length;
    data.set(bytes, 8);
    return record(0x0004, data);
  };
  const parts: Uint8Array[] = [record(0x0009, Uint8Array.from([0x02, 0x00, 0x10, 0x00]))];
  layout.header[0]?.forEach((text, c) => {
    if (text !== '') parts.push(label(0, c, text.normalize('NFD').replace(/\p{M}/gu, '')));
  });
  for (let r = 1; r <= rows; r++) parts.push(label(r, 16_383, `x${r}`));
  parts.push(record(0x000a, new Uint8Array(0)));
  return join(parts);
}

/** Text of a title row: hostile runs a title pattern might take quadratic time on. */
const TITLE_RUNS = [
  `Lớp 3${'-'.repeat(32_760)}a`,
  `Lớp 3${'._-'.repeat(10_900)}/`,
  `${'2024 - '.repeat(4_680)}`,
  `(${'('.repeat(32_000)}`,
  `${'Lớp '.repeat(8_000)}`,
  `${' '.repeat(32_000)}x`,
];

/**
 * One hostile file (see {@link HostileAttack}), in the layout of `options.adapter` when given.
 *
 * @param attack - The attack class.
 * @param options - The size, and the adapter and sheet whose layout to imitate.
 * @returns The file, the limits to read it with, and what the read must end in.
 *
 * @example
 * ```ts
 * const file = hostileFile('wide-row', { size: 4, adapter: myAdapter });
 * await readAll(myAdapter, file.bytes, { file: file.name, limits: file.limits }); // limit-exceeded (maxRowLength)
 * ```
 */
export function hostileFile(attack: HostileAttack, options: HostileOptions = {}): HostileFile {
  const size = Math.max(1, Math.floor(options.size ?? 1));
  const layout = layoutOf(options.adapter);
  const sheet = options.sheet ?? 'Sheet1';
  const data = (first: number, rows = 5): Iterable<string> => layoutRows(layout, first, rows);
  const file = (
    name: string,
    bytes: Uint8Array,
    limits: Partial<Limits>,
    expect: HostileOutcome,
  ): HostileFile => ({ attack, name, bytes, limits, expect });
  switch (attack) {
    case 'shared-strings': {
      // Strings longer than the cell limit: each used to keep its whole uncut text alive.
      const count = 4 * size;
      const length = 40_000;
      const strings = function* (): Generator<string> {
        yield `<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`;
        for (let i = 0; i < count; i++) yield `<si><t>${noise(length, i + 1)}</t></si>`;
        yield '</sst>';
      };
      return file(
        'shared-strings.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(data(1)) }], { sharedStrings: strings() }),
        { maxSharedStringsLength: Math.floor((count * 32_767) / 2) },
        { error: 'limit-exceeded', limit: 'maxSharedStringsLength' },
      );
    }
    case 'shared-string-count': {
      const count = 200 * size;
      const strings = function* (): Generator<string> {
        yield `<sst xmlns="${MAIN}">`;
        for (let i = 0; i < count; i++) yield `<si><t>${i}</t></si>`;
        yield '</sst>';
      };
      return file(
        'shared-string-count.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(data(1)) }], { sharedStrings: strings() }),
        { maxSharedStrings: count / 2 },
        { error: 'limit-exceeded', limit: 'maxSharedStrings' },
      );
    }
    case 'wide-row': {
      const cells = Math.min(16_000, 50 * size);
      const length = 400;
      const wide = rowXml(
        1,
        Array.from({ length: cells }, (_, i) => noise(length, i + 7)),
      );
      return file(
        'wide-row.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet([wide, ...data(2)]) }]),
        { maxRowLength: (cells * length) / 2 },
        { error: 'limit-exceeded', limit: 'maxRowLength' },
      );
    }
    case 'merged-ranges': {
      const count = 100 * size;
      const merges = function* (): Generator<string> {
        yield `<mergeCells count="${count}">`;
        for (let i = 0; i < count; i++)
          yield `<mergeCell ref="A${1000 + 2 * i}:B${1000 + 2 * i}"/>`;
        yield '</mergeCells>';
      };
      return file(
        'merged-ranges.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(data(1), [], merges()) }]),
        { maxMergedRanges: count / 2 },
        { error: 'limit-exceeded', limit: 'maxMergedRanges', orRead: true },
      );
    }
    case 'header-merges': {
      // Title rows with a text in the last column, and merges across whole rows over them and
      // over the header, many times over.
      const titles = 4;
      const rows = function* (): Generator<string> {
        for (let r = 1; r <= titles; r++) {
          yield `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Tiêu đề ${r}</t></is></c><c r="XFD${r}" t="inlineStr"><is><t>z</t></is></c></row>`;
        }
        yield* layoutRows(layout, titles + 1, 5);
      };
      const count = 200 * size;
      const merges = function* (): Generator<string> {
        yield `<mergeCells count="${count}">`;
        for (let i = 0; i < count; i++) {
          const r = (i % (titles + layout.header.length)) + 1;
          yield `<mergeCell ref="A${r}:XFD${r}"/>`;
        }
        yield '</mergeCells>';
      };
      return file(
        'header-merges.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(rows(), [], merges()) }], { store: true }),
        {},
        { read: true },
      );
    }
    case 'deep-xml': {
      const depth = 300 * size;
      const nested = function* (): Generator<string> {
        yield '<extLst>';
        for (let i = 0; i < depth; i++) yield '<x:a xmlns:x="urn:x">';
        for (let i = 0; i < depth; i++) yield '</x:a>';
        yield '</extLst>';
      };
      return file(
        'deep-xml.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(data(1), nested()) }], { store: true }),
        { maxXmlDepth: 64 },
        { error: 'limit-exceeded', limit: 'maxXmlDepth' },
      );
    }
    case 'wide-biff':
      return file(
        'wide-biff.xls',
        wideBiff(layout, 20 * size),
        {},
        {
          error: 'limit-exceeded',
          limit: 'maxBiffColumns',
        },
      );
    case 'shared-sheet-part': {
      const sheets = Array.from({ length: 1 + size }, (_, i) => ({
        name: i === 0 ? sheet : `${sheet} (${i + 1})`,
        xml: worksheet(data(1, 50)),
      }));
      return file(
        'shared-sheet-part.xlsx',
        xlsxOf(sheets, { sharePart: true }),
        {},
        { error: 'corrupt-file' },
      );
    }
    case 'many-sheets': {
      const count = 4 + size;
      const sheets = Array.from({ length: count }, (_, i) => ({
        name: i === 0 ? sheet : `${sheet} (${i + 1})`,
        xml: worksheet(data(1, 2)),
      }));
      return file(
        'many-sheets.xlsx',
        xlsxOf(sheets),
        { maxSheets: count - 1 },
        { error: 'limit-exceeded', limit: 'maxSheets' },
      );
    }
    case 'inflated-bytes': {
      const rows = 400 * size;
      const bytes = xlsxOf([{ name: sheet, xml: worksheet(data(1, rows)) }]);
      return file(
        'inflated-bytes.xlsx',
        bytes,
        // Less than the sheet's XML: the reads cannot finish within it.
        { maxInflatedBytes: rows * 60 },
        { error: 'limit-exceeded', limit: 'maxInflatedBytes' },
      );
    }
    case 'long-tags': {
      // `size` data rows whose tags are 256 KiB each (an unknown attribute), split over chunks.
      const length = 256 * 1024;
      const rows = function* (): Generator<string> {
        let r = 1;
        for (const line of layout.header) yield rowXml(r++, line);
        for (let i = 0; i < size; i++, r++) {
          const cells = rowXml(r, dataRow(layout, i)).replace(`<row r="${r}">`, '');
          yield `<row r="${r}" note="${noise(length, i + 3)}">${cells}`;
        }
      };
      return file(
        'long-tags.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(rows()) }]),
        { maxTagLength: length / 2 },
        { error: 'limit-exceeded', limit: 'maxTagLength' },
      );
    }
    case 'title-runs': {
      const titles = TITLE_RUNS.slice(0, Math.min(TITLE_RUNS.length, 2 + size));
      const rows = function* (): Generator<string> {
        let r = 1;
        for (const text of titles) yield rowXml(r++, [text]);
        yield* layoutRows(layout, r, 5);
      };
      return file(
        'title-runs.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(rows()) }]),
        {},
        {
          read: true,
        },
      );
    }
    case 'mostly-utf-8': {
      const rows = 20 * size;
      const bad = Math.floor(rows / 2);
      const first = layout.header.length + 1;
      // One byte that is not UTF-8 (0xFF) in one value: a name, else a text, else the first.
      const kinds = layout.kinds;
      const at = [kinds.indexOf('name'), kinds.indexOf('text'), 0].find((i) => i >= 0) ?? 0;
      const marked = '\u0001';
      const broken = dataRow(layout, bad).map((v, i) =>
        i === at ? `${v.slice(0, 1)}${marked}${v.slice(1)}` : v,
      );
      const text = csvOf([
        ...csvHeader(layout),
        ...Array.from({ length: bad }, (_, i) => dataRow(layout, i)),
        broken,
        ...Array.from({ length: rows - bad - 1 }, (_, i) => dataRow(layout, bad + 1 + i)),
      ]);
      const [before = '', after = ''] = text.split(marked);
      return file(
        `${sheet}.csv`,
        join([encoder.encode(before), Uint8Array.of(0xff), encoder.encode(after)]),
        {},
        {
          read: true,
          rowIssue: { row: first + bad, problem: /not text in the file’s encoding/ },
          fileIssue: /UTF-8 except for 1 invalid/,
        },
      );
    }
    case 'late-nul': {
      // Enough rows to pass the first 64 KiB, then a value with a NUL in it.
      const rowBytes = encoder.encode(csvOf([dataRow(layout, 0)])).length;
      const before = Math.ceil((64 * 1024) / rowBytes) + 10 * size;
      const first = layout.header.length + 1;
      const nul = dataRow(layout, before).map((v) => `${v.slice(0, 1)}\0${v.slice(1)}`);
      const text = csvOf([
        ...csvHeader(layout),
        ...Array.from({ length: before }, (_, i) => dataRow(layout, i)),
        nul,
        dataRow(layout, before + 1),
      ]);
      return file(
        `${sheet}.csv`,
        encoder.encode(text),
        {},
        {
          read: true,
          rowIssue: { row: first + before, problem: /NUL character/ },
        },
      );
    }
    case 'long-formula': {
      const maxCellLength = 1000;
      const length = maxCellLength * 3 * size;
      const r = layout.header.length + 2;
      const values = dataRow(layout, 1);
      // Every value of the row carries a long formula; a `t="d"` cell after them a long value.
      let row = `<row r="${r}">`;
      values.forEach((v, i) => {
        row += `<c r="${columnLetter(i)}${r}" t="str"><f>CONCAT("${noise(length, i + 11)}")</f><v>${escapeXmlText(v)}</v></c>`;
      });
      row += `<c r="${columnLetter(values.length)}${r}" t="d"><v>2018-09-05T00:00:00${'0'.repeat(length)}</v></c></row>`;
      const rows = function* (): Generator<string> {
        let at = 1;
        for (const line of layout.header) yield rowXml(at++, line);
        yield rowXml(at++, dataRow(layout, 0));
        yield row;
        yield rowXml(r + 1, dataRow(layout, 2));
      };
      return file(
        'long-formula.xlsx',
        xlsxOf([{ name: sheet, xml: worksheet(rows()) }]),
        { maxCellLength },
        { read: true, rowIssue: { row: r, problem: /cut at the reader’s length limit/ } },
      );
    }
    case 'utf16-html': {
      const cells = layout.header[0]?.map((h) => `<td>${escapeXmlText(h)}</td>`).join('') ?? '';
      const html = `<html><head><meta charset="utf-16"></head><body><table><tr>${cells}</tr>${'<tr><td>x</td></tr>'.repeat(10 * size)}</table></body></html>`;
      const bytes = new Uint8Array(html.length * 2);
      for (let i = 0; i < html.length; i++) {
        bytes[2 * i] = html.charCodeAt(i) & 0xff;
        bytes[2 * i + 1] = html.charCodeAt(i) >> 8;
      }
      return file('utf16-html.xls', bytes, {}, { error: 'unsupported-format' });
    }
    case 'xml-spreadsheet': {
      const cells =
        layout.header[0]
          ?.map((h) => `<Cell><Data ss:Type="String">${escapeXmlText(h)}</Data></Cell>`)
          .join('') ?? '';
      const xml = `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="${escapeXmlText(sheet)}"><Table><Row>${cells}</Row>${'<Row><Cell><Data ss:Type="String">x</Data></Cell></Row>'.repeat(10 * size)}</Table></Worksheet></Workbook>`;
      return file('xml-spreadsheet.xls', encoder.encode(xml), {}, { error: 'unsupported-format' });
    }
  }
}

/**
 * The whole hostile corpus at one size: one file per {@link HostileAttack}.
 *
 * @param options - See {@link HostileOptions}.
 */
export function hostileCorpus(options: HostileOptions = {}): HostileFile[] {
  return HOSTILE_ATTACKS.map((attack) => hostileFile(attack, options));
}
