import { generateAssessments, Random } from '@eduvn/fixtures';
import {
  bundledCatalogs,
  type CatalogPack,
  Catalogs,
  type CodeSystem,
  type DanhGiaHocSinh,
} from '@eduvn/standard';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TT27_THRESHOLDS } from '../core/settings.ts';
import type { Tt27Thresholds } from '../core/types.ts';
import { classifyYearEnd, describeReasons, resultRank, type Tt27Result } from './classify.ts';
import {
  excellentRecord,
  type Mutable,
  TEST_SCHOOL,
  UNTESTED_4,
  withRow,
} from './records.test-helper.ts';
import { subjectCatalog } from './subjects.ts';

const RESULTS: readonly Tt27Result[] = ['HTXS', 'HTT', 'HT', 'CHT'];

/** The end-of-year record the fixtures build for a target. */
function generatedCn(
  seed: number,
  grade: number,
  target: Tt27Result,
  extra: { thresholds?: Tt27Thresholds; catalogs?: Catalogs } = {},
): DanhGiaHocSinh {
  const [cn] = generateAssessments(
    { random: new Random(seed), school: TEST_SCHOOL },
    { hocSinhId: `HS${seed}`, maLop: `${grade}A`, grade, target, periods: ['CN'], ...extra },
  );
  if (!cn) throw new Error('no CN record');
  return cn;
}

