import { matchKey } from '@eduvn/text';
import { inUnicodeFont } from '../layout/clean-text.ts';
import type { Cell } from '../workbook/types.ts';
import { accept, ERROR_VALUE, inputOf, reject } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Marks that mean yes: x, check marks, 1, có. Compared after trimming, case-insensitively. */
const YES = new Set(['x', '✓', '✔', '☑', '✅', '1', 'có', 'co']);

/** Explicit noes: 0, không. */
const NO = new Set(['0', 'không', 'khong']);

/** The result for `x`, the templates' mark (shared: results are read-only). */
const YES_MARK: Converted = Object.freeze({ ok: true, value: true });

/**
 * {@link convertFlag}'s value for the common cells — `x` or `X` in a Unicode font (yes), a missing
 * cell (no, unless blanks are absent) — without building a result; `undefined` for any other cell.
 *
 * @internal
 */
export function quickFlag(cell: Cell | undefined, options: ConvertOptions): boolean | undefined {
  if (cell === undefined) return options.blank === 'absent' ? undefined : false;
  const { value } = cell;
  return (value === 'x' || value === 'X') && inUnicodeFont(cell) ? true : undefined;
}

/**
 * Reads a cell as a mark (`'flag'`), as the KQHT template's `Hoàn thành chương trình lớp học` and
 * `Lên lớp` columns hold them: `x` or `X`, a check mark (`✓ ✔ ☑ ✅`), `1`, `có` (any case), `TRUE`
 * and the number 1 are yes; `0`, `không`, `FALSE` and the number 0 are no; a blank cell is no, or
 * absent with {@link ConvertOptions.blank} `'absent'`. Anything else is a problem.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.blank}, {@link ConvertOptions.hideValue}
 */
export function convertFlag(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const quick = quickFlag(cell, options);
  if (quick !== undefined) return quick ? YES_MARK : accept(false);
  const input = inputOf(cell);
  if (input.blank) return accept(options.blank === 'absent' ? undefined : false);
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  if (typeof value === 'boolean') return accept(value);
  if (value === 1 || value === 0) return accept(value === 1);
  if (typeof value === 'string') {
    const mark = input.text.toLocaleLowerCase('vi');
    if (YES.has(mark) || YES.has(matchKey(mark))) return accept(true);
    if (NO.has(mark) || NO.has(matchKey(mark))) return accept(false);
  }
  return reject(
    `${describeValue(value, options.hideValue)} is not a mark: expected x (or ✓, 1, có) for yes and a blank cell for no.`,
  );
}
