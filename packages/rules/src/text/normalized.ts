import { normalizeText } from '@eduvn/text';

/**
 * The blocks whose characters, in any sequence, are already in Unicode NFC: printable ASCII
 * (the space apart, see {@link isNormalizedText}), the letters of Latin-1, Latin Extended-A and
 * -B, and Latin Extended Additional (every precomposed Vietnamese letter). Each of them is its own
 * NFC, no combining mark, and no pair of them composes — so a text made of them only is NFC as it
 * stands (the tests check every character and every pair).
 */
const NFC_STABLE_RANGES: readonly (readonly [from: number, to: number])[] = [
  [0x21, 0x7e],
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];

/** Per UTF-16 code unit up to U+1EFF: 1 when it is in {@link NFC_STABLE_RANGES}. */
const STABLE: Uint8Array = (() => {
  const table = new Uint8Array(0x1f00);
  for (const [from, to] of NFC_STABLE_RANGES) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code);
      // Each character is its own NFC and no mark: guarded here too, whatever the ICU version.
      if (char.normalize('NFC') === char && !/\p{M}/u.test(char)) table[code] = 1;
    }
  }
  return table;
})();

/**
 * Whether `normalizeText` of `@eduvn/text` leaves `value` unchanged, i.e.
 * `value === normalizeText(value)`, answered without normalizing the usual name: one made of
 * printable ASCII and precomposed Latin letters, with single spaces between words and none at the
 * ends, has nothing to clean and is NFC already. Any other text is normalized and compared.
 *
 * @example
 * ```ts
 * isNormalizedText('Nguyễn Văn An'); // true, by the table
 * isNormalizedText('Nguyễn  Văn An'); // false: two spaces
 * ```
 */
export function isNormalizedText(value: string): boolean {
  const last = value.length - 1;
  let previous = 0x20; // a space at the start is a change
  for (let i = 0; i <= last; i++) {
    const code = value.charCodeAt(i);
    const plain =
      code === 0x20 ? previous !== 0x20 && i !== last : code < 0x1f00 && STABLE[code] === 1;
    if (!plain) return value === normalizeText(value);
    previous = code;
  }
  return true;
}
