import { formatPersonName } from '@eduvn/text';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, inputOf, reject } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/**
 * Reads a cell as text (`'text'`): the text the cell shows ({@link cellText}) — a string decoded
 * from TCVN3 or VNI when the cell's font is a legacy one (`.VnTime` → `Hà Nội` from `Hµ Néi`,
 * `.VnTimeH` in capitals, `VNI-Times`), then cleaned by `normalizeText`; numbers as written
 * in JavaScript's shortest form; booleans as `TRUE`/`FALSE`. Blank cells are absent.
 *
 * @param cell - the cell
 */
export function convertText(cell: Cell | undefined, _options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  return accept(input.text);
}

/**
 * Reads a cell as a person's name (`'name'`): as {@link convertText}, kept as written unless
 * {@link ConvertOptions.format} (then `formatPersonName`: `NGUYỄN văn an` → `Nguyễn Văn An`).
 * A name kept as written that is all in capitals or all in lower case, or that contains digits,
 * is accepted with a warning (a query: fix it or acknowledge it). A number is not a name.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.format}, {@link ConvertOptions.hideValue}
 */
export function convertName(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  if (typeof input.value !== 'string') {
    return reject(
      `${describeValue(input.value, options.hideValue)} is not a name: expected text such as Nguyễn Văn An.`,
    );
  }
  if (options.format === true) return accept(formatPersonName(input.text));
  const name = input.text;
  if (/\p{N}/u.test(name)) return accept(name, 'The name contains digits; kept as written.');
  const upper = name.toLocaleUpperCase('vi');
  const lower = name.toLocaleLowerCase('vi');
  if (upper !== lower && name === upper && [...name].length > 1) {
    return accept(
      name,
      'The name is written in capitals; kept as written (set format: true to write it as Nguyễn Văn An).',
    );
  }
  if (upper !== lower && name === lower) {
    return accept(
      name,
      'The name is written in lower case; kept as written (set format: true to write it as Nguyễn Văn An).',
    );
  }
  return accept(name);
}
