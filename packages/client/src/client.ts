import { encodeWire, type SuKienTrangThai, type WireObject, wireToRecord } from '@eduvn/standard';
import {
  type ApiIssue,
  type ApiMetadata,
  AuthError,
  EduvnApiError,
  errorFromProblem,
  problemOf,
} from './errors.ts';
import type { ClientHooks, ClientLogger } from './logger.ts';
import {
  ENTITY_NAMES,
  type EntityName,
  type EntityRecords,
  listPath,
  recordPath,
  resourcePath,
  type UpsertEntity,
} from './resources.ts';
import type {
  BatchItem,
  BatchItemOutcome,
  BatchOutcome,
  BatchProgress,
  Change,
  EventResult,
  IdentifierIssued,
  StoredRecord,
  UpsertResult,
} from './results.ts';
import { RetryBudget, type RetryOptions, retrySettings } from './retry.ts';
import { ClientCredentialsTokens, type Credentials, HostTokens } from './tokens.ts';
import { Transport } from './transport.ts';
import { CLIENT_VERSION } from './version.ts';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The city database's base URL (`https://csdl.example.vn`; the paths start with `/v1`). */
  readonly baseUrl: string;
  /** Client credentials issued by the Phòng or Sở, or the host's own tokens. */
  readonly credentials: Credentials;
  /** The `fetch` to use (default the platform's; a sandbox's `fetch` in tests). */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds (default 30,000; `false` for none). */
  readonly timeout?: number | false;
  /** Retries: a count, or {@link RetryOptions} (default 4 retries, a budget of 500). */
  readonly retry?: RetryOptions | number;
  /** Where to log (metadata redacted: no token, secret or full personal ID). */
  readonly logger?: ClientLogger;
  /** Metrics hooks. */
  readonly hooks?: ClientHooks;
  /** Who is calling, sent as `X-Eduvn-Client` (`'vnedu-sync/3.2'`). */
  readonly userAgent?: string;
  /** Get a new token this long before the current one expires (default 60,000 ms). */
  readonly refreshMarginMs?: number;
  /** The clock (default `Date.now`). */
  readonly now?: () => number;
  /** Random numbers in [0, 1) for the retry jitter (default `Math.random`). */
  readonly random?: () => number;
}

/** Options of a write. */
export interface WriteOptions {
  /** When the information arose (the 48-hour deadline runs from it; default: now). */
  readonly occurredAt?: string | Date;
  /** The operation's Idempotency-Key (default: one made for this call, kept across its retries). */
  readonly idempotencyKey?: string;
  /** The version the write expects (`If-Match`); a record that moved gives a ConflictError (412). */
  readonly ifMatch?: number;
  /** Aborts the call. */
  readonly signal?: AbortSignal;
}

/** Options of {@link EduvnClient.batch}. */
export interface BatchOptions {
  /** Records per request (default and at most 500, the contract's limit). */
  readonly chunkSize?: number;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** Called as chunks are answered. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** A prefix for the chunks' Idempotency-Keys (default: a new one per call): the same prefix and items retried later apply nothing twice. */
  readonly idempotencyKey?: string;
  /** Aborts the batch: no new chunk starts, chunks in flight are aborted. */
  readonly signal?: AbortSignal;
}

/** Options of lists and the delta feed. */
export interface PageOptions {
  /** Page size (default 100, at most 1,000). */
  readonly pageSize?: number;
  /** Aborts the iteration. */
  readonly signal?: AbortSignal;
}

/** A school an account reaches. */
export interface School {
  /** TRUONG_ID. */
  readonly truongId: string;
  /** Its name. */
  readonly name: string;
  /** Its Phòng or Sở. */
  readonly parentId: string | null;
  /** Whether its school record was pushed. */
  readonly pushed: boolean;
}

/** Schools that pushed late, as `GET /v1/late-pushes` reports them. */
export interface LatePushes {
  /** The period, from. */
  readonly from: string;
  /** The period, to. */
  readonly to: string;
  /** The deadline the server applies. */
  readonly deadlineHours: number;
  /** The schools, most late first. */
  readonly data: readonly LatePushRow[];
}

/** One school's late pushes. */
export interface LatePushRow {
  /** The school. */
  readonly truongId: string;
  /** Changes it pushed in the period. */
  readonly changes: number;
  /** Of those, received after the deadline. */
  readonly late: number;
  /** The longest delay, in hours. */
  readonly maxDelayHours: number;
  /** When the last late one arrived. */
  readonly lastLateAt: string | null;
}

/**
 * A client of the eduvn city education database API. Records in and out are the standard's
 * canonical records; the wire codec is applied inside. There is no delete: records are never
 * deleted (a pupil who leaves changes status: {@link EduvnClient.recordEvent}).
 */
