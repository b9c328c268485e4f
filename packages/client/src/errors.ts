import type { Bilingual } from '@eduvn/standard';
import { redact, redactDeep } from './redact.ts';

/** What every API error says about the call that produced it (after all its attempts). */
export interface ApiMetadata {
  /** The HTTP status of the last answer (absent when none came: network failure, timeout). */
  readonly status?: number;
  /** The correlation id of the last attempt (`X-Correlation-Id`), to quote to the database's operators. */
  readonly correlationId?: string;
  /** How many attempts were made. */
  readonly attempts: number;
  /** How long the client waited between attempts, in milliseconds. */
  readonly totalRetryDelay: number;
}

/** One issue of a 409 or 422, as the server reported it. */
export interface ApiIssue {
  /** The rule id from the rule catalog of @eduvn/rules. */
  readonly ruleId: string;
  /** `'error'` or `'query'`. */
  readonly severity: 'error' | 'query';
  /** JSON Pointer into the record's wire object (`/HO_TEN`). */
  readonly pointer: string;
  /** What is wrong, in Vietnamese and English. */
  readonly message: Bilingual;
  /** How to fix it. */
  readonly hint?: Bilingual;
}

/** An RFC 9457 problem document, as the eduvn API writes them. */
export interface Problem {
  /** `urn:eduvn:problem:<slug>`. */
  readonly type: string;
  /** The English title. */
  readonly title: string;
  /** The Vietnamese title. */
  readonly titleVi?: string;
  /** The HTTP status. */
  readonly status: number;
  /** What happened. */
  readonly detail?: string;
  /** The rule ids behind a 409 or 422. */
  readonly ruleIds?: readonly string[];
  /** Every issue found. */
  readonly issues?: readonly ApiIssue[];
  /** Anything else (`retryAfter`, `reason`, `limit`). */
  readonly [extension: string]: unknown;
}

const PREFIX = 'urn:eduvn:problem:';

/** What an {@link EduvnApiError} is made of. */
export interface ApiErrorInit {
  /** The server's problem document, when there was an answer. */
  readonly problem?: Problem;
  /** Attempts and waiting. */
  readonly metadata: ApiMetadata;
  /** The underlying failure (a network or timeout error). */
  readonly cause?: unknown;
}

/**
 * Any failure of a call to the city database: an answer that is not a success (built from its
 * problem document), or no answer at all. Messages and fields never contain a token, a secret or
 * a full personal ID.
 */
export class EduvnApiError extends Error {
  /** `'EduvnApiError'`, or the subclass's name. */
  override readonly name: string = 'EduvnApiError';
  /** The HTTP status (0 when no answer came). */
  readonly status: number;
  /** The problem type's slug (`'validation'`, `'identifier-conflict'`, …; `'network'`, `'timeout'` without an answer). */
  readonly type: string;
  /** The rule ids behind a 409 or 422 (empty otherwise). */
  readonly ruleIds: readonly string[];
  /** The issues the server listed (409, 422). */
  readonly issues: readonly ApiIssue[];
  /** The correlation id of the last attempt, when there was an answer. */
  readonly correlationId: string | undefined;
  /** The problem document, when there was one. */
  readonly problem: Problem | undefined;
  /** Attempts and waiting. */
  readonly $metadata: ApiMetadata;

  constructor(message: string, init: ApiErrorInit) {
    super(redact(message), init.cause === undefined ? undefined : { cause: init.cause });
    // What the server said is redacted too: a misbehaving server may echo what it must not.
    const p = init.problem === undefined ? undefined : (redactDeep(init.problem) as Problem);
    this.status = p?.status ?? init.metadata.status ?? 0;
    this.type = p?.type.startsWith(PREFIX) ? p.type.slice(PREFIX.length) : (p?.type ?? 'unknown');
    this.ruleIds = p?.ruleIds ?? [];
    this.issues = p?.issues ?? [];
    this.correlationId = init.metadata.correlationId;
    this.problem = p;
    this.$metadata = init.metadata;
  }
}

/** 401, or a token that could not be obtained: the credentials are wrong or the token was refused twice. */
export class AuthError extends EduvnApiError {
  /** Always `'AuthError'`. */
  override readonly name = 'AuthError';
}
/** 403: the account may not do this (another school, or a read-only `khai-thac` account writing). */
export class ForbiddenError extends EduvnApiError {
  /** Always `'ForbiddenError'`. */
  override readonly name = 'ForbiddenError';
}
/** 404: no such record (or school, or path). */
export class NotFoundError extends EduvnApiError {
  /** Always `'NotFoundError'`. */
  override readonly name = 'NotFoundError';
}
/** 422: the data does not follow the standard; `issues` lists every problem. */
export class ValidationError extends EduvnApiError {
  /** Always `'ValidationError'`. */
  override readonly name = 'ValidationError';
}
/** 409 (and 412): an identifier would change or name another person, an event was changed, a key reused, a version moved. */
export class ConflictError extends EduvnApiError {
  /** Always `'ConflictError'`. */
  override readonly name = 'ConflictError';
}
/** 429 after the retries: the server kept asking to slow down. */
export class RateLimitError extends EduvnApiError {
  /** Always `'RateLimitError'`. */
  override readonly name = 'RateLimitError';
}
/** 5xx after the retries (or another unexpected status). */
export class ServerError extends EduvnApiError {
  /** Always `'ServerError'`. */
  override readonly name = 'ServerError';
}
/** No answer: the connection failed or was dropped, after the retries. */
export class NetworkError extends EduvnApiError {
  /** Always `'NetworkError'`. */
  override readonly name = 'NetworkError';
}
/** No answer in time, after the retries. */
export class TimeoutError extends EduvnApiError {
  /** Always `'TimeoutError'`. */
  override readonly name = 'TimeoutError';
}

/**
 * The error for an answer that is not a success, chosen by its status and built from its problem
 * document (the subclass by status, `type`/`ruleIds`/`issues` from the document).
 */
export function errorFromProblem(problem: Problem, metadata: ApiMetadata): EduvnApiError {
  const title = problem.detail ?? problem.title;
  const ids =
    problem.ruleIds && problem.ruleIds.length > 0 ? ` [${problem.ruleIds.join(', ')}]` : '';
  const message = `${problem.status} ${title}${ids}`;
  const init = { problem, metadata };
  switch (problem.status) {
    case 401:
      return new AuthError(message, init);
    case 403:
      return new ForbiddenError(message, init);
    case 404:
      return new NotFoundError(message, init);
    case 409:
    case 412:
      return new ConflictError(message, init);
    case 422:
      return new ValidationError(message, init);
    case 429:
      return new RateLimitError(message, init);
    default:
      return new ServerError(message, init);
  }
}

/**
 * A problem document read from an answer's body, or one made up from the status when the body is
 * not one (an HTML error page from a proxy, say).
 */
export function problemOf(status: number, body: unknown): Problem {
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).type === 'string' &&
    typeof (body as Problem).title === 'string'
  ) {
    return { ...(body as Problem), status };
  }
  return { type: 'about:blank', title: `HTTP ${status}`, status };
}
