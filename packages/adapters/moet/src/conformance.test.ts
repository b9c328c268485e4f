import { testAdapter } from '@eduvn/adapter-kit/testing';
import { adapterFixtures } from './fixtures.test-helper.ts';

/**
 * The adapter kit's conformance suite on every adapter of the package, each against the others
 * as detection competitors.
 */
const all = await adapterFixtures();
for (const { adapter, fixtures } of all) {
  testAdapter(adapter, fixtures, {
    competitors: all.map((a) => a.adapter).filter((a) => a !== adapter),
  });
}
