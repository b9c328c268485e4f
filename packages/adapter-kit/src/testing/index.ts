/**
 * The adapter conformance suite (`testAdapter`), for adapters' own test files. A separate entry
 * point, `@eduvn/adapter-kit/testing`, because it runs inside vitest.
 *
 * @packageDocumentation
 */
export {
  type AdapterFixture,
  type FixtureExpectation,
  type TestAdapterOptions,
  testAdapter,
} from './test-adapter.ts';
