import { isIsoDate } from '@eduvn/text';
import { perRecord } from '../core/record-scope.ts';
import type { DatasetRule, RecordRule, Rule } from '../core/rule.ts';
import { defineRule } from '../core/rule.ts';
import type { InputRecord, Provenance, RuleSettings } from '../core/types.ts';
import { isActivePupil } from '../lifecycle/active.ts';

// TT 28/2020/TT-BGDĐT (primary school charter). Art. 33 for entry age is verified (domain facts §5);
// the article of the 35-pupil class limit is unsure, hence no article in its basis.
const ART_33 = 'TT 28/2020 Art. 33';
const TT28 = 'TT 28/2020';

/** The status of pupils who completed primary school (eduvn code of `DM_TRANG_THAI_HOC_SINH`). */
const COMPLETED_PRIMARY = 'HOAN_THANH_TIEU_HOC';

/** The grade-1 entry age by calendar year (TT 28/2020 Art. 33, V). */
export const GRADE_1_ENTRY_AGE = 6;

/** At most this many years late for the groups Art. 33 lists (V); more needs a recorded decision. */
export const MAX_YEARS_LATE = 3;

/**
 * The recorded reason, if any, that TT 28/2020 Art. 33 accepts for entering up to 3 years late:
 *
 * - a disability: `maLoaiKhuyetTat` recorded, or `isKhuyetTatKhongDanhGia` true (V);
 * - an ethnic minority: `maDanToc` recorded and not `'01'` (Kinh in QĐ 121-TCTK/PPCĐ, the code
 *   system of DM_DAN_TOC) (V);
 * - a child of foreigners in Vietnam: `quocTichId` a two-letter code other than `'VN'` (U: the
 *   nationality code system is not published; ISO 3166 alpha-2 assumed, other forms are ignored);
 * - an especially difficult area: `isVungKk` true (U: the field says "vùng khó khăn", broader than
 *   Art. 33's "đặc biệt khó khăn").
 *
 * Art. 33's other groups — weak physical or mental development, orphans with no one to rely on,
 * children returning from abroad — have no field in QĐ 4998's pupil table (`maDienChinhSach`
 * might hold an orphan category, but its codes are not published): such pupils get the query
 * `TT28.AGE.002`, to be acknowledged with the reason.
 *
 * Returns the field holding the reason, or `undefined`.
 */
export function lateEntryReason(record: Readonly<Record<string, unknown>>): string | undefined {
  const disability = record['maLoaiKhuyetTat'];
  if (typeof disability === 'string' && disability.trim() !== '') return 'maLoaiKhuyetTat';
  if (record['isKhuyetTatKhongDanhGia'] === true) return 'isKhuyetTatKhongDanhGia';
  const ethnicity = record['maDanToc'];
  if (typeof ethnicity === 'string' && ethnicity.trim() !== '' && ethnicity.trim() !== '01')
    return 'maDanToc';
  const nationality = record['quocTichId'];
  if (
    typeof nationality === 'string' &&
    /^[A-Za-z]{2}$/.test(nationality) &&
    nationality.toUpperCase() !== 'VN'
  ) {
    return 'quocTichId';
  }
  if (record['isVungKk'] === true) return 'isVungKk';
  return undefined;
}

/** A pupil's age facts for TT28 (see {@link ageFacts}). */
export interface AgeFacts {
  /** The grade 1–5 (`maKhoi`). */
  readonly grade: number;
  /** The age by calendar year: the school year's first year minus the birth year. */
  readonly age: number;
  /** The normal age of the grade: 6 + (grade − 1). */
  readonly normalAge: number;
  /** `age − normalAge`: negative when younger, positive when older. */
  readonly offset: number;
  /** Years late after the one year a repeat recorded in `isLuuBanNamTruoc` explains (never < 0). */
  readonly yearsLate: number;
}

