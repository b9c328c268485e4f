import {
  BUILT_IN_RULES,
  type InputRecord,
  identifierChanged,
  isProvisionalId,
  localize,
  otherIdentifierChanged,
  PERSONAL_ID_FIELDS,
  personalIdOf,
  pupilReferenceFields,
  type Rule,
  runRulesSync,
} from '@eduvn/rules';
import { encodeWire } from '@eduvn/standard';
import type { ApiIssue } from '../contract/problems.ts';
import { type Resource, resourceOf } from '../contract/resources.ts';
import type { IdentifierIssued, RecordResult } from '../contract/results.ts';
import { ApiProblem } from '../server/problem.ts';
import type { SandboxStore, StoredRecord } from '../store/store.ts';
import type { Account } from './account.ts';
import { LATE_RULE_ID } from './checks.ts';
import { apiIssue, errorRuleIds } from './issues.ts';
import { canonicalOf, keyObject, keyOfRecord, storedKey, symbolsOf, wireOf } from './stored.ts';

/** What every write needs to know about its request. */
export interface WriteEnv {
  /** The store (the caller holds the transaction). */
  readonly store: SandboxStore;
  /** The account writing. */
  readonly account: Account;
  /** When the request arrived, ISO 8601. */
  readonly receivedAt: string;
  /** The day the rules take as today. */
  readonly asOf: string;
}

/** One record to write. */
export interface UpsertRequest {
  /** Its resource. */
  readonly resource: Resource;
  /** The school, from the path or the item. */
  readonly truongId: string;
  /** The key values after TRUONG_ID from the path (a `PUT`), or none (a batch item). */
  readonly pathKey?: readonly string[];
  /** The canonical record read from the wire (copied: the write may re-key references). */
  readonly record: Record<string, unknown>;
  /** What reading and the record rules found. */
  readonly issues: readonly ApiIssue[];
  /** When the information arose. */
  readonly occurredAt: string;
  /** The version `If-Match` demands (`'*'`: any existing record). */
  readonly ifMatch?: number | '*';
}

const byId = (id: string): Rule => BUILT_IN_RULES.find((r) => r.id === id) as Rule;
const STALE_STATUS = byId('LIFE.CURRENT.001');
const IDENTIFIER_RULES = [identifierChanged, otherIdentifierChanged];

/** The largest `HOC_SINH_ID` (QĐ 4998 HSC1.1.1). */
const PUPIL_ID_MAX = 20;

/** Refuses a write whose errors the rules found (422), listing every issue. */
export function refuseInvalid(issues: readonly ApiIssue[], what: string): void {
  const errors = issues.filter((i) => i.severity === 'error' && i.ruleId !== LATE_RULE_ID);
  if (errors.length === 0) return;
  throw new ApiProblem(
    'validation',
    `${what} does not follow the standard: ${errors.length} error(s) (${errorRuleIds(errors).join(', ')})`,
    { ruleIds: errorRuleIds(errors), issues },
  );
}

/**
 * The `CHANGE.ID.002` refusal of a value that names the record differently from the request
 * (the path, or the school the item is filed under): identifiers never change.
 */
export function identifierMismatch(
  resource: Resource,
  field: string,
  shownKey: string,
  expected: string,
  given: unknown,
): ApiProblem {
  const symbol = symbolsOf(resource).get(field) ?? field;
  const params = {
    symbol,
    key: shownKey,
    before: JSON.stringify(expected),
    after: given === undefined ? '—' : JSON.stringify(String(given)),
  };
  const issue: ApiIssue = {
    ruleId: otherIdentifierChanged.id,
    severity: 'error',
    pointer: `/${symbol}`,
    message: localize(otherIdentifierChanged.message, params),
    hint: localize(otherIdentifierChanged.hint, params),
  };
  return new ApiProblem(
    'identifier-conflict',
    `${symbol} in the body (${params.after}) differs from the record the request names (${params.before}); identifiers never change`,
    { ruleIds: [issue.ruleId], issues: [issue] },
  );
}

/**
 * Replaces provisional pupil identifiers (`TAM-…`) the database already issued a code for, in
 * the record's pupil fields (a pupil's own key, an assessment's pupil, an event's person).
 * Returns the provisional identifier of the record's own key when it was replaced.
 */
