import { matchKey } from '@eduvn/text';
import { inUnicodeFont } from '../layout/clean-text.ts';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, reject, textInput } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Accepted without a warning, by `matchKey`: the templates' words and the codes. */
const SEX: ReadonlyMap<string, '1' | '2'> = new Map([
  ['nam', '1'],
  ['nu', '2'],
  ['1', '1'],
  ['2', '2'],
]);

/** The results for Nam and Nữ (shared: results are read-only). */
const MALE: Converted = Object.freeze({ ok: true, value: '1' });
const FEMALE: Converted = Object.freeze({ ok: true, value: '2' });

/** Accepted with a warning: English words and letters some programs write. */
const FOREIGN: ReadonlyMap<string, '1' | '2'> = new Map([
  ['m', '1'],
  ['male', '1'],
  ['f', '2'],
  ['female', '2'],
]);

/**
 * {@link convertSex}'s value for the templates' own words `Nam` and `Nữ` in a Unicode font, as
 * most cells hold them (their keys are 'nam' and 'nu'); `undefined` for any other cell.
 *
 * @internal
 */
export function quickSex(cell: Cell | undefined): '1' | '2' | undefined {
  const stored = cell?.value;
  if (stored !== 'Nam' && stored !== 'Nữ') return undefined;
  if (!inUnicodeFont(cell as Cell)) return undefined;
  return stored === 'Nam' ? '1' : '2';
}

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
  const quick = quickSex(cell);
  if (quick !== undefined) return quick === '1' ? MALE : FEMALE;
  const text = textInput(cell);
  if (text === undefined) return ABSENT;
  if (text === null) return ERROR_VALUE;
  const value = (cell as Cell).value as string | number | boolean;
  const key = typeof value === 'boolean' ? '' : matchKey(text);
  const code = SEX.get(key);
  if (code !== undefined) return accept(code);
  const foreign = FOREIGN.get(key);
  if (foreign !== undefined) {
    return accept(
      foreign,
      `${describeValue(value, options.hideValue)} was read as ${foreign === '1' ? 'Nam' : 'Nữ'}; the templates write Nam or Nữ.`,
    );
  }
  return reject(
    `${describeValue(value, options.hideValue)} is not a sex: expected Nam or Nữ (or the codes 1 and 2).`,
  );
}
