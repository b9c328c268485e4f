import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROBLEM_KINDS, type ProblemKind } from '@eduvn/fixtures';
import { recordKeyOf, validate } from '@eduvn/rules';
import { entityByName, jsonPointer, wirePathOf } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { conformanceFiles } from './build-records.ts';
import { checkConformance } from './check.ts';
import { inputRecordOf } from './decode.ts';
import { eduvnValidator } from './eduvn-validator.ts';
import { conformanceSet } from './load.ts';
import { recordsSetSchema } from './records-schema.ts';
import type { ConformanceCase, InvalidConformanceCase } from './types.ts';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const FIX = 'run `pnpm --filter @eduvn/testing generate` and commit the result';

/**
 * The rule ids each planted kind must trip, copied here by hand from the fixtures' descriptions and
 * the rule catalog — a second, independent statement of `problem-rules.ts`, so that neither the
 * generator nor its table can quietly start echoing the engine. Alternatives: which one applies
 * depends on the planted record.
 */
const KIND_RULES: Readonly<Record<ProblemKind, readonly (readonly string[])[]>> = {
  'impossible-date': [['STD.SCHEMA.001']],
  'over-long-name': [['STD.SCHEMA.001']],
  'nfd-text': [['DQ.NAME.001']],
  'personal-id-year-mismatch': [['ID.PERSONAL.002']],
  'personal-id-sex-mismatch': [['ID.PERSONAL.003']],
  'class-over-35': [['TT28.CLASS.001']],
  'duplicate-identifier': [['ID.UNIQUE.001']],
  'duplicate-person': [['DQ.PERSON.001', 'ID.UNIQUE.002'], ['DQ.PERSON.001']],
  'age-outside-tt28': [['TT28.AGE.001'], ['TT28.AGE.003']],
  'result-contradicts-components': [['TT27.RESULT.001']],
  'score-without-test': [['TT27.SCORE.001']],
  'pre-merger-commune': [['CAT.ADMIN.001']],
};

const set = conformanceSet('records');
const invalid = set.cases.filter((c): c is InvalidConformanceCase => !c.valid);
const sortedIds = (ids: Iterable<string>): string[] =>
  [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function reportOf(c: ConformanceCase) {
  return validate(c.records.map(inputRecordOf), c.options);
}

/** The value a JSON Pointer names in a document, or `undefined`. */
function at(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let value: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, step))
      return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

