import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { defaultRuleCatalogs } from '@eduvn/rules';
import type { Catalogs } from '@eduvn/standard';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { hashSecret, newSecret } from './auth/secrets.ts';
import { newSigningKey } from './auth/tokens.ts';
import { LIMITS } from './contract/limits.ts';
import { PROBLEM_TYPES, problemTypeUri } from './contract/problems.ts';
import type { AccountKind } from './domain/account.ts';
import { Directory } from './domain/directory.ts';
import { SandboxError } from './errors.ts';
import { createApp } from './server/app.ts';
import type { SandboxLogger } from './server/deps.ts';
import type { SandboxEnv } from './server/env.ts';
import { DROPPED_HEADER, FaultInjector, type FaultOptions } from './server/faults.ts';
import { seededRandom } from './server/random.ts';
import { RateLimiter, type RateLimitOptions } from './server/rate-limit.ts';
import { type Durability, openDatabase } from './store/database.ts';
import { SandboxStore, type Unit } from './store/store.ts';

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** The SQLite database: a file path (kept across restarts) or `':memory:'` (the default). */
  readonly db?: string;
  /** How hard commits try to reach the disk (default `'process'`: survives a killed process). */
  readonly durability?: Durability;
  /**
   * The push deadline in hours (default 48). The 48 hours come from the seed regulation (Art. 6
   * cl. 2) and may be a local rule, hence the setting.
   */
  readonly deadlineHours?: number;
  /** How long a token lives, in seconds (default 3600). */
  readonly tokenTtlSeconds?: number;
  /** Faults to inject (all off by default; a request may still ask with `X-Eduvn-Fault`). */
  readonly faults?: FaultOptions;
  /** Requests per account (default 100/s, bursts of 200); `false` turns rate limiting off. */
  readonly rateLimit?: RateLimitOptions | false;
  /** The clock, milliseconds since the epoch (default `Date.now`); tests move time with it. */
  readonly now?: () => number;
  /** The catalogs codes are checked against (default: the bundled ones and administrative units). */
  readonly catalogs?: Catalogs;
  /** Where unexpected server errors are reported (default: nowhere). */
  readonly logger?: SandboxLogger;
}

/** An account to create: its kind and unit; the id and secret are made when not given. */
export interface AccountInput {
  /** The client id (default: made from the unit and kind). */
  readonly clientId?: string;
  /** `'quan-tri'` (reads and writes) or `'khai-thac'` (reads only). */
  readonly kind: AccountKind;
  /** The unit that issues it: a school, a Phòng or a Sở. */
  readonly unitId: string;
  /** The holder's name (default: the client id). */
  readonly name?: string;
  /** The secret (default: 32 random bytes). */
  readonly secret?: string;
}

/** An account's credentials: give them to the client. The secret is shown once and kept only hashed. */
export interface Credentials {
  /** The client id. */
  readonly clientId: string;
  /** The secret. */
  readonly clientSecret: string;
}

/** An account as {@link Sandbox.accounts} lists it (never its secret). */
export interface AccountSummary {
  /** The client id. */
  readonly clientId: string;
  /** Its kind. */
  readonly kind: AccountKind;
  /** The unit that issued it. */
  readonly unitId: string;
  /** The holder's name. */
  readonly name: string;
}

/** A listening sandbox. */
export interface SandboxServer {
  /** Its base URL (`http://127.0.0.1:4010`). */
  readonly url: string;
  /** The port. */
  readonly port: number;
  /** Stops listening (open connections are closed). */
  close(): Promise<void>;
}

/** A sandbox: the app, its store, and what its administrator (a Sở, in real life) does. */
export interface Sandbox {
  /** The Hono app (`app.fetch(request)` answers in-process). */
  readonly app: Hono<SandboxEnv>;
  /**
   * Answers a request in-process as `fetch` would over the network: a relative URL is taken from
   * `http://sandbox.local`, and an injected dropped connection throws a `TypeError` as `fetch`
   * does. Give it to a client as its `fetch`.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Answers a request in-process; a dropped connection is `Response.error()` (what msw expects). */
  handle(request: Request): Promise<Response>;
  /** Adds or changes an organisation unit (a Sở, a Phòng, a school whose id is its TRUONG_ID). */
  addUnit(unit: Unit): void;
  /** Creates (or, for an existing client id, re-issues) an account; returns its credentials. */
  addAccount(input: AccountInput): Credentials;
  /** The units. */
  units(): Unit[];
  /** The accounts (without secrets). */
  accounts(): AccountSummary[];
  /** Serves the app over HTTP (default `127.0.0.1`, a free port). */
  listen(options?: { readonly port?: number; readonly hostname?: string }): Promise<SandboxServer>;
  /** Closes the database (stop any server first). */
  close(): void;
}

const BASE = 'http://sandbox.local';

/** A dropped connection, as `fetch` reports one. */
function droppedError(): TypeError {
  const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  return new TypeError('fetch failed', { cause });
}

