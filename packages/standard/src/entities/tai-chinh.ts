import type { z } from 'zod';
import { defineEntity } from '../meta/entity.ts';
import { fieldKit } from '../meta/field-kit.ts';

// Finance is not in QĐ 4998 (not in its primary section, nor anywhere in the standard for
// primary schools); the seed regulation says the city education database includes finance data.
// Everything here is eduvn's design, pending an official specification.
const SOURCE = 'seed regulation Art. 5 cl. 6 (not in QĐ 4998; fields are eduvn)';

const khoanThuFields = fieldKit(SOURCE, { addedByEduvn: true });

/**
 * Khoản thu — a school's revenue from one source in one fiscal year: a row of
 * `khoanThus` of {@link TaiChinh}.
 *
 * `nguonThu` is a code of the catalog `DM_NGUON_THU` (an eduvn catalog name: no official list is
 * known, so it is loaded like any catalog, not compiled in). Suggested codes:
 *
 * - `NGAN_SACH` — ngân sách nhà nước (state budget);
 * - `HOC_PHI` — học phí (tuition fees);
 * - `XA_HOI_HOA` — xã hội hóa (socialization: contributions from parents and society);
 * - `TAI_TRO` — tài trợ (sponsorship);
 * - `KHAC` — khác (other).
 *
 * A source may appear on several rows (two sponsors, say); totals by source are sums.
 */
export const KhoanThu = defineEntity(
  {
    name: 'KhoanThu',
    code: 'EDUVN.TC.2.1',
    label: { vi: 'Khoản thu', en: 'Revenue item' },
    source: SOURCE,
    key: [],
    kind: 'row',
  },
  {
    nguonThu: khoanThuFields.code('DM_NGUON_THU', {
      symbol: 'NGUON_THU',
      vi: 'Nguồn thu',
      en: 'Revenue source',
      required: true,
      source: 'eduvn',
      note: 'eduvn catalog; suggested codes NGAN_SACH, HOC_PHI, XA_HOI_HOA, TAI_TRO, KHAC (the official list is unknown).',
    }),
    soTien: khoanThuFields.int({
      symbol: 'SO_TIEN',
      vi: 'Số tiền (đồng)',
      en: 'Amount (VND)',
      required: true,
      note: 'A whole number of đồng, ≥ 0 (the đồng has no subunit in use).',
    }),
    ghiChu: khoanThuFields.text(255, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'Note',
      sensitivity: 'personal',
      note: 'May name an individual sponsor or donor, hence personal.',
    }),
  },
);
/** A record of {@link KhoanThu}. */
export type KhoanThu = z.output<typeof KhoanThu>;

const khoanChiFields = fieldKit(SOURCE, { addedByEduvn: true });

/**
 * Khoản chi — a school's expenditure in one category in one fiscal year: a row of
 * `khoanChis` of {@link TaiChinh}.
 *
 * `nhomChi` is a code of the catalog `DM_NHOM_CHI` (an eduvn catalog name: no official list is
 * known). Suggested codes:
 *
 * - `LUONG` — chi lương và các khoản theo lương (salaries and salary-related payments);
 * - `CHUYEN_MON` — chi hoạt động chuyên môn (teaching and professional activities);
 * - `CO_SO_VAT_CHAT` — chi mua sắm, sửa chữa cơ sở vật chất (equipment, purchases and repairs);
 * - `HO_TRO_HOC_SINH` — chi hỗ trợ học sinh (support for pupils);
 * - `KHAC` — khác (other).
 */
export const KhoanChi = defineEntity(
  {
    name: 'KhoanChi',
    code: 'EDUVN.TC.2.2',
    label: { vi: 'Khoản chi', en: 'Expenditure item' },
    source: SOURCE,
    key: [],
    kind: 'row',
  },
  {
    nhomChi: khoanChiFields.code('DM_NHOM_CHI', {
      symbol: 'NHOM_CHI',
      vi: 'Nhóm chi',
      en: 'Expenditure category',
      required: true,
      source: 'eduvn',
      note: 'eduvn catalog; suggested codes LUONG, CHUYEN_MON, CO_SO_VAT_CHAT, HO_TRO_HOC_SINH, KHAC (the official list is unknown).',
    }),
    soTien: khoanChiFields.int({
      symbol: 'SO_TIEN',
      vi: 'Số tiền (đồng)',
      en: 'Amount (VND)',
      required: true,
      note: 'A whole number of đồng, ≥ 0.',
    }),
    ghiChu: khoanChiFields.text(255, {
      symbol: 'GHI_CHU',
      vi: 'Ghi chú',
      en: 'Note',
      sensitivity: 'personal',
      note: 'May name an individual payee, hence personal.',
    }),
  },
);
/** A record of {@link KhoanChi}. */
export type KhoanChi = z.output<typeof KhoanChi>;

const taiChinhFields = fieldKit(SOURCE, { addedByEduvn: true });

/**
 * Tài chính — a school's revenues by source and expenditures by category for one fiscal year.
 *
 * **Not in QĐ 4998**: the standard has no finance data for primary schools. The seed regulation
 * (Art. 5 cl. 6) says the city education database includes finance data, without a format, so
 * this entity is eduvn's proposal; expect it to change when an official specification appears.
 *
 * Money is a whole number of đồng (VND), never a decimal: amounts are JSON-safe integers up to
 * `Number.MAX_SAFE_INTEGER` (about 9 × 10¹⁵ đồng). The fiscal year is a calendar year (Vietnam's
 * budget year runs 1 January – 31 December), not a school year.
 */
export const TaiChinh = defineEntity(
  {
    name: 'TaiChinh',
    code: 'EDUVN.TC.1.1',
    label: { vi: 'Tài chính', en: 'School finance' },
    source: SOURCE,
    key: ['truongId', 'namTaiChinh'],
    kind: 'record',
    note: 'Not in QĐ 4998: an eduvn entity for the finance data the seed regulation (Art. 5 cl. 6) requires.',
  },
  {
    truongId: taiChinhFields.text(15, {
      symbol: 'TRUONG_ID',
      vi: 'Mã trường',
      en: 'School code',
      sensitivity: 'identifier',
      required: true,
      source: 'QĐ 4998 TRC1.1.1',
    }),
    namTaiChinh: taiChinhFields.int({
      symbol: 'NAM_TAI_CHINH',
      vi: 'Năm tài chính',
      en: 'Fiscal year',
      required: true,
      min: 1900,
      maxDigits: 4,
      note: 'A calendar year, e.g. 2025.',
    }),
    khoanThus: taiChinhFields.list(KhoanThu, {
      symbol: 'KHOAN_THUS',
      vi: 'Các khoản thu',
      en: 'Revenues',
      required: true,
      note: 'May be empty.',
    }),
    khoanChis: taiChinhFields.list(KhoanChi, {
      symbol: 'KHOAN_CHIS',
      vi: 'Các khoản chi',
      en: 'Expenditures',
      required: true,
      note: 'May be empty.',
    }),
  },
);
/** A record of {@link TaiChinh}. */
export type TaiChinh = z.output<typeof TaiChinh>;
