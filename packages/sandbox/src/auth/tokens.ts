import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** What a bearer token says: whose it is, and until when. */
export interface TokenClaims {
  /** The account's client id. */
  readonly sub: string;
  /** When it was issued (seconds since the epoch). */
  readonly iat: number;
  /** When it expires (seconds since the epoch). */
  readonly exp: number;
  /** A unique id. */
  readonly jti: string;
}

/** Why a token was refused. */
export type TokenProblem = 'malformed' | 'bad-signature' | 'expired';

/** A new signing key for tokens (kept in the sandbox database so tokens survive a restart). */
export function newSigningKey(): string {
  return randomBytes(32).toString('base64url');
}

const PREFIX = 'evs1.';

/**
 * A bearer token: `evs1.<claims, base64url JSON>.<HMAC-SHA256, base64url>`. Opaque to clients;
 * the sandbox verifies it without a lookup, then checks that the account still exists.
 */
export function signToken(
  key: string,
  sub: string,
  nowSeconds: number,
  ttlSeconds: number,
): { token: string; claims: TokenClaims } {
  const claims: TokenClaims = {
    sub,
    iat: nowSeconds,
    exp: nowSeconds + ttlSeconds,
    jti: randomUUID(),
  };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { token: `${PREFIX}${body}.${mac(key, body)}`, claims };
}

/** The claims of a valid, unexpired token, or why it is refused. */
export function verifyToken(
  key: string,
  token: string,
  nowSeconds: number,
): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
  if (!token.startsWith(PREFIX) || token.length > 1024) return { ok: false, problem: 'malformed' };
  const [body, signature, ...rest] = token.slice(PREFIX.length).split('.');
  if (body === undefined || signature === undefined || rest.length > 0)
    return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, problem: 'bad-signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (typeof claims?.sub !== 'string' || typeof claims.exp !== 'number')
    return { ok: false, problem: 'malformed' };
  if (claims.exp <= nowSeconds) return { ok: false, problem: 'expired' };
  return { ok: true, claims };
}

const mac = (key: string, body: string): string =>
  createHmac('sha256', key).update(body).digest('base64url');
