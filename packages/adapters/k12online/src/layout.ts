import { column, defineMapping } from '@eduvn/adapter-kit';

/** The layout version this package implements: the described K12Online template, revision 1. */
export const VERSION = 'k12online-pupil-accounts-2026.1';

/**
 * The headers of K12Online's pupil-account template, in the described order; `(*)` marks the
 * columns K12Online requires.
 */
export const K12ONLINE_HEADERS = Object.freeze([
  'Họ và tên (*)',
  'Giới tính (*)',
  'Lớp (*)',
  'Ngày sinh (*)',
  'Họ và tên mẹ (*)',
  'Năm sinh của mẹ (*)',
  'Họ và tên người giám hộ',
  'Năm sinh người giám hộ',
] as const);

/** The `HocSinh` field each column of {@link K12ONLINE_HEADERS} holds, in the same order. */
export const K12ONLINE_FIELDS = Object.freeze([
  'hoTen',
  'maGioiTinh',
  'maLop',
  'ngaySinh',
  'tenMe',
  'namSinhMe',
  'tenNguoiDd',
  'namSinhNguoiDoDau',
] as const);

/** A field of `HocSinh` that the K12Online template holds. */
export type K12OnlineField = (typeof K12ONLINE_FIELDS)[number];

/**
 * The template's columns as a mapping: header text (matching ignores case, diacritics,
 * NFC/NFD, line breaks and the `(*)` marks) → `HocSinh` field. The `(*)` columns are required:
 * a sheet without one is refused, a blank cell in one is an error of its row, as K12Online
 * refuses such rows.
 */
export const k12OnlineMapping = defineMapping({
  entity: 'HocSinh',
  version: VERSION,
  columns: {
    hoTen: column(['Họ và tên (*)', 'Họ và tên học sinh', 'Họ tên'], 'name', { required: true }),
    maGioiTinh: column(['Giới tính (*)'], 'sex', { required: true }),
    maLop: column(['Lớp (*)', 'Tên lớp'], 'code', { required: true }),
    ngaySinh: column(['Ngày sinh (*)'], 'date', { required: true }),
    tenMe: column(['Họ và tên mẹ (*)', 'Họ tên mẹ'], 'name', { required: true }),
    namSinhMe: column(['Năm sinh của mẹ (*)', 'Năm sinh mẹ'], 'integer', { required: true }),
    tenNguoiDd: column(['Họ và tên người giám hộ', 'Họ tên người giám hộ'], 'name'),
    namSinhNguoiDoDau: column(['Năm sinh người giám hộ', 'Năm sinh của người giám hộ'], 'integer'),
  },
});
