import type { Sandbox } from '@eduvn/sandbox';
import { HttpResponse, http, type RequestHandler } from 'msw';

/** The base URL the handlers answer by default: a name no real service uses. */
export const SANDBOX_BASE_URL = 'https://csdl.sandbox.eduvn.test';

/** Options of {@link sandboxHandlers}. */
export interface SandboxHandlersOptions {
  /**
   * The base URL your code calls the city database at (default {@link SANDBOX_BASE_URL}); a path
   * after the host (`https://csdl.example.vn/api`) is taken off before the sandbox sees the request.
   */
  readonly baseUrl?: string;
}

/**
 * msw handlers that answer every request to the city database from an `@eduvn/sandbox` running
 * in-process — the real server's behaviour (validation, identifiers, idempotency, events, faults)
 * without a port. A dropped connection (an injected fault) reaches your code as a network error,
 * as it would from a real server.
 *
 * @example
 * ```ts
 * const server = setupServer(...sandboxHandlers(sandbox, { baseUrl: 'https://csdl.example.vn' }));
 * server.listen({ onUnhandledRequest: 'error' });
 * ```
 */
export function sandboxHandlers(
  sandbox: Sandbox,
  options: SandboxHandlersOptions = {},
): RequestHandler[] {
  const base = new URL(options.baseUrl ?? SANDBOX_BASE_URL);
  const prefix = base.pathname.replace(/\/+$/, '');
  const origin = base.origin;
  return [
    http.all(`${origin}${prefix}/*`, async ({ request }) => {
      const url = new URL(request.url);
      url.pathname = url.pathname.slice(prefix.length) || '/';
      const inner = new Request(url, request);
      const response = await sandbox.handle(inner);
      return response.type === 'error' ? HttpResponse.error() : response;
    }),
  ];
}
