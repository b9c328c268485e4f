import { describe, expect, it } from 'vitest';
import { headerSimilarity } from './similarity.ts';

describe('headerSimilarity', () => {
  it('lets a header add words to a label, but not drop them', () => {
    expect(headerSimilarity('ho ten cha', 'ten cha')).toBeCloseTo(0.909, 3);
    expect(headerSimilarity('ho ten', 'ho ten cha')).toBe(0);
    expect(headerSimilarity('ma bhyt', 'ma')).toBe(0);
  });

  it('forgives typing slips', () => {
    expect(headerSimilarity('nghe nghiep cua me', 'nghe nghiep cua m')).toBeGreaterThan(0.8);
    expect(headerSimilarity('ngay sinh', 'ngay sinh')).toBe(1);
  });

  it('compares nothing absurd', () => {
    expect(headerSimilarity('', 'ho ten')).toBe(0);
    expect(headerSimilarity('ho ten '.repeat(100), 'ho ten')).toBe(0);
  });
});
