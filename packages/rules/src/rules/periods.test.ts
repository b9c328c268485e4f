import { generateSchool, recordsOf } from '@eduvn/fixtures';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import { resolveSettings } from '../core/settings.ts';
import type { InputRecord, ReportingPeriod } from '../core/types.ts';
import { isActivePupil } from '../lifecycle/active.ts';
import { periodRules, requiredSubjects } from './periods.ts';

const ASOF = '2026-05-31';
const YEAR = '2025-2026';

const pupil = (hocSinhId: string, extra: Record<string, unknown> = {}): InputRecord => ({
  entity: 'HocSinh',
  record: {
    truongId: 'T1',
    hocSinhId,
    hoTen: 'Võ Minh Khang',
    maLop: '1A',
    maKhoi: '1',
    maTrangThaiHienTai: 'DANG_HOC',
    ...extra,
  },
});
const lop = (extra: Record<string, unknown> = {}): InputRecord => ({
  entity: 'Lop',
  record: { truongId: 'T1', ma: '1A', giaoVienId: 'GV1', diemTruongId: 'T101', ...extra },
});

const GRADE_1 = [
  'TIENG_VIET',
  'TOAN',
  'DAO_DUC',
  'TU_NHIEN_XA_HOI',
  'GIAO_DUC_THE_CHAT',
  'AM_NHAC',
  'MI_THUAT',
  'HOAT_DONG_TRAI_NGHIEM',
];
const GRADE_5 = [
  'TIENG_VIET',
  'TOAN',
  'NGOAI_NGU_1',
  'DAO_DUC',
  'LICH_SU_DIA_LI',
  'KHOA_HOC',
  'TIN_HOC_CONG_NGHE',
  'GIAO_DUC_THE_CHAT',
  'AM_NHAC',
  'MI_THUAT',
  'HOAT_DONG_TRAI_NGHIEM',
];

const assessment = (
  hocSinhId: string,
  kyDanhGia: string,
  extra: Record<string, unknown> = {},
  subjects = GRADE_1,
): InputRecord => ({
  entity: 'DanhGiaHocSinh',
  record: {
    truongId: 'T1',
    hocSinhId,
    maLop: '1A',
    khoi: 1,
    namHoc: YEAR,
    kyDanhGia,
    monHocs: subjects.map((maMonHoc) => ({ maMonHoc, mucDat: 'H' })),
    ...extra,
  },
});

const run = (records: InputRecord[], period?: ReportingPeriod) =>
  runRules(records, periodRules, { asOf: ASOF, ...(period === undefined ? {} : { period }) });
const found = async (records: InputRecord[], period?: ReportingPeriod) =>
  (await run(records, period)).issues.map(
    (i) => `${i.ruleId} ${i.recordKey}${i.field === undefined ? '' : ` ${i.field}`}`,
  );

describe('active pupils', () => {
  it('are those not transferred out, dropped out or completed', () => {
    expect(isActivePupil({ maTrangThaiHienTai: 'DANG_HOC' })).toBe(true);
    expect(isActivePupil({ maTrangThaiHienTai: 'CHUYEN_DEN' })).toBe(true);
    expect(isActivePupil({})).toBe(true);
    for (const s of ['CHUYEN_DI', 'THOI_HOC', 'HOAN_THANH_TIEU_HOC'])
      expect(isActivePupil({ maTrangThaiHienTai: s })).toBe(false);
  });
});

