import { matchKey } from '@eduvn/text';
import type { Cell } from '../workbook/types.ts';
import { ABSENT, accept, ERROR_VALUE, inputOf, reject } from './converter.ts';
import { describeValue } from './describe-value.ts';
import type { Converted, ConvertOptions } from './value-kind.ts';

/** Subject levels by key: the codes and the words of TT27 Art. 6. */
const SUBJECT: ReadonlyMap<string, 'T' | 'H' | 'C'> = new Map([
  ['t', 'T'],
  ['h', 'H'],
  ['c', 'C'],
  ['hoan thanh tot', 'T'],
  ['hoan thanh', 'H'],
  ['chua hoan thanh', 'C'],
]);

/** Abbreviations some programs write for subject levels: accepted with a warning. */
const SUBJECT_ABBREVIATIONS: ReadonlyMap<string, 'T' | 'H' | 'C'> = new Map([
  ['htt', 'T'],
  ['ht', 'H'],
  ['cht', 'C'],
]);

/** Quality and competency levels by key (words only: the letters are read by case and shape). */
const TRAIT_WORDS: ReadonlyMap<string, 'T' | 'Đ' | 'C'> = new Map([
  ['tot', 'T'],
  ['dat', 'Đ'],
  ['can co gang', 'C'],
]);

/** The letters, exactly. */
const TRAIT_LETTERS: ReadonlyMap<string, 'T' | 'Đ' | 'C'> = new Map([
  ['T', 'T'],
  ['t', 'T'],
  ['Đ', 'Đ'],
  ['đ', 'Đ'],
  ['C', 'C'],
  ['c', 'C'],
]);

/**
 * Letters read as Đ with a warning: ASCII D, and the look-alikes fonts and keyboards substitute
 * (Icelandic eth Ð/ð U+00D0/U+00F0, African D Ɖ/ɖ U+0189/U+0256).
 */
const D_LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ['D', 'the ASCII letter D'],
  ['d', 'the ASCII letter d'],
  ['\u00D0', 'Ð (U+00D0, Icelandic eth)'],
  ['\u00F0', 'ð (U+00F0, Icelandic eth)'],
  ['\u0189', 'Ɖ (U+0189, African D)'],
  ['\u0256', 'ɖ (U+0256, African d)'],
]);

/**
 * Reads a cell as a TT27 subject level (`'subjectLevel'`): `T`, `H`, `C` in either case, or the
 * words `Hoàn thành tốt`, `Hoàn thành`, `Chưa hoàn thành` (any case, tone style or normalization).
 * The abbreviations `HTT`, `HT`, `CHT` are accepted with a warning. Anything else is a problem.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function convertSubjectLevel(
  cell: Cell | undefined,
  options: ConvertOptions = {},
): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  const key = typeof input.value === 'string' ? matchKey(input.text) : '';
  const level = SUBJECT.get(key);
  if (level !== undefined) return accept(level);
  const abbreviated = SUBJECT_ABBREVIATIONS.get(key);
  if (abbreviated !== undefined) {
    return accept(
      abbreviated,
      `${describeValue(input.value, options.hideValue)} was read as ${abbreviated}; TT27 subject levels are T, H or C.`,
    );
  }
  return reject(
    `${describeValue(input.value, options.hideValue)} is not a subject level: expected T (Hoàn thành tốt), H (Hoàn thành) or C (Chưa hoàn thành).`,
  );
}

/**
 * Reads a cell as a TT27 quality or competency level (`'traitLevel'`): `T`, `Đ`, `C` in either
 * case, or the words `Tốt`, `Đạt`, `Cần cố gắng` (any case, tone style or normalization). The
 * ASCII `D` and the look-alikes of Đ (`Ð` U+00D0, `Ɖ` U+0189, lower case too) are read as `Đ`
 * with a warning. Anything else is a problem.
 *
 * @param cell - the cell
 * @param options - {@link ConvertOptions.hideValue}
 */
export function convertTraitLevel(cell: Cell | undefined, options: ConvertOptions = {}): Converted {
  const input = inputOf(cell);
  if (input.blank) return ABSENT;
  if (input.error) return ERROR_VALUE;
  if (typeof input.value === 'string') {
    const letter = TRAIT_LETTERS.get(input.text);
    if (letter !== undefined) return accept(letter);
    const lookAlike = D_LOOK_ALIKES.get(input.text);
    if (lookAlike !== undefined) {
      return accept('Đ', `${lookAlike} was read as Đ (Đạt); write Đ (U+0110).`);
    }
    const word = TRAIT_WORDS.get(matchKey(input.text));
    if (word !== undefined) return accept(word);
  }
  return reject(
    `${describeValue(input.value, options.hideValue)} is not a quality or competency level: expected T (Tốt), Đ (Đạt) or C (Cần cố gắng).`,
  );
}
