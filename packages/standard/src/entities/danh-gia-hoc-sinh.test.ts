import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../meta/entity.ts';
import { OPEN_CODE_CAP, OPEN_TEXT_CAP } from '../meta/field-kit.ts';
import { DanhGiaHocSinh, DanhGiaMonHoc } from './danh-gia-hoc-sinh.ts';
import { describeEntityConventions } from './entity-conventions.test-helper.ts';

/** An end-of-year grade-4 record with every field. */
const complete: DanhGiaHocSinh = {
  truongId: '79000701',
  hocSinhId: '7900070124000123',
  maLop: '4A1',
  khoi: 4,
  namHoc: '2024-2025',
  kyDanhGia: 'CN',
  monHocs: [
    { maMonHoc: 'TIENG_VIET', mucDat: 'T', diemKtdk: 9 },
    { maMonHoc: 'TOAN', mucDat: 'T', diemKtdk: 10 },
    { maMonHoc: 'KHOA_HOC', mucDat: 'H', diemKtdk: 0 },
    { maMonHoc: 'DAO_DUC', mucDat: 'C' },
  ],
  nlTuChuTuHoc: 'T',
  nlGiaoTiepHopTac: 'Đ',
  nlGiaiQuyetVanDeSangTao: 'C',
  nlNgonNgu: 'T',
  nlTinhToan: 'T',
  nlKhoaHoc: 'Đ',
  nlCongNghe: 'T',
  nlTinHoc: 'T',
  nlThamMi: 'Đ',
  nlTheChat: 'T',
  pcYeuNuoc: 'T',
  pcNhanAi: 'T',
  pcChamChi: 'Đ',
  pcTrungThuc: 'T',
  pcTrachNhiem: 'T',
  ketQuaCuoiNam: 'HT',
  hoanThanhChuongTrinhLopHoc: true,
  lenLop: true,
  hoanThanhChuongTrinhTieuHoc: false,
  khenThuong: 'HS_TIEU_BIEU',
  nhanXet: 'Em tiến bộ rõ rệt trong môn Toán.',
};

/** The same pupil at mid-semester 1 with only the required fields. */
const minimal: DanhGiaHocSinh = {
  truongId: '79000701',
  hocSinhId: '7900070124000123',
  maLop: '4A1',
  khoi: 4,
  namHoc: '2024-2025',
  kyDanhGia: 'GK1',
  monHocs: [],
};

/** The distinct paths of the issues of parsing `input`, or `[]` when it parses. */
function issuePaths(input: unknown): PropertyKey[][] {
  const result = DanhGiaHocSinh.safeParse(input);
  if (result.success) return [];
  const seen = new Map(result.error.issues.map((i) => [JSON.stringify(i.path), i.path]));
  return [...seen.values()];
}

function withSubject(row: Record<string, unknown>): Record<string, unknown> {
  return { ...minimal, monHocs: [row] };
}

