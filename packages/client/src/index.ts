/**
 * The client of the eduvn city education database API (ky + p-retry): typed upserts, status
 * events, batches, lists and the delta feed over the QĐ 4998 wire format; tokens obtained,
 * cached and refreshed; an Idempotency-Key on every write; retries with backoff, `Retry-After`
 * and a budget; one error family built from the server's problem documents. There is no delete.
 * Node ≥ 20 and browsers.
 *
 * @packageDocumentation
 */

export {
  type BatchOptions,
  type ClientOptions,
  createClient,
  type EduvnClient,
  type LatePushes,
  type LatePushRow,
  type PageOptions,
  type School,
  type WriteOptions,
} from './client.ts';
export {
  type ApiErrorInit,
  type ApiIssue,
  type ApiMetadata,
  AuthError,
  ConflictError,
  EduvnApiError,
  errorFromProblem,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  type Problem,
  problemOf,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors.ts';
export type { AttemptInfo, ClientHooks, ClientLogger } from './logger.ts';
export { redact } from './redact.ts';
export {
  ENTITY_NAMES,
  type EntityName,
  type EntityRecords,
  listPath,
  type ResourcePath,
  recordPath,
  resourcePath,
  type UpsertEntity,
} from './resources.ts';
export type {
  BatchItem,
  BatchItemOutcome,
  BatchOutcome,
  BatchProgress,
  Change,
  EventResult,
  IdentifierIssued,
  StoredRecord,
  UpsertResult,
  WriteOutcome,
} from './results.ts';
export type { RetryOptions } from './retry.ts';
export type { ClientCredentials, Credentials, TokenCredentials } from './tokens.ts';
export { CLIENT_VERSION } from './version.ts';
