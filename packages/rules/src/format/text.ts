import { maskRecordKey } from '../core/keys.ts';
import type { Issue, Report } from '../core/report.ts';

/** The language of a formatted report. */
export type ReportLanguage = 'vi' | 'en';

/** Options of {@link formatText}. */
export interface TextFormatOptions {
  /** The language of the labels, messages and hints (default `'vi'`). */
  readonly lang?: ReportLanguage;
  /** Show at most this many issues (the summary still counts them all); default: all. */
  readonly maxIssues?: number;
}

const LABELS = {
  vi: {
    title: 'Báo cáo kiểm tra dữ liệu',
    asOf: 'dữ liệu ngày',
    period: 'kỳ báo cáo',
    records: 'bản ghi',
    errors: 'lỗi',
    queries: 'cần xem xét',
    acknowledged: 'đã xác nhận',
    passes: 'ĐẠT',
    fails: 'CHƯA ĐẠT',
    groupError: 'LỖI (phải sửa)',
    groupQuery: 'CẦN XEM XÉT (sửa hoặc xác nhận kèm ghi chú)',
    groupAcknowledged: 'ĐÃ XÁC NHẬN',
    row: 'dòng',
    column: 'cột',
    field: 'trường',
    hint: 'Cách sửa',
    ackBy: 'Đã xác nhận bởi',
    ackAt: 'lúc',
    note: 'ghi chú',
    more: 'vấn đề khác không hiển thị',
    none: 'Không có vấn đề nào.',
    summary: 'Tổng cộng',
    notChecked: 'KHÔNG KIỂM TRA ĐƯỢC',
    structure: 'cấu trúc',
  },
  en: {
    title: 'Data check report',
    asOf: 'data as of',
    period: 'reporting period',
    records: 'records',
    errors: 'errors',
    queries: 'queries',
    acknowledged: 'acknowledged',
    passes: 'PASSES',
    fails: 'DOES NOT PASS',
    groupError: 'ERRORS (must be fixed)',
    groupQuery: 'QUERIES (fix, or acknowledge with a note)',
    groupAcknowledged: 'ACKNOWLEDGED',
    row: 'row',
    column: 'column',
    field: 'field',
    hint: 'Fix',
    ackBy: 'Acknowledged by',
    ackAt: 'at',
    note: 'note',
    more: 'more issues not shown',
    none: 'No issues.',
    summary: 'Total',
    notChecked: 'NOT CHECKED',
    structure: 'structure',
  },
} as const;

/**
 * The labels of a language, shared by the formatters.
 *
 * @internal
 */
export function labelsOf(lang: ReportLanguage): (typeof LABELS)[ReportLanguage] {
  return LABELS[lang] ?? LABELS.vi;
}

const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text made safe for a terminal or a log line: control characters (escape sequences, line breaks,
 * NUL), bidirectional overrides, non-characters and unpaired surrogates become U+FFFD, so that data
 * cannot forge lines or colours.
 */
export function safeText(s: string): string {
  return s.replace(UNSAFE, '\uFFFD');
}

/**
 * Where an issue is, for people: `file › sheet › row 12 › column E` when the provenance says so
 * (`field HO_TEN` when no column is known), then the record (`HocSinh 79000701001`).
 */
export function describeLocation(issue: Issue, lang: ReportLanguage = 'vi'): string {
  const l = labelsOf(lang);
  const parts: string[] = [];
  const loc = issue.location;
  if (loc?.file !== undefined) parts.push(loc.file);
  if (loc?.sheet !== undefined) parts.push(loc.sheet);
  if (loc?.row !== undefined) parts.push(`${l.row} ${loc.row}`);
  if (loc?.column !== undefined) parts.push(`${l.column} ${loc.column}`);
  else if (issue.symbol !== undefined || issue.field !== undefined)
    parts.push(`${l.field} ${issue.symbol ?? issue.field}`);
  // A problem of a whole file (a reading problem) belongs to no record.
  const record = `${issue.entity} ${maskRecordKey(issue.recordKey)}`.trim();
  if (record === '') return safeText(parts.join(' › '));
  return safeText(parts.length === 0 ? record : `${parts.join(' › ')} [${record}]`);
}

/** The three groups of a report, in the order they are shown. */
export type IssueGroup = 'error' | 'query' | 'acknowledged';

/** The group of an issue: an error, an unacknowledged query, or an acknowledged query. */
export function groupOf(issue: Issue): IssueGroup {
  if (issue.severity === 'error') return 'error';
  return issue.acknowledged ? 'acknowledged' : 'query';
}

/** The issues of one rule within a group, as {@link groupIssues} gives them. */
export interface RuleIssues {
  /** The rule. */
  readonly ruleId: string;
  /** Its issues of the group, in report order. */
  readonly issues: readonly Issue[];
}

/** One group of issues, as {@link groupIssues} gives them. */
export interface GroupedIssues {
  /** Errors, unacknowledged queries, or acknowledged queries. */
  readonly group: IssueGroup;
  /** The group's issues by rule, rule ids sorted. */
  readonly rules: readonly RuleIssues[];
}

