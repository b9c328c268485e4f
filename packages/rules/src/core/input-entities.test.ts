import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate, validateSync } from '../validate.ts';
import { runRules } from './engine.ts';
import { defineRule } from './rule.ts';
import type { InputRecord } from './types.ts';

const ASOF = '2026-05-31';

const pupil = (n: number, maLop: string): InputRecord => ({
  entity: 'HocSinh',
  record: {
    truongId: '79000001',
    hocSinhId: `7900000100${String(n).padStart(2, '0')}`,
    hoTen: `Trần Văn ${String.fromCharCode(65 + (n % 26))}`,
    ngaySinh: '2018-03-04',
    maLop,
  },
  provenance: { file: 'hs.xlsx', row: n + 2, columns: { maLop: 'B' } },
});
const lop = (ma: string): InputRecord => ({
  entity: 'Lop',
  record: { truongId: '79000001', ma, giaoVienId: 'GV1' },
});
const assessment = (hocSinhId: string): InputRecord => ({
  entity: 'DanhGiaHocSinh',
  record: {
    truongId: '79000001',
    hocSinhId,
    namHoc: '2025-2026',
    kyDanhGia: 'CN',
    monHocs: [],
  },
});

const refEntries = (report: Awaited<ReturnType<typeof validate>>) =>
  report.notChecked.filter((e) => e.ruleId?.startsWith('DQ.REF.'));

describe('inputEntities: the reference rules know what the input cannot hold', () => {
  it('does not run a pupil → class reference on pupils alone, and says so once', async () => {
    const pupils = [pupil(1, '1A'), pupil(2, '1A'), pupil(3, '2B')];
    const report = await validate(pupils, { asOf: ASOF, inputEntities: ['HocSinh'] });
    expect(report.rules).not.toContain('DQ.REF.001');
    expect(refEntries(report)).toEqual([
      {
        entity: 'HocSinh',
        ruleId: 'DQ.REF.001',
        fields: ['maLop'],
        reason: {
          vi: 'Dữ liệu đầu vào không có bản ghi Lop: không đối chiếu được tham chiếu tới các bản ghi này nên quy tắc không chạy',
          en: 'The input holds no Lop records: references to them cannot be checked, so the rule was not run',
        },
      },
    ]);
    // Assessments referring to pupils: none in the input, nothing to check — and nothing said.
    expect(report.rules).not.toContain('DQ.REF.003');
    // The same findings as a run that is not told (which finds nothing to resolve either).
    const untold = await validate(pupils, { asOf: ASOF });
    expect(untold.rules).toContain('DQ.REF.001');
    expect(report.issues).toEqual(untold.issues);
  });

  it('runs the reference when both entities are listed, and finds the missing class', async () => {
    const records = [lop('1A'), pupil(1, '1A'), pupil(2, '9Z')];
    const report = await validate(records, { asOf: ASOF, inputEntities: ['Lop', 'HocSinh'] });
    // The class's teacher (`giaoVienId` → CanBo) cannot be checked: no staff in the input.
    expect(refEntries(report).map((e) => [e.entity, e.ruleId, e.fields])).toEqual([
      ['Lop', 'DQ.REF.002', ['giaoVienId']],
    ]);
    const refs = report.issues.filter((i) => i.ruleId === 'DQ.REF.001');
    expect(refs.map((i) => i.location?.row)).toEqual([4]);
  });

  it('gives the report of an untold run whenever the list holds every entity of the input (fast-check)', async () => {
    const entities = ['HocSinh', 'Lop', 'DanhGiaHocSinh'] as const;
    const record = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 30 }), fc.constantFrom('1A', '1B', '2A'))
        .map(([n, c]) => pupil(n, c)),
      fc.constantFrom('1A', '2A', '3C').map(lop),
      fc
        .integer({ min: 1, max: 30 })
        .map((n) => assessment(pupil(n, '1A').record['hocSinhId'] as string)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 25 }),
        fc.subarray([...entities]),
        async (records, extra) => {
          const present = [...new Set(records.map((r) => r.entity))];
          const listed = [...new Set([...present, ...extra])];
          const told = validateSync(records, { asOf: ASOF, inputEntities: listed });
          const untold = validateSync(records, { asOf: ASOF });
          expect(told.issues).toEqual(untold.issues);
          // What is not run is said once, for references whose records are there.
          for (const entry of refEntries(told)) {
            expect(listed).toContain(entry.entity);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects a record of an entity the list does not hold: a rule about it may not have run', async () => {
    await expect(
      validate([pupil(1, '1A'), lop('1A')], { asOf: ASOF, inputEntities: ['HocSinh'] }),
    ).rejects.toThrow(/A record of "Lop", an entity inputEntities does not list/);
  });

  it('rejects a list that is not names, or too long', async () => {
    const run = (inputEntities: unknown) =>
      validate([], { asOf: ASOF, inputEntities: inputEntities as string[] });
    await expect(run('HocSinh')).rejects.toThrow(TypeError);
    await expect(run(['HocSinh', 7])).rejects.toThrow(/array of entity names/);
    await expect(run(Array.from({ length: 1_001 }, (_, i) => `E${i}`))).rejects.toThrow(RangeError);
    // `__proto__` is a name like any other.
    const report = await run(['__proto__']);
    expect(report.summary.records).toBe(0);
  });
});

describe('RuleInfo.references', () => {
  const base = {
    id: 'X.REF.001',
    entity: ['A', 'B'],
    severity: 'error' as const,
    basis: 'eduvn',
    message: { vi: 'Tham chiếu', en: 'Reference' },
    hint: { vi: 'Sửa', en: 'Fix it' },
  };
  const dataset = {
    ...base,
    scope: 'dataset' as const,
    init: () => ({ seen: 0 }),
    collect: (_: InputRecord, state: { seen: number }) => {
      state.seen++;
    },
    finish: () => undefined,
  };

  it('must name two entities the rule applies to, on a dataset rule', () => {
    expect(() => defineRule({ ...dataset, references: { from: 'A', to: 'C' } })).toThrow(
      /references names entity "C", which the rule does not apply to/,
    );
    expect(() =>
      defineRule({
        ...dataset,
        references: { from: 'A' } as unknown as { from: string; to: string },
      }),
    ).toThrow(/references must be \{ from, to \}/);
    expect(() =>
      defineRule({
        ...base,
        scope: 'record',
        check: () => undefined,
        references: { from: 'A', to: 'B' },
      }),
    ).toThrow(/only a dataset rule checks references/);
  });

  it('switches off a rule of any rule set, not only the built-in ones', async () => {
    let collected = 0;
    const rule = defineRule({
      ...dataset,
      references: { from: 'A', to: 'B' },
      collect: () => {
        collected++;
      },
    });
    const records: InputRecord[] = [{ entity: 'A', record: { k: '1' } }];
    const told = await runRules(records, [rule], { asOf: ASOF, inputEntities: ['A'] });
    expect(collected).toBe(0);
    expect(told.notChecked.map((e) => [e.entity, e.ruleId])).toEqual([['A', 'X.REF.001']]);
    await runRules(records, [rule], { asOf: ASOF });
    expect(collected).toBe(1);
  });
});
