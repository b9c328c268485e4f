import type { ValidateOptions } from '@eduvn/rules';
import type { EntityName } from './entity-name.ts';

/** What a matcher gives back to the test runner (the shape vitest's and Jest's `expect.extend` take). */
export interface MatcherResult {
  /** Whether the assertion holds (before `.not`). */
  readonly pass: boolean;
  /** Why it failed: the message for a failure, `.not` or not. */
  readonly message: () => string;
}

/**
 * The eduvn assertions on vitest's `expect(value)` once `@eduvn/testing/vitest` is loaded (it adds
 * them to vitest's `Assertion` type).
 */
export interface EduvnAssertions {
  /**
   * Passes when the value is a canonical record that follows the entity's schema (QĐ 4998 types,
   * lengths, ISO dates, closed sets, no unknown field). The failure lists every problem by QĐ 4998
   * symbol, never the values. Throws for a name that is not an entity of the standard.
   *
   * @example
   * ```ts
   * expect(pupil).toConformTo('HocSinh');
   * expect({ hocSinhId: 'HS1', hoTen: 'x'.repeat(51) }).not.toConformTo('HocSinh');
   * ```
   */
  toConformTo(entity: EntityName): void;
  /**
   * Passes when validating the value reports at least one issue of the rule. The value is an array
   * of `{ entity, record }` (validated with `validate` of @eduvn/rules and `options`) or a `Report`
   * already made. **Async: always `await` it.** The failure says which rules did fire. Throws when
   * the rule did not run (a mistyped id, a period rule without `period`, a change rule without
   * `previous`), so that `.not` cannot pass by accident.
   *
   * @example
   * ```ts
   * await expect(records).toFailRule('ID.UNIQUE.001', { asOf: '2026-05-31' });
   * await expect(report).not.toFailRule('TT28.CLASS.001');
   * ```
   */
  toFailRule(ruleId: string, options?: ValidateOptions): Promise<void>;
}

/**
 * The eduvn asymmetric matchers on vitest's `expect`, for use inside `toEqual` and the like
 * (`expect(x).toEqual({ pupil: expect.toConformTo('HocSinh') })`). Only the synchronous one:
 * `toFailRule` is async and has no asymmetric form.
 */
export interface EduvnAsymmetricMatchers {
  /** Matches a canonical record that follows the entity's schema (see {@link EduvnAssertions.toConformTo}). */
  toConformTo(entity: EntityName): unknown;
}
