import { maskRecordKey } from '../core/keys.ts';
import type { NotChecked } from '../core/layout.ts';
import type { Issue, IssueCounts, IssueLocation, Report } from '../core/report.ts';
import type { Localized, Severity } from '../core/types.ts';

/** The `format` of a {@link ReportDocument}. */
export const REPORT_FORMAT = 'eduvn-report';

/** The version of the {@link ReportDocument} format this SDK writes and reads. */
export const REPORT_FORMAT_VERSION = 1;

/**
 * A report as a stable, versioned JSON document (`format: 'eduvn-report'`, `version: 1`): the
 * report's date, period, outcome, rules, summary and issues, with keys in a fixed order (and the
 * summary's maps sorted by key) so that the same report always serializes to the same text.
 * Readers check `format` and `version`; a later incompatible change gets a new version.
 */
export interface ReportDocument {
  /** Always `'eduvn-report'`. */
  readonly format: typeof REPORT_FORMAT;
  /** The document format's version: 1. */
  readonly version: typeof REPORT_FORMAT_VERSION;
  /** The day the data were checked as of. */
  readonly asOf: string;
  /** The reporting period checked, if any. */
  readonly period?: string;
  /** Whether the data pass: no errors and no unacknowledged queries. */
  readonly passes: boolean;
  /** The ids of the rules that ran. */
  readonly rules: readonly string[];
  /** Counts, as in {@link Report.summary}. */
  readonly summary: Report['summary'];
  /** Every issue, in report order, in both languages. */
  readonly issues: readonly Issue[];
  /**
   * The checks that were not possible (see {@link Report.notChecked}). A version-1 document
   * written before this list existed reads back with none.
   */
  readonly notChecked: readonly NotChecked[];
}

/** A document that is not an `eduvn-report` this SDK can read. */
export class ReportFormatError extends Error {
  /** Always `'ReportFormatError'`. */
  override readonly name = 'ReportFormatError';
}

const counts = (c: IssueCounts): IssueCounts => ({
  error: c.error,
  query: c.query,
  acknowledged: c.acknowledged,
});

// Object.fromEntries defines own properties, so a class code such as `__proto__` stays data.
const sortedCounts = (map: Readonly<Record<string, IssueCounts>>): Record<string, IssueCounts> =>
  Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, counts(map[key] as IssueCounts)]),
  );

const localized = (l: Localized): Localized => ({ vi: l.vi, en: l.en });

function location(l: IssueLocation): IssueLocation {
  return {
    ...(l.file === undefined ? {} : { file: l.file }),
    ...(l.sheet === undefined ? {} : { sheet: l.sheet }),
    ...(l.row === undefined ? {} : { row: l.row }),
    ...(l.column === undefined ? {} : { column: l.column }),
    ...(l.cell === undefined ? {} : { cell: l.cell }),
  };
}

/** A not-checked entry with its keys in the document's order. */
const notCheckedEntry = (n: NotChecked): NotChecked => ({
  entity: n.entity,
  ...(n.ruleId === undefined ? {} : { ruleId: n.ruleId }),
  fields: [...n.fields],
  reason: localized(n.reason),
});

/** An issue with its keys in the document's order. */
function issue(i: Issue): Issue {
  return {
    ruleId: i.ruleId,
    severity: i.severity,
    basis: i.basis,
    entity: i.entity,
    recordKey: maskRecordKey(i.recordKey),
    ...(i.field === undefined ? {} : { field: i.field }),
    ...(i.symbol === undefined ? {} : { symbol: i.symbol }),
    ...(i.classCode === undefined ? {} : { classCode: i.classCode }),
    ...(i.location === undefined ? {} : { location: location(i.location) }),
    ...(i.value === undefined ? {} : { value: i.value }),
    message: localized(i.message),
    hint: localized(i.hint),
    ...(i.acknowledged === undefined
      ? {}
      : {
          acknowledged: { note: i.acknowledged.note, by: i.acknowledged.by, at: i.acknowledged.at },
        }),
  };
}

