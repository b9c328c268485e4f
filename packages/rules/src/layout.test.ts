import { generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import { Catalogs, ENTITIES, entityOf, fieldsOf } from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules, runRulesSync } from './core/engine.ts';
import type { SourceLayout } from './core/layout.ts';
import { defineRule, type RecordRule } from './core/rule.ts';
import type { InputRecord } from './core/types.ts';
import { fromJSON, toJSON } from './format/json.ts';
import { toJUnit } from './format/junit.ts';
import { formatText } from './format/text.ts';
import { excellentRecord } from './tt27/records.test-helper.ts';
import { validate, validateSync } from './validate.ts';

const ASOF = '2026-05-31';

/** Every field of every entity of the standard: a layout that lacks nothing. */
const FULL: SourceLayout = Object.fromEntries(
  ENTITIES.map((e) => [entityOf(e).name, fieldsOf(e).map((f) => f.name)]),
);

/** A layout of the record's own fields, without `drop`. */
const layoutOf = (entity: string, record: object, ...drop: string[]): SourceLayout => ({
  [entity]: Object.keys(record).filter((f) => !drop.includes(f)),
});

describe('layout: what a source layout can hold', () => {
  it('does not run TT27.REWARD.002 on a KQHT import without an award column, and says so once', async () => {
    const records: InputRecord[] = [1, 2, 3].map((n) => {
      const r = excellentRecord('CN', `HS${n}`);
      delete r.khenThuong;
      return { entity: 'DanhGiaHocSinh', record: r, provenance: { file: 'kqht.xls', row: n + 8 } };
    });
    const without = await validate(records, { asOf: ASOF, rules: { only: ['TT27.'] } });
    expect(without.issues.map((i) => i.ruleId)).toEqual([
      'TT27.REWARD.002',
      'TT27.REWARD.002',
      'TT27.REWARD.002',
    ]);
    expect(without.notChecked).toEqual([]);

    const layout = layoutOf('DanhGiaHocSinh', excellentRecord('CN'), 'khenThuong');
    const report = await validate(records, { asOf: ASOF, layout });
    expect(report.issues.filter((i) => i.ruleId.startsWith('TT27.'))).toEqual([]);
    const rewards = report.notChecked.filter((n) => n.ruleId?.startsWith('TT27.REWARD.'));
    expect(rewards).toEqual([
      {
        entity: 'DanhGiaHocSinh',
        ruleId: 'TT27.REWARD.001',
        fields: ['khenThuong'],
        reason: expect.objectContaining({ en: expect.stringContaining('no khenThuong') }),
      },
      {
        entity: 'DanhGiaHocSinh',
        ruleId: 'TT27.REWARD.002',
        fields: ['khenThuong'],
        reason: expect.objectContaining({ vi: expect.stringContaining('khenThuong') }),
      },
    ]);
    // The same in the synchronous run.
    expect(validateSync(records, { asOf: ASOF, layout })).toEqual(report);
  });

  it('still reports an award column that is there but blank on a row', async () => {
    const r = excellentRecord('CN');
    delete r.khenThuong;
    const layout = {
      DanhGiaHocSinh: [...Object.keys(excellentRecord('CN')), 'hoanThanhChuongTrinhTieuHoc'],
    };
    const report = await validate([{ entity: 'DanhGiaHocSinh', record: r }], {
      asOf: ASOF,
      layout,
      rules: { only: ['TT27.'] },
    });
    expect(report.issues.map((i) => i.ruleId)).toEqual(['TT27.REWARD.002']);
    expect(report.notChecked).toEqual([]);
  });

  it('does not report a pupil code the MISA list has no column for, row by row; a blank one it does', () => {
    const school = generateSchool({ seed: 21, province: '79', pupils: 12 });
    const pupils = recordsOf(school).filter((r) => r.entity === 'HocSinh');
    const misa = pupils.map(({ record, ...rest }) => {
      const { hocSinhId: _, ...own } = record as Record<string, unknown>;
      return { ...rest, record: own };
    });
    const layout = layoutOf('HocSinh', pupils[0]?.record ?? {}, 'hocSinhId');

    const blind = validateSync(misa, { asOf: ASOF });
    const missing = blind.issues.filter((i) => i.field === 'hocSinhId');
    expect(missing.length).toBe(misa.length);
    expect(missing.every((i) => i.ruleId === 'STD.SCHEMA.001')).toBe(true);

    const report = validateSync(misa, { asOf: ASOF, layout });
    expect(report.issues.filter((i) => i.field === 'hocSinhId')).toEqual([]);
    const skippedRules = new Set(report.notChecked.map((n) => n.ruleId));
    expect(report.issues).toEqual(
      blind.issues.filter((i) => i.field !== 'hocSinhId' && !skippedRules.has(i.ruleId)),
    );
    const schema = report.notChecked.find((n) => n.ruleId === undefined);
    expect(schema).toMatchObject({ entity: 'HocSinh', fields: ['hocSinhId'] });
    expect(schema?.reason.en).toContain('required');
    // Rules whose evidence is the pupil code are not run, and said so once each.
    const skipped = report.notChecked
      .filter((n) => n.reason.en.startsWith('The source layout') && n.ruleId !== undefined)
      .map((n) => n.ruleId);
    expect(skipped).toEqual(
      expect.arrayContaining(['ID.PROVISIONAL.001', 'ID.PROVISIONAL.002', 'DQ.REF.003']),
    );
    expect(new Set(skipped).size).toBe(skipped.length);

    // A pupil code column that is there but blank is reported on its row.
    const blank = pupils.slice(0, 1).map((p) => ({ ...p, record: { ...p.record, hocSinhId: '' } }));
    const withColumn = validateSync(blank, {
      asOf: ASOF,
      layout: layoutOf('HocSinh', pupils[0]?.record ?? {}),
    });
    expect(withColumn.issues.some((i) => i.field === 'hocSinhId')).toBe(true);
    expect(withColumn.notChecked.filter((n) => n.fields.includes('hocSinhId'))).toEqual([]);
  });

  it('reports a value the record holds even for a field the layout does not list', () => {
    const school = generateSchool({ seed: 22, province: '79', pupils: 2 });
    const [pupil] = recordsOf(school).filter((r) => r.entity === 'HocSinh');
    if (!pupil) throw new Error('no pupil');
    const bad = { ...pupil, record: { ...pupil.record, hoTen: 'x'.repeat(500) } };
    const report = validateSync([bad], {
      asOf: ASOF,
      layout: layoutOf('HocSinh', pupil.record, 'hoTen'),
      rules: { only: ['STD.SCHEMA.001'] },
    });
    expect(report.issues.map((i) => i.field)).toEqual(['hoTen']);
  });

  it('does not run a dataset rule at all when one of its entities lacks its evidence', () => {
    // Pupils enrolled, assessments without a period column: no pupil can be called unassessed.
    const school = generateSchool({ seed: 23, province: '79', pupils: 6 });
    const records = recordsOf(school);
    const full = validateSync(records, { asOf: ASOF, period: 'GK1' });
    expect(full.rules).toContain('PERIOD.ASSESS.001');
    const report = validateSync(records, {
      asOf: ASOF,
      period: 'GK1',
      layout: { DanhGiaHocSinh: ['hocSinhId', 'namHoc', 'khoi', 'monHocs'] },
    });
    expect(report.rules).not.toContain('PERIOD.ASSESS.001');
    expect(report.issues.some((i) => i.ruleId === 'PERIOD.ASSESS.001')).toBe(false);
    expect(report.notChecked).toContainEqual(
      expect.objectContaining({
        entity: 'DanhGiaHocSinh',
        ruleId: 'PERIOD.ASSESS.001',
        fields: ['kyDanhGia'],
      }),
    );
  });

  it('gives the report of no layout when the layout lists every field (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(undefined, 'GK1' as const, 'year-end' as const),
        async (seed, plantSeed, period) => {
          const school = generateSchool({ seed, province: '79', pupils: 4 });
          const { records } = plantProblems(recordsOf(school), { seed: plantSeed, rate: 0.2 });
          const options = { asOf: ASOF, ...(period ? { period } : {}) };
          const plain = validateSync(records, options);
          expect(validateSync(records, { ...options, layout: FULL })).toEqual(plain);
          expect(await validate(records, { ...options, layout: FULL })).toEqual(plain);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);

  it('reads a layout by own keys: an entity named __proto__ is data, a malformed layout a TypeError', () => {
    const layout = JSON.parse('{"__proto__": ["x"], "HocSinh": ["hoTen"]}') as SourceLayout;
    const report = validateSync([{ entity: 'HocSinh', record: { hoTen: 'An' } }], {
      asOf: ASOF,
      layout,
    });
    expect(report.notChecked.some((n) => n.entity === '__proto__')).toBe(false);
    expect(report.notChecked.find((n) => n.ruleId === undefined)?.fields).toContain('hocSinhId');
    expect(() =>
      validateSync([], { asOf: ASOF, layout: { HocSinh: 'hoTen' } as unknown as SourceLayout }),
    ).toThrow(TypeError);
    expect(() =>
      validateSync([], {
        asOf: ASOF,
        layout: { HocSinh: Array.from({ length: 10_001 }, (_, i) => `f${i}`) },
      }),
    ).toThrow(RangeError);
  });

  it('lets a custom rule declare evidence per entity, checked by defineRule', () => {
    const seen: string[] = [];
    const rule: RecordRule = defineRule({
      id: 'X.NEED.001',
      entity: ['HocSinh', 'CanBo'],
      scope: 'record',
      severity: 'query',
      basis: 'eduvn',
      evidence: { HocSinh: ['maLop'] },
      message: { vi: 'x', en: 'x' },
      hint: { vi: 'x', en: 'x' },
      check(item, ctx) {
        seen.push(`${item.entity} ${ctx.carries('maLop')} ${ctx.carries('monHocs.0.x')}`);
      },
    });
    const report = runRulesSync(
      [
        { entity: 'HocSinh', record: {} },
        { entity: 'CanBo', record: {} },
      ],
      [rule],
      { asOf: ASOF, layout: { HocSinh: ['hoTen'], CanBo: ['hoTen', 'monHocs'] } },
    );
    expect(seen).toEqual(['CanBo false true']);
    expect(report.notChecked).toEqual([
      expect.objectContaining({ entity: 'HocSinh', ruleId: 'X.NEED.001', fields: ['maLop'] }),
    ]);
    expect(() => defineRule({ ...rule, evidence: { Lop: ['ma'] } })).toThrow(/does not apply/);
    expect(() => defineRule({ ...rule, evidence: ['a b'] })).toThrow(TypeError);
  });

  it('shows notChecked in the text, JSON and JUnit formats', async () => {
    const r = excellentRecord('CN');
    delete r.khenThuong;
    const report = await runRules(
      [{ entity: 'DanhGiaHocSinh', record: r }],
      [(await import('./rules/tt27.ts')).excellentWithoutReward],
      { asOf: ASOF, layout: layoutOf('DanhGiaHocSinh', excellentRecord('CN'), 'khenThuong') },
    );
    expect(report.notChecked).toHaveLength(1);
    const text = formatText(report, { lang: 'en' });
    expect(text).toContain('NOT CHECKED (1)');
    expect(text).toContain('DanhGiaHocSinh · TT27.REWARD.002: khenThuong');
    expect(text).toContain('not checked: 1');
    expect(formatText(report)).toContain('KHÔNG KIỂM TRA ĐƯỢC (1)');
    expect(toJSON(report).notChecked).toEqual(report.notChecked);
    expect(fromJSON(JSON.stringify(toJSON(report)))).toEqual(report);
    const xml = toJUnit(report, { lang: 'en' });
    expect(xml).toContain('name="DanhGiaHocSinh: not checked (khenThuong)"');
    expect(xml).toMatch(
      /<testsuite name="TT27.REWARD.002" tests="1" failures="0" errors="0" skipped="1">/,
    );
  });
});

describe('CAT.CODE.001 over every field linked to a catalog', () => {
  it('checks a field once its catalog has values, and says when it has none', () => {
    // A field of the pupil linked to a catalog the bundled set has no values for.
    const pupilSchema = ENTITIES.find((e) => entityOf(e).name === 'HocSinh');
    if (!pupilSchema) throw new Error('no HocSinh');
    const linked = fieldsOf(pupilSchema).filter(
      (f) =>
        f.type === 'code' &&
        f.catalog !== undefined &&
        f.catalog !== 'DMDC' &&
        f.values === undefined &&
        f.catalogBy === undefined &&
        !f.catalog.startsWith('DM_TRANG_THAI'),
    );
    expect(linked.length).toBeGreaterThan(0);
    const field = linked[0];
    if (!field?.catalog) throw new Error('no linked field');
    const catalog = field.catalog;
    const record = { hocSinhId: 'HS1', hoTen: 'An', [field.name]: 'ZZ' };
    const item: InputRecord = { entity: 'HocSinh', record };
    const pack = {
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name: 'test',
      codeSystems: [
        {
          id: catalog,
          name: { vi: 'Thử', en: 'Test' },
          source: 'test',
          versions: [
            {
              version: 'test-1',
              validFrom: '2000-01-01',
              source: 'test',
              entries: [{ code: 'A1', name: 'Một' }],
            },
          ],
        },
      ],
    };
    const empty = Catalogs.empty();
    const loaded = Catalogs.from([pack]);
    const only = { only: ['CAT.CODE.001'] };
    const skipped = validateSync([item, item], { asOf: ASOF, catalogs: empty, rules: only });
    expect(skipped.issues).toEqual([]);
    expect(skipped.notChecked).toEqual([
      {
        entity: 'HocSinh',
        ruleId: 'CAT.CODE.001',
        fields: [field.name],
        reason: expect.objectContaining({ en: expect.stringContaining(catalog) }),
      },
    ]);
    const checked = validateSync([item], { asOf: ASOF, catalogs: loaded, rules: only });
    expect(checked.issues.map((i) => [i.ruleId, i.field])).toEqual([['CAT.CODE.001', field.name]]);
    expect(checked.issues[0]?.message.en).toContain(catalog);
    const ok = validateSync([{ entity: 'HocSinh', record: { ...record, [field.name]: 'A1' } }], {
      asOf: ASOF,
      catalogs: loaded,
      rules: only,
    });
    expect(ok.issues).toEqual([]);
    expect(ok.notChecked).toEqual([]);
  });

  it('checks every linked field of the metadata, not a list', () => {
    const fields = ENTITIES.flatMap((e) =>
      fieldsOf(e)
        .filter(
          (f) =>
            f.type === 'code' &&
            f.catalog !== undefined &&
            f.catalog !== 'DMDC' &&
            f.values === undefined &&
            f.catalogBy === undefined &&
            !f.catalog.startsWith('DM_TRANG_THAI'),
        )
        .map((f) => ({ entity: entityOf(e).name, field: f })),
    );
    const packs = [...new Set(fields.map((f) => f.field.catalog as string))].map((id) => ({
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name: id,
      codeSystems: [
        {
          id,
          name: { vi: id, en: id },
          source: 'test',
          versions: [
            {
              version: '1',
              validFrom: '2000-01-01',
              source: 'test',
              entries: [{ code: 'OK', name: 'OK' }],
            },
          ],
        },
      ],
    }));
    const catalogs = Catalogs.from(packs);
    for (const { entity, field } of fields) {
      const report = validateSync([{ entity, record: { [field.name]: 'NOPE' } }], {
        asOf: ASOF,
        catalogs,
        rules: { only: ['CAT.CODE.001'] },
      });
      expect(
        report.issues.map((i) => i.field),
        `${entity}.${field.name} → ${field.catalog}`,
      ).toEqual([field.name]);
    }
  });
});
