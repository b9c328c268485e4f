import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../meta/entity.ts';
import {
  CoSoVatChat,
  KhuVeSinhTheoDoiTuong,
  NhaXeTheoDoiTuong,
  PhongHocTheoCapXd,
} from './co-so-vat-chat.ts';
import { describeEntityConventions } from './entity-conventions.test-helper.ts';
import { EqmsDiemTruongCsvc } from './eqms.ts';

const complete: CoSoVatChat = {
  truongId: '79000701',
  diemTruongId: '7900070101',
  namHoc: '2025-2026',
  dienTich: 5200.5,
  dienTichSanChoiBaiTap: 1800,
  phongHocs: [
    { capXayDung: 'tren_cap_4', soLuong: 18, dienTich: 972 },
    { capXayDung: 'cap_4', soLuong: 4, dienTich: 216.4 },
    { capXayDung: 'duoi_cap_4', soLuong: 1 },
    { capXayDung: 'muon', soLuong: 2, dienTich: 100 },
  ],
  phongHocDuDkTcHocNhomDuDtVaBanGhe: 15,
  phongHocDuDkTcHocNhomDuDtThieuBanGhe: 3,
  phongHocDuDkTcHocNhomDuBanGheThieuDt: 0,
  khuVeSinhs: [
    { doiTuongSuDung: 'gv_nam', datChuan: true, soLuong: 1, dienTich: 12 },
    { doiTuongSuDung: 'gv_nu', datChuan: true, soLuong: 2, dienTich: 24 },
    { doiTuongSuDung: 'hs_nam', datChuan: true, soLuong: 3, dienTich: 60 },
    { doiTuongSuDung: 'hs_nam', datChuan: false, soLuong: 1, dienTich: 15 },
    { doiTuongSuDung: 'hs_nu', datChuan: true, soLuong: 3 },
  ],
  nhaXes: [
    { doiTuongSuDung: 'gv', soLuong: 1, dienTich: 80 },
    { doiTuongSuDung: 'hs', soLuong: 2, dienTich: 150 },
  ],
  isTbdhTviet: true,
  isTbdhToan: true,
  isTbdhNgoaiNgu: false,
  isTbdhDaoDuc: true,
  isTbdhTuNhienXaHoi: true,
  isTbdhLichSuDiaLi: true,
  isTbdhKhoaHoc: true,
  isTbdhTinHocCongNghe: false,
  isTbdhAmNhac: true,
  isTbdhMiThuat: true,
  isTbdhGiaoDucTheChat: true,
  isTbdhHoatDongTraiNghiem: true,
};

const minimal: CoSoVatChat = {
  truongId: '79000701',
  diemTruongId: '7900070101',
  namHoc: '2025-2026',
};

/** The distinct paths of the issues of parsing `input`, or `[]` when it parses. */
function issuePaths(input: unknown): PropertyKey[][] {
  const result = CoSoVatChat.safeParse(input);
  if (result.success) return [];
  const seen = new Map(result.error.issues.map((i) => [JSON.stringify(i.path), i.path]));
  return [...seen.values()];
}

