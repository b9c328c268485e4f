import { decodeLegacy, formatVnDate, isIsoDate } from '@eduvn/text';
import type { Cell } from '../workbook/types.ts';
import { cleanText, legacyFont } from './clean-text.ts';

/**
 * The text a cell shows, cleaned for reading and comparing: a string decoded from the legacy
 * TCVN3 or VNI encoding when the cell's font says so (`.VnTime`, `.VnTimeH`, `VNI-Times`; never
 * guessed from the content), then `normalizeText`ed (NFC, one space for every run of white
 * space and line breaks, trimmed, invisible characters dropped); a date-formatted number as
 * `dd/mm/yyyy`; any other number in JavaScript's shortest form (`44096`, `7.5`, `1175538200001`); a boolean as `TRUE`/`FALSE`, as Excel shows it; `''` for
 * a missing cell and for an error value (`#N/A`, stored as `null`).
 *
 * @param cell - the cell, or `undefined` for a gap in the row
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  const { value } = cell;
  if (typeof value === 'string') {
    const legacy = cell.font === undefined ? null : legacyFont(cell.font);
    const text =
      legacy === null
        ? value
        : decodeLegacy(value, legacy.encoding, { upperCaseFont: legacy.upperCaseFont });
    return cleanText(text);
  }
  if (typeof value === 'number') {
    if (cell.date !== undefined && isIsoDate(cell.date)) return formatVnDate(cell.date);
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return '';
}

/**
 * Whether a cell holds a value: a number, a boolean, an error value, or a string with something
 * besides white space and invisible characters. Formatted empty cells (`''`) hold none.
 *
 * @param cell - the cell, or `undefined` for a gap in the row
 */
export function hasValue(cell: Cell | undefined): boolean {
  if (cell === undefined) return false;
  const { value } = cell;
  if (typeof value !== 'string') return true;
  // A first character that cleaning neither drops nor turns into a space proves a value.
  const c = value.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x300 && c !== 0xad)) return true;
  return cleanText(value) !== '';
}

/**
 * The most characters of a cell's text that header search looks at. No header is longer; the cut
 * bounds the work of comparing headers whatever a sheet's first rows hold.
 */
export const MAX_HEADER_TEXT = 256;

/**
 * {@link cellText}, cut after {@link MAX_HEADER_TEXT} characters (a copy: never a slice keeping the
 * whole text alive): the text header search compares.
 *
 * @param cell - the cell, or `undefined` for a gap in the row
 */
export function headerText(cell: Cell | undefined): string {
  const text = cellText(cell);
  if (text.length <= MAX_HEADER_TEXT) return text;
  const last = text.charCodeAt(MAX_HEADER_TEXT - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_HEADER_TEXT - 1 : MAX_HEADER_TEXT;
  return ` ${text.slice(0, end)}`.slice(1);
}
