import { localize, unknownEntity } from '@eduvn/rules';
import { wireToRecord } from '@eduvn/standard';
import { LIMITS } from '../contract/limits.ts';
import type { ApiIssue } from '../contract/problems.ts';
import { type Resource, resourceOf, type Subject, subjectResource } from '../contract/resources.ts';
import type { BatchItemResult, BatchResult, WriteOutcomeKind } from '../contract/results.ts';
import { ApiProblem } from '../server/problem.ts';
import { type CheckItem, type CheckSettings, checkRecords } from './checks.ts';
import { recordEvent } from './events.ts';
import { fieldIssue, readIssue } from './issues.ts';
import type { Access } from './permissions.ts';
import { upsert, type WriteEnv } from './write.ts';

/** One item of a batch as the client sent it. */
export interface BatchItemInput {
  /** The entity (`'HocSinh'`; `'SuKienTrangThai'` records a status event). */
  readonly entity: string;
  /** The record, a wire object. */
  readonly data: unknown;
  /** When the information arose (ISO 8601 with an offset); default: the event's NGAY_GHI_NHAN, or receipt. */
  readonly occurredAt?: string;
}

const ITEM_KEYS = new Set(['entity', 'data', 'occurredAt']);

/**
 * Reads the body of `POST /v1/batches` — `{ "items": [ { "entity", "data", "occurredAt"? } ] }`
 * — refusing (400, 413) a body that is not one; a bad item is refused on its own later, never the
 * whole batch.
 */
export function parseBatch(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiProblem('malformed-request', 'A batch is an object { "items": [ … ] }');
  }
  const keys = Object.keys(body);
  const extra = keys.filter((k) => k !== 'items');
  if (extra.length > 0) {
    throw new ApiProblem(
      'malformed-request',
      `A batch has only "items"; unknown member ${JSON.stringify(extra[0]?.slice(0, 40))}`,
    );
  }
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items)) {
    throw new ApiProblem(
      'malformed-request',
      'A batch needs "items", an array of { entity, data }',
    );
  }
  if (items.length === 0)
    throw new ApiProblem('malformed-request', 'A batch needs at least one item');
  if (items.length > LIMITS.maxBatchItems) {
    throw new ApiProblem(
      'payload-too-large',
      `A batch holds at most ${LIMITS.maxBatchItems} items; this one has ${items.length}: split it`,
      { extensions: { limit: LIMITS.maxBatchItems } },
    );
  }
  return items;
}

/** What a batch needs besides the write environment. */
export interface BatchOptions {
  /** Refuses (throws an ApiProblem) an item the account may not write. */
  readonly authorize: (truongId: string, access: Access) => void;
  /** The settings of the record rules. */
  readonly checks: CheckSettings;
  /** Apply only the first items (the fault "a batch applied in part"); default all. */
  readonly applyOnly?: number;
}

type Prepared =
  | { readonly kind: 'rejected'; readonly problem: ApiProblem }
  | {
      readonly kind: 'upsert' | 'event';
      readonly resource: Resource;
      readonly truongId: string;
      readonly record: Record<string, unknown>;
      readonly readIssues: readonly ApiIssue[];
      readonly occurredAt: string;
    };

