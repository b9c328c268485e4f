import { generateSchool, recordsOf } from '@eduvn/fixtures';
import {
  BaoCaoEqmsCuoiNam,
  BaoCaoEqmsDauNam,
  BaoCaoEqmsGiuaNam,
  type HocSinh,
} from '@eduvn/standard';
import { describe, expect, it } from 'vitest';
import { computeEqms, EqmsError, schoolYearOf } from './index.ts';

const school = generateSchool({ seed: 12, schoolYear: '2025-2026', province: '79', pupils: 400 });
const asOf = '2025-10-01';

/** Independent count: pupils still at the school, straight from the records. */
function atSchool(p: HocSinh): boolean {
  return !['CHUYEN_DI', 'THOI_HOC', 'HOAN_THANH_TIEU_HOC'].includes(p.maTrangThaiHienTai ?? '');
}

describe('computeEqms dau-nam', () => {
  const result = computeEqms(school, { period: 'dau-nam', asOf });
  if (result.period !== 'dau-nam') throw new Error('wrong period');
  const { report } = result;

  it('validates against BaoCaoEqmsDauNam and names the school and year', () => {
    expect(BaoCaoEqmsDauNam.safeParse(report).error?.issues).toBeUndefined();
    expect(report.truongId).toBe(school.truong.truongId);
    expect(result.namHoc).toBe('2025-2026');
  });

  it('counts pupils by grade as the records say (EQMSDN.2.5 TONG_SO)', () => {
    const total = report.dnLophss?.find((l) => l.maBaoCao === 'TONG_SO');
    const pupils = school.hocSinhs.filter(atSchool);
    expect(total?.tongSoSoHs).toBe(pupils.length);
    expect(total?.tongSoSoLop).toBe(school.lops.length);
    for (const g of [1, 2, 3, 4, 5]) {
      const line = total as unknown as Record<string, number>;
      expect(line[`lop${g}SoHs`]).toBe(pupils.filter((p) => p.maKhoi === String(g)).length);
      expect(line[`lop${g}SoLop`]).toBe(school.lops.filter((l) => l.maKhoi === String(g)).length);
    }
    const mixed = new Set(school.lops.filter((l) => l.isLopGhep).map((l) => l.ma));
    expect(total?.trongTongSoLopGhepSoLop).toBe(mixed.size);
    expect(total?.trongTongSoLopGhepSoHs).toBe(
      pupils.filter((p) => mixed.has(p.maLop ?? '')).length,
    );
    const twoSessions = report.dnLophss?.find((l) => l.maBaoCao === 'HOC_2_BUOI_NGAY');
    expect(twoSessions?.tongSoSoLop).toBe(school.lops.filter((l) => l.isDay2BuoiNgay).length);
  });

  it('counts girls, minority, disabled and mixed-grade pupils per site (EQMSDN.2.4)', () => {
    const siteOf = new Map(school.lops.map((l) => [l.ma, l.diemTruongId]));
    const mixed = new Set(school.lops.filter((l) => l.isLopGhep).map((l) => l.ma));
    const rows = report.dnDtrlophss ?? [];
    expect(rows.map((r) => r.diemTruongId).sort()).toEqual(
      (school.truong.diemTruongs ?? []).map((s) => s.diemTruongId).sort(),
    );
    let sum = 0;
    for (const row of rows) {
      const r = row as unknown as Record<string, number>;
      const here = school.hocSinhs.filter(
        (p) => atSchool(p) && siteOf.get(p.maLop ?? '') === row.diemTruongId,
      );
      for (const g of [1, 2, 3, 4, 5]) {
        const of = here.filter((p) => Number(p.maKhoi) === g);
        sum += r[`lop${g}HsTongSo`] ?? 0;
        expect(r[`lop${g}HsTongSo`]).toBe(of.length);
        expect(r[`lop${g}TrongTongSoNu`]).toBe(of.filter((p) => p.maGioiTinh === '2').length);
        expect(r[`lop${g}TrongTongSoDanToc`]).toBe(of.filter((p) => p.maDanToc !== '01').length);
        expect(r[`lop${g}TrongTongSoNuDanToc`]).toBe(
          of.filter((p) => p.maDanToc !== '01' && p.maGioiTinh === '2').length,
        );
        expect(r[`lop${g}TrongTongSoKhuyetTat`]).toBe(of.filter((p) => p.maLoaiKhuyetTat).length);
        expect(r[`lop${g}TrongTongSoLopGhep`]).toBe(
          of.filter((p) => mixed.has(p.maLop ?? '')).length,
        );
      }
      expect(row.lopGhep).toBe(
        school.lops.filter((l) => l.isLopGhep && l.diemTruongId === row.diemTruongId).length,
      );
    }
    expect(sum).toBe(school.hocSinhs.filter(atSchool).length);
  });

  it('counts teachers by qualification and contract (EQMSDN.2.1)', () => {
    const teachers = school.canBos.filter(
      (c) =>
        c.maNhomCanBo === 'GIAO_VIEN' &&
        (c.ngayTuyenDung ?? '') <= asOf &&
        (c.ngayChuyenDen ?? '') <= asOf,
    );
    const total = report.dnDngvs?.find((l) => l.maBaoCao === 'TONG_SO');
    expect(total?.tongSo).toBe(teachers.length);
    expect(total?.tongSo).toBeGreaterThan(0);
    expect(total?.tddtDaiHoc).toBe(
      teachers.filter((t) => t.maTrinhDoChuyenMon === 'DAI_HOC').length,
    );
    expect(total?.tddtTrenDaiHoc).toBe(
      teachers.filter((t) => t.maTrinhDoChuyenMon === 'THAC_SI').length,
    );
    expect(total?.tddtCaoDang).toBe(
      teachers.filter((t) => t.maTrinhDoChuyenMon === 'CAO_DANG').length,
    );
    expect(total?.cdldHopDong).toBe(
      teachers.filter((t) => t.maHinhThucHopDong === 'HOP_DONG_LAO_DONG').length,
    );
    expect((total?.cdldBienChe ?? 0) + (total?.cdldHopDong ?? 0)).toBe(teachers.length);
    expect(total?.trongTongSoNu).toBe(teachers.filter((t) => t.maGioiTinh === '2').length);
    const bySubject = (report.dnDngvs ?? []).filter((l) => l.maBaoCao !== 'TONG_SO');
    expect(bySubject.reduce((n, l) => n + (l.tongSo ?? 0), 0)).toBe(
      teachers.filter((t) => t.maMonDay !== undefined).length,
    );
    const english = report.dnDngvtas?.[0];
    expect(english?.tongSo).toBe(teachers.filter((t) => t.maMonDay === 'NGOAI_NGU_1').length);
    expect((english?.b2 ?? 0) + (english?.c1 ?? 0)).toBe(english?.tongSo);
  });

  it('sums facilities of the school year (EQMSDN.2.3, 2.6–2.8)', () => {
    const records = school.coSoVatChats;
    expect(report.dnDtrcsvcs).toHaveLength(records.length);
    const land = report.dnCsvcdientichdats?.find((l) => l.maBaoCao === 'DIEN_TICH_DAT');
    expect(land?.soLuong).toBeCloseTo(
      records.reduce((n, r) => n + (r.dienTich ?? 0), 0),
      2,
    );
    const rooms = report.dnCsvcphonghocs?.[0];
    const count = (grade: string) =>
      records
        .flatMap((r) => r.phongHocs ?? [])
        .filter((p) => p.capXayDung === grade)
        .reduce((n, p) => n + p.soLuong, 0);
    expect(rooms?.trenCap4SoLuong ?? 0).toBe(count('tren_cap_4'));
    expect(rooms?.cap4SoLuong ?? 0).toBe(count('cap_4'));
  });

  it('accepts tagged records and gives the same report', () => {
    const tagged = computeEqms(recordsOf(school), { period: 'dau-nam', asOf });
    expect(tagged.report).toEqual(report);
  });
});

