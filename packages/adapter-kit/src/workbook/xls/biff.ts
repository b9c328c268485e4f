/**
 * A small walker over the records of a BIFF workbook stream (the `Workbook` or `Book` stream of a
 * legacy .xls), for what SheetJS Community Edition reads but does not return: the font of each
 * cell. SheetJS parses FONT records and drops them; the font name is what tells TCVN3 (`.VnTime`)
 * and VNI (`VNI-Times`) text from Unicode text.
 *
 * References: [MS-XLS] 2.4.122 Font, 2.4.353 XF, 2.4.28 BoundSheet8, 2.4.117 FilePass, and the cell
 * records (2.4.127 Formula, 2.4.148 LabelSst, 2.4.180 Number, 2.4.220 Rk, 2.4.175 MulRk,
 * 2.4.174 MulBlank, 2.4.20 Blank, 2.4.24 BoolErr, 2.4.149 Label).
 *
 * The walk is also the budget check of an .xls, done before SheetJS parses the file: a row wider
 * than `maxBiffColumns` (SheetJS keeps an array of each row's width), more sheets, merged ranges
 * (all sheets together: SheetJS keeps them all) or shared strings than the limits, and records SheetJS would loop over without bound (hyperlinks
 * over huge ranges, thousands of merge or format records) are refused first.
 *
 * @module
 * @internal
 */
import { LimitHit, type Limits } from '../../errors.ts';

/**
 * A BIFF stream SheetJS would spend unbounded time or memory on, though no limit names it: the
 * reader refuses it as damaged.
 */
export class BiffError extends Error {
  /** Always `'BiffError'`. */
  override readonly name = 'BiffError';
}

/** What {@link walkBiff} checks. */
export type BiffBudget = Pick<
  Limits,
  'maxBiffColumns' | 'maxSheets' | 'maxMergedRanges' | 'maxSharedStrings' | 'maxRows'
>;

/** A sheet as BoundSheet8 records list it, with the cells' formats. */
export interface BiffSheet {
  /** The sheet's name. */
  readonly name: string;
  /** Its visibility (`hsState`). */
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The font name of the cell at a 0-based row and column, when the file says. */
  fontAt(row: number, col: number): string | undefined;
}

/** What the walker found. */
export interface BiffInfo {
  /** Whether the workbook is encrypted (a FilePass record: "Password to open"). */
  readonly encrypted: boolean;
  /** The BIFF version: 8 (Excel 97–2003), 5 (Excel 5/95), or 2–4. */
  readonly version: number;
  /** The sheets, in BoundSheet8 order (SheetJS's `SheetNames` order). */
  readonly sheets: readonly BiffSheet[];
}

const BOF = [0x0009, 0x0209, 0x0409, 0x0809];
const EOF = 0x000a;
const FILEPASS = 0x002f;
const FONT = 0x0031;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
/** Records that start with row, column and XF index. */
const CELL = new Set([0x0006, 0x00fd, 0x0201, 0x0203, 0x0204, 0x0205, 0x027e, 0x00d6]);
/**
 * Every record that puts something at a row and column given by its first two fields: the cells
 * of BIFF2–BIFF8 (BIFF2's BLANK, INTEGER, NUMBER, LABEL, BOOLERR, FORMULA; BIFF3/4 FORMULA) and
 * notes (comments), which SheetJS also turns into cells.
 */
const AT_CELL = new Set([...CELL, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0206, 0x0406, 0x001c]);
const MULRK = 0x00bd;
const MULBLANK = 0x00be;
const MERGE_CELLS = 0x00e5;
const HLINK = 0x01b8;
const HLINK_TOOLTIP = 0x0800;
const SST = 0x00fc;
/** BIFF2's FORMAT, and BIFF3/4's (BIFF8 uses the same id without SheetJS's quadratic lookup). */
const BIFF2_FORMAT = 0x001e;
const FORMAT = 0x041e;
/** The most MergeCells records of one sheet (Excel writes up to 1,026 ranges in each). */
const MAX_MERGE_RECORDS = 4096;
/** The most FORMAT records of a BIFF2–4 file (SheetJS compares each with all before it). */
const MAX_OLD_FORMATS = 4096;

const STATES = ['visible', 'hidden', 'veryHidden'] as const;

