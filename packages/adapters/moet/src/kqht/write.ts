import { type CellInput, writeXlsx } from '@eduvn/adapter-kit';
import { formatVnDate, isIsoDate } from '@eduvn/text';
import { KQHT_TRAIT_FIELDS, type KqhtLayout, type KqhtValue, traitsOf } from './layout.ts';
import type { KqhtContext, KqhtPupil } from './options.ts';

/** One reason a record cannot be written. */
export interface KqhtWriteProblem {
  /** The record's 0-based index in the request. */
  readonly record: number;
  /** The field (`'monHocs[2].diemKtdk'`), when the problem is a field's. */
  readonly field?: string;
  /** What is wrong and what to do, in English; never a personal value. */
  readonly problem: string;
}

/**
 * The KQHT writer refuses records it cannot write exactly: it throws this error listing every
 * problem (a missing required field, a level that is not T/H/C or T/Đ/C, a score that is not a
 * whole number 0–10, a subject or competency the layout has no column for, a test score in a
 * period without that test, end-of-year values before the end of the year, a record of another
 * grade, period, year or school). Nothing is written until every record is right.
 */
export class KqhtWriteError extends Error {
  /** Always `'KqhtWriteError'`. */
  override readonly name = 'KqhtWriteError';
  /** Every problem found. */
  readonly problems: readonly KqhtWriteProblem[];

  /** An error listing `problems`. */
  constructor(problems: readonly KqhtWriteProblem[]) {
    const shown = problems
      .slice(0, 5)
      .map((p) => `record ${p.record}${p.field === undefined ? '' : ` ${p.field}`}: ${p.problem}`);
    const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
    super(
      `Cannot write the KQHT file: ${problems.length} problem${problems.length === 1 ? '' : 's'}. ${shown.join('; ')}${more}.`,
    );
    this.problems = Object.freeze([...problems]);
  }
}

const SUBJECT_LEVELS = new Set(['T', 'H', 'C']);
const TRAIT_LEVELS = new Set(['T', 'Đ', 'C']);
const RESULTS = new Set(['HTXS', 'HTT', 'HT', 'CHT']);
const END_OF_YEAR = ['ketQuaCuoiNam', 'hoanThanhChuongTrinhLopHoc', 'lenLop'] as const;

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * Whether the catalog lets grade `khoi` take a test in `code` in the context's period: at the end of
 * a semester or year by the subject's `testGrades`, at mid-semester by its `midTermTestGrades`
 * (a subject without it has no mid-semester test). A subject the catalog does not know, or without
 * `testGrades`, is not checked.
 */
function hasTest(context: KqhtContext, code: string): boolean {
  const attributes = context.catalogs.lookup('DM_MON_HOC_TIEU_HOC', code)?.entry.attributes;
  if (attributes === undefined) return true;
  const midTerm = context.kyDanhGia === 'GK1' || context.kyDanhGia === 'GK2';
  const grades = attributes[midTerm ? 'midTermTestGrades' : 'testGrades'];
  if (grades === undefined) return !midTerm;
  return Array.isArray(grades) && grades.includes(String(context.khoi));
}