function prepare(raw: unknown, receivedAt: string, authorize: BatchOptions['authorize']): Prepared {
  const rejected = (problem: ApiProblem): Prepared => ({ kind: 'rejected', problem });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return rejected(
      new ApiProblem('malformed-request', 'A batch item is an object { entity, data }'),
    );
  const extra = Object.keys(raw).find((k) => !ITEM_KEYS.has(k));
  if (extra !== undefined)
    return rejected(
      new ApiProblem(
        'malformed-request',
        `Unknown member ${JSON.stringify(extra.slice(0, 40))} of a batch item`,
      ),
    );
  const item = raw as Partial<BatchItemInput>;
  const entity = typeof item.entity === 'string' ? item.entity : '';
  const resource = resourceOf(entity);
  if (!resource) {
    const params = { entity: entity.slice(0, 60) };
    const issue: ApiIssue = {
      ruleId: unknownEntity.id,
      severity: 'error',
      pointer: '',
      message: localize(unknownEntity.message, params),
      hint: localize(unknownEntity.hint, params),
    };
    return rejected(
      new ApiProblem('validation', `Unknown entity ${JSON.stringify(params.entity)}`, {
        ruleIds: [issue.ruleId],
        issues: [issue],
      }),
    );
  }
  if (item.occurredAt !== undefined && typeof item.occurredAt !== 'string')
    return rejected(
      new ApiProblem('malformed-request', 'occurredAt must be an ISO 8601 date-time text'),
    );
  const { record, issues } = wireToRecord(resource.schema, item.data);
  const truongId = record['truongId'];
  if (typeof truongId !== 'string' || truongId === '') {
    const issue = fieldIssue(
      'TRUONG_ID',
      'required',
      'required in a batch item: the school the record belongs to',
    );
    return rejected(
      new ApiProblem('validation', 'A batch item names its school in TRUONG_ID', {
        ruleIds: [issue.ruleId],
        issues: [...issues.map(readIssue), issue],
      }),
    );
  }
  try {
    authorize(truongId, 'write');
  } catch (error) {
    if (error instanceof ApiProblem) return rejected(error);
    throw error;
  }
  const isEvent = resource.appendOnly === true;
  const recorded = record['ngayGhiNhan'];
  return {
    kind: isEvent ? 'event' : 'upsert',
    resource,
    truongId,
    record,
    readIssues: issues.map(readIssue),
    occurredAt:
      item.occurredAt ?? (isEvent && typeof recorded === 'string' ? recorded : receivedAt),
  };
}

/** A refused item's problem, as a batch result carries it (no instance or correlation id). */
function rejection(index: number, problem: ApiProblem): BatchItemResult {
  const { instance: _i, correlationId: _c, ...document } = problem.document('', '');
  return { index, status: problem.status, outcome: 'rejected', problem: document };
}

/**
 * Writes a batch's items in order, each on its own (partial success is normal): the record rules
 * run over all items in one pass, then each item is upserted — or, for a status event, recorded —
 * in its own savepoint of the caller's transaction, so a refused item changes nothing and the
 * others stand. Returns one result per item.
 */
export function runBatch(
  env: WriteEnv,
  rawItems: readonly unknown[],
  options: BatchOptions,
): BatchResult {
  const prepared = rawItems.map((raw) => prepare(raw, env.receivedAt, options.authorize));
  const checkable: { index: number; item: CheckItem }[] = [];
  prepared.forEach((p, index) => {
    if (p.kind !== 'rejected')
      checkable.push({
        index,
        item: {
          resource: p.resource,
          record: p.record,
          occurredAt: p.occurredAt,
          receivedAt: env.receivedAt,
        },
      });
  });
  const found = checkRecords(
    checkable.map((c) => c.item),
    options.checks,
  );
  const ruleIssues = new Map(checkable.map((c, i) => [c.index, found[i] ?? []]));

  const limit = Math.min(options.applyOnly ?? prepared.length, prepared.length);
  const results: BatchItemResult[] = [];
  const summary: Record<WriteOutcomeKind | 'rejected', number> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
  };
  for (let index = 0; index < limit; index++) {
    const p = prepared[index] as Prepared;
    let result: BatchItemResult;
    if (p.kind === 'rejected') {
      result = rejection(index, p.problem);
    } else {
      const issues = [...p.readIssues, ...(ruleIssues.get(index) ?? [])];
      try {
        const written = env.store.transaction(() =>
          p.kind === 'event'
            ? recordEvent(env, {
                resource: subjectResource(
                  p.record['doiTuong'] === 'CAN_BO' ? 'CAN_BO' : ('HOC_SINH' satisfies Subject),
                ),
                truongId: p.truongId,
                record: p.record,
                issues,
                occurredAt: p.occurredAt,
              })
            : upsert(env, {
                resource: p.resource,
                truongId: p.truongId,
                record: p.record,
                issues,
                occurredAt: p.occurredAt,
              }),
        );
        const { data: _data, ...rest } = written.result;
        result = { index, status: written.status, ...rest };
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        result = rejection(index, error);
      }
    }
    summary[result.outcome]++;
    results.push(result);
  }
  return { results, summary };
}
