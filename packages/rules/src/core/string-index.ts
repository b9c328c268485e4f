/**
 * Strings numbered 0, 1, 2… in the order they were first added, with the number of any string
 * found in one probe of a typed array: the table of the dataset rules that keep a key per record
 * (half a million pupil identifiers). Compared with a `Map`, a lookup touches one cache line
 * instead of several scattered objects, and the table holds no pointers for the garbage collector
 * to scan. Identifiers of 1 to 15 digits — pupil codes, personal IDs — are kept as numbers, and
 * other keys as bytes in one growing array (those with a code unit above 0xFF, rare, as strings),
 * so that the strings of the records are not kept alive and a key costs no object of its own.
 * Keys are compared exactly (UTF-16 code units); nothing is ever removed.
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
  /** By number: a key of digits as the number written `1` then its digits, else 0. */
  #digits = new Float64Array(INITIAL_SLOTS);
  /**
   * By number, two entries: where the key's code units start in {@link StringIndex.#bytes} and how
   * many there are, for a key that is not digits and whose code units are all below 0x100; `-1`
   * and 0 for any other key.
   */
  #spans = new Int32Array(2 * INITIAL_SLOTS);
  /** The code units of the keys kept as bytes, one after the other. */
  #bytes = new Uint8Array(16 * INITIAL_SLOTS);
  /** How many of {@link StringIndex.#bytes} are used. */
  #used = 0;
  /** Keys with a code unit at or above 0x100, by number (rare: keys are mostly ASCII). */
  readonly #wide = new Map<number, string>();
  #size = 0;
  /** Two entries per slot: the key's hash, and its number + 1 (0: an empty slot). */
  #table = new Int32Array(2 * INITIAL_SLOTS);
  #mask = INITIAL_SLOTS - 1;

  /** How many strings were added. */
  get size(): number {
    return this.#size;
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
    const index = this.#append(~slot);
    if (lastDigits === 0) {
      if (lastWide) this.#wide.set(index, key);
      else this.#keep(key, index);
    }
    return index;
  }

  /**
   * The number of the string made of the UTF-16 code units `units[0]` … `units[length - 1]`,
   * adding it when new: `add(String.fromCharCode(...units.subarray(0, length)))` without making
   * the string (a key composed in a scratch buffer).
   */
  addUnits(units: Uint16Array, length: number): number {
    const slot = this.#findUnits(units, length);
    if (slot >= 0) return (this.#table[2 * slot + 1] as number) - 1;
    const index = this.#append(~slot);
    if (lastDigits === 0) {
      if (lastWide) this.#wide.set(index, textOf(units, 0, length));
      else this.#keepUnits(units, length, index);
    }
    return index;
  }

  /**
   * Numbers the key last looked for ({@link lastHash}, {@link lastDigits}) in the free slot
   * `free`; the caller keeps its text when it is not digits.
   */
  #append(free: number): number {
    const index = this.#size;
    if (index === this.#digits.length) {
      const grown = new Float64Array(2 * index);
      grown.set(this.#digits);
      this.#digits = grown;
      const spans = new Int32Array(4 * index);
      spans.set(this.#spans);
      this.#spans = spans;
    }
    this.#digits[index] = lastDigits;
    this.#spans[2 * index] = -1;
    this.#size = index + 1;
    this.#table[2 * free] = lastHash;
    this.#table[2 * free + 1] = index + 1;
    // At most half the slots full, so that probes stay short.
    if (2 * this.#size > this.#mask + 1) this.#grow();
    return index;
  }

  /** The string numbered `index`. */
  keyAt(index: number): string | undefined {
    if (!(index >= 0 && index < this.#size)) return undefined;
    const digits = this.#digits[index] as number;
    if (digits !== 0) return String(digits).slice(1);
    const start = this.#spans[2 * index] as number;
    if (start < 0) return this.#wide.get(index);
    return textOf(this.#bytes, start, start + (this.#spans[2 * index + 1] as number));
  }

  /** Room for `length` more bytes; returns where they start. */
  #room(length: number): number {
    const start = this.#used;
    if (start + length > this.#bytes.length) {
      const grown = new Uint8Array(Math.max(2 * this.#bytes.length, start + length));
      grown.set(this.#bytes.subarray(0, start));
      this.#bytes = grown;
    }
    this.#used = start + length;
    return start;
  }

  /** Copies the code units of `key` (all below 0x100) to the bytes, as those of number `index`. */
  #keep(key: string, index: number): void {
    const length = key.length;
    const start = this.#room(length);
    const bytes = this.#bytes;
    for (let i = 0; i < length; i++) bytes[start + i] = key.charCodeAt(i);
    this.#spans[2 * index] = start;
    this.#spans[2 * index + 1] = length;
  }

  /** {@link StringIndex.#keep} for a key given as code units. */
  #keepUnits(units: Uint16Array, length: number, index: number): void {
    const start = this.#room(length);
    const bytes = this.#bytes;
    for (let i = 0; i < length; i++) bytes[start + i] = units[i] as number;
    this.#spans[2 * index] = start;
    this.#spans[2 * index + 1] = length;
  }

  /** Whether the key numbered `index`, which is neither digits nor wide, is `key`. */
  #bytesAre(index: number, key: string): boolean {
    const length = key.length;
    if (this.#spans[2 * index + 1] !== length) return false;
    const start = this.#spans[2 * index] as number;
    const bytes = this.#bytes;
    for (let i = 0; i < length; i++) if (bytes[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /**
   * The slot holding `key`, or the bitwise complement of the free slot where it would go; leaves
   * the key's hash, digits and width in {@link lastHash}, {@link lastDigits} and {@link lastWide}.
   */
  #find(key: string): number {
    hashKey(key);
    const hash = lastHash;
    const digits = lastDigits;
    const wide = lastWide;
    const table = this.#table;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = table[2 * slot + 1] as number;
      if (entry === 0) return ~slot;
      if (table[2 * slot] !== hash) continue;
      const index = entry - 1;
      const found = this.#digits[index] as number;
      if (digits !== 0 ? found === digits : found === 0 && this.#textIs(index, key, wide)) {
        return slot;
      }
    }
  }

  /** {@link StringIndex.#find} for a key given as code units. */
  #findUnits(units: Uint16Array, length: number): number {
    hashUnits(units, length);
    const hash = lastHash;
    const digits = lastDigits;
    const wide = lastWide;
    const table = this.#table;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = table[2 * slot + 1] as number;
      if (entry === 0) return ~slot;
      if (table[2 * slot] !== hash) continue;
      const index = entry - 1;
      const found = this.#digits[index] as number;
      if (
        digits !== 0 ? found === digits : found === 0 && this.#unitsAre(index, units, length, wide)
      )
        return slot;
    }
  }

  /** Whether the key numbered `index`, not digits, is made of `units[0..length)`. */
  #unitsAre(index: number, units: Uint16Array, length: number, wide: boolean): boolean {
    const start = this.#spans[2 * index] as number;
    if (start < 0) {
      const text = this.#wide.get(index);
      if (!wide || text === undefined || text.length !== length) return false;
      for (let i = 0; i < length; i++) if (text.charCodeAt(i) !== units[i]) return false;
      return true;
    }
    if (wide || this.#spans[2 * index + 1] !== length) return false;
    const bytes = this.#bytes;
    for (let i = 0; i < length; i++) if (bytes[start + i] !== units[i]) return false;
    return true;
  }

  /** Whether the key numbered `index`, not digits, is `key` (`wide`: it has a unit ≥ 0x100). */
  #textIs(index: number, key: string, wide: boolean): boolean {
    const stored = this.#spans[2 * index] as number;
    if (stored < 0) return wide && this.#wide.get(index) === key;
    return !wide && this.#bytesAre(index, key);
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

/** How many code units {@link textOf} turns into text at a time. */
const CHUNK = 4096;

/** The text of the code units `units[from..to)`. */
function textOf(units: Uint8Array | Uint16Array, from: number, to: number): string {
  let text = '';
  for (let at = from; at < to; at += CHUNK) {
    text += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(to, at + CHUNK)) as unknown as number[],
    );
  }
  return text;
}

const INITIAL_SLOTS = 64;

/** The hash of the key {@link hashKey} read last. */
let lastHash = 0;
/** The key {@link hashKey} read last as `1` followed by its digits, or 0 when it is not 1–15 digits. */
let lastDigits = 0;
/** Whether the key {@link hashKey} read last has a code unit at or above 0x100. */
let lastWide = false;

/**
 * Reads a key once: a 32-bit hash of its UTF-16 code units (FNV-1a, then mixed so that every bit
 * counts; for a key of digits, {@link digitsHash} of its number) into {@link lastHash}, into
 * {@link lastDigits} the number written `1` and the key's
 * digits when it is 1 to 15 ASCII digits (exact: below 2 × 10^15), else 0, and into
 * {@link lastWide} whether a code unit is at or above 0x100.
 */
function hashKey(key: string): void {
  const length = key.length;
  let h = 0x811c9dc5 ^ length;
  let digits = length >= 1 && length <= 15 ? 1 : 0;
  let units = 0;
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i);
    h = Math.imul(h ^ code, 0x01000193);
    units |= code;
    if (digits !== 0) digits = code >= 0x30 && code <= 0x39 ? digits * 10 + (code - 0x30) : 0;
  }
  lastWide = units > 0xff;
  lastDigits = digits;
  lastHash = digits !== 0 ? digitsHash(digits) : mix(h);
}

/** The last steps of a 32-bit hash (MurmurHash3's finalizer): every bit of `h` counts. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** How many consecutive numbers {@link digitsHash} keeps next to each other (a power of 2). */
const DIGITS_RUN = 16;

/**
 * The hash of a key of digits, from its number (`1` then its digits, below 2 × 10^15): the
 * numbers `16k` … `16k + 15` get consecutive hashes, from a mix of `k`. The pupil codes of a file
 * mostly come in order (a school's codes are issued one after the other), and then land in
 * neighbouring slots of the table — one cache line for several keys instead of one each — while
 * runs of 16 are spread as any hash spreads keys.
 */
function digitsHash(digits: number): number {
  const run = Math.floor(digits / DIGITS_RUN);
  const low = run >>> 0;
  const high = Math.floor(run / 0x1_0000_0000) >>> 0;
  return (mix(low ^ Math.imul(high, 0x9e3779b1) ^ 0x5bd1e995) + (digits - run * DIGITS_RUN)) | 0;
}

/** {@link hashKey} of the string made of the code units `units[0..length)`. */
function hashUnits(units: Uint16Array, length: number): void {
  let h = 0x811c9dc5 ^ length;
  let digits = length >= 1 && length <= 15 ? 1 : 0;
  let all = 0;
  for (let i = 0; i < length; i++) {
    const code = units[i] as number;
    h = Math.imul(h ^ code, 0x01000193);
    all |= code;
    if (digits !== 0) digits = code >= 0x30 && code <= 0x39 ? digits * 10 + (code - 0x30) : 0;
  }
  lastWide = all > 0xff;
  lastDigits = digits;
  lastHash = digits !== 0 ? digitsHash(digits) : mix(h);
}
