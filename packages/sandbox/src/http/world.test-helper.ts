import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Credentials,
  createSandbox,
  type Sandbox,
  type SandboxOptions,
  type SandboxServer,
} from '../sandbox.ts';

/** 2 March 2026, 09:00 in Vietnam: inside school year 2025-2026, the fixtures' default year. */
export const T0 = Date.parse('2026-03-02T09:00:00+07:00');

/** The Sở and the Phòng of every world. */
export const SO = '79';
export const PHONG = '79-P1';

/** The TRUONG_ID of the world's `i`-th school (8 digits, generated, not a real school). */
export const schoolId = (i: number): string => `7990${String(i + 1).padStart(4, '0')}`;

/** A fresh temporary directory under the OS's; removed by {@link removeDir}. */
export function tempDir(prefix = 'eduvn-sandbox-http-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a temporary directory and everything in it (SQLite's -wal and -shm files too). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A body to send: JSON (an object or array, serialised), or raw text, bytes or a stream. */
export type Body = object | string | Uint8Array | ReadableStream<Uint8Array>;

/** Options of one request. */
export interface RequestOptions {
  /** The bearer token (none: an anonymous request). */
  readonly token?: string;
  /** The body: an object is sent as JSON with `Content-Type: application/json`. */
  readonly body?: Body;
  /** More headers (they win over the defaults). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The Idempotency-Key of a POST (default: a new UUID for every POST but the token request); `null` sends none. */
  readonly idempotencyKey?: string | null;
}

/** An answer read in full. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed JSON body (`undefined` when the body is empty or not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: answers of many shapes, read by tests
  readonly body: any;
}

/** Sends one request with Node's global `fetch` and reads the whole answer. */
export async function send(
  base: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  let body: BodyInit | undefined;
  const given = options.body;
  if (given !== undefined) {
    if (
      typeof given === 'string' ||
      given instanceof Uint8Array ||
      given instanceof ReadableStream
    ) {
      body = given as BodyInit;
    } else {
      body = JSON.stringify(given);
      headers['content-type'] = 'application/json';
    }
  }
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (method === 'POST' && path !== '/v1/token' && options.idempotencyKey !== null)
    headers['idempotency-key'] = options.idempotencyKey ?? crypto.randomUUID();
  Object.assign(headers, options.headers);
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (body !== undefined) init.body = body;
  if (body instanceof ReadableStream) init.duplex = 'half';
  const response = await fetch(new URL(path, base), init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** A bearer token for an account, over HTTP. */
export async function tokenOf(base: string, credentials: Credentials): Promise<string> {
  const answer = await send(base, 'POST', '/v1/token', {
    body: {
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    },
  });
  if (answer.status !== 200)
    throw new Error(`token for ${credentials.clientId}: ${answer.status} ${answer.text}`);
  return answer.body.access_token as string;
}

/** The units and accounts of a world: a Sở, a Phòng, and schools under the Phòng. */
export interface WorldAccounts {
  /** The Sở's `quan-tri` account: reads and writes every school. */
  readonly so: Credentials;
  /** The Sở's `khai-thac` (read-only) account. */
  readonly soRead: Credentials;
  /** Each school's `quan-tri` account, by index. */
  readonly school: readonly Credentials[];
  /** Each school's `khai-thac` account, by index. */
  readonly schoolRead: readonly Credentials[];
}

/** Adds the Sở, the Phòng and `schools` schools to a sandbox, with their accounts. */
export function populate(sandbox: Sandbox, schools: number): WorldAccounts {
  sandbox.addUnit({ id: SO, kind: 'so', name: 'Sở GD&ĐT (sandbox)' });
  sandbox.addUnit({ id: PHONG, kind: 'phong', name: 'Phòng GD&ĐT Khu vực 1', parentId: SO });
  const school: Credentials[] = [];
  const schoolRead: Credentials[] = [];
  for (let i = 0; i < schools; i++) {
    const id = schoolId(i);
    sandbox.addUnit({ id, kind: 'truong', name: `Trường Tiểu học số ${i + 1}`, parentId: PHONG });
    school.push(sandbox.addAccount({ kind: 'quan-tri', unitId: id, clientId: `${id}-quan-tri` }));
    schoolRead.push(
      sandbox.addAccount({ kind: 'khai-thac', unitId: id, clientId: `${id}-khai-thac` }),
    );
  }
  return {
    so: sandbox.addAccount({ kind: 'quan-tri', unitId: SO, clientId: `${SO}-quan-tri` }),
    soRead: sandbox.addAccount({ kind: 'khai-thac', unitId: SO, clientId: `${SO}-khai-thac` }),
    school,
    schoolRead,
  };
}

/** A sandbox on a file database in its own temporary directory, listening on 127.0.0.1. */
export interface HttpWorld {
  readonly sandbox: Sandbox;
  readonly server: SandboxServer;
  /** The base URL (`http://127.0.0.1:<port>`). */
  readonly url: string;
  /** The temporary directory, and the database file in it. */
  readonly dir: string;
  readonly db: string;
  /** The schools' TRUONG_IDs. */
  readonly schools: readonly string[];
  readonly accounts: WorldAccounts;
  /** Tokens of the Sở (`so`, `soRead`) and of each school (`school[i]`, `schoolRead[i]`). */
  readonly tokens: {
    readonly so: string;
    readonly soRead: string;
    readonly school: readonly string[];
    readonly schoolRead: readonly string[];
  };
  /** Sends a request to the world's server. */
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  /** Stops the server, closes the database and removes the directory (safe to call twice). */
  close(): Promise<void>;
}

/** Options of {@link httpWorld}: the sandbox's, and how many schools. */
export interface WorldOptions extends SandboxOptions {
  /** How many schools (default 2). */
  readonly schools?: number;
}

/**
 * A world for one test: a sandbox on a file database in a new temporary directory (rate limiting
 * off, the clock at {@link T0} unless given), with a Sở, a Phòng and schools with their accounts,
 * listening on a free port of 127.0.0.1, and a token for every account.
 */
export async function httpWorld(options: WorldOptions = {}): Promise<HttpWorld> {
  const { schools: count = 2, ...sandboxOptions } = options;
  const dir = tempDir();
  const db = join(dir, 'sandbox.db');
  const sandbox = createSandbox({ rateLimit: false, now: () => T0, db, ...sandboxOptions });
  const accounts = populate(sandbox, count);
  const server = await sandbox.listen({ port: 0 });
  const url = server.url;
  const all = (list: readonly Credentials[]) => Promise.all(list.map((c) => tokenOf(url, c)));
  const tokens = {
    so: await tokenOf(url, accounts.so),
    soRead: await tokenOf(url, accounts.soRead),
    school: await all(accounts.school),
    schoolRead: await all(accounts.schoolRead),
  };
  let closed = false;
  return {
    sandbox,
    server,
    url,
    dir,
    db,
    schools: Array.from({ length: count }, (_, i) => schoolId(i)),
    accounts,
    tokens,
    request: (method, path, o) => send(url, method, path, o),
    async close() {
      if (closed) return;
      closed = true;
      await server.close().catch(() => {});
      sandbox.close();
      removeDir(dir);
    },
  };
}
