import { wireSchemaOf } from '@eduvn/standard';
import { z } from '@hono/zod-openapi';
import { LIMITS } from './limits.ts';
import { PROBLEM_TYPE_PREFIX, PROBLEM_TYPES } from './problems.ts';
import type { Resource } from './resources.ts';

const bilingual = z
  .object({ vi: z.string(), en: z.string() })
  .openapi({ description: 'A text in Vietnamese and English.' });

/** One issue of a 409 or 422, or a warning of an accepted write. */
export const ApiIssueSchema = z
  .object({
    ruleId: z.string().openapi({
      description: 'The rule id from the rule catalog of @eduvn/rules (docs/rules.md).',
      example: 'ID.PERSONAL.002',
    }),
    severity: z.enum(['error', 'query']).openapi({
      description: '`error`: the write is refused. `query`: accepted; fix it or acknowledge it.',
    }),
    pointer: z.string().openapi({
      description: 'RFC 6901 JSON Pointer into the wire object; empty for the whole record.',
      example: '/MA_CONG_DAN_ID',
    }),
    message: bilingual,
    hint: bilingual.optional(),
  })
  .openapi('Issue');

/** An RFC 9457 problem document. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({
      description: `\`${PROBLEM_TYPE_PREFIX}<slug>\`; the slugs: ${Object.keys(PROBLEM_TYPES)
        .map((t) => `\`${t}\``)
        .join(', ')}.`,
      example: `${PROBLEM_TYPE_PREFIX}validation`,
    }),
    title: z.string(),
    titleVi: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    correlationId: z.string(),
    ruleIds: z.array(z.string()).optional(),
    issues: z.array(ApiIssueSchema).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem', {
    description:
      'RFC 9457 problem document (`application/problem+json`). Extensions by type: `retryAfter` (rate-limited), `limit` (payload-too-large), `reason` (unauthorized, forbidden), `basis` (no-delete), `currentVersion` (precondition-failed).',
  });

const keySchema = z.record(z.string(), z.string()).openapi({
  description: "The record's key after TRUONG_ID, by QĐ 4998 symbol.",
  example: { HOC_SINH_ID: '790007010000001' },
});

const writeFields = {
  outcome: z.enum(['created', 'updated', 'unchanged']),
  entity: z.string().openapi({ example: 'HocSinh' }),
  truongId: z.string().openapi({ example: '79000701' }),
  key: keySchema,
  version: z.number().int().positive(),
  occurredAt: z.string().openapi({
    description:
      'When the information arose (the client said so in X-Occurred-At; receipt when absent).',
  }),
  receivedAt: z.string().openapi({ description: 'When the server received it.' }),
  late: z.boolean().openapi({
    description:
      'Received more than 48 hours (configurable) after it arose: PUSH.DEADLINE.001, seed regulation Art. 6 cl. 2. Late writes are accepted and counted.',
  }),
  warnings: z.array(ApiIssueSchema).openapi({
    description: 'Issues that did not stop the write: queries, and PUSH.DEADLINE.001 when late.',
  }),
  stale: z.boolean().optional().openapi({
    description:
      'true when the write was not applied because the stored version arose later (X-Occurred-At): a late retry never overwrites a newer write. The outcome is then unchanged.',
  }),
  identifierIssued: z
    .object({ entity: z.literal('HocSinh'), from: z.string(), to: z.string() })
    .optional()
    .openapi({
      description:
        'A pupil pushed under a provisional identifier (TAM-…) received this HOC_SINH_ID; the provisional one keeps resolving to the record.',
    }),
};

/** The answer to a write of one record, with the record (its `data` in the entity's wire schema). */
export function recordResultSchema(resource: Resource) {
  return z
    .object({ ...writeFields, data: wireSchemaOf(resource.schema) })
    .openapi(`${resource.entity}Result`);
}

/** A stored record as `GET` returns it. */
export function recordViewSchema(resource: Resource) {
  return z
    .object({
      entity: z.string(),
      truongId: z.string(),
      key: keySchema,
      version: z.number().int().positive(),
      createdAt: z.string(),
      updatedAt: z.string(),
      data: wireSchemaOf(resource.schema),
    })
    .openapi(`${resource.entity}Record`);
}

/** The answer to a status event. */
export const EventResultSchema = z
  .object({
    ...writeFields,
    data: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The event, a SuKienTrangThai wire object.' }),
    person: z.object({
      entity: z.enum(['HocSinh', 'CanBo']),
      key: keySchema,
      version: z.number().int(),
      status: z.string().openapi({ example: 'CHUYEN_DI' }),
    }),
  })
  .openapi('EventResult');