/**
 * The age facts of a pupil record in the school year starting in `startYear`, or `undefined`
 * when it has no grade `'1'`…`'5'` in `maKhoi`, no ISO birth date, or the status
 * `HOAN_THANH_TIEU_HOC` (completed primary school: its grade is history). Pupils who transferred
 * out or dropped out are checked too — their record still states the grade they were in — so a
 * record of a pupil who left in an **earlier** school year, still carrying that year's grade, shows
 * as older: acknowledge it, or leave such records out of the input.
 *
 * The age is counted by calendar year (`startYear − birthYear`, TT 28/2020 Art. 33, V). Art. 33
 * sets grade-1 entry at 6; for grade g the normal age is taken as 6 + (g − 1), i.e. entry on time
 * and a grade a year (an eduvn generalization). `isLuuBanNamTruoc` (repeated last year) explains
 * one extra year; earlier repeats are not recorded and show as lateness.
 */
export function ageFacts(
  record: Readonly<Record<string, unknown>>,
  startYear: number,
): AgeFacts | undefined {
  return readAgeFacts(record, startYear, { ...NO_FACTS });
}

/** {@link AgeFacts} being filled. */
type MutableAgeFacts = { -readonly [K in keyof AgeFacts]: AgeFacts[K] };

const NO_FACTS: AgeFacts = { grade: 0, age: 0, normalAge: 0, offset: 0, yearsLate: 0 };

/** {@link ageFacts}, written into `out` (returned), or `undefined`. */
function readAgeFacts(
  record: Readonly<Record<string, unknown>>,
  startYear: number,
  out: MutableAgeFacts,
): AgeFacts | undefined {
  if (record['maTrangThaiHienTai'] === COMPLETED_PRIMARY) return undefined;
  const khoi = record['maKhoi'];
  if (typeof khoi !== 'string') return undefined;
  // One digit 1–5 once trimmed (what /^[1-5]$/ accepts).
  const trimmed = khoi.length === 1 ? khoi : khoi.trim();
  if (trimmed.length !== 1) return undefined;
  const digit = trimmed.charCodeAt(0) - 0x30;
  if (digit < 1 || digit > 5) return undefined;
  const birth = record['ngaySinh'];
  if (!isIsoDate(birth)) return undefined;
  const grade = digit;
  // The year's four digits (an ISO date).
  const year =
    1000 * (birth.charCodeAt(0) - 0x30) +
    100 * (birth.charCodeAt(1) - 0x30) +
    10 * (birth.charCodeAt(2) - 0x30) +
    (birth.charCodeAt(3) - 0x30);
  const age = startYear - year;
  const normalAge = GRADE_1_ENTRY_AGE + (grade - 1);
  const offset = age - normalAge;
  const repeat = record['isLuuBanNamTruoc'] === true ? 1 : 0;
  out.grade = grade;
  out.age = age;
  out.normalAge = normalAge;
  out.offset = offset;
  out.yearsLate = Math.max(0, offset - repeat);
  return out;
}

/**
 * The one {@link AgeFacts} {@link ageFactsOf} fills: records are checked one at a time, and each
 * age rule reads it before the next record's are computed.
 */
const scratchFacts: MutableAgeFacts = { ...NO_FACTS };

/** The age facts of the record being checked, computed once for the three age rules. */
const ageFactsOf = perRecord((item: InputRecord, settings: RuleSettings) =>
  readAgeFacts(item.record, settings.startYear, scratchFacts),
);

/**
 * `TT28.AGE.001` (error): the pupil is younger than the grade allows: by calendar year, below
 * 6 + (grade − 1) (TT 28/2020 Art. 33: grade-1 entry at 6). Early entry has no exception.
 */
