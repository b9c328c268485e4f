import type { z } from 'zod';
import { contractOperations } from './contract/operations.ts';

const operations = new Map(contractOperations().map((o) => [o.operationId, o]));

/**
 * Asserts that a response body follows the contract: the schema the OpenAPI operation declares for
 * this status (JSON or problem+json). Throws with zod's report when it does not.
 */
export function assertContract(operationId: string, status: number, body: unknown): void {
  const op = operations.get(operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  const response = (
    op.responses as Record<string, { content?: Record<string, { schema: z.ZodType }> }>
  )[String(status)];
  if (!response) throw new Error(`${operationId} does not document status ${status}`);
  const content = response.content ?? {};
  const schema = Object.values(content)[0]?.schema;
  if (!schema) return;
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(
      `${operationId} ${status} breaks the contract: ${JSON.stringify(result.error.issues.slice(0, 5))}`,
    );
}
