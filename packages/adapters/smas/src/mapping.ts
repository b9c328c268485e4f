import { type ColumnSpec, column, defineMapping, type Mapping } from '@eduvn/adapter-kit';
import { matchKey } from '@eduvn/text';
import {
  LEVEL_HEADERS,
  levelExtra,
  SCORE_HEADERS,
  SMAS_SUBJECTS,
  type SmasSubject,
  scoreExtra,
} from './subjects.ts';
import { gradeOfClass } from './title.ts';
import { SMAS_TRAITS, type SmasTraitField, traitPaths } from './traits.ts';
import { SMAS_LAYOUT_VERSION } from './version.ts';

/** The header texts of the columns other than subjects and traits; the first is canonical. */
export interface SmasHeaders {
  /** The row number (`STT`): helps find the header; not kept. */
  readonly stt: readonly string[];
  /** The pupil's code → `hocSinhId` (required). */
  readonly hocSinhId: readonly string[];
  /** The pupil's name: helps find the header; not kept (the assessment record has no name). */
  readonly hoTen: readonly string[];
  /** The birth date: helps find the header; not kept. */
  readonly ngaySinh: readonly string[];
  /** The class, in whole-school exports → `maLop` (and `khoi` when the name starts with it). */
  readonly maLop: readonly string[];
  /** The teacher's comment → `nhanXet` (sensitive: never quoted in issues). */
  readonly nhanXet: readonly string[];
  /** The end-of-year result (`HTXS`/`HTT`/`HT`/`CHT` or the words) → `ketQuaCuoiNam`. */
  readonly ketQuaCuoiNam: readonly string[];
  /** Completed the grade (`x`) → `hoanThanhChuongTrinhLopHoc`. */
  readonly hoanThanhChuongTrinhLopHoc: readonly string[];
  /** Promoted (`x`) → `lenLop`. */
  readonly lenLop: readonly string[];
  /** Completed primary school (`x`, grade 5) → `hoanThanhChuongTrinhTieuHoc`. */
  readonly hoanThanhChuongTrinhTieuHoc: readonly string[];
  /** The award (`Học sinh Xuất sắc`, `Học sinh Tiêu biểu…`) → `khenThuong`. */
  readonly khenThuong: readonly string[];
}

const headers = (...texts: string[]): readonly string[] => Object.freeze(texts);

/** The header texts of the columns other than subjects and traits; the first is canonical. */
export const SMAS_HEADERS: SmasHeaders = Object.freeze({
  stt: headers('STT', 'TT', 'Số TT', 'Số thứ tự'),
  hocSinhId: headers('Mã học sinh', 'Mã HS', 'Mã số học sinh'),
  hoTen: headers('Họ và tên', 'Họ tên', 'Họ và tên học sinh'),
  ngaySinh: headers('Ngày sinh', 'Ngày tháng năm sinh'),
  maLop: headers('Lớp', 'Mã lớp', 'Tên lớp'),
  nhanXet: headers('Nhận xét', 'Nhận xét chung', 'Nhận xét của giáo viên'),
  ketQuaCuoiNam: headers('Xếp loại', 'Kết quả giáo dục', 'Kết quả cuối năm'),
  hoanThanhChuongTrinhLopHoc: headers(
    'Hoàn thành chương trình lớp học',
    'Hoàn thành CT lớp học',
    'HTCT lớp học',
  ),
  lenLop: headers('Lên lớp'),
  hoanThanhChuongTrinhTieuHoc: headers(
    'Hoàn thành chương trình tiểu học',
    'Hoàn thành CT tiểu học',
    'HTCT tiểu học',
  ),
  khenThuong: headers('Khen thưởng', 'Danh hiệu', 'Danh hiệu khen thưởng'),
});

/** Every way the layout writes a subject's level header, as paths, canonical first. */
export function levelPaths(subject: SmasSubject): string[][] {
  const paths: string[][] = [];
  for (const name of subject.names) for (const level of LEVEL_HEADERS) paths.push([name, level]);
  for (const name of subject.names) paths.push([name]);
  return paths;
}

/** Every way the layout writes a subject's score header, as paths, canonical first. */
export function scorePaths(subject: SmasSubject): string[][] {
  const paths: string[][] = [];
  for (const name of subject.names) for (const score of SCORE_HEADERS) paths.push([name, score]);
  for (const name of subject.names) paths.push([`Điểm ${name}`]);
  return paths;
}

/** End-of-year results by key: the codes and the words of TT27 Art. 9. */
const RESULTS: ReadonlyMap<string, string> = new Map([
  ['htxs', 'HTXS'],
  ['hoan thanh xuat sac', 'HTXS'],
  ['htt', 'HTT'],
  ['hoan thanh tot', 'HTT'],
  ['ht', 'HT'],
  ['hoan thanh', 'HT'],
  ['cht', 'CHT'],
  ['chua hoan thanh', 'CHT'],
]);

/** The award titles' keys and their codes (the long title of HS_TIEU_BIEU is matched by start). */
const AWARDS: readonly (readonly [string, string])[] = [
  ['hs xuat sac', 'HS_XUAT_SAC'],
  ['hoc sinh xuat sac', 'HS_XUAT_SAC'],
  ['xuat sac', 'HS_XUAT_SAC'],
  ['hs tieu bieu', 'HS_TIEU_BIEU'],
  ['hoc sinh tieu bieu', 'HS_TIEU_BIEU'],
  ['tieu bieu', 'HS_TIEU_BIEU'],
];