export interface EduvnClient {
  /** Creates or updates one record by its identifier (`PUT`). */
  upsert<E extends UpsertEntity>(
    entity: E,
    record: EntityRecords[E],
    options?: WriteOptions,
  ): Promise<UpsertResult<E>>;
  /** Records a status change of a pupil or staff member (`POST …/su-kien`). */
  recordEvent(event: SuKienTrangThai, options?: WriteOptions): Promise<EventResult>;
  /** Reads one record by its school and key fields (a NotFoundError when there is none). */
  get<E extends EntityName>(
    entity: E,
    truongId: string,
    key: Readonly<Partial<EntityRecords[E]>>,
    options?: { readonly signal?: AbortSignal },
  ): Promise<StoredRecord<E>>;
  /** Every record of an entity at a school, page after page. */
  list<E extends EntityName>(
    entity: E,
    truongId: string,
    options?: PageOptions,
  ): AsyncIterable<EntityRecords[E]>;
  /** Writes many records of any schools the account may write, in chunks, each answered on its own. */
  batch(items: readonly BatchItem[], options?: BatchOptions): Promise<BatchOutcome>;
  /** The delta feed after `since`: every change in commit order, until the end. */
  changes(
    options?: PageOptions & { readonly since?: number; readonly truongId?: string },
  ): AsyncIterable<Change>;
  /** The schools the account reaches. */
  schools(options?: { readonly signal?: AbortSignal }): Promise<School[]>;
  /** Schools that pushed after the deadline (Sở and Phòng accounts see all theirs). */
  latePushes(options?: {
    readonly from?: string;
    readonly to?: string;
    readonly signal?: AbortSignal;
  }): Promise<LatePushes>;
}

interface WireWrite {
  outcome: 'created' | 'updated' | 'unchanged';
  entity: string;
  truongId: string;
  key: Record<string, string>;
  version: number;
  data?: WireObject;
  occurredAt: string;
  receivedAt: string;
  late: boolean;
  warnings: ApiIssue[];
  identifierIssued?: IdentifierIssued;
  stale?: boolean;
}

const isoOf = (value: string | Date | undefined, now: () => number): string =>
  value === undefined
    ? new Date(now()).toISOString()
    : typeof value === 'string'
      ? value
      : value.toISOString();

const pageSizeOf = (n: number | undefined): number => {
  const size = n ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new RangeError('pageSize must be a whole number from 1 to 1000');
  return size;
};

function truongIdOf(entity: string, record: Readonly<Record<string, unknown>>): string {
  const id = record['truongId'];
  if (typeof id !== 'string' || id === '')
    throw new TypeError(
      `${entity}: truongId is required to say which school the record belongs to`,
    );
  return id;
}

const canonical = <E extends EntityName>(entity: E, wire: unknown): EntityRecords[E] =>
  wireToRecord(resourcePath(entity).schema, wire).record as EntityRecords[E];

/**
 * Creates a client of the eduvn city education database API (ky + p-retry; Node ≥ 20 and
 * browsers: nothing Node-specific is imported).
 *
 * @example
 * ```ts
 * const client = createClient({ baseUrl: 'https://csdl.example.vn', credentials: { clientId, clientSecret } });
 * const { outcome, identifierIssued } = await client.upsert('HocSinh', pupil, { occurredAt: enteredAt });
 * ```
 */