/**
 * Creates a sandbox: a local city education database implementing the eduvn API contract over
 * SQLite. Start it with no units or accounts and add them (`addUnit`, `addAccount`), or fill it
 * with the demo (`seedDemo`). Throws a {@link SandboxError} when the database cannot be used.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox();
 * sandbox.addUnit({ id: '79', kind: 'so', name: 'Sở GD&ĐT TP. Hồ Chí Minh' });
 * sandbox.addUnit({ id: '79000701', kind: 'truong', name: 'Trường Tiểu học Kim Đồng', parentId: '79' });
 * const { clientId, clientSecret } = sandbox.addAccount({ kind: 'quan-tri', unitId: '79000701' });
 * const server = await sandbox.listen({ port: 4010 });
 * ```
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const deadlineHours = options.deadlineHours ?? 48;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  if (!(deadlineHours > 0))
    throw new SandboxError('config', 'deadlineHours must be a positive number of hours');
  if (!(Number.isInteger(tokenTtlSeconds) && tokenTtlSeconds > 0))
    throw new SandboxError('config', 'tokenTtlSeconds must be a whole number of seconds > 0');
  let faults: FaultInjector;
  let rateLimiter: RateLimiter | undefined;
  try {
    faults = new FaultInjector(options.faults ?? {}, seededRandom(options.faults?.seed ?? 1));
    rateLimiter =
      options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? {});
  } catch (error) {
    throw new SandboxError('config', (error as Error).message, { cause: error });
  }
  const store = new SandboxStore(openDatabase(options.db ?? ':memory:', options.durability));
  let signingKey = store.meta('signing-key');
  if (signingKey === undefined) {
    signingKey = newSigningKey();
    store.setMeta('signing-key', signingKey);
  }
  let directory = new Directory(store.units());
  // Answers kept for idempotency keys are forgotten after LIMITS.idempotencyHours.
  const clock = options.now ?? Date.now;
  const purge = (): void => {
    if (store.db.open)
      store.purgeIdempotency(new Date(clock() - LIMITS.idempotencyHours * 3_600_000).toISOString());
  };
  purge();
  const purger = setInterval(purge, 3_600_000);
  purger.unref();
  const app = createApp({
    store,
    directory: () => directory,
    now: clock,
    deadlineHours,
    tokenTtlSeconds,
    signingKey,
    faults,
    rateLimiter,
    catalogs: options.catalogs ?? defaultRuleCatalogs(),
    logger: options.logger,
  });

  // In-process, nobody drains a body the app did not read: cancel it, as a server closes a
  // request's stream, so that a caller waiting on its own copy of the body (ky does) is released.
  const answer = async (request: Request): Promise<Response> => {
    const response = await app.fetch(request, {});
    // Not awaited: a body teed by the caller (msw does) settles only when every branch is done.
    if (request.body && !request.body.locked) request.body.cancel().catch(() => {});
    return response;
  };
  const handle = async (request: Request): Promise<Response> => {
    const response = await answer(request);
    return response.headers.has(DROPPED_HEADER) ? Response.error() : response;
  };

  return {
    app,
    handle,
    async fetch(input, init) {
      // A Request keeps its method, headers and body (init may add to them); a text or URL is
      // taken from the sandbox's own origin when relative.
      const request =
        input instanceof Request
          ? init === undefined
            ? input
            : new Request(input, init)
          : new Request(new URL(String(input), BASE), init);
      const response = await answer(request);
      if (response.headers.has(DROPPED_HEADER)) throw droppedError();
      return response;
    },
    addUnit(unit) {
      if (!['so', 'phong', 'truong'].includes(unit.kind))
        throw new SandboxError(
          'config',
          `A unit's kind is so, phong or truong, not ${JSON.stringify(unit.kind)}`,
        );
      if (unit.parentId !== undefined && !directory.unit(unit.parentId))
        throw new SandboxError(
          'config',
          `Unit ${unit.id}: its parent ${unit.parentId} does not exist; add it first`,
        );
      store.putUnit(unit);
      directory = new Directory(store.units());
    },
    addAccount(input) {
      const unit = directory.unit(input.unitId);
      if (!unit)
        throw new SandboxError('config', `No unit ${JSON.stringify(input.unitId)}: add it first`);
      if (input.kind !== 'quan-tri' && input.kind !== 'khai-thac')
        throw new SandboxError(
          'config',
          `An account's kind is quan-tri or khai-thac, not ${JSON.stringify(input.kind)}`,
        );
      const clientId =
        input.clientId ?? `${unit.id}-${input.kind}-${randomBytes(3).toString('hex')}`;
      const clientSecret = input.secret ?? newSecret();
      store.putAccount({
        clientId,
        secretHash: hashSecret(clientSecret),
        kind: input.kind,
        unitId: unit.id,
        name: input.name ?? clientId,
        createdAt: new Date().toISOString(),
      });
      return { clientId, clientSecret };
    },
    units: () => store.units(),
    accounts: () =>
      store
        .accounts()
        .map(({ clientId, kind, unitId, name }) => ({ clientId, kind, unitId, name })),
    async listen(listenOptions = {}) {
      const hostname = listenOptions.hostname ?? '127.0.0.1';
      const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const s = serve(
          {
            fetch: app.fetch,
            port: listenOptions.port ?? 0,
            hostname,
            // Never replace the host's global Request/Response (msw and others rely on them).
            overrideGlobalObjects: false,
          },
          () => resolve(s),
        );
        s.once('error', reject);
      });
      // What Node's HTTP parser refuses (a bare CR in a header, headers too large) is answered
      // with a problem document too, and the connection closed.
      server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
        if (!socket.writable) return;
        const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
        const correlationId = randomUUID();
        const body = JSON.stringify({
          type: problemTypeUri('malformed-request'),
          title: PROBLEM_TYPES['malformed-request'].title,
          titleVi: PROBLEM_TYPES['malformed-request'].titleVi,
          status,
          detail:
            status === 431
              ? 'The request headers are too large'
              : 'The HTTP request cannot be parsed',
          instance: '',
          correlationId,
        });
        socket.end(
          `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
            `content-type: application/problem+json; charset=utf-8\r\nx-correlation-id: ${correlationId}\r\n` +
            `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        );
      });
      const { port } = server.address() as AddressInfo;
      const host = hostname.includes(':') ? `[${hostname}]` : hostname;
      return {
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((resolve, reject) => {
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close((error) => (error ? reject(error) : resolve()));
          }),
      };
    },
    close: () => {
      clearInterval(purger);
      store.close();
    },
  };
}
