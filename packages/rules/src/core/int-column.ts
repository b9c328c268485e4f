/**
 * A growable column of 32-bit integers, 0 wherever nothing was set: what a dataset rule keeps per
 * key number or per record (an ordinal, a record's index), four bytes each and outside the objects
 * the garbage collector scans.
 *
 * @example
 * ```ts
 * const firstOrdinal = new IntColumn();
 * firstOrdinal.set(120_000, 57);
 * firstOrdinal.get(120_000); // 57
 * firstOrdinal.get(3); // 0
 * ```
 */
export class IntColumn {
  #values = new Int32Array(64);

  /** The value at `index` (0 when never set). */
  get(index: number): number {
    return index < this.#values.length ? (this.#values[index] as number) : 0;
  }

  /** Sets the value at `index` (a whole number ≥ 0), growing the column as needed. */
  set(index: number, value: number): void {
    if (index >= this.#values.length) {
      const grown = new Int32Array(Math.max(2 * this.#values.length, index + 1));
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[index] = value;
  }
}
