/**
 * The documented limits of the eduvn API. A request over a limit gets a problem document naming it
 * (413 for sizes and for batches over the item limit; 400 for nesting and page sizes).
 */
export const LIMITS = {
  /** The most records one `POST /v1/batches` may carry. */
  maxBatchItems: 500,
  /** The largest request body, in bytes (5 MiB: 500 pupils of about 2 KiB each fit with room). */
  maxBodyBytes: 5 * 1024 * 1024,
  /** The deepest JSON nesting accepted (wire objects need 4; the rest is room, not an invitation). */
  maxJsonDepth: 32,
  /** The default page size of lists and of the delta feed. */
  defaultPageSize: 100,
  /** The largest page size of lists and of the delta feed. */
  maxPageSize: 1000,
  /** The longest Idempotency-Key accepted. */
  maxIdempotencyKeyLength: 255,
  /** How long a stored idempotent response is kept, in hours. */
  idempotencyHours: 24,
  /** The longest X-Correlation-Id echoed back (longer or odd ones are replaced). */
  maxCorrelationIdLength: 128,
} as const;
