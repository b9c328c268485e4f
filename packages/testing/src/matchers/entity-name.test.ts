import { ENTITIES, entityOf } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { toConformTo } from './to-conform-to.ts';

describe('EntityName', () => {
  it('is every entity of @eduvn/standard: toConformTo knows each of them', () => {
    // The type is checked against this list in matchers.test-d.ts; here the list against the standard.
    const names = ENTITIES.map((e) => entityOf(e).name);
    expect(names).toHaveLength(42);
    for (const name of names) expect(() => toConformTo({}, name as never)).not.toThrow();
  });
});