describe('start of year', () => {
  it('passes pupils with a class and classes with a teacher and a site', async () => {
    expect(await found([lop(), pupil('HS1')], 'start-of-year')).toEqual([]);
  });

  it('PERIOD.PUPIL.001: fails an active pupil without a class, not one who left', async () => {
    const records = [
      pupil('HS1', { maLop: undefined }),
      pupil('HS2', { maLop: ' ' }),
      pupil('HS3', { maLop: undefined, maTrangThaiHienTai: 'CHUYEN_DI' }),
    ];
    expect(await found(records, 'start-of-year')).toEqual([
      'PERIOD.PUPIL.001 HS1 maLop',
      'PERIOD.PUPIL.001 HS2 maLop',
    ]);
  });

  it('PERIOD.CLASS.001 / 002: fails a class without a homeroom teacher or a site', async () => {
    const report = await run([lop({ giaoVienId: undefined, diemTruongId: '' })], 'start-of-year');
    expect(report.issues.map((i) => [i.ruleId, i.field, i.severity])).toEqual([
      ['PERIOD.CLASS.001', 'giaoVienId', 'error'],
      ['PERIOD.CLASS.002', 'diemTruongId', 'error'],
    ]);
  });

  it('runs only for its period', async () => {
    const broken = [lop({ giaoVienId: undefined }), pupil('HS1', { maLop: undefined })];
    expect(await found(broken)).toEqual([]);
    expect((await run(broken, 'GK1')).issues.map((i) => i.ruleId)).not.toContain(
      'PERIOD.CLASS.001',
    );
  });
});

describe('assessment periods', () => {
  it('PERIOD.ASSESS.001: passes pupils assessed in the period, whatever the order', async () => {
    expect(await found([pupil('HS1'), assessment('HS1', 'GK1')], 'GK1')).toEqual([]);
    expect(await found([assessment('HS1', 'GK1'), pupil('HS1')], 'GK1')).toEqual([]);
  });

  it('PERIOD.ASSESS.001: fails an active pupil without an assessment of the period and school year', async () => {
    const records = [
      pupil('HS1'),
      assessment('HS1', 'CK1'),
      pupil('HS2'),
      assessment('HS2', 'GK1', { namHoc: '2024-2025' }),
      pupil('HS3', { maTrangThaiHienTai: 'THOI_HOC' }),
    ];
    const report = await run(records, 'GK1');
    expect(report.issues.map((i) => `${i.ruleId} ${i.recordKey}`)).toEqual([
      'PERIOD.ASSESS.001 HS1',
      'PERIOD.ASSESS.001 HS2',
    ]);
    expect(report.issues[0]?.message.vi).toContain('giữa học kỳ I năm học 2025-2026');
    expect(report.issues[0]?.message.en).toContain('mid-semester 1');
  });

  it("maps 'year-end' to kyDanhGia CN", async () => {
    expect(await found([pupil('HS1'), assessment('HS1', 'CN')], 'year-end')).toEqual([]);
    expect(await found([pupil('HS1'), assessment('HS1', 'GK2')], 'year-end')).toEqual([
      'PERIOD.ASSESS.001 HS1',
    ]);
  });

  it('PERIOD.ASSESS.002: fails an assessment lacking a subject its grade requires; optional ones may be absent', async () => {
    const noMath = GRADE_1.filter((s) => s !== 'TOAN');
    const report = await run([pupil('HS1'), assessment('HS1', 'CK1', {}, noMath)], 'CK1');
    expect(report.issues.map((i) => [i.ruleId, i.recordKey, i.field])).toEqual([
      ['PERIOD.ASSESS.002', 'T1/HS1/2025-2026/CK1', 'monHocs'],
    ]);
    expect(report.issues[0]?.message.vi).toContain('Toán (TOAN)');
    expect(report.issues[0]?.message.en).toContain('Mathematics (TOAN)');
    expect(report.issues[0]?.message.en).toContain('grade 1');
    // Grade 1 without Ngoại ngữ 1 (optional in grades 1–2) passes; grade 3 without it fails.
    expect(await found([pupil('HS1'), assessment('HS1', 'CK1')], 'CK1')).toEqual([]);
    const grade3 = [
      'TIENG_VIET',
      'TOAN',
      'DAO_DUC',
      'TU_NHIEN_XA_HOI',
      'TIN_HOC_CONG_NGHE',
      'GIAO_DUC_THE_CHAT',
      'AM_NHAC',
      'MI_THUAT',
      'HOAT_DONG_TRAI_NGHIEM',
    ];
    const issues = (await run([pupil('HS1'), assessment('HS1', 'CK1', { khoi: 3 }, grade3)], 'CK1'))
      .issues;
    expect(issues.map((i) => i.ruleId)).toEqual(['PERIOD.ASSESS.002']);
    expect(issues[0]?.message.en).toContain('NGOAI_NGU_1');
  });

  it('PERIOD.ASSESS.002: leaves out pupils who left', async () => {
    const records = [
      pupil('HS1', { maTrangThaiHienTai: 'CHUYEN_DI' }),
      assessment('HS1', 'CK1', {}, ['TOAN']),
    ];
    expect(await found(records, 'CK1')).toEqual([]);
  });

  it('reads the required subjects from DM_MON_HOC_TIEU_HOC (grades minus optionalGrades)', () => {
    const required = requiredSubjects(resolveSettings({ asOf: ASOF }));
    expect(
      required
        .get('1')
        ?.map((s) => s.code)
        .sort(),
    ).toEqual([...GRADE_1].sort());
    expect(
      required
        .get('5')
        ?.map((s) => s.code)
        .sort(),
    ).toEqual([...GRADE_5].sort());
  });
});

