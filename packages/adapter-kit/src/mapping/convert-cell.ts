import type { Cell } from '../workbook/types.ts';
import { convertBoolean } from './convert-boolean.ts';
import { convertCode } from './convert-code.ts';
import { convertDate } from './convert-date.ts';
import { convertFlag } from './convert-flag.ts';
import { convertSubjectLevel, convertTraitLevel } from './convert-level.ts';
import { convertDecimal, convertInteger } from './convert-number.ts';
import { convertSex } from './convert-sex.ts';
import { convertName, convertText } from './convert-text.ts';
import type { Converter } from './converter.ts';
import type { Converted, ConvertOptions, ValueKind } from './value-kind.ts';

/** The converter of each {@link ValueKind}. */
const CONVERTERS: Readonly<Record<ValueKind, Converter>> = {
  text: convertText,
  name: convertName,
  code: convertCode,
  date: convertDate,
  sex: convertSex,
  subjectLevel: convertSubjectLevel,
  traitLevel: convertTraitLevel,
  flag: convertFlag,
  integer: convertInteger,
  decimal: convertDecimal,
  boolean: convertBoolean,
};

/**
 * The converter of a kind, for callers that read many cells of one kind ({@link mapRow}).
 *
 * @internal
 */
export function converterOf(kind: ValueKind): Converter {
  const converter = CONVERTERS[kind];
  if (converter === undefined)
    throw new TypeError(`convertCell: unknown value kind ${String(kind)}`);
  return converter;
}

/**
 * Reads one cell as a {@link ValueKind}: `{ ok: true, value }` (the value is `undefined` for a
 * blank cell, except for flags), perhaps with a `warning` about how it was read, or `{ ok: false,
 * problem }`. Never throws for bad data; problems and warnings are English and never quote a
 * value in full (long digit runs are masked, texts cut, and nothing is quoted with
 * {@link ConvertOptions.hideValue}). An error value (`#N/A`) is a problem for every kind.
 *
 * @param kind - how to read the cell
 * @param cell - the cell, or `undefined` for a gap in the row
 * @param options - the options of the kind (see {@link ConvertOptions})
 *
 * @example
 * ```ts
 * convertCell('date', { value: 44096 })                  // { ok: true, value: '2020-09-22' }
 * convertCell('decimal', { value: '7,5' })               // { ok: true, value: 7.5 }
 * convertCell('sex', { value: 'F' })                     // { ok: true, value: '2', warning: … }
 * convertCell('text', { value: 'Hµ Néi', font: '.VnTime' }) // { ok: true, value: 'Hà Nội' }
 * convertCell('date', { value: '31/02/2017' })           // { ok: false, problem: … }
 * ```
 */
export function convertCell(
  kind: ValueKind,
  cell: Cell | undefined,
  options: ConvertOptions = {},
): Converted {
  const converter = CONVERTERS[kind];
  if (converter === undefined)
    throw new TypeError(`convertCell: unknown value kind ${String(kind)}`);
  return converter(cell, options);
}
