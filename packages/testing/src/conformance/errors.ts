/**
 * A value that is not a conformance set this package can read: the message names the first
 * problem by its path in the document (`cases[3].options.asOf must be an ISO date yyyy-mm-dd`) and
 * never repeats a record's values.
 */
export class ConformanceSetError extends Error {
  /** Always `'ConformanceSetError'`. */
  override readonly name = 'ConformanceSetError';
}