describe('CoSoVatChat', () => {
  it('parses a complete record unchanged', () => {
    expect(CoSoVatChat.parse(complete)).toEqual(complete);
  });

  it('parses a record with only the required fields, and empty breakdowns', () => {
    expect(CoSoVatChat.parse(minimal)).toEqual(minimal);
    const empty = { ...minimal, phongHocs: [], khuVeSinhs: [], nhaXes: [] };
    expect(CoSoVatChat.parse(empty)).toEqual(empty);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '5200'])('rejects the land area %o', (v) => {
    expect(issuePaths({ ...minimal, dienTich: v })).toEqual([['dienTich']]);
  });

  it.each([-1, 2.5, '3'])('rejects the room count %o', (soLuong) => {
    expect(issuePaths({ ...minimal, phongHocs: [{ capXayDung: 'cap_4', soLuong }] })).toEqual([
      ['phongHocs', 0, 'soLuong'],
    ]);
  });

  it.each(['X', 'tam', 'TREN_CAP_4', 'cap 4'])(
    'rejects the construction grade %j',
    (capXayDung) => {
      expect(issuePaths({ ...minimal, phongHocs: [{ capXayDung, soLuong: 1 }] })).toEqual([
        ['phongHocs', 0, 'capXayDung'],
      ]);
    },
  );

  it('rejects a construction grade listed twice', () => {
    const phongHocs = [
      { capXayDung: 'cap_4', soLuong: 1 },
      { capXayDung: 'cap_4', soLuong: 2 },
    ];
    expect(issuePaths({ ...minimal, phongHocs })).toEqual([['phongHocs']]);
  });

  it('accepts one user group twice only with different compliance', () => {
    const row = { doiTuongSuDung: 'hs_nu', soLuong: 1 };
    expect(
      issuePaths({
        ...minimal,
        khuVeSinhs: [
          { ...row, datChuan: true },
          { ...row, datChuan: false },
        ],
      }),
    ).toEqual([]);
    expect(
      issuePaths({
        ...minimal,
        khuVeSinhs: [
          { ...row, datChuan: true },
          { ...row, datChuan: true },
        ],
      }),
    ).toEqual([['khuVeSinhs']]);
  });

  it('rejects a bicycle-shed user group listed twice, or unknown', () => {
    const shed = { doiTuongSuDung: 'hs', soLuong: 1 };
    expect(issuePaths({ ...minimal, nhaXes: [shed, shed] })).toEqual([['nhaXes']]);
    expect(issuePaths({ ...minimal, nhaXes: [{ ...shed, doiTuongSuDung: 'nv' }] })).toEqual([
      ['nhaXes', 0, 'doiTuongSuDung'],
    ]);
  });

  it('requires the compliance flag of a toilet block', () => {
    expect(
      issuePaths({ ...minimal, khuVeSinhs: [{ doiTuongSuDung: 'gv_nu', soLuong: 1 }] }),
    ).toEqual([['khuVeSinhs', 0, 'datChuan']]);
  });

  it('rejects an unknown key in the record and in a row', () => {
    expect(CoSoVatChat.safeParse({ ...minimal, soPhongHoc: 3 }).error?.issues).toMatchObject([
      { code: 'unrecognized_keys', keys: ['soPhongHoc'], path: [] },
    ]);
    expect(
      CoSoVatChat.safeParse({
        ...minimal,
        phongHocs: [{ capXayDung: 'muon', soLuong: 1, kienCo: true }],
      }).error?.issues,
    ).toMatchObject([{ code: 'unrecognized_keys', keys: ['kienCo'], path: ['phongHocs', 0] }]);
  });

  it.each(['truongId', 'diemTruongId', 'namHoc'])('rejects a record without %s', (name) => {
    const { [name as keyof CoSoVatChat]: _, ...rest } = complete;
    expect(issuePaths(rest)).toEqual([[name]]);
  });

  it.each(['truongId', 'diemTruongId'])('caps %s at 15 characters', (name) => {
    expect(issuePaths({ ...minimal, [name]: 'x'.repeat(15) })).toEqual([]);
    expect(issuePaths({ ...minimal, [name]: 'x'.repeat(16) })).toEqual([[name]]);
  });

  it.each(['2025-2027', '2025', '2025–2026'])('rejects the school year %j', (namHoc) => {
    expect(issuePaths({ ...minimal, namHoc })).toEqual([['namHoc']]);
  });

  it.each(['true', 1])('rejects the non-boolean equipment flag %j', (v) => {
    expect(issuePaths({ ...minimal, isTbdhToan: v })).toEqual([['isTbdhToan']]);
  });
});

/**
 * A sketch of the EQMS computation the entity is designed for: EqmsDiemTruongCsvc from one
 * CoSoVatChat record. It lives in the test to prove the records carry every number the table needs.
 */
