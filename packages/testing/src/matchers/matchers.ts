import type { ValidateOptions } from '@eduvn/rules';
import type { EntityName } from './entity-name.ts';
import { toConformTo } from './to-conform-to.ts';
import { toFailRule } from './to-fail-rule.ts';
import type { MatcherResult } from './types.ts';

/** The type of {@link eduvnMatchers}: what `expect.extend` takes. */
export type EduvnMatchersObject = {
  /** See {@link toConformTo}. */
  readonly toConformTo: (received: unknown, entity: EntityName) => MatcherResult;
  /** See {@link toFailRule}. */
  readonly toFailRule: (
    received: unknown,
    ruleId: string,
    options?: ValidateOptions,
  ) => Promise<MatcherResult>;
};

/**
 * The eduvn matchers as an object for `expect.extend` — vitest's, or Jest's (same contract):
 * `toConformTo(entity)` and `toFailRule(ruleId, options?)`. Importing this does not import vitest;
 * `import '@eduvn/testing/vitest'` registers them with vitest and adds their types.
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * expect.extend(eduvnMatchers);
 * ```
 */
export const eduvnMatchers: EduvnMatchersObject = Object.freeze({ toConformTo, toFailRule });
