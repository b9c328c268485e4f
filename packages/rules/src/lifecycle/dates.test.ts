import { describe, expect, it } from 'vitest';
import { instantOf, recordedBeforeEffective, vietnamDayOf } from './dates.ts';

describe('instantOf', () => {
  it('reads RFC 3339 date-times with their offset', () => {
    expect(instantOf('2025-09-05T08:30:00+07:00')).toBe(Date.parse('2025-09-05T01:30:00Z'));
    expect(instantOf('2025-09-05T01:30:00.250Z')).toBe(Date.parse('2025-09-05T01:30:00.250Z'));
    expect(instantOf('2025-09-05T01:30:00.999999999Z')).toBe(
      Date.parse('2025-09-05T01:30:00.999Z'),
    );
    expect(instantOf('2025-09-05T01:30:00-05:30')).toBe(Date.parse('2025-09-05T07:00:00Z'));
  });

  it('refuses what the schema refuses', () => {
    for (const bad of [
      '2025-09-05',
      '2025-09-05T08:30:00',
      '2025-02-30T08:30:00Z',
      '2025-09-05T24:00:00Z',
      42,
      undefined,
    ]) {
      expect(instantOf(bad)).toBeUndefined();
    }
  });
});

describe('vietnamDayOf / recordedBeforeEffective', () => {
  it('take the day in Vietnam time', () => {
    expect(vietnamDayOf(Date.parse('2025-09-04T17:00:00Z'))).toBe('2025-09-05');
    expect(vietnamDayOf(Date.parse('2025-09-04T16:59:59Z'))).toBe('2025-09-04');
    expect(recordedBeforeEffective('2025-09-05', '2025-09-04T23:30:00Z')).toBe(false);
    expect(recordedBeforeEffective('2025-09-05', '2025-09-04T16:00:00+07:00')).toBe(true);
    expect(recordedBeforeEffective('2025-09-05', '2025-09-05T00:00:00+07:00')).toBe(false);
  });

  it('never judge malformed values', () => {
    expect(recordedBeforeEffective('05/09/2025', '2025-09-04T16:00:00+07:00')).toBe(false);
    expect(recordedBeforeEffective('2025-09-05', 'yesterday')).toBe(false);
  });
});
