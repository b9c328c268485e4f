import { type CellInput, columnLetter, type WriteRequest, writeXlsx } from '@eduvn/adapter-kit';
import { SMAS_HEADERS } from './mapping.ts';
import { isSmasPeriod, PERIOD_TITLES } from './period.ts';
import { LEVEL_HEADERS, SCORE_HEADERS, SMAS_SUBJECTS } from './subjects.ts';
import { SMAS_TRAITS, type SmasTraitGroup, TRAIT_GROUP_HEADERS } from './traits.ts';

type AnyRecord = Readonly<Record<string, unknown>>;

/** The first header row of the written sheets (1-based): a title block of three rows above it. */
export const WRITTEN_HEADER_ROW = 4;

/** The award titles the writer spells out, by code. */
const AWARD_TITLES: Readonly<Record<string, string>> = {
  HS_XUAT_SAC: 'Học sinh Xuất sắc',
  HS_TIEU_BIEU: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
};

/** The end-of-year columns after the comment, in order. */
const END_OF_YEAR = [
  'ketQuaCuoiNam',
  'hoanThanhChuongTrinhLopHoc',
  'lenLop',
  'hoanThanhChuongTrinhTieuHoc',
  'khenThuong',
] as const;

const FLAGS = new Set<string>([
  'hoanThanhChuongTrinhLopHoc',
  'lenLop',
  'hoanThanhChuongTrinhTieuHoc',
]);

interface Column {
  readonly top: string | null;
  readonly bottom: string | null;
  readonly value: (record: AnyRecord) => CellInput;
}

function subjectOf(record: AnyRecord, code: string): AnyRecord | undefined {
  const list = record['monHocs'];
  if (!Array.isArray(list)) return undefined;
  return list.find(
    (m): m is AnyRecord => typeof m === 'object' && m !== null && m['maMonHoc'] === code,
  );
}

function plain(value: unknown): CellInput {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value ? 'x' : null;
  return null;
}

/** The canonical (first) header of a list. */
const first = (headers: readonly string[]): string => headers[0] ?? '';

const text = (value: unknown): CellInput =>
  value === undefined || value === null ? null : { text: String(value) };

const has = (records: readonly AnyRecord[], field: string): boolean =>
  records.some((r) => r[field] !== undefined);

/** The columns of one sheet: only those its records have values for. */
function columnsOf(records: readonly AnyRecord[]): Column[] {
  const columns: Column[] = [
    { top: first(SMAS_HEADERS.stt), bottom: null, value: () => null },
    { top: first(SMAS_HEADERS.hocSinhId), bottom: null, value: (r) => text(r['hocSinhId']) },
  ];
  if (has(records, 'maLop')) {
    columns.push({ top: first(SMAS_HEADERS.maLop), bottom: null, value: (r) => text(r['maLop']) });
  }
  for (const subject of SMAS_SUBJECTS) {
    const rows = records.map((r) => subjectOf(r, subject.code));
    if (!rows.some((m) => m !== undefined)) continue;
    const name = first(subject.names);
    columns.push({
      top: name,
      bottom: first(LEVEL_HEADERS),
      value: (r) => plain(subjectOf(r, subject.code)?.['mucDat']),
    });
    if (subject.tested && rows.some((m) => m?.['diemKtdk'] !== undefined)) {
      columns.push({
        top: null,
        bottom: first(SCORE_HEADERS),
        value: (r) => plain(subjectOf(r, subject.code)?.['diemKtdk']),
      });
    }
  }
  let group: SmasTraitGroup | undefined;
  for (const t of SMAS_TRAITS) {
    if (!has(records, t.field)) continue;
    columns.push({
      top: group === t.group ? null : first(TRAIT_GROUP_HEADERS[t.group]),
      bottom: first(t.names),
      value: (r) => plain(r[t.field]),
    });
    group = t.group;
  }
  if (has(records, 'nhanXet')) {
    columns.push({
      top: first(SMAS_HEADERS.nhanXet),
      bottom: null,
      value: (r) => plain(r['nhanXet']),
    });
  }
  for (const field of END_OF_YEAR) {
    if (!has(records, field)) continue;
    const award = field === 'khenThuong';
    columns.push({
      top: first(SMAS_HEADERS[field]),
      bottom: null,
      value: (r) => {
        const v = r[field];
        if (FLAGS.has(field)) return v === true ? 'x' : null;
        if (award && typeof v === 'string') return AWARD_TITLES[v] ?? v;
        return plain(v);
      },
    });
  }
  return columns;
}

