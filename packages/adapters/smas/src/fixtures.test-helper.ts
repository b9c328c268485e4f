import { type Adapter, type CellInput, columnLetter, writeXlsx } from '@eduvn/adapter-kit';
import { type AdapterFixture, writeLegacyXls } from '@eduvn/adapter-kit/testing';
import { generateSchool } from '@eduvn/fixtures';
import type { DanhGiaHocSinh, HocSinh } from '@eduvn/standard';
import { encodeLegacy, formatVnDate } from '@eduvn/text';
import { type SmasAdapter, smasAdapter } from './adapter.ts';
import type { SmasPeriod } from './period.ts';
import { SMAS_SUBJECTS } from './subjects.ts';
import { SMAS_TRAITS, type SmasTraitGroup } from './traits.ts';

/**
 * Fixtures of the SMAS adapter, built in memory from a generated school (generated people only):
 * each a file in the modelled layout, with the records reading it must give.
 */

/** The generated school every fixture comes from (deterministic). */
export const SCHOOL = generateSchool({
  seed: 4998,
  schoolYear: '2024-2025',
  pupils: 60,
  classSize: [6, 8],
  satellites: 0,
});

/** The adapter the fixtures are read with: the school's code and the school year as fallback. */
export const FIXTURE_ADAPTER: SmasAdapter = smasAdapter({
  truongId: SCHOOL.truong.truongId,
  namHoc: '2024-2025',
});

/** A pupil of a class with their assessment of one period. */
export interface Pupil {
  /** The pupil. */
  readonly hs: HocSinh;
  /** Their assessment. */
  readonly dg: DanhGiaHocSinh;
}

/** The pupils of a class, with their assessment of a period. */
export function pupilsOf(maLop: string, period: SmasPeriod): Pupil[] {
  return SCHOOL.hocSinhs
    .filter((hs) => hs.maLop === maLop)
    .map((hs) => {
      const dg = SCHOOL.danhGias.find(
        (d) => d.hocSinhId === hs.hocSinhId && d.kyDanhGia === period,
      );
      if (!dg) throw new Error(`no ${period} assessment for a pupil of ${maLop}`);
      return { hs, dg };
    });
}

/** How a fixture writes its header and cells. */
export interface Layout {
  /** One header row, or two rows with merged group headers. */
  readonly header: 'single' | 'double';
  /** Write the merged ranges of a two-row header (default true; CSV and .xls have none). */
  readonly merges?: boolean;
  /** Header texts decomposed (NFD). */
  readonly nfd?: boolean;
  /** Line breaks inside header texts. */
  readonly lineBreaks?: boolean;
  /** Write a `Lớp` column. */
  readonly classColumn?: boolean;
  /** The subject names to write, by code (default the canonical ones). */
  readonly subjectNames?: Readonly<Record<string, string>>;
  /** Extra columns after the subjects: a header and a value per pupil. */
  readonly extraSubjects?: readonly { readonly name: string; readonly value: string }[];
  /** A score's cell (default the number). */
  readonly score?: (score: number, pupil: number, code: string) => CellInput;
  /** Birth dates as date cells (default `dd/mm/yyyy` text). */
  readonly dateCells?: boolean;
}

interface Column {
  /** The one-row header. */
  readonly single: string;
  /** The two-row header: upper (null under a merge) and lower (null when merged down). */
  readonly top: string | null;
  readonly bottom: string | null;
  readonly value: (p: Pupil, index: number) => CellInput;
}

const GROUP: Record<SmasTraitGroup, string> = {
  general: 'Năng lực chung',
  specific: 'Năng lực đặc thù',
  quality: 'Phẩm chất chủ yếu',
};

const subjectOf = (dg: DanhGiaHocSinh, code: string) => dg.monHocs.find((m) => m.maMonHoc === code);

