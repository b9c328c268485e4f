import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { LIMITS } from '../contract/limits.ts';
import type { AppDeps } from './deps.ts';
import type { SandboxEnv } from './env.ts';
import { DROPPED_HEADER } from './faults.ts';
import { ApiProblem } from './problem.ts';

/** What a write handler answers, before it becomes a response. */
export interface Answer {
  /** The HTTP status. */
  readonly status: number;
  /** The JSON body. */
  readonly body: unknown;
  /** Extra headers (`ETag`, `Location`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** What the audit log keeps of it (never a full personal ID). */
  readonly audit: Readonly<Record<string, unknown>>;
  /** The school the write concerns, for the audit log (none for a batch across schools). */
  readonly truongId?: string;
}

const KEY_FORM = /^[\x21-\x7e]+$/;

/** The request's Idempotency-Key, checked; `undefined` when absent and not required. */
export function idempotencyKeyOf(c: Context<SandboxEnv>, required: boolean): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined || key === '') {
    if (required)
      throw new ApiProblem(
        'idempotency-key-required',
        'Send an Idempotency-Key header (for example a UUID made once per operation and kept across its retries)',
      );
    return undefined;
  }
  if (key.length > LIMITS.maxIdempotencyKeyLength || !KEY_FORM.test(key)) {
    throw new ApiProblem(
      'malformed-request',
      `The Idempotency-Key must be 1–${LIMITS.maxIdempotencyKeyLength} visible ASCII characters`,
    );
  }
  return key;
}

/** A response standing for a dropped connection: the socket is destroyed (HTTP) or the marker tells the in-process caller. */
export function dropConnection(c: Context<SandboxEnv>): Response {
  c.env?.incoming?.socket?.destroy();
  return new Response(null, { status: 599, headers: { [DROPPED_HEADER]: '1' } });
}

/** A stored answer replayed: a problem document speaks of the request it now answers. */
function replayedBody(
  body: string,
  headers: Readonly<Record<string, string>>,
  correlationId: string,
): string {
  if (!/problem\+json/.test(headers['content-type'] ?? '')) return body;
  return JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), correlationId });
}

const fingerprintOf = (c: Context<SandboxEnv>, bodyText: string): string =>
  createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(bodyText)
    .digest('base64url');

/**
 * Runs a write: replays the stored answer of a repeated Idempotency-Key (409 when the key came
 * with another request), else applies `run` in one transaction together with the stored answer
 * and the audit entry; a refused write is audited and its answer stored too. With the fault
 * "drop after", the write is applied and the answer lost.
 */
export function mutate(
  c: Context<SandboxEnv>,
  deps: AppDeps,
  options: { readonly required: boolean; readonly bodyText: string; readonly action: string },
  run: () => Answer,
): Response {
  const { store } = deps;
  const account = c.var.account;
  const key = idempotencyKeyOf(c, options.required);
  const fingerprint = fingerprintOf(c, options.bodyText);
  if (key !== undefined) {
    const stored = store.idempotent(account.clientId, key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new ApiProblem(
          'idempotency-key-reused',
          'This Idempotency-Key was used for another request (other path or body): make a new key for a new operation',
        );
      }
      const headers = JSON.parse(stored.headers) as Record<string, string>;
      return new Response(replayedBody(stored.body, headers, c.var.correlationId), {
        status: stored.status,
        headers: { ...headers, 'idempotent-replayed': 'true' },
      });
    }
  }
  const at = new Date(c.var.receivedMs).toISOString();
  const auditEntry = (
    status: number,
    truongId: string | undefined,
    detail: Readonly<Record<string, unknown>>,
  ) => ({
    at,
    accountId: account.clientId,
    action: options.action,
    truongId: truongId ?? null,
    status,
    correlationId: c.var.correlationId,
    detail: JSON.stringify({ method: c.req.method, path: c.req.path, ...detail }),
  });
  const remember = (status: number, headers: Record<string, string>, body: string): void => {
    if (key === undefined) return;
    store.putIdempotent(account.clientId, key, {
      fingerprint,
      status,
      headers: JSON.stringify(headers),
      body,
      createdAt: at,
    });
  };
  let response: { status: number; headers: Record<string, string>; body: string };
  try {
    response = store.transaction(() => {
      const answer = run();
      const headers = { 'content-type': 'application/json; charset=utf-8', ...answer.headers };
      const body = JSON.stringify(answer.body);
      remember(answer.status, headers, body);
      store.appendAudit(auditEntry(answer.status, answer.truongId, answer.audit));
      return { status: answer.status, headers, body };
    });
  } catch (error) {
    if (error instanceof ApiProblem && error.status < 500) {
      const document = JSON.stringify(error.document(c.req.path, c.var.correlationId));
      store.transaction(() => {
        remember(
          error.status,
          { 'content-type': 'application/problem+json; charset=utf-8', ...error.options.headers },
          document,
        );
        store.appendAudit(
          auditEntry(error.status, c.req.param('truongId'), {
            problem: error.type,
            ruleIds: error.options.ruleIds ?? [],
          }),
        );
      });
    }
    throw error;
  }
  if (c.var.fault.drop === 'after') return dropConnection(c);
  return new Response(response.body, { status: response.status, headers: response.headers });
}