describe('computeEqms giua-nam and cuoi-nam', () => {
  it('counts the end-of-year results and test scores as the assessments say', () => {
    const result = computeEqms(school, { period: 'cuoi-nam', asOf: '2026-05-31' });
    expect(result.period).toBe('cuoi-nam');
    expect(BaoCaoEqmsCuoiNam.safeParse(result.report).error?.issues).toBeUndefined();
    if (result.period !== 'cuoi-nam') return;
    const cn = school.danhGias.filter((a) => a.kyDanhGia === 'CN');
    const lines = new Map((result.report.cnDghss ?? []).map((l) => [l.maBaoCao, l]));
    expect(lines.get('TONG_SO')?.tongSo).toBe(cn.length);
    for (const r of ['HTXS', 'HTT', 'HT', 'CHT']) {
      expect(lines.get(`KET_QUA.${r}`)?.tongSo ?? 0).toBe(
        cn.filter((a) => a.ketQuaCuoiNam === r).length,
      );
    }
    const toan = cn
      .flatMap((a) => a.monHocs)
      .filter((m) => m.maMonHoc === 'TOAN' && m.diemKtdk !== undefined);
    const tests = new Map((result.report.cnDiems ?? []).map((l) => [l.maBaoCao, l]));
    expect(tests.get('TOAN.TONG_SO')?.tongSo).toBe(toan.length);
    expect(tests.get('TOAN.DIEM_9_10')?.tongSo ?? 0).toBe(
      toan.filter((m) => (m.diemKtdk ?? 0) >= 9).length,
    );
    expect(tests.get('TOAN.DUOI_5')?.tongSo ?? 0).toBe(
      toan.filter((m) => (m.diemKtdk ?? 0) < 5).length,
    );
    const girls = new Set(
      school.hocSinhs.filter((p) => p.maGioiTinh === '2').map((p) => p.hocSinhId),
    );
    const grade1 = cn.filter((a) => a.khoi === 1);
    expect(lines.get('TONG_SO')?.lop1Nu).toBe(grade1.filter((a) => girls.has(a.hocSinhId)).length);
    expect(result.report.cnCmcd1s).toEqual([]);
    expect(result.notes.map((n) => n.code)).toContain('no-professional-activities');
  });

  it('reads the end-of-semester-1 assessments mid-year', () => {
    const result = computeEqms(school, { period: 'giua-nam', asOf: '2026-01-20' });
    expect(BaoCaoEqmsGiuaNam.safeParse(result.report).error?.issues).toBeUndefined();
    if (result.period !== 'giua-nam') return;
    const ck1 = school.danhGias.filter((a) => a.kyDanhGia === 'CK1');
    expect(result.report.gnDghss?.[0]?.tongSo).toBe(ck1.length);
    expect(result.report.gnDghss?.some((l) => l.maBaoCao?.startsWith('KET_QUA.'))).toBe(false);
  });

  it('says so when the year has no assessments', () => {
    const result = computeEqms(school, { period: 'giua-nam', asOf: '2030-01-20' });
    expect(result.notes.map((n) => n.code)).toContain('no-assessments');
  });
});

