import {
  DanhGiaHocSinh,
  type EqmsChatLuongGiaoDuc,
  type EqmsDiemKiemTraDinhKy,
  fieldsOf,
} from '@eduvn/standard';
import type { Notes } from './input.ts';
import { own } from './own.ts';
import { GRADES, type Grade, gradeOf, type PupilFacts } from './people.ts';

/** The competency and quality fields of a TT27 assessment (`NL_…`, `PC_…`), with their symbols. */
const COMPETENCIES = fieldsOf(DanhGiaHocSinh).filter(
  (f) => f.symbol.startsWith('NL_') || f.symbol.startsWith('PC_'),
);

type Line = Record<string, number>;

/** Lines keyed by report-line code, each with the grade columns of EQMSGN.2.1/2.2. */
class Lines {
  readonly #lines = new Map<string, Line>();

  count(code: string, grade: Grade, p: Facts): void {
    let line = this.#lines.get(code);
    if (line === undefined) {
      line = { tongSo: 0 };
      for (const g of GRADES) {
        for (const k of ['TongSo', 'Nu', 'DanToc', 'NuDanToc', 'LopGhep', 'KhuyetTat'])
          line[`lop${g}${k}`] = 0;
      }
      this.#lines.set(code, line);
    }
    const inc = (k: string, yes: boolean) => {
      if (yes) line[k] = (line[k] ?? 0) + 1;
    };
    inc('tongSo', true);
    inc(`lop${grade}TongSo`, true);
    inc(`lop${grade}Nu`, p.female);
    inc(`lop${grade}DanToc`, p.minority);
    inc(`lop${grade}NuDanToc`, p.female && p.minority);
    inc(`lop${grade}LopGhep`, p.mixed);
    inc(`lop${grade}KhuyetTat`, p.disabled);
  }

  /** `TONG_SO` first, then by code. */
  list<T>(): T[] {
    return [...this.#lines]
      .sort(([a], [b]) => (a === 'TONG_SO' ? -1 : b === 'TONG_SO' ? 1 : a < b ? -1 : a > b ? 1 : 0))
      .map(([maBaoCao, counts]) => ({ maBaoCao, ...counts }) as T);
  }
}

type Facts = Pick<PupilFacts, 'female' | 'minority' | 'mixed' | 'disabled'>;
const UNKNOWN: Facts = { female: false, minority: false, mixed: false, disabled: false };

const ASCII_LEVEL: Readonly<Record<string, string>> = { T: 'T', Đ: 'D', C: 'C', H: 'H' };

/** Score bands of the periodic tests (TT27 scores are whole numbers 0–10). */
function band(score: number): string {
  if (score >= 9) return 'DIEM_9_10';
  if (score >= 7) return 'DIEM_7_8';
  if (score >= 5) return 'DIEM_5_6';
  return 'DUOI_5';
}

/**
 * EQMSGN.2.1 and 2.2 from the TT27 assessments of one period, each line counting pupils in total
 * and by grade, with girls, ethnic minority, ethnic-minority girls, pupils in mixed-grade classes
 * and pupils with a disability. The specification gives no line codes; eduvn's are:
 *
 * - EQMSGN.2.1 (education quality): `TONG_SO` pupils assessed; `MON.<subject>.<T|H|C>` subject
 *   levels; `<NL_…|PC_…>.<T|D|C>` competencies and qualities (D for Đ); at the end of the year
 *   `KET_QUA.<HTXS|HTT|HT|CHT>`, `HOAN_THANH_CHUONG_TRINH_LOP_HOC`, `LEN_LOP`,
 *   `HOAN_THANH_CHUONG_TRINH_TIEU_HOC` and `KHEN_THUONG.<code>`;
 * - EQMSGN.2.2 (periodic tests): `<subject>.TONG_SO` pupils with a score and
 *   `<subject>.<DIEM_9_10|DIEM_7_8|DIEM_5_6|DUOI_5>`.
 *
 * The grade is the assessment's (`khoi`), else the pupil's. An assessment whose pupil is not in
 * the records is counted in totals and grades only (and noted).
 */
export function qualityLines(
  assessments: readonly DanhGiaHocSinh[],
  pupils: ReadonlyMap<string, PupilFacts>,
  notes: Notes,
): { quality: EqmsChatLuongGiaoDuc[]; tests: EqmsDiemKiemTraDinhKy[] } {
  const quality = new Lines();
  const tests = new Lines();
  for (const a of assessments) {
    const pupil = pupils.get(a.hocSinhId);
    const grade = gradeOf(a.khoi) ?? pupil?.grade;
    if (grade === undefined) {
      notes.add('assessment-without-grade', 'Assessments without a grade 1–5 were left out.');
      continue;
    }
    if (pupil === undefined) {
      notes.add(
        'assessment-without-pupil',
        'Assessments of pupils not in the records count in totals and grades only (not as girls, minority, mixed-grade or disabled).',
      );
    }
    const facts = pupil ?? UNKNOWN;
    quality.count('TONG_SO', grade, facts);
    for (const m of a.monHocs) {
      if (m.mucDat !== undefined) quality.count(`MON.${m.maMonHoc}.${m.mucDat}`, grade, facts);
      if (m.diemKtdk !== undefined) {
        tests.count(`${m.maMonHoc}.TONG_SO`, grade, facts);
        tests.count(`${m.maMonHoc}.${band(m.diemKtdk)}`, grade, facts);
      }
    }
    const record = a as unknown as Record<string, unknown>;
    for (const f of COMPETENCIES) {
      const level = record[f.name];
      const ascii = typeof level === 'string' ? own(ASCII_LEVEL, level) : undefined;
      if (ascii !== undefined) quality.count(`${f.symbol}.${ascii}`, grade, facts);
    }
    if (a.ketQuaCuoiNam !== undefined) quality.count(`KET_QUA.${a.ketQuaCuoiNam}`, grade, facts);
    if (a.hoanThanhChuongTrinhLopHoc === true)
      quality.count('HOAN_THANH_CHUONG_TRINH_LOP_HOC', grade, facts);
    if (a.lenLop === true) quality.count('LEN_LOP', grade, facts);
    if (a.hoanThanhChuongTrinhTieuHoc === true) {
      quality.count('HOAN_THANH_CHUONG_TRINH_TIEU_HOC', grade, facts);
    }
    if (a.khenThuong !== undefined) quality.count(`KHEN_THUONG.${a.khenThuong}`, grade, facts);
  }
  return { quality: quality.list(), tests: tests.list() };
}
