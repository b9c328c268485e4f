/**
 * The adapter conformance suite (`testAdapter`) and fixture builders (`writeLegacyXls`), for
 * adapters' own test files. A separate entry
 * point, `@eduvn/adapter-kit/testing`, because it runs inside vitest.
 *
 * @packageDocumentation
 */

export { type LegacySheet, type LegacyXlsOptions, writeLegacyXls } from './legacy-xls.ts';
export {
  type AdapterFixture,
  type FixtureExpectation,
  type TestAdapterOptions,
  testAdapter,
} from './test-adapter.ts';
