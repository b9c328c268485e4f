import { isProvisionalId, personalIdOf } from '@eduvn/rules';
import { maskText, wireToRecord } from '@eduvn/standard';
import type { Context } from 'hono';
import { itemPath, type Resource, resourceOf } from '../contract/resources.ts';
import type { RecordView } from '../contract/results.ts';
import { checkRecords } from '../domain/checks.ts';
import { recordEvent } from '../domain/events.ts';
import { readIssue } from '../domain/issues.ts';
import { keyObject, keyValues, storedKey, wireOf } from '../domain/stored.ts';
import { upsert } from '../domain/write.ts';
import type { StoredRecord } from '../store/store.ts';
import { readJson } from './body.ts';
import type { AppDeps } from './deps.ts';
import type { SandboxEnv } from './env.ts';
import { mutate } from './mutation.ts';
import { decodeCursor, encodeCursor, pageSize } from './paging.ts';
import { ApiProblem } from './problem.ts';
import { allow, checkSettings, writeEnv } from './scope.ts';

/** A route handler of the sandbox. */
export type Handler = (c: Context<SandboxEnv>) => Response | Promise<Response>;

const EVENTS = resourceOf('SuKienTrangThai') as Resource;

/** The key values of the path, a provisional pupil identifier replaced by its issued code. */
function pathKey(
  c: Context<SandboxEnv>,
  deps: AppDeps,
  resource: Resource,
  truongId: string,
): string[] {
  return resource.keyFields.map((field) => {
    const value = c.req.param(field) ?? '';
    if (field !== 'hocSinhId' || !isProvisionalId(value)) return value;
    const alias = deps.store.alias('HocSinh', value);
    return alias && alias.truongId === truongId ? (keyValues(alias.key)[0] ?? value) : value;
  });
}

function notFound(resource: Resource, truongId: string, values: readonly string[]): ApiProblem {
  return new ApiProblem(
    'not-found',
    `No ${resource.entity} ${JSON.stringify(values.join('/').slice(0, 80))} at school ${JSON.stringify(truongId.slice(0, 20))}`,
  );
}

const view = (resource: Resource, stored: StoredRecord): RecordView => ({
  entity: stored.entity,
  truongId: stored.truongId,
  key: keyObject(resource, keyValues(stored.key)),
  version: stored.version,
  createdAt: stored.createdAt,
  updatedAt: stored.updatedAt,
  data: wireOf(stored),
});

