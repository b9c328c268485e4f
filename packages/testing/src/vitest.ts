/**
 * Registers the eduvn matchers with vitest and adds their types to vitest's `expect`: load it once,
 * from a setup file (`test.setupFiles` in `vitest.config.ts`) or at the top of a test file.
 *
 * ```ts no-run
 * import '@eduvn/testing/vitest';
 *
 * expect(pupil).toConformTo('HocSinh');
 * await expect(records).toFailRule('ID.UNIQUE.001', { asOf: '2026-05-31' }); // async: await it
 * ```
 *
 * A separate entry point because vitest is an optional peer dependency: `@eduvn/testing` itself
 * never imports it.
 *
 * @packageDocumentation
 */

import { expect } from 'vitest';
import { eduvnMatchers } from './matchers/matchers.ts';
import type { EduvnAssertions, EduvnAsymmetricMatchers } from './matchers/types.ts';

expect.extend(eduvnMatchers);

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the type parameter must be declared as vitest declares it.
  interface Assertion<T = any> extends EduvnAssertions {}
  interface AsymmetricMatchersContaining extends EduvnAsymmetricMatchers {}
}

export type { EntityName } from './matchers/entity-name.ts';
export { type EduvnMatchersObject, eduvnMatchers } from './matchers/matchers.ts';
export type { EduvnAssertions, EduvnAsymmetricMatchers, MatcherResult } from './matchers/types.ts';