/**
 * The `ketQuaCuoiNam` code of a written result (`HTT`, `Hoàn thành tốt`, any case), or the text
 * unchanged when it is none of them (validation then reports it).
 */
export function resultCode(text: string): string {
  return RESULTS.get(matchKey(text)) ?? text;
}

/**
 * The `khenThuong` code of a written award (`Học sinh Xuất sắc`, `HS_TIEU_BIEU`, `Học sinh Tiêu
 * biểu hoàn thành tốt trong học tập và rèn luyện`), or the text unchanged when it is none of them.
 */
export function awardCode(text: string): string {
  const key = matchKey(text);
  for (const [start, code] of AWARDS) {
    if (key === start || key.startsWith(`${start} `)) return code;
  }
  return text;
}

/**
 * Builds the record from the columns: the subjects' level and score columns (extras) become the
 * `monHocs` sub-table in catalog order (a subject with neither value is left out; `monHocs` is
 * always present, possibly empty); results and awards written in words become codes; a class
 * column's name gives the grade when it starts with it (`3A` → 3).
 */
function toRecord(
  record: Record<string, unknown>,
  _row: unknown,
  extras: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const monHocs: Record<string, unknown>[] = [];
  for (const subject of SMAS_SUBJECTS) {
    const mucDat = extras[levelExtra(subject.code)];
    const diemKtdk = subject.tested ? extras[scoreExtra(subject.code)] : undefined;
    if (mucDat === undefined && diemKtdk === undefined) continue;
    monHocs.push({
      maMonHoc: subject.code,
      ...(mucDat === undefined ? {} : { mucDat }),
      ...(diemKtdk === undefined ? {} : { diemKtdk }),
    });
  }
  const out: Record<string, unknown> = { ...record, monHocs };
  const result = record['ketQuaCuoiNam'];
  if (typeof result === 'string') out['ketQuaCuoiNam'] = resultCode(result);
  const award = record['khenThuong'];
  if (typeof award === 'string') out['khenThuong'] = awardCode(award);
  const className = record['maLop'];
  if (typeof className === 'string') {
    const grade = gradeOfClass(className);
    if (grade !== undefined) out['khoi'] = grade;
  }
  return out;
}

function traitColumns(): Record<SmasTraitField, ColumnSpec> {
  const columns = {} as Record<SmasTraitField, ColumnSpec>;
  for (const t of SMAS_TRAITS) columns[t.field] = column({ paths: traitPaths(t) }, 'traitLevel');
  return columns;
}

function subjectExtras(): Record<string, ColumnSpec> {
  const extras: Record<string, ColumnSpec> = {};
  for (const subject of SMAS_SUBJECTS) {
    extras[levelExtra(subject.code)] = column({ paths: levelPaths(subject) }, 'subjectLevel');
    if (subject.tested) {
      extras[scoreExtra(subject.code)] = column({ paths: scorePaths(subject) }, 'integer');
    }
  }
  return extras;
}

/**
 * The mapping of the modelled SMAS layout to `DanhGiaHocSinh`: fields from the pupil's code, the
 * class, the 15 qualities and competencies, the comment and the end-of-year columns; the subjects'
 * level and score columns as extras that the transform turns into `monHocs`; `STT`, `Họ và tên`
 * and `Ngày sinh` as extras that help find the header and are not kept (the standard's assessment
 * record holds no name or birth date: they belong to `HocSinh`). Fields come before extras, so a
 * competency under `Năng lực đặc thù › Khoa học` is taken by the competency before the subject's
 * bare name `Khoa học` can claim it.
 */
export const SMAS_MAPPING: Mapping = defineMapping({
  entity: 'DanhGiaHocSinh',
  version: SMAS_LAYOUT_VERSION,
  columns: {
    hocSinhId: column([...SMAS_HEADERS.hocSinhId], 'code', { required: true }),
    maLop: column([...SMAS_HEADERS.maLop], 'code'),
    ...traitColumns(),
    nhanXet: column([...SMAS_HEADERS.nhanXet], 'text'),
    ketQuaCuoiNam: column([...SMAS_HEADERS.ketQuaCuoiNam], 'code'),
    hoanThanhChuongTrinhLopHoc: column([...SMAS_HEADERS.hoanThanhChuongTrinhLopHoc], 'flag'),
    lenLop: column([...SMAS_HEADERS.lenLop], 'flag'),
    hoanThanhChuongTrinhTieuHoc: column([...SMAS_HEADERS.hoanThanhChuongTrinhTieuHoc], 'flag'),
    khenThuong: column([...SMAS_HEADERS.khenThuong], 'text'),
  },
  extras: {
    stt: column([...SMAS_HEADERS.stt], 'text'),
    hoTen: column([...SMAS_HEADERS.hoTen], 'text'),
    ngaySinh: column([...SMAS_HEADERS.ngaySinh], 'text'),
    ...subjectExtras(),
  },
  rowKey: ['hocSinhId'],
  transform: toRecord,
});
