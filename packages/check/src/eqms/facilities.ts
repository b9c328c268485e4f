import type {
  CoSoVatChat,
  EqmsCsvcDienTichDat,
  EqmsCsvcNhaVeSinh,
  EqmsCsvcPhongHoc,
  EqmsDiemTruongCsvc,
} from '@eduvn/standard';
import type { Notes } from './input.ts';
import { own } from './own.ts';
import type { Site } from './sites.ts';

type Sums = Record<string, number>;

/** Adds `value` to `sums[key]` when it is a number; decimals are rounded to 2 places. */
function add(sums: Sums, key: string, value: number | undefined): void {
  if (value === undefined) return;
  sums[key] = Math.round(((sums[key] ?? 0) + value) * 100) / 100;
}

/** Room-grade columns of EQMSDN.2.3, by `PhongHocTheoCapXd.capXayDung`. */
const SITE_ROOM: Readonly<Record<string, string>> = {
  tren_cap_4: 'phongHocCapxdTrenCap4',
  cap_4: 'phongHocCapxdCap4',
  duoi_cap_4: 'phongHocCapxdTam',
  muon: 'phongHocCapxdMuon',
};
/** Room-grade columns of EQMSDN.2.7. */
const SCHOOL_ROOM: Readonly<Record<string, string>> = {
  tren_cap_4: 'trenCap4',
  cap_4: 'cap4',
  duoi_cap_4: 'duoiCap4',
  muon: 'muon',
};
const TOILET: Readonly<Record<string, string>> = {
  gv_nam: 'GvNam',
  gv_nu: 'GvNu',
  hs_nam: 'HsNam',
  hs_nu: 'HsNu',
};

/**
 * EQMSDN.2.3, one row per site with a facility record of the school year: land, playground,
 * classrooms by construction grade (`duoi_cap_4`, below grade 4, is reported in the `TAM`
 * "temporary" columns: the site table has no below-grade-4 column, an unsure reading), classrooms
 * fit for group work, standard toilets (`datChuan` only) and bicycle sheds. Sites without a
 * facility record are left out.
 */
export function siteFacilityRows(
  sites: readonly Site[],
  records: readonly CoSoVatChat[],
  notes: Notes,
): EqmsDiemTruongCsvc[] {
  const rows: EqmsDiemTruongCsvc[] = [];
  for (const site of sites) {
    const mine = records.filter((r) => r.diemTruongId === site.id);
    if (mine.length === 0) {
      notes.add(
        'site-without-facilities',
        'Sites without a facility record of the school year were left out of EQMSDN.2.3.',
      );
      continue;
    }
    const s: Sums = {};
    for (const r of mine) {
      add(s, 'dienTich', r.dienTich);
      add(s, 'dienTichSanChoiBaiTap', r.dienTichSanChoiBaiTap);
      for (const room of r.phongHocs ?? []) {
        const col = own(SITE_ROOM, room.capXayDung);
        if (col === undefined) continue;
        add(s, `${col}Sl`, room.soLuong);
        add(s, `${col}Dt`, room.dienTich);
      }
      add(s, 'phongHocDuDkTcHocNhomDuDtVaBanGhe', r.phongHocDuDkTcHocNhomDuDtVaBanGhe);
      add(s, 'phongHocDuDkTcHocNhomDuDtThieuBanGhe', r.phongHocDuDkTcHocNhomDuDtThieuBanGhe);
      add(s, 'phongHocDuDkTcHocNhomDuBanGheThieuDt', r.phongHocDuDkTcHocNhomDuBanGheThieuDt);
      for (const t of r.khuVeSinhs ?? []) {
        const who = own(TOILET, t.doiTuongSuDung);
        if (who === undefined || t.datChuan !== true) continue;
        add(s, `khuVsDatChuanVs${who}Sl`, t.soLuong);
        add(s, `khuVsDatChuanVs${who}Dt`, t.dienTich);
      }
      for (const x of r.nhaXes ?? []) {
        const who = x.doiTuongSuDung === 'gv' ? 'Gv' : 'Hs';
        add(s, `nhaXe${who}Sl`, x.soLuong);
        add(s, `nhaXe${who}Dt`, x.dienTich);
      }
    }
    rows.push({
      diemTruongId: site.id,
      ...(site.name === undefined ? {} : { tenDiemTruong: site.name }),
      ...s,
    } as EqmsDiemTruongCsvc);
  }
  return rows;
}