/**
 * The report as a {@link ReportDocument}: plain JSON data, ready for `JSON.stringify`, with a fixed
 * key order. {@link fromJSON} reads it back.
 *
 * @example
 * ```ts
 * await writeFile('report.json', JSON.stringify(toJSON(report), null, 2));
 * ```
 */
export function toJSON(report: Report): ReportDocument {
  return {
    format: REPORT_FORMAT,
    version: REPORT_FORMAT_VERSION,
    asOf: report.asOf,
    ...(report.period === undefined ? {} : { period: report.period }),
    passes: report.passes,
    rules: [...report.rules],
    summary: {
      records: report.summary.records,
      bySeverity: counts(report.summary.bySeverity),
      byRule: sortedCounts(report.summary.byRule),
      byClass: sortedCounts(report.summary.byClass),
    },
    issues: report.issues.map(issue),
    notChecked: report.notChecked.map(notCheckedEntry),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function need(ok: boolean, path: string, what: string): void {
  if (!ok) throw new ReportFormatError(`Not an ${REPORT_FORMAT} document: ${path} must be ${what}`);
}

const str = (v: unknown, path: string): string => {
  need(typeof v === 'string', path, 'a string');
  return v as string;
};

const optStr = (o: Record<string, unknown>, key: string, path: string): string | undefined =>
  o[key] === undefined ? undefined : str(o[key], path === '' ? key : `${path}.${key}`);

const count = (v: unknown, path: string): number => {
  need(typeof v === 'number' && Number.isInteger(v) && v >= 0, path, 'a whole number ≥ 0');
  return v as number;
};

function readCounts(v: unknown, path: string): IssueCounts {
  need(isObject(v), path, 'an object');
  const o = v as Record<string, unknown>;
  return {
    error: count(o['error'], `${path}.error`),
    query: count(o['query'], `${path}.query`),
    acknowledged: count(o['acknowledged'], `${path}.acknowledged`),
  };
}

function readCountMap(v: unknown, path: string): Record<string, IssueCounts> {
  need(isObject(v), path, 'an object');
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).map(([key, value]) => [
      key,
      readCounts(value, `${path}.${key}`),
    ]),
  );
}

function readLocalized(v: unknown, path: string): Localized {
  need(isObject(v), path, 'an object with vi and en');
  const o = v as Record<string, unknown>;
  return { vi: str(o['vi'], `${path}.vi`), en: str(o['en'], `${path}.en`) };
}

function readIssue(v: unknown, path: string): Issue {
  need(isObject(v), path, 'an object');
  const o = v as Record<string, unknown>;
  const severity = o['severity'];
  need(severity === 'error' || severity === 'query', `${path}.severity`, "'error' or 'query'");
  const field = optStr(o, 'field', path);
  const symbol = optStr(o, 'symbol', path);
  const classCode = optStr(o, 'classCode', path);
  let loc: IssueLocation | undefined;
  if (o['location'] !== undefined) {
    need(isObject(o['location']), `${path}.location`, 'an object');
    const l = o['location'] as Record<string, unknown>;
    const file = optStr(l, 'file', `${path}.location`);
    const sheet = optStr(l, 'sheet', `${path}.location`);
    const column = optStr(l, 'column', `${path}.location`);
    const cell = optStr(l, 'cell', `${path}.location`);
    const row = l['row'] === undefined ? undefined : count(l['row'], `${path}.location.row`);
    loc = location({
      ...(file === undefined ? {} : { file }),
      ...(sheet === undefined ? {} : { sheet }),
      ...(row === undefined ? {} : { row }),
      ...(column === undefined ? {} : { column }),
      ...(cell === undefined ? {} : { cell }),
    });
  }
  const value = optStr(o, 'value', path);
  let acknowledged: Issue['acknowledged'];
  if (o['acknowledged'] !== undefined) {
    need(isObject(o['acknowledged']), `${path}.acknowledged`, 'an object');
    const a = o['acknowledged'] as Record<string, unknown>;
    acknowledged = {
      note: str(a['note'], `${path}.acknowledged.note`),
      by: str(a['by'], `${path}.acknowledged.by`),
      at: str(a['at'], `${path}.acknowledged.at`),
    };
  }
  return issue({
    ruleId: str(o['ruleId'], `${path}.ruleId`),
    severity: severity as Severity,
    basis: str(o['basis'], `${path}.basis`),
    entity: str(o['entity'], `${path}.entity`),
    recordKey: str(o['recordKey'], `${path}.recordKey`),
    ...(field === undefined ? {} : { field }),
    ...(symbol === undefined ? {} : { symbol }),
    ...(classCode === undefined ? {} : { classCode }),
    ...(loc === undefined ? {} : { location: loc }),
    ...(value === undefined ? {} : { value }),
    message: readLocalized(o['message'], `${path}.message`),
    hint: readLocalized(o['hint'], `${path}.hint`),
    ...(acknowledged === undefined ? {} : { acknowledged }),
  });
}

