import { type Adapter, type CellInput, writeXlsx } from '@eduvn/adapter-kit';
import { type AdapterFixture, writeLegacyXls } from '@eduvn/adapter-kit/testing';
import { generateSchool } from '@eduvn/fixtures';
import { bundledCatalogsPack, Catalogs, type HocSinh } from '@eduvn/standard';
import { encodeLegacy, formatVnDate, isoToExcelSerial } from '@eduvn/text';
import { misaClassAdapter, misaSchoolAdapter } from './adapters.ts';

/**
 * Fixtures of MISA EMIS pupil lists, built in memory from generated pupils (no real people):
 * the files the adapters must read, and the pupils each file holds, to compare with.
 */

const catalogs = Catalogs.from([bundledCatalogsPack]);

/** A generated pupil with the codes MISA adds (its own code and the school's statistics code). */
export interface MisaPupil {
  /** The generated pupil. */
  readonly pupil: HocSinh;
  /** MISA's internal code. */
  readonly misaCode: string;
  /** The school's statistics code. */
  readonly statisticsCode: string;
  /** The ethnic group's name, as MISA writes it. */
  readonly ethnicity: string;
}

/** The pupils of a generated school, by class (deterministic). */
export function misaPupils(seed = 11, pupils = 260): ReadonlyMap<string, readonly MisaPupil[]> {
  const school = generateSchool({ seed, province: '01', pupils, schoolYear: '2025-2026' });
  const byClass = new Map<string, MisaPupil[]>();
  school.hocSinhs.forEach((pupil, i) => {
    const maLop = pupil.maLop ?? '?';
    const list = byClass.get(maLop) ?? [];
    list.push({
      pupil,
      misaCode: `HS${String(i + 1).padStart(7, '0')}`,
      statisticsCode: `TK25${String(i + 1).padStart(4, '0')}`,
      ethnicity: catalogs.lookup('DM_DAN_TOC', pupil.maDanToc ?? '01')?.entry.name ?? 'Kinh',
    });
    byClass.set(maLop, list);
  });
  return byClass;
}

/** The header of the modelled MISA template, without the class column. */
export const CLASS_HEADER = [
  'STT',
  'Mã học sinh',
  'Mã thống kê',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số định danh cá nhân',
] as const;

/** How dates and personal IDs are written in a row. */
interface RowStyle {
  /** Dates: `'text'` dd/mm/yyyy, `'serial'` a date-formatted serial, `'number'` a plain serial. */
  readonly date: 'text' | 'serial' | 'number';
  /** Personal IDs: `'text'` with their leading zero, `'number'` (the zero lost). */
  readonly id: 'text' | 'number';
}

/** The row styles, in turn: every fixture mixes them. */
const STYLES: readonly RowStyle[] = [
  { date: 'text', id: 'text' },
  { date: 'serial', id: 'number' },
  { date: 'number', id: 'text' },
];

function dateCell(iso: string | undefined, style: RowStyle): CellInput {
  if (iso === undefined) return null;
  if (style.date === 'text') return formatVnDate(iso);
  if (style.date === 'serial') return { date: iso };
  return isoToExcelSerial(iso);
}

function idCell(id: string | undefined, style: RowStyle): CellInput {
  if (id === undefined) return null;
  return style.id === 'text' ? { text: id } : Number(id);
}

/** One pupil's row of the template (the class column last when asked). */
export function pupilRow(p: MisaPupil, index: number, withClass: boolean): CellInput[] {
  const style = STYLES[index % STYLES.length] ?? { date: 'text', id: 'text' };
  const row: CellInput[] = [
    index + 1,
    { text: p.misaCode },
    { text: p.statisticsCode },
    p.pupil.hoTen,
    dateCell(p.pupil.ngaySinh, style),
    p.pupil.maGioiTinh === '2' ? 'Nữ' : 'Nam',
    p.ethnicity,
    idCell(p.pupil.maCongDanId, style),
  ];
  if (withClass) row.push({ text: p.pupil.maLop ?? '' });
  return row;
}

/** The title block above the header, eight rows, the header on row 9. */
function titleBlock(caption: string): CellInput[][] {
  return [
    ['SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI'],
    ['TRƯỜNG TIỂU HỌC THỰC NGHIỆM SỐ 9'],
    [],
    [caption],
    ['Năm học 2025-2026'],
    [],
    ['(Xuất từ phần mềm MISA EMIS)'],
    [],
  ];
}

