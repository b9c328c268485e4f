import type { SchoolContext } from '@eduvn/fixtures';
import type { DanhGiaHocSinh, DanhGiaMonHoc } from '@eduvn/standard';
import { TRAIT_FIELDS } from './traits.ts';

/** A school context for `generateAssessments` in tests. */
export const TEST_SCHOOL: SchoolContext = {
  truongId: '79000701',
  schoolYear: '2025-2026',
  startYear: 2025,
  asOf: '2026-05-31',
  province: { code: '79', name: 'Thành phố Hồ Chí Minh' },
  commune: { code: '26734', name: 'Phường Sài Gòn' },
  communes: [],
  idPrefixes: ['079'],
  toneStyle: 'new',
};

/** A record type whose fields can be changed in tests. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The grade-4 subjects with an end-of-year test in the bundled catalog, in row order. */
export const TESTED_4: readonly string[] = [
  'TIENG_VIET',
  'TOAN',
  'NGOAI_NGU_1',
  'LICH_SU_DIA_LI',
  'KHOA_HOC',
  'TIN_HOC_CONG_NGHE',
];

/** The grade-4 subjects without a test in the bundled catalog, in row order after the tested ones. */
export const UNTESTED_4: readonly string[] = [
  'DAO_DUC',
  'GIAO_DUC_THE_CHAT',
  'AM_NHAC',
  'MI_THUAT',
  'HOAT_DONG_TRAI_NGHIEM',
];

/**
 * A hand-built HTXS grade-4 record of period `kyDanhGia` (default `'CN'`): every subject `T`,
 * tests 9 where the period has them (CK1/CN: every tested subject; GK1/GK2: Tiếng Việt and Toán),
 * every level `T`, and at CN the year-end fields of an HTXS pupil.
 */
export function excellentRecord(
  kyDanhGia: DanhGiaHocSinh['kyDanhGia'] = 'CN',
  hocSinhId = 'HS1',
): Mutable<DanhGiaHocSinh> {
  const end = kyDanhGia === 'CK1' || kyDanhGia === 'CN';
  const monHocs: DanhGiaMonHoc[] = [
    ...TESTED_4.map((maMonHoc) =>
      end || maMonHoc === 'TIENG_VIET' || maMonHoc === 'TOAN'
        ? { maMonHoc, mucDat: 'T' as const, diemKtdk: 9 }
        : { maMonHoc, mucDat: 'T' as const },
    ),
    ...UNTESTED_4.map((maMonHoc) => ({ maMonHoc, mucDat: 'T' as const })),
  ];
  const record: Mutable<DanhGiaHocSinh> = {
    truongId: '79000701',
    hocSinhId,
    maLop: '4A',
    khoi: 4,
    namHoc: '2025-2026',
    kyDanhGia,
    monHocs,
  };
  for (const f of TRAIT_FIELDS) record[f] = 'T';
  if (kyDanhGia === 'CN') {
    record.ketQuaCuoiNam = 'HTXS';
    record.hoanThanhChuongTrinhLopHoc = true;
    record.lenLop = true;
    record.khenThuong = 'HS_XUAT_SAC';
  }
  return record;
}

/** The record with the row of subject `code` changed (or removed with `null`). */
export function withRow(
  r: Mutable<DanhGiaHocSinh>,
  code: string,
  change: Partial<DanhGiaMonHoc> | null,
): Mutable<DanhGiaHocSinh> {
  r.monHocs =
    change === null
      ? r.monHocs.filter((m) => m.maMonHoc !== code)
      : r.monHocs.map((m) => (m.maMonHoc === code ? { ...m, ...change } : m));
  return r;
}
