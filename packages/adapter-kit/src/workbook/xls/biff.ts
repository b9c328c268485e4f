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
 * @module
 * @internal
 */

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
const MULRK = 0x00bd;
const MULBLANK = 0x00be;

const STATES = ['visible', 'hidden', 'veryHidden'] as const;

interface SheetBuilder {
  name: string;
  state: BiffSheet['state'];
  /** XF index + 1 of each cell, by row then column (0: no cell record). */
  xfs: Map<number, Uint16Array>;
}

/**
 * Walks a BIFF workbook stream: fonts, cell formats (XF) and sheets from the globals substream,
 * then each sheet's cell records. Stops at a FilePass record (what follows is encrypted). Never
 * throws: a truncated or odd stream yields what was read up to the problem.
 *
 * @param stream - The `Workbook` (BIFF8) or `Book` (BIFF5) stream's bytes.
 */
export function walkBiff(stream: Uint8Array): BiffInfo {
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
    if (BOF.includes(type)) {
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