/** Rows that look empty: cells holding nothing but blanks, as formatted templates leave. */
function phantomRows(width: number, count: number): CellInput[][] {
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: width }, () => (i % 2 === 0 ? '' : ' ')),
  );
}

/** Text the legacy .VnTime font cannot hold (upper-case letters with diacritics): left out. */
function tcvn3Safe(p: MisaPupil): boolean {
  try {
    encodeLegacy(`${p.pupil.hoTen} ${p.ethnicity}`, 'tcvn3');
    return true;
  } catch {
    return false;
  }
}

function toLegacy(rows: readonly CellInput[][]): (string | number | null)[][] {
  return rows.map((row) =>
    row.map((cell) => {
      if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
      if (typeof cell === 'boolean') return String(cell);
      return 'date' in cell ? isoToExcelSerial(cell.date) : cell.text;
    }),
  );
}

/** The pupils a fixture holds, by file name, to compare with what is read. */
export const fixturePupils = new Map<string, readonly MisaPupil[]>();

function register(name: string, pupils: readonly MisaPupil[]): void {
  fixturePupils.set(name, pupils);
}

/** One sheet per class, header on row 9 under a title, class names as sheet names. */
function classSheetsXlsx(classes: ReadonlyMap<string, readonly MisaPupil[]>): AdapterFixture {
  const name = 'misa-mot-lop-mot-sheet.xlsx';
  const [first, second, third] = [...classes.keys()];
  if (first === undefined || second === undefined || third === undefined) {
    throw new Error('fixtures: three classes needed');
  }
  const sheets = [
    { sheet: first, klass: first },
    { sheet: `Lớp ${second}`, klass: second },
    // A copied sheet: Excel named it "<first> (2)"; its title says which class it holds.
    { sheet: `${first} (2)`, klass: third },
  ];
  const all: MisaPupil[] = [];
  const book = sheets.map(({ sheet, klass }) => {
    const pupils = classes.get(klass) ?? [];
    all.push(...pupils);
    return {
      name: sheet,
      rows: [
        ...titleBlock(`DANH SÁCH HỌC SINH LỚP ${klass}`),
        [...CLASS_HEADER],
        ...pupils.map((p, i) => pupilRow(p, i, false)),
        ...phantomRows(CLASS_HEADER.length, 4),
      ],
    };
  });
  register(name, all);
  return {
    name,
    bytes: writeXlsx([
      ...book,
      { name: 'DM_DanToc', rows: [['Mã'], ['01'], ['02']], state: 'hidden' as const },
    ]),
    expect: { records: { HocSinh: all.length } },
  };
}

/** NFD headers with line breaks, a column of a newer template version, class from the name. */
function classSheetsNfd(classes: ReadonlyMap<string, readonly MisaPupil[]>): AdapterFixture {
  const name = 'misa-lop-nfd-cot-moi.xlsx';
  const klass = [...classes.keys()][3] ?? '';
  const pupils = classes.get(klass) ?? [];
  const header = [
    'STT',
    'Mã\nhọc sinh',
    'Mã thống kê',
    'Họ và tên\nhọc sinh',
    'Ngày sinh\n(dd/mm/yyyy)',
    'Giới\ntính',
    'Dân tộc',
    'Diện chính sách', // added by a newer template version: ignored
    'Số định danh\ncá nhân',
  ].map((h) => h.normalize('NFD'));
  register(name, pupils);
  return {
    name,
    bytes: writeXlsx([
      {
        name: `LOP ${klass}`,
        rows: [
          [`Danh sách học sinh lớp ${klass}`.normalize('NFD')],
          [],
          header,
          ...pupils.map((p, i) => {
            const row = pupilRow(p, i, false);
            row.splice(7, 0, i % 5 === 0 ? 'Hộ nghèo' : null);
            return row;
          }),
        ],
      },
    ]),
    expect: { records: { HocSinh: pupils.length } },
  };
}

/** A legacy .xls, text in TCVN3 under the .VnTime font, one sheet per class. */
function classSheetsLegacyXls(classes: ReadonlyMap<string, readonly MisaPupil[]>): AdapterFixture {
  const name = 'misa-mot-lop-mot-sheet-tcvn3.xls';
  const picked = [...classes.keys()].slice(4, 6);
  const all: MisaPupil[] = [];
  const sheets = picked.map((klass) => {
    // Small: writeLegacyXls fails on workbook streams over 4 KiB (see the README's notes).
    const pupils = (classes.get(klass) ?? []).filter(tcvn3Safe).slice(0, 4);
    all.push(...pupils);
    return {
      name: `Lớp ${klass}`,
      rows: toLegacy([
        [`Danh sách học sinh lớp ${klass}`],
        ['Năm học 2025-2026'],
        [],
        [...CLASS_HEADER],
        ...pupils.map((p, i) => pupilRow(p, i, false)),
      ]),
    };
  });
  register(name, all);
  return {
    name,
    // Headers typed again in a Unicode font, data in .VnTime: as old files were edited.
    bytes: writeLegacyXls(sheets, { font: '.VnTime', cells: (row) => row > 4 }),
    expect: { records: { HocSinh: all.length } },
  };
}