export function resolveProvisional(
  store: SandboxStore,
  entity: string,
  truongId: string,
  record: Record<string, unknown>,
): string | undefined {
  let own: string | undefined;
  for (const field of pupilReferenceFields({ entity, record })) {
    const value = record[field];
    if (!isProvisionalId(value)) continue;
    const alias = store.alias('HocSinh', value);
    if (!alias) continue;
    if (alias.truongId !== truongId) {
      throw new ApiProblem(
        'identifier-conflict',
        `The provisional identifier ${value} belongs to another school's pupil; provisional identifiers are per school`,
        { ruleIds: [otherIdentifierChanged.id] },
      );
    }
    record[field] = (JSON.parse(alias.key) as string[])[0];
    if (entity === 'HocSinh' && field === 'hocSinhId') own = value;
  }
  return own;
}

/** Issues a new `HOC_SINH_ID` at a school: the school code and a 7-digit sequence (eduvn sandbox codes). */
function issuePupilCode(store: SandboxStore, truongId: string): string {
  const width = Math.max(1, Math.min(7, PUPIL_ID_MAX - truongId.length));
  for (;;) {
    const code = `${truongId}${String(store.next(`HocSinh:${truongId}`)).padStart(width, '0')}`;
    if (code.length > PUPIL_ID_MAX) {
      throw new ApiProblem('server-error', `No pupil code is left to issue at school ${truongId}`);
    }
    const key = storedKey([code]);
    if (store.recordsWithKey('HocSinh', key).length === 0 && !store.alias('HocSinh', code))
      return code;
  }
}

/** `409` when a pupil or staff member would get a second identifier, or an identifier a second person. */
function refuseIdentityConflicts(
  env: WriteEnv,
  resource: Resource,
  key: string,
  record: Readonly<Record<string, unknown>>,
): void {
  const { entity } = resource;
  if (!Object.hasOwn(PERSONAL_ID_FIELDS, entity)) return;
  const personId = personalIdOf({ entity, record }) ?? null;
  const sameKey = env.store
    .recordsWithKey(entity, key)
    .filter((r) => r.personId !== null && r.personId !== personId);
  const samePerson =
    personId === null
      ? []
      : env.store.recordsOfPerson(entity, personId).filter((r) => r.key !== key);
  if (sameKey.length === 0 && samePerson.length === 0) return;
  const previous: InputRecord[] = [...sameKey, ...samePerson].map((r) =>
    canonicalOf(resource.schema, r),
  );
  const report = runRulesSync([{ entity, record }], IDENTIFIER_RULES, {
    asOf: env.asOf,
    previous,
  });
  if (report.issues.length === 0) return;
  const issues = report.issues.map((i) => apiIssue(resource.schema, i));
  throw new ApiProblem(
    'identifier-conflict',
    `The ${entity} would carry an identifier of another person, or a person would get a second identifier (TT 42/2021 Art. 10)`,
    { ruleIds: errorRuleIds(issues), issues },
  );
}

/** `422` when a person's status is set without the events that lead to it (`LIFE.CURRENT.001`). */
function refuseStatusWithoutEvent(
  env: WriteEnv,
  resource: Resource,
  truongId: string,
  keyValue: string,
  record: Readonly<Record<string, unknown>>,
): void {
  if (!resource.subject) return;
  const events = env.store.eventsOf(truongId, `${resource.subject}:${keyValue}`);
  if (events.length === 0) return;
  const eventResource = resourceOf('SuKienTrangThai') as Resource;
  const input: InputRecord[] = [
    ...events.map((e) => canonicalOf(eventResource.schema, e)),
    { entity: resource.entity, record },
  ];
  const report = runRulesSync(input, [STALE_STATUS], { asOf: env.asOf });
  const issues = report.issues
    .filter((i) => i.entity === resource.entity)
    .map((i) => apiIssue(resource.schema, i));
  refuseInvalid(issues, `The ${resource.entity}`);
}

/** The version If-Match demands, checked against the stored record (`412` when it differs). */
function checkPrecondition(
  ifMatch: UpsertRequest['ifMatch'],
  existing: StoredRecord | undefined,
): void {
  if (ifMatch === undefined) return;
  if (ifMatch === '*' ? existing !== undefined : existing?.version === ifMatch) return;
  throw new ApiProblem(
    'precondition-failed',
    existing
      ? `The record is at version ${existing.version}, not ${String(ifMatch)}`
      : 'The record does not exist',
    { extensions: { currentVersion: existing?.version ?? null } },
  );
}

/**
 * Writes one record (a `PUT`, or an item of a batch) inside the caller's transaction: refuses it
 * with a problem (thrown) when the rules found errors, when it would change an identifier or give
 * one to another person, or when it sets a status without its events; otherwise inserts it,
 * updates it, or finds it unchanged — issuing a pupil code for a provisional identifier — and
 * appends the change to the delta feed.
 */
