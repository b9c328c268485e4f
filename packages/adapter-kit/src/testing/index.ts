/**
 * The adapter conformance suite (`testAdapter`), the hostile corpus it reads (`hostileFile`,
 * `hostileCorpus`, `expectHostileOutcome`), `expectExampleRowSkipped`, and fixture builders
 * (`writeLegacyXls`), for adapters'
 * own test files. A separate entry
 * point, `@eduvn/adapter-kit/testing`, because it runs inside vitest.
 *
 * @packageDocumentation
 */

export { expectExampleRowSkipped } from './example-rows.ts';
export {
  HOSTILE_ATTACKS,
  type HostileAttack,
  type HostileFile,
  type HostileOptions,
  type HostileOutcome,
  type HostileRead,
  type HostileRefusal,
  type HostileRowIssue,
  hostileCorpus,
  hostileFile,
} from './hostile.ts';
export { type LegacySheet, type LegacyXlsOptions, writeLegacyXls } from './legacy-xls.ts';
export {
  type AdapterFixture,
  expectHostileOutcome,
  type FixtureExpectation,
  type HostileEnding,
  type TestAdapterOptions,
  testAdapter,
} from './test-adapter.ts';
