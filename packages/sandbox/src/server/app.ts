import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { CONTRACT_VERSION, openApiDocument } from '../contract/document.ts';
import { LIMITS } from '../contract/limits.ts';
import { contractOperations } from '../contract/operations.ts';
import { NO_DELETE_BASIS } from '../contract/problems.ts';
import { RESOURCES } from '../contract/resources.ts';
import { authenticate, tokenHandler } from './auth.ts';
import type { AppDeps } from './deps.ts';
import type { SandboxEnv } from './env.ts';
import { FAULT_HEADER } from './faults.ts';
import { dropConnection } from './mutation.ts';
import { ApiProblem, problemResponse } from './problem.ts';
import { type Handler, recordHandlers } from './record-handlers.ts';
import { syncHandlers } from './sync-handlers.ts';

const CORRELATION = /^[A-Za-z0-9._-]+$/;

/** The paths that need no token. */
const PUBLIC = new Set(['/v1/token', '/v1/health', '/v1/openapi.json']);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps a refused attempt in the audit log: who tried what on which school. */
function auditDenied(deps: AppDeps, c: Context<SandboxEnv>, problem: ApiProblem): void {
  const school = /^\/v1\/truong\/([^/]+)/.exec(c.req.path)?.[1];
  let truongId: string | null = null;
  try {
    truongId = school === undefined ? null : decodeURIComponent(school).slice(0, 40);
  } catch {
    truongId = null;
  }
  deps.store.appendAudit({
    at: new Date(c.var.receivedMs).toISOString(),
    accountId: c.var.account.clientId,
    action: 'denied',
    truongId,
    status: problem.status,
    correlationId: c.var.correlationId,
    detail: JSON.stringify({
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      reason: problem.options.extensions?.['reason'] ?? null,
    }),
  });
}

/** `/v1/truong/{truongId}/lop/{ma}` → `/v1/truong/:truongId/lop/:ma`. */
const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * The sandbox's Hono app: every operation of the contract wired to its handler (a missing or
 * extra handler is a startup error), behind the middleware every request goes through —
 * correlation id, injected faults, no DELETE, authentication, rate limit — with every error
 * answered as a problem document. The same app serves HTTP (`@hono/node-server`) and in-process
 * calls (`app.fetch`).
 */
export function createApp(deps: AppDeps): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  let document: string | undefined;

  app.use('*', async (c, next) => {
    const given = c.req.header('x-correlation-id');
    c.set(
      'correlationId',
      given && given.length <= LIMITS.maxCorrelationIdLength && CORRELATION.test(given)
        ? given
        : randomUUID(),
    );
    c.set('receivedMs', deps.now());
    await next();
    c.res.headers.set('x-correlation-id', c.var.correlationId);
  });

  app.onError((error, c) => {
    const problem =
      error instanceof ApiProblem
        ? error
        : new ApiProblem(
            'server-error',
            'The sandbox failed on this request; the correlation id identifies it in its log',
          );
    if (problem.type === 'forbidden' && c.var.account) auditDenied(deps, c, problem);
    if (!(error instanceof ApiProblem))
      deps.logger?.error('sandbox: request failed', {
        correlationId: c.var.correlationId,
        path: c.req.path,
        error: (error as Error)?.message,
      });
    return problemResponse(problem, c.req.path, c.var.correlationId ?? randomUUID());
  });

  app.notFound((c) =>
    problemResponse(
      new ApiProblem('not-found', `No such resource: ${c.req.method} ${c.req.path.slice(0, 200)}`),
      c.req.path,
      c.var.correlationId,
    ),
  );

  app.use('/v1/*', async (c, next) => {
    const plan = deps.faults.plan(c.req.header(FAULT_HEADER), c.req.path === '/v1/batches');
    c.set('fault', plan);
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    if (plan.drop === 'before') {
      c.res = dropConnection(c);
      return;
    }
    if (plan.status === 429) {
      const after = plan.retryAfter ?? 1;
      throw new ApiProblem('rate-limited', 'Too many requests (injected fault)', {
        headers: { 'retry-after': String(after) },
        extensions: { retryAfter: after },
      });
    }
    if (plan.status !== undefined) {
      throw new ApiProblem(
        plan.status === 503 ? 'unavailable' : 'server-error',
        `Injected fault: the server answers ${plan.status}`,
        { status: plan.status },
      );
    }
    await next();
  });

  app.on('DELETE', '*', (c) => {
    throw new ApiProblem(
      'no-delete',
      `Nothing is ever deleted: a pupil or staff member who leaves only changes status (POST …/su-kien). ${c.req.path.slice(0, 200)}`,
      { headers: { allow: 'GET, PUT, POST' }, extensions: { basis: NO_DELETE_BASIS } },
    );
  });
  app.on('PATCH', '*', () => {
    throw new ApiProblem(
      'method-not-allowed',
      'PATCH is not part of the contract: PUT the whole record',
      {
        headers: { allow: 'GET, PUT, POST' },
      },
    );
  });

  app.use('/v1/*', async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    return authenticate(deps)(c, next);
  });

  app.use('/v1/*', async (c, next) => {
    const limiter = deps.rateLimiter;
    if (limiter) {
      const who =
        c.var.account?.clientId ?? `addr:${c.env?.incoming?.socket?.remoteAddress ?? 'in-process'}`;
      const wait = limiter.take(who, c.var.receivedMs);
      if (wait > 0) {
        throw new ApiProblem('rate-limited', `Too many requests: wait ${wait} s`, {
          headers: { 'retry-after': String(wait) },
          extensions: { retryAfter: wait },
        });
      }
    }
    await next();
  });

  const handlers: Record<string, Handler> = {
    createToken: tokenHandler(deps),
    getHealth: (c) =>
      c.json({ status: 'ok' as const, version: CONTRACT_VERSION, contract: '/v1/openapi.json' }),
    ...Object.assign({}, ...RESOURCES.map((r) => recordHandlers(r, deps))),
    ...syncHandlers(deps),
  };
  const operations = contractOperations();
  const documented = new Set(operations.map((o) => o.operationId));
  for (const id of Object.keys(handlers)) {
    if (!documented.has(id))
      throw new Error(`sandbox: handler ${id} has no operation in the contract`);
  }
  for (const op of operations) {
    const handler = handlers[op.operationId];
    if (!handler) throw new Error(`sandbox: operation ${op.operationId} has no handler`);
    app.on(op.method.toUpperCase(), honoPath(op.path), handler);
  }
  app.get('/v1/openapi.json', (c) => {
    document ??= JSON.stringify(openApiDocument());
    return c.body(document, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  return app;
}