/** A page of a list. */
export function pageSchema(resource: Resource) {
  return z
    .object({
      data: z.array(wireSchemaOf(resource.schema)),
      next: z
        .string()
        .nullable()
        .openapi({ description: 'Pass as `cursor` for the next page; null at the end.' }),
    })
    .openapi(`${resource.entity}Page`);
}

/** The body of `POST /v1/batches`. */
export const BatchRequestSchema = z
  .object({
    items: z
      .array(
        z.object({
          entity: z.string().openapi({
            description:
              'The entity of `data` (`HocSinh`, `Lop`, …; `SuKienTrangThai` records a status event).',
            example: 'HocSinh',
          }),
          data: z.record(z.string(), z.unknown()).openapi({
            description: "The record's wire object; its TRUONG_ID names the school.",
          }),
          occurredAt: z.string().optional().openapi({
            description:
              'When the information arose (ISO 8601 with an offset). Default: NGAY_GHI_NHAN for events, receipt otherwise.',
          }),
        }),
      )
      .min(1)
      .max(LIMITS.maxBatchItems),
  })
  .openapi('BatchRequest');

/** The answer to `POST /v1/batches`. */
export const BatchResultSchema = z
  .object({
    results: z.array(
      z.union([
        z.object({
          index: z.number().int(),
          status: z.union([z.literal(200), z.literal(201)]),
          ...writeFields,
        }),
        z.object({
          index: z.number().int(),
          status: z.number().int(),
          outcome: z.literal('rejected'),
          problem: ProblemSchema.omit({ instance: true, correlationId: true }),
        }),
      ]),
    ),
    summary: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
  })
  .openapi('BatchResult');

/** One entry of the delta feed. */
export const ChangeSchema = z
  .object({
    seq: z.number().int().positive(),
    type: z.enum(['upsert', 'status-event', 'identifier-issued']),
    truongId: z.string(),
    entity: z.string(),
    key: keySchema,
    version: z.number().int().optional(),
    occurredAt: z.string(),
    receivedAt: z.string(),
    late: z.boolean(),
    data: z.record(z.string(), z.unknown()).openapi({
      description: 'The record or event as written; for identifier-issued, `{ from, to }`.',
    }),
  })
  .openapi('Change');

/** A page of the delta feed. */
export const ChangesPageSchema = z
  .object({
    data: z.array(ChangeSchema),
    next: z
      .string()
      .openapi({ description: 'Pass as `since` to continue (also when there was nothing new).' }),
    hasMore: z.boolean(),
  })
  .openapi('ChangesPage');

/** The token request (OAuth 2.0 client credentials). */
export const TokenRequestSchema = z
  .object({
    grant_type: z.literal('client_credentials'),
    client_id: z.string().openapi({ example: 'thtanthuan-quantri' }),
    client_secret: z.string(),
  })
  .openapi('TokenRequest');

/** The token response. */
export const TokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().openapi({ description: 'Seconds until the token expires.' }),
    scope: z.string().openapi({
      description: 'The account kind and the unit it reaches, e.g. `quan-tri truong:79000701`.',
      example: 'quan-tri truong:79000701',
    }),
  })
  .openapi('TokenResponse');

/** The schools an account reaches. */
export const SchoolsSchema = z
  .object({
    data: z.array(
      z.object({
        truongId: z.string(),
        name: z.string(),
        parentId: z.string().nullable(),
        pushed: z
          .boolean()
          .openapi({ description: 'Whether the school record (Truong) has been pushed.' }),
      }),
    ),
  })
  .openapi('Schools');

/** Schools that pushed late. */
export const LatePushesSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    deadlineHours: z.number(),
    data: z.array(
      z.object({
        truongId: z.string(),
        changes: z.number().int(),
        late: z.number().int(),
        maxDelayHours: z.number(),
        lastLateAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('LatePushes');

/** A page of the audit log. */
export const AuditPageSchema = z
  .object({
    data: z.array(
      z.object({
        seq: z.number().int(),
        at: z.string(),
        accountId: z.string().nullable(),
        action: z.string(),
        truongId: z.string().nullable(),
        status: z.number().int(),
        correlationId: z.string(),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
    next: z.string(),
    hasMore: z.boolean(),
  })
  .openapi('AuditPage');

/** The health check. */
export const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string(), contract: z.string() })
  .openapi('Health');
