/**
 * Detection across every adapter package: each package's fixtures (files made by its writers and
 * hand-built tricky ones) must be recognised as its own adapter's among all adapters of all
 * packages — the national database, SMAS, MISA, K12Online and CSV layouts side by side.
 */
import type { Adapter } from '@eduvn/adapter-kit';
import { detectAdapter } from '@eduvn/adapter-kit';
import type { AdapterFixture } from '@eduvn/adapter-kit/testing';
import { describe, expect, it } from 'vitest';
import { adapterFixtures as csv } from '../../../packages/adapters/csv/src/fixtures.test-helper.ts';
import { adapterFixtures as k12online } from '../../../packages/adapters/k12online/src/fixtures.test-helper.ts';
import { adapterFixtures as misa } from '../../../packages/adapters/misa/src/fixtures.test-helper.ts';
import { adapterFixtures as moet } from '../../../packages/adapters/moet/src/fixtures.test-helper.ts';
import { adapterFixtures as smas } from '../../../packages/adapters/smas/src/fixtures.test-helper.ts';

const packages = { moet, smas, misa, k12online, csv };
const sets: { pkg: string; adapter: Adapter; fixtures: readonly AdapterFixture[] }[] = [];
for (const [pkg, load] of Object.entries(packages)) {
  for (const set of await load()) sets.push({ pkg, ...set });
}
const everyAdapter = [...new Set(sets.map((s) => s.adapter))];

describe('detectAdapter across every adapter package', () => {
  it('has fixtures from every package', () => {
    expect(new Set(sets.map((s) => s.pkg))).toEqual(new Set(Object.keys(packages)));
    expect(everyAdapter.length).toBeGreaterThanOrEqual(8);
  });

  for (const { pkg, adapter, fixtures } of sets) {
    for (const fixture of fixtures) {
      it(`${pkg}: ${fixture.name} is recognised as ${adapter.id}`, async () => {
        const ranked = await detectAdapter(fixture.bytes, everyAdapter, { file: fixture.name });
        const summary = ranked.slice(0, 3).map((d) => `${d.adapter.id} ${d.confidence.toFixed(2)}`);
        expect(ranked[0]?.adapter.id, summary.join(', ')).toBe(adapter.id);
        expect(ranked[0]?.confidence).toBeGreaterThan(0.5);
      });
    }
  }
});
