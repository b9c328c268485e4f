import { expectExampleRowSkipped } from '@eduvn/adapter-kit/testing';
import { describe, expect, it } from 'vitest';
import { adapterFixtures } from './fixtures.test-helper.ts';

// A form's filled-in example row (`VD` … `Nguyễn Văn A`) under the header is skipped with its
// reason, never read as a person: each xlsx fixture of the adapter is written again with such a
// row above its first record, and read again.

describe('example rows under the header', () => {
  it('are skipped with their reason in every layout of the adapter', async () => {
    let checked = 0;
    for (const { adapter, fixtures } of await adapterFixtures()) {
      for (const fixture of fixtures) {
        if (await expectExampleRowSkipped(adapter, fixture)) checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 60_000);
});
