import { toVietnamTime } from '@eduvn/rules';
import type { Context } from 'hono';
import { type Access, authorize } from '../domain/permissions.ts';
import type { WriteEnv } from '../domain/write.ts';
import type { AppDeps } from './deps.ts';
import type { SandboxEnv } from './env.ts';

/** Refuses (403) a request outside the account's scope or a write by a read-only account. */
export function allow(
  c: Context<SandboxEnv>,
  deps: AppDeps,
  truongId: string,
  access: Access,
): void {
  authorize(deps.directory(), c.var.account, truongId, access);
}

/** The write environment of a request. */
export function writeEnv(c: Context<SandboxEnv>, deps: AppDeps): WriteEnv {
  return {
    store: deps.store,
    account: c.var.account,
    receivedAt: new Date(c.var.receivedMs).toISOString(),
    asOf: toVietnamTime(c.var.receivedMs).slice(0, 10),
  };
}

/** The settings of the record rules for a request. */
export function checkSettings(c: Context<SandboxEnv>, deps: AppDeps) {
  return {
    asOf: toVietnamTime(c.var.receivedMs).slice(0, 10),
    deadlineHours: deps.deadlineHours,
    ...(deps.catalogs ? { catalogs: deps.catalogs } : {}),
  };
}
