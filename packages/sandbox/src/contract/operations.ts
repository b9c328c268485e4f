import { fieldsOf, wireSchemaOf } from '@eduvn/standard';
import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { contractExamples } from './examples.ts';
import { LIMITS } from './limits.ts';
import { PROBLEM_TYPES, type ProblemType } from './problems.ts';
import { collectionPath, itemPath, RESOURCES, type Resource } from './resources.ts';
import {
  AuditPageSchema,
  BatchRequestSchema,
  BatchResultSchema,
  ChangesPageSchema,
  EventResultSchema,
  HealthSchema,
  LatePushesSchema,
  ProblemSchema,
  pageSchema,
  recordResultSchema,
  recordViewSchema,
  SchoolsSchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from './schemas.ts';

/** An operation of the contract: its route (OpenAPI) with its operation id. */
export type Operation = RouteConfig & { readonly operationId: string };

const problems = (...types: ProblemType[]) => {
  const out: Record<
    number,
    { description: string; content: Record<string, { schema: typeof ProblemSchema }> }
  > = {};
  for (const type of types) {
    const t = PROBLEM_TYPES[type];
    const known = out[t.status]?.description;
    out[t.status] = {
      description: known ? `${known}; ${type}` : `Problem: ${type}`,
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
};

/** Problems any authenticated request may meet. */
const COMMON: ProblemType[] = ['unauthorized', 'rate-limited', 'server-error', 'unavailable'];

const correlationHeader = {
  'X-Correlation-Id': {
    description:
      'The request id: the one the client sent (letters, digits, `._-`, up to 128) or a new one.',
    schema: { type: 'string' as const },
  },
};

const json = <S extends z.ZodType>(
  schema: S,
  description: string,
  headers: Record<string, unknown> = {},
) => ({
  description,
  headers: { ...correlationHeader, ...headers },
  content: { 'application/json': { schema } },
});

const truongParam = z
  .string()
  .min(1)
  .max(20)
  .openapi({
    param: { name: 'truongId', in: 'path' },
    description: 'The school (TRUONG_ID).',
    example: '79017273',
  });

function keyParams(resource: Resource) {
  const shape: Record<string, z.ZodType> = { truongId: truongParam };
  const fields = fieldsOf(resource.schema);
  for (const name of resource.keyFields) {
    const f = fields.find((x) => x.name === name);
    shape[name] = z
      .string()
      .min(1)
      .max(f?.maxLength ?? 50)
      .openapi({
        param: { name, in: 'path' },
        description: `${f?.symbol ?? name} — ${f?.label.vi ?? ''} (${f?.label.en ?? ''})`,
      });
  }
  return z.object(shape);
}

const idempotencyHeader = (required: boolean) =>
  z
    .string()
    .min(1)
    .max(LIMITS.maxIdempotencyKeyLength)
    .openapi({
      description: required
        ? 'Required on every POST: one value per logical operation, kept across its retries. The same key and body again gets the stored answer (`Idempotent-Replayed: true`); the same key with another body, 409.'
        : 'Optional on PUT (PUT is idempotent by itself); when given, it works as on POST.',
    });

const writeHeaders = (required: boolean) =>
  z.object({
    'idempotency-key': required ? idempotencyHeader(true) : idempotencyHeader(false).optional(),
    'x-occurred-at': z.string().optional().openapi({
      description:
        'When the information arose (ISO 8601 with an offset, e.g. 2026-09-05T08:30:00+07:00): the 48-hour deadline (seed regulation Art. 6 cl. 2) runs from it. Default: receipt.',
    }),
    'x-correlation-id': z.string().optional(),
  });

const listQuery = z.object({
  limit: z
    .string()
    .optional()
    .openapi({
      description: `Page size, 1–${LIMITS.maxPageSize} (default ${LIMITS.defaultPageSize}).`,
    }),
  cursor: z.string().optional().openapi({ description: 'The `next` of the previous page.' }),
});

const bearer = [{ bearerAuth: [] }];

function resourceOperations(resource: Resource): Operation[] {
  const { entity, label } = resource;
  const example = contractExamples().byEntity[entity];
  const tags = [`${label.vi} / ${label.en}`];
  const ops: Operation[] = [];
  const params = keyParams(resource);
  ops.push(
    createRoute({
      operationId: `get${entity}`,
      method: 'get',
      path: itemPath(resource),
      tags,
      security: bearer,
      summary: `Read one record: ${label.en}`,
      description: `The ${entity} record as stored, with its version (also as ETag). A provisional pupil identifier (TAM-…) that received a code resolves to the record.`,
      request: { params },
      responses: {
        200: json(recordViewSchema(resource), 'The record.', {
          ETag: { schema: { type: 'string' } },
        }),
        ...problems(...COMMON, 'forbidden', 'not-found'),
      },
    }) as Operation,
  );
  if (!resource.appendOnly) {
    ops.push(
      createRoute({
        operationId: `put${entity}`,
        method: 'put',
        path: itemPath(resource),
        tags,
        security: bearer,
        summary: `Create or update one record (upsert): ${label.en}`,
        description: `Upserts by identifier: 201 created, 200 updated, 200 unchanged (the same content again changes nothing, not even the version; a write whose information arose before the stored version's — X-Occurred-At — is not applied either: \`stale: true\`). The body's key fields must equal the path's: an identifier never changes (409). Checked with every record rule of @eduvn/rules; errors give 422 with every issue, queries are accepted and returned as warnings. Optimistic concurrency with \`If-Match: "<version>"\` (412 when it moved).`,
        request: {
          params,
          headers: writeHeaders(false).extend({
            'if-match': z.string().optional().openapi({
              description: 'The version the write expects, `"3"`; `*` for any existing record.',
            }),
          }),
          body: {
            required: true,
            content: {
              'application/json': {
                schema: wireSchemaOf(resource.schema),
                ...(example ? { example } : {}),
              },
            },
          },
        },
        responses: {
          200: json(recordResultSchema(resource), 'Updated, or unchanged.', {
            ETag: { schema: { type: 'string' } },
          }),
          201: json(recordResultSchema(resource), 'Created.', {
            ETag: { schema: { type: 'string' } },
            Location: { schema: { type: 'string' } },
          }),
          ...problems(
            ...COMMON,
            'malformed-request',
            'forbidden',
            'identifier-conflict',
            'idempotency-key-reused',
            'precondition-failed',
            'payload-too-large',
            'unsupported-media-type',
            'validation',
          ),
        },
      }) as Operation,
    );
  }
  if (resource.keyFields.length > 0) {
    ops.push(
      createRoute({
        operationId: `list${entity}`,
        method: 'get',
        path: collectionPath(resource),
        tags,
        security: bearer,
        summary: `List a school's records: ${label.en}`,
        description: 'By key, in pages: follow `next` until it is null.',
        request: { params: z.object({ truongId: truongParam }), query: listQuery },
        responses: {
          200: json(pageSchema(resource), 'A page.'),
          ...problems(...COMMON, 'malformed-request', 'forbidden'),
        },
      }) as Operation,
    );
  }
  if (resource.subject) {
    const eventExample = contractExamples().byEntity['SuKienTrangThai'];
    const path = `${itemPath(resource)}/su-kien`;
    ops.push(
      createRoute({
        operationId: `record${entity}Event`,
        method: 'post',
        path,
        tags,
        security: bearer,
        summary: `Record a status change: ${label.en}`,
        description: `Leaving, transferring, pausing, dropping out only change a status (seed regulation Art. 8 cl. 2–3): record a SuKienTrangThai about the person. Its DOI_TUONG must be ${resource.subject} and MA_DOI_TUONG the path's identifier. Append-only: the same event again is 200 unchanged; other content under its SU_KIEN_ID, 409. An illegal transition, a broken chain of statuses or a date going backwards: 422 with LIFE.* rule ids. The person's current status becomes the latest event's. The deadline runs from X-Occurred-At, or the event's NGAY_GHI_NHAN.`,
        request: {
          params,
          headers: writeHeaders(true),
          body: {
            required: true,
            content: {
              'application/json': {
                schema: wireSchemaOf(
                  RESOURCES.find((r) => r.entity === 'SuKienTrangThai')?.schema ?? resource.schema,
                ),
                ...(eventExample && resource.subject === 'HOC_SINH'
                  ? { example: eventExample }
                  : {}),
              },
            },
          },
        },
        responses: {
          200: json(EventResultSchema, 'Already recorded with this content.'),
          201: json(EventResultSchema, 'Recorded.'),
          ...problems(
            ...COMMON,
            'malformed-request',
            'idempotency-key-required',
            'forbidden',
            'not-found',
            'identifier-conflict',
            'event-immutable',
            'idempotency-key-reused',
            'payload-too-large',
            'unsupported-media-type',
            'validation',
          ),
        },
      }) as Operation,
      createRoute({
        operationId: `list${entity}Events`,
        method: 'get',
        path,
        tags,
        security: bearer,
        summary: `The status events of one person: ${label.en}`,
        request: { params },
        responses: {
          200: json(
            pageSchema(RESOURCES.find((r) => r.entity === 'SuKienTrangThai') as Resource),
            'Every event of the person at this school, oldest first.',
          ),
          ...problems(...COMMON, 'forbidden', 'not-found'),
        },
      }) as Operation,
    );
  }
  return ops;
}

/**
 * Every operation of the eduvn city-database API, version 1 — the contract the sandbox implements
 * and the client speaks. The OpenAPI document is generated from these.
 */
export function contractOperations(): Operation[] {
  const auth = createRoute({
    operationId: 'createToken',
    method: 'post',
    path: '/v1/token',
    tags: ['Xác thực / Authentication'],
    summary: 'Get a bearer token (OAuth 2.0 client credentials)',
    description:
      'Accounts are issued by the Phòng or Sở (seed regulation Art. 7): `quan-tri` (administration: reads and writes within its scope) or `khai-thac` (use: reads only). A school account reaches its school; a Phòng or Sở account the schools under it. The body is form-encoded or JSON; HTTP Basic with the client id and secret also works. The token expires (`expires_in`); get a new one before then or after a 401. The one POST that needs no Idempotency-Key: a token is not a change.',
    request: {
      body: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': { schema: TokenRequestSchema },
          'application/json': { schema: TokenRequestSchema },
        },
      },
    },
    responses: {
      200: json(TokenResponseSchema, 'A token.'),
      ...problems('malformed-request', 'invalid-client', 'rate-limited', 'unsupported-media-type'),
    },
  }) as Operation;
  const health = createRoute({
    operationId: 'getHealth',
    method: 'get',
    path: '/v1/health',
    tags: ['Hệ thống / System'],
    summary: 'Whether the server is up (no authentication)',
    responses: { 200: json(HealthSchema, 'Up.') },
  }) as Operation;
  const schools = createRoute({
    operationId: 'listSchools',
    method: 'get',
    path: '/v1/truong',
    tags: ['Trường và điểm trường / School and its sites'],
    security: bearer,
    summary: 'The schools this account reaches',
    description: 'A school account sees itself; a Phòng or Sở account every school under it.',
    responses: { 200: json(SchoolsSchema, 'The schools.'), ...problems(...COMMON) },
  }) as Operation;
  const batch = createRoute({
    operationId: 'submitBatch',
    method: 'post',
    path: '/v1/batches',
    tags: ['Đồng bộ / Sync'],
    security: bearer,
    summary: `Write up to ${LIMITS.maxBatchItems} records in one request`,
    description: `Each item is an upsert (or, for SuKienTrangThai, a status event) of one record of any school the account may write, answered on its own: partial success is normal, and each refused item carries its problem with its rule ids. Items are applied in order. Over ${LIMITS.maxBatchItems} items or ${LIMITS.maxBodyBytes} bytes: 413. Retrying with the same Idempotency-Key returns the stored answer; a batch interrupted part-way can be retried with the same key safely — items already applied come back unchanged.`,
    request: {
      headers: writeHeaders(true),
      body: {
        required: true,
        content: {
          'application/json': {
            schema: BatchRequestSchema,
            example: {
              items: ['Lop', 'HocSinh'].map((entity) => ({
                entity,
                data: contractExamples().byEntity[entity],
                occurredAt: '2026-09-05T08:30:00+07:00',
              })),
            },
          },
        },
      },
    },
    responses: {
      200: json(BatchResultSchema, 'Every item answered.'),
      ...problems(
        ...COMMON,
        'malformed-request',
        'idempotency-key-required',
        'idempotency-key-reused',
        'payload-too-large',
        'unsupported-media-type',
      ),
    },
  }) as Operation;
  const changes = createRoute({
    operationId: 'listChanges',
    method: 'get',
    path: '/v1/changes',
    tags: ['Đồng bộ / Sync'],
    security: bearer,
    summary: 'The delta feed: every change in commit order',
    description:
      'Records written, status events and pupil codes issued, of every school the account reaches (or one, with `truongId`), after `since`. Keep the last `next` and ask again: nothing is missed, nothing comes twice.',
    request: {
      query: z.object({
        since: z.string().optional().openapi({
          description: 'The `next` of the previous page; 0 or absent for the beginning.',
        }),
        limit: z
          .string()
          .optional()
          .openapi({ description: `1–${LIMITS.maxPageSize} (default ${LIMITS.defaultPageSize}).` }),
        truongId: z.string().optional().openapi({ description: 'Only this school.' }),
      }),
    },
    responses: {
      200: json(ChangesPageSchema, 'A page of changes.'),
      ...problems(...COMMON, 'malformed-request', 'forbidden'),
    },
  }) as Operation;
  const late = createRoute({
    operationId: 'listLatePushes',
    method: 'get',
    path: '/v1/late-pushes',
    tags: ['Đồng bộ / Sync'],
    security: bearer,
    summary: 'Schools that pushed changes after the 48-hour deadline',
    description:
      'For each school the account reaches with changes received in [from, to) more than the deadline after they arose (seed regulation Art. 6 cl. 2; the window is the server setting, 48 hours by default): how many, the longest delay, the last one. Most late first.',
    request: {
      query: z.object({
        from: z
          .string()
          .optional()
          .openapi({ description: 'ISO 8601 date or date-time; default 30 days ago.' }),
        to: z
          .string()
          .optional()
          .openapi({ description: 'ISO 8601 date or date-time; default now.' }),
      }),
    },
    responses: {
      200: json(LatePushesSchema, 'The schools.'),
      ...problems(...COMMON, 'malformed-request'),
    },
  }) as Operation;
  const audit = createRoute({
    operationId: 'listAudit',
    method: 'get',
    path: '/v1/audit',
    tags: ['Hệ thống / System'],
    security: bearer,
    summary: 'The audit log (Sở and Phòng accounts)',
    description:
      'Append-only: who did what, when, to which records, with what outcome — for the schools the account reaches. Personal IDs appear masked to their last three digits (*********234).',
    request: {
      query: z.object({
        since: z.string().optional(),
        limit: z.string().optional(),
      }),
    },
    responses: {
      200: json(AuditPageSchema, 'A page of the log.'),
      ...problems(...COMMON, 'malformed-request', 'forbidden'),
    },
  }) as Operation;
  return [
    auth,
    health,
    schools,
    ...RESOURCES.flatMap(resourceOperations),
    batch,
    changes,
    late,
    audit,
  ];
}
