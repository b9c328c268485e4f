import {
  type FixtureRecord,
  fixtureRecordKey,
  type GeneratedSchool,
  generateSchool,
  type PlantedProblem,
  PROBLEM_KIND_RULES,
  PROBLEM_KINDS,
  type ProblemKind,
  plantProblems,
  recordsOf,
  type SchoolOptions,
} from '@eduvn/fixtures';
import { BUILT_IN_RULES, validate } from '@eduvn/rules';
import {
  type EntitySchema,
  encodeWire,
  entityByName,
  entityOf,
  jsonPointer,
  wirePathOf,
} from '@eduvn/standard';
import { inputRecordOf } from './decode.ts';
import { jsonText } from './json-text.ts';
import { rulesOfProblem } from './problem-rules.ts';
import { recordsSetSchema } from './records-schema.ts';
import {
  CONFORMANCE_FORMAT,
  CONFORMANCE_FORMAT_VERSION,
  type ConformanceCase,
  type ConformanceExpectation,
  type ConformanceOptions,
  type ConformanceRecord,
  type ConformanceSet,
  type InvalidConformanceCase,
  type ValidConformanceCase,
} from './types.ts';

/** The day every case describes: the end of the 2025–2026 school year (after the 2025 merger). */
const OPTIONS: ConformanceOptions = { asOf: '2026-05-31', schoolYear: '2025-2026' };

/**
 * The schools invalid cases and single valid records come from. No legitimately older pupils
 * (`olderShare: 0`): they are queries (`TT28.AGE.002`) that would add noise to a class's case.
 */
const SOURCE_SEEDS = [1, 2, 3, 4] as const;
const sourceOptions = (seed: number): SchoolOptions => ({
  seed,
  pupils: 150,
  pupil: { olderShare: 0 },
});

/** Whole small schools, valid: every entity, a few classes. */
const VALID_SCHOOLS: readonly {
  readonly school: SchoolOptions;
  readonly options: ConformanceOptions;
  readonly description: string;
}[] = [
  {
    school: { seed: 1, pupils: 25, classSize: [4, 6], pupil: { olderShare: 0 } },
    options: OPTIONS,
    description: 'A small whole school, every entity',
  },
  {
    school: { seed: 2, pupils: 10, classSize: [2, 2], pupil: { olderShare: 0 } },
    options: { ...OPTIONS, period: 'year-end' },
    description:
      'A tiny whole school, every entity, checked with the completeness rules of the year-end reporting period',
  },
];

/** How many single valid records of each entity, and where to look for them. */
const SINGLE_RECORDS: readonly {
  readonly entity: FixtureRecord['entity'];
  readonly count: number;
}[] = [
  { entity: 'Truong', count: 3 },
  { entity: 'Lop', count: 3 },
  { entity: 'CanBo', count: 3 },
  { entity: 'HocSinh', count: 3 },
  { entity: 'DanhGiaHocSinh', count: 4 },
  { entity: 'CoSoVatChat', count: 3 },
  { entity: 'TaiChinh', count: 3 },
  { entity: 'SuKienTrangThai', count: 3 },
];

const PERIODS = ['GK1', 'CK1', 'GK2', 'CN'] as const;