export function upsert(
  env: WriteEnv,
  request: UpsertRequest,
): { status: 200 | 201; result: RecordResult } {
  const { resource, truongId, record, issues } = request;
  const { store } = env;
  refuseInvalid(issues, `The ${resource.entity}`);

  if (record['truongId'] === undefined) record['truongId'] = truongId;
  else if (record['truongId'] !== truongId)
    throw identifierMismatch(resource, 'truongId', truongId, truongId, record['truongId']);
  if (request.pathKey) {
    const given = keyOfRecord(resource, record);
    resource.keyFields.forEach((field, i) => {
      const expected = request.pathKey?.[i] ?? '';
      if (String(given[i]) !== expected)
        throw identifierMismatch(
          resource,
          field,
          request.pathKey?.join('/') ?? '',
          expected,
          given[i],
        );
    });
  }

  const provisional = resolveProvisional(store, resource.entity, truongId, record);
  let values = keyOfRecord(resource, record).map(String);
  let key = storedKey(values);
  const existing = store.record(truongId, resource.entity, key);
  checkPrecondition(request.ifMatch, existing);
  refuseIdentityConflicts(env, resource, key, record);
  refuseStatusWithoutEvent(env, resource, truongId, values[0] ?? '', record);

  // A new pupil under a provisional identifier gets its code now; one already issued is
  // announced again, so that a client whose first answer was lost still learns it.
  let issued: IdentifierIssued | undefined;
  const issuing =
    !existing && resource.entity === 'HocSinh' && isProvisionalId(record['hocSinhId']);
  if (issuing) {
    const from = record['hocSinhId'] as string;
    const to = issuePupilCode(store, truongId);
    record['hocSinhId'] = to;
    values = keyOfRecord(resource, record).map(String);
    key = storedKey(values);
    store.putAlias('HocSinh', from, truongId, key, env.receivedAt);
    issued = { entity: 'HocSinh', from, to };
  } else if (provisional !== undefined) {
    issued = { entity: 'HocSinh', from: provisional, to: values[0] ?? '' };
  }

  const wire = encodeWire(resource.schema, record as never);
  const data = JSON.stringify(wire);
  const late = issues.some((i) => i.ruleId === LATE_RULE_ID);
  const warnings = issues.filter((i) => i.severity === 'query' || i.ruleId === LATE_RULE_ID);
  const base = {
    entity: resource.entity,
    truongId,
    key: keyObject(resource, values),
    occurredAt: request.occurredAt,
    receivedAt: env.receivedAt,
    late,
    warnings,
    ...(issued ? { identifierIssued: issued } : {}),
  };
  if (existing && existing.data === data) {
    return {
      status: 200,
      result: { outcome: 'unchanged', ...base, version: existing.version, data: wireOf(existing) },
    };
  }
  // A write whose information arose before the stored version's is stale — a retry that reached
  // the server after a newer write of the same record: it is not applied.
  if (existing?.occurredAt && Date.parse(request.occurredAt) < Date.parse(existing.occurredAt)) {
    return {
      status: 200,
      result: {
        outcome: 'unchanged',
        ...base,
        stale: true,
        version: existing.version,
        data: wireOf(existing),
      },
    };
  }
  const version = (existing?.version ?? 0) + 1;
  const stored: StoredRecord = {
    truongId,
    entity: resource.entity,
    key,
    data,
    version,
    personId: personalIdOf({ entity: resource.entity, record }) ?? null,
    subject: null,
    createdAt: existing?.createdAt ?? env.receivedAt,
    updatedAt: env.receivedAt,
    occurredAt: request.occurredAt,
  };
  if (existing) store.update(stored);
  else store.insert(stored);
  const change = {
    truongId,
    entity: resource.entity,
    occurredAt: request.occurredAt,
    receivedAt: env.receivedAt,
    late,
    delayMs: delayOf(request.occurredAt, env.receivedAt),
    accountId: env.account.clientId,
  };
  if (issued && issuing) {
    store.appendChange({
      ...change,
      type: 'identifier-issued',
      key,
      version: null,
      data: JSON.stringify({ from: issued.from, to: issued.to }),
    });
  }
  store.appendChange({ ...change, type: 'upsert', key, version, data });
  return {
    status: existing ? 200 : 201,
    result: { outcome: existing ? 'updated' : 'created', ...base, version, data: wire },
  };
}

/** Milliseconds from when the information arose to its receipt (0 when unknown or negative). */
export function delayOf(occurredAt: string, receivedAt: string): number {
  const d = Date.parse(receivedAt) - Date.parse(occurredAt);
  return Number.isFinite(d) && d > 0 ? d : 0;
}
