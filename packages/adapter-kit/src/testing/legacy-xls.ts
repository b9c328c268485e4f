import * as XLSX from '@e965/xlsx';
import { encodeLegacy, type LegacyEncoding } from '@eduvn/text';

/** One BIFF record; `at` is its offset in the original stream (absent for an added record). */
export interface BiffRecord {
  /** The record type (`0x0031` FONT, `0x00E0` XF…). */
  type: number;
  /** The record's data, after its 4-byte header. */
  data: Uint8Array;
  /** Its offset in the stream it was read from. */
  at?: number;
}

const BOF = 0x0809;
const BOUNDSHEET = 0x0085;
const FONT = 0x0031;
const XF = 0x00e0;
/** Cell records that carry a row, a column and an XF index in their first 6 bytes. */
const CELLS = new Set([0x0204, 0x0203, 0x00fd, 0x0201, 0x0205, 0x027e, 0x0006]);
const TEXT_CELLS = new Set([0x0204, 0x00fd]);

/**
 * The records of a BIFF stream (each with its own copy of the bytes).
 *
 * @internal
 */
export function parseRecords(stream: Uint8Array): BiffRecord[] {
  const records: BiffRecord[] = [];
  let at = 0;
  while (at + 4 <= stream.length) {
    const type = (stream[at] as number) | ((stream[at + 1] as number) << 8);
    const size = (stream[at + 2] as number) | ((stream[at + 3] as number) << 8);
    records.push({ type, data: Uint8Array.from(stream.subarray(at + 4, at + 4 + size)), at });
    at += 4 + size;
  }
  return records;
}

/**
 * A stream of records, with each BoundSheet8's offset moved to where its sheet's BOF now is.
 *
 * @internal
 */
export function serializeRecords(records: readonly BiffRecord[]): Uint8Array {
  const moved = new Map<number, number>();
  let size = 0;
  for (const record of records) {
    if (record.at !== undefined) moved.set(record.at, size);
    size += 4 + record.data.length;
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const record of records) {
    view.setUint16(at, record.type, true);
    view.setUint16(at + 2, record.data.length, true);
    out.set(record.data, at + 4);
    if (record.type === BOUNDSHEET) {
      const old = view.getUint32(at + 4, true);
      view.setUint32(at + 4, moved.get(old) ?? old, true);
    }
    at += 4 + record.data.length;
  }
  return out;
}

/**
 * An .xls with the records of its workbook stream edited by `edit` (in place).
 *
 * @internal
 */
export function editXls(xls: Uint8Array, edit: (records: BiffRecord[]) => void): Uint8Array {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book');
  if (!entry) throw new Error('editXls: no Workbook stream');
  // The CFB library gives a plain array of bytes for larger streams.
  const records = parseRecords(Uint8Array.from(entry.content as ArrayLike<number>));
  edit(records);
  entry.content = serializeRecords(records) as unknown as typeof entry.content;
  entry.size = entry.content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/**
 * A BIFF8 FONT record (10 pt, regular) with an 8-bit name.
 *
 * @internal
 */
export function fontRecord(name: string): BiffRecord {
  const fixed = [0xc8, 0, 0, 0, 0xff, 0x7f, 0x90, 0x01, 0, 0, 0, 0, 0, 0];
  return {
    type: FONT,
    data: Uint8Array.from([...fixed, name.length, 0, ...[...name].map((c) => c.charCodeAt(0))]),
  };
}

/** A sheet of {@link writeLegacyXls}. */
export interface LegacySheet {
  /** The sheet's name. */
  readonly name: string;
  /** The rows from row 1: text (Unicode, encoded by the writer where a legacy font applies), numbers, blanks. */
  readonly rows: readonly (readonly (string | number | null | undefined)[])[];
  /** Hide the sheet (as templates hide their catalog sheets). */
  readonly hidden?: boolean;
}

/** Options of {@link writeLegacyXls}. */
export interface LegacyXlsOptions {
  /** The legacy font of the text cells (`'.VnTime'` for TCVN3, `'VNI-Times'` for VNI). */
  readonly font: string;
  /** The font's encoding: the text is stored in it (default from the font: `.Vn*` TCVN3, `VNI-*` VNI). */
  readonly encoding?: LegacyEncoding;
  /**
   * Which text cells get the legacy font (1-based row, 0-based column); default every text cell
   * below the first row (headers of old files were often retyped in Unicode fonts).
   */
  readonly cells?: (row: number, column: number, sheet: string) => boolean;
}

/**
 * Writes a legacy .xls (BIFF8) whose text cells are stored in a pre-Unicode Vietnamese encoding
 * with the matching font — TCVN3 under `.VnTime`, VNI under `VNI-Times` — as files typed before
 * Unicode and still circulating in schools are. For adapters' fixtures: readers must decode such
 * text by the cell's font.
 *
 * @param sheets - the sheets, with Unicode text
 * @param options - the font, its encoding, and which cells use it
 * @returns the .xls bytes
 *
 * @example
 * ```ts
 * const xls = writeLegacyXls(
 *   [{ name: 'Sheet1', rows: [['Họ tên', 'Nơi sinh'], ['Nguyễn Văn An', 'Hà Nội']] }],
 *   { font: '.VnTime' },
 * );
 * ```
 */
export function writeLegacyXls(
  sheets: readonly LegacySheet[],
  options: LegacyXlsOptions,
): Uint8Array {
  const encoding: LegacyEncoding =
    options.encoding ?? (/^vni/i.test(options.font) ? 'vni' : 'tcvn3');
  const chosen = options.cells ?? ((row: number) => row > 1);
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const rows = sheet.rows.map((cells, r) =>
      cells.map((cell, c) =>
        typeof cell === 'string' && chosen(r + 1, c, sheet.name)
          ? encodeLegacy(cell, encoding)
          : cell,
      ),
    );
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden === true ? 1 : 0 })) };
  const plain = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
  return editXls(plain, (records) => {
    const fonts = records.filter((r) => r.type === FONT);
    const lastFont = fonts.at(-1);
    if (!lastFont) throw new Error('writeLegacyXls: no FONT record');
    records.splice(records.indexOf(lastFont) + 1, 0, fontRecord(options.font));
    // Font index 4 does not exist in BIFF: the fifth FONT record has index 5.
    const ifnt = fonts.length >= 4 ? fonts.length + 1 : fonts.length;
    const xfs = records.filter((r) => r.type === XF);
    const lastXf = xfs.at(-1);
    if (!lastXf) throw new Error('writeLegacyXls: no XF record');
    const added = new Map<number, number>();
    const newXfs: BiffRecord[] = [];
    let sheet = -1;
    for (const record of records) {
      if (record.type === BOF) sheet++;
      if (sheet < 1 || !CELLS.has(record.type) || record.data.length < 6) continue;
      if (!TEXT_CELLS.has(record.type)) continue;
      const view = new DataView(record.data.buffer, record.data.byteOffset);
      const row = view.getUint16(0, true);
      const col = view.getUint16(2, true);
      const name = sheets[sheet - 1]?.name ?? '';
      if (!chosen(row + 1, col, name)) continue;
      const xf = view.getUint16(4, true);
      let index = added.get(xf);
      if (index === undefined) {
        const data = (xfs[xf] ?? lastXf).data.slice();
        new DataView(data.buffer).setUint16(0, ifnt, true);
        newXfs.push({ type: XF, data });
        index = xfs.length + newXfs.length - 1;
        added.set(xf, index);
      }
      view.setUint16(4, index, true);
    }
    records.splice(records.indexOf(lastXf) + 1, 0, ...newXfs);
  });
}
