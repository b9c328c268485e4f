/**
 * Strings numbered 0, 1, 2… in the order they were first added, with the number of any string
 * found in one probe of a typed array: the table of the dataset rules that keep a key per record
 * (half a million pupil identifiers). Compared with a `Map`, a lookup touches one cache line
 * instead of several scattered objects, and the table holds no pointers for the garbage collector
 * to scan. Identifiers of 1 to 15 digits — pupil codes, personal IDs — are kept as numbers, so
 * that the strings of the records are not kept alive. Keys are compared exactly (UTF-16 code
 * units); nothing is ever removed.
 *
 * @example
 * ```ts
 * const ids = new StringIndex();
 * ids.add('790000100001'); // 0
 * ids.add('HS-2'); // 1
 * ids.add('790000100001'); // 0 again
 * ids.indexOf('HS-2'); // 1
 * ids.keyAt(0); // '790000100001'
 * ```
 */
export class StringIndex {
  /** By number: the key when it is not digits, else `''`. */
  readonly #texts: string[] = [];
  /** By number: a key of digits as the number written `1` then its digits, else 0. */
  #digits = new Float64Array(INITIAL_SLOTS);
  /** Two entries per slot: the key's hash, and its number + 1 (0: an empty slot). */
  #table = new Int32Array(2 * INITIAL_SLOTS);
  #mask = INITIAL_SLOTS - 1;

  /** How many strings were added. */
  get size(): number {
    return this.#texts.length;
  }

  /** The number of `key`, or `-1` when it was never added. */
  indexOf(key: string): number {
    const slot = this.#find(key);
    return slot < 0 ? -1 : (this.#table[2 * slot + 1] as number) - 1;
  }

  /** The number of `key`, adding it when new (it is then `size - 1`). */
  add(key: string): number {
    const slot = this.#find(key);
    if (slot >= 0) return (this.#table[2 * slot + 1] as number) - 1;
    const free = ~slot;
    const index = this.#texts.length;
    if (index === this.#digits.length) {
      const grown = new Float64Array(2 * index);
      grown.set(this.#digits);
      this.#digits = grown;
    }
    this.#digits[index] = lastDigits;
    this.#texts.push(lastDigits === 0 ? key : '');
    this.#table[2 * free] = lastHash;
    this.#table[2 * free + 1] = index + 1;
    // At most half the slots full, so that probes stay short.
    if (2 * this.#texts.length > this.#mask + 1) this.#grow();
    return index;
  }

  /** The string numbered `index`. */
  keyAt(index: number): string | undefined {
    if (index < 0 || index >= this.#texts.length) return undefined;
    const digits = this.#digits[index] as number;
    return digits === 0 ? this.#texts[index] : String(digits).slice(1);
  }

  /**
   * The slot holding `key`, or the bitwise complement of the free slot where it would go; leaves
   * the key's hash and digits in {@link lastHash} and {@link lastDigits}.
   */
  #find(key: string): number {
    hashKey(key);
    const hash = lastHash;
    const digits = lastDigits;
    const table = this.#table;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = table[2 * slot + 1] as number;
      if (entry === 0) return ~slot;
      if (
        table[2 * slot] === hash &&
        (digits === 0
          ? this.#digits[entry - 1] === 0 && this.#texts[entry - 1] === key
          : this.#digits[entry - 1] === digits)
      ) {
        return slot;
      }
    }
  }

  #grow(): void {
    const old = this.#table;
    const slots = 2 * (this.#mask + 1);
    const table = new Int32Array(2 * slots);
    const mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i + 1] as number;
      if (entry === 0) continue;
      const hash = old[i] as number;
      let slot = hash & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = hash;
      table[2 * slot + 1] = entry;
    }
    this.#table = table;
    this.#mask = mask;
  }
}

const INITIAL_SLOTS = 64;

/** The hash of the key {@link hashKey} read last. */
let lastHash = 0;
/** The key {@link hashKey} read last as `1` followed by its digits, or 0 when it is not 1–15 digits. */
let lastDigits = 0;

/**
 * Reads a key once: a 32-bit hash of its UTF-16 code units (FNV-1a, then mixed so that every bit
 * counts) into {@link lastHash}, and into {@link lastDigits} the number written `1` and the key's
 * digits when it is 1 to 15 ASCII digits (exact: below 2 × 10^15), else 0.
 */
function hashKey(key: string): void {
  const length = key.length;
  let h = 0x811c9dc5 ^ length;
  let digits = length >= 1 && length <= 15 ? 1 : 0;
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i);
    h = Math.imul(h ^ code, 0x01000193);
    if (digits !== 0) digits = code >= 0x30 && code <= 0x39 ? digits * 10 + (code - 0x30) : 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  lastHash = h ^ (h >>> 16);
  lastDigits = digits;
}