/**
 * EQMSDN.2.6: the school's land, summed over its sites, on two eduvn lines (the specification
 * gives no line codes): `DIEN_TICH_DAT` land area and `DIEN_TICH_SAN_CHOI_BAI_TAP` playgrounds,
 * in m². A line is left out when no site reports it.
 */
export function landLines(records: readonly CoSoVatChat[]): EqmsCsvcDienTichDat[] {
  const s: Sums = {};
  for (const r of records) {
    add(s, 'dat', r.dienTich);
    add(s, 'san', r.dienTichSanChoiBaiTap);
  }
  const lines: EqmsCsvcDienTichDat[] = [];
  if (s['dat'] !== undefined) {
    lines.push({
      maBaoCao: 'DIEN_TICH_DAT',
      noiDungTieuChi: 'Diện tích đất (m²)',
      soLuong: s['dat'],
    });
  }
  if (s['san'] !== undefined) {
    lines.push({
      maBaoCao: 'DIEN_TICH_SAN_CHOI_BAI_TAP',
      noiDungTieuChi: 'Diện tích sân chơi, bãi tập (m²)',
      soLuong: s['san'],
    });
  }
  return lines;
}

/**
 * EQMSDN.2.7, one line `PHONG_HOC`: the school's classrooms by construction grade (count and
 * area), summed over its sites. Empty when no site reports classrooms.
 */
export function classroomLines(records: readonly CoSoVatChat[]): EqmsCsvcPhongHoc[] {
  const s: Sums = {};
  let any = false;
  for (const r of records) {
    for (const room of r.phongHocs ?? []) {
      const col = own(SCHOOL_ROOM, room.capXayDung);
      if (col === undefined) continue;
      any = true;
      add(s, `${col}SoLuong`, room.soLuong);
      add(s, `${col}DienTich`, room.dienTich);
    }
  }
  return any
    ? [{ maBaoCao: 'PHONG_HOC', noiDungTieuChi: 'Phòng học', ...s } as EqmsCsvcPhongHoc]
    : [];
}

/**
 * EQMSDN.2.8: the school's toilets by user group (count and area), summed over its sites, on two
 * eduvn lines: `DAT_CHUAN` meeting the standard and `CHUA_DAT_CHUAN` not meeting it (or not said).
 */
export function toiletLines(records: readonly CoSoVatChat[]): EqmsCsvcNhaVeSinh[] {
  const byLine = new Map<string, Sums>();
  for (const r of records) {
    for (const t of r.khuVeSinhs ?? []) {
      const who = own(TOILET, t.doiTuongSuDung);
      if (who === undefined) continue;
      const code = t.datChuan === true ? 'DAT_CHUAN' : 'CHUA_DAT_CHUAN';
      const s = byLine.get(code) ?? {};
      byLine.set(code, s);
      const col = `dungCho${who}`;
      add(s, `${col}SoLuong`, t.soLuong);
      add(s, `${col}DienTich`, t.dienTich);
    }
  }
  const text: Readonly<Record<string, string>> = {
    DAT_CHUAN: 'Khu vệ sinh đạt chuẩn',
    CHUA_DAT_CHUAN: 'Khu vệ sinh chưa đạt chuẩn',
  };
  return ['DAT_CHUAN', 'CHUA_DAT_CHUAN'].flatMap((code) => {
    const s = byLine.get(code);
    return s === undefined
      ? []
      : [{ maBaoCao: code, noiDungTieuChi: text[code], ...s } as EqmsCsvcNhaVeSinh];
  });
}
