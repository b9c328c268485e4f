import type { Row, RowOptions, Workbook } from './types.ts';

/**
 * The key of a workbook's optional method that streams a sheet's rows in batches, as the reader
 * produces them (the rows parsed from one chunk of the file): `rows()` in arrays. A consumer that
 * is itself an async generator (`readWith`) then waits once per batch instead of once per row —
 * two async hops per row cost about a tenth of the raw reader's time. Not part of the public
 * {@link Workbook} interface.
 *
 * @internal
 */
export const ROW_BATCHES: unique symbol = Symbol('eduvn.rowBatches');

/** A workbook that can stream rows in batches ({@link ROW_BATCHES}). */
interface BatchingWorkbook extends Workbook {
  [ROW_BATCHES](sheet: string | number, options?: RowOptions): AsyncIterable<readonly Row[]>;
}

/**
 * A sheet's rows in batches, when the workbook streams them so (.xlsx); `undefined` otherwise
 * (iterate `workbook.rows` then).
 *
 * @internal
 */
export function rowBatches(
  workbook: Workbook,
  sheet: string | number,
  options?: RowOptions,
): AsyncIterable<readonly Row[]> | undefined {
  const batching = workbook as Partial<BatchingWorkbook>;
  const method = batching[ROW_BATCHES];
  return typeof method === 'function' ? method.call(workbook, sheet, options) : undefined;
}