describe('DanhGiaHocSinh', () => {
  it('parses a complete record unchanged', () => {
    expect(DanhGiaHocSinh.parse(complete)).toEqual(complete);
  });

  it('parses a record with only the required fields', () => {
    expect(DanhGiaHocSinh.parse(minimal)).toEqual(minimal);
  });

  it.each([0, 5, 10])('accepts the test score %d', (diemKtdk) => {
    expect(issuePaths(withSubject({ maMonHoc: 'TOAN', mucDat: 'H', diemKtdk }))).toEqual([]);
  });

  it.each([11, -1, 7.5, Number.NaN, Number.POSITIVE_INFINITY, '7'])(
    'rejects the test score %o',
    (diemKtdk) => {
      expect(issuePaths(withSubject({ maMonHoc: 'TOAN', mucDat: 'H', diemKtdk }))).toEqual([
        ['monHocs', 0, 'diemKtdk'],
      ]);
    },
  );

  it.each(['X', 'Đ', 't', '', 'HT'])('rejects the subject level %j', (mucDat) => {
    expect(issuePaths(withSubject({ maMonHoc: 'TOAN', mucDat }))).toEqual([
      ['monHocs', 0, 'mucDat'],
    ]);
  });

  it.each([
    'X',
    'H',
    'D', // ASCII D, not Đ
    '\u00D0', // Ð, the Icelandic eth: a look-alike of Đ (U+0110)
    'T ',
  ])('rejects the quality/competency level %j', (level) => {
    expect(issuePaths({ ...minimal, pcTrungThuc: level })).toEqual([['pcTrungThuc']]);
    expect(issuePaths({ ...minimal, nlTinHoc: level })).toEqual([['nlTinHoc']]);
  });

  it.each([
    '2024-2026',
    '2024-2024',
    '2025-2024',
    '2024/2025',
    '24-25',
    '2024-25',
    ' 2024-2025',
    '',
  ])('rejects the school year %j', (namHoc) => {
    const paths = issuePaths({ ...minimal, namHoc });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toEqual(['namHoc']);
  });

  it('reports a school year whose years do not follow as one issue with a clear message', () => {
    const result = DanhGiaHocSinh.safeParse({ ...minimal, namHoc: '2024-2026' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toMatch(/second year/);
  });

  it.each(['HK1', 'gk1', 'CK2', ''])('rejects the period %j', (kyDanhGia) => {
    expect(issuePaths({ ...minimal, kyDanhGia })).toEqual([['kyDanhGia']]);
  });

  it.each([0, 6, 2.5, '4'])('rejects the grade %o', (khoi) => {
    expect(issuePaths({ ...minimal, khoi })).toEqual([['khoi']]);
  });

  it.each(['HTX', 'htxs', 'T'])('rejects the end-of-year result %j', (ketQuaCuoiNam) => {
    expect(issuePaths({ ...minimal, ketQuaCuoiNam })).toEqual([['ketQuaCuoiNam']]);
  });

  it.each(['HS_GIOI', 'Học sinh Xuất sắc', ['HS_XUAT_SAC']])(
    'rejects the award %j',
    (khenThuong) => {
      expect(issuePaths({ ...minimal, khenThuong })).toEqual([['khenThuong']]);
    },
  );

  it.each(['x', 1, 'true'])('rejects the non-boolean promotion %j', (lenLop) => {
    expect(issuePaths({ ...minimal, lenLop })).toEqual([['lenLop']]);
  });

  it('rejects a subject listed twice', () => {
    const row = { maMonHoc: 'TOAN', mucDat: 'T' };
    expect(issuePaths({ ...minimal, monHocs: [row, { ...row, mucDat: 'H' }] })).toEqual([
      ['monHocs'],
    ]);
  });

  it('rejects an unknown key in the record and in a subject row', () => {
    expect(DanhGiaHocSinh.safeParse({ ...minimal, hocLuc: 'Giỏi' }).error?.issues).toMatchObject([
      { code: 'unrecognized_keys', keys: ['hocLuc'] },
    ]);
    expect(
      DanhGiaHocSinh.safeParse(withSubject({ maMonHoc: 'TOAN', mucDat: 'T', diem: 9 })).error
        ?.issues,
    ).toMatchObject([{ code: 'unrecognized_keys', keys: ['diem'], path: ['monHocs', 0] }]);
  });

  it.each(
    fieldsOf(DanhGiaHocSinh)
      .filter((f) => f.required)
      .map((f) => f.name),
  )('rejects a record without the required %s', (name) => {
    const { [name as keyof DanhGiaHocSinh]: _, ...rest } = complete;
    expect(issuePaths(rest)).toEqual([[name]]);
  });

  it.each(['maMonHoc', 'mucDat'])('rejects a subject row without %s', (name) => {
    const full: Record<string, unknown> = { maMonHoc: 'TOAN', mucDat: 'T' };
    const { [name]: _, ...row } = full;
    expect(issuePaths(withSubject(row))).toEqual([['monHocs', 0, name]]);
  });

  it.each([
    ['truongId', 15],
    ['hocSinhId', 20],
    ['maLop', 10],
    ['nhanXet', OPEN_TEXT_CAP],
  ] as const)('accepts %s at %d characters and rejects one more', (name, max) => {
    expect(issuePaths({ ...complete, [name]: 'x'.repeat(max) })).toEqual([]);
    expect(issuePaths({ ...complete, [name]: 'x'.repeat(max + 1) })).toEqual([[name]]);
  });

  it('caps a subject code at the open code cap', () => {
    expect(issuePaths(withSubject({ maMonHoc: 'M'.repeat(OPEN_CODE_CAP), mucDat: 'T' }))).toEqual(
      [],
    );
    expect(
      issuePaths(withSubject({ maMonHoc: 'M'.repeat(OPEN_CODE_CAP + 1), mucDat: 'T' })),
    ).toEqual([['monHocs', 0, 'maMonHoc']]);
  });

  it.each(['truongId', 'hocSinhId', 'maLop'])('rejects an empty %s', (name) => {
    expect(issuePaths({ ...minimal, [name]: '' })).toEqual([[name]]);
  });

  it('accepts a teacher comment that is empty (an optional text field)', () => {
    expect(issuePaths({ ...minimal, nhanXet: '' })).toEqual([]);
  });
});

describe('DanhGiaHocSinh properties', () => {
  const score = (diemKtdk: unknown) =>
    DanhGiaMonHoc.safeParse({ maMonHoc: 'TOAN', mucDat: 'T', diemKtdk }).success;

  it('accepts exactly the whole numbers 0–10 as test scores', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 }), (n) => score(n)));
    fc.assert(
      fc.property(
        fc.integer().filter((n) => n < 0 || n > 10),
        (n) => !score(n),
      ),
    );
    fc.assert(
      fc.property(
        fc.double().filter((x) => !Number.isInteger(x)),
        (x) => !score(x),
      ),
    );
  });

  it("accepts 'yyyy-yyyy' school years exactly when the second year is the first + 1", () => {
    const parses = (namHoc: string) => DanhGiaHocSinh.safeParse({ ...minimal, namHoc }).success;
    const year = fc.integer({ min: 1000, max: 9998 });
    fc.assert(fc.property(year, (y) => parses(`${y}-${y + 1}`)));
    fc.assert(
      fc.property(year, fc.integer({ min: 1000, max: 9999 }), (a, b) => {
        fc.pre(b !== a + 1);
        return !parses(`${a}-${b}`);
      }),
    );
  });
});

