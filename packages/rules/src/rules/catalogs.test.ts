import { generateSchool, plantProblems, recordsOf } from '@eduvn/fixtures';
import { Catalogs } from '@eduvn/standard';
import { successors } from '@eduvn/standard/admin-units';
import { describe, expect, it } from 'vitest';
import { runRules } from '../core/engine.ts';
import type { InputRecord } from '../core/types.ts';
import { catalogRules } from './catalogs.ts';

const ASOF = '2026-05-31';

const pupil = (extra: Record<string, unknown> = {}): InputRecord => ({
  entity: 'HocSinh',
  record: {
    hocSinhId: 'HS001',
    hoTen: 'Nguyễn Văn An',
    maDanToc: '01',
    tinhThanhId: '01',
    xaPhuongId: '00008',
    ...extra,
  },
  provenance: {
    file: 'hs.xlsx',
    sheet: 'Học sinh',
    row: 7,
    columns: { xaPhuongId: 'K', maDanToc: 'H' },
  },
});

const check = (records: InputRecord[], asOf = ASOF, catalogs?: Catalogs) =>
  runRules(records, catalogRules, { asOf, ...(catalogs ? { catalogs } : {}) });

describe('CAT.CODE.001 — codes in their catalogs as of the date', () => {
  it('passes valid codes', async () => {
    const report = await check([pupil()]);
    expect(report.issues).toEqual([]);
  });

  it('reports a code not in the catalog, masked when the field is sensitive', async () => {
    const report = await check([pupil({ maDanToc: '99' })]);
    expect(report.issues).toHaveLength(1);
    const [issue] = report.issues;
    expect(issue).toMatchObject({
      ruleId: 'CAT.CODE.001',
      severity: 'error',
      field: 'maDanToc',
      symbol: 'MA_DAN_TOC',
      location: { file: 'hs.xlsx', sheet: 'Học sinh', row: 7, column: 'H' },
    });
    // Ethnicity is sensitive: the message shows the code masked, never the value.
    expect(issue?.message.vi).toContain('"**"');
    expect(issue?.message.en).not.toContain('99');
    expect(issue?.message.en).toContain('DM_DAN_TOC');
  });

  it("checks a pupil's sex against DM_GIOI_TINH (linked by its symbol, as a staff member's)", async () => {
    const report = await check([pupil({ maGioiTinh: '7' })]);
    expect(report.issues.map((i) => [i.ruleId, i.field])).toEqual([['CAT.CODE.001', 'maGioiTinh']]);
    expect(report.issues[0]?.message.en).toContain('"7"');
  });

  it('checks the rows of sub-tables (an assessment subject)', async () => {
    const report = await check([
      {
        entity: 'DanhGiaHocSinh',
        record: {
          truongId: 'T1',
          hocSinhId: 'HS001',
          namHoc: '2025-2026',
          kyDanhGia: 'CN',
          monHocs: [
            { maMonHoc: 'TOAN', mucDat: 'T' },
            { maMonHoc: 'VAT_LY', mucDat: 'T' },
          ],
        },
      },
    ]);
    expect(report.issues.map((i) => [i.ruleId, i.field, i.symbol])).toEqual([
      ['CAT.CODE.001', 'monHocs.1.maMonHoc', 'MON_HOCS'],
    ]);
    expect(report.issues[0]?.message.en).toContain('MON_HOCS.1.MA_MON_HOC');
  });

  it('reads fields the way a record holds them: inherited, by a getter, or failing', async () => {
    // A record that inherits its code, and one whose code is a getter: read as plain fields are.
    const inherited: InputRecord = {
      ...pupil(),
      record: Object.assign(Object.create({ maDanToc: '99' }), {
        hocSinhId: 'HS002',
        hoTen: 'Lê Thị Bình',
      }),
    };
    const getter: InputRecord = {
      ...pupil(),
      record: Object.defineProperty({ hocSinhId: 'HS003' }, 'maDanToc', {
        get: () => '98',
        enumerable: true,
      }),
    };
    const found = (await check([inherited, getter])).issues.map((i) => [i.recordKey, i.field]);
    expect(found).toEqual([
      ['HS002', 'maDanToc'],
      ['HS003', 'maDanToc'],
    ]);
    // A getter that throws fails the run with the rule's id; the next run reads as before.
    const failing: InputRecord = {
      ...pupil(),
      record: Object.defineProperty({ hocSinhId: 'HS004' }, 'maDanToc', {
        get: () => {
          throw new Error('hostile getter');
        },
        enumerable: true,
      }),
    };
    await expect(check([failing])).rejects.toThrow(
      /Rule CAT\.CODE\.001 failed on HocSinh .*hostile getter/,
    );
    expect((await check([pupil({ maDanToc: '99' })])).issues).toHaveLength(1);
  });

  it('leaves closed sets to the schema rule (kyDanhGia)', async () => {
    const report = await check([
      { entity: 'DanhGiaHocSinh', record: { hocSinhId: 'HS001', kyDanhGia: 'XX', monHocs: [] } },
    ]);
    expect(report.issues).toEqual([]);
  });

  it('leaves status codes to the lifecycle rules (LIFE.STATUS.001), so nothing is reported twice', async () => {
    const event = (doiTuong: string, trangThaiSau: string): InputRecord => ({
      entity: 'SuKienTrangThai',
      record: { suKienId: 'E1', doiTuong, maDoiTuong: 'X', trangThaiSau },
    });
    const report = await check([event('HOC_SINH', 'DANG_LAM_VIEC'), event('CAN_BO', 'KHONG_CO')]);
    expect(report.issues).toEqual([]);
  });

  it('gives no finding for a catalog without versions (values not loaded)', async () => {
    // DM_KHU_VUC is named by QĐ 4998 with no values.
    expect((await check([pupil({ maKhuVuc: 'ANYTHING' })])).issues).toEqual([]);
    // Without the admin units and the ethnic groups loaded, nothing can be said about them.
    const bare = Catalogs.empty();
    expect(
      (await check([pupil({ maDanToc: '99', xaPhuongId: 'nope' })], ASOF, bare)).issues,
    ).toEqual([]);
  });

  it('gives no finding for a catalog with no version on that day (districts after 2025-06-30)', async () => {
    expect((await check([pupil({ quanHuyenId: 'XYZ' })])).issues).toEqual([]);
    const before = await check(
      [pupil({ quanHuyenId: 'XYZ', xaPhuongId: '00007', tinhThanhId: '01' })],
      '2025-06-01',
    );
    expect(before.issues.map((i) => [i.ruleId, i.field])).toEqual([
      ['CAT.CODE.001', 'quanHuyenId'],
    ]);
  });

  it('reads a code with its date: province 24 is valid before and after, province 30 only before', async () => {
    const school = (tinhThanhId: string): InputRecord => ({
      entity: 'Truong',
      record: { truongId: 'T1', tinhThanhId },
    });
    expect((await check([school('24')], '2025-06-30')).issues).toEqual([]);
    expect((await check([school('24')])).issues).toEqual([]);
    expect((await check([school('30')], '2025-06-30')).issues).toEqual([]);
    expect((await check([school('ZZ')])).issues.map((i) => i.ruleId)).toEqual(['CAT.CODE.001']);
  });
});