describe('conformance/records.json', () => {
  it('is committed, up to date, and agrees with the planted labels', async () => {
    const { files, disagreements } = await conformanceFiles();
    const stale = [...files]
      .filter(([path, content]) => {
        const file = join(packageDir, path);
        return !existsSync(file) || readFileSync(file, 'utf8') !== content;
      })
      .map(([path]) => path);
    expect(stale, `stale conformance files — ${FIX}`).toEqual([]);
    expect(disagreements, 'planted problems validate() does not report as their kind says').toEqual(
      [],
    );
  });

  it('stays well under 2 MB', () => {
    const bytes = readFileSync(join(packageDir, 'conformance/records.json')).byteLength;
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('has valid schools, single records of each entity, and several cases of every planted kind', () => {
    const valid = set.cases.filter((c) => c.valid);
    expect(valid.filter((c) => c.id.startsWith('valid/school/')).length).toBeGreaterThanOrEqual(1);
    const singles = new Map<string, number>();
    for (const c of valid) {
      if (c.scope === 'record') {
        const entity = c.records[0]?.entity ?? '';
        singles.set(entity, (singles.get(entity) ?? 0) + 1);
      }
    }
    for (const entity of [
      'Truong',
      'Lop',
      'CanBo',
      'HocSinh',
      'DanhGiaHocSinh',
      'CoSoVatChat',
      'TaiChinh',
      'SuKienTrangThai',
    ]) {
      expect(singles.get(entity), entity).toBeGreaterThanOrEqual(3);
    }
    for (const kind of PROBLEM_KINDS) {
      const cases = invalid.filter((c) => c.problem.kind === kind);
      expect(cases.length, kind).toBeGreaterThanOrEqual(3);
      // Different records each time.
      expect(new Set(cases.map((c) => JSON.stringify(c.records))).size, kind).toBe(cases.length);
    }
  });

  it('labels each case with exactly the rule ids validate() reports (errors and queries apart)', async () => {
    for (const c of set.cases) {
      const report = await reportOf(c);
      const actual = {
        errors: sortedIds(report.issues.filter((i) => i.severity === 'error').map((i) => i.ruleId)),
        queries: sortedIds(
          report.issues.filter((i) => i.severity === 'query').map((i) => i.ruleId),
        ),
      };
      expect(actual, c.id).toEqual(c.expect);
    }
  });

  it('passes its own runner with eduvn as the validator', async () => {
    expect(await checkConformance(set, eduvnValidator)).toEqual([]);
  });

  it('valid cases report no error, and no query either', () => {
    for (const c of set.cases.filter((c) => c.valid)) {
      expect(c.expect, c.id).toEqual({ errors: [], queries: [] });
    }
  });

  it('labels every planted problem with the rules its kind must trip, and validate() reports them', () => {
    for (const c of invalid) {
      const allowed = KIND_RULES[c.problem.kind].map((ids) => sortedIds(ids));
      expect(allowed, c.id).toContainEqual(sortedIds(c.problem.rules));
      const reported = [...c.expect.errors, ...c.expect.queries];
      for (const rule of c.problem.rules)
        expect(reported, `${c.id} must report ${rule}`).toContain(rule);
    }
    // Both ways of moving an age out of TT28 are covered.
    const ages = invalid.filter((c) => c.problem.kind === 'age-outside-tt28');
    expect(new Set(ages.flatMap((c) => c.problem.rules))).toEqual(
      new Set(['TT28.AGE.001', 'TT28.AGE.003']),
    );
  });

  it('scopes cases: one record for a record-scope problem, several for a dataset one', () => {
    for (const c of set.cases) {
      if (c.scope === 'record') expect(c.records.length, c.id).toBe(1);
      else expect(c.records.length, c.id).toBeGreaterThan(1);
    }
    const scopeOf = (kind: ProblemKind) =>
      new Set(invalid.filter((c) => c.problem.kind === kind).map((c) => c.scope));
    expect(scopeOf('duplicate-identifier')).toEqual(new Set(['dataset']));
    expect(scopeOf('duplicate-person')).toEqual(new Set(['dataset']));
    expect(scopeOf('class-over-35')).toEqual(new Set(['dataset']));
    expect(scopeOf('nfd-text')).toEqual(new Set(['record']));
  });

  it('points at the fault: a record of the case and a field present in its wire object', async () => {
    for (const c of invalid) {
      for (const fault of c.problem.at) {
        const record = c.records[fault.record];
        expect(record, c.id).toBeDefined();
        expect(at(record?.wire, fault.pointer), `${c.id} ${fault.pointer}`).toBeDefined();
      }
      // A class over its size: the class and only pupils of that class.
      if (c.problem.kind === 'class-over-35') {
        const lop = c.records[0];
        expect(lop?.entity).toBe('Lop');
        for (const r of c.records.slice(1)) {
          expect(r.entity).toBe('HocSinh');
          expect(r.wire['MA_LOP']).toBe(lop?.wire['MA']);
        }
      }
    }
  });

  it('validate() reports each planted rule on the record at fault, at the labelled field', async () => {
    const fields: string[] = [];
    for (const c of invalid) {
      const report = await reportOf(c);
      for (const rule of c.problem.rules) {
        const issues = report.issues.filter((i) => i.ruleId === rule);
        const onFault = issues.filter((i) =>
          c.problem.at.some((f) => {
            const item = inputRecordOf(c.records[f.record] as never);
            return i.entity === item.entity && i.recordKey === recordKeyOf(item);
          }),
        );
        expect(onFault.length, `${c.id}: ${rule} on the record at fault`).toBeGreaterThan(0);
        for (const issue of onFault) {
          const schema = entityByName(issue.entity);
          const pointer =
            issue.field === undefined || !schema
              ? ''
              : jsonPointer(wirePathOf(schema, issue.field));
          const labelled = c.problem.at.map((f) => f.pointer);
          if (!labelled.includes(pointer)) fields.push(`${c.problem.kind} ${rule} ${pointer}`);
        }
      }
    }
    // One known difference, kept visible: the fixtures label a duplicate person at its new
    // identifier (/HOC_SINH_ID), the engine reports the repeated personal ID at /MA_CONG_DAN_ID
    // and the same name and birth date on the record as a whole.
    expect(new Set(fields)).toEqual(
      new Set([
        'duplicate-person ID.UNIQUE.002 /MA_CONG_DAN_ID',
        'duplicate-person DQ.PERSON.001 ',
      ]),
    );
  });

  it('never carries a personal ID in a note, a description or a source', () => {
    const ids = new Set<string>();
    for (const c of set.cases) {
      for (const r of c.records) {
        const id = r.wire['MA_CONG_DAN_ID'];
        if (typeof id === 'string') ids.add(id);
      }
    }
    expect(ids.size).toBeGreaterThan(50);
    for (const c of set.cases) {
      const prose = [c.description, c.source, c.valid ? '' : c.problem.note].join('\n');
      for (const id of ids) expect(prose.includes(id), c.id).toBe(false);
    }
  });

  it('is described by its JSON Schema', () => {
    const schema = recordsSetSchema() as {
      required: string[];
      $defs: {
        case: { oneOf: { required: string[] }[] };
        problem: { properties: { kind: { enum: string[] } } };
      };
    };
    expect(schema.$defs.problem.properties.kind.enum).toEqual([...PROBLEM_KINDS]);
    const file = JSON.parse(readFileSync(join(packageDir, 'conformance/records.json'), 'utf8'));
    expect(file.$schema).toBe('./records.schema.json');
    for (const key of schema.required) expect(Object.hasOwn(file, key), key).toBe(true);
    const [validCase, invalidCase] = schema.$defs.case.oneOf;
    for (const c of file.cases as Record<string, unknown>[]) {
      const required = c['valid'] ? validCase?.required : invalidCase?.required;
      for (const key of required ?? [])
        expect(Object.hasOwn(c, key), `${c['id']}.${key}`).toBe(true);
    }
  });
});