describe('year end', () => {
  const grade5 = (extra: Record<string, unknown>) =>
    assessment('HS5', 'CN', { khoi: 5, maLop: '5A', ...extra }, GRADE_5);

  it('PERIOD.YEAREND.001: passes grade-5 pupils with the completion decision, true or false', async () => {
    expect(
      await found(
        [pupil('HS5', { maKhoi: '5' }), grade5({ hoanThanhChuongTrinhTieuHoc: true })],
        'year-end',
      ),
    ).toEqual([]);
    expect(
      await found(
        [pupil('HS5', { maKhoi: '5' }), grade5({ hoanThanhChuongTrinhTieuHoc: false })],
        'year-end',
      ),
    ).toEqual([]);
  });

  it('PERIOD.YEAREND.001: fails a grade-5 pupil without it, unless the pupil left', async () => {
    expect(await found([pupil('HS5', { maKhoi: '5' }), grade5({})], 'year-end')).toEqual([
      'PERIOD.YEAREND.001 T1/HS5/2025-2026/CN hoanThanhChuongTrinhTieuHoc',
    ]);
    expect(
      await found(
        [pupil('HS5', { maKhoi: '5', maTrangThaiHienTai: 'THOI_HOC' }), grade5({})],
        'year-end',
      ),
    ).toEqual([]);
    expect(await found([pupil('HS5', { maKhoi: '5' }), grade5({})], 'CK1')).not.toContain(
      'PERIOD.YEAREND.001 T1/HS5/2025-2026/CN hoanThanhChuongTrinhTieuHoc',
    );
  });
});

describe('period rules on a generated school', () => {
  const records = recordsOf(generateSchool({ seed: 31, pupils: 300 }));

  for (const period of ['start-of-year', 'GK1', 'CK1', 'GK2', 'year-end'] as const) {
    it(`find no errors for '${period}'`, async () => {
      const report = await run(records, period);
      expect(report.rules.length).toBeGreaterThan(0);
      expect(report.issues).toEqual([]);
    });
  }

  it('find the pupils whose assessments of the period were removed', async () => {
    const active = new Set(
      records.flatMap((r) =>
        r.entity === 'HocSinh' && isActivePupil(r.record) ? [r.record.hocSinhId] : [],
      ),
    );
    const dropped = new Set<string>();
    const thinned = records.filter((r) => {
      if (r.entity !== 'DanhGiaHocSinh' || r.record.kyDanhGia !== 'GK2' || dropped.size >= 3)
        return true;
      if (!active.has(r.record.hocSinhId)) return true;
      dropped.add(r.record.hocSinhId);
      return false;
    });
    const report = await run(thinned, 'GK2');
    expect(report.issues.map((i) => i.recordKey).sort()).toEqual([...dropped].sort());
  });
});
