import { describe, expect, it } from 'vitest';
import { AcknowledgementError, acknowledge } from './acknowledge.ts';
import { runRules } from './engine.ts';
import { type DatasetRule, defineRule, type RecordRule } from './rule.ts';
import { onlyWithSync } from './sync-gate.ts';
import type { InputRecord } from './types.ts';

const ASOF = { asOf: '2026-05-31' } as const;

const nameTooShort: RecordRule = defineRule({
  id: 'TEST.NAME.001',
  entity: 'HocSinh',
  scope: 'record',
  severity: 'query',
  basis: 'eduvn',
  message: { vi: 'Tên {name} quá ngắn', en: 'The name {name} is too short' },
  hint: { vi: 'Kiểm tra lại', en: 'Check it' },
  check(item, ctx) {
    const name = String(item.record['hoTen'] ?? '');
    if (name.length < 4) ctx.report({ field: 'hoTen', params: { name } });
  },
});

const noBirthDate: RecordRule = defineRule({
  id: 'TEST.DATE.001',
  entity: ['HocSinh', 'CanBo'],
  scope: 'record',
  severity: 'error',
  basis: 'eduvn',
  message: { vi: 'Thiếu ngày sinh', en: 'No birth date' },
  hint: { vi: 'Nhập ngày sinh', en: 'Enter the birth date' },
  check(item, ctx) {
    if (item.record['ngaySinh'] === undefined) ctx.report({ field: 'ngaySinh' });
  },
});

const duplicateIds: DatasetRule<Map<string, number>> = defineRule({
  id: 'TEST.UNIQUE.001',
  entity: 'HocSinh',
  scope: 'dataset',
  severity: 'error',
  basis: 'eduvn',
  message: { vi: 'Mã {id} bị trùng', en: 'Code {id} is duplicated' },
  hint: { vi: 'Sửa mã', en: 'Fix the code' },
  init: () => new Map(),
  collect(item, seen) {
    const id = String(item.record['hocSinhId']);
    seen.set(id, (seen.get(id) ?? 0) + 1);
  },
  finish(seen, ctx) {
    for (const [id, n] of seen)
      if (n > 1) ctx.report({ target: { entity: 'HocSinh', recordKey: id }, params: { id } });
  },
});

const periodOnly: RecordRule = defineRule({
  ...noBirthDate,
  id: 'TEST.PERIOD.001',
  periods: ['start-of-year'],
});

const RULES = [nameTooShort, noBirthDate, duplicateIds, periodOnly];

const pupil = (
  hocSinhId: string,
  hoTen: string,
  extra: Record<string, unknown> = {},
  row?: number,
): InputRecord => ({
  entity: 'HocSinh',
  record: { hocSinhId, hoTen, maLop: '1A', ...extra },
  ...(row === undefined
    ? {}
    : {
        provenance: {
          file: 'lop1a.xlsx',
          sheet: 'Sheet1',
          row,
          columns: { hoTen: 'D', ngaySinh: 'E' },
        },
      }),
});

