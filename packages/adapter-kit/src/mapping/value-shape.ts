import { matchKey, parseVnDate } from '@eduvn/text';
import { cellText, hasValue } from '../layout/cell-text.ts';
import type { Cell } from '../workbook/types.ts';
import { parseNumberText } from './parse-number.ts';

/**
 * What a column's values look like, for {@link inferMapping}:
 *
 * - `'date'`: date cells, `dd/mm/yyyy` or ISO text, or Excel serials of 1954–2064 (20000–60000);
 * - `'personalId'`: 12 digits (11 when a number lost the leading zero);
 * - `'sex'`: Nam/Nữ; `'subjectLevel'`: T/H/C or their words; `'traitLevel'`: T/Đ/C or their
 *   words; `'flag'`: x, ✓ or booleans;
 * - `'year'`: a whole number from 1950 to 2020 (parents' birth years);
 * - `'phone'`: 0 and 9–10 more digits (spaces and dots allowed), or a 9–10-digit number that lost
 *   its 0;
 * - `'integer'`, `'decimal'`: numbers, as cells or text (decimal comma or point);
 * - `'name'`: two to seven capitalized words of letters (a person's or a place's name);
 * - `'code'`: up to 20 letters, digits and `. _ / -`, no space;
 * - `'text'`: any text.
 */
export type ValueShape =
  | 'date'
  | 'personalId'
  | 'sex'
  | 'subjectLevel'
  | 'traitLevel'
  | 'flag'
  | 'year'
  | 'phone'
  | 'integer'
  | 'decimal'
  | 'name'
  | 'code'
  | 'text';

/** The shapes most of a column's values share. */
export interface ValueProfile {
  /** How many non-blank values were looked at. */
  readonly values: number;
  /** The shapes at least 90 % of them have (a value may have several: `'1985'` is a year and an integer). */
  readonly shapes: ReadonlySet<ValueShape>;
}

const SUBJECT_LEVELS = new Set(['t', 'h', 'c', 'hoan thanh tot', 'hoan thanh', 'chua hoan thanh']);
const TRAIT_LEVELS = new Set(['t', 'd', 'c', 'tot', 'dat', 'can co gang']);
const MARKS = new Set(['x', '✓', '✔', '☑', '✅']);
const NAME = /^\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*){1,6}$/u;
const CODE = /^[\p{L}\p{N}._/-]{1,20}$/u;
const DAY_FIRST = /^\d{1,2}([/.-])\d{1,2}\1\d{4}$|^\d{4}-\d{2}-\d{2}$/;
const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}$|^\d{4}-(\d{2})-(\d{2})$/;

/**
 * Whether a text written as a date has a day 1–31 and a month 1–12 — a date as far as its shape
 * goes, even when the calendar has no such day (`31/02/2019`): a column of birth dates with one
 * impossible date is still a column of dates, and the impossible one is reported when it is read.
 */
function dateShaped(text: string): boolean {
  const m = DAY_MONTH.exec(text);
  if (!m) return false;
  const day = Number(m[1] ?? m[4]);
  const month = Number(m[2] ?? m[3]);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function numberShapes(value: number, isDate: boolean, out: Set<ValueShape>): void {
  if (isDate) {
    out.add('date');
    return;
  }
  if (!Number.isInteger(value)) {
    out.add('decimal');
    return;
  }
  out.add('integer').add('decimal');
  if (value >= 1950 && value <= 2020) out.add('year');
  if (value >= 20_000 && value <= 60_000) out.add('date');
  const digits = String(Math.abs(value)).length;
  if (digits === 11 || digits === 12) out.add('personalId');
  if ((digits === 9 || digits === 10) && /^[35789]/.test(String(value))) out.add('phone');
}

function textShapes(text: string, out: Set<ValueShape>): void {
  out.add('text');
  const key = matchKey(text);
  if (key === 'nam' || key === 'nu') out.add('sex');
  if (SUBJECT_LEVELS.has(key)) out.add('subjectLevel');
  if (TRAIT_LEVELS.has(key)) out.add('traitLevel');
  if (MARKS.has(text.toLowerCase())) out.add('flag');
  if (CODE.test(text)) out.add('code');
  if (NAME.test(text)) out.add('name');
  const compact = text.replace(/[ .]/g, '');
  if (/^\d{12}$/.test(text)) out.add('personalId');
  if (/^0\d{9,10}$/.test(compact)) out.add('phone');
  if (/^\d{4}$/.test(text) && Number(text) >= 1950 && Number(text) <= 2020) out.add('year');
  const integer = parseNumberText(text, 'integer');
  if (integer.ok && Number.isInteger(integer.value) && text.length <= 12) out.add('integer');
  if (parseNumberText(text, 'decimal').ok) out.add('decimal');
  if (DAY_FIRST.test(text) && (parseVnDate(text).ok || dateShaped(text))) out.add('date');
  if (/^\d{5}$/.test(text) && Number(text) >= 20_000 && Number(text) <= 60_000) out.add('date');
}

/** The shapes of one value. */
function shapesOf(cell: Cell): Set<ValueShape> {
  const out = new Set<ValueShape>();
  const { value } = cell;
  if (typeof value === 'boolean') out.add('flag');
  else if (typeof value === 'number') numberShapes(value, cell.date !== undefined, out);
  else if (typeof value === 'string') textShapes(cellText(cell), out);
  return out;
}

/**
 * Profiles a column's values: which {@link ValueShape}s at least 90 % of its non-blank values
 * have. Error values are skipped.
 *
 * @param cells - the column's cells in the sample's data rows
 */
export function profileValues(cells: readonly (Cell | undefined)[]): ValueProfile {
  const counts = new Map<ValueShape, number>();
  let values = 0;
  for (const cell of cells) {
    if (cell === undefined || cell.value === null || !hasValue(cell)) continue;
    values++;
    for (const shape of shapesOf(cell)) counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  const shapes = new Set<ValueShape>();
  for (const [shape, count] of counts) if (values > 0 && count >= 0.9 * values) shapes.add(shape);
  return { values, shapes };
}
