import { AuthError } from './errors.ts';
import { type ClientLogger, log } from './logger.ts';
import type { TokenSource, Transport } from './transport.ts';

/** Client credentials issued by the Phòng or Sở (seed regulation Art. 7). */
export interface ClientCredentials {
  /** The client id. */
  readonly clientId: string;
  /** The secret (never logged, never in an error). */
  readonly clientSecret: string;
}

/** Tokens the host application manages itself. */
export interface TokenCredentials {
  /** Gives a valid bearer token; called before requests and again after a 401. */
  readonly getToken: (signal?: AbortSignal) => string | Promise<string>;
}

/** How the client authenticates. */
export type Credentials = ClientCredentials | TokenCredentials;

interface Cached {
  readonly token: string;
  /** When to get a new one (before it expires). */
  readonly refreshAt: number;
}

/**
 * Tokens from `POST /v1/token` (OAuth 2.0 client credentials): obtained on first use, cached,
 * refreshed `refreshMarginMs` before they expire, one request shared by every call that needs a
 * token at the same time.
 */
export class ClientCredentialsTokens implements TokenSource {
  readonly #credentials: ClientCredentials;
  readonly #transport: Transport;
  readonly #now: () => number;
  readonly #margin: number;
  readonly #logger: ClientLogger | undefined;
  #cached: Cached | undefined;
  #pending: Promise<Cached> | undefined;

  constructor(
    credentials: ClientCredentials,
    transport: Transport,
    options: { now: () => number; refreshMarginMs: number; logger: ClientLogger | undefined },
  ) {
    if (typeof credentials.clientId !== 'string' || credentials.clientId === '')
      throw new TypeError('credentials.clientId must be a non-empty text');
    if (typeof credentials.clientSecret !== 'string' || credentials.clientSecret === '')
      throw new TypeError('credentials.clientSecret must be a non-empty text');
    this.#credentials = credentials;
    this.#transport = transport;
    this.#now = options.now;
    this.#margin = options.refreshMarginMs;
    this.#logger = options.logger;
  }

  async get(signal?: AbortSignal): Promise<string> {
    const cached = this.#cached;
    if (cached && this.#now() < cached.refreshAt) return cached.token;
    this.#pending ??= this.#fetch(signal).finally(() => {
      this.#pending = undefined;
    });
    return (await this.#pending).token;
  }

  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  async #fetch(signal?: AbortSignal): Promise<Cached> {
    const { body, metadata } = await this.#transport.call<{
      access_token?: unknown;
      expires_in?: unknown;
    }>({
      operation: 'token',
      method: 'POST',
      path: '/v1/token',
      form: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.#credentials.clientId,
        client_secret: this.#credentials.clientSecret,
      }),
      auth: false,
      ...(signal ? { signal } : {}),
    });
    const token = body?.access_token;
    const expiresIn = typeof body?.expires_in === 'number' ? body.expires_in : 300;
    if (typeof token !== 'string' || token === '')
      throw new AuthError('The token answer holds no access_token', { metadata });
    const lifetime = expiresIn * 1000;
    const cached = {
      token,
      refreshAt: this.#now() + Math.max(lifetime / 2, lifetime - this.#margin),
    };
    this.#cached = cached;
    log(this.#logger, 'info', 'eduvn: token obtained', {
      clientId: this.#credentials.clientId,
      expiresIn,
    });
    return cached;
  }
}

/** Tokens from the host's own `getToken` (asked again after a 401). */
export class HostTokens implements TokenSource {
  readonly #get: TokenCredentials['getToken'];

  constructor(credentials: TokenCredentials) {
    if (typeof credentials.getToken !== 'function')
      throw new TypeError('credentials.getToken must be a function');
    this.#get = credentials.getToken;
  }

  async get(signal?: AbortSignal): Promise<string> {
    const token = await this.#get(signal);
    if (typeof token !== 'string' || token === '') throw new TypeError('getToken gave no token');
    return token;
  }

  invalidate(): void {
    // The host's getToken decides; it is asked again on the next attempt.
  }
}
