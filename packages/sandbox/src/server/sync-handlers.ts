import { resourceOf } from '../contract/resources.ts';
import type { ChangeEntry } from '../contract/results.ts';
import { parseBatch, runBatch } from '../domain/batch.ts';
import { authorize, requireSupervisor } from '../domain/permissions.ts';
import { keyObject, keyValues, storedKey } from '../domain/stored.ts';
import type { SchoolFilter, StoredChange } from '../store/store.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import { dropConnection, idempotencyKeyOf, mutate } from './mutation.ts';
import { pageSize, position } from './paging.ts';
import { ApiProblem } from './problem.ts';
import type { Handler } from './record-handlers.ts';
import { checkSettings, writeEnv } from './scope.ts';

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

function changeEntry(change: StoredChange): ChangeEntry {
  const resource = resourceOf(change.entity);
  return {
    seq: change.seq,
    type: change.type,
    truongId: change.truongId,
    entity: change.entity,
    key: resource ? keyObject(resource, keyValues(change.key)) : {},
    ...(change.version === null ? {} : { version: change.version }),
    occurredAt: change.occurredAt,
    receivedAt: change.receivedAt,
    late: change.late,
    data: change.data === null ? {} : (JSON.parse(change.data) as ChangeEntry['data']),
  };
}

/** A date or date-time query value as an ISO instant; 400 when it is neither. */
function instant(raw: string | undefined, fallback: number, name: string): string {
  if (raw === undefined || raw === '') return new Date(fallback).toISOString();
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms))
    throw new ApiProblem('malformed-request', `${name} must be an ISO 8601 date or date-time`);
  return new Date(ms).toISOString();
}

/** The handlers of batches, the delta feed, late pushes, the audit log and the school list. */
export function syncHandlers(deps: AppDeps): Record<string, Handler> {
  const { store } = deps;
  const scopeOf = (unitId: string): SchoolFilter => deps.directory().schoolsOf(unitId);

  return {
    submitBatch: async (c) => {
      const body = await readJson(c.req.raw);
      const items = parseBatch(body.value);
      const env = writeEnv(c, deps);
      const options = {
        authorize: (truongId: string, access: 'read' | 'write') =>
          authorize(deps.directory(), c.var.account, truongId, access),
        checks: checkSettings(c, deps),
      };
      const fault = c.var.fault;
      if (fault.partial !== undefined) {
        // The fault "a batch applied in part": some items are committed, then the connection
        // drops and nothing is stored under the Idempotency-Key, so a retry applies the rest.
        idempotencyKeyOf(c, true);
        const n =
          fault.partial < 0
            ? deps.faults.partialCount(items.length)
            : Math.min(fault.partial, items.length);
        store.transaction(() => runBatch(env, items, { ...options, applyOnly: n }));
        return dropConnection(c);
      }
      return mutate(c, deps, { required: true, bodyText: body.text, action: 'batch' }, () => {
        const result = runBatch(env, items, options);
        const schools = [
          ...new Set(result.results.flatMap((r) => ('truongId' in r ? [r.truongId] : []))),
        ];
        return {
          status: 200,
          body: result,
          ...(schools.length === 1 ? { truongId: schools[0] as string } : {}),
          audit: {
            items: items.length,
            summary: result.summary,
            schools: schools.slice(0, 50),
            keys: result.results
              .slice(0, 100)
              .map((r) =>
                'key' in r
                  ? { entity: r.entity, key: r.key, outcome: r.outcome }
                  : { outcome: r.outcome },
              ),
          },
        };
      });
    },

    listChanges: (c) => {
      const account = c.var.account;
      const since = position(c.req.query('since'), 'since');
      const limit = pageSize(c.req.query('limit'));
      const truongId = c.req.query('truongId');
      let schools: SchoolFilter = scopeOf(account.unit.id);
      if (truongId !== undefined) {
        authorize(deps.directory(), account, truongId, 'read');
        schools = [truongId];
      }
      const rows = store.changes(since, schools, limit + 1);
      const page = rows.slice(0, limit);
      return json({
        data: page.map(changeEntry),
        next: String(page.at(-1)?.seq ?? since),
        hasMore: rows.length > limit,
      });
    },

    listLatePushes: (c) => {
      const now = c.var.receivedMs;
      const from = instant(c.req.query('from'), now - 30 * 86_400_000, 'from');
      const to = instant(c.req.query('to'), now + 1, 'to');
      const rows = store.late(scopeOf(c.var.account.unit.id), from, to);
      return json({
        from,
        to,
        deadlineHours: deps.deadlineHours,
        data: rows.map((r) => ({
          truongId: r.truongId,
          changes: r.changes,
          late: r.late,
          maxDelayHours: Math.round((r.maxDelayMs / 3_600_000) * 100) / 100,
          lastLateAt: r.lastLateAt,
        })),
      });
    },

    listAudit: (c) => {
      const account = c.var.account;
      requireSupervisor(account, 'the audit log');
      const since = position(c.req.query('since'), 'since');
      const limit = pageSize(c.req.query('limit'));
      const rows = store.audit(since, scopeOf(account.unit.id), limit + 1);
      const page = rows.slice(0, limit);
      return json({
        data: page.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown })),
        next: String(page.at(-1)?.seq ?? since),
        hasMore: rows.length > limit,
      });
    },

    listSchools: (c) => {
      const directory = deps.directory();
      const data = directory.schoolsOf(c.var.account.unit.id).map((id) => {
        const unit = directory.unit(id);
        return {
          truongId: id,
          name: unit?.name ?? id,
          parentId: unit?.parentId ?? null,
          pushed: store.record(id, 'Truong', storedKey([])) !== undefined,
        };
      });
      return json({ data });
    },
  };
}
