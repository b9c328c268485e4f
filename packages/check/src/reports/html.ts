import { maskDigits } from '@eduvn/adapter-kit';
import type { IssueCounts } from '@eduvn/rules';
import type { CheckIssue, CheckReport } from '../types.ts';
import { loadChartSource } from './chart-source.ts';
import { HtmlReportError } from './errors.ts';

/** Options of {@link toHtml}. */
export interface HtmlReportOptions {
  /** The language of the page, its labels and the issues' messages and hints (default `'vi'`). */
  readonly lang?: 'vi' | 'en';
  /** The page's title (default: "Báo cáo kiểm tra dữ liệu" / "Data check report"). */
  readonly title?: string;
  /**
   * The source of Chart.js's UMD build (`chart.js/dist/chart.umd.min.js`), inlined in the page.
   * Default: read from this package's `chart.js` dependency with Node's `fs` — give it where
   * there is no `fs` (a browser).
   */
  readonly chartSource?: string;
  /**
   * The most issues listed in the table (default 5,000): beyond it the page says how many are
   * not listed; the charts and totals always count every issue.
   */
  readonly maxRows?: number;
}

/** The issues the table lists at most, by default. */
export const DEFAULT_HTML_MAX_ROWS = 5000;

type Lang = 'vi' | 'en';

const TEXT = {
  vi: {
    title: 'Báo cáo kiểm tra dữ liệu',
    asOf: 'Kiểm tra theo ngày',
    period: 'Kỳ báo cáo',
    records: 'Số bản ghi',
    passes: 'Đạt',
    fails: 'Chưa đạt',
    errors: 'Lỗi',
    queries: 'Cần xem lại',
    acknowledged: 'Đã xác nhận',
    files: 'Tệp',
    status: 'Trạng thái',
    adapter: 'Bộ đọc',
    skipped: 'Dòng bỏ qua',
    byRule: 'Vấn đề theo quy tắc',
    byClass: 'Vấn đề theo lớp',
    bySeverity: 'Vấn đề theo mức độ',
    noClass: 'Không có vấn đề gắn với lớp.',
    issues: 'Danh sách vấn đề',
    severity: 'Mức độ',
    rule: 'Quy tắc',
    all: 'Tất cả',
    search: 'Tìm kiếm',
    file: 'Tệp',
    sheet: 'Trang tính',
    cell: 'Ô',
    record: 'Bản ghi',
    message: 'Vấn đề',
    value: 'Giá trị',
    hint: 'Cách sửa',
    shown: 'Đang hiện',
    of: 'trên',
    none: 'Không có vấn đề nào.',
    omitted: (n: string) => `${n} vấn đề khác không được liệt kê (biểu đồ và tổng số vẫn tính đủ).`,
    readOmitted: (n: string) => `${n} lỗi đọc tệp đã được đếm nhưng không lưu chi tiết.`,
    notChecked: 'Chưa kiểm tra được',
  },
  en: {
    title: 'Data check report',
    asOf: 'Checked as of',
    period: 'Reporting period',
    records: 'Records',
    passes: 'Passes',
    fails: 'Does not pass',
    errors: 'Errors',
    queries: 'Queries',
    acknowledged: 'Acknowledged',
    files: 'Files',
    status: 'Status',
    adapter: 'Adapter',
    skipped: 'Rows skipped',
    byRule: 'Issues by rule',
    byClass: 'Issues by class',
    bySeverity: 'Issues by severity',
    noClass: 'No issue belongs to a class.',
    issues: 'Issues',
    severity: 'Severity',
    rule: 'Rule',
    all: 'All',
    search: 'Search',
    file: 'File',
    sheet: 'Sheet',
    cell: 'Cell',
    record: 'Record',
    message: 'Problem',
    value: 'Value',
    hint: 'How to fix',
    shown: 'Showing',
    of: 'of',
    none: 'No issues.',
    omitted: (n: string) =>
      `${n} more issue(s) are not listed (the charts and totals count them all).`,
    readOmitted: (n: string) => `${n} reading issue(s) were counted but not kept.`,
    notChecked: 'Not checked',
  },
} as const;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * JSON safe inside a `<script>` element: `<`, `>`, `&` and the JS line separators as `\u` escapes,
 * so that no `</script>` or `<!--` can end or change the element.
 */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A library's source made safe inside a `<script>` element, its source-map comment removed. */