/**
 * A report's issues grouped by {@link IssueGroup} (errors, queries, acknowledged queries), then by
 * rule id (sorted); within a rule, in report order.
 */
export function groupIssues(report: Report): GroupedIssues[] {
  const out: GroupedIssues[] = [];
  for (const group of ['error', 'query', 'acknowledged'] as const) {
    const byRule = new Map<string, Issue[]>();
    for (const issue of report.issues) {
      if (groupOf(issue) !== group) continue;
      const list = byRule.get(issue.ruleId);
      if (list) list.push(issue);
      else byRule.set(issue.ruleId, [issue]);
    }
    if (byRule.size === 0) continue;
    const ids = [...byRule.keys()].sort();
    out.push({ group, rules: ids.map((ruleId) => ({ ruleId, issues: byRule.get(ruleId) ?? [] })) });
  }
  return out;
}

const ENGLISH_SINGULAR: Readonly<Record<string, string>> = {
  errors: 'error',
  queries: 'query',
  records: 'record',
};

/** `n` and a counted word, singular in English when `n` is 1 (Vietnamese has no plural). */
function counted(n: number, word: string, lang: ReportLanguage): string {
  return `${n} ${lang === 'en' && n === 1 ? (ENGLISH_SINGULAR[word] ?? word) : word}`;
}

/** `2 errors, 1 query, 0 acknowledged` in the language. */
function countsLine(
  c: { readonly error: number; readonly query: number; readonly acknowledged: number },
  lang: ReportLanguage,
): string {
  const l = labelsOf(lang);
  return [
    counted(c.error, l.errors, lang),
    counted(c.query, l.queries, lang),
    `${c.acknowledged} ${l.acknowledged}`,
  ].join(', ');
}

/**
 * A report as readable text, in Vietnamese (default) or English: a heading (date, period, records,
 * counts, whether the data pass), then the issues grouped by severity — errors, queries,
 * acknowledged queries — and by rule, each with its location (file › sheet › row › column, and the
 * record's key), its message and its fix hint, an acknowledged query with who accepted it and the
 * note; then the checks that were not possible (`notChecked`), and a summary line. Text from the data is made safe for terminals (see {@link safeText}).
 *
 * @example
 * ```ts
 * console.log(formatText(report, { lang: 'en', maxIssues: 50 }));
 * ```
 */
export function formatText(report: Report, options: TextFormatOptions = {}): string {
  const lang: ReportLanguage = options.lang === 'en' ? 'en' : 'vi';
  const l = labelsOf(lang);
  const max =
    options.maxIssues === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(0, Math.floor(options.maxIssues));
  const counts = report.summary.bySeverity;
  const countLine = countsLine(counts, lang);
  const lines: string[] = [];
  const period = report.period === undefined ? '' : `, ${l.period} ${safeText(report.period)}`;
  lines.push(`${l.title} — ${l.asOf} ${safeText(report.asOf)}${period}`);
  lines.push(
    `${counted(report.summary.records, l.records, lang)} · ${countLine} · ${report.passes ? l.passes : l.fails}`,
  );
  const heading: Record<IssueGroup, string> = {
    error: l.groupError,
    query: l.groupQuery,
    acknowledged: l.groupAcknowledged,
  };
  let shown = 0;
  for (const { group, rules } of groupIssues(report)) {
    if (shown >= max) break;
    const total = rules.reduce((n, r) => n + r.issues.length, 0);
    lines.push('', `${heading[group]} (${total})`);
    for (const { ruleId, issues } of rules) {
      if (shown >= max) break;
      lines.push(`  ${safeText(ruleId)} (${issues.length}) — ${safeText(issues[0]?.basis ?? '')}`);
      for (const issue of issues) {
        if (shown >= max) break;
        shown++;
        lines.push(`    • ${describeLocation(issue, lang)}`);
        lines.push(`      ${safeText(issue.message[lang])}`);
        lines.push(`      → ${l.hint}: ${safeText(issue.hint[lang])}`);
        if (issue.acknowledged) {
          const a = issue.acknowledged;
          lines.push(
            `      ✓ ${l.ackBy} ${safeText(a.by)} ${l.ackAt} ${safeText(a.at)} — ${l.note}: ${safeText(a.note)}`,
          );
        }
      }
    }
  }
  if (report.issues.length === 0) lines.push('', l.none);
  const hidden = report.issues.length - shown;
  if (hidden > 0) lines.push('', `… ${hidden} ${l.more}`);
  if (report.notChecked.length > 0) {
    lines.push('', `${l.notChecked} (${report.notChecked.length})`);
    for (const n of report.notChecked) {
      lines.push(
        `  • ${safeText(n.entity)} · ${safeText(n.ruleId ?? l.structure)}: ${safeText(n.fields.join(', '))}`,
      );
      lines.push(`    ${safeText(n.reason[lang])}`);
    }
  }
  const notChecked =
    report.notChecked.length > 0
      ? ` · ${l.notChecked.toLowerCase()}: ${report.notChecked.length}`
      : '';
  lines.push('', `${l.summary}: ${countLine}${notChecked}`);
  return `${lines.join('\n')}\n`;
}
