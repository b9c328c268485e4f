/**
 * Test fixtures of the vendor's suite: the vendor's own pupil rows, made from the generated
 * pupils of `@eduvn/fixtures` (generated people only — a vendor's tests never hold real pupils).
 */
import type { HocSinh } from '@eduvn/standard';
import type { VendorPupil } from './export.ts';

/** `yyyy-mm-dd` → `dd/mm/yyyy`, as the vendor's database keeps dates (anything else unchanged). */
const vendorDate = (iso: string | undefined): string =>
  iso === undefined ? '' : iso.split('-').reverse().join('/');

/** A canonical pupil as the vendor's database would hold it (the fields the vendor keeps). */
export function vendorRowOf(pupil: Readonly<Partial<HocSinh>>): VendorPupil {
  return {
    studentCode: pupil.hocSinhId ?? '',
    fullName: pupil.hoTen ?? '',
    dob: vendorDate(pupil.ngaySinh),
    gender: pupil.maGioiTinh === '2' ? 'F' : 'M',
    grade: Number(pupil.maKhoi ?? 1),
    className: pupil.maLop ?? '',
    ...(pupil.danTocTheoGiayKhaiSinh === undefined
      ? {}
      : { ethnicity: pupil.danTocTheoGiayKhaiSinh }),
    ...(pupil.maCongDanId === undefined ? {} : { citizenId: pupil.maCongDanId }),
    ...(pupil.tinhThanhId === undefined ? {} : { provinceCode: pupil.tinhThanhId }),
    ...(pupil.xaPhuongId === undefined ? {} : { communeCode: pupil.xaPhuongId }),
    ...(pupil.tenMe === undefined
      ? {}
      : {
          mother: {
            name: pupil.tenMe,
            ...(pupil.namSinhMe === undefined ? {} : { birthYear: pupil.namSinhMe }),
          },
        }),
    ...(pupil.tenCha === undefined
      ? {}
      : {
          father: {
            name: pupil.tenCha,
            ...(pupil.namSinhCha === undefined ? {} : { birthYear: pupil.namSinhCha }),
          },
        }),
  };
}

/** The enrolled pupils of a school (pupils who left are status events, not rows to export). */
export const enrolled = (pupils: readonly HocSinh[]): HocSinh[] =>
  pupils.filter((p) => p.maTrangThaiHienTai === 'DANG_HOC');
