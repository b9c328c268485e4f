import { matchKey } from '@eduvn/text';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, inputOf, reject } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Yes and no by `matchKey`: Vietnamese and English words, 1/0 and the marks. */
const WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['co', true],
  ['khong', false],
  ['dung', true],
  ['sai', false],
  ['yes', true],
  ['no', false],
  ['1', true],
  ['0', false],
  ['x', true],
]);

/**
 * Reads a cell as an explicit yes or no (`'boolean'`): boolean cells; the numbers 1 and 0; `TRUE`/
 * `FALSE`, `Có`/`Không`, `Đúng`/`Sai`, `Yes`/`No`, `1`/`0` and `x` as text (any case, with or
 * without diacritics). A blank cell is absent (unknown), unlike a {@link convertFlag} mark.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function convertBoolean(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const { value } = input;
  if (typeof value === 'boolean') return accept(value);
  if (value === 1 || value === 0) return accept(value === 1);
  if (typeof value === 'string') {
    const yes = WORDS.get(matchKey(input.text));
    if (yes !== undefined) return accept(yes);
  }
  return reject(
    `${describeValue(value, options.hideValue)} is not yes or no: expected Có/Không, TRUE/FALSE or 1/0.`,
  );
}
