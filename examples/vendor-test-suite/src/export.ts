/**
 * A toy QLNT vendor's export: the pupils as the vendor's own database keeps them (its own field
 * names, dates as `dd/mm/yyyy`, sex as `M`/`F`, ethnicity by name) turned into the QĐ 4998
 * `HocSinh` records of `@eduvn/standard` that the city database takes. In a vendor's repository
 * this is production code; its tests (`export.test.ts`) check it against the standard with
 * `@eduvn/testing`.
 */
import { bundledCatalogsPack, Catalogs, type HocSinh } from '@eduvn/standard';

/** A pupil as the vendor's database keeps it. */
export interface VendorPupil {
  /** The Ministry's pupil code (or a provisional `TAM-…` key before it is issued). */
  readonly studentCode: string;
  /** Full name, as typed (possibly with stray spaces, possibly decomposed Unicode). */
  readonly fullName: string;
  /** Date of birth, `dd/mm/yyyy`. */
  readonly dob: string;
  /** `M` or `F`. */
  readonly gender: 'M' | 'F';
  /** Grade, 1–5. */
  readonly grade: number;
  /** The class code (`'1A'`). */
  readonly className: string;
  /** The ethnic group by name (`'Kinh'`, `'Tày'`). */
  readonly ethnicity?: string;
  /** The 12-digit personal identification number, when known. */
  readonly citizenId?: string;
  /** Province code of the home address (2025 codes). */
  readonly provinceCode?: string;
  /** Commune code of the home address (2025 codes). */
  readonly communeCode?: string;
  /** Mother's name and year of birth. */
  readonly mother?: { readonly name: string; readonly birthYear?: number };
  /** Father's name and year of birth. */
  readonly father?: { readonly name: string; readonly birthYear?: number };
}

/** Options of {@link exportPupils}. */
export interface ExportOptions {
  /** The school's TRUONG_ID, issued by the Sở or Phòng. */
  readonly truongId: string;
}

/** The bundled catalogs, for ethnic groups by name (QĐ 121-TCTK/PPCĐ codes). */
const catalogs = Catalogs.from([bundledCatalogsPack]);

/** `dd/mm/yyyy` → `yyyy-mm-dd`; anything else is passed on as it is, for validation to report. */
function isoDate(text: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return text;
  const [, d = '', m = '', y = ''] = match;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** A name in NFC with single spaces: the standard's text form. */
const cleanName = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** The ethnic group's code, when its name is in the catalog (tone style and case ignored). */
function ethnicCode(name: string | undefined): string | undefined {
  if (name === undefined || name.trim() === '') return undefined;
  return catalogs.findByName('DM_DAN_TOC', name)[0]?.entry.code;
}

/**
 * The vendor's pupils as QĐ 4998 `HocSinh` records, one per row, in the same order. Values are
 * converted, never checked: a date that is not `dd/mm/yyyy` is passed on as typed, so that
 * validation (`@eduvn/rules`, or the city database) reports it at its field instead of the export
 * hiding it. Every exported pupil is currently enrolled (`DANG_HOC`): leaving is a status event.
 */
export function exportPupils(rows: readonly VendorPupil[], options: ExportOptions): HocSinh[] {
  return rows.map((row) => {
    const maDanToc = ethnicCode(row.ethnicity);
    const record: HocSinh = {
      truongId: options.truongId,
      hocSinhId: row.studentCode.trim(),
      hoTen: cleanName(row.fullName),
      ngaySinh: isoDate(row.dob),
      maGioiTinh: row.gender === 'F' ? '2' : '1',
      maKhoi: String(row.grade),
      maLop: row.className,
      maTrangThaiHienTai: 'DANG_HOC',
      ...(maDanToc === undefined ? {} : { maDanToc }),
      ...(row.ethnicity === undefined ? {} : { danTocTheoGiayKhaiSinh: row.ethnicity }),
      ...(row.citizenId === undefined ? {} : { maCongDanId: row.citizenId }),
      ...(row.provinceCode === undefined ? {} : { tinhThanhId: row.provinceCode }),
      ...(row.communeCode === undefined ? {} : { xaPhuongId: row.communeCode }),
      ...(row.mother === undefined ? {} : { tenMe: cleanName(row.mother.name) }),
      ...(row.mother?.birthYear === undefined ? {} : { namSinhMe: row.mother.birthYear }),
      ...(row.father === undefined ? {} : { tenCha: cleanName(row.father.name) }),
      ...(row.father?.birthYear === undefined ? {} : { namSinhCha: row.father.birthYear }),
    };
    return record;
  });
}
