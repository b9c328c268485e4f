import type { Account } from '../domain/account.ts';
import type { FaultPlan } from './faults.ts';

/**
 * What the Node adapter passes to the app (`@hono/node-server`'s bindings): the raw request and
 * response, so that a dropped connection can be simulated by destroying the socket. Absent when
 * the app runs in-process (`app.fetch`).
 */
export interface SandboxBindings {
  /** The Node request. */
  readonly incoming?: SandboxIncoming;
}

/** What the sandbox uses of a Node request. */
export interface SandboxIncoming {
  /** Its socket. */
  readonly socket?: SandboxSocket;
}

/** What the sandbox uses of a request's socket. */
export interface SandboxSocket {
  /** Closes the connection at once (the fault "dropped connection"). */
  destroy(): void;
  /** The client's address (the rate limit of token requests is per address). */
  readonly remoteAddress?: string;
}

/** Per-request values the middleware sets for the handlers. */
export interface SandboxVariables {
  /** The request's correlation id. */
  correlationId: string;
  /** When the request arrived (milliseconds since the epoch, the sandbox clock). */
  receivedMs: number;
  /** The faults planned for this request. */
  fault: FaultPlan;
  /** The account, once its token is verified. */
  account: Account;
}

/** The Hono environment of the sandbox app. */
export interface SandboxEnv {
  /** Node bindings, when served over HTTP. */
  Bindings: SandboxBindings;
  /** Per-request values. */
  Variables: SandboxVariables;
}
