import { PROBLEM_KINDS, type ProblemKind } from '@eduvn/fixtures';
import type { ReportingPeriod } from '@eduvn/rules';
import type { WireObject } from '@eduvn/standard';
import { ConformanceSetError } from './errors.ts';
import {
  CONFORMANCE_FORMAT,
  CONFORMANCE_FORMAT_VERSION,
  type ConformanceCase,
  type ConformanceExpectation,
  type ConformanceFault,
  type ConformanceOptions,
  type ConformanceProblem,
  type ConformanceRecord,
  type ConformanceSet,
} from './types.ts';

type Json = Record<string, unknown>;

const PERIODS: readonly ReportingPeriod[] = ['start-of-year', 'GK1', 'CK1', 'GK2', 'year-end'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short, value-free description of what was found instead (no record value is ever echoed). */
const found = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v.slice(0, 40))
    : typeof v === 'number'
      ? String(v)
      : v === undefined
        ? 'missing'
        : typeof v;

function need(ok: boolean, path: string, what: string): void {
  if (!ok)
    throw new ConformanceSetError(`Not an ${CONFORMANCE_FORMAT} set: ${path} must be ${what}`);
}

// Own properties only: a key such as `__proto__` or `constructor` is data, never inherited.
const own = (o: Json, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

function object(v: unknown, path: string): Json {
  need(isObject(v), path, 'an object');
  return v as Json;
}

function text(v: unknown, path: string, nonEmpty = false): string {
  need(
    typeof v === 'string' && (!nonEmpty || v !== ''),
    path,
    nonEmpty ? 'a non-empty string' : 'a string',
  );
  return v as string;
}

function isIsoDate(v: unknown): boolean {
  const m = typeof v === 'string' ? ISO_DATE.exec(v) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

function readOptions(v: unknown, path: string): ConformanceOptions {
  const o = object(v, path);
  need(isIsoDate(own(o, 'asOf')), `${path}.asOf`, 'an ISO date yyyy-mm-dd');
  const schoolYear = own(o, 'schoolYear');
  const period = own(o, 'period');
  if (schoolYear !== undefined) {
    const m = typeof schoolYear === 'string' ? SCHOOL_YEAR.exec(schoolYear) : null;
    need(
      m !== null && Number(m[2]) === Number(m[1]) + 1,
      `${path}.schoolYear`,
      "'yyyy-yyyy' with consecutive years",
    );
  }
  if (period !== undefined) {
    need(
      PERIODS.includes(period as ReportingPeriod),
      `${path}.period`,
      `one of ${PERIODS.join(', ')}`,
    );
  }
  return {
    asOf: own(o, 'asOf') as string,
    ...(schoolYear === undefined ? {} : { schoolYear: schoolYear as string }),
    ...(period === undefined ? {} : { period: period as ReportingPeriod }),
  };
}

function readRecords(v: unknown, path: string): ConformanceRecord[] {
  need(Array.isArray(v) && v.length > 0, path, 'a non-empty array of records');
  return (v as unknown[]).map((item, i) => {
    const o = object(item, `${path}[${i}]`);
    const entity = text(own(o, 'entity'), `${path}[${i}].entity`, true);
    need(isObject(own(o, 'wire')), `${path}[${i}].wire`, 'a wire object');
    return { entity, wire: own(o, 'wire') as WireObject };
  });
}

function ruleIds(v: unknown, path: string): string[] {
  need(Array.isArray(v), path, 'an array of rule ids');
  return (v as unknown[]).map((id, i) => text(id, `${path}[${i}]`, true));
}

function readExpectation(v: unknown, path: string, valid: boolean): ConformanceExpectation {
  const o = object(v, path);
  const errors = ruleIds(own(o, 'errors'), `${path}.errors`);
  const queries = ruleIds(own(o, 'queries'), `${path}.queries`);
  if (valid) need(errors.length === 0, `${path}.errors`, 'empty in a valid case');
  return { errors, queries };
}

function readProblem(v: unknown, path: string, records: number): ConformanceProblem {
  const o = object(v, path);
  const kind = own(o, 'kind');
  need(
    PROBLEM_KINDS.includes(kind as ProblemKind),
    `${path}.kind`,
    `one of ${PROBLEM_KINDS.join(', ')}`,
  );
  const at = own(o, 'at');
  need(Array.isArray(at) && at.length > 0, `${path}.at`, 'a non-empty array of faults');
  const faults = (at as unknown[]).map((f, i): ConformanceFault => {
    const fault = object(f, `${path}.at[${i}]`);
    const record = own(fault, 'record');
    need(
      typeof record === 'number' && Number.isInteger(record) && record >= 0 && record < records,
      `${path}.at[${i}].record`,
      `the index of one of the case's ${records} records`,
    );
    const pointer = text(own(fault, 'pointer'), `${path}.at[${i}].pointer`);
    need(
      pointer === '' || pointer.startsWith('/'),
      `${path}.at[${i}].pointer`,
      "a JSON Pointer ('' or starting with '/')",
    );
    return { record: record as number, pointer };
  });
  return {
    kind: kind as ProblemKind,
    rules: ruleIds(own(o, 'rules'), `${path}.rules`),
    at: faults,
    note: text(own(o, 'note'), `${path}.note`),
  };
}

function readCase(v: unknown, path: string): ConformanceCase {
  const o = object(v, path);
  const valid = own(o, 'valid');
  need(typeof valid === 'boolean', `${path}.valid`, 'true or false');
  const scope = own(o, 'scope');
  need(scope === 'record' || scope === 'dataset', `${path}.scope`, "'record' or 'dataset'");
  const records = readRecords(own(o, 'records'), `${path}.records`);
  const base = {
    id: text(own(o, 'id'), `${path}.id`, true),
    description: text(own(o, 'description'), `${path}.description`),
    scope: scope as 'record' | 'dataset',
    source: text(own(o, 'source'), `${path}.source`),
    options: readOptions(own(o, 'options'), `${path}.options`),
    records,
    expect: readExpectation(own(o, 'expect'), `${path}.expect`, valid as boolean),
  };
  // The keys in the file's order: id, valid, then the rest.
  const { id, ...rest } = base;
  if (valid) return { id, valid: true, ...rest };
  return {
    id,
    valid: false,
    ...rest,
    problem: readProblem(own(o, 'problem'), `${path}.problem`, records.length),
  };
}

/**
 * Reads a conformance set — the parsed JSON of a `conformance/*.json` file, or a set built in
 * code — checking its whole structure, and gives it back typed. Throws a
 * {@link ConformanceSetError} naming the first problem by its path (`cases[3].options.asOf`): a
 * document of another format or version, a missing or mistyped field, a duplicate case id, a
 * fault pointing outside the case. Keys are read as own properties only (`__proto__` in the JSON
 * stays data). Wire objects are kept as given.
 *
 * @example
 * ```ts
 * const set = parseConformanceSet(JSON.parse(await readFile('records.json', 'utf8')));
 * ```
 */
export function parseConformanceSet(value: unknown): ConformanceSet {
  const o = object(value, '(document)');
  const format = own(o, 'format');
  if (format !== CONFORMANCE_FORMAT) {
    throw new ConformanceSetError(`Not an ${CONFORMANCE_FORMAT} set: format is ${found(format)}`);
  }
  const version = own(o, 'version');
  if (version !== CONFORMANCE_FORMAT_VERSION) {
    throw new ConformanceSetError(
      `${CONFORMANCE_FORMAT} version ${found(version)} is not supported: this @eduvn/testing reads version ${CONFORMANCE_FORMAT_VERSION}`,
    );
  }
  const cases = own(o, 'cases');
  need(Array.isArray(cases), 'cases', 'an array of cases');
  const seen = new Set<string>();
  const read = (cases as unknown[]).map((c, i) => {
    const one = readCase(c, `cases[${i}]`);
    need(!seen.has(one.id), `cases[${i}].id`, 'unique (another case has the same id)');
    seen.add(one.id);
    return one;
  });
  return {
    format: CONFORMANCE_FORMAT,
    version: CONFORMANCE_FORMAT_VERSION,
    set: text(own(o, 'set'), 'set', true),
    description: text(own(o, 'description'), 'description'),
    standard: text(own(o, 'standard'), 'standard'),
    cases: read,
  };
}
