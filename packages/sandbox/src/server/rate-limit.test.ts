import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill, per caller', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take('a', 0))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('b', 0)).toBe(0);
    expect(limiter.take('a', 500)).toBe(0);
    expect(limiter.take('a', 500)).toBe(1);
  });

  it('remembers a bounded number of callers', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 });
    for (let i = 0; i < 20_000; i++) limiter.take(`caller-${i}`, 0);
    expect(limiter.take('caller-0', 0)).toBe(0);
    expect(limiter.take('caller-19999', 0)).toBe(1);
  });

  it('refuses nonsense settings', () => {
    expect(() => new RateLimiter({ perSecond: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ burst: 0 })).toThrow(RangeError);
  });
});
