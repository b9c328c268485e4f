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
