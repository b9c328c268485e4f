import { expect } from 'vitest';
import { PROBLEM_TYPE_PREFIX, PROBLEM_TYPES, type ProblemType } from '../contract/problems.ts';
import type { Answer } from './world.test-helper.ts';

/**
 * Asserts that an answer is an RFC 9457 problem document of the eduvn API: the status, the
 * `application/problem+json` type, `type` = `urn:eduvn:problem:<slug>` with the slug's titles,
 * and the correlation id of the body equal to the `X-Correlation-Id` header. Returns the document.
 */
export function expectProblem(
  answer: Answer,
  status: number,
  slug?: ProblemType,
  // biome-ignore lint/suspicious/noExplicitAny: a problem document with its type's extensions
): any {
  const context = `${answer.status} ${answer.text.slice(0, 400)}`;
  expect(answer.status, context).toBe(status);
  expect(answer.headers.get('content-type'), context).toMatch(/^application\/problem\+json\b/);
  const doc = answer.body;
  expect(doc, context).toBeTypeOf('object');
  expect(doc.status, context).toBe(status);
  expect(doc.type, context).toMatch(new RegExp(`^${PROBLEM_TYPE_PREFIX}[a-z-]+$`));
  const type = (doc.type as string).slice(PROBLEM_TYPE_PREFIX.length) as ProblemType;
  expect(Object.hasOwn(PROBLEM_TYPES, type), context).toBe(true);
  if (slug !== undefined) expect(type, context).toBe(slug);
  expect(doc.title).toBe(PROBLEM_TYPES[type].title);
  expect(doc.titleVi).toBe(PROBLEM_TYPES[type].titleVi);
  expect(typeof doc.detail).toBe('string');
  const correlationId = answer.headers.get('x-correlation-id');
  expect(correlationId, context).toBeTruthy();
  expect(doc.correlationId, context).toBe(correlationId);
  return doc;
}