/** The problems of one record. */
function check(
  record: Readonly<Record<string, unknown>>,
  index: number,
  context: KqhtContext,
): KqhtWriteProblem[] {
  const problems: KqhtWriteProblem[] = [];
  const add = (field: string | undefined, problem: string): void => {
    problems.push(
      field === undefined ? { record: index, problem } : { record: index, field, problem },
    );
  };
  const { layout } = context;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    add(undefined, 'is not a DanhGiaHocSinh record object');
    return problems;
  }
  for (const field of ['hocSinhId', 'maLop'] as const) {
    if (!isText(record[field])) {
      add(
        field,
        `is required: the ${field === 'hocSinhId' ? 'pupil code of the national database' : 'class code'}, as text`,
      );
    }
  }
  const form: [string, unknown, string][] = [
    ['truongId', context.truongId, 'school'],
    ['namHoc', context.namHoc, 'school year'],
    ['kyDanhGia', context.kyDanhGia, 'period'],
    ['khoi', context.khoi, 'grade'],
  ];
  for (const [field, expected, what] of form) {
    const value = record[field];
    if (value === undefined || value === null) {
      add(field, `is required (the ${what}: ${JSON.stringify(expected)} for this file)`);
    } else if (value !== expected) {
      add(
        field,
        `is not this file's ${what} ${JSON.stringify(expected)}: a KQHT file holds one grade, period, school year and school, chosen in the upload form; write one file per ${what}`,
      );
    }
  }

  const monHocs = record['monHocs'];
  if (!Array.isArray(monHocs)) {
    add('monHocs', 'is required: a list of subject results (it may be empty)');
  } else {
    const seen = new Set<string>();
    monHocs.forEach((row: unknown, i) => {
      const at = `monHocs[${i}]`;
      if (typeof row !== 'object' || row === null) {
        add(at, 'is not a subject result { maMonHoc, mucDat, diemKtdk? }');
        return;
      }
      const { maMonHoc, mucDat, diemKtdk } = row as Record<string, unknown>;
      const subject = layout.subjects.find((s) => s.code === maMonHoc);
      if (typeof maMonHoc !== 'string' || subject === undefined) {
        add(
          `${at}.maMonHoc`,
          `is not a subject of the ${layout.id} layout (${layout.subjects.map((s) => s.code).join(', ')}): the file has no column for it`,
        );
        return;
      }
      if (seen.has(maMonHoc)) add(`${at}.maMonHoc`, `${maMonHoc} appears twice`);
      seen.add(maMonHoc);
      if (mucDat === undefined) add(`${at}.mucDat`, 'is required: T, H or C');
      else if (typeof mucDat !== 'string' || !SUBJECT_LEVELS.has(mucDat)) {
        add(`${at}.mucDat`, 'must be T (Hoàn thành tốt), H (Hoàn thành) or C (Chưa hoàn thành)');
      }
      if (diemKtdk === undefined) return;
      if (
        typeof diemKtdk !== 'number' ||
        !Number.isInteger(diemKtdk) ||
        diemKtdk < 0 ||
        diemKtdk > 10
      ) {
        add(`${at}.diemKtdk`, 'must be a whole number from 0 to 10');
      } else if (!subject.test) {
        add(`${at}.diemKtdk`, `${maMonHoc} has no Điểm KTĐK column in the ${layout.id} layout`);
      } else if (context.checkTests && !hasTest(context, maMonHoc)) {
        add(
          `${at}.diemKtdk`,
          `grade ${context.khoi} takes no periodic test in ${maMonHoc} at ${context.kyDanhGia} (DM_MON_HOC_TIEU_HOC); remove the score, or give catalogs that say otherwise, or set checkTests: false`,
        );
      }
    });
  }

  const traits = new Set(traitsOf(layout).map((t) => t.field));
  for (const field of KQHT_TRAIT_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (!traits.has(field)) {
      add(field, `has no column in the ${layout.id} layout (grades ${layout.grades.join(', ')})`);
    } else if (typeof value !== 'string' || !TRAIT_LEVELS.has(value)) {
      add(field, 'must be T (Tốt), Đ (Đạt, U+0110) or C (Cần cố gắng)');
    }
  }

  const result = record['ketQuaCuoiNam'];
  if (result !== undefined && (typeof result !== 'string' || !RESULTS.has(result))) {
    add('ketQuaCuoiNam', 'must be HTXS, HTT, HT or CHT');
  }
  for (const field of ['hoanThanhChuongTrinhLopHoc', 'lenLop'] as const) {
    const value = record[field];
    if (value !== undefined && typeof value !== 'boolean') add(field, 'must be true or false');
  }
  if (context.kyDanhGia !== 'CN') {
    for (const field of END_OF_YEAR) {
      const value = record[field];
      if (value !== undefined && value !== false) {
        add(
          field,
          `is an end-of-year value: the ${context.kyDanhGia} file has none (leave it out)`,
        );
      }
    }
  }
  return problems;
}