export const pupilTooYoung: RecordRule = defineRule({
  id: 'TT28.AGE.001',
  entity: 'HocSinh',
  scope: 'record',
  evidence: ['maKhoi', 'ngaySinh'],
  severity: 'error',
  basis: ART_33,
  message: {
    vi: 'Học sinh {age} tuổi (tính theo năm) nhỏ hơn tuổi của lớp {grade} ({normal} tuổi)',
    en: 'The pupil is {age} by calendar year, younger than the age of grade {grade} ({normal})',
  },
  hint: {
    vi: 'Kiểm tra ngày sinh và khối lớp; học sinh vào lớp 1 ở tuổi 6 tính theo năm',
    en: 'Check the birth date and the grade: pupils enter grade 1 at 6 by calendar year',
  },
  check(item, ctx) {
    const f = ageFactsOf(item, ctx.settings);
    if (!f || f.offset >= 0) return;
    ctx.report({ field: 'ngaySinh', params: { age: f.age, grade: f.grade, normal: f.normalAge } });
  },
});

/**
 * `TT28.AGE.002` (query): the pupil is 1–3 years older than the grade's age (after the year a
 * recorded repeat explains) and no reason Art. 33 accepts is recorded (see {@link lateEntryReason}
 * for the fields that count). Acknowledge it with the reason when it is one no field records (weak
 * development, an orphan, a return from abroad, an earlier repeat).
 */
export const pupilOlderWithoutReason: RecordRule = defineRule({
  id: 'TT28.AGE.002',
  entity: 'HocSinh',
  scope: 'record',
  evidence: ['maKhoi', 'ngaySinh'],
  severity: 'query',
  basis: ART_33,
  message: {
    vi: 'Học sinh {age} tuổi (tính theo năm), lớn hơn {years} tuổi so với tuổi của lớp {grade} ({normal} tuổi), nhưng không ghi nhận lý do được phép',
    en: 'The pupil is {age} by calendar year, {years} year(s) older than the age of grade {grade} ({normal}), with no reason Art. 33 accepts recorded',
  },
  hint: {
    vi: 'Ghi nhận lý do (khuyết tật, dân tộc thiểu số, vùng đặc biệt khó khăn, mồ côi, từ nước ngoài về, lưu ban…) hoặc sửa ngày sinh',
    en: 'Record the reason (disability, ethnic minority, especially difficult area, orphan, returned from abroad, a repeated year…) or correct the birth date',
  },
  check(item, ctx) {
    const f = ageFactsOf(item, ctx.settings);
    if (!f || f.offset < 0 || f.yearsLate < 1 || f.yearsLate > MAX_YEARS_LATE) return;
    if (lateEntryReason(item.record) !== undefined) return;
    ctx.report({
      field: 'ngaySinh',
      params: { age: f.age, grade: f.grade, normal: f.normalAge, years: f.yearsLate },
    });
  },
});

/**
 * `TT28.AGE.003` (error): the pupil is more than 3 years older than the grade's age (after the
 * year a recorded repeat explains): Art. 33 allows at most 3 years late even for the listed groups;
 * more needs a recorded decision (for grade 1: 10 or older). **No field records such a decision**:
 * where one exists, override this rule's severity to `'query'` (`rules.severity`) and acknowledge
 * the pupil with the decision's reference.
 */
export const pupilFarTooOld: RecordRule = defineRule({
  id: 'TT28.AGE.003',
  entity: 'HocSinh',
  scope: 'record',
  evidence: ['maKhoi', 'ngaySinh'],
  severity: 'error',
  basis: ART_33,
  message: {
    vi: 'Học sinh {age} tuổi (tính theo năm), lớn hơn {years} tuổi so với tuổi của lớp {grade} ({normal} tuổi): quá 3 tuổi cần có quyết định',
    en: 'The pupil is {age} by calendar year, {years} years older than the age of grade {grade} ({normal}): more than 3 years needs a recorded decision',
  },
  hint: {
    vi: 'Kiểm tra ngày sinh và khối lớp; nếu có quyết định cho phép, ghi nhận kèm số quyết định',
    en: 'Check the birth date and the grade; if a decision allows it, acknowledge with the decision reference',
  },
  check(item, ctx) {
    const f = ageFactsOf(item, ctx.settings);
    if (!f || f.yearsLate <= MAX_YEARS_LATE) return;
    ctx.report({
      field: 'ngaySinh',
      params: { age: f.age, grade: f.grade, normal: f.normalAge, years: f.yearsLate },
    });
  },
});

