import { cellText } from '../layout/cell-text.ts';
import type { Cell } from '../workbook/types.ts';
import type { Converted, ConvertedValue, ConvertOptions } from './value-kind.ts';

/** A function that reads one cell as one {@link ValueKind}. */
export type Converter = (cell: Cell | undefined, options: ConvertOptions) => Converted;

/**
 * A cell as converters see it: blank, an error value, or a value with its cleaned text.
 *
 * @internal
 */
export type CellInput =
  | { readonly blank: true }
  | { readonly blank: false; readonly error: true }
  | {
      readonly blank: false;
      readonly error: false;
      readonly value: string | number | boolean;
      /** {@link cellText}: decoded, normalized. */
      readonly text: string;
      readonly cell: Cell;
    };

/**
 * Reads a cell for a converter: missing cells and texts that clean to `''` are blank.
 *
 * @internal
 */
export function inputOf(cell: Cell | undefined): CellInput {
  if (cell === undefined) return { blank: true };
  if (cell.value === null) return { blank: false, error: true };
  const text = cellText(cell);
  if (text === '' && typeof cell.value === 'string') return { blank: true };
  return { blank: false, error: false, value: cell.value, text, cell };
}

/**
 * {@link inputOf} without building an object, for the converters every row runs: the cell's
 * cleaned text, `undefined` for a blank cell (missing, or text that cleans to `''`), `null` for
 * an error value.
 *
 * @internal
 */
export function textInput(cell: Cell | undefined): string | undefined | null {
  if (cell === undefined) return undefined;
  const { value } = cell;
  if (value === null) return null;
  const text = cellText(cell);
  return text === '' && typeof value === 'string' ? undefined : text;
}

/** @internal */
export const ABSENT: Converted = Object.freeze({ ok: true, value: undefined });

/** @internal */
export const ERROR_VALUE: Converted = Object.freeze({
  ok: false,
  problem: 'The cell holds an error value (such as #N/A or #REF!) instead of data.',
});

/** @internal */
export function accept(value: ConvertedValue | undefined, warning?: string): Converted {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

/** @internal */
export function reject(problem: string): Converted {
  return { ok: false, problem };
}