/** The pupils by code, for the name and birth-date columns. */
function pupilIndex(pupils: Iterable<KqhtPupil> | undefined): Map<string, KqhtPupil> {
  const index = new Map<string, KqhtPupil>();
  if (pupils === undefined) return index;
  if (typeof (pupils as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(
      'KQHT writer: options.pupils must be an iterable of { hocSinhId, hoTen, ngaySinh }',
    );
  }
  for (const pupil of pupils) {
    if (typeof pupil === 'object' && pupil !== null && typeof pupil.hocSinhId === 'string') {
      index.set(pupil.hocSinhId, pupil);
    }
  }
  return index;
}

/** The cell of one column for one record. */
function cellOf(
  value: KqhtValue,
  record: Readonly<Record<string, unknown>>,
  index: number,
  pupil: KqhtPupil | undefined,
): CellInput {
  switch (value) {
    case 'stt':
      return index + 1;
    case 'maLop':
    case 'hocSinhId':
      return { text: String(record[value]) };
    case 'hoTen':
      return typeof pupil?.hoTen === 'string' && pupil.hoTen !== '' ? pupil.hoTen : null;
    case 'ngaySinh':
      return typeof pupil?.ngaySinh === 'string' && isIsoDate(pupil.ngaySinh)
        ? { text: formatVnDate(pupil.ngaySinh) }
        : null;
    case 'hoanThanhChuongTrinhLopHoc':
    case 'lenLop':
      return record[value] === true ? 'x' : null;
    case 'ketQuaCuoiNam':
      return typeof record[value] === 'string' ? (record[value] as string) : null;
    case 'blank':
      return null;
    default: {
      const [kind, code] = value.split(':');
      if (code !== undefined) {
        const monHocs = record['monHocs'] as readonly Record<string, unknown>[];
        const row = monHocs.find((m) => m['maMonHoc'] === code);
        const cell = row?.[kind === 'mucDat' ? 'mucDat' : 'diemKtdk'];
        return typeof cell === 'string' || typeof cell === 'number' ? cell : null;
      }
      const trait = record[value];
      return typeof trait === 'string' ? trait : null;
    }
  }
}

/** Column widths of a layout: the pupil columns wider. */
function widths(layout: KqhtLayout): { width: number }[] {
  const wide: Partial<Record<KqhtValue, number>> = {
    stt: 5,
    maLop: 8,
    hocSinhId: 16,
    hoTen: 24,
    ngaySinh: 11,
    hoanThanhChuongTrinhLopHoc: 14,
  };
  return layout.columns.map((c) => ({ width: wide[c.value] ?? 8 }));
}

/**
 * Writes `DanhGiaHocSinh` records as the KQHT import file of one grade and period: one sheet
 * (`Sheet1`) under the template's three merged header rows, one row per record in the given order
 * (`STT` numbered from 1), codes and IDs as text, levels as their letters, scores as numbers, the
 * `x` marks, and never a formula (text that looks like one is written so that it stays text).
 *
 * @throws KqhtWriteError listing every record that cannot be written exactly
 */
export function writeKqht(
  records: readonly Readonly<Record<string, unknown>>[],
  context: KqhtContext,
  pupils?: Iterable<KqhtPupil>,
): Uint8Array {
  if (!Array.isArray(records)) {
    throw new TypeError('KQHT writer: records must be an array of DanhGiaHocSinh records');
  }
  const byCode = pupilIndex(pupils);
  const problems = records.flatMap((r, i) => check(r, i, context));
  if (problems.length > 0) throw new KqhtWriteError(problems);
  const { layout } = context;
  const rows: CellInput[][] = [
    ...layout.headerRows.map((row) => [...row]),
    ...records.map((record, i) =>
      layout.columns.map((c) =>
        cellOf(c.value, record, i, byCode.get(String(record['hocSinhId']))),
      ),
    ),
  ];
  return writeXlsx([{ name: 'Sheet1', rows, merges: layout.merges, columns: widths(layout) }]);
}