describe('CAT.ADMIN.001 — pre-merger administrative codes', () => {
  it('queries a pre-merger commune code after 2025-07-01, naming the candidate new codes with coverage', async () => {
    const candidates = successors('commune', '00007');
    expect(candidates.length).toBeGreaterThan(1);
    const report = await check([pupil({ xaPhuongId: '00007' })]);
    expect(report.issues).toHaveLength(1);
    const [issue] = report.issues;
    expect(issue).toMatchObject({
      ruleId: 'CAT.ADMIN.001',
      severity: 'query',
      field: 'xaPhuongId',
      location: { column: 'K' },
    });
    for (const c of candidates) {
      expect(issue?.message.vi).toContain(c.code);
      expect(issue?.message.en).toContain(`${c.code} ${c.name} (part)`);
    }
    expect(issue?.message.vi).toContain('một phần');
    expect(report.passes).toBe(false);
  });

  it('never fixes the code: the record is left as it was', async () => {
    const item = pupil({ xaPhuongId: '00007' });
    await check([item]);
    expect(item.record['xaPhuongId']).toBe('00007');
  });

  it('says so when an old unit went wholly into one new unit', async () => {
    const report = await check([pupil({ xaPhuongId: '00001' })]);
    const [only] = successors('commune', '00001');
    expect(report.issues[0]?.message.en).toContain(`${only?.code} ${only?.name} (whole)`);
  });

  it('does not report a pre-merger code on data before the merger', async () => {
    expect(
      (await check([pupil({ xaPhuongId: '00007', tinhThanhId: '01' })], '2025-06-30')).issues,
    ).toEqual([]);
  });

  it('queries a pre-merger province code too (Hải Dương 30 → Hải Phòng 31)', async () => {
    const report = await check([
      { entity: 'Truong', record: { truongId: 'T1', tinhThanhId: '30' } },
    ]);
    expect(report.issues.map((i) => i.ruleId)).toEqual(['CAT.ADMIN.001']);
    expect(report.issues[0]?.message.en).toContain('31 Thành phố Hải Phòng (whole)');
  });

  it('can be acknowledged with a note', async () => {
    const report = await runRules([pupil({ xaPhuongId: '00007' })], catalogRules, {
      asOf: ASOF,
      acknowledgements: [
        {
          ruleId: 'CAT.ADMIN.001',
          recordKey: 'HS001',
          note: 'Địa chỉ đang xác minh',
          by: 'vt',
          at: '2026-05-31T08:00:00+07:00',
        },
      ],
    });
    expect(report.passes).toBe(true);
    expect(report.summary.bySeverity.acknowledged).toBe(1);
  });
});

describe('catalog rules on generated data', () => {
  const school = generateSchool({ seed: 11, pupils: 300 });
  const records = recordsOf(school);
  const asOf = '2026-05-31';

  it('find nothing in a generated school', async () => {
    const report = await check(records, asOf);
    expect(report.issues).toEqual([]);
  });

  it("report planted 'pre-merger-commune' problems on exactly the planted records", async () => {
    const { records: damaged, planted } = plantProblems(records, {
      kinds: ['pre-merger-commune'],
      rate: 0.03,
      seed: 5,
      asOf,
    });
    expect(planted.length).toBeGreaterThan(1);
    const report = await check(damaged, asOf);
    const found = report.issues
      .map((i) => `${i.ruleId} ${i.entity} ${i.recordKey} ${i.field}`)
      .sort();
    expect(found).toEqual(
      planted.map((p) => `CAT.ADMIN.001 ${p.entity} ${p.recordKey} ${p.field}`).sort(),
    );
  });
});
