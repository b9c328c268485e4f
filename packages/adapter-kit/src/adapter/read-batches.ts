import { type ReadSource, readItemBatches } from './read.ts';
import type { Adapter, ReadItem, ReadOptions } from './types.ts';

/**
 * {@link readWith}'s items in batches: the same items in the same order, an array at a time — the
 * issues found before a sheet's rows, then the items of each batch of rows the reader parses (a
 * few hundred rows of an .xlsx chunk; 256 items of a CSV or .xls). For consumers that handle many
 * records per wait (a validator, a bulk insert): one `await` per batch instead of one per item.
 * Every batch holds at least one item. An error of the reader (or of a mapping's hook) is thrown
 * after the batch holding the items before it; stopping the iteration closes a workbook the read
 * opened.
 *
 * @param adapter - the adapter that reads the file
 * @param source - the bytes, a path, a `File`/`Blob`, or an opened workbook
 * @param options - as {@link readWith}'s
 *
 * @example
 * ```ts
 * for await (const batch of readBatches(moetAdapter, { path: 'C1-HocSinh.xlsx' })) {
 *   await db.insertMany(batch.filter((item) => item.kind === 'record').map((item) => item.record));
 * }
 * ```
 */
export function readBatches(
  adapter: Adapter,
  source: ReadSource,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem[], void, undefined> {
  return readItemBatches(adapter, source, options);
}
