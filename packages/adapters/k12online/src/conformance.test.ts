import { testAdapter } from '@eduvn/adapter-kit/testing';
import { adapterFixtures } from './fixtures.test-helper.ts';

/** The K12Online adapter passes the shared conformance suite, writer round trip included. */
for (const { adapter, fixtures } of await adapterFixtures()) testAdapter(adapter, fixtures);
