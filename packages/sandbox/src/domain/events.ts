import {
  BUILT_IN_RULES,
  type InputRecord,
  isProvisionalId,
  lifecycleMachines,
  machineFor,
  type Rule,
  runRulesSync,
} from '@eduvn/rules';
import { encodeWire, wireToRecord } from '@eduvn/standard';
import type { ApiIssue } from '../contract/problems.ts';
import { type Resource, resourceOf } from '../contract/resources.ts';
import type { EventResult } from '../contract/results.ts';
import { ApiProblem } from '../server/problem.ts';
import type { StoredRecord } from '../store/store.ts';
import { LATE_RULE_ID } from './checks.ts';
import { apiIssue } from './issues.ts';
import { canonicalOf, keyObject, storedKey, symbolsOf, wireOf } from './stored.ts';
import {
  delayOf,
  identifierMismatch,
  refuseInvalid,
  resolveProvisional,
  type WriteEnv,
} from './write.ts';

const byId = (id: string): Rule => BUILT_IN_RULES.find((r) => r.id === id) as Rule;
/** The rules that judge an event against the person's earlier events. */
const HISTORY_RULES = [
  byId('LIFE.TRANSITION.001'),
  byId('LIFE.TRANSITION.002'),
  byId('LIFE.DATE.001'),
];

const EVENTS = resourceOf('SuKienTrangThai') as Resource;

/** One status event to record about a person. */
export interface EventRequest {
  /** The person's resource (pupils or staff). */
  readonly resource: Resource;
  /** The school. */
  readonly truongId: string;
  /** The person's identifier from the path (a `POST …/{id}/su-kien`), or none (a batch item). */
  readonly personKey?: string;
  /** The event, canonical (copied: provisional identifiers are resolved in place). */
  readonly record: Record<string, unknown>;
  /** What reading and the record rules found. */
  readonly issues: readonly ApiIssue[];
  /** When the information arose (by default the event's NGAY_GHI_NHAN). */
  readonly occurredAt: string;
}

/** What the status field of a person is called, and its symbol. */
function statusFieldOf(resource: Resource): { field: string; symbol: string } {
  const machine = machineFor(lifecycleMachines(), resource.entity);
  const field = machine?.statusField ?? 'maTrangThaiHienTai';
  return { field, symbol: symbolsOf(resource).get(field) ?? field };
}

/**
 * Records a status change of a pupil or staff member (seed regulation Art. 8 cl. 2–3: leaving,
 * transferring, pausing only change a status): refuses it when the rules find errors — in the
 * event itself, or against the person's earlier events (an illegal transition, a broken chain, a
 * date going backwards); stores the event (append-only: the same event again is `unchanged`,
 * another body under its id a `409`), sets the person's current status, and appends both to the
 * delta feed.
 */
