import { generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import { validate } from '@eduvn/rules';
import type { HocSinh } from '@eduvn/standard';
import { checkConformance, conformanceSet, inputRecordOf } from '@eduvn/testing';
import { describe, expect, it } from 'vitest';
import { exportPupils } from './export.ts';
import { enrolled, vendorRowOf } from './fixtures.test-helper.ts';

// The matchers (toConformTo, toFailRule) are registered by vitest.setup.ts.

const AS_OF = '2026-05-31';
const school = generateSchool({ seed: 12, pupils: 150, schoolYear: '2025-2026' });
const truongId = school.truong.truongId;
const pupils = enrolled(school.hocSinhs);
const tagged = (records: readonly HocSinh[]) =>
  records.map((record) => ({ entity: 'HocSinh' as const, record }));

describe('the vendor export', () => {
  const exported = exportPupils(pupils.map(vendorRowOf), { truongId });

  it('gives one QĐ 4998 pupil record per row, each conforming to the standard', () => {
    expect(exported).toHaveLength(pupils.length);
    for (const record of exported) expect(record).toConformTo('HocSinh');
    // The asymmetric form, inside a larger expectation.
    expect(exported[0]).toEqual(expect.toConformTo('HocSinh'));
  });

  it('keeps what the vendor holds: codes, dates, sex, class, ethnic code, personal ID', () => {
    pupils.forEach((pupil, i) => {
      const record = exported[i];
      expect(record).toMatchObject({
        truongId,
        hocSinhId: pupil.hocSinhId,
        hoTen: pupil.hoTen,
        ngaySinh: pupil.ngaySinh,
        maGioiTinh: pupil.maGioiTinh,
        maKhoi: pupil.maKhoi,
        maLop: pupil.maLop,
        maTrangThaiHienTai: 'DANG_HOC',
      });
      expect(record?.maDanToc).toBe(pupil.maDanToc);
      expect(record?.maCongDanId).toBe(pupil.maCongDanId);
    });
  });

  it('passes the identifier and TT 28 rules as a whole school', async () => {
    const records = tagged(exported);
    for (const rule of ['ID.UNIQUE.001', 'ID.PERSONAL.002', 'ID.PERSONAL.003', 'TT28.AGE.001'])
      await expect(records).not.toFailRule(rule, { asOf: AS_OF });
    const report = await validate(records, { asOf: AS_OF });
    expect(report.summary.bySeverity.error).toBe(0);
  });

  it('reports planted problems with the rule ids they are labelled with', async () => {
    // Known defects planted in the school's records, carried into the vendor's rows.
    const labels = {
      'impossible-date': 'STD.SCHEMA.001',
      'over-long-name': 'STD.SCHEMA.001',
      'personal-id-year-mismatch': 'ID.PERSONAL.002',
      'personal-id-sex-mismatch': 'ID.PERSONAL.003',
      'duplicate-identifier': 'ID.UNIQUE.001',
    } as const;
    const kinds = Object.keys(labels) as (keyof typeof labels)[];
    const { records, planted } = plantProblems(recordsOf(school), { seed: 3, kinds, rate: 0.02 });
    const damaged = records.flatMap((r) =>
      r.entity === 'HocSinh' && r.record.maTrangThaiHienTai === 'DANG_HOC' ? [r.record] : [],
    );
    const report = await validate(tagged(exportPupils(damaged.map(vendorRowOf), { truongId })), {
      asOf: AS_OF,
    });
    const exportedIds = new Set(damaged.map((p) => p.hocSinhId));
    const onPupils = planted.filter((p) => p.entity === 'HocSinh' && exportedIds.has(p.recordKey));
    expect(new Set(onPupils.map((p) => p.kind))).toEqual(new Set(kinds));
    for (const problem of onPupils) {
      const ruleId = labels[problem.kind as keyof typeof labels];
      const hit = report.issues.find(
        (i) => i.ruleId === ruleId && i.recordKey === problem.recordKey,
      );
      expect(hit, `${problem.kind} on ${problem.recordKey}`).toBeDefined();
    }
    // Each labelled rule fires, and nothing the labels do not account for is an error.
    const errors = new Set(
      report.issues.filter((i) => i.severity === 'error').map((i) => i.ruleId),
    );
    expect(errors).toEqual(new Set(Object.values(labels)));
  });

  it('repairs names typed in decomposed Unicode or with stray spaces', async () => {
    const { records } = plantProblems(recordsOf(school), { seed: 5, kinds: ['nfd-text'] });
    const damaged = records.flatMap((r) =>
      r.entity === 'HocSinh' && r.record.maTrangThaiHienTai === 'DANG_HOC' ? [r.record] : [],
    );
    // Before the export, the data-quality rule finds the NFD names…
    await expect(tagged(damaged)).toFailRule('DQ.NAME.001', { asOf: AS_OF });
    // …after it, there is nothing to find.
    const rows = damaged.map((p) => ({ ...vendorRowOf(p), fullName: `  ${p.hoTen}  ` }));
    await expect(tagged(exportPupils(rows, { truongId }))).not.toFailRule('DQ.NAME.001', {
      asOf: AS_OF,
    });
  });

  it('finds ethnic groups by name, whatever the tone style and case', () => {
    const row = vendorRowOf(pupils[0] as HocSinh);
    const [tay, unknown] = exportPupils(
      [
        { ...row, ethnicity: 'TÀY' },
        { ...row, ethnicity: 'Không rõ' },
      ],
      { truongId },
    );
    expect(tay?.maDanToc).toBe('02');
    expect(unknown?.maDanToc).toBeUndefined();
    expect(unknown?.danTocTheoGiayKhaiSinh).toBe('Không rõ');
  });

  it('passes dates it cannot convert on, for validation to report at their field', () => {
    const row = vendorRowOf(pupils[0] as HocSinh);
    const [record] = exportPupils([{ ...row, dob: '2019-13-45' }], { truongId });
    expect(record?.ngaySinh).toBe('2019-13-45');
    expect(record).not.toConformTo('HocSinh');
  });
});

describe('the vendor export against the published conformance set', () => {
  const set = conformanceSet('records');
  // The pupil cases the vendor's format can carry: one pupil each (dataset cases need several
  // rows and are covered above by planted problems).
  type Case = (typeof set.cases)[number];
  const pupilCases = (c: Case) =>
    c.scope === 'record' && c.records.every((r) => r.entity === 'HocSinh');
  const kindOf = (c: Case) => (c.valid ? undefined : c.problem.kind);

  // Each case's pupil goes through the vendor's own storage and export, then eduvn's validation.
  const throughTheExport = async (
    records: Parameters<Parameters<typeof checkConformance>[1]>[0],
    options: Parameters<Parameters<typeof checkConformance>[1]>[1],
  ) => {
    const pupils = records.map((r) => inputRecordOf(r).record as Partial<HocSinh>);
    const rows = pupils.map(vendorRowOf);
    const exported = exportPupils(rows, { truongId: pupils[0]?.truongId ?? '' });
    return validate(tagged(exported), options);
  };

  it('reproduces what validation must report on every pupil case', async () => {
    const mismatches = await checkConformance(set, throughTheExport, {
      filter: (c) => pupilCases(c) && kindOf(c) !== 'nfd-text',
    });
    expect(mismatches).toEqual([]);
  });

  it('differs only where it repairs the data: NFD names come out in NFC', async () => {
    const mismatches = await checkConformance(set, throughTheExport, { filter: pupilCases });
    expect(mismatches.map((m) => m.caseId)).toEqual(
      set.cases.filter((c) => pupilCases(c) && kindOf(c) === 'nfd-text').map((c) => c.id),
    );
    for (const m of mismatches) expect(m.missing).toEqual(['query DQ.NAME.001']);
  });
});
