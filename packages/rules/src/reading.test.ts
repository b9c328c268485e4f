import { entityByName, fieldsOf } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatText } from './format/text.ts';
import { READING_RULE_CATALOG, READING_RULES, readingIssue } from './reading.ts';

describe('reading rules', () => {
  it('names the field by the label of its top-level name, else the name, else the column (fast-check)', () => {
    const schema = entityByName('HocSinh');
    if (!schema) throw new Error('HocSinh is an entity of the standard');
    const names = fieldsOf(schema).map((f) => f.name);
    /** The reference: the label of the first field named like `field` up to its first dot. */
    const expected = (field: string | undefined, column: string | undefined, lang: 'vi' | 'en') => {
      const top = field?.split('.')[0];
      const label = fieldsOf(schema).find((f) => f.name === top)?.label;
      return (
        label?.[lang] ??
        field ??
        (column === undefined ? '—' : `(${lang === 'vi' ? 'cột' : 'column'} ${column})`)
      );
    };
    const field = fc.option(
      fc.oneof(
        fc.constantFrom(...names),
        fc
          .tuple(fc.constantFrom(...names), fc.string({ maxLength: 8 }))
          .map(([n, rest]) => `${n}.${rest}`),
        fc.string({ maxLength: 12 }),
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(field, fc.option(fc.constantFrom('E', 'AB'), { nil: undefined }), (f, column) => {
        const issue = readingIssue({
          code: 'date-invalid',
          entity: 'HocSinh',
          ...(f === undefined ? {} : { field: f }),
          ...(column === undefined ? {} : { column }),
          value: '31/02/2019',
        });
        expect(issue.message.vi).toBe(
          `Ngày không tồn tại ở trường ${expected(f, column, 'vi')}: "31/02/2019"`,
        );
        expect(issue.message.en).toBe(
          `Impossible date in field ${expected(f, column, 'en')}: "31/02/2019"`,
        );
      }),
    );
  });

  it('maps every reader code to its rule id', () => {
    expect(READING_RULES).toEqual({
      'date-invalid': 'READ.DATE.001',
      'value-invalid': 'READ.VALUE.001',
      'value-unusual': 'READ.VALUE.002',
      'cell-error': 'READ.VALUE.003',
      'cell-truncated': 'READ.CELL.001',
      'required-blank': 'READ.REQUIRED.001',
      'column-missing': 'READ.COLUMN.001',
      'column-ambiguous': 'READ.COLUMN.002',
      'transform-failed': 'READ.MAPPING.002',
      'no-layout': 'READ.SHEET.001',
      'wrong-format': 'READ.FORMAT.001',
      'encoding-invalid': 'READ.ENCODING.001',
      'nul-byte': 'READ.ENCODING.002',
    });
    const severity = Object.fromEntries(READING_RULE_CATALOG.map((r) => [r.id, r.severity]));
    expect(severity['READ.VALUE.002']).toBe('query');
    expect(severity['READ.COLUMN.002']).toBe('query');
    expect(severity['READ.MAPPING.001']).toBe('query');
    expect(
      READING_RULE_CATALOG.filter((r) => r.severity === 'query').map((r) => r.id),
    ).toHaveLength(3);
  });

  it('builds an issue for an impossible date, at the cell, in the field’s words', () => {
    const issue = readingIssue({
      code: 'date-invalid',
      file: 'hs.xlsx',
      sheet: 'DS',
      row: 15,
      column: 'E',
      entity: 'HocSinh',
      recordKey: 'HS1',
      field: 'ngaySinh',
      value: '31/02/2019',
    });
    expect(issue).toMatchObject({
      ruleId: 'READ.DATE.001',
      severity: 'error',
      basis: 'eduvn',
      entity: 'HocSinh',
      recordKey: 'HS1',
      field: 'ngaySinh',
      symbol: 'NGAY_SINH',
      location: { file: 'hs.xlsx', sheet: 'DS', row: 15, column: 'E', cell: 'E15' },
      value: '31/02/2019',
    });
    expect(issue.message.vi).toMatch(/^Ngày không tồn tại ở trường Ngày sinh: "31\/02\/2019"$/);
    expect(issue.message.en).toContain('"31/02/2019"');
    for (const text of [issue.message.vi, issue.message.en, issue.hint.vi, issue.hint.en])
      expect(text).not.toMatch(/\{\w+\}/);
    expect(formatText({ ...emptyReport, issues: [issue] })).toContain(
      'hs.xlsx › DS › dòng 15 › cột E [HocSinh HS1]',
    );
  });

  it('fills every placeholder of every rule, with and without details', () => {
    for (const rule of READING_RULE_CATALOG) {
      for (const problem of [
        { code: rule.id },
        {
          code: rule.id,
          file: 'a.csv',
          sheet: 'S',
          row: 2,
          column: 'Họ tên',
          field: 'hoTen',
          value: 'x',
          detail: 'because',
        },
      ]) {
        const issue = readingIssue(problem);
        expect(issue.ruleId).toBe(rule.id);
        for (const text of [issue.message.vi, issue.message.en, issue.hint.vi, issue.hint.en])
          expect(text, rule.id).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('names a file-level problem without a record, takes severity overrides, refuses unknown codes', () => {
    const issue = readingIssue(
      { code: 'READ.MAPPING.001', file: 'lop.xlsx', detail: 'score 0.4' },
      { severity: { 'READ.MAPPING.001': 'error' } },
    );
    expect(issue).toMatchObject({ severity: 'error', entity: '', recordKey: '' });
    expect(issue.location).toEqual({ file: 'lop.xlsx' });
    expect(issue.message.en).toContain(': score 0.4');
    expect(formatText({ ...emptyReport, issues: [issue] }, { lang: 'en' })).toContain(
      '    • lop.xlsx\n',
    );
    expect(() => readingIssue({ code: '__proto__' })).toThrow(TypeError);
    expect(() => readingIssue({ code: 'constructor' })).toThrow(TypeError);
  });

  it('shortens an oversized value and detail; a column header gives no cell reference', () => {
    const issue = readingIssue({
      code: 'cell-truncated',
      row: 3,
      column: 'Họ và tên',
      value: 'x'.repeat(100_000),
      detail: 'y'.repeat(100_000),
    });
    expect(issue.value?.length).toBeLessThanOrEqual(201);
    expect(issue.message.en.length).toBeLessThan(600);
    expect(issue.location).toEqual({ row: 3, column: 'Họ và tên' });
  });
});

const emptyReport = {
  issues: [],
  summary: {
    records: 0,
    bySeverity: { error: 0, query: 0, acknowledged: 0 },
    byRule: {},
    byClass: {},
  },
  passes: false,
  asOf: '2026-05-31',
  rules: [],
  notChecked: [],
};
