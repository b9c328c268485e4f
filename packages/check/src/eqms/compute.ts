import type { CanBo } from '@eduvn/standard';
import { classLines, siteClassRows } from './classes.ts';
import { EqmsError } from './errors.ts';
import { classroomLines, landLines, siteFacilityRows, toiletLines } from './facilities.ts';
import { Notes, schoolRecords } from './input.ts';
import { classesByCode, type PersonCodes, pupilFacts } from './people.ts';
import { qualityLines } from './quality.ts';
import { sitesOf } from './sites.ts';
import {
  DEFAULT_EMPLOYMENT,
  DEFAULT_QUALIFICATIONS,
  englishTeacherLines,
  type TeacherCodes,
  teacherLines,
} from './teachers.ts';
import {
  EQMS_PERIODS,
  type EqmsOptions,
  type EqmsRecords,
  type EqmsResult,
  type EqmsTaggedRecord,
} from './types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** The school year (1 August – 31 July) a day falls in: `'2025-10-01'` → `'2025-2026'`. */
export function schoolYearOf(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (m === null) {
    throw new EqmsError(
      'bad-option',
      `asOf must be a date yyyy-mm-dd, got ${JSON.stringify(isoDate)}`,
    );
  }
  const year = Number(m[1]);
  const start = Number(m[2]) >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Computes an EQMS report of QĐ 4998 §2.5 from a school's canonical records, so that nobody
 * re-types figures the records already hold. Input: the records by entity ({@link EqmsRecords},
 * e.g. a `@eduvn/fixtures` school) or tagged records (`{ entity, record }`, as adapters read
 * them); records of other entities are ignored.
 *
 * - `'dau-nam'` (EQMSDN.1.1): teachers by qualification and employment (EQMSDN.2.1), English
 *   teachers (2.2), facilities by site (2.3), classes and pupils by site (2.4) and by grade (2.5),
 *   land (2.6), classrooms (2.7) and toilets (2.8);
 * - `'giua-nam'` / `'cuoi-nam'` (EQMSGN.1.1 / EQMSCN.1.1): education quality (2.1) and periodic
 *   test results (2.2) from the TT27 assessments of the period (`CK1` / `CN` by default).
 *
 * Only what the records hold is reported. Left empty because no record holds them: community
 * professional activities and training modules (EQMSGN.2.3, 2.4), and the teaching-certificate
 * column of EQMSDN.2.2. Who counts: pupils at the school (status not transferred out, dropped out
 * or completed), staff at work of the teacher group, recruited (or moved in) on or before `asOf`.
 * The specification gives no report-line codes (`MA_BAO_CAO`): the codes here are eduvn's and each
 * table's function documents them, as it documents every reading the specification leaves open.
 * Every report validates against its `BaoCaoEqms*` schema. Throws {@link EqmsError} for records
 * without a school, of several schools without `truongId`, or bad options.
 *
 * @example
 * ```ts
 * import { computeEqms } from '@eduvn/check';
 * import { generateSchool } from '@eduvn/fixtures';
 *
 * const school = generateSchool({ seed: 1, pupils: 200 });
 * const { report, notes } = computeEqms(school, { period: 'dau-nam', asOf: '2025-10-01' });
 * ```
 */
export function computeEqms(
  records: EqmsRecords | Iterable<EqmsTaggedRecord>,
  options: EqmsOptions,
): EqmsResult {
  if (!EQMS_PERIODS.includes(options.period)) {
    throw new EqmsError(
      'bad-option',
      `Unknown EQMS period ${JSON.stringify(options.period)}; expected one of ${EQMS_PERIODS.join(', ')}`,
    );
  }
  const asOf = options.asOf ?? today();
  let namHoc = schoolYearOf(asOf);
  if (options.namHoc !== undefined) {
    const m = SCHOOL_YEAR.exec(options.namHoc);
    if (m === null || Number(m[2]) !== Number(m[1]) + 1) {
      throw new EqmsError(
        'bad-option',
        `namHoc must be yyyy-yyyy (e.g. 2025-2026), got ${JSON.stringify(options.namHoc)}`,
      );
    }
    namHoc = options.namHoc;
  }
  const notes = new Notes();
  const school = schoolRecords(records, options.truongId, notes);
  const codes: PersonCodes = {
    femaleCode: options.femaleCode ?? '2',
    majorityEthnicCode: options.majorityEthnicCode ?? '01',
  };
  const classes = classesByCode(school.lops);

  if (options.period === 'dau-nam') {
    const inactive = new Set(
      options.inactivePupilStatuses ?? ['CHUYEN_DI', 'THOI_HOC', 'HOAN_THANH_TIEU_HOC'],
    );
    const pupils = pupilFacts(school, classes, inactive, codes, notes);
    const sites = sitesOf(school, notes);
    const teachers = teachersOf(school.canBos, asOf, options);
    const teacherCodes: TeacherCodes = {
      ...codes,
      qualifications: { ...DEFAULT_QUALIFICATIONS, ...options.qualifications },
      employment: { ...DEFAULT_EMPLOYMENT, ...options.employment },
      englishSubjects: new Set(options.englishSubjects ?? ['NGOAI_NGU_1', 'TIENG_ANH']),
    };
    const facilities = school.coSoVatChats.filter((r) => r.namHoc === namHoc);
    if (facilities.length < school.coSoVatChats.length) {
      notes.add(
        'facilities-other-year',
        `Facility records of other school years than ${namHoc} were left out.`,
        school.coSoVatChats.length - facilities.length,
      );
    }
    return {
      period: 'dau-nam',
      namHoc,
      report: {
        truongId: school.truongId,
        dnDngvs: teacherLines(teachers, teacherCodes, notes),
        dnDngvtas: englishTeacherLines(teachers, teacherCodes, notes),
        dnDtrcsvcs: siteFacilityRows(sites, facilities, notes),
        dnDtrlophss: siteClassRows(sites, school.lops, pupils.values(), notes),
        dnLophss: classLines(school.lops, pupils.values()),
        dnCsvcdientichdats: landLines(facilities),
        dnCsvcphonghocs: classroomLines(facilities),
        dnCsvcnhavesinhs: toiletLines(facilities),
      },
      notes: notes.list().filter((n) => n.count > 0 || n.code.startsWith('no-')),
    };
  }

  // Mid-year and end of year: every pupil of the records (also those who left since) for the
  // girls/minority/mixed/disabled columns of their assessments.
  const pupils = pupilFacts(school, classes, new Set(), codes, notes);
  const period = options.kyDanhGia ?? (options.period === 'giua-nam' ? 'CK1' : 'CN');
  const assessments = school.danhGias.filter((a) => a.namHoc === namHoc && a.kyDanhGia === period);
  if (assessments.length === 0) {
    notes.add(
      'no-assessments',
      `No TT27 assessments of period ${period} in school year ${namHoc}: the quality and test tables are empty.`,
      0,
    );
  }
  const { quality, tests } = qualityLines(assessments, pupils, notes);
  notes.add(
    'no-professional-activities',
    'Community professional activities and training modules (EQMSGN.2.3, 2.4) are not reported: no record holds them.',
    0,
  );
  const list = notes.list();
  if (options.period === 'giua-nam') {
    return {
      period: 'giua-nam',
      namHoc,
      report: {
        truongId: school.truongId,
        gnDghss: quality,
        gnDiems: tests,
        gnCmcd1s: [],
        gnCmcd2s: [],
      },
      notes: list,
    };
  }
  return {
    period: 'cuoi-nam',
    namHoc,
    report: {
      truongId: school.truongId,
      cnDghss: quality,
      cnDiems: tests,
      cnCmcd1s: [],
      cnCmcd2s: [],
    },
    notes: list,
  };
}

/** Teachers at work on `asOf`. */
function teachersOf(canBos: readonly CanBo[], asOf: string, options: EqmsOptions): CanBo[] {
  const working = new Set(options.workingStaffStatuses ?? ['DANG_LAM_VIEC']);
  const groups = new Set(options.teacherGroups ?? ['GIAO_VIEN']);
  return canBos.filter(
    (c) =>
      (c.maTrangThaiCanBo === undefined || working.has(c.maTrangThaiCanBo)) &&
      c.maNhomCanBo !== undefined &&
      groups.has(c.maNhomCanBo) &&
      (c.ngayTuyenDung === undefined || c.ngayTuyenDung <= asOf) &&
      (c.ngayChuyenDen === undefined || c.ngayChuyenDen <= asOf),
  );
}