/** The merges of the two header rows: single headers down, group headers across. */
function mergesOf(columns: readonly Column[]): string[] {
  const top = WRITTEN_HEADER_ROW;
  const bottom = top + 1;
  const merges: string[] = [];
  columns.forEach((c, i) => {
    const letter = columnLetter(i);
    if (c.top !== null && c.bottom === null) merges.push(`${letter}${top}:${letter}${bottom}`);
    if (c.top !== null && c.bottom !== null) {
      let end = i;
      while (columns[end + 1] !== undefined && columns[end + 1]?.top === null) end++;
      if (end > i) merges.push(`${letter}${top}:${columnLetter(end)}${top}`);
    }
  });
  return merges;
}

/** The title block: the period in the first row; class, grade and school year in the second. */
function titleOf(head: AnyRecord, records: readonly AnyRecord[]): CellInput[][] {
  const period = head['kyDanhGia'];
  const heading = isSmasPeriod(period)
    ? `KẾT QUẢ ĐÁNH GIÁ HỌC SINH ${(PERIOD_TITLES[period][0] ?? '').toUpperCase()}`
    : 'KẾT QUẢ ĐÁNH GIÁ HỌC SINH';
  const classes = new Set(records.map((r) => r['maLop']));
  const [only] = classes;
  const parts: string[] = [];
  if (
    classes.size === 1 &&
    typeof only === 'string' &&
    /^[\p{L}\p{N}/._-]*\d[\p{L}\p{N}/._-]*$/u.test(only)
  ) {
    parts.push(`Lớp: ${only}`);
  }
  if (typeof head['khoi'] === 'number') parts.push(`Khối: ${head['khoi']}`);
  if (typeof head['namHoc'] === 'string') parts.push(`Năm học: ${head['namHoc']}`);
  return [[heading], [parts.join(' - ')], []];
}

/** A sheet name from the run's period and grade, unique in the workbook. */
function sheetName(head: AnyRecord, index: number, used: Set<string>): string {
  const period = head['kyDanhGia'];
  const khoi = head['khoi'];
  let base = isSmasPeriod(period) ? (PERIOD_TITLES[period][0] ?? period) : `Kết quả ${index + 1}`;
  if (typeof khoi === 'number' && Number.isInteger(khoi)) base += ` - Khối ${khoi}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

const runKey = (r: AnyRecord): string =>
  JSON.stringify([r['kyDanhGia'] ?? null, r['namHoc'] ?? null, r['khoi'] ?? null]);

/**
 * Writes `DanhGiaHocSinh` records in the modelled SMAS layout, as .xlsx: one sheet per run of
 * records with the same period, school year and grade (in the order given); each sheet a title
 * block (the period, then `Lớp: … - Khối: … - Năm học: …`), a two-row merged header from row
 * {@link WRITTEN_HEADER_ROW} (subjects over `Mức đạt được` / `Điểm KTĐK`, competencies under
 * `Năng lực chung` and `Năng lực đặc thù`, qualities under `Phẩm chất chủ yếu`), and one row per
 * record. Only the columns the records have values for are written; the class is written in a
 * `Lớp` column. Text that looks like a formula is written as text, never as a formula. The
 * records hold no names or birth dates, so the sheets have none.
 *
 * @param request - the entity (`DanhGiaHocSinh`) and the records
 * @throws TypeError for another entity
 */
export function writeSmas(request: WriteRequest): Uint8Array {
  if (request.entity !== 'DanhGiaHocSinh') {
    throw new TypeError(
      `The SMAS layout holds DanhGiaHocSinh records only; it cannot write ${JSON.stringify(String(request.entity).slice(0, 60))}.`,
    );
  }
  const runs: AnyRecord[][] = [];
  let previous: string | undefined;
  for (const record of request.records) {
    const key = runKey(record);
    if (key !== previous || runs.length === 0) runs.push([]);
    runs[runs.length - 1]?.push(record);
    previous = key;
  }
  if (runs.length === 0) runs.push([]);
  const used = new Set<string>();
  return writeXlsx(
    runs.map((records, index) => {
      const head = records[0] ?? {};
      const columns = columnsOf(records);
      return {
        name: sheetName(head, index, used),
        rows: [
          ...titleOf(head, records),
          columns.map((c) => c.top),
          columns.map((c) => c.bottom),
          ...records.map((r, i) => columns.map((c, j) => (j === 0 ? i + 1 : c.value(r)))),
        ],
        merges: mergesOf(columns),
      };
    }),
  );
}
