import type { ExcelDateSystem } from '@eduvn/text';

/**
 * How a column's cells become a canonical value (see {@link convertCell}):
 *
 * - `'text'`: cleaned text (legacy TCVN3/VNI decoded when the cell's font says so, then NFC,
 *   white space collapsed);
 * - `'name'`: a person's name, as `'text'`; kept as written unless {@link ConvertOptions.format};
 * - `'code'`: a code, as text: numbers lose the `.0` spreadsheets give them, and
 *   {@link ConvertOptions.pad} restores leading zeros;
 * - `'date'`: an ISO `yyyy-mm-dd` date, from a date cell, `dd/mm/yyyy` text or an Excel serial;
 * - `'sex'`: `'1'` (Nam) or `'2'` (Nữ), the DM_GIOI_TINH codes;
 * - `'subjectLevel'`: a TT27 subject level `'T'`, `'H'` or `'C'`;
 * - `'traitLevel'`: a TT27 quality or competency level `'T'`, `'Đ'` or `'C'`;
 * - `'flag'`: a mark such as `x` for yes, blank for no;
 * - `'integer'`, `'decimal'`: numbers, with a decimal comma or point;
 * - `'boolean'`: an explicit yes/no (`TRUE`/`FALSE`, `Có`/`Không`, `1`/`0`).
 */
export type ValueKind =
  | 'text'
  | 'name'
  | 'code'
  | 'date'
  | 'sex'
  | 'subjectLevel'
  | 'traitLevel'
  | 'flag'
  | 'integer'
  | 'decimal'
  | 'boolean';

/** Every {@link ValueKind}. */
export const VALUE_KINDS: readonly ValueKind[] = Object.freeze([
  'text',
  'name',
  'code',
  'date',
  'sex',
  'subjectLevel',
  'traitLevel',
  'flag',
  'integer',
  'decimal',
  'boolean',
]);

/** Whether a value is one of the {@link VALUE_KINDS}. */
export function isValueKind(value: unknown): value is ValueKind {
  return typeof value === 'string' && (VALUE_KINDS as readonly string[]).includes(value);
}

/** Options of the converters; each applies to one kind and is ignored by the others. */
export interface ConvertOptions {
  /**
   * `'code'`: the length of the catalog's codes, to restore the leading zeros a spreadsheet drops
   * from codes stored as numbers (`pad: 2` turns ethnicity `1` into `'01'`, `pad: 12` restores a
   * personal ID's leading zero). Only all-digit codes shorter than `pad` are padded.
   */
  readonly pad?: number;
  /**
   * `'flag'`: what a blank cell means — `'false'` (the default: templates mark yes with `x` and
   * leave no blank) or `'absent'` (unknown: the field is left out of the record).
   */
  readonly blank?: 'false' | 'absent';
  /** `'date'`: the workbook's Excel date system, for serial numbers (default `'1900'`). */
  readonly dateSystem?: ExcelDateSystem;
  /** `'name'`: write the name with `formatPersonName` (default `false`: kept as written). */
  readonly format?: boolean;
  /**
   * Describe a rejected value without any of its content (`'a text of 12 characters'`): set by
   * {@link mapRow} for sensitive fields (ethnicity, the personal ID…).
   */
  readonly hideValue?: boolean;
}

/** A value a converter produced. */
export type ConvertedValue = string | number | boolean;

/**
 * What a converter made of a cell: a value (`undefined` for a blank cell: the field is absent),
 * perhaps with a warning about how it was read, or the problem that kept it from being read.
 * Problems and warnings are English and never echo a value in full: long digit strings are masked
 * and long texts cut.
 */
export type Converted =
  | {
      /** The cell was read. */
      readonly ok: true;
      /** The value; `undefined` for a blank cell (the field is absent). */
      readonly value: ConvertedValue | undefined;
      /** How the value was read, when that deserves a look (a query, not an error). */
      readonly warning?: string;
    }
  | {
      /** The cell could not be read. */
      readonly ok: false;
      /** Why, in English. */
      readonly problem: string;
    };
