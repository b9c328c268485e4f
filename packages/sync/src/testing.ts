/**
 * The conformance suite of outbox stores, for vitest: the built-in stores pass it, and a vendor's
 * own store can run it too.
 *
 * ```ts
 * import { testOutboxStore } from '@eduvn/sync/testing';
 * testOutboxStore('my store', () => createMyStore());
 * ```
 *
 * @module
 */
export type {
  OutboxStoreFactory,
  SharedOutbox,
  TestOutboxStoreOptions,
} from './store/conformance/context.ts';
export { testOutboxStore } from './store/conformance/suite.ts';
