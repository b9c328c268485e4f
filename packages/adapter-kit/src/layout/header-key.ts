import { matchKey } from '@eduvn/text';

/** Remarks in parentheses or brackets, innermost first (applied until none is left). */
const REMARK = /\([^()]*\)|\[[^[\]]*\]/g;

/** At most this many passes strip nested remarks; deeper nesting is left as it is. */
const MAX_REMARK_DEPTH = 4;

/**
 * The key of a header with its remarks left out: text in parentheses or brackets is dropped
 * before `matchKey` (`'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)'` → `'tinh thanh pho'`,
 * `'Ngày sinh (dd/mm/yyyy)'` → `'ngay sinh'`). Used for *loose* matches only: exact keys are
 * compared first, so `Nghệ thuật (Âm nhạc)` and `Nghệ thuật (Mĩ thuật)` stay apart.
 *
 * @param text - a header text
 * @returns the loose key, possibly `''` when the header is nothing but a remark
 */
export function looseHeaderKey(text: string): string {
  let s = text;
  for (let i = 0; i < MAX_REMARK_DEPTH; i++) {
    const next = s.replace(REMARK, ' ');
    if (next === s) break;
    s = next;
  }
  return matchKey(s);
}
