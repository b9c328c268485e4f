/**
 * Building test .xls files: SheetJS writes BIFF8 (and BIFF5), but with one font ("Arial"), no
 * formula and no encryption; these helpers edit the records of what it writes (adding fonts and
 * formats, formulas, a FilePass record) and fix the sheet offsets, so that tests read files shaped
 * like Excel's.
 */
import * as XLSX from '@e965/xlsx';
import type { BiffRecord } from '../../testing/legacy-xls.ts';

export {
  type BiffRecord,
  editXls,
  fontRecord,
  parseRecords,
  serializeRecords,
} from '../../testing/legacy-xls.ts';

export const BOUNDSHEET = 0x0085;
export const FONT = 0x0031;
export const XF = 0x00e0;
export const LABEL = 0x0204;
export const NUMBER = 0x0203;
export const CODEPAGE = 0x0042;
export const FILEPASS = 0x002f;
export const FORMULA = 0x0006;

/** Writes a workbook as .xls bytes with SheetJS. */
export function writeXls(wb: XLSX.WorkBook, bookType: 'biff8' | 'biff5' = 'biff8'): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }) as Buffer);
}

/** A copy of an XF record using font index `ifnt`. */
export function xfWithFont(xf: BiffRecord, ifnt: number): BiffRecord {
  const data = xf.data.slice();
  new DataView(data.buffer).setUint16(0, ifnt, true);
  return { type: XF, data };
}

/** The cell record at a 0-based row and column in the `sheet`-th sheet (0-based). */
export function cellRecord(
  records: readonly BiffRecord[],
  sheet: number,
  row: number,
  col: number,
): BiffRecord {
  let bof = -1;
  for (const record of records) {
    if (record.type === 0x0809) bof++;
    if (bof !== sheet + 1 || record.data.length < 6) continue;
    const view = new DataView(record.data.buffer);
    if ([LABEL, NUMBER, 0x00fd, 0x0201, 0x0205, 0x027e].includes(record.type)) {
      if (view.getUint16(0, true) === row && view.getUint16(2, true) === col) return record;
    }
  }
  throw new Error(`no cell record at ${row},${col}`);
}

/** Points a cell record at another XF. */
export function setXf(record: BiffRecord, xf: number): void {
  new DataView(record.data.buffer).setUint16(4, xf, true);
}

/** A FORMULA record for the cell of `cell` (keeping its position and XF) with a cached number. */
export function formulaRecord(
  cell: BiffRecord,
  cached: number,
  rgce: readonly number[],
): BiffRecord {
  const data = new Uint8Array(6 + 8 + 2 + 4 + 2 + rgce.length);
  data.set(cell.data.subarray(0, 6));
  const view = new DataView(data.buffer);
  view.setFloat64(6, cached, true);
  view.setUint16(20, rgce.length, true);
  data.set(rgce, 22);
  return { type: FORMULA, data };
}

/** An OLE compound file holding the given streams. */
export function cfbWith(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, content);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}
