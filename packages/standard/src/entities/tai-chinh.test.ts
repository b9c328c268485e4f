import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityOf, fieldsOf } from '../meta/entity.ts';
import { OPEN_CODE_CAP } from '../meta/field-kit.ts';
import { describeEntityConventions } from './entity-conventions.test-helper.ts';
import { KhoanChi, KhoanThu, TaiChinh } from './tai-chinh.ts';

const complete: TaiChinh = {
  truongId: '79000701',
  namTaiChinh: 2025,
  khoanThus: [
    { nguonThu: 'NGAN_SACH', soTien: 12_500_000_000, ghiChu: 'Dự toán giao đầu năm' },
    { nguonThu: 'HOC_PHI', soTien: 0 },
    { nguonThu: 'TAI_TRO', soTien: 50_000_000, ghiChu: 'Công ty A' },
    { nguonThu: 'TAI_TRO', soTien: 20_000_000, ghiChu: 'Hội cha mẹ học sinh' },
  ],
  khoanChis: [
    { nhomChi: 'LUONG', soTien: 9_800_000_000 },
    { nhomChi: 'CO_SO_VAT_CHAT', soTien: 1_250_000_000, ghiChu: 'Sửa mái dãy B' },
  ],
};

const minimal: TaiChinh = { truongId: '79000701', namTaiChinh: 2025, khoanThus: [], khoanChis: [] };

/** The distinct paths of the issues of parsing `input`, or `[]` when it parses. */
function issuePaths(input: unknown): PropertyKey[][] {
  const result = TaiChinh.safeParse(input);
  if (result.success) return [];
  const seen = new Map(result.error.issues.map((i) => [JSON.stringify(i.path), i.path]));
  return [...seen.values()];
}

describe('TaiChinh', () => {
  it('parses a complete record unchanged, with a source on several rows', () => {
    expect(TaiChinh.parse(complete)).toEqual(complete);
  });

  it('parses a record with empty lists', () => {
    expect(TaiChinh.parse(minimal)).toEqual(minimal);
  });

  it.each([
    [-1, 'negative'],
    [1500.5, 'decimal'],
    [0.01, 'decimal'],
    [Number.MAX_SAFE_INTEGER + 1, 'unsafe'],
    [Number.NaN, 'NaN'],
    ['1000000', 'text'],
    [null, 'null'],
  ])('rejects the amount %o (%s) in revenues and expenditures', (soTien, _kind) => {
    expect(issuePaths({ ...minimal, khoanThus: [{ nguonThu: 'HOC_PHI', soTien }] })).toEqual([
      ['khoanThus', 0, 'soTien'],
    ]);
    expect(issuePaths({ ...minimal, khoanChis: [{ nhomChi: 'LUONG', soTien }] })).toEqual([
      ['khoanChis', 0, 'soTien'],
    ]);
  });

  it.each([1899, 10000, 2025.5, '2025'])('rejects the fiscal year %o', (namTaiChinh) => {
    expect(issuePaths({ ...minimal, namTaiChinh })).toEqual([['namTaiChinh']]);
  });

  it('rejects a school year in place of a fiscal year', () => {
    expect(issuePaths({ ...minimal, namTaiChinh: '2024-2025' })).toEqual([['namTaiChinh']]);
  });

  it.each(['', 'X'.repeat(OPEN_CODE_CAP + 1)])('rejects the revenue source %j', (nguonThu) => {
    expect(issuePaths({ ...minimal, khoanThus: [{ nguonThu, soTien: 1 }] })).toEqual([
      ['khoanThus', 0, 'nguonThu'],
    ]);
  });

  it('accepts a catalog code outside the suggested ones (the catalog is loaded, not fixed)', () => {
    expect(issuePaths({ ...minimal, khoanThus: [{ nguonThu: 'QUY_DAC_THU', soTien: 1 }] })).toEqual(
      [],
    );
  });

  it('rejects an unknown key in the record and in a row', () => {
    expect(TaiChinh.safeParse({ ...minimal, tongThu: 0 }).error?.issues).toMatchObject([
      { code: 'unrecognized_keys', keys: ['tongThu'], path: [] },
    ]);
    expect(
      TaiChinh.safeParse({ ...minimal, khoanChis: [{ nhomChi: 'LUONG', soTien: 1, donVi: 'VND' }] })
        .error?.issues,
    ).toMatchObject([{ code: 'unrecognized_keys', keys: ['donVi'], path: ['khoanChis', 0] }]);
  });

  it.each(['truongId', 'namTaiChinh', 'khoanThus', 'khoanChis'])(
    'rejects a record without %s',
    (name) => {
      const { [name as keyof TaiChinh]: _, ...rest } = complete;
      expect(issuePaths(rest)).toEqual([[name]]);
    },
  );

  it.each([
    ['nguonThu', KhoanThu, { soTien: 1 }],
    ['soTien', KhoanThu, { nguonThu: 'KHAC' }],
    ['nhomChi', KhoanChi, { soTien: 1 }],
    ['soTien', KhoanChi, { nhomChi: 'KHAC' }],
  ] as const)('rejects a row without %s', (name, row, input) => {
    expect(row.safeParse(input).error?.issues.map((i) => i.path)).toEqual([[name]]);
  });

  it('caps truongId at 15 and a note at 255 characters', () => {
    expect(issuePaths({ ...minimal, truongId: 'x'.repeat(16) })).toEqual([['truongId']]);
    const note = (n: number) => ({
      ...minimal,
      khoanThus: [{ nguonThu: 'KHAC', soTien: 1, ghiChu: 'x'.repeat(n) }],
    });
    expect(issuePaths(note(255))).toEqual([]);
    expect(issuePaths(note(256))).toEqual([['khoanThus', 0, 'ghiChu']]);
  });
});

describe('TaiChinh properties', () => {
  const amount = (soTien: unknown) => KhoanThu.safeParse({ nguonThu: 'KHAC', soTien }).success;

  it('accepts exactly the safe whole numbers of đồng ≥ 0', () => {
    fc.assert(fc.property(fc.maxSafeNat(), (n) => amount(n)));
    fc.assert(fc.property(fc.integer({ max: -1 }), (n) => !amount(n)));
    fc.assert(
      fc.property(
        fc.double().filter((x) => !Number.isSafeInteger(x) || x < 0),
        (x) => !amount(x),
      ),
    );
  });
});

describe('TaiChinh metadata', () => {
  describeEntityConventions(TaiChinh);
  describeEntityConventions(KhoanThu);
  describeEntityConventions(KhoanChi);

  it('says it is not in QĐ 4998 and cites the seed regulation', () => {
    expect(entityOf(TaiChinh).source).toMatch(/seed regulation Art\. 5 cl\. 6/);
    expect(entityOf(TaiChinh).source).toMatch(/not in QĐ 4998/);
    expect(entityOf(TaiChinh).note).toMatch(/Not in QĐ 4998/);
  });

  it('names the eduvn catalogs of sources and categories', () => {
    expect(fieldsOf(KhoanThu).find((f) => f.name === 'nguonThu')?.catalog).toBe('DM_NGUON_THU');
    expect(fieldsOf(KhoanChi).find((f) => f.name === 'nhomChi')?.catalog).toBe('DM_NHOM_CHI');
  });

  it('types money as integers', () => {
    for (const row of [KhoanThu, KhoanChi]) {
      expect(fieldsOf(row).find((f) => f.name === 'soTien')?.type).toBe('integer');
    }
  });
});