/**
 * Reads a {@link ReportDocument} — the JSON text or its parsed value — back into a {@link Report}.
 * Throws a {@link ReportFormatError} naming the first problem when it is not an `eduvn-report` of
 * version 1 (a later version is refused rather than half-read).
 *
 * @example
 * ```ts
 * const report = fromJSON(await readFile('report.json', 'utf8'));
 * ```
 */
export function fromJSON(input: string | unknown): Report {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      throw new ReportFormatError(`Not JSON: ${(error as Error).message}`, { cause: error });
    }
  }
  need(isObject(doc), '(document)', 'an object');
  const o = doc as Record<string, unknown>;
  need(o['format'] === REPORT_FORMAT, 'format', `'${REPORT_FORMAT}'`);
  need(
    o['version'] === REPORT_FORMAT_VERSION,
    'version',
    `${REPORT_FORMAT_VERSION} (this SDK reads version ${REPORT_FORMAT_VERSION} only)`,
  );
  need(typeof o['passes'] === 'boolean', 'passes', 'a boolean');
  need(Array.isArray(o['rules']), 'rules', 'an array');
  need(Array.isArray(o['issues']), 'issues', 'an array');
  need(isObject(o['summary']), 'summary', 'an object');
  const s = o['summary'] as Record<string, unknown>;
  const period = optStr(o, 'period', '');
  return {
    issues: (o['issues'] as unknown[]).map((v, i) => readIssue(v, `issues.${i}`)),
    summary: {
      records: count(s['records'], 'summary.records'),
      bySeverity: readCounts(s['bySeverity'], 'summary.bySeverity'),
      byRule: readCountMap(s['byRule'], 'summary.byRule'),
      byClass: readCountMap(s['byClass'], 'summary.byClass'),
    },
    passes: o['passes'] as boolean,
    asOf: str(o['asOf'], 'asOf'),
    ...(period === undefined ? {} : { period }),
    rules: (o['rules'] as unknown[]).map((v, i) => str(v, `rules.${i}`)),
    notChecked: readNotChecked(o['notChecked']),
  };
}

function readNotChecked(v: unknown): NotChecked[] {
  if (v === undefined) return [];
  need(Array.isArray(v), 'notChecked', 'an array');
  return (v as unknown[]).map((item, i) => {
    const path = `notChecked.${i}`;
    need(isObject(item), path, 'an object');
    const o = item as Record<string, unknown>;
    need(Array.isArray(o['fields']), `${path}.fields`, 'an array');
    const ruleId = optStr(o, 'ruleId', path);
    return notCheckedEntry({
      entity: str(o['entity'], `${path}.entity`),
      ...(ruleId === undefined ? {} : { ruleId }),
      fields: (o['fields'] as unknown[]).map((f, j) => str(f, `${path}.fields.${j}`)),
      reason: readLocalized(o['reason'], `${path}.reason`),
    });
  });
}
