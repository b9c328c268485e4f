import { testAdapter } from '@eduvn/adapter-kit/testing';
import { adapterFixtures } from './fixtures.test-helper.ts';

/** Every adapter of the package passes the kit's conformance suite, each against the others. */
const all = await adapterFixtures();
for (const { adapter, fixtures } of all) {
  testAdapter(adapter, fixtures, {
    competitors: all.map((a) => a.adapter).filter((a) => a !== adapter),
  });
}
