import { describe, expect, it } from 'vitest';
import { conformanceSet } from './load.ts';
import { CONFORMANCE_FORMAT, CONFORMANCE_FORMAT_VERSION } from './types.ts';

describe('conformanceSet', () => {
  it('reads the published records set, typed and checked', () => {
    const set = conformanceSet('records');
    expect(set.format).toBe(CONFORMANCE_FORMAT);
    expect(set.version).toBe(CONFORMANCE_FORMAT_VERSION);
    expect(set.set).toBe('records');
    expect(set.cases.length).toBeGreaterThan(50);
  });

  it('reads once, and gives a deeply frozen set', () => {
    const set = conformanceSet('records');
    expect(conformanceSet('records')).toBe(set);
    expect(Object.isFrozen(set.cases)).toBe(true);
    expect(Object.isFrozen(set.cases[0]?.records[0]?.wire)).toBe(true);
    expect(() => {
      (set.cases as unknown[]).push({});
    }).toThrowError(TypeError);
  });

  it('refuses an unknown name, without touching the file system for it', () => {
    for (const name of ['rules', '../package', '__proto__', '', 'records.json']) {
      expect(() => conformanceSet(name as never)).toThrowError(RangeError);
    }
    expect(() => conformanceSet(42 as never)).toThrowError(
      /unknown set "42"; expected one of records/,
    );
  });
});
