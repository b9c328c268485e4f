/**
 * The eduvn sandbox in your tests: a ready-made sandbox with one generated school and its
 * accounts (`createSandboxWorld`), and msw handlers that answer your code's calls to the city
 * database from it in-process (`sandboxHandlers`). msw is an optional peer dependency: only this
 * entry needs it.
 *
 * @packageDocumentation
 */

export {
  SANDBOX_BASE_URL,
  type SandboxHandlersOptions,
  sandboxHandlers,
} from './msw.ts';
export {
  createSandboxWorld,
  type SandboxWorld,
  type SandboxWorldCredentials,
  type SandboxWorldOptions,
} from './sandbox-world.ts';