function columns(pupils: readonly Pupil[], layout: Layout): Column[] {
  const out: Column[] = [
    { single: 'STT', top: 'STT', bottom: null, value: (_, i) => i + 1 },
    {
      single: 'Mã học sinh',
      top: 'Mã học sinh',
      bottom: null,
      value: (p) => ({ text: p.dg.hocSinhId }),
    },
    { single: 'Họ và tên', top: 'Họ và tên', bottom: null, value: (p) => p.hs.hoTen },
    {
      single: 'Ngày sinh',
      top: 'Ngày sinh',
      bottom: null,
      value: ({ hs: { ngaySinh } }) =>
        ngaySinh === undefined
          ? null
          : layout.dateCells === true
            ? { date: ngaySinh }
            : formatVnDate(ngaySinh),
    },
  ];
  if (layout.classColumn === true) {
    out.push({ single: 'Lớp', top: 'Lớp', bottom: null, value: (p) => p.dg.maLop });
  }
  for (const subject of SMAS_SUBJECTS) {
    const rows = pupils.map((p) => subjectOf(p.dg, subject.code));
    if (!rows.some((m) => m !== undefined)) continue;
    const name = layout.subjectNames?.[subject.code] ?? subject.names[0] ?? subject.code;
    out.push({
      single: name,
      top: name,
      bottom: 'Mức đạt được',
      value: (p) => subjectOf(p.dg, subject.code)?.mucDat ?? null,
    });
    if (rows.some((m) => m?.diemKtdk !== undefined)) {
      out.push({
        single: `${name} - Điểm`,
        top: null,
        bottom: 'Điểm KTĐK',
        value: (p, i) => {
          const score = subjectOf(p.dg, subject.code)?.diemKtdk;
          if (score === undefined) return null;
          return layout.score ? layout.score(score, i, subject.code) : score;
        },
      });
    }
  }
  for (const extra of layout.extraSubjects ?? []) {
    out.push({
      single: extra.name,
      top: extra.name,
      bottom: 'Mức đạt được',
      value: () => extra.value,
    });
  }
  let group: SmasTraitGroup | undefined;
  for (const t of SMAS_TRAITS) {
    if (!pupils.some((p) => p.dg[t.field] !== undefined)) continue;
    const name = t.names[0] ?? t.field;
    out.push({
      single: t.group === 'specific' ? `NL ${name}` : name,
      top: group === t.group ? null : GROUP[t.group],
      bottom: name,
      value: (p) => p.dg[t.field] ?? null,
    });
    group = t.group;
  }
  const has = (field: keyof DanhGiaHocSinh) => pupils.some((p) => p.dg[field] !== undefined);
  const plain = (header: string, field: keyof DanhGiaHocSinh, show: (v: unknown) => CellInput) => {
    if (has(field))
      out.push({ single: header, top: header, bottom: null, value: (p) => show(p.dg[field]) });
  };
  const mark = (v: unknown): CellInput => (v === true ? 'x' : null);
  const asIs = (v: unknown): CellInput => (typeof v === 'string' ? v : null);
  plain('Nhận xét', 'nhanXet', asIs);
  plain('Xếp loại', 'ketQuaCuoiNam', asIs);
  plain('Hoàn thành chương trình lớp học', 'hoanThanhChuongTrinhLopHoc', mark);
  plain('Lên lớp', 'lenLop', mark);
  plain('Hoàn thành chương trình tiểu học', 'hoanThanhChuongTrinhTieuHoc', mark);
  plain('Khen thưởng', 'khenThuong', (v) =>
    v === 'HS_XUAT_SAC' ? 'Học sinh Xuất sắc' : v === 'HS_TIEU_BIEU' ? 'Học sinh Tiêu biểu' : null,
  );
  return out;
}

/** A header text as the layout writes it: with a line break between its words, in NFD. */
function styled(text: string | null, layout: Layout): string | null {
  if (text === null) return null;
  let out = text;
  if (layout.lineBreaks === true) {
    const spaces = [...out.matchAll(/ /g)].map((m) => m.index);
    const middle = spaces[Math.floor(spaces.length / 2)];
    if (middle !== undefined) out = `${out.slice(0, middle)}\n${out.slice(middle + 1)}`;
  }
  return layout.nfd === true ? out.normalize('NFD') : out;
}

