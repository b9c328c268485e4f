import { testAdapter } from '@eduvn/adapter-kit/testing';
import { misaClassAdapter } from './adapters.ts';
import { adapterFixtures } from './fixtures.test-helper.ts';

/** Both MISA adapters pass the shared conformance suite, each ranked above the other on its files. */
const sets = await adapterFixtures();
for (const { adapter, fixtures } of sets) {
  testAdapter(adapter, fixtures, {
    competitors: sets.map((s) => s.adapter).filter((a) => a !== adapter),
    // The one-sheet-per-class form reads only sheets named for a class.
    ...(adapter === misaClassAdapter ? { hostileSheet: '1A' } : {}),
  });
}