/** What {@link classOverSize} keeps per class: a count, and where the class record came from. */
export interface ClassTally {
  /** Active pupils seen. */
  pupils: number;
  /** The class code. */
  readonly ma: string;
  /** The class record's provenance, once seen. */
  provenance?: Provenance;
}

/** The class {@link classOverSize} counted last, and the state it belongs to. */
let lastClass:
  | {
      readonly state: Map<string, ClassTally>;
      readonly truongId: unknown;
      readonly ma: string;
      readonly tally: ClassTally;
    }
  | undefined;

/**
 * `TT28.CLASS.001` (query, on the class): more active pupils (see `isActivePupil`) than
 * `settings.maxClassSize` (default 35, TT 28/2020; the article number is unsure). Many city classes
 * exceed it: a query, to be acknowledged (e.g. with the Phòng GD&ĐT's approval). Pupils are matched
 * to the class by `truongId` and `maLop`; the issue names the class `truongId/ma` and points at the
 * class record when it was in the input. Keeps one count per class.
 */
export const classOverSize: DatasetRule<Map<string, ClassTally>> = defineRule({
  id: 'TT28.CLASS.001',
  entity: ['HocSinh', 'Lop'],
  scope: 'dataset',
  evidence: { HocSinh: ['maLop'], Lop: ['ma'] },
  severity: 'query',
  basis: TT28,
  message: {
    vi: 'Lớp {class} có {count} học sinh, vượt sĩ số tối đa {max}',
    en: 'Class {class} has {count} pupils, more than the maximum of {max}',
  },
  hint: {
    vi: 'Kiểm tra trạng thái học sinh (chuyển đi, thôi học) và mã lớp; nếu đúng, ghi nhận kèm lý do hoặc văn bản cho phép',
    en: 'Check pupil statuses (transferred out, dropped out) and class codes; if correct, acknowledge with the reason or approval',
  },
  init: () => new Map(),
  collect(item, state) {
    const r = item.record;
    const isClass = item.entity === 'Lop';
    const ma = isClass ? r['ma'] : r['maLop'];
    if (typeof ma !== 'string' || ma === '') return;
    if (!isClass && !isActivePupil(r)) return;
    const truongId = r['truongId'];
    // Pupils of a class come one after another: the same school and class code, the same tally.
    let tally =
      lastClass?.state === state && lastClass.truongId === truongId && lastClass.ma === ma
        ? lastClass.tally
        : undefined;
    if (!tally) {
      const key = `${typeof truongId === 'string' && truongId !== '' ? truongId : '?'}/${ma}`;
      tally = state.get(key);
      if (!tally) {
        tally = { pupils: 0, ma };
        state.set(key, tally);
      }
      lastClass = { state, truongId, ma, tally };
    }
    if (isClass) {
      if (item.provenance && !tally.provenance) tally.provenance = item.provenance;
    } else {
      tally.pupils++;
    }
  },
  finish(state, ctx) {
    if (lastClass?.state === state) lastClass = undefined;
    const max = ctx.settings.maxClassSize;
    for (const [key, tally] of state) {
      if (tally.pupils <= max) continue;
      ctx.report({
        target: {
          entity: 'Lop',
          recordKey: key,
          classCode: tally.ma,
          ...(tally.provenance ? { provenance: tally.provenance } : {}),
        },
        params: { class: tally.ma, count: tally.pupils, max },
      });
    }
  },
});

/**
 * The TT28 rules (Thông tư 28/2020/TT-BGDĐT, primary school charter): pupils' ages against their
 * grade (Art. 33) and class sizes.
 */
export const tt28Rules: readonly Rule[] = [
  pupilTooYoung,
  pupilOlderWithoutReason,
  pupilFarTooOld,
  classOverSize,
];
