/**
 * One item at a time from a stream of batches (see {@link EachOfBatches}).
 *
 * @module
 */

/** A settled promise's value, for chaining calls in order. */
const ignore = (): void => undefined;

/**
 * The items of a stream of batches, one at a time, as an async generator yielding each would hand
 * them on — but without a generator's promise round trips for each item: an item already in hand
 * is returned as a resolved promise (rows of a sheet, items of a read). Calls made before the
 * previous one settled are served in order; `return` and `throw` close the batches first (and so
 * whatever their `finally` releases), an error of the batches ends the items.
 *
 * @internal
 */
export class EachOfBatches<T> implements AsyncGenerator<T, void, undefined> {
  readonly #batches: AsyncGenerator<readonly T[], void, undefined>;
  #batch: readonly T[] = [];
  #at = 0;
  #done = false;
  /** Calls not yet settled: while there are any, a new call waits for them. */
  #waiting = 0;
  /** The last call, settled either way. */
  #last: Promise<unknown> = Promise.resolve();

  constructor(batches: AsyncGenerator<readonly T[], void, undefined>) {
    this.#batches = batches;
  }

  next(): Promise<IteratorResult<T, void>> {
    if (this.#waiting === 0 && this.#at < this.#batch.length) {
      return Promise.resolve({ value: this.#batch[this.#at++] as T, done: false });
    }
    return this.#queue(() => this.#pull());
  }

  return(): Promise<IteratorResult<T, void>> {
    return this.#queue(async () => {
      this.#finish();
      await this.#batches.return();
      return { value: undefined, done: true };
    });
  }

  throw(error: unknown): Promise<IteratorResult<T, void>> {
    return this.#queue(async () => {
      this.#finish();
      await this.#batches.return();
      throw error;
    });
  }

  [Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    return this;
  }

  /** Runs `step` after every earlier call has settled. */
  #queue<T>(step: () => Promise<T>): Promise<T> {
    this.#waiting++;
    const result = this.#last.then(step).finally(() => {
      this.#waiting--;
    });
    this.#last = result.then(ignore, ignore);
    return result;
  }

  async #pull(): Promise<IteratorResult<T, void>> {
    while (this.#at >= this.#batch.length) {
      if (this.#done) return { value: undefined, done: true };
      let next: IteratorResult<readonly T[], void>;
      try {
        next = await this.#batches.next();
      } catch (error) {
        this.#finish();
        throw error;
      }
      if (next.done === true) {
        this.#finish();
        return { value: undefined, done: true };
      }
      this.#batch = next.value;
      this.#at = 0;
    }
    return { value: this.#batch[this.#at++] as T, done: false };
  }

  #finish(): void {
    this.#done = true;
    this.#batch = [];
    this.#at = 0;
  }
}
