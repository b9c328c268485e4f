import type { HocSinh, Lop } from '@eduvn/standard';
import type { Notes, SchoolRecords } from './input.ts';

/** The five primary grades. */
export const GRADES = [1, 2, 3, 4, 5] as const;
/** A primary grade. */
export type Grade = (typeof GRADES)[number];

/** The grade 1–5 a grade code or number names (`'1'`, `'01'`, `1`), or `undefined`. */
export function gradeOf(value: unknown): Grade | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? (n as Grade) : undefined;
}

/** What the reports count about one pupil. */
export interface PupilFacts {
  readonly grade: Grade;
  readonly female: boolean;
  readonly minority: boolean;
  readonly disabled: boolean;
  /** In a mixed-grade class. */
  readonly mixed: boolean;
  /** The pupil's class, when the records hold it. */
  readonly lop: Lop | undefined;
}

/** The person codes a report reads. */
export interface PersonCodes {
  readonly femaleCode: string;
  readonly majorityEthnicCode: string;
}

/** Female and ethnic-minority, from a person's codes. */
export function personFlags(
  record: { readonly maGioiTinh?: string | undefined; readonly maDanToc?: string | undefined },
  codes: PersonCodes,
): { female: boolean; minority: boolean } {
  return {
    female: record.maGioiTinh === codes.femaleCode,
    minority:
      record.maDanToc !== undefined &&
      record.maDanToc !== '' &&
      record.maDanToc !== codes.majorityEthnicCode,
  };
}

/** The school's classes by code. */
export function classesByCode(lops: readonly Lop[]): Map<string, Lop> {
  const map = new Map<string, Lop>();
  for (const lop of lops) map.set(lop.ma, lop);
  return map;
}

/**
 * The facts of every pupil at the school (status not among `inactive`), keyed by pupil id. Pupils
 * without a grade 1–5 are left out and noted.
 */
export function pupilFacts(
  school: SchoolRecords,
  classes: ReadonlyMap<string, Lop>,
  inactive: ReadonlySet<string>,
  codes: PersonCodes,
  notes: Notes,
): Map<string, PupilFacts> {
  const facts = new Map<string, PupilFacts>();
  for (const pupil of school.hocSinhs) {
    if (pupil.maTrangThaiHienTai !== undefined && inactive.has(pupil.maTrangThaiHienTai)) continue;
    const fact = factsOf(pupil, classes, codes, notes);
    if (fact !== undefined) facts.set(pupil.hocSinhId, fact);
  }
  return facts;
}

function factsOf(
  pupil: HocSinh,
  classes: ReadonlyMap<string, Lop>,
  codes: PersonCodes,
  notes: Notes,
): PupilFacts | undefined {
  const lop = pupil.maLop === undefined ? undefined : classes.get(pupil.maLop);
  const grade = gradeOf(pupil.maKhoi) ?? gradeOf(lop?.maKhoi);
  if (grade === undefined) {
    notes.add(
      'pupil-without-grade',
      'Pupils whose grade (maKhoi) is not 1–5 were left out of every count.',
    );
    return undefined;
  }
  if (lop === undefined) {
    notes.add(
      'pupil-without-class',
      'Pupils whose class (maLop) is not among the classes are counted in the school totals but in no site and not as mixed-grade.',
    );
  }
  return {
    grade,
    ...personFlags(pupil, codes),
    disabled: pupil.maLoaiKhuyetTat !== undefined && pupil.maLoaiKhuyetTat !== '',
    mixed: lop?.isLopGhep === true,
    lop,
  };
}