export function createClient(options: ClientOptions): EduvnClient {
  if (typeof options?.baseUrl !== 'string' || !/^https?:\/\//.test(options.baseUrl))
    throw new TypeError('baseUrl must be an http(s) URL');
  const now = options.now ?? Date.now;
  const retry = retrySettings(options.retry);
  const transport = new Transport({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeout: options.timeout ?? 30_000,
    retry,
    budget: new RetryBudget(retry.budget),
    logger: options.logger,
    hooks: options.hooks,
    userAgent: `eduvn-client/${CLIENT_VERSION}${options.userAgent ? ` ${options.userAgent}` : ''}`,
    now,
    random: options.random ?? Math.random,
  });
  const credentials = options.credentials;
  if (!credentials || typeof credentials !== 'object')
    throw new TypeError('credentials are required');
  transport.useTokens(
    'getToken' in credentials
      ? new HostTokens(credentials)
      : new ClientCredentialsTokens(credentials, transport, {
          now,
          refreshMarginMs: options.refreshMarginMs ?? 60_000,
          logger: options.logger,
        }),
  );

  const writeHeaders = (o: WriteOptions | undefined): Record<string, string> => ({
    'x-occurred-at': isoOf(o?.occurredAt, now),
    ...(o?.ifMatch === undefined ? {} : { 'if-match': `"${o.ifMatch}"` }),
  });
  const toResult = <E extends EntityName>(
    entity: E,
    body: WireWrite,
    metadata: ApiMetadata,
  ): UpsertResult<E> => ({
    outcome: body.outcome,
    entity,
    truongId: body.truongId,
    key: body.key,
    version: body.version,
    record: canonical(entity, body.data),
    occurredAt: body.occurredAt,
    receivedAt: body.receivedAt,
    late: body.late,
    warnings: body.warnings ?? [],
    ...(body.identifierIssued ? { identifierIssued: body.identifierIssued } : {}),
    ...(body.stale ? { stale: true } : {}),
    $metadata: metadata,
  });

  const client: EduvnClient = {
    async upsert(entity, record, o) {
      const r = resourcePath(entity);
      if (r.segment === 'su-kien')
        throw new TypeError('Status events are recorded with recordEvent, never upserted');
      const truongId = truongIdOf(entity, record);
      const { body, metadata } = await transport.call<WireWrite>({
        operation: `upsert ${entity}`,
        method: 'PUT',
        path: recordPath(entity, truongId, record),
        json: encodeWire(r.schema, record as never),
        headers: writeHeaders(o),
        idempotencyKey: o?.idempotencyKey ?? crypto.randomUUID(),
        auth: true,
        ...(o?.signal ? { signal: o.signal } : {}),
      });
      return toResult(entity, body, metadata);
    },

    async recordEvent(event, o) {
      const person = event.doiTuong === 'CAN_BO' ? 'CanBo' : 'HocSinh';
      const truongId = truongIdOf('SuKienTrangThai', event);
      const key =
        person === 'CanBo' ? { giaoVienId: event.maDoiTuong } : { hocSinhId: event.maDoiTuong };
      const { body, metadata } = await transport.call<
        WireWrite & { person: EventResult['person'] }
      >({
        operation: 'recordEvent',
        method: 'POST',
        path: `${recordPath(person, truongId, key)}/su-kien`,
        json: encodeWire(resourcePath('SuKienTrangThai').schema, event as never),
        headers: { 'x-occurred-at': isoOf(o?.occurredAt ?? event.ngayGhiNhan, now) },
        idempotencyKey: o?.idempotencyKey ?? `event:${event.suKienId}`,
        auth: true,
        ...(o?.signal ? { signal: o.signal } : {}),
      });
      return { ...toResult('SuKienTrangThai', body, metadata), person: body.person };
    },

    async get(entity, truongId, key, o) {
      const { body } = await transport.call<{
        key: Record<string, string>;
        version: number;
        createdAt: string;
        updatedAt: string;
        data: WireObject;
      }>({
        operation: `get ${entity}`,
        method: 'GET',
        path: recordPath(entity, truongId, key as Record<string, unknown>),
        auth: true,
        ...(o?.signal ? { signal: o.signal } : {}),
      });
      return {
        entity,
        truongId,
        key: body.key,
        version: body.version,
        createdAt: body.createdAt,
        updatedAt: body.updatedAt,
        record: canonical(entity, body.data),
      };
    },

    async *list(entity, truongId, o) {
      const path = listPath(entity, truongId);
      const limit = pageSizeOf(o?.pageSize);
      let cursor: string | null = '';
      while (cursor !== null) {
        const { body }: { body: { data: WireObject[]; next: string | null } } =
          await transport.call({
            operation: `list ${entity}`,
            method: 'GET',
            path,
            query: { limit, ...(cursor === '' ? {} : { cursor }) },
            auth: true,
            ...(o?.signal ? { signal: o.signal } : {}),
          });
        for (const wire of body.data) yield canonical(entity, wire);
        cursor = body.next;
      }
    },

    batch: (items, o) => runBatch(transport, items, o ?? {}),

    async *changes(o) {
      let since = o?.since ?? 0;
      const limit = pageSizeOf(o?.pageSize);
      for (;;) {
        const { body }: { body: { data: WireChange[]; next: string; hasMore: boolean } } =
          await transport.call({
            operation: 'changes',
            method: 'GET',
            path: '/v1/changes',
            query: { since, limit, truongId: o?.truongId },
            auth: true,
            ...(o?.signal ? { signal: o.signal } : {}),
          });
        for (const c of body.data) yield changeOf(c);
        since = Number(body.next);
        if (!body.hasMore) return;
      }
    },

    async schools(o) {
      const { body } = await transport.call<{ data: School[] }>({
        operation: 'schools',
        method: 'GET',
        path: '/v1/truong',
        auth: true,
        ...(o?.signal ? { signal: o.signal } : {}),
      });
      return body.data;
    },

    async latePushes(o) {
      const { body } = await transport.call<LatePushes>({
        operation: 'latePushes',
        method: 'GET',
        path: '/v1/late-pushes',
        query: { from: o?.from, to: o?.to },
        auth: true,
        ...(o?.signal ? { signal: o.signal } : {}),
      });
      return body;
    },
  };
  return client;
}

interface WireChange {
  seq: number;
  type: Change['type'];
  truongId: string;
  entity: string;
  key: Record<string, string>;
  version?: number;
  occurredAt: string;
  receivedAt: string;
  late: boolean;
  data: WireObject;
}

function changeOf(c: WireChange): Change {
  const base = {
    seq: c.seq,
    type: c.type,
    truongId: c.truongId,
    entity: c.entity,
    key: c.key,
    ...(c.version === undefined ? {} : { version: c.version }),
    occurredAt: c.occurredAt,
    receivedAt: c.receivedAt,
    late: c.late,
  };
  if (c.type === 'identifier-issued') {
    return {
      ...base,
      identifierIssued: {
        entity: 'HocSinh',
        from: String(c.data['from']),
        to: String(c.data['to']),
      },
    };
  }
  const known = (ENTITY_NAMES as readonly string[]).includes(c.entity);
  return known ? { ...base, record: canonical(c.entity as EntityName, c.data) } : base;
}

interface WireBatchItem {
  index: number;
  status: number;
  outcome: BatchItemOutcome['outcome'];
  key?: Record<string, string>;
  version?: number;
  late?: boolean;
  warnings?: ApiIssue[];
  identifierIssued?: IdentifierIssued;
  stale?: boolean;
  problem?: Record<string, unknown>;
}

/** The contract's limit of records per batch. */
const MAX_BATCH = 500;

async function runBatch(
  transport: Transport,
  items: readonly BatchItem[],
  o: BatchOptions,
): Promise<BatchOutcome> {
  const chunkSize = o.chunkSize ?? MAX_BATCH;
  const concurrency = o.concurrency ?? 4;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_BATCH)
    throw new RangeError(`chunkSize must be a whole number from 1 to ${MAX_BATCH}`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new RangeError('concurrency must be a whole number from 1 to 64');
  const wire = items.map((item, index) => {
    if (typeof item !== 'object' || item === null)
      throw new TypeError(`batch item ${index} is not an object`);
    const r = resourcePath(item.entity);
    truongIdOf(`batch item ${index} (${item.entity})`, item.record as Record<string, unknown>);
    return {
      entity: item.entity,
      data: encodeWire(r.schema, item.record as never),
      ...(item.occurredAt === undefined ? {} : { occurredAt: item.occurredAt }),
    };
  });
  const prefix = o.idempotencyKey ?? crypto.randomUUID();
  const results: BatchItemOutcome[] = new Array(items.length);
  const chunks: number[] = [];
  for (let start = 0; start < items.length; start += chunkSize) chunks.push(start);
  let done = 0;
  let failed = 0;
  let next = 0;

  const runChunk = async (start: number): Promise<void> => {
    const slice = wire.slice(start, start + chunkSize);
    try {
      const { body, metadata } = await transport.call<{ results: WireBatchItem[] }>({
        operation: 'batch',
        method: 'POST',
        path: '/v1/batches',
        json: { items: slice },
        idempotencyKey: `${prefix}:${start}:${slice.length}`,
        auth: true,
        ...(o.signal ? { signal: o.signal } : {}),
      });
      for (const r of body.results) {
        const index = start + r.index;
        if (r.outcome === 'rejected') {
          failed++;
          results[index] = {
            index,
            outcome: 'rejected',
            status: r.status,
            error: errorFromProblem(problemOf(r.status, r.problem), metadata),
          };
        } else {
          results[index] = {
            index,
            outcome: r.outcome,
            status: r.status,
            ...(r.key ? { key: r.key } : {}),
            ...(r.version === undefined ? {} : { version: r.version }),
            ...(r.late === undefined ? {} : { late: r.late }),
            warnings: r.warnings ?? [],
            ...(r.identifierIssued ? { identifierIssued: r.identifierIssued } : {}),
            ...(r.stale ? { stale: true } : {}),
          };
        }
      }
    } catch (error) {
      if (o.signal?.aborted || error instanceof AuthError || !(error instanceof EduvnApiError))
        throw error;
      for (let i = 0; i < slice.length; i++) {
        failed++;
        results[start + i] = { index: start + i, outcome: 'failed', status: 0, error };
      }
    }
    done += slice.length;
    o.onProgress?.({ done, total: items.length, failed });
  };

  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      o.signal?.throwIfAborted();
      const start = chunks[next++] as number;
      await runChunk(start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0, failed: 0 };
  for (const r of results) summary[r.outcome]++;
  return { results, summary };
}