/** The whole school in one sheet: caption and repeated header before each class. */
function schoolSheetXlsx(classes: ReadonlyMap<string, readonly MisaPupil[]>): AdapterFixture {
  const name = 'misa-toan-truong.xlsx';
  const header = [...CLASS_HEADER, 'Lớp'];
  const rows: CellInput[][] = [...titleBlock('DANH SÁCH HỌC SINH TOÀN TRƯỜNG')];
  const all: MisaPupil[] = [];
  let first = true;
  for (const [klass, pupils] of classes) {
    if (!first) rows.push([`Lớp ${klass}`]);
    rows.push(header);
    first = false;
    rows.push(...pupils.map((p, i) => pupilRow(p, all.length + i, true)));
    all.push(...pupils);
  }
  rows.push(...phantomRows(header.length, 6));
  register(name, all);
  return {
    name,
    bytes: writeXlsx([{ name: 'Toàn trường', rows }]),
    expect: { records: { HocSinh: all.length } },
  };
}

function csvField(cell: CellInput): string {
  let text: string;
  if (cell === null) text = '';
  else if (typeof cell === 'object') text = 'date' in cell ? formatVnDate(cell.date) : cell.text;
  else text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole-school list saved as CSV (UTF-8 with a BOM): every value is text. */
function schoolSheetCsv(classes: ReadonlyMap<string, readonly MisaPupil[]>): AdapterFixture {
  const name = 'misa-toan-truong.csv';
  const all = [...classes.values()].flat().slice(0, 60);
  const rows: CellInput[][] = [
    ['DANH SÁCH HỌC SINH TOÀN TRƯỜNG'],
    [...CLASS_HEADER, 'Lớp'],
    ...all.map((p, i) => {
      const row = pupilRow(p, i, true);
      // A CSV keeps what Excel showed: a personal ID that lost its zero stays without it.
      if (typeof row[7] === 'number') row[7] = String(row[7]);
      if (typeof row[4] === 'number') row[4] = String(row[4]);
      return row;
    }),
    ['', '', '', '', '', '', '', '', ''],
  ];
  register(name, all);
  const text = `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
  return {
    name,
    bytes: new TextEncoder().encode(text),
    expect: { records: { HocSinh: all.length } },
  };
}

/** The whole school in one legacy .xls sheet, TCVN3 text. */
function schoolSheetLegacyXls(classes: ReadonlyMap<string, readonly MisaPupil[]>): AdapterFixture {
  const name = 'misa-toan-truong-tcvn3.xls';
  const all = [...classes.values()]
    .flatMap((pupils) => pupils.filter(tcvn3Safe).slice(0, 3))
    .slice(0, 9);
  register(name, all);
  return {
    name,
    bytes: writeLegacyXls(
      [
        {
          name: 'DSHS',
          rows: toLegacy([
            ['Danh sách học sinh toàn trường'],
            [],
            [...CLASS_HEADER, 'Lớp'],
            ...all.map((p, i) => pupilRow(p, i, true)),
          ]),
        },
      ],
      { font: '.VnTime', cells: (row) => row > 3 },
    ),
    expect: { records: { HocSinh: all.length } },
  };
}

/**
 * Every adapter of this package with its fixtures (deterministic, built in memory), for the
 * conformance suite and the lead's cross-package detection tests.
 */
export async function adapterFixtures(): Promise<
  readonly { adapter: Adapter; fixtures: readonly AdapterFixture[] }[]
> {
  const classes = misaPupils();
  return [
    {
      adapter: misaClassAdapter,
      fixtures: [classSheetsXlsx(classes), classSheetsNfd(classes), classSheetsLegacyXls(classes)],
    },
    {
      adapter: misaSchoolAdapter,
      fixtures: [schoolSheetXlsx(classes), schoolSheetCsv(classes), schoolSheetLegacyXls(classes)],
    },
  ];
}
