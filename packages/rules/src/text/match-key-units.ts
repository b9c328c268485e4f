import { matchKey } from '@eduvn/text';

/**
 * A scratch buffer of UTF-16 code units, grown as needed: a key composed here is looked up with
 * `StringIndex.addUnits` without becoming a string.
 */
export class UnitBuffer {
  /** The code units; the first {@link UnitBuffer.length} are the buffer's content. */
  units: Uint16Array = new Uint16Array(64);
  /** How many code units the buffer holds. */
  length = 0;

  /** Appends the code units of `text`. */
  pushText(text: string): void {
    this.#reserve(text.length);
    const units = this.units;
    let at = this.length;
    for (let i = 0; i < text.length; i++) units[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** Appends one code unit. */
  push(code: number): void {
    this.#reserve(1);
    this.units[this.length++] = code;
  }

  #reserve(more: number): void {
    if (this.length + more <= this.units.length) return;
    const grown = new Uint16Array(Math.max(2 * this.units.length, this.length + more));
    grown.set(this.units.subarray(0, this.length));
    this.units = grown;
  }
}

/** Marks a character that folds into a separator (a space in the key). */
const SEPARATOR = ' ';

/**
 * What each character of the Latin, Vietnamese and general-punctuation blocks becomes in a
 * `matchKey` — the blocks whose characters `matchKey` of `@eduvn/text` itself folds one by one —
 * read from `matchKey` (the character between two letters: what is left of it, a separator, or
 * nothing); `undefined` for a character that folds into more than a piece (`matchKey` then works
 * on the whole text).
 */
const FOLD: ReadonlyArray<string | undefined> = (() => {
  const table: Array<string | undefined> = [];
  const ranges: Array<[number, number]> = [
    [0x0000, 0x0250],
    [0x0300, 0x0370],
    [0x1e00, 0x1f00],
    [0x2000, 0x2070],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code < to; code++) {
      const key = matchKey(`a${String.fromCharCode(code)}a`).slice(1, -1);
      if (key === SEPARATOR) table[code] = SEPARATOR;
      else if (!key.includes(' ')) table[code] = key;
    }
  }
  return table;
})();

/**
 * Appends `matchKey(text)` (see `@eduvn/text`) to `buffer`, character by character from the same
 * table `matchKey` uses — without making the key a string — and returns how many code units it
 * appended (0: the key is empty). A text with a character outside the table's blocks takes
 * `matchKey` itself.
 */
export function appendMatchKey(text: string, buffer: UnitBuffer): number {
  const start = buffer.length;
  let pendingSeparator = false;
  for (let i = 0; i < text.length; i++) {
    const piece = FOLD[text.charCodeAt(i)];
    if (piece === undefined) {
      buffer.length = start;
      const key = matchKey(text);
      buffer.pushText(key);
      return key.length;
    }
    if (piece === SEPARATOR) {
      pendingSeparator = buffer.length !== start;
    } else if (piece !== '') {
      if (pendingSeparator) {
        buffer.push(0x20);
        pendingSeparator = false;
      }
      if (piece.length === 1) buffer.push(piece.charCodeAt(0));
      else buffer.pushText(piece);
    }
  }
  return buffer.length - start;
}
