import { OpenAPIHono } from '@hono/zod-openapi';
import { LIMITS } from './limits.ts';
import { contractOperations } from './operations.ts';
import { NO_DELETE_BASIS, PROBLEM_TYPE_PREFIX } from './problems.ts';

/** The version of the API contract (the OpenAPI document's `info.version`). */
export const CONTRACT_VERSION = '1.0.0';

const DESCRIPTION = `The city education database API of eduvn (CSDL giáo dục thành phố): how school software (QLNT) pushes every change to the city database within 48 hours by system-to-system integration (seed regulation Art. 6 cl. 2, Art. 9 cl. 1). No Vietnamese education database publishes an API; eduvn defines this one in the conventions of Ed-Fi (upsert on the natural key, every validation error at once), Stripe (idempotency keys, a mock server) and OneRoster (delta reads, conformance sets). \`@eduvn/sandbox\` implements it; \`@eduvn/client\` speaks it.

- **Bodies** are wire objects of QĐ 4998/QĐ-BGDĐT: the standard's field symbols (UPPER_SNAKE) as keys, ISO 8601 dates, sub-tables as arrays under their symbols. Unknown symbols are refused (422).
- **Identifiers never change and nothing is deleted** (${NO_DELETE_BASIS}). There is no DELETE: it is answered 405. A pupil who transfers or drops out changes status through a status event. Changing a record's identifier, or giving one to another person (the same identifier with another personal ID, or one person under two identifiers): 409 with the rule id.
- **Identifiers are issued by the database** (seed regulation Art. 8 cl. 1): a grade-1 pupil pushed under a provisional identifier (\`TAM-\` and up to 16 letters or digits) receives a HOC_SINH_ID, announced in the answer and in the delta feed; the provisional one keeps resolving to the record.
- **Every POST carries an Idempotency-Key** (except the token request); retries of a write never apply it twice.
- **Errors** are RFC 9457 problem documents (\`application/problem+json\`) with \`type\` = \`${PROBLEM_TYPE_PREFIX}<slug>\`, a Vietnamese and an English title, the correlation id, and for 409 and 422 the rule ids of @eduvn/rules and every issue with a JSON Pointer and a Vietnamese and English message.
- **Every response** carries \`X-Correlation-Id\`. Limits: ${LIMITS.maxBatchItems} records per batch, ${LIMITS.maxBodyBytes} bytes per body (413), JSON nested at most ${LIMITS.maxJsonDepth} deep, pages of ${LIMITS.maxPageSize}. Too many requests: 429 with \`Retry-After\`. A body that is not JSON: 415.
- **The 48-hour deadline**: every write records when the information arose (\`X-Occurred-At\`, or per batch item \`occurredAt\`) and when it was received; late writes are accepted, flagged (\`late\`, PUSH.DEADLINE.001) and listed for the Sở (\`GET /v1/late-pushes\`).`;

/**
 * The OpenAPI 3.1 document of the API contract, generated from the zod schemas of
 * `@eduvn/standard` (wire objects) and of the contract (envelopes, problems) through
 * `@hono/zod-openapi`. The committed `openapi.json` of this package is this document; a test
 * fails when it is stale.
 */
export function openApiDocument(): ReturnType<OpenAPIHono['getOpenAPI31Document']> {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from POST /v1/token.',
  });
  for (const operation of contractOperations()) app.openAPIRegistry.registerPath(operation);
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'eduvn city education database API',
      version: CONTRACT_VERSION,
      description: DESCRIPTION,
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [
      { url: 'http://127.0.0.1:4010', description: 'eduvn sandbox (`eduvn-sandbox --port 4010`)' },
    ],
  });
}
