import type { Context, MiddlewareHandler } from 'hono';
import { hashSecret, verifySecret } from '../auth/secrets.ts';
import { signToken, verifyToken } from '../auth/tokens.ts';
import type { Account } from '../domain/account.ts';
import { readLimited } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { SandboxEnv } from './env.ts';
import { ApiProblem } from './problem.ts';

/** The largest token request read (a form with an id and a secret is a few hundred bytes). */
const MAX_TOKEN_REQUEST = 4096;

/** A hash to compare against when the client id is unknown, so both paths take the same time. */
const DUMMY_HASH = hashSecret('eduvn-sandbox-unknown-client');

function unauthorized(reason: string, detail: string): ApiProblem {
  return new ApiProblem('unauthorized', detail, {
    headers: { 'www-authenticate': `Bearer realm="eduvn", error="invalid_token"` },
    extensions: { reason },
  });
}

/** The account a request's bearer token names (401 when there is none, or it is bad or expired). */
export function authenticate(deps: AppDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined)
      throw unauthorized(
        'missing',
        'Send Authorization: Bearer <token> (get one from POST /v1/token)',
      );
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthorized('malformed', 'The Authorization header must be "Bearer <token>"');
    const checked = verifyToken(
      deps.signingKey,
      m[1] as string,
      Math.floor(c.var.receivedMs / 1000),
    );
    if (!checked.ok) {
      throw unauthorized(
        checked.problem,
        checked.problem === 'expired'
          ? 'The token has expired: get a new one from POST /v1/token'
          : 'The token is not one this server issued',
      );
    }
    const stored = deps.store.account(checked.claims.sub);
    const unit = stored ? deps.directory().unit(stored.unitId) : undefined;
    if (!stored || !unit)
      throw unauthorized('unknown-account', 'The account of this token no longer exists');
    const account: Account = {
      clientId: stored.clientId,
      kind: stored.kind,
      unit,
      name: stored.name,
    };
    c.set('account', account);
    await next();
  };
}

interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

async function credentialsOf(c: Context<SandboxEnv>): Promise<Credentials> {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
  }
  const type = c.req.header('content-type') ?? '';
  const text = new TextDecoder().decode(await readLimited(c.req.raw, MAX_TOKEN_REQUEST));
  let fields: Record<string, unknown>;
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    fields = Object.fromEntries(new URLSearchParams(text));
  } else if (/^application\/json/i.test(type)) {
    try {
      const value = JSON.parse(text) as unknown;
      fields =
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    } catch {
      throw new ApiProblem('malformed-request', 'The token request is not well-formed JSON');
    }
  } else {
    throw new ApiProblem(
      'unsupported-media-type',
      'Send the token request form-encoded (application/x-www-form-urlencoded) or as JSON',
    );
  }
  if (fields['grant_type'] !== 'client_credentials')
    throw new ApiProblem('malformed-request', 'grant_type must be client_credentials', {
      extensions: { error: 'unsupported_grant_type' },
    });
  const clientId = fields['client_id'];
  const clientSecret = fields['client_secret'];
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string')
    throw new ApiProblem('malformed-request', 'client_id and client_secret are required', {
      extensions: { error: 'invalid_request' },
    });
  return { clientId, clientSecret };
}

/** `POST /v1/token`: client credentials for a bearer token. */
export function tokenHandler(deps: AppDeps) {
  return async (c: Context<SandboxEnv>): Promise<Response> => {
    const { clientId, clientSecret } = await credentialsOf(c);
    const stored = deps.store.account(clientId);
    const valid =
      verifySecret(clientSecret, stored?.secretHash ?? DUMMY_HASH) && stored !== undefined;
    const at = new Date(c.var.receivedMs).toISOString();
    if (!valid || !stored) {
      deps.store.appendAudit({
        at,
        accountId: null,
        action: 'token-refused',
        truongId: null,
        status: 401,
        correlationId: c.var.correlationId,
        detail: JSON.stringify({ clientId: clientId.slice(0, 64) }),
      });
      throw new ApiProblem('invalid-client', 'The client id or secret is wrong', {
        extensions: { error: 'invalid_client' },
      });
    }
    const { token } = signToken(
      deps.signingKey,
      stored.clientId,
      Math.floor(c.var.receivedMs / 1000),
      deps.tokenTtlSeconds,
    );
    deps.store.appendAudit({
      at,
      accountId: stored.clientId,
      action: 'token',
      truongId: null,
      status: 200,
      correlationId: c.var.correlationId,
      detail: '{}',
    });
    const unit = deps.directory().unit(stored.unitId);
    return new Response(
      JSON.stringify({
        access_token: token,
        token_type: 'Bearer',
        expires_in: deps.tokenTtlSeconds,
        scope: `${stored.kind} ${unit?.kind ?? 'unit'}:${stored.unitId}`,
      }),
      {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      },
    );
  };
}