describe('classifyYearEnd against the fixtures built by construction', () => {
  it('classifies every generated target exactly, for every grade (default thresholds)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...RESULTS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (grade, target, seed) => {
          const cn = generatedCn(seed, grade, target);
          expect(cn.ketQuaCuoiNam).toBe(target);
          const c = classifyYearEnd(cn);
          expect(c.result).toBe(target);
          expect(c.complete).toBe(true);
          expect(c.missing).toEqual([]);
          expect(c.reasons.length === 0).toBe(target === 'HTXS');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('classifies exactly with non-default thresholds given to both the generator and the classifier', () => {
    // pass ≤ good < excellent ≤ 10 (the generator needs a whole score between good and excellent
    // for HTT); sometimes fractional, which acts as its ceiling on whole scores.
    const thresholds = fc
      .tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 10 }),
      )
      .filter(([p, g, e]) => p <= g && g < e)
      .chain(([p, g, e]) =>
        fc.record({
          passMinScore: fc.constantFrom(p, Math.max(0, p - 0.5)),
          goodMinScore: fc.constantFrom(g, Math.max(p, g - 0.5)),
          excellentMinScore: fc.constantFrom(e, Math.max(g + 0.5, e - 0.5)),
        }),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...RESULTS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        thresholds,
        (grade, target, seed, t) => {
          const cn = generatedCn(seed, grade, target, { thresholds: t });
          const c = classifyYearEnd(cn, { thresholds: t });
          expect(c.result).toBe(target);
          expect(c.complete).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads subjects and tests from the catalogs it is given (a replaced DM_MON_HOC_TIEU_HOC)', () => {
    // A pack where Khoa học has no periodic test and Tin học và Công nghệ starts in grade 2.
    const base = bundledCatalogs().system('DM_MON_HOC_TIEU_HOC') as CodeSystem;
    const version = base.versions[0];
    if (!version) throw new Error('no version');
    const changed: CodeSystem = {
      ...base,
      versions: [
        {
          ...version,
          entries: version.entries.map((e) =>
            e.code === 'KHOA_HOC'
              ? { ...e, attributes: { ...e.attributes, testGrades: [] } }
              : e.code === 'TIN_HOC_CONG_NGHE'
                ? {
                    ...e,
                    attributes: { grades: ['2', '3', '4', '5'], testGrades: ['2', '3', '4', '5'] },
                  }
                : e,
          ),
        },
      ],
    };
    const pack: CatalogPack = {
      format: 'eduvn-catalog-pack',
      formatVersion: 1,
      name: 'test',
      codeSystems: [changed],
    };
    const catalogs = Catalogs.from([pack]);
    expect(subjectCatalog(catalogs).hasTest('KHOA_HOC', 4, 'CN')).toBe(false);
    expect(subjectCatalog(catalogs).compulsory(2)).toContain('TIN_HOC_CONG_NGHE');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...RESULTS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (grade, target, seed) => {
          const cn = generatedCn(seed, grade, target, { catalogs });
          const c = classifyYearEnd(cn, { catalogs });
          expect(c.result).toBe(target);
          expect(c.complete).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-built boundary cases, on a grade-4 end-of-year record.

const excellent = (): Mutable<DanhGiaHocSinh> => excellentRecord();

describe('classifyYearEnd boundary cases', () => {
  it('HTXS: everything T and every test at the excellent score (9 is enough; scores are whole)', () => {
    const c = classifyYearEnd(excellent());
    expect(c).toEqual({ result: 'HTXS', reasons: [], missing: [], complete: true });
  });

  it('HTT with one test of 8, and HTXS again when the excellent threshold is 8', () => {
    const r = withRow(excellent(), 'TOAN', { diemKtdk: 8 });
    const c = classifyYearEnd(r);
    expect(c.result).toBe('HTT');
    expect(c.reasons).toEqual([
      { kind: 'test', field: 'monHocs.1.diemKtdk', code: 'TOAN', value: 8, excludes: ['HTXS'] },
    ]);
    expect(classifyYearEnd(r, { thresholds: { excellentMinScore: 8 } }).result).toBe('HTXS');
    expect(classifyYearEnd(r, { thresholds: { excellentMinScore: 8.5 } }).result).toBe('HTT');
  });

  it('HTT at exactly 7, HT at 6 and at 5, CHT at 4 (HT threshold configurable)', () => {
    const at = (score: number, t?: Partial<Tt27Thresholds>) =>
      classifyYearEnd(
        withRow(excellent(), 'KHOA_HOC', { diemKtdk: score }),
        t ? { thresholds: t } : {},
      ).result;
    expect(at(7)).toBe('HTT');
    expect(at(6)).toBe('HT');
    expect(at(5)).toBe('HT');
    expect(at(4)).toBe('CHT');
    expect(at(0)).toBe('CHT');
    expect(at(4, { passMinScore: 4 })).toBe('HT');
    expect(at(5, { passMinScore: 6 })).toBe('CHT');
  });

  it('HT with one quality or competency at Đ, whatever the tests', () => {
    const r = excellent();
    r.pcNhanAi = 'Đ';
    const c = classifyYearEnd(r);
    expect(c.result).toBe('HT');
    expect(c.reasons).toEqual([
      { kind: 'quality', field: 'pcNhanAi', value: 'Đ', excludes: ['HTXS', 'HTT'] },
    ]);
    r.nlTinHoc = 'Đ';
    expect(classifyYearEnd(r).result).toBe('HT');
  });

  it('HT with one subject or activity at H (an untested one too)', () => {
    const c = classifyYearEnd(withRow(excellent(), 'AM_NHAC', { mucDat: 'H' }));
    expect(c.result).toBe('HT');
    expect(c.reasons).toEqual([
      {
        kind: 'subject',
        field: 'monHocs.8.mucDat',
        code: 'AM_NHAC',
        value: 'H',
        excludes: ['HTXS', 'HTT'],
      },
    ]);
    expect(describeReasons(c.reasons)).toBe('AM_NHAC H');
  });

  it('CHT with one competency at C, one subject at C, or one test under the pass score', () => {
    const r = excellent();
    r.nlGiaoTiepHopTac = 'C';
    const c = classifyYearEnd(r);
    expect(c.result).toBe('CHT');
    expect(c.reasons).toEqual([
      {
        kind: 'competency',
        field: 'nlGiaoTiepHopTac',
        value: 'C',
        excludes: ['HTXS', 'HTT', 'HT'],
      },
    ]);
    expect(classifyYearEnd(withRow(excellent(), 'DAO_DUC', { mucDat: 'C' })).result).toBe('CHT');
    // A test under 5 makes CHT although the subject's level is T.
    expect(classifyYearEnd(withRow(excellent(), 'TIENG_VIET', { diemKtdk: 3 })).result).toBe('CHT');
  });

  it('lists every reason, and the worst decides', () => {
    const r = withRow(withRow(excellent(), 'TOAN', { diemKtdk: 8 }), 'MI_THUAT', { mucDat: 'H' });
    r.pcTrungThuc = 'Đ';
    const c = classifyYearEnd(r);
    expect(c.result).toBe('HT');
    expect(c.reasons.map((x) => x.field)).toEqual([
      'monHocs.1.diemKtdk',
      'monHocs.9.mucDat',
      'pcTrungThuc',
    ]);
    expect(describeReasons(c.reasons)).toBe('TOAN 8/10; MI_THUAT H; pcTrungThuc Đ');
  });

  it('a missing competency is listed as missing; the result is then the best the rest allows', () => {
    const r = excellent();
    delete r.nlGiaiQuyetVanDeSangTao;
    const c = classifyYearEnd(r);
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual([{ kind: 'competency', field: 'nlGiaiQuyetVanDeSangTao' }]);
    expect(c.result).toBe('HTXS');
    // Tin học and Công nghệ are not expected in grades 1–2 (unsure; configurable).
    const g2 = excellent();
    g2.khoi = 2;
    g2.monHocs = [
      { maMonHoc: 'TIENG_VIET', mucDat: 'T', diemKtdk: 10 },
      { maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 10 },
      ...['DAO_DUC', 'TU_NHIEN_XA_HOI', ...UNTESTED_4.slice(1)].map((maMonHoc) => ({
        maMonHoc,
        mucDat: 'T' as const,
      })),
    ];
    delete g2.nlTinHoc;
    delete g2.nlCongNghe;
    expect(classifyYearEnd(g2)).toEqual({
      result: 'HTXS',
      reasons: [],
      missing: [],
      complete: true,
    });
    expect(
      classifyYearEnd(g2, {
        expectedSpecificCompetencies: { 1: [], 2: ['nlTinHoc'], 3: [], 4: [], 5: [] },
      }).missing,
    ).toEqual([{ kind: 'competency', field: 'nlTinHoc' }]);
  });

  it('a missing score of a tested subject and a missing compulsory subject are missing', () => {
    const r = withRow(excellent(), 'DAO_DUC', null);
    r.monHocs = r.monHocs.map((m) =>
      m.maMonHoc === 'TOAN' ? { maMonHoc: 'TOAN', mucDat: 'T' } : m,
    );
    const c = classifyYearEnd(r);
    expect(c.missing).toEqual([
      { kind: 'test', field: 'monHocs.1.diemKtdk', code: 'TOAN' },
      { kind: 'subject', field: 'monHocs', code: 'DAO_DUC' },
    ]);
    expect(c.result).toBe('HTXS');
    // An optional subject may be absent (Tiếng dân tộc), and Ngoại ngữ 1 is optional in grades 1–2.
    expect(classifyYearEnd(excellent()).missing).toEqual([]);
  });

  it('ignores a stray score on an untested subject, and counts one on a subject the catalog does not know', () => {
    expect(classifyYearEnd(withRow(excellent(), 'DAO_DUC', { diemKtdk: 2 })).result).toBe('HTXS');
    const r = excellent();
    r.monHocs = [...r.monHocs, { maMonHoc: 'MON_LA', mucDat: 'T', diemKtdk: 6 }];
    expect(classifyYearEnd(r).result).toBe('HT');
  });

  it('rejects other periods, grades outside 1–5 and thresholds outside 0–10', () => {
    for (const period of ['GK1', 'CK1', 'GK2'] as const) {
      const r = excellent();
      r.kyDanhGia = period;
      expect(() => classifyYearEnd(r)).toThrow(RangeError);
    }
    const r = excellent();
    r.khoi = 6;
    expect(() => classifyYearEnd(r)).toThrow(/khoi/);
    expect(() => classifyYearEnd(excellent(), { thresholds: { passMinScore: 11 } })).toThrow(
      RangeError,
    );
  });

  it('has the defaults of the settings and a rank order', () => {
    expect(DEFAULT_TT27_THRESHOLDS).toEqual({
      excellentMinScore: 9,
      goodMinScore: 7,
      passMinScore: 5,
    });
    expect(RESULTS.map(resultRank)).toEqual([3, 2, 1, 0]);
  });
});
