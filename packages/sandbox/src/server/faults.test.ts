import { describe, expect, it } from 'vitest';
import { FaultInjector, NO_FAULT } from './faults.ts';
import { seededRandom } from './random.ts';

describe('FaultInjector', () => {
  it('does nothing by default', () => {
    expect(new FaultInjector({}, seededRandom(1)).plan(undefined, false)).toBe(NO_FAULT);
  });

  it('reads the X-Eduvn-Fault header', () => {
    const f = new FaultInjector({}, seededRandom(1));
    expect(f.plan('status=429; retry-after=2', false)).toEqual({
      latencyMs: 0,
      status: 429,
      retryAfter: 2,
    });
    expect(f.plan('drop', false)).toEqual({ latencyMs: 0, drop: 'before' });
    expect(f.plan('drop-after, latency=20', false)).toEqual({ latencyMs: 20, drop: 'after' });
    expect(f.plan('partial=3', true)).toEqual({ latencyMs: 0, partial: 3 });
    expect(f.plan('partial', true)).toEqual({ latencyMs: 0, partial: -1 });
    for (const bad of [
      'status=200',
      'status=abc',
      'latency=-1',
      'latency=999999',
      'drop=1',
      'explode',
      'retry-after=1.5',
    ])
      expect(() => f.plan(bad, false)).toThrow(/X-Eduvn-Fault|x-eduvn-fault/i);
  });

  it('ignores the header when told to', () => {
    expect(new FaultInjector({ header: false }, seededRandom(1)).plan('drop', false)).toBe(
      NO_FAULT,
    );
  });

  it('injects faults at the rates given, the same for the same seed', () => {
    const run = (seed: number) => {
      const f = new FaultInjector(
        { errorRate: 0.3, rateLimitRate: 0.2, latencyMs: [5, 10], seed },
        seededRandom(seed),
      );
      return Array.from({ length: 1000 }, () => f.plan(undefined, false));
    };
    const plans = run(7);
    expect(run(7)).toEqual(plans);
    const errors = plans.filter((p) => p.status === 503).length;
    expect(errors).toBeGreaterThan(240);
    expect(errors).toBeLessThan(360);
    expect(plans.every((p) => p.latencyMs >= 5 && p.latencyMs <= 10)).toBe(true);
    expect(plans.filter((p) => p.status === 429).every((p) => p.retryAfter === 1)).toBe(true);
  });

  it('refuses a rate outside [0, 1]', () => {
    expect(() => new FaultInjector({ dropRate: 1.5 }, seededRandom(1))).toThrow(RangeError);
  });
});