describe('DanhGiaHocSinh metadata', () => {
  describeEntityConventions(DanhGiaHocSinh);
  describeEntityConventions(DanhGiaMonHoc);

  const field = (name: string) => fieldsOf(DanhGiaHocSinh).find((f) => f.name === name);

  it('cites TT27 for the assessment and QĐ 4998 for the identifiers', () => {
    expect(field('nlTuChuTuHoc')?.source).toMatch(/^TT 27\/2020/);
    expect(field('ketQuaCuoiNam')?.source).toBe('TT 27/2020 Art. 9');
    expect(field('hocSinhId')).toMatchObject({ source: 'QĐ 4998 HSC1.1.1', maxLength: 20 });
    expect(field('truongId')).toMatchObject({ source: 'QĐ 4998 TRC1.1.1', maxLength: 15 });
    expect(field('maLop')).toMatchObject({ maxLength: 10 });
  });

  it('records the closed sets of levels and periods', () => {
    expect(field('kyDanhGia')?.values).toEqual(['GK1', 'CK1', 'GK2', 'CN']);
    expect(field('pcYeuNuoc')?.values).toEqual(['T', 'Đ', 'C']);
    expect(field('ketQuaCuoiNam')?.values).toEqual(['HTXS', 'HTT', 'HT', 'CHT']);
    expect(fieldsOf(DanhGiaMonHoc).find((f) => f.name === 'mucDat')?.values).toEqual([
      'T',
      'H',
      'C',
    ]);
  });

  it('has the 3 general and 7 specific competencies and the 5 qualities', () => {
    const names = fieldsOf(DanhGiaHocSinh).map((f) => f.name);
    expect(names.filter((n) => n.startsWith('nl'))).toHaveLength(10);
    expect(names.filter((n) => n.startsWith('pc'))).toHaveLength(5);
  });

  it('names the subject catalog and the row entity', () => {
    expect(fieldsOf(DanhGiaMonHoc).find((f) => f.name === 'maMonHoc')?.catalog).toBe(
      'DM_MON_HOC_TIEU_HOC',
    );
    expect(field('monHocs')).toMatchObject({ type: 'list', entity: 'DanhGiaMonHoc' });
  });

  it('protects the results and masks the free-text comment', () => {
    expect(field('nhanXet')?.sensitivity).toBe('sensitive');
    expect(field('ketQuaCuoiNam')?.sensitivity).toBe('personal');
    expect(field('hocSinhId')?.sensitivity).toBe('identifier');
  });
});
