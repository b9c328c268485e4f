import { runRules } from '../core/engine.ts';
import type { Report } from '../core/report.ts';
import { defineRule, type RecordRule } from '../core/rule.ts';
import type { InputRecord } from '../core/types.ts';

/**
 * Text meant to break formatters: markup, quotes, an ampersand, NUL, an ANSI escape, a bell, a bidi
 * override, a lone surrogate, U+FFFE — and Vietnamese (NFC) that must come out intact.
 */
export const HOSTILE = `<script>alert("x")</script> & 'q' \u0000\u001b[31m Nguyễn Thị Ánh \u202Eabc \uD800 \uFFFE\u0007 ]]>`;

/** The hostile acknowledgement note. */
export const HOSTILE_NOTE = `Phòng GD&ĐT đã duyệt <ok> "quoted" \u0007 tab\there\nnew line`;

const errorRule: RecordRule = defineRule({
  id: 'TEST.VALUE.001',
  entity: 'HocSinh',
  scope: 'record',
  severity: 'error',
  basis: 'TT 27/2020 <Art. 9> & "test"',
  message: { vi: 'Giá trị {value} không hợp lệ', en: 'Value {value} is not valid' },
  hint: { vi: 'Sửa giá trị ở ô {column}', en: 'Correct the value in cell {column}' },
  check(item, ctx) {
    if (item.record['bad'] !== undefined)
      ctx.report({ field: 'hoTen', params: { value: String(item.record['bad']), column: 'C' } });
  },
});

const queryRule: RecordRule = defineRule({
  id: 'TEST.SIZE.001',
  entity: 'HocSinh',
  scope: 'record',
  severity: 'query',
  basis: 'eduvn',
  message: { vi: 'Cần xem lại học sinh {id}', en: 'Pupil {id} needs a look' },
  hint: { vi: 'Sửa hoặc xác nhận kèm ghi chú', en: 'Fix it or acknowledge it with a note' },
  check(item, ctx) {
    if (item.record['odd'] === true)
      ctx.report({ params: { id: String(item.record['hocSinhId']) } });
  },
});

const quietRule: RecordRule = defineRule({
  id: 'TEST.QUIET.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: 'eduvn',
  message: { vi: 'Không bao giờ báo', en: 'Never reports' },
  hint: { vi: 'Không có', en: 'Nothing' },
  check() {},
});

/** The rules of {@link sampleReport}. */
export const SAMPLE_RULES: readonly RecordRule[] = [errorRule, queryRule, quietRule];

const records: InputRecord[] = [
  {
    entity: 'HocSinh',
    record: { hocSinhId: 'HS1', maLop: '__proto__', bad: HOSTILE },
    provenance: {
      file: 'Trường "A" & <B>.xlsx',
      sheet: 'Học sinh',
      row: 2,
      columns: { hoTen: 'C' },
    },
  },
  { entity: 'HocSinh', record: { hocSinhId: 'HS2', maLop: '1A', bad: 'x', odd: true } },
  {
    entity: 'HocSinh',
    record: { hocSinhId: 'HS3&<4>', maLop: '1A', odd: true },
    provenance: { file: 'hs.csv', row: 4 },
  },
];

/**
 * A report with two errors (one with hostile text, at a cell of a hostile file name), an
 * unacknowledged query, an acknowledged query with a hostile note, and a rule without issues.
 */
export function sampleReport(): Promise<Report> {
  return runRules(records, SAMPLE_RULES, {
    asOf: '2026-05-31',
    period: 'GK1',
    acknowledgements: [
      {
        ruleId: 'TEST.SIZE.001',
        recordKey: 'HS3&<4>',
        note: HOSTILE_NOTE,
        by: 'hiệu trưởng',
        at: '2026-05-31T09:00:00+07:00',
      },
    ],
  });
}