export function recordEvent(
  env: WriteEnv,
  request: EventRequest,
): { status: 200 | 201; result: EventResult } {
  const { resource, truongId, record, issues } = request;
  const { store } = env;
  refuseInvalid(issues, 'The status event');
  const subject = resource.subject as string;

  if (record['truongId'] === undefined) record['truongId'] = truongId;
  else if (record['truongId'] !== truongId)
    throw identifierMismatch(EVENTS, 'truongId', truongId, truongId, record['truongId']);
  if (record['doiTuong'] !== subject)
    throw identifierMismatch(EVENTS, 'doiTuong', subject, subject, record['doiTuong']);
  resolveProvisional(store, EVENTS.entity, truongId, record);
  let personKey = request.personKey ?? String(record['maDoiTuong']);
  if (isProvisionalId(personKey)) {
    const alias = store.alias('HocSinh', personKey);
    if (alias && alias.truongId === truongId)
      personKey = (JSON.parse(alias.key) as string[])[0] ?? personKey;
  }
  if (record['maDoiTuong'] !== personKey)
    throw identifierMismatch(EVENTS, 'maDoiTuong', personKey, personKey, record['maDoiTuong']);

  const person = store.record(truongId, resource.entity, storedKey([personKey]));
  if (!person) {
    throw new ApiProblem(
      'not-found',
      `No ${resource.entity} ${JSON.stringify(personKey.slice(0, 40))} at school ${truongId}: push the record before its status events`,
    );
  }
  const eventKey = storedKey([record['suKienId']]);
  const data = JSON.stringify(encodeWire(EVENTS.schema, record as never));
  const { field, symbol } = statusFieldOf(resource);
  const personWire = wireOf(person);
  const personStatus =
    typeof personWire[symbol] === 'string' ? (personWire[symbol] as string) : undefined;
  const late = issues.some((i) => i.ruleId === LATE_RULE_ID);
  const base = {
    entity: EVENTS.entity,
    truongId,
    key: keyObject(EVENTS, [String(record['suKienId'])]),
    occurredAt: request.occurredAt,
    receivedAt: env.receivedAt,
    late,
    warnings: issues.filter((i) => i.severity === 'query' || i.ruleId === LATE_RULE_ID),
  };
  const personOf = (p: StoredRecord, status: string | undefined) => ({
    entity: resource.entity as 'HocSinh' | 'CanBo',
    key: keyObject(resource, [personKey]),
    version: p.version,
    status: status ?? '',
  });

  const existing = store.record(truongId, EVENTS.entity, eventKey);
  if (existing) {
    if (existing.data !== data) {
      throw new ApiProblem(
        'event-immutable',
        `Status event ${JSON.stringify(String(record['suKienId']).slice(0, 40))} was recorded with other content; record a correcting event under a new id`,
      );
    }
    return {
      status: 200,
      result: {
        outcome: 'unchanged',
        ...base,
        version: existing.version,
        data: wireOf(existing),
        person: personOf(person, personStatus),
      },
    };
  }

  const subjectKey = `${subject}:${personKey}`;
  const earlier = store.eventsOf(truongId, subjectKey);
  const history: InputRecord[] = [
    canonicalOf(resource.schema, person),
    ...earlier.map((e) => canonicalOf(EVENTS.schema, e)),
    { entity: EVENTS.entity, record },
  ];
  const found = runRulesSync(history, HISTORY_RULES, { asOf: env.asOf })
    .issues.filter((i) => i.entity === EVENTS.entity && i.recordKey === String(record['suKienId']))
    .map((i) => apiIssue(EVENTS.schema, i));
  refuseInvalid([...issues, ...found], 'The status event');

  store.insert({
    truongId,
    entity: EVENTS.entity,
    key: eventKey,
    data,
    version: 1,
    personId: null,
    subject: subjectKey,
    createdAt: env.receivedAt,
    updatedAt: env.receivedAt,
    occurredAt: request.occurredAt,
  });
  const change = {
    truongId,
    occurredAt: request.occurredAt,
    receivedAt: env.receivedAt,
    late,
    delayMs: delayOf(request.occurredAt, env.receivedAt),
    accountId: env.account.clientId,
  };
  store.appendChange({
    ...change,
    type: 'status-event',
    entity: EVENTS.entity,
    key: eventKey,
    version: 1,
    data,
  });

  // The person's status is the latest event's (by effective date, then recording time), which
  // is this one unless an older event arrived late.
  const after = latestStatus([
    ...earlier.map((e) => wireOf(e)),
    encodeWire(EVENTS.schema, record as never),
  ]);
  let updated = person;
  if (after !== personStatus) {
    const personRecord = { ...wireToRecord(resource.schema, personWire).record, [field]: after };
    updated = {
      ...person,
      data: JSON.stringify(encodeWire(resource.schema, personRecord as never)),
      version: person.version + 1,
      updatedAt: env.receivedAt,
      occurredAt: laterOf(person.occurredAt, request.occurredAt),
    };
    store.update(updated);
    store.appendChange({
      ...change,
      type: 'upsert',
      entity: resource.entity,
      key: person.key,
      version: updated.version,
      data: updated.data,
    });
  }
  return {
    status: 201,
    result: {
      outcome: 'created',
      ...base,
      version: 1,
      data: JSON.parse(data),
      person: personOf(updated, after),
    },
  };
}

/** The `TRANG_THAI_SAU` of the latest of some events (by NGAY_HIEU_LUC, then NGAY_GHI_NHAN). */
function latestStatus(events: readonly Record<string, unknown>[]): string {
  let latest: Record<string, unknown> | undefined;
  for (const e of events) {
    if (
      !latest ||
      String(e['NGAY_HIEU_LUC']) > String(latest['NGAY_HIEU_LUC']) ||
      (e['NGAY_HIEU_LUC'] === latest['NGAY_HIEU_LUC'] &&
        Date.parse(String(e['NGAY_GHI_NHAN'])) >= Date.parse(String(latest['NGAY_GHI_NHAN'])))
    )
      latest = e;
  }
  return String(latest?.['TRANG_THAI_SAU'] ?? '');
}

/** The later of two instants (the second when the first is unknown). */
function laterOf(a: string | null, b: string): string {
  return a !== null && Date.parse(a) > Date.parse(b) ? a : b;
}
