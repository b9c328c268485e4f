import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConformanceSetError } from './errors.ts';
import { parseConformanceSet } from './parse.ts';
import { smallSet } from './set.test-helper.ts';

const DELETE = Symbol('delete');

/** A copy of the small set with the value at `path` replaced (or deleted). */
function damaged(path: readonly (string | number)[], value: unknown): () => unknown {
  const set = smallSet() as Record<string | number, unknown>;
  let parent = set;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return () => parseConformanceSet(set);
}

const caseAt = (set: ReturnType<typeof smallSet>, i: number) =>
  set.cases[i] as Record<string, unknown> & {
    options: Record<string, unknown>;
    records: Record<string, unknown>[];
    expect: Record<string, unknown>;
  };

describe('parseConformanceSet', () => {
  it('reads a set and gives it back typed, with every case', () => {
    const set = parseConformanceSet(smallSet());
    expect(set.cases.map((c) => c.id)).toEqual([
      'valid/HocSinh/1',
      'invalid/over-long-name/1',
      'invalid/nfd-text/1',
      'invalid/duplicate-identifier/1',
    ]);
    const invalid = set.cases[1];
    expect(invalid?.valid === false && invalid.problem.kind).toBe('over-long-name');
  });

  it.each<[string, readonly (string | number)[], unknown, RegExp]>([
    ['another format', ['format'], 'eduvn-report', /format is "eduvn-report"/],
    ['a later version', ['version'], 2, /version 2 is not supported/],
    ['no cases', ['cases'], DELETE, /cases must be an array/],
    ['a case that is not an object', ['cases', 0], [], /cases\[0\] must be an object/],
    [
      'a case without an id',
      ['cases', 0, 'id'],
      DELETE,
      /cases\[0\]\.id must be a non-empty string/,
    ],
    [
      'two cases with one id',
      ['cases', 1, 'id'],
      'valid/HocSinh/1',
      /cases\[1\]\.id must be unique/,
    ],
    [
      'valid that is not a boolean',
      ['cases', 0, 'valid'],
      'yes',
      /cases\[0\]\.valid must be true or false/,
    ],
    ['an unknown scope', ['cases', 0, 'scope'], 'school', /cases\[0\]\.scope/],
    [
      'an impossible asOf',
      ['cases', 0, 'options', 'asOf'],
      '2026-02-30',
      /cases\[0\]\.options\.asOf must be an ISO date/,
    ],
    [
      'a school year of two years',
      ['cases', 0, 'options', 'schoolYear'],
      '2025-2027',
      /options\.schoolYear/,
    ],
    [
      'an unknown period',
      ['cases', 0, 'options', 'period'],
      'Q1',
      /options\.period must be one of/,
    ],
    ['no records', ['cases', 0, 'records'], [], /records must be a non-empty array/],
    [
      'a record without entity',
      ['cases', 0, 'records', 0, 'entity'],
      DELETE,
      /records\[0\]\.entity/,
    ],
    [
      'a wire that is an array',
      ['cases', 0, 'records', 0, 'wire'],
      [],
      /records\[0\]\.wire must be a wire object/,
    ],
    [
      'errors that are not a list',
      ['cases', 1, 'expect', 'errors'],
      'STD.SCHEMA.001',
      /expect\.errors must be an array of rule ids/,
    ],
    ['a rule id that is not text', ['cases', 1, 'expect', 'queries'], [42], /expect\.queries\[0\]/],
    [
      'an error in a valid case',
      ['cases', 0, 'expect', 'errors'],
      ['STD.SCHEMA.001'],
      /empty in a valid case/,
    ],
    [
      'an invalid case without its problem',
      ['cases', 1, 'problem'],
      DELETE,
      /cases\[1\]\.problem must be an object/,
    ],
    [
      'an unknown problem kind',
      ['cases', 1, 'problem', 'kind'],
      'typo',
      /problem\.kind must be one of impossible-date/,
    ],
    [
      'a fault outside the case',
      ['cases', 1, 'problem', 'at', 0, 'record'],
      3,
      /at\[0\]\.record must be the index of one of the case's 1 records/,
    ],
    [
      'a fault that is not a pointer',
      ['cases', 1, 'problem', 'at', 0, 'pointer'],
      'HO_TEN',
      /at\[0\]\.pointer must be a JSON Pointer/,
    ],
  ])('refuses %s, naming where', (_, path, value, message) => {
    expect(damaged(path, value)).toThrowError(ConformanceSetError);
    expect(damaged(path, value)).toThrowError(message);
  });

  it('refuses what is not a set at all', () => {
    for (const value of [null, 42, 'records', [], undefined]) {
      expect(() => parseConformanceSet(value)).toThrowError(/must be an object/);
    }
  });

  it('reads own keys only: __proto__ in the JSON is data, never a field or a prototype', () => {
    const set = smallSet();
    const { format, ...rest } = set;
    const hostile = JSON.parse(
      `{"__proto__": {"format": ${JSON.stringify(format)}}, ${JSON.stringify(rest).slice(1)}`,
    );
    expect(() => parseConformanceSet(hostile)).toThrowError(/format is missing/);
    // A case with a hostile key parses, and nothing leaks into Object.prototype.
    const withKey = smallSet();
    const text = JSON.stringify(withKey).replace(
      '"id":"valid/HocSinh/1"',
      '"__proto__":{"polluted":1},"id":"valid/HocSinh/1"',
    );
    expect(parseConformanceSet(JSON.parse(text)).cases).toHaveLength(4);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it("never repeats a record's values in its message", () => {
    const set = smallSet();
    const pupil = caseAt(set, 0).records[0]?.['wire'] as Record<string, unknown>;
    const secret = String(pupil['MA_CONG_DAN_ID'] ?? pupil['HO_TEN']);
    caseAt(set, 0).options['asOf'] = secret;
    caseAt(set, 1).expect['errors'] = [{ value: secret }];
    expect(() => parseConformanceSet(set)).toThrowError(ConformanceSetError);
    try {
      parseConformanceSet(set);
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('throws only ConformanceSetError, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseConformanceSet(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ConformanceSetError);
        }
      }),
    );
  });

  it('refuses a set with any required key of any case removed', () => {
    const keys = ['id', 'valid', 'description', 'scope', 'source', 'options', 'records', 'expect'];
    fc.assert(
      fc.property(fc.nat(3), fc.constantFrom(...keys), (i, key) => {
        const set = smallSet();
        delete (set.cases[i] as Record<string, unknown>)[key];
        expect(() => parseConformanceSet(set)).toThrowError(ConformanceSetError);
      }),
      { numRuns: 40 },
    );
  });
});