const jsonResponse = (
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

/** `If-Match`: a version (`"3"`, `W/"3"`, `3`) or `*`; 400 when it is neither. */
function ifMatchOf(c: Context<SandboxEnv>): number | '*' | undefined {
  const raw = c.req.header('if-match');
  if (raw === undefined) return undefined;
  if (raw.trim() === '*') return '*';
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(raw);
  if (!m)
    throw new ApiProblem(
      'malformed-request',
      'If-Match must be a version this server gave ("3") or *',
    );
  return Number(m[1]);
}

/** The masked personal ID of a person record, for the audit log. */
function maskedPerson(
  entity: string,
  record: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const id = personalIdOf({ entity, record });
  return id === undefined ? {} : { personalId: maskText(id) };
}

/** The handlers of one resource, by operation id. */
export function recordHandlers(resource: Resource, deps: AppDeps): Record<string, Handler> {
  const { entity } = resource;
  const handlers: Record<string, Handler> = {};

  handlers[`get${entity}`] = (c) => {
    const truongId = c.req.param('truongId') ?? '';
    allow(c, deps, truongId, 'read');
    const values = pathKey(c, deps, resource, truongId);
    const stored = deps.store.record(truongId, entity, storedKey(values));
    if (!stored) throw notFound(resource, truongId, values);
    return jsonResponse(view(resource, stored), 200, { etag: `"${stored.version}"` });
  };

  if (resource.keyFields.length > 0) {
    handlers[`list${entity}`] = (c) => {
      const truongId = c.req.param('truongId') ?? '';
      allow(c, deps, truongId, 'read');
      const limit = pageSize(c.req.query('limit'));
      const rows = deps.store.list(
        truongId,
        entity,
        decodeCursor(c.req.query('cursor')),
        limit + 1,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return jsonResponse({
        data: page.map(wireOf),
        next: rows.length > limit && last ? encodeCursor(last.key) : null,
      });
    };
  }

  if (!resource.appendOnly) {
    handlers[`put${entity}`] = async (c) => {
      const truongId = c.req.param('truongId') ?? '';
      allow(c, deps, truongId, 'write');
      const body = await readJson(c.req.raw);
      const env = writeEnv(c, deps);
      const occurredAt = c.req.header('x-occurred-at') ?? env.receivedAt;
      const ifMatch = ifMatchOf(c);
      const { record, issues } = wireToRecord(resource.schema, body.value);
      const found = checkRecords(
        [{ resource, record, occurredAt, receivedAt: env.receivedAt }],
        checkSettings(c, deps),
      );
      return mutate(c, deps, { required: false, bodyText: body.text, action: 'upsert' }, () => {
        const { status, result } = upsert(env, {
          resource,
          truongId,
          pathKey: resource.keyFields.map((f) => c.req.param(f) ?? ''),
          record,
          issues: [...issues.map(readIssue), ...(found[0] ?? [])],
          occurredAt,
          ...(ifMatch === undefined ? {} : { ifMatch }),
        });
        return {
          status,
          body: result,
          truongId,
          headers: {
            etag: `"${result.version}"`,
            ...(status === 201
              ? { location: itemPath(resource, Object.values(result.key), truongId) }
              : {}),
          },
          audit: {
            entity,
            key: result.key,
            outcome: result.outcome,
            late: result.late,
            ...maskedPerson(entity, record),
          },
        };
      });
    };
  }

  if (resource.subject) {
    const subject = resource.subject;
    handlers[`record${entity}Event`] = async (c) => {
      const truongId = c.req.param('truongId') ?? '';
      allow(c, deps, truongId, 'write');
      const body = await readJson(c.req.raw);
      const env = writeEnv(c, deps);
      const { record, issues } = wireToRecord(EVENTS.schema, body.value);
      const recorded = record['ngayGhiNhan'];
      const occurredAt =
        c.req.header('x-occurred-at') ?? (typeof recorded === 'string' ? recorded : env.receivedAt);
      const found = checkRecords(
        [{ resource: EVENTS, record, occurredAt, receivedAt: env.receivedAt }],
        checkSettings(c, deps),
      );
      return mutate(
        c,
        deps,
        { required: true, bodyText: body.text, action: 'status-event' },
        () => {
          const { status, result } = recordEvent(env, {
            resource,
            truongId,
            personKey: c.req.param(resource.keyFields[0] as string) ?? '',
            record,
            issues: [...issues.map(readIssue), ...(found[0] ?? [])],
            occurredAt,
          });
          return {
            status,
            body: result,
            truongId,
            audit: {
              entity: EVENTS.entity,
              key: result.key,
              outcome: result.outcome,
              person: result.person.key,
              status: result.person.status,
            },
          };
        },
      );
    };

    handlers[`list${entity}Events`] = (c) => {
      const truongId = c.req.param('truongId') ?? '';
      allow(c, deps, truongId, 'read');
      const values = pathKey(c, deps, resource, truongId);
      if (!deps.store.record(truongId, entity, storedKey(values)))
        throw notFound(resource, truongId, values);
      const events = deps.store
        .eventsOf(truongId, `${subject}:${values[0] ?? ''}`)
        .map(wireOf)
        .sort(
          (a, b) =>
            String(a['NGAY_HIEU_LUC']).localeCompare(String(b['NGAY_HIEU_LUC'])) ||
            Date.parse(String(a['NGAY_GHI_NHAN'])) - Date.parse(String(b['NGAY_GHI_NHAN'])),
        );
      return jsonResponse({ data: events, next: null });
    };
  }
  return handlers;
}
