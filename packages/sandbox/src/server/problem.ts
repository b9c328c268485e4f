import {
  type ApiIssue,
  PROBLEM_TYPES,
  type ProblemDocument,
  type ProblemType,
  problemTypeUri,
} from '../contract/problems.ts';

/** What a problem carries beyond its type and detail. */
export interface ProblemOptions {
  /** The rule ids behind it. */
  readonly ruleIds?: readonly string[];
  /** The issues found. */
  readonly issues?: readonly ApiIssue[];
  /** Response headers (`Retry-After`, `Allow`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Members the type documents (`retryAfter`, `basis`, `limit`, `reason`). */
  readonly extensions?: Readonly<Record<string, unknown>>;
  /** Another status of the same family than the type's (an injected 502 of `server-error`). */
  readonly status?: number;
}

/**
 * A request the sandbox refuses, thrown anywhere in a handler and answered as an RFC 9457 problem
 * document (`application/problem+json`) with the type's status.
 */
export class ApiProblem extends Error {
  /** Always `'ApiProblem'`. */
  override readonly name = 'ApiProblem';
  /** The problem type. */
  readonly type: ProblemType;
  /** What this problem carries. */
  readonly options: ProblemOptions;

  constructor(type: ProblemType, detail: string, options: ProblemOptions = {}) {
    super(detail);
    this.type = type;
    this.options = options;
  }

  /** The HTTP status. */
  get status(): number {
    return this.options.status ?? PROBLEM_TYPES[this.type].status;
  }

  /** The problem document for a request. */
  document(instance: string, correlationId: string): ProblemDocument {
    const t = PROBLEM_TYPES[this.type];
    const { ruleIds, issues, extensions } = this.options;
    return {
      ...extensions,
      type: problemTypeUri(this.type),
      title: t.title,
      titleVi: t.titleVi,
      status: this.status,
      detail: this.message,
      instance,
      correlationId,
      ...(ruleIds === undefined ? {} : { ruleIds }),
      ...(issues === undefined ? {} : { issues }),
    };
  }
}

/** A problem document as a response. */
export function problemResponse(
  problem: ApiProblem,
  instance: string,
  correlationId: string,
): Response {
  return new Response(JSON.stringify(problem.document(instance, correlationId)), {
    status: problem.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'x-correlation-id': correlationId,
      ...problem.options.headers,
    },
  });
}