/** A header and data rows of pupils, and the merges of a two-row header starting at `headerRow`. */
export function assessmentBlock(
  pupils: readonly Pupil[],
  layout: Layout,
  headerRow: number,
): { rows: CellInput[][]; merges: string[] } {
  const cols = columns(pupils, layout);
  const data = pupils.map((p, i) => cols.map((c) => c.value(p, i)));
  if (layout.header === 'single') {
    return { rows: [cols.map((c) => styled(c.single, layout)), ...data], merges: [] };
  }
  const merges: string[] = [];
  cols.forEach((c, i) => {
    const letter = columnLetter(i);
    if (c.top !== null && c.bottom === null)
      merges.push(`${letter}${headerRow}:${letter}${headerRow + 1}`);
    if (c.top !== null && c.bottom !== null) {
      let end = i;
      while (cols[end + 1] !== undefined && cols[end + 1]?.top === null) end++;
      if (end > i) merges.push(`${letter}${headerRow}:${columnLetter(end)}${headerRow}`);
    }
  });
  return {
    rows: [
      cols.map((c) => styled(c.top, layout)),
      cols.map((c) => styled(c.bottom, layout)),
      ...data,
    ],
    merges: layout.merges === false ? [] : merges,
  };
}

/** The standard's record the adapter must read from a pupil's row (the school's code included). */
export const expected = (pupils: readonly Pupil[]): Record<string, unknown>[] =>
  pupils.map((p) => ({ ...p.dg }));

/** A sheet: a title block, then the assessment block from the row after it. */
function sheet(
  name: string,
  title: CellInput[][],
  pupils: readonly Pupil[],
  layout: Layout,
): { name: string; rows: CellInput[][]; merges: string[] } {
  const block = assessmentBlock(pupils, layout, title.length + 1);
  return { name, rows: [...title, ...block.rows], merges: block.merges };
}

const nfd = (rows: CellInput[][]): CellInput[][] =>
  rows.map((r) => r.map((c) => (typeof c === 'string' ? c.normalize('NFD') : c)));