describe('runRules', () => {
  const input = [
    pupil('HS1', 'An', { ngaySinh: '2019-01-01' }, 5),
    pupil('HS2', 'Nguyễn Văn Bình', {}, 6),
    pupil('HS2', 'Lê Thị Hoa', { ngaySinh: '2019-02-02' }, 7),
  ];

  it('localizes, locates and counts every finding', async () => {
    const report = await runRules(input, RULES, ASOF);
    expect(
      report.issues.map((i) => [i.ruleId, i.recordKey, i.location?.row, i.location?.column]),
    ).toEqual([
      ['TEST.NAME.001', 'HS1', 5, 'D'],
      ['TEST.DATE.001', 'HS2', 6, 'E'],
      ['TEST.UNIQUE.001', 'HS2', undefined, undefined],
    ]);
    const first = report.issues[0];
    expect(first?.message).toEqual({ vi: 'Tên An quá ngắn', en: 'The name An is too short' });
    expect(first?.symbol).toBe('HO_TEN');
    expect(first?.location).toEqual({
      file: 'lop1a.xlsx',
      sheet: 'Sheet1',
      row: 5,
      column: 'D',
      cell: 'D5',
    });
    expect(report.summary).toEqual({
      records: 3,
      bySeverity: { error: 2, query: 1, acknowledged: 0 },
      byRule: {
        'TEST.NAME.001': { error: 0, query: 1, acknowledged: 0 },
        'TEST.DATE.001': { error: 1, query: 0, acknowledged: 0 },
        'TEST.UNIQUE.001': { error: 1, query: 0, acknowledged: 0 },
      },
      byClass: { '1A': { error: 1, query: 1, acknowledged: 0 } },
    });
    expect(report.passes).toBe(false);
    expect(report.rules).toEqual(['TEST.NAME.001', 'TEST.DATE.001', 'TEST.UNIQUE.001']);
  });

  it('reads async iterables the same as arrays', async () => {
    async function* stream() {
      yield* input;
    }
    const [a, b] = await Promise.all([
      runRules(input, RULES, ASOF),
      runRules(stream(), RULES, ASOF),
    ]);
    expect(b.issues).toEqual(a.issues);
  });

  it('selects rules by id and prefix, and overrides severities', async () => {
    const only = await runRules(input, RULES, { ...ASOF, rules: { only: ['TEST.NAME.001'] } });
    expect(only.rules).toEqual(['TEST.NAME.001']);
    const skipped = await runRules(input, RULES, { ...ASOF, rules: { skip: ['TEST.'] } });
    expect(skipped.issues).toEqual([]);
    expect(skipped.passes).toBe(true);
    const stricter = await runRules(input, RULES, {
      ...ASOF,
      rules: { severity: { 'TEST.NAME.001': 'error' } },
    });
    expect(stricter.issues[0]?.severity).toBe('error');
  });

  it('runs a period rule set only for its period', async () => {
    expect((await runRules(input, RULES, ASOF)).rules).not.toContain('TEST.PERIOD.001');
    const start = await runRules(input, RULES, { ...ASOF, period: 'start-of-year' });
    expect(start.rules).toContain('TEST.PERIOD.001');
    expect(start.period).toBe('start-of-year');
  });

  it('honours acknowledgements of queries, with their notes, and passes once only queries remain', async () => {
    const queriesOnly = [pupil('HS1', 'An', { ngaySinh: '2019-01-01' })];
    const report = await runRules(queriesOnly, RULES, ASOF);
    expect(report.passes).toBe(false);
    const ack = acknowledge(report, {
      ruleId: 'TEST.NAME.001',
      recordKey: 'HS1',
      note: 'Tên thật là An',
      by: 'gv.chu.nhiem',
      at: '2026-05-31T08:00:00+07:00',
    });
    const again = await runRules(queriesOnly, RULES, { ...ASOF, acknowledgements: [ack] });
    expect(again.issues[0]?.acknowledged).toEqual({
      note: 'Tên thật là An',
      by: 'gv.chu.nhiem',
      at: '2026-05-31T08:00:00+07:00',
    });
    expect(again.summary.bySeverity).toEqual({ error: 0, query: 0, acknowledged: 1 });
    expect(again.passes).toBe(true);
  });

  it('refuses to acknowledge errors, unknown issues, or without a note', async () => {
    const report = await runRules(input, RULES, ASOF);
    expect(() =>
      acknowledge(report, { ruleId: 'TEST.DATE.001', recordKey: 'HS2', note: 'x', by: 'y' }),
    ).toThrow(/must be fixed/);
    expect(() =>
      acknowledge(report, { ruleId: 'TEST.NAME.001', recordKey: 'HS9', note: 'x', by: 'y' }),
    ).toThrow(AcknowledgementError);
    expect(() =>
      acknowledge(report, { ruleId: 'TEST.NAME.001', recordKey: 'HS1', note: '  ', by: 'y' }),
    ).toThrow(/note/);
  });

  it('never applies an acknowledgement to an error', async () => {
    const report = await runRules(input, RULES, {
      ...ASOF,
      acknowledgements: [
        {
          ruleId: 'TEST.DATE.001',
          recordKey: 'HS2',
          note: 'n',
          by: 'b',
          at: '2026-01-01T00:00:00Z',
        },
      ],
    });
    expect(report.issues.find((i) => i.ruleId === 'TEST.DATE.001')?.acknowledged).toBeUndefined();
  });

  it('names the rule and the record when a rule throws', async () => {
    const broken: RecordRule = defineRule({
      ...nameTooShort,
      id: 'TEST.BROKEN.001',
      check: () => {
        throw new Error('boom');
      },
    });
    await expect(runRules(input, [broken], ASOF)).rejects.toThrow(
      /Rule TEST.BROKEN.001 failed on HocSinh HS1: boom/,
    );
  });

  it('calls a rule marked onlyWithSync for records with sync bookkeeping only', async () => {
    const seen: string[] = [];
    const syncRule = onlyWithSync(
      defineRule({
        ...nameTooShort,
        id: 'TEST.SYNC.001',
        entity: '*',
        check: (item) => {
          seen.push(String(item.record['hocSinhId']));
        },
      }),
    );
    const records: InputRecord[] = [
      { entity: 'HocSinh', record: { hocSinhId: 'A' } },
      { entity: 'HocSinh', record: { hocSinhId: 'B' }, sync: {} },
      { entity: 'Lop', record: { hocSinhId: 'C' }, sync: { occurredAt: '2026-05-30T08:00:00Z' } },
      { entity: 'HocSinh', record: { hocSinhId: 'D' }, sync: undefined as never },
    ];
    await runRules(records, [syncRule, nameTooShort], ASOF);
    expect(seen).toEqual(['B', 'C']);
  });

  it('explains bad settings', async () => {
    await expect(runRules([], RULES, { asOf: '31/05/2026' })).rejects.toThrow(/asOf/);
    await expect(runRules([], RULES, { ...ASOF, schoolYear: '2025-2027' })).rejects.toThrow(
      /schoolYear/,
    );
    await expect(runRules([], RULES, { ...ASOF, period: 'summer' as never })).rejects.toThrow(
      /period/,
    );
    await expect(runRules([], RULES, { ...ASOF, deadlineHours: 0 })).rejects.toThrow(
      /deadlineHours/,
    );
  });

  it('derives the school year from asOf', async () => {
    expect((await runRules([], RULES, { asOf: '2026-05-31' })).asOf).toBe('2026-05-31');
  });

  it('keeps hostile keys and values from breaking the report', async () => {
    const hostile = JSON.parse(
      '{"entity":"HocSinh","record":{"hocSinhId":"__proto__","hoTen":"<b>","maLop":"__proto__"}}',
    );
    const report = await runRules([hostile], RULES, ASOF);
    expect(Object.getOwnPropertyDescriptor(report.summary.byClass, '__proto__')?.value).toEqual({
      error: 1,
      query: 1,
      acknowledged: 0,
    });
    expect(({} as Record<string, unknown>)['error']).toBeUndefined();
  });
});

describe('defineRule', () => {
  it('refuses malformed ids and missing texts', () => {
    expect(() => defineRule({ ...nameTooShort, id: 'bad id' })).toThrow(/AREA.TOPIC.NNN/);
    expect(() => defineRule({ ...nameTooShort, message: { vi: '', en: 'x' } })).toThrow(
      /Vietnamese/,
    );
    expect(() => defineRule({ ...nameTooShort, basis: ' ' })).toThrow(/basis/);
  });
});