interface SheetBuilder {
  name: string;
  state: BiffSheet['state'];
  /** XF index + 1 of each cell, by row then column (0: no cell record). */
  xfs: Map<number, Uint16Array>;
}

/**
 * Walks a BIFF workbook stream: fonts, cell formats (XF) and sheets from the globals substream,
 * then each sheet's cell records. Stops at a FilePass record (what follows is encrypted). A
 * truncated or odd stream yields what was read up to the problem.
 *
 * @param stream - The `Workbook` (BIFF8) or `Book` (BIFF5) stream's bytes.
 * @param budget - The limits checked (see the module's description).
 * @throws LimitHit beyond `maxBiffColumns`, `maxSheets`, `maxMergedRanges` (all sheets) or
 * `maxSharedStrings`; {@link BiffError} for records SheetJS would loop over without bound.
 */
export function walkBiff(stream: Uint8Array, budget: BiffBudget): BiffInfo {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const fonts: string[] = [];
  const xfFonts: number[] = [];
  const sheets: SheetBuilder[] = [];
  const sheetAt = new Map<number, SheetBuilder>();
  let version = 8;
  let encrypted = false;
  let depth = 0;
  let sheet: SheetBuilder | undefined;
  const maxColumns = budget.maxBiffColumns;
  // Merged ranges of the whole workbook (SheetJS keeps every sheet's), and MergeCells records of
  // the substream being walked.
  let merges = 0;
  let mergeRecords = 0;
  // Cells that hyperlinks cover, all together (SheetJS visits each).
  let linked = 0;
  const maxLinked = 65_536 * maxColumns;
  let oldFormats = 0;
  let boundSheets = 0;

  const column = (col: number, row: number): void => {
    if (col >= maxColumns) {
      throw new LimitHit(
        'maxBiffColumns',
        maxColumns,
        col + 1,
        `The number of columns of row ${row + 1}`,
      );
    }
  };
  /** A range as rows [r1, r2] and columns [c1, c2] (BIFF8 Ref8U at `at`), as hyperlinks use. */
  const link = (at: number): void => {
    const rows = u16(at + 2) - u16(at) + 1;
    const cols = u16(at + 6) - u16(at + 4) + 1;
    if (rows > 0 && cols > 0) {
      column(u16(at + 6), u16(at));
      linked += rows * cols;
      if (linked > maxLinked) {
        throw new BiffError(
          `Its hyperlinks cover more than ${maxLinked} cells, more than a sheet holds.`,
        );
      }
    }
  };

  const mark = (row: number, col: number, xf: number): void => {
    if (sheet === undefined || col > 0x3fff) return;
    let line = sheet.xfs.get(row);
    if (line === undefined || line.length <= col) {
      const longer = new Uint16Array(Math.max(col + 1, line === undefined ? 16 : line.length * 2));
      if (line !== undefined) longer.set(line);
      line = longer;
      sheet.xfs.set(row, line);
    }
    line[col] = xf + 1;
  };

  let pos = 0;
  while (pos + 4 <= stream.byteLength) {
    const type = u16(pos);
    const size = u16(pos + 2);
    const data = pos + 4;
    if (data + size > stream.byteLength) break;
    // The budget, for every record whatever the substream (a bare BIFF2 file has no globals).
    if (AT_CELL.has(type) && size >= 4) {
      column(u16(data + 2), u16(data));
    } else if ((type === MULRK || type === MULBLANK) && size >= 6) {
      column(u16(data + size - 2), u16(data));
    } else if (type === MERGE_CELLS && size >= 2) {
      // SheetJS reads as many ranges as the record says, whatever its size.
      merges += u16(data);
      if (merges > budget.maxMergedRanges) {
        throw new LimitHit(
          'maxMergedRanges',
          budget.maxMergedRanges,
          merges,
          'The number of merged ranges of the workbook',
        );
      }
      if (++mergeRecords > MAX_MERGE_RECORDS) {
        throw new BiffError(`A sheet has more than ${MAX_MERGE_RECORDS} MergeCells records.`);
      }
    } else if (type === HLINK && size >= 8) {
      link(data);
    } else if (type === HLINK_TOOLTIP && size >= 10) {
      link(data + 2);
    } else if (
      type === SST &&
      size >= 8 &&
      view.getUint32(data + 4, true) > budget.maxSharedStrings
    ) {
      throw new LimitHit(
        'maxSharedStrings',
        budget.maxSharedStrings,
        view.getUint32(data + 4, true),
        'The number of shared strings the workbook declares',
      );
    } else if (type === BIFF2_FORMAT || (type === FORMAT && version < 5)) {
      if (++oldFormats > MAX_OLD_FORMATS) {
        throw new BiffError(`It has more than ${MAX_OLD_FORMATS} number format records.`);
      }
    } else if (type === BOUNDSHEET && ++boundSheets > budget.maxSheets) {
      throw new LimitHit('maxSheets', budget.maxSheets, boundSheets, 'The number of sheets');
    }
    if (BOF.includes(type)) {
      mergeRecords = 0;
      if (depth === 0 && pos === 0 && size >= 2) {
        const vers = u16(data);
        version =
          type === 0x0809
            ? vers === 0x0500
              ? 5
              : 8
            : type === 0x0409
              ? 4
              : type === 0x0209
                ? 3
                : 2;
      }
      depth++;
      if (depth === 1 && pos !== 0) sheet = sheetAt.get(pos);
    } else if (type === EOF) {
      depth--;
      if (depth <= 0) {
        depth = 0;
        sheet = undefined;
      }
    } else if (type === FILEPASS && depth === 1 && sheet === undefined) {
      encrypted = true;
      break;
    } else if (depth === 1 && sheet === undefined) {
      if (type === FONT && size >= 15) {
        fonts.push(shortString(stream, data + 14, data + size, version));
      } else if (type === XF && size >= 2) {
        xfFonts.push(u16(data));
      } else if (type === BOUNDSHEET && size >= 8) {
        const builder: SheetBuilder = {
          name: shortString(stream, data + 6, data + size, version),
          state: STATES[(stream[data + 4] ?? 0) & 0x03] ?? 'visible',
          xfs: new Map(),
        };
        sheets.push(builder);
        sheetAt.set(view.getUint32(data, true), builder);
      }
    } else if (depth === 1 && sheet !== undefined) {
      if (CELL.has(type) && size >= 6) {
        mark(u16(data), u16(data + 2), u16(data + 4));
      } else if (type === MULRK && size >= 6) {
        const row = u16(data);
        const first = u16(data + 2);
        for (let k = 0, at = data + 4; at + 6 <= data + size - 2; k++, at += 6) {
          mark(row, first + k, u16(at));
        }
      } else if (type === MULBLANK && size >= 6) {
        const row = u16(data);
        const first = u16(data + 2);
        for (let k = 0, at = data + 4; at + 2 <= data + size - 2; k++, at += 2) {
          mark(row, first + k, u16(at));
        }
      }
    }
    pos = data + size;
  }

  /** Font index 4 does not exist in BIFF: indices from 5 on are one too high. */
  const fontOfXf = xfFonts.map((ifnt) =>
    ifnt === 4 ? undefined : fonts[ifnt < 4 ? ifnt : ifnt - 1],
  );
  return {
    encrypted,
    version,
    sheets: sheets.map(({ name, state, xfs }) => ({
      name,
      state,
      fontAt(row: number, col: number): string | undefined {
        const xf = xfs.get(row)?.[col];
        return xf === undefined || xf === 0 ? undefined : fontOfXf[xf - 1];
      },
    })),
  };
}

/**
 * A ShortXLUnicodeString (BIFF8: length, flags, then 8-bit or UTF-16LE characters) or a BIFF5
 * byte string (length, then bytes, read as Latin-1: font and sheet names are ASCII in practice).
 */
function shortString(stream: Uint8Array, at: number, end: number, version: number): string {
  const length = stream[at] ?? 0;
  if (version < 8) return latin1(stream, at + 1, Math.min(at + 1 + length, end));
  const wide = ((stream[at + 1] ?? 0) & 0x01) === 1;
  const from = at + 2;
  if (!wide) return latin1(stream, from, Math.min(from + length, end));
  let out = '';
  for (let k = 0; k < length && from + 2 * k + 1 < end; k++) {
    out += String.fromCharCode(
      (stream[from + 2 * k] ?? 0) | ((stream[from + 2 * k + 1] ?? 0) << 8),
    );
  }
  return out;
}

function latin1(stream: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) out += String.fromCharCode(stream[k] ?? 0);
  return out;
}