function toEqmsDiemTruongCsvc(r: CoSoVatChat, tenDiemTruong: string): EqmsDiemTruongCsvc {
  const room = (cap: PhongHocTheoCapXd['capXayDung']) =>
    r.phongHocs?.find((p) => p.capXayDung === cap);
  const toilet = (who: KhuVeSinhTheoDoiTuong['doiTuongSuDung']) =>
    r.khuVeSinhs?.find((k) => k.doiTuongSuDung === who && k.datChuan);
  const shed = (who: NhaXeTheoDoiTuong['doiTuongSuDung']) =>
    r.nhaXes?.find((n) => n.doiTuongSuDung === who);
  const sl = (row: { soLuong: number } | undefined) => row?.soLuong ?? 0;
  const dt = (row: { dienTich?: number | undefined } | undefined) => row?.dienTich ?? 0;
  const out: Record<string, unknown> = {
    diemTruongId: r.diemTruongId,
    tenDiemTruong,
    dienTich: r.dienTich,
    dienTichSanChoiBaiTap: r.dienTichSanChoiBaiTap,
    phongHocCapxdTrenCap4Sl: sl(room('tren_cap_4')),
    phongHocCapxdTrenCap4Dt: dt(room('tren_cap_4')),
    phongHocCapxdCap4Sl: sl(room('cap_4')),
    phongHocCapxdCap4Dt: dt(room('cap_4')),
    phongHocCapxdTamSl: sl(room('duoi_cap_4')),
    phongHocCapxdTamDt: dt(room('duoi_cap_4')),
    phongHocCapxdMuonSl: sl(room('muon')),
    phongHocCapxdMuonDt: dt(room('muon')),
    phongHocDuDkTcHocNhomDuDtVaBanGhe: r.phongHocDuDkTcHocNhomDuDtVaBanGhe,
    phongHocDuDkTcHocNhomDuDtThieuBanGhe: r.phongHocDuDkTcHocNhomDuDtThieuBanGhe,
    phongHocDuDkTcHocNhomDuBanGheThieuDt: r.phongHocDuDkTcHocNhomDuBanGheThieuDt,
    khuVsDatChuanVsGvNamSl: sl(toilet('gv_nam')),
    khuVsDatChuanVsGvNamDt: dt(toilet('gv_nam')),
    khuVsDatChuanVsGvNuSl: sl(toilet('gv_nu')),
    khuVsDatChuanVsGvNuDt: dt(toilet('gv_nu')),
    khuVsDatChuanVsHsNamSl: sl(toilet('hs_nam')),
    khuVsDatChuanVsHsNamDt: dt(toilet('hs_nam')),
    khuVsDatChuanVsHsNuSl: sl(toilet('hs_nu')),
    khuVsDatChuanVsHsNuDt: dt(toilet('hs_nu')),
    nhaXeGvSl: sl(shed('gv')),
    nhaXeGvDt: dt(shed('gv')),
    nhaXeHsSl: sl(shed('hs')),
    nhaXeHsDt: dt(shed('hs')),
  };
  return EqmsDiemTruongCsvc.parse(out);
}

describe('CoSoVatChat → EQMS', () => {
  it('carries every field of the EQMS site facility table', () => {
    const eqms = toEqmsDiemTruongCsvc(complete, 'Điểm chính');
    expect(Object.keys(eqms).sort()).toEqual(Object.keys(EqmsDiemTruongCsvc.shape).sort());
    expect(eqms).toMatchObject({
      phongHocCapxdTamSl: 1,
      khuVsDatChuanVsHsNamSl: 3, // the non-compliant block is not counted
      nhaXeHsDt: 150,
    });
  });
});

describe('CoSoVatChat metadata', () => {
  describeEntityConventions(CoSoVatChat);
  describeEntityConventions(PhongHocTheoCapXd);
  describeEntityConventions(KhuVeSinhTheoDoiTuong);
  describeEntityConventions(NhaXeTheoDoiTuong);

  const field = (name: string) => fieldsOf(CoSoVatChat).find((f) => f.name === name);

  it('cites QĐ 4998 EQMS for the aggregated quantities and keeps its symbols', () => {
    expect(field('dienTich')).toMatchObject({ symbol: 'DIEN_TICH', source: 'QĐ 4998 EQMSDN.2.3' });
    expect(field('isTbdhTviet')?.source).toMatch(/^QĐ 4998 LOPC1\.1\.1/);
    expect(field('isTbdhKhoaHoc')?.source).toMatch(/^eduvn/);
    expect(field('diemTruongId')).toMatchObject({ maxLength: 15, sensitivity: 'identifier' });
  });

  it('records the construction grades and user groups as closed sets', () => {
    const values = (entity: typeof PhongHocTheoCapXd | typeof NhaXeTheoDoiTuong, name: string) =>
      fieldsOf(entity).find((f) => f.name === name)?.values;
    expect(values(PhongHocTheoCapXd, 'capXayDung')).toEqual([
      'tren_cap_4',
      'cap_4',
      'duoi_cap_4',
      'muon',
    ]);
    expect(values(NhaXeTheoDoiTuong, 'doiTuongSuDung')).toEqual(['gv', 'hs']);
  });

  it('is institutional data', () => {
    for (const entity of [
      CoSoVatChat,
      PhongHocTheoCapXd,
      KhuVeSinhTheoDoiTuong,
      NhaXeTheoDoiTuong,
    ]) {
      for (const f of fieldsOf(entity)) expect(['public', 'identifier']).toContain(f.sensitivity);
    }
  });
});