/** A planted problem the engine did not report as the kind says it must. */
export interface Disagreement {
  /** The case. */
  readonly caseId: string;
  /** Rule ids the kind must trip that validation did not report. */
  readonly missing: readonly string[];
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(byCodeUnit);

function schemaOf(entity: string): EntitySchema {
  const schema = entityByName(entity);
  if (!schema) throw new Error(`build-records: ${entity} is not an entity of the standard`);
  return schema;
}

function toWire(item: FixtureRecord): ConformanceRecord {
  return { entity: item.entity, wire: encodeWire(schemaOf(item.entity), item.record as never) };
}

async function expectationOf(
  records: readonly ConformanceRecord[],
  options: ConformanceOptions,
): Promise<ConformanceExpectation> {
  const { issues } = await validate(records.map(inputRecordOf), options);
  return {
    errors: sorted(issues.filter((i) => i.severity === 'error').map((i) => i.ruleId)),
    queries: sorted(issues.filter((i) => i.severity === 'query').map((i) => i.ruleId)),
  };
}

/** A value as JavaScript source (`{ seed: 1, kinds: ['nfd-text'] }`), to show how records were made. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${literal(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return String(value);
}

/** What a whole school holds, counted. */
function contents(school: GeneratedSchool): string {
  const n = (count: number, one: string, many: string): string =>
    `${count} ${count === 1 ? one : many}`;
  return [
    n(school.truong.diemTruongs?.length ?? 0, 'site', 'sites'),
    n(school.lops.length, 'class', 'classes'),
    n(school.canBos.length, 'staff member', 'staff members'),
    n(school.hocSinhs.length, 'pupil', 'pupils'),
    n(school.danhGias.length, 'TT27 assessment', 'TT27 assessments'),
    n(school.coSoVatChats.length, 'facilities record', 'facilities records'),
    'finance',
    n(school.suKiens.length, 'status event', 'status events'),
  ].join(', ');
}

async function validSchoolCases(): Promise<ValidConformanceCase[]> {
  const cases: ValidConformanceCase[] = [];
  for (const [i, spec] of VALID_SCHOOLS.entries()) {
    const id = `valid/school/${i + 1}`;
    const school = generateSchool(spec.school);
    const records = recordsOf(school).map(toWire);
    const expect = await expectationOf(records, spec.options);
    if (expect.errors.length > 0) {
      throw new Error(
        `build-records: ${id} is meant to be valid but reports ${expect.errors.join(', ')}`,
      );
    }
    cases.push({
      id,
      valid: true,
      description: `${spec.description}: ${contents(school)}.`,
      scope: 'dataset',
      source: `recordsOf(generateSchool(${literal(spec.school)}))`,
      options: spec.options,
      records,
      expect,
    });
  }
  return cases;
}

/**
 * Single valid records: for each entity, records from the source schools in turn, taken from the
 * start, the middle and the end of the school's list (for assessments, one of each period), each
 * the first from there that validation finds nothing on when checked alone.
 */
async function singleRecordCases(
  schools: readonly GeneratedSchool[],
): Promise<ValidConformanceCase[]> {
  const cases: ValidConformanceCase[] = [];
  for (const { entity, count } of SINGLE_RECORDS) {
    const label = entityOf(schemaOf(entity)).label.en;
    for (let n = 0; n < count; n++) {
      const schoolIndex = n % schools.length;
      const school = schools[schoolIndex] as GeneratedSchool;
      const period = entity === 'DanhGiaHocSinh' ? PERIODS[n % PERIODS.length] : undefined;
      const candidates = recordsOf(school).filter(
        (r) =>
          r.entity === entity &&
          (period === undefined ||
            (r.entity === 'DanhGiaHocSinh' && r.record.kyDanhGia === period)),
      );
      if (candidates.length === 0)
        throw new Error(`build-records: no ${entity} in source school ${schoolIndex + 1}`);
      const start = [0, Math.floor(candidates.length / 2), candidates.length - 1][n % 3] ?? 0;
      let chosen: { records: ConformanceRecord[]; key: string } | undefined;
      for (let k = 0; k < candidates.length && !chosen; k++) {
        const item = candidates[(start + k) % candidates.length] as FixtureRecord;
        const records = [toWire(item)];
        const expect = await expectationOf(records, OPTIONS);
        if (expect.errors.length === 0 && expect.queries.length === 0) {
          chosen = { records, key: fixtureRecordKey(item) };
        }
      }
      if (!chosen)
        throw new Error(
          `build-records: every ${entity} of source school ${schoolIndex + 1} reports an issue alone`,
        );
      const seed = SOURCE_SEEDS[schoolIndex] as number;
      cases.push({
        id: `valid/${entity}/${n + 1}`,
        valid: true,
        description: `One ${label.toLowerCase()} record (${entity})${period ? ` of period ${period}` : ''} from a generated school, alone.`,
        scope: 'record',
        source: `recordsOf(generateSchool(${literal(sourceOptions(seed))})): the ${entity} ${chosen.key}`,
        options: OPTIONS,
        records: chosen.records,
        expect: { errors: [], queries: [] },
      });
    }
  }
  return cases;
}

/** The records a planted problem's case needs: the damaged record, or the few that show it. */
function recordsOfProblem(
  problem: PlantedProblem,
  records: readonly FixtureRecord[],
): FixtureRecord[] {
  switch (problem.kind) {
    case 'duplicate-identifier':
      return records.filter(
        (r) => r.entity === 'HocSinh' && r.record.hocSinhId === problem.recordKey,
      );
    case 'duplicate-person': {
      const copy = records.find(
        (r) => r.entity === 'HocSinh' && r.record.hocSinhId === problem.recordKey,
      );
      if (copy?.entity !== 'HocSinh') return [];
      const c = copy.record;
      return records.filter(
        (r) =>
          r.entity === 'HocSinh' &&
          (r === copy ||
            (c.maCongDanId !== undefined
              ? r.record.maCongDanId === c.maCongDanId
              : r.record.hoTen === c.hoTen && r.record.ngaySinh === c.ngaySinh)),
      );
    }
    case 'class-over-35':
      return records.filter(
        (r) =>
          (r.entity === 'Lop' && fixtureRecordKey(r) === problem.recordKey) ||
          (r.entity === 'HocSinh' &&
            `${r.record.truongId}/${r.record.maLop}` === problem.recordKey),
      );
    default:
      return records.filter(
        (r) => r.entity === problem.entity && fixtureRecordKey(r) === problem.recordKey,
      );
  }
}

const ruleScope = new Map(BUILT_IN_RULES.map((r) => [r.id, r.scope]));

async function invalidCases(
  kind: ProblemKind,
  schools: readonly GeneratedSchool[],
  disagreements: Disagreement[],
): Promise<InvalidConformanceCase[]> {
  const cases: InvalidConformanceCase[] = [];
  for (const [i, school] of schools.entries()) {
    const seed = SOURCE_SEEDS[i] as number;
    const id = `invalid/${kind}/${i + 1}`;
    const plant = { kinds: [kind], rate: 0.001, seed, asOf: OPTIONS.asOf };
    const { records, planted } = plantProblems(recordsOf(school), plant);
    const problem = planted[0];
    if (!problem || planted.length !== 1) {
      throw new Error(`build-records: ${id}: expected one planted problem, got ${planted.length}`);
    }
    const items = recordsOfProblem(problem, records);
    const rules = sorted(rulesOfProblem(problem, items));
    const scope = rules.every((r) => ruleScope.get(r) === 'record') ? 'record' : 'dataset';
    if (scope === 'record' ? items.length !== 1 : items.length < 2) {
      throw new Error(`build-records: ${id}: ${items.length} records for a ${scope}-scope problem`);
    }
    const pointer =
      problem.field === undefined
        ? ''
        : jsonPointer(wirePathOf(schemaOf(problem.entity), problem.field));
    const at = items.flatMap((r, record) =>
      r.entity === problem.entity && fixtureRecordKey(r) === problem.recordKey
        ? [{ record, pointer }]
        : [],
    );
    const wire = items.map(toWire);
    const expect = await expectationOf(wire, OPTIONS);
    const reported = new Set([...expect.errors, ...expect.queries]);
    const missing = rules.filter((r) => !reported.has(r));
    if (missing.length > 0) disagreements.push({ caseId: id, missing });
    cases.push({
      id,
      valid: false,
      description: `Planted problem ${kind}. ${PROBLEM_KIND_RULES[kind]}`,
      scope,
      source: `plantProblems(recordsOf(generateSchool(${literal(sourceOptions(seed))})), ${literal(plant)})`,
      options: OPTIONS,
      records: wire,
      expect,
      problem: { kind, rules, at, note: problem.note },
    });
  }
  return cases;
}

/** What {@link buildRecordsSet} gives back. */
export interface BuiltRecordsSet {
  /** The set, as written to `conformance/records.json`. */
  readonly set: ConformanceSet & { readonly $schema: string };
  /** Planted problems the engine did not report as their kind says (empty when all agree). */
  readonly disagreements: readonly Disagreement[];
}

/**
 * Builds the `records` conformance set from @eduvn/fixtures: valid whole schools and single
 * records of each entity, and for each kind of problem the fixtures plant, one case per source
 * school — each case's expectation computed by running `validate` of @eduvn/rules on the case's
 * wire records decoded back. Deterministic: fixed seeds, a fixed `asOf`, a fixed key order.
 *
 * @internal
 */
export async function buildRecordsSet(): Promise<BuiltRecordsSet> {
  const schools = SOURCE_SEEDS.map((seed) => generateSchool(sourceOptions(seed)));
  const disagreements: Disagreement[] = [];
  const cases: ConformanceCase[] = [
    ...(await validSchoolCases()),
    ...(await singleRecordCases(schools)),
  ];
  for (const kind of PROBLEM_KINDS)
    cases.push(...(await invalidCases(kind, schools, disagreements)));
  return {
    set: {
      $schema: './records.schema.json',
      format: CONFORMANCE_FORMAT,
      version: CONFORMANCE_FORMAT_VERSION,
      set: 'records',
      description:
        'Valid and invalid QĐ 4998 records as wire objects (QĐ 4998 symbols as keys, ISO 8601 dates), generated with @eduvn/fixtures (generated people only). Each case gives the validation options and exactly the rule ids of @eduvn/rules that validation reports — errors and queries — and, for a planted problem, the rules its kind must trip and where it is.',
      standard: 'QĐ 4998/QĐ-BGDĐT',
      cases,
    },
    disagreements,
  };
}

/**
 * Every file the generator writes, by path relative to the package (`conformance/records.json`,
 * `conformance/records.schema.json`), with its content; and the disagreements found.
 *
 * @internal
 */
export async function conformanceFiles(): Promise<{
  files: Map<string, string>;
  disagreements: readonly Disagreement[];
}> {
  const { set, disagreements } = await buildRecordsSet();
  return {
    files: new Map([
      ['conformance/records.json', jsonText(set)],
      ['conformance/records.schema.json', jsonText(recordsSetSchema())],
    ]),
    disagreements,
  };
}