/** A CSV line of cells (RFC 4180 quoting). */
function csvLine(cells: readonly CellInput[]): string {
  return cells
    .map((c) => {
      const text =
        c === null ? '' : typeof c === 'object' ? ('text' in c ? c.text : c.date) : String(c);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

/** A .xls sheet's rows: `{ text }` as its text, dates as `dd/mm/yyyy`. */
const legacyRows = (rows: CellInput[][]): (string | number | null)[][] =>
  rows.map((r) =>
    r.map((c) =>
      c === null || typeof c === 'boolean'
        ? null
        : typeof c === 'object'
          ? 'text' in c
            ? c.text
            : formatVnDate(c.date)
          : c,
    ),
  );

/** A fixture with the records its read must give, in file order. */
export interface SmasFixture extends AdapterFixture {
  /** What the fixture covers. */
  readonly covers: string;
  /** The records `readAll` must give, in order. */
  readonly records: readonly Record<string, unknown>[];
}

const BANNER: CellInput[][] = [
  ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['TRƯỜNG TIỂU HỌC THỬ NGHIỆM', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
  [],
];

/** Every fixture of the SMAS adapter. */
export function smasFixtures(): SmasFixture[] {
  const fixtures: SmasFixture[] = [];
  const utf8 = new TextEncoder();

  // 1. The header on row 9 below a title block naming the period; one header row.
  {
    const pupils = pupilsOf('4A', 'GK1');
    const title: CellInput[][] = [
      ...BANNER,
      ['BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIỮA KỲ I'],
      ['Lớp: 4A', null, null, 'Năm học: 2024-2025'],
      [`Sĩ số: ${pupils.length}`],
      [],
      [],
    ];
    const layout: Layout = {
      header: 'single',
      subjectNames: { TIENG_VIET: 'Tiếng việt', TIN_HOC_CONG_NGHE: 'TH-CN (Tin học)' },
      dateCells: true,
    };
    fixtures.push({
      name: 'gk1-header-row-9.xlsx',
      covers:
        'the header on row 9 below a title block (period, class, school year); one header row; `Toán - Điểm` score headers; date cells',
      bytes: writeXlsx([sheet('Lop 4A', title, pupils, layout)]),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records: expected(pupils),
    });
  }

  // 2. Two-row merged subject headers (Toán › Mức đạt được / Điểm KTĐK), traits under groups.
  {
    const pupils = pupilsOf('3A', 'CK1');
    const title: CellInput[][] = [
      ['TRƯỜNG TIỂU HỌC THỬ NGHIỆM'],
      ['KẾT QUẢ ĐÁNH GIÁ CUỐI KỲ I - LỚP 3A'],
      ['Năm học 2024 - 2025'],
      [],
    ];
    const layout: Layout = {
      header: 'double',
      subjectNames: {
        TU_NHIEN_XA_HOI: 'Tự nhiên và xã hội',
        TIN_HOC_CONG_NGHE: 'Tin học và Công nghệ',
      },
    };
    fixtures.push({
      name: 'ck1-two-row-merged.xlsx',
      covers:
        'two-row merged headers: subjects over Mức đạt được / Điểm KTĐK, competencies under Năng lực chung / đặc thù (Khoa học, Tin học beside the subjects of the same name), qualities under Phẩm chất chủ yếu',
      bytes: writeXlsx([sheet('Cuoi ky I', title, pupils, layout)]),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records: expected(pupils),
    });
  }

  // 3. NFD headers with line breaks; end of year with its result columns; upper-case title.
  {
    const pupils = pupilsOf('5A', 'CN');
    const title = nfd([['BÁO CÁO KẾT QUẢ CUỐI NĂM HỌC 2024-2025'], ['LỚP: 5A'], []]);
    const layout: Layout = { header: 'single', nfd: true, lineBreaks: true };
    fixtures.push({
      name: 'cn-nfd-line-breaks.xlsx',
      covers:
        'NFD header and title texts with line breaks; `CUỐI NĂM HỌC`; end-of-year result, completion, promotion and award columns',
      bytes: writeXlsx([sheet('Sheet1', title, pupils, layout)]),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records: expected(pupils),
    });
  }

  // 4. One sheet per period: four sheets, four periods, written four ways.
  {
    const periods: [SmasPeriod, string, string][] = [
      ['GK1', 'GKI', 'ĐÁNH GIÁ GIỮA HỌC KỲ 1'],
      ['CK1', 'CKI', 'Đánh giá Cuối HK1'],
      ['GK2', 'GKII', 'đánh giá giữa kì ii'],
      ['CN', 'CN', 'ĐÁNH GIÁ CUỐI NĂM HỌC'],
    ];
    const sheets = periods.map(([period, name, heading]) =>
      sheet(name, [[heading], ['Lớp 2A', null, 'Năm học 2024-2025'], []], pupilsOf('2A', period), {
        header: 'double',
      }),
    );
    const records = periods.flatMap(([period]) => expected(pupilsOf('2A', period)));
    fixtures.push({
      name: 'four-periods.xlsx',
      covers:
        'one sheet per period (Giữa học kỳ 1, Cuối HK1, giữa kì ii, CUỐI NĂM HỌC): four periods from one workbook',
      bytes: writeXlsx(sheets),
      expect: { records: { DanhGiaHocSinh: records.length } },
      records,
    });
  }

  // 5. A title that names no period: records without kyDanhGia, never a guess.
  {
    const pupils = pupilsOf('1A', 'GK2');
    const title: CellInput[][] = [
      ['BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ HỌC SINH'],
      ['Lớp 1A - Năm học 2024-2025'],
      [],
    ];
    fixtures.push({
      name: 'no-period.xlsx',
      covers:
        'a title that names no period: records without kyDanhGia (readSmas adds an error to each)',
      bytes: writeXlsx([sheet('Sheet1', title, pupils, { header: 'double' })]),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records: expected(pupils).map(({ kyDanhGia: _, ...rest }) => rest),
    });
  }

  // 6. Scores typed as text with a decimal comma: 7,5 is not a whole number; 8,0 is 8.
  {
    const pupils = pupilsOf('5B', 'CK1');
    const title: CellInput[][] = [
      ['KẾT QUẢ CUỐI KỲ I'],
      ['Lớp: 5B', null, 'Năm học: 2024-2025'],
      [],
    ];
    const halves = new Set([0, 2]);
    const layout: Layout = {
      header: 'single',
      score: (score, i, code) =>
        code === 'TOAN' && halves.has(i) ? `${Math.max(0, score - 1)},5` : `${score},0`,
    };
    const records = expected(pupils).map((r, i) =>
      halves.has(i)
        ? {
            ...r,
            monHocs: (r['monHocs'] as DanhGiaHocSinh['monHocs']).map((m) =>
              m.maMonHoc === 'TOAN' ? { maMonHoc: m.maMonHoc, mucDat: m.mucDat } : m,
            ),
          }
        : r,
    );
    fixtures.push({
      name: 'decimal-comma-scores.xlsx',
      covers:
        'scores typed as text with a decimal comma: `8,0` reads as 8, `7,5` is an error issue (Điểm KTĐK is a whole number) and is left out',
      bytes: writeXlsx([sheet('Sheet1', title, pupils, layout)]),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records,
    });
  }

  // 7. A legacy .xls typed in TCVN3 under the .VnTime font.
  {
    const pupils = pupilsOf('3B', 'GK2');
    const title: CellInput[][] = [
      ['TRƯỜNG TIỂU HỌC THỬ NGHIỆM'],
      ['Kết quả đánh giá giữa kỳ II'],
      ['Lớp: 3B', null, 'Năm học: 2024-2025'],
      [],
    ];
    const rows = legacyRows(sheet('Giua ky II', title, pupils, { header: 'single' }).rows);
    // TCVN3 has no upper-case letters with tone marks (old files set capitals in .VnTimeH): the
    // cells it cannot encode stay in Unicode, as retyped cells of old files are.
    const encodable = (row: number, col: number): boolean => {
      const text = rows[row - 1]?.[col];
      if (typeof text !== 'string') return false;
      try {
        encodeLegacy(text, 'tcvn3');
        return row > 1;
      } catch {
        return false;
      }
    };
    fixtures.push({
      name: 'legacy-vntime.xls',
      covers:
        'a legacy .xls whose text below row 1 (title, headers, names, levels Đ) is TCVN3 under the .VnTime font, where TCVN3 can write it',
      bytes: writeLegacyXls([{ name: 'Giua ky II', rows }], { font: '.VnTime', cells: encodable }),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records: expected(pupils),
    });
  }

  // 8. The header repeated after a page of pupils; a footer; phantom formatted rows at the end.
  {
    const pupils = pupilsOf('1B', 'CN');
    const title: CellInput[][] = [
      ['KẾT QUẢ ĐÁNH GIÁ CUỐI NĂM'],
      ['Lớp: 1B - Năm học: 2024-2025'],
      [],
    ];
    const block = assessmentBlock(pupils, { header: 'single' }, title.length + 1);
    const [header = [], ...data] = block.rows;
    const width = header.length;
    const rows: CellInput[][] = [
      ...title,
      header,
      ...data.slice(0, 4),
      header,
      ...data.slice(4),
      [],
      ['Người lập bảng'],
      ...Array.from({ length: 25 }, () => Array.from({ length: width }, () => '')),
    ];
    fixtures.push({
      name: 'repeated-headers-phantom-rows.xlsx',
      covers:
        'the header repeated after a page of pupils, a footer caption, 25 phantom formatted empty rows at the end',
      bytes: writeXlsx([{ name: 'Sheet1', rows }]),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records: expected(pupils),
    });
  }

  // 9. A whole-school CSV: a class column, two classes, no school year in the title.
  {
    const pupils = [...pupilsOf('2B', 'GK1'), ...pupilsOf('3A', 'GK1')];
    const layout: Layout = {
      header: 'single',
      classColumn: true,
      extraSubjects: [{ name: 'Kỹ năng sống', value: 'T' }],
    };
    const block = assessmentBlock(pupils, layout, 3);
    const lines = [['Đánh giá giữa kỳ I - toàn trường'], [], ...block.rows].map(csvLine);
    fixtures.push({
      name: 'whole-school.csv',
      covers:
        'a UTF-8 CSV of the whole school: a Lớp column (class and grade per row), the school year from the options, an unknown subject column (Kỹ năng sống: a warning from readSmas, never read)',
      bytes: utf8.encode(`\uFEFF${lines.join('\r\n')}\r\n`),
      expect: { records: { DanhGiaHocSinh: pupils.length } },
      records: expected(pupils),
    });
  }
  return fixtures;
}

/**
 * Every adapter of this package with its fixtures, for the cross-package detection tests: each
 * fixture must be detected as its own adapter against every other package's.
 */
export async function adapterFixtures(): Promise<
  readonly { adapter: Adapter; fixtures: readonly AdapterFixture[] }[]
> {
  return [{ adapter: FIXTURE_ADAPTER, fixtures: smasFixtures() }];
}
