/**
 * The world of the proof: a sandbox (the city database) that knows the schools, reached in-process
 * (`sandbox.fetch`), through msw handlers (`sandbox.handle`), or over real HTTP on loopback
 * (`sandbox.listen()`); a client that goes through the faults, and a clean one that asks for none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClientOptions, createClient, type EduvnClient } from '@eduvn/client';
import {
  type Credentials,
  createSandbox,
  type FaultOptions,
  type Sandbox,
  type SandboxServer,
} from '@eduvn/sandbox';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { NOW, type SchoolSource, SO } from './workload.test-helper.ts';

/** How the client reaches the sandbox. */
export type TransportKind = 'in-process' | 'msw' | 'http';

/** The base URL msw answers for (a name no real service uses). */
export const MSW_BASE_URL = 'https://csdl.proof.eduvn.test';

/** A sandbox with a Sở and schools, and an account of the Sở that writes to all of them. */
export function proofSandbox(
  schools: readonly Pick<SchoolSource, 'truongId'>[],
  options: { readonly faults?: FaultOptions; readonly db?: string } = {},
): { sandbox: Sandbox; credentials: Credentials } {
  const sandbox = createSandbox({
    rateLimit: false,
    now: () => NOW,
    ...(options.db === undefined ? {} : { db: options.db }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
  });
  sandbox.addUnit({ id: SO, kind: 'so', name: 'Sở GD&ĐT (proof)' });
  for (const { truongId } of schools)
    sandbox.addUnit({ id: truongId, kind: 'truong', name: `Trường ${truongId}`, parentId: SO });
  return { sandbox, credentials: sandbox.addAccount({ kind: 'quan-tri', unitId: SO }) };
}

/** `fetch` with `X-Eduvn-Fault: none` on every request: reads the state whatever the fault rates. */
export function faultFree(fetchFn: typeof fetch): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('x-eduvn-fault', 'none');
    return fetchFn(request);
  };
}

/** The msw server, started once per file that uses it (it patches the global `fetch`). */
let mswServer: ReturnType<typeof setupServer> | undefined;
let mswTarget: Sandbox | undefined;

/** Starts msw answering {@link MSW_BASE_URL} from whichever sandbox {@link connect} set last. */
export function startMsw(): () => void {
  mswServer = setupServer(
    http.all(`${MSW_BASE_URL}/*`, async ({ request }) => {
      if (!mswTarget) return HttpResponse.error();
      const response = await mswTarget.handle(new Request(request.url, request));
      return response.type === 'error' ? HttpResponse.error() : response;
    }),
  );
  mswServer.listen({ onUnhandledRequest: 'bypass' });
  return () => {
    mswServer?.close();
    mswServer = undefined;
  };
}

/** How a client reaches a sandbox: its base URL and `fetch`, and how to stop. */
export interface Connection {
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  close(): Promise<void>;
}

/** Connects to a sandbox the given way (`'msw'` needs {@link startMsw} first). */
export async function connect(sandbox: Sandbox, kind: TransportKind): Promise<Connection> {
  if (kind === 'in-process')
    return { baseUrl: 'http://sandbox.local', fetch: sandbox.fetch, close: async () => {} };
  if (kind === 'msw') {
    if (!mswServer) throw new Error('startMsw() first');
    mswTarget = sandbox;
    return {
      baseUrl: MSW_BASE_URL,
      fetch: (input, init) => globalThis.fetch(input, init),
      close: async () => {
        mswTarget = undefined;
      },
    };
  }
  const server: SandboxServer = await sandbox.listen();
  return {
    baseUrl: server.url,
    fetch: (input, init) => globalThis.fetch(input, init),
    close: () => server.close(),
  };
}

/** A client of the connection (faults and all). */
export function clientOf(
  connection: Connection,
  credentials: Credentials,
  options: Partial<ClientOptions> = {},
): EduvnClient {
  return createClient({
    baseUrl: connection.baseUrl,
    credentials,
    fetch: connection.fetch,
    ...options,
  });
}

/** A client that asks for no fault: to read the state. */
export function cleanClientOf(connection: Connection, credentials: Credentials): EduvnClient {
  return createClient({
    baseUrl: connection.baseUrl,
    credentials,
    fetch: faultFree(connection.fetch),
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
}

/** A temporary directory, and its removal. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `eduvn-proof-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