function inlineScript(source: string): string {
  return source
    .replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '')
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
}

function total(c: IssueCounts): number {
  return c.error + c.query + c.acknowledged;
}

/** Entries of a count record, most issues first, then by key. */
function ranked(counts: Readonly<Record<string, IssueCounts>>): [string, IssueCounts][] {
  return Object.entries(counts).sort(
    (a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
}

function severityOf(issue: CheckIssue): 'error' | 'query' | 'acknowledged' {
  return issue.acknowledged ? 'acknowledged' : issue.severity;
}

function cellOf(issue: CheckIssue): string {
  const l = issue.location;
  if (!l) return '';
  if (l.cell !== undefined) return l.cell;
  const parts = [
    l.column === undefined ? '' : l.column,
    l.row === undefined ? '' : String(l.row),
  ].filter(Boolean);
  return parts.join(' ');
}

function issueRow(issue: CheckIssue, lang: Lang, t: (typeof TEXT)[Lang]): string {
  const sev = severityOf(issue);
  const label = sev === 'error' ? t.errors : sev === 'query' ? t.queries : t.acknowledged;
  const l = issue.location;
  const cells = [
    `<td><span class="sev sev-${sev}">${escapeHtml(label)}</span></td>`,
    `<td><code>${escapeHtml(issue.ruleId)}</code></td>`,
    `<td>${escapeHtml(l?.file ?? '')}</td>`,
    `<td>${escapeHtml(l?.sheet ?? '')}</td>`,
    `<td>${escapeHtml(cellOf(issue))}</td>`,
    `<td>${escapeHtml(maskDigits(issue.recordKey))}</td>`,
    `<td>${escapeHtml(issue.message[lang])}</td>`,
    `<td>${escapeHtml(issue.value === undefined ? '' : maskDigits(issue.value))}</td>`,
    `<td>${escapeHtml(issue.hint[lang])}</td>`,
  ];
  return `<tr data-severity="${sev}" data-rule="${escapeHtml(issue.ruleId)}">${cells.join('')}</tr>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;padding:16px 24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:24px 0 8px}
.summary{display:flex;gap:12px;flex-wrap:wrap}.summary div{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px}
.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}
.charts{margin-top:16px;display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:16px}
.chart{border:1px solid #d0d7de;border-radius:6px;padding:8px;position:relative;height:300px}
.chart h3{font-size:14px;margin:0 0 4px}.chart canvas{max-height:260px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
.sev{border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap}
.sev-error{background:#ffebe9;color:#a40e26}.sev-query{background:#fff8c5;color:#7d4e00}.sev-acknowledged{background:#eaeef2;color:#57606a}
.filters{display:flex;gap:12px;flex-wrap:wrap;align-items:end;margin:8px 0}.filters label{display:flex;flex-direction:column;font-size:12px}
.note{color:#57606a}
`;

/** The page's script: draws the charts and runs the filters. Plain ES2015, no outside name but `Chart`. */
const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('eduvn-data').textContent);
  var colors = { error: '#cf222e', query: '#bf8700', acknowledged: '#8c959f' };
  Chart.defaults.animation = false;
  function stacked(id, rows) {
    var el = document.getElementById(id);
    if (!el) return;
    new Chart(el, {
      type: 'bar',
      data: {
        labels: rows.map(function (r) { return r[0]; }),
        datasets: ['error', 'query', 'acknowledged'].map(function (k) {
          return { label: data.labels[k], data: rows.map(function (r) { return r[1][k]; }), backgroundColor: colors[k], stack: 's' };
        })
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  stacked('chart-rule', data.byRule);
  stacked('chart-class', data.byClass);
  var sev = document.getElementById('chart-severity');
  if (sev) {
    new Chart(sev, {
      type: 'doughnut',
      data: {
        labels: [data.labels.error, data.labels.query, data.labels.acknowledged],
        datasets: [{ data: [data.bySeverity.error, data.bySeverity.query, data.bySeverity.acknowledged], backgroundColor: [colors.error, colors.query, colors.acknowledged] }]
      },
      options: { responsive: true, maintainAspectRatio: false }
    });
  }
  var severity = document.getElementById('filter-severity');
  var rule = document.getElementById('filter-rule');
  var search = document.getElementById('filter-text');
  var count = document.getElementById('shown-count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#issues tbody tr'));
  function apply() {
    var s = severity.value, r = rule.value, q = search.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row) {
      var ok = (s === '' || row.getAttribute('data-severity') === s) &&
        (r === '' || row.getAttribute('data-rule') === r) &&
        (q === '' || row.textContent.toLowerCase().indexOf(q) !== -1);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = String(shown);
  }
  severity.addEventListener('change', apply);
  rule.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();
})();
`;

/**
 * The report as one self-contained HTML page that works offline: a summary, charts of the issues
 * by rule, by class and by severity (drawn by Chart.js, inlined in the page), the files read, and a
 * table of the issues — file, sheet, cell, message and fix hint — filtered by severity, by rule
 * and by a text search. Every text from the report is HTML-escaped; record keys and values are
 * shown with long digit runs masked. The page loads nothing from anywhere (its Content Security
 * Policy forbids it).
 *
 * Without `chartSource`, Chart.js is read from `node_modules` with Node's `fs` (once per process).
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { checkFiles, toHtml } from '@eduvn/check';
 *
 * const report = await checkFiles(['C1-HocSinh.xlsx']);
 * await writeFile('report.html', await toHtml(report, { lang: 'vi' }));
 * ```
 *
 * @param report - what {@link checkFiles} returned
 * @param options - language, title, Chart.js source, table size
 * @throws HtmlReportError `INVALID_OPTION` for a bad `lang` or `maxRows`;
 *   `CHART_SOURCE_UNAVAILABLE` when Chart.js cannot be read and no `chartSource` is given.
 */
export async function toHtml(
  report: CheckReport,
  options: HtmlReportOptions = {},
): Promise<string> {
  const lang = options.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') {
    throw new HtmlReportError('INVALID_OPTION', `lang must be 'vi' or 'en', not ${String(lang)}`);
  }
  const maxRows = options.maxRows ?? DEFAULT_HTML_MAX_ROWS;
  if (!Number.isSafeInteger(maxRows) || maxRows < 0) {
    throw new HtmlReportError(
      'INVALID_OPTION',
      `maxRows must be a whole number ≥ 0, not ${maxRows}`,
    );
  }
  const chartSource = options.chartSource ?? (await loadChartSource());
  const t = TEXT[lang];
  const title = options.title ?? t.title;
  const fmt = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US');
  const s = report.summary;
  const byRule = ranked(s.byRule);
  const byClass = ranked(s.byClass);
  const listed = report.issues.slice(0, maxRows);
  const rules = [...new Set(report.issues.map((i) => i.ruleId))].sort();

  const data = {
    labels: { error: t.errors, query: t.queries, acknowledged: t.acknowledged },
    byRule,
    byClass,
    bySeverity: s.bySeverity,
  };

  const files = report.files
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.file)}</td><td>${escapeHtml(f.status)}</td><td>${escapeHtml(f.adapter ?? '')}</td><td>${fmt.format(f.records)}</td><td>${fmt.format(f.skipped)}</td></tr>`,
    )
    .join('');
  const notChecked = report.notChecked
    .map(
      (n) =>
        `<li>${n.ruleId === undefined ? '' : `<code>${escapeHtml(n.ruleId)}</code> `}${escapeHtml(n.entity)}${n.file === undefined ? '' : ` (${escapeHtml(n.file)})`}: ${escapeHtml(n.reason[lang])}</li>`,
    )
    .join('');

  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="summary">
<div>${escapeHtml(t.asOf)}: <strong>${escapeHtml(report.asOf)}</strong></div>
${report.period === undefined ? '' : `<div>${escapeHtml(t.period)}: <strong>${escapeHtml(report.period)}</strong></div>`}
<div>${escapeHtml(t.records)}: <strong id="total-records">${fmt.format(s.records)}</strong></div>
<div>${escapeHtml(t.errors)}: <strong id="total-error">${fmt.format(s.bySeverity.error)}</strong></div>
<div>${escapeHtml(t.queries)}: <strong id="total-query">${fmt.format(s.bySeverity.query)}</strong></div>
<div>${escapeHtml(t.acknowledged)}: <strong id="total-acknowledged">${fmt.format(s.bySeverity.acknowledged)}</strong></div>
<div class="${report.passes ? 'pass' : 'fail'}">${escapeHtml(report.passes ? t.passes : t.fails)}</div>
</div>
<h2>${escapeHtml(t.files)}</h2>
<table id="files"><thead><tr><th>${escapeHtml(t.file)}</th><th>${escapeHtml(t.status)}</th><th>${escapeHtml(t.adapter)}</th><th>${escapeHtml(t.records)}</th><th>${escapeHtml(t.skipped)}</th></tr></thead><tbody>${files}</tbody></table>
${report.omitted > 0 ? `<p class="note">${escapeHtml(t.readOmitted(fmt.format(report.omitted)))}</p>` : ''}
${notChecked === '' ? '' : `<h2>${escapeHtml(t.notChecked)}</h2><ul id="not-checked">${notChecked}</ul>`}
<div class="charts">
<div class="chart"><h3>${escapeHtml(t.byRule)}</h3>${byRule.length > 0 ? '<canvas id="chart-rule"></canvas>' : `<p class="note">${escapeHtml(t.none)}</p>`}</div>
<div class="chart"><h3>${escapeHtml(t.byClass)}</h3>${byClass.length > 0 ? '<canvas id="chart-class"></canvas>' : `<p class="note">${escapeHtml(t.noClass)}</p>`}</div>
<div class="chart"><h3>${escapeHtml(t.bySeverity)}</h3>${report.issues.length > 0 ? '<canvas id="chart-severity"></canvas>' : `<p class="note">${escapeHtml(t.none)}</p>`}</div>
</div>
<h2>${escapeHtml(t.issues)}</h2>
<div class="filters">
<label>${escapeHtml(t.severity)}<select id="filter-severity"><option value="">${escapeHtml(t.all)}</option><option value="error">${escapeHtml(t.errors)}</option><option value="query">${escapeHtml(t.queries)}</option><option value="acknowledged">${escapeHtml(t.acknowledged)}</option></select></label>
<label>${escapeHtml(t.rule)}<select id="filter-rule"><option value="">${escapeHtml(t.all)}</option>${rules.map((r) => `<option value="${escapeHtml(r)}">${escapeHtml(r)}</option>`).join('')}</select></label>
<label>${escapeHtml(t.search)}<input id="filter-text" type="search"></label>
<span class="note">${escapeHtml(t.shown)} <span id="shown-count">${listed.length}</span> ${escapeHtml(t.of)} ${fmt.format(report.issues.length)}</span>
</div>
<table id="issues"><thead><tr><th>${escapeHtml(t.severity)}</th><th>${escapeHtml(t.rule)}</th><th>${escapeHtml(t.file)}</th><th>${escapeHtml(t.sheet)}</th><th>${escapeHtml(t.cell)}</th><th>${escapeHtml(t.record)}</th><th>${escapeHtml(t.message)}</th><th>${escapeHtml(t.value)}</th><th>${escapeHtml(t.hint)}</th></tr></thead>
<tbody>${listed.map((i) => issueRow(i, lang, t)).join('\n')}</tbody></table>
${report.issues.length === 0 ? `<p class="note">${escapeHtml(t.none)}</p>` : ''}
${report.issues.length > listed.length ? `<p class="note" id="rows-omitted">${escapeHtml(t.omitted(fmt.format(report.issues.length - listed.length)))}</p>` : ''}
<script type="application/json" id="eduvn-data">${scriptJson(data)}</script>
<script>${inlineScript(chartSource)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
  return html;
}