describe('computeEqms bad input', () => {
  it('refuses records without a school, several schools, a bad period or date', () => {
    expect(() => computeEqms({}, { period: 'dau-nam', asOf })).toThrow(EqmsError);
    const other = generateSchool({ seed: 13, pupils: 30 });
    expect(() =>
      computeEqms([...recordsOf(school), ...recordsOf(other)], { period: 'dau-nam', asOf }),
    ).toThrow(/2 schools/);
    const chosen = computeEqms([...recordsOf(school), ...recordsOf(other)], {
      period: 'dau-nam',
      asOf,
      truongId: school.truong.truongId,
    });
    expect(chosen.notes.some((n) => n.code.startsWith('other-school'))).toBe(true);
    expect(() => computeEqms(school, { period: 'giua-ky' as 'dau-nam', asOf })).toThrow(
      /Unknown EQMS period/,
    );
    expect(() => computeEqms(school, { period: 'dau-nam', asOf: '01/10/2025' })).toThrow(
      /yyyy-mm-dd/,
    );
    expect(() => computeEqms(school, { period: 'dau-nam', namHoc: '2025-2027' })).toThrow(/namHoc/);
  });

  it('survives hostile codes and junk records', () => {
    const lop = { ...(school.lops[0] as (typeof school.lops)[number]), ma: '__proto__' };
    const pupil = { ...(school.hocSinhs[0] as HocSinh), maLop: '__proto__' };
    const lost = {
      ...(school.hocSinhs.filter(atSchool)[1] as HocSinh),
      maLop: 'toString',
      maKhoi: 'constructor',
    };
    const teacher = {
      ...(school.canBos.find(
        (c) => c.maNhomCanBo === 'GIAO_VIEN',
      ) as (typeof school.canBos)[number]),
      maMonDay: '__proto__',
      maTrinhDoChuyenMon: 'toString',
    };
    const result = computeEqms(
      [
        { entity: 'Truong', record: school.truong },
        { entity: 'Lop', record: lop },
        { entity: 'HocSinh', record: pupil },
        { entity: 'HocSinh', record: lost },
        { entity: 'CanBo', record: teacher },
        { entity: 'HocSinh', record: null },
        { entity: 'Nonsense', record: { truongId: 'x' } },
      ],
      { period: 'dau-nam', asOf },
    );
    expect(BaoCaoEqmsDauNam.safeParse(result.report).success).toBe(true);
    expect(result.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['pupil-without-grade', 'unmapped-qualification']),
    );
    if (result.period !== 'dau-nam') throw new Error('wrong period');
    expect(result.report.dnLophss?.[0]?.tongSoSoHs).toBe(1);
    expect(({} as Record<string, unknown>)['lop1SoLop']).toBeUndefined();
  });

  it('maps the school year of a date', () => {
    expect(schoolYearOf('2025-08-01')).toBe('2025-2026');
    expect(schoolYearOf('2026-07-31')).toBe('2025-2026');
  });
});
