import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText } from './json-text.ts';

describe('jsonText', () => {
  it('is JSON that reads back as the same value, keys in the same order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.stringify(JSON.parse(jsonText(value)))).toBe(JSON.stringify(value));
      }),
    );
  });

  it('lays out as the formatter does: objects expanded, short lists of plain values inline', () => {
    expect(jsonText({ a: ['X.Y.001', 'X.Y.002'], b: [], c: {}, d: [{ e: 1 }] })).toBe(
      '{\n  "a": ["X.Y.001", "X.Y.002"],\n  "b": [],\n  "c": {},\n  "d": [\n    {\n      "e": 1\n    }\n  ]\n}\n',
    );
    const long = Array.from({ length: 12 }, (_, i) => `RULE.ID.${String(i).padStart(3, '0')}`);
    expect(jsonText({ ids: long })).toBe(
      `{\n  "ids": [\n${long.map((id) => `    "${id}"`).join(',\n')}\n  ]\n}\n`,
    );
  });
});
