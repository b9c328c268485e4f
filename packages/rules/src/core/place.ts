/**
 * Where a record is, for messages that point at an earlier record: "first seen at file a.xlsx,
 * row 12", or "record no. 57" without provenance.
 *
 * @module
 */

import type { Localized, Provenance } from './types.ts';

/** A value shortened for a message: at most 40 characters, then `…`. */
export function shorten(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** Where a record is: its file, sheet and row when known, and its position in the input. */
export interface Place {
  /** The file of the record, when known. */
  readonly file?: string;
  /** The sheet, when known. */
  readonly sheet?: string;
  /** The 1-based row, when known. */
  readonly row?: number;
  /** 1-based position among the records the rule saw. */
  readonly ordinal: number;
}

/** The place of a record, keeping only file, sheet and row of its provenance. */
export function placeOf(provenance: Provenance | undefined, ordinal: number): Place {
  const p = typeof provenance === 'object' && provenance !== null ? provenance : undefined;
  return {
    ...(typeof p?.file === 'string' ? { file: shorten(p.file, 80) } : {}),
    ...(typeof p?.sheet === 'string' ? { sheet: shorten(p.sheet, 40) } : {}),
    ...(typeof p?.row === 'number' ? { row: p.row } : {}),
    ordinal,
  };
}

/** A place in words: `file a.xlsx, sheet HocSinh, row 12`, else `record no. 57`. */
export function describePlace(place: Place): Localized {
  const vi: string[] = [];
  const en: string[] = [];
  if (place.file !== undefined) {
    vi.push(`tệp ${place.file}`);
    en.push(`file ${place.file}`);
  }
  if (place.sheet !== undefined) {
    vi.push(`trang ${place.sheet}`);
    en.push(`sheet ${place.sheet}`);
  }
  if (place.row !== undefined) {
    vi.push(`dòng ${place.row}`);
    en.push(`row ${place.row}`);
  }
  if (vi.length === 0)
    return { vi: `bản ghi thứ ${place.ordinal}`, en: `record no. ${place.ordinal}` };
  return { vi: vi.join(', '), en: en.join(', ') };
}
