/**
 * A page that checks a dropped school file with `checkFiles` of `@eduvn/check` — entirely in the
 * browser: the `File` is read where it is (a slice at a time), nothing is uploaded, the page makes
 * no request of its own (its production build also forbids any with `connect-src 'none'`).
 */
import { type CheckIssue, type CheckReport, checkFiles } from '@eduvn/check';

type Lang = 'vi' | 'en';

const TEXT = {
  reading: { vi: 'Đang đọc và kiểm tra', en: 'Reading and checking' },
  rows: { vi: 'dòng', en: 'rows' },
  done: { vi: 'Đã kiểm tra xong', en: 'Checked' },
  failed: { vi: 'Không kiểm tra được tệp', en: 'The file could not be checked' },
  records: { vi: 'Bản ghi đọc được', en: 'Records read' },
  errors: { vi: 'Lỗi', en: 'Errors' },
  queries: { vi: 'Cần xem lại', en: 'To review' },
  verdict: { vi: 'Kết luận', en: 'Verdict' },
  passes: { vi: 'Đạt', en: 'Passes' },
  fails: { vi: 'Chưa đạt', en: 'Does not pass' },
  none: { vi: 'Không có vấn đề nào.', en: 'No problems found.' },
  error: { vi: 'Lỗi', en: 'Error' },
  query: { vi: 'Xem lại', en: 'Review' },
  acknowledged: { vi: 'Đã xác nhận', en: 'Acknowledged' },
  read: { vi: 'đã đọc', en: 'read' },
  proposed: { vi: 'đề xuất cách đọc', en: 'layout proposed' },
  unreadable: { vi: 'không đọc được', en: 'unreadable' },
} as const satisfies Record<string, Record<Lang, string>>;

const $ = <T extends HTMLElement>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (found === null) throw new Error(`The page has no ${selector}`);
  return found;
};

let lang: Lang = 'vi';
let last: { report: CheckReport; file: string } | undefined;

function t(key: keyof typeof TEXT): string {
  return TEXT[key][lang];
}

function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  document.querySelectorAll<HTMLElement>('[data-vi]').forEach((element) => {
    element.textContent = element.dataset[next] ?? element.textContent;
  });
  $('#lang-vi').setAttribute('aria-pressed', String(next === 'vi'));
  $('#lang-en').setAttribute('aria-pressed', String(next === 'en'));
  if (last !== undefined) render(last.report, last.file);
}

function cell(row: HTMLTableRowElement, text: string | number | undefined): void {
  const td = row.insertCell();
  td.textContent = text === undefined ? '' : String(text);
}

function render(report: CheckReport, file: string): void {
  const summary = $('#summary');
  summary.replaceChildren();
  const add = (term: string, value: string | number): void => {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    summary.append(dt, dd);
  };
  add(t('records'), report.summary.records);
  add(t('errors'), report.summary.bySeverity.error);
  add(t('queries'), report.summary.bySeverity.query);
  add(t('verdict'), report.passes ? t('passes') : t('fails'));

  const files = $<HTMLTableElement>('#files').tBodies[0] as HTMLTableSectionElement;
  files.replaceChildren();
  for (const f of report.files) {
    const row = files.insertRow();
    cell(row, f.file);
    cell(row, t(f.status));
    cell(row, f.adapter ?? '');
    cell(row, f.records);
  }

  const issues = $<HTMLTableElement>('#issues').tBodies[0] as HTMLTableSectionElement;
  issues.replaceChildren();
  for (const issue of report.issues) issueRow(issues, issue);
  if (report.issues.length === 0) {
    const row = issues.insertRow();
    const td = row.insertCell();
    td.colSpan = 7;
    td.textContent = t('none');
  }
  $('#result').hidden = false;
  $('#status').textContent = `${t('done')}: ${file}`;
  $('#status').dataset['state'] = 'done';
}

function issueRow(body: HTMLTableSectionElement, issue: CheckIssue): void {
  const row = body.insertRow();
  row.className = issue.severity;
  row.dataset['rule'] = issue.ruleId;
  if (issue.location?.cell !== undefined) row.dataset['cell'] = issue.location.cell;
  cell(row, t(issue.severity));
  cell(
    row,
    issue.location?.cell ?? (issue.location?.row === undefined ? '' : `#${issue.location.row}`),
  );
  cell(row, issue.location?.sheet);
  cell(row, issue.field);
  cell(row, issue.message[lang]);
  cell(row, issue.hint[lang]);
  cell(row, issue.ruleId);
}

async function check(file: File): Promise<void> {
  const status = $('#status');
  status.dataset['state'] = 'reading';
  status.textContent = `${t('reading')}: ${file.name}…`;
  $('#result').hidden = true;
  const value = (id: string): string | undefined =>
    $<HTMLInputElement>(`#${id}`).value.trim() || undefined;
  const truongId = value('truongId');
  const namHoc = value('namHoc');
  const asOf = value('asOf');
  try {
    // The File itself: read in this page a slice at a time, never uploaded.
    const report = await checkFiles([{ source: file, name: file.name }], {
      hints: {
        ...(truongId === undefined ? {} : { truongId }),
        ...(namHoc === undefined ? {} : { namHoc }),
      },
      ...(asOf === undefined ? {} : { asOf }),
      onProgress: (p) => {
        if (!p.done) status.textContent = `${t('reading')}: ${file.name}… ${p.rows} ${t('rows')}`;
      },
    });
    last = { report, file: file.name };
    render(report, file.name);
  } catch (error) {
    last = undefined;
    status.dataset['state'] = 'failed';
    status.textContent = `${t('failed')}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const input = $<HTMLInputElement>('#file');
input.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file !== undefined) void check(file);
});

const drop = $('#drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file !== undefined) void check(file);
});

$('#lang-vi').addEventListener('click', () => setLang('vi'));
$('#lang-en').addEventListener('click', () => setLang('en'));
