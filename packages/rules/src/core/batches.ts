import type { InputRecord } from './types.ts';

/** Where {@link inBatches} keeps the batches, for the engine to take them whole. */
const BATCHES: unique symbol = Symbol('eduvn.recordBatches');

/** Records streamed in batches ({@link inBatches}); still an `AsyncIterable` of records. */
interface RecordBatches extends AsyncIterable<InputRecord> {
  readonly [BATCHES]: AsyncIterable<readonly InputRecord[]>;
}

/**
 * Records streamed in batches (arrays), as `validate` and `runRules` take them: the engine visits
 * each batch's records without waiting between them — one `await` per batch instead of one per
 * record, which counts on a province's file. The result is still an `AsyncIterable` of the
 * records, one at a time, for any other consumer. Iterate it once: it reads `batches` as it goes.
 *
 * @param batches - arrays of records, in order (an empty array is allowed)
 *
 * @example
 * ```ts
 * async function* batches() {
 *   yield [{ entity: 'HocSinh', record: { hocSinhId: 'HS0001', hoTen: 'Nguyễn Văn An' } }];
 * }
 * const report = await validate(inBatches(batches()), { asOf: '2026-05-31' });
 * ```
 */
export function inBatches(
  batches: AsyncIterable<readonly InputRecord[]>,
): AsyncIterable<InputRecord> {
  const stream: RecordBatches = {
    [BATCHES]: batches,
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches) yield* batch;
    },
  };
  return stream;
}

/** The batches of a stream made by {@link inBatches}, or `undefined` for any other input. */
export function batchesOf(input: unknown): AsyncIterable<readonly InputRecord[]> | undefined {
  if (typeof input !== 'object' || input === null || !(BATCHES in input)) return undefined;
  return (input as RecordBatches)[BATCHES];
}
