import { matchKey } from '@eduvn/text';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, inputOf, reject } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Accepted without a warning, by `matchKey`: the templates' words and the codes. */
const SEX: ReadonlyMap<string, '1' | '2'> = new Map([
  ['nam', '1'],
  ['nu', '2'],
  ['1', '1'],
  ['2', '2'],
]);

/** Accepted with a warning: English words and letters some programs write. */
const FOREIGN: ReadonlyMap<string, '1' | '2'> = new Map([
  ['m', '1'],
  ['male', '1'],
  ['f', '2'],
  ['female', '2'],
]);

/**
 * Reads a cell as a sex code (`'sex'`) of DM_GIOI_TINH: `Nam` → `'1'`, `Nữ` → `'2'`, in any case,
 * NFC or NFD, with or without diacritics (`NỮ`, `nu`); the codes `1` and `2` (text or number) are
 * accepted as they are. `M`/`F`/`Male`/`Female` are accepted with a warning (the templates write
 * Nam/Nữ). Anything else is a problem.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function convertSex(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const key = typeof input.value === 'boolean' ? '' : matchKey(input.text);
  const code = SEX.get(key);
  if (code !== undefined) return accept(code);
  const foreign = FOREIGN.get(key);
  if (foreign !== undefined) {
    return accept(
      foreign,
      `${describeValue(input.value, options.hideValue)} was read as ${foreign === '1' ? 'Nam' : 'Nữ'}; the templates write Nam or Nữ.`,
    );
  }
  return reject(
    `${describeValue(input.value, options.hideValue)} is not a sex: expected Nam or Nữ (or the codes 1 and 2).`,
  );
}
