import type { IssueCounts } from '@eduvn/rules';
import type { CheckIssue, CheckReport } from '../types.ts';

/** A hostile text: markup, a script end, a quote, and an object-prototype name. */
export const HOSTILE = `<script>alert(1)</script>"'&<!-- __proto__`;

function count(issues: readonly CheckIssue[], key: (i: CheckIssue) => string | undefined) {
  const out: Record<string, IssueCounts> = Object.create(null);
  for (const i of issues) {
    const k = key(i);
    if (k === undefined) continue;
    const c = out[k] ?? { error: 0, query: 0, acknowledged: 0 };
    out[k] = {
      error: c.error + (i.severity === 'error' ? 1 : 0),
      query: c.query + (i.severity === 'query' && !i.acknowledged ? 1 : 0),
      acknowledged: c.acknowledged + (i.acknowledged ? 1 : 0),
    };
  }
  return out;
}

/** A report around these issues, its summary counted from them. */
export function reportOf(
  issues: readonly CheckIssue[],
  extra: Partial<CheckReport> = {},
): CheckReport {
  const all = count(issues, () => 'all')['all'] ?? { error: 0, query: 0, acknowledged: 0 };
  return {
    issues,
    summary: {
      records: 3,
      bySeverity: all,
      byRule: count(issues, (i) => i.ruleId),
      byClass: count(issues, (i) => i.classCode),
    },
    passes: all.error === 0 && all.query === 0,
    asOf: '2025-10-01',
    rules: [...new Set(issues.map((i) => i.ruleId))],
    notChecked: [],
    files: [
      {
        file: 'C1-HocSinh.xlsx',
        status: 'read',
        adapter: 'moet-c1-hocsinh',
        layout: {},
        records: 3,
        skipped: 1,
      },
    ],
    omitted: 0,
    ...extra,
  };
}

function issue(over: Partial<CheckIssue> & Pick<CheckIssue, 'ruleId' | 'severity'>): CheckIssue {
  return {
    basis: 'QĐ 4998',
    entity: 'HocSinh',
    recordKey: 'HS0001',
    message: { vi: 'Thiếu ngày sinh', en: 'Missing date of birth' },
    hint: { vi: 'Nhập ngày sinh dạng dd/mm/yyyy', en: 'Enter the date of birth as dd/mm/yyyy' },
    ...over,
  };
}

/**
 * Five issues over three rules and two classes: three errors, one query, one acknowledged query;
 * one with hostile texts everywhere (rule id, file, sheet, message, hint, value, class).
 */
export function sampleReport(): CheckReport {
  return reportOf([
    issue({
      ruleId: 'HS.NGAY_SINH.001',
      severity: 'error',
      classCode: '1A',
      location: { file: 'C1-HocSinh.xlsx', sheet: 'Học sinh', row: 7, column: 'E', cell: 'E7' },
    }),
    issue({
      ruleId: 'HS.NGAY_SINH.001',
      severity: 'error',
      classCode: '1B',
      recordKey: 'HS0002',
      location: { file: 'C1-HocSinh.xlsx', sheet: 'Học sinh', row: 8, column: 'E', cell: 'E8' },
    }),
    issue({
      ruleId: 'HS.CCCD.002',
      severity: 'query',
      classCode: '1A',
      recordKey: 'HS0003',
      value: '*********234',
      message: { vi: 'Số định danh trùng', en: 'Duplicate personal ID' },
      hint: { vi: 'Kiểm tra lại số định danh', en: 'Check the personal ID' },
      location: { file: 'C1-HocSinh.xlsx', sheet: 'Học sinh', row: 9, column: 'F', cell: 'F9' },
    }),
    issue({
      ruleId: 'HS.CCCD.002',
      severity: 'query',
      classCode: '1B',
      recordKey: 'HS0004',
      acknowledged: { note: 'twins', by: 'admin', at: '2025-10-01T00:00:00Z' },
      location: { file: 'C1-HocSinh.xlsx', sheet: 'Học sinh', row: 10, column: 'F', cell: 'F10' },
    }),
    issue({
      ruleId: `__proto__${HOSTILE}`,
      severity: 'error',
      classCode: '__proto__',
      recordKey: '079216001234',
      value: HOSTILE,
      message: { vi: HOSTILE, en: HOSTILE },
      hint: { vi: `${HOSTILE} vi`, en: `${HOSTILE} en` },
      location: { file: `${HOSTILE}.xlsx`, sheet: HOSTILE, row: 2, column: 'constructor' },
    }),
  ]);
}
