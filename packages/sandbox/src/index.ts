/**
 * The eduvn sandbox: a local city education database that implements the eduvn API contract
 * (OpenAPI 3.1, generated from the schemas of `@eduvn/standard`) — upserts by identifier, batches
 * with per-record answers, status events, the delta feed, provisional identifiers that receive a
 * pupil code, accounts and scopes, idempotency keys, an audit log, the 48-hour deadline — over
 * SQLite, with faults to inject. For integrators' tests, the way stripe-mock serves Stripe's.
 * Node only (it keeps its data with better-sqlite3).
 *
 * @packageDocumentation
 */

export { CONTRACT_VERSION, openApiDocument } from './contract/document.ts';
export { LIMITS } from './contract/limits.ts';
export {
  type ApiIssue,
  NO_DELETE_BASIS,
  PROBLEM_TYPE_PREFIX,
  PROBLEM_TYPES,
  type ProblemDocument,
  type ProblemType,
  type ProblemTypeInfo,
  problemTypeUri,
} from './contract/problems.ts';
export {
  collectionPath,
  itemPath,
  RESOURCES,
  type Resource,
  resourceOf,
  type Subject,
} from './contract/resources.ts';
export type {
  BatchItemRejected,
  BatchItemResult,
  BatchItemWritten,
  BatchResult,
  ChangeEntry,
  EventResult,
  IdentifierIssued,
  PersonStatus,
  RecordResult,
  RecordView,
  WriteOutcomeKind,
  WriteResult,
} from './contract/results.ts';
export type { Account, AccountKind } from './domain/account.ts';
export { SandboxError, type SandboxErrorCode } from './errors.ts';
export {
  type AccountInput,
  type AccountSummary,
  type Credentials,
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxServer,
} from './sandbox.ts';
export { type DemoAccount, type DemoOptions, type DemoSeed, seedDemo } from './seed/demo.ts';
export type { SandboxLogger } from './server/deps.ts';
export type {
  SandboxBindings,
  SandboxEnv,
  SandboxIncoming,
  SandboxSocket,
  SandboxVariables,
} from './server/env.ts';
export { FAULT_HEADER, type FaultOptions, type FaultPlan } from './server/faults.ts';
export type { RateLimitOptions } from './server/rate-limit.ts';
export type { Durability } from './store/database.ts';
export type { Unit } from './store/store.ts';
