import { type FixtureRecord, generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import type { DanhGiaHocSinh } from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { Issue, Report } from '../core/report.ts';
import type { InputRecord } from '../core/types.ts';
import { excellentRecord, type Mutable, withRow } from '../tt27/records.test-helper.ts';
import { tt27Rules } from './tt27.ts';

const ASOF = { asOf: '2026-05-31' } as const;

const item = (record: DanhGiaHocSinh): InputRecord => ({ entity: 'DanhGiaHocSinh', record });

async function run(
  records: readonly DanhGiaHocSinh[],
  options: Parameters<typeof runRules>[2] = {},
): Promise<Report> {
  return runRules(records.map(item), tt27Rules, { ...ASOF, ...options });
}

/** `ruleId field` of every issue. */
async function found(...records: DanhGiaHocSinh[]): Promise<string[]> {
  return (await run(records)).issues.map((i) => `${i.ruleId} ${i.field ?? ''}`.trim());
}

const cn = (): Mutable<DanhGiaHocSinh> => excellentRecord('CN');

describe('tt27Rules on hand-built records', () => {
  it('has unique, well-formed ids and a TT 27/2020 basis', () => {
    const ids = tt27Rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of tt27Rules) {
      expect(rule.id).toMatch(/^TT27\.[A-Z]+\.\d{3}$/);
      expect(rule.basis).toMatch(/^TT 27\/2020/);
    }
  });

  it('passes a coherent record of every period', async () => {
    const report = await run([
      cn(),
      excellentRecord('GK1'),
      excellentRecord('CK1'),
      excellentRecord('GK2'),
    ]);
    expect(report.issues).toEqual([]);
    expect(report.passes).toBe(true);
  });

  it('TT27.SCORE.001: a score where the grade and period have no test (error)', async () => {
    // Đạo đức is never tested; Lịch sử và Địa lí only at CK1/CN.
    expect(await found(withRow(cn(), 'DAO_DUC', { diemKtdk: 8 }))).toEqual([
      'TT27.SCORE.001 monHocs.6.diemKtdk',
    ]);
    expect(await found(withRow(excellentRecord('GK1'), 'LICH_SU_DIA_LI', { diemKtdk: 8 }))).toEqual(
      ['TT27.SCORE.001 monHocs.3.diemKtdk'],
    );
    // Grade 2 takes no mid-term test in Toán, grade 4 does.
    const g2 = excellentRecord('GK2');
    g2.khoi = 2;
    g2.monHocs = [{ maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 9 }];
    const report = await run([g2]);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['TT27.SCORE.001']);
    const issue = report.issues[0] as Issue;
    expect(issue.severity).toBe('error');
    expect(issue.basis).toBe('TT 27/2020 Art. 7');
    expect(issue.recordKey).toBe('79000701/HS1/2025-2026/GK2');
    expect(issue.message.en).toBe(
      'A periodic test score in TOAN at GK2 in grade 2, where the grade takes no periodic test in it',
    );
    expect(await found(excellentRecord('GK2'))).toEqual([]);
  });

  it('TT27.SCORE.002: a tested subject without a score (query)', async () => {
    const ck1 = excellentRecord('CK1');
    ck1.monHocs = ck1.monHocs.map((m) =>
      m.maMonHoc === 'KHOA_HOC' ? { maMonHoc: 'KHOA_HOC', mucDat: 'T' } : m,
    );
    const report = await run([ck1]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.severity} ${i.field}`)).toEqual([
      'TT27.SCORE.002 query monHocs.4.diemKtdk',
    ]);
    // At GK1 Khoa học has no test: nothing to miss.
    expect(await found(excellentRecord('GK1'))).toEqual([]);
  });

  it('TT27.SUBJECT.001: a subject not taught in the grade (query); its score is not reported again', async () => {
    const g2 = excellentRecord('CK1');
    g2.khoi = 2;
    g2.monHocs = [
      { maMonHoc: 'TIENG_VIET', mucDat: 'T', diemKtdk: 9 },
      { maMonHoc: 'KHOA_HOC', mucDat: 'T', diemKtdk: 9 },
    ];
    const report = await run([g2]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.severity} ${i.field}`)).toEqual([
      'TT27.SUBJECT.001 query monHocs.1.maMonHoc',
    ]);
    // A code the catalog does not know is not this rule's concern.
    const unknown = cn();
    unknown.monHocs = [...unknown.monHocs, { maMonHoc: 'MON_LA', mucDat: 'T' }];
    expect(await found(unknown)).toEqual([]);
  });

  it('TT27.RESULT.001: the reported result must be the classified one (error)', async () => {
    const htt = withRow(cn(), 'TOAN', { diemKtdk: 8 });
    const report = await run([htt]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.severity} ${i.field}`)).toEqual([
      'TT27.RESULT.001 error ketQuaCuoiNam',
    ]);
    expect(report.issues[0]?.message.en).toBe(
      'The end-of-year result HTXS does not follow from the components (they give HTT; TOAN 8/10)',
    );
    expect(report.issues[0]?.message.vi).toContain('các thành phần cho HTT');
    // The same record passes with the HTXS threshold at 8 (settings.tt27).
    expect((await run([htt], { tt27: { excellentMinScore: 8 } })).issues).toEqual([]);
    // A result below the classified one is wrong too.
    const low = cn();
    low.ketQuaCuoiNam = 'HT';
    delete low.khenThuong;
    expect(await found(low)).toEqual(['TT27.RESULT.001 ketQuaCuoiNam']);
  });

  it('TT27.RESULT.001/002: with a level missing, a result above the rest is an error, one at or below a query', async () => {
    const above = withRow(cn(), 'TOAN', { diemKtdk: 8 });
    delete above.pcChamChi;
    expect(await found(above)).toEqual(['TT27.RESULT.001 ketQuaCuoiNam']);
    const below = cn();
    delete below.pcChamChi;
    below.ketQuaCuoiNam = 'HTT';
    delete below.khenThuong;
    const report = await run([below]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.severity} ${i.field}`)).toEqual([
      'TT27.RESULT.002 query pcChamChi',
    ]);
    expect(report.issues[0]?.message.en).toBe(
      'The end-of-year result HTT cannot be checked: missing pcChamChi',
    );
    const noSubject = withRow(cn(), 'MI_THUAT', null);
    expect(await found(noSubject)).toEqual(['TT27.RESULT.002 monHocs']);
  });

  it('TT27.COMPLETION.001: completion iff HTXS/HTT/HT (error)', async () => {
    const ht = withRow(cn(), 'AM_NHAC', { mucDat: 'H' });
    ht.ketQuaCuoiNam = 'HT';
    delete ht.khenThuong;
    expect(await found(ht)).toEqual([]);
    ht.hoanThanhChuongTrinhLopHoc = false;
    expect(await found(ht)).toEqual(['TT27.COMPLETION.001 hoanThanhChuongTrinhLopHoc']);
    const cht = withRow(cn(), 'AM_NHAC', { mucDat: 'C' });
    cht.ketQuaCuoiNam = 'CHT';
    cht.lenLop = false;
    delete cht.khenThuong;
    expect(await found(cht)).toEqual(['TT27.COMPLETION.001 hoanThanhChuongTrinhLopHoc']);
    cht.hoanThanhChuongTrinhLopHoc = false;
    expect(await found(cht)).toEqual([]);
  });

  it('TT27.PROMOTION.001: completers are promoted (error); for CHT lenLop is the principal’s decision', async () => {
    const r = cn();
    r.lenLop = false;
    expect(await found(r)).toEqual(['TT27.PROMOTION.001 lenLop']);
    const cht = withRow(cn(), 'TOAN', { diemKtdk: 3 });
    cht.ketQuaCuoiNam = 'CHT';
    cht.hoanThanhChuongTrinhLopHoc = false;
    delete cht.khenThuong;
    for (const lenLop of [true, false]) {
      cht.lenLop = lenLop;
      expect(await found(cht)).toEqual([]);
    }
  });

  it('TT27.PRIMARY.001/002: grade-5 completers complete primary school, others do not (error)', async () => {
    const g5 = cn();
    g5.khoi = 5;
    g5.hoanThanhChuongTrinhTieuHoc = true;
    expect(await found(g5)).toEqual([]);
    g5.hoanThanhChuongTrinhTieuHoc = false;
    expect(await found(g5)).toEqual(['TT27.PRIMARY.001 hoanThanhChuongTrinhTieuHoc']);
    const cht = withRow(cn(), 'TOAN', { diemKtdk: 2 });
    cht.khoi = 5;
    cht.ketQuaCuoiNam = 'CHT';
    cht.hoanThanhChuongTrinhLopHoc = false;
    delete cht.khenThuong;
    cht.hoanThanhChuongTrinhTieuHoc = true;
    expect(await found(cht)).toEqual(['TT27.PRIMARY.001 hoanThanhChuongTrinhTieuHoc']);
    cht.hoanThanhChuongTrinhTieuHoc = false;
    expect(await found(cht)).toEqual([]);
    const g4 = cn();
    g4.hoanThanhChuongTrinhTieuHoc = true;
    expect(await found(g4)).toEqual(['TT27.PRIMARY.002 hoanThanhChuongTrinhTieuHoc']);
  });

  it('TT27.REWARD.001/002: awards need their result (error); HTXS without the award (query)', async () => {
    const htt = withRow(cn(), 'TOAN', { diemKtdk: 8 });
    htt.ketQuaCuoiNam = 'HTT';
    expect(await found(htt)).toEqual(['TT27.REWARD.001 khenThuong']);
    htt.khenThuong = 'HS_TIEU_BIEU';
    expect(await found(htt)).toEqual([]);
    delete htt.khenThuong;
    expect(await found(htt)).toEqual([]);
    const xs = cn();
    xs.khenThuong = 'HS_TIEU_BIEU';
    expect(await found(xs)).toEqual(['TT27.REWARD.001 khenThuong']);
    delete xs.khenThuong;
    const report = await run([xs]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.severity}`)).toEqual([
      'TT27.REWARD.002 query',
    ]);
  });

  it('TT27.PERIOD.001: year-end fields only at CN (error, one per field)', async () => {
    const gk2 = excellentRecord('GK2');
    gk2.ketQuaCuoiNam = 'HTXS';
    gk2.lenLop = true;
    const report = await run([gk2]);
    expect(report.issues.map((i) => `${i.ruleId} ${i.field}`)).toEqual([
      'TT27.PERIOD.001 ketQuaCuoiNam',
      'TT27.PERIOD.001 lenLop',
    ]);
    expect(report.issues[0]?.message.vi).toBe(
      'Trường KET_QUA_CUOI_NAM chỉ có ở kỳ cuối năm (CN), nhưng bản ghi thuộc kỳ GK2',
    );
  });

  it('skips records whose TT27 fields are malformed (the schema rule reports them)', async () => {
    const bad = { ...cn(), khoi: '4', lenLop: false } as unknown as DanhGiaHocSinh;
    const ascii = { ...cn(), pcNhanAi: 'D', lenLop: false } as unknown as DanhGiaHocSinh;
    expect(await found(bad, ascii)).toEqual([]);
  });
});

/** The fixture's key of an assessment issue: `hocSinhId/kyDanhGia` from `truongId/hocSinhId/namHoc/kyDanhGia`. */
/** The engine and the fixtures write the same record keys (the entity's key fields joined by '/'). */
const fixtureKey = (issue: Issue): string => issue.recordKey;

describe('tt27Rules on generated schools', () => {
  for (const seed of [1, 2, 3]) {
    it(`a generated school (seed ${seed}) has no TT27 issue at all`, async () => {
      const records = recordsOf(generateSchool({ seed, pupils: 400 }));
      expect(records.filter((r) => r.entity === 'DanhGiaHocSinh').length).toBeGreaterThan(1000);
      const report = await runRules(records as readonly InputRecord[], tt27Rules, ASOF);
      expect(report.issues).toEqual([]);
    });
  }

  it('reports the planted contradicted results and stray scores on exactly the planted records', async () => {
    const records: readonly FixtureRecord[] = recordsOf(generateSchool({ seed: 11, pupils: 400 }));
    for (const seed of ['a', 'b']) {
      const { records: damaged, planted } = plantProblems(records, {
        kinds: ['result-contradicts-components', 'score-without-test'],
        rate: 0.03,
        seed,
      });
      const results = planted.filter((p) => p.kind === 'result-contradicts-components');
      const scores = planted.filter((p) => p.kind === 'score-without-test');
      expect(results.length).toBeGreaterThan(5);
      expect(scores.length).toBeGreaterThan(5);
      const report = await runRules(damaged as readonly InputRecord[], tt27Rules, ASOF);
      const byRule = (id: string) =>
        report.issues
          .filter((i) => i.ruleId === id)
          .map((i) => `${fixtureKey(i)} ${i.field}`)
          .sort();
      expect(byRule('TT27.RESULT.001')).toEqual(
        results.map((p) => `${p.recordKey} ketQuaCuoiNam`).sort(),
      );
      expect(byRule('TT27.SCORE.001')).toEqual(
        scores.map((p) => `${p.recordKey} ${p.field}`).sort(),
      );
      expect(
        report.issues.filter(
          (i) => i.ruleId !== 'TT27.RESULT.001' && i.ruleId !== 'TT27.SCORE.001',
        ),
      ).toEqual([]);
      expect(report.issues.every((i) => i.severity === 'error')).toBe(true);
    }
  });
});
