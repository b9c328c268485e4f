import { IntColumn } from './int-column.ts';
import type { Place } from './place.ts';
import { PlaceColumns } from './places.ts';
import type { Provenance } from './types.ts';

/**
 * The first record seen under each key, for the uniqueness rules, by key number (a key's number
 * in a `StringIndex` or in the run's numbering, `keyNumbersOf`): its ordinal in a column, an
 * optional label (a number too: its record key's, in the run's numbering) and, only when its
 * provenance names a file, sheet or row, its {@link Place} — kept in columns too
 * ({@link PlaceColumns}) and built only for a message. Half a million keys cost a few column
 * slots each, not an object per record, and keep no string of the records alive.
 *
 * @example
 * ```ts
 * const seen = new FirstSeen();
 * const n = numbers.add(key);
 * if (!seen.has(n)) seen.add(n, ordinal, item.provenance, labels.add(recordKey));
 * else describePlace(seen.placeAt(n)); // where the first one was
 * ```
 */
export class FirstSeen {
  /** By key number: the first record's ordinal (ordinals start at 1; 0: none seen). */
  readonly #ordinals = new IntColumn();
  /** By key number: the label's number + 1 (0: none). */
  readonly #labels = new IntColumn();
  /** Places of the first records, by key number. */
  readonly #places = new PlaceColumns();

  /** Whether a record was noted under key number `n`. */
  has(n: number): boolean {
    return this.#ordinals.get(n) !== 0;
  }

  /**
   * Notes the first record seen under key number `n`: its 1-based `ordinal` among the records the
   * rule saw, its provenance (only file, sheet and row are kept, see `placeOf`) and the number of
   * an optional label.
   */
  add(n: number, ordinal: number, provenance: Provenance | undefined, label?: number): void {
    this.#ordinals.set(n, ordinal);
    if (label !== undefined) this.#labels.set(n, label + 1);
    this.#places.set(n, provenance);
  }

  /** Where the first record under key number `n` was (as `placeOf` gives it). */
  placeAt(n: number): Place {
    return this.#places.placeAt(n, this.#ordinals.get(n));
  }

  /** The number of the label given for the first record under key number `n`, or `-1`. */
  labelAt(n: number): number {
    return this.#labels.get(n) - 1;
  }
}
