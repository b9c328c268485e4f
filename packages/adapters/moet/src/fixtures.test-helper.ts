/**
 * Fixture files of the national database's formats, built in memory by code (deterministic;
 * generated people only, from `@eduvn/fixtures`): the C1-HocSinh export (.xlsx and .xls, title
 * block, header on row 9, header repeated per class, NFD headers with line breaks, Excel serial
 * dates, codes turned into numbers, a column of a newer template, hidden catalog sheets), the
 * CSDL_GiaoVien staff export (a 72-column legacy .xls in TCVN3 under `.VnTime`), and KQHT files
 * for grades 1–2 and 3–5 (written by the adapter with the merged 3-row header, and a template-like
 * legacy .xls).
 */
import type { Adapter, CellInput } from '@eduvn/adapter-kit';
import { writeXlsx } from '@eduvn/adapter-kit';
import { type AdapterFixture, writeLegacyXls } from '@eduvn/adapter-kit/testing';
import { type GeneratedSchool, generateSchool } from '@eduvn/fixtures';
import {
  bundledCatalogs,
  CanBo,
  type DanhGiaHocSinh,
  fieldsOf,
  type HocSinh,
} from '@eduvn/standard';
import { formatVnDate, isoToExcelSerial } from '@eduvn/text';
import { c1HocSinh } from './c1-hoc-sinh.ts';
import { csdlGiaoVien } from './csdl-giao-vien.ts';
import { kqhtAdapter } from './kqht/adapter.ts';
import { KQHT_LAYOUT_K12, KQHT_LAYOUTS } from './kqht/layout.ts';
import type { KqhtPeriod } from './kqht/options.ts';

/** The school every fixture is built from. */
export const SCHOOL_YEAR = '2024-2025';

let school: GeneratedSchool | undefined;

/** One generated school (seed 4998), built once. */
export function fixtureSchool(): GeneratedSchool {
  school ??= generateSchool({ seed: 4998, schoolYear: SCHOOL_YEAR, province: '79', pupils: 150 });
  return school;
}

const catalogs = bundledCatalogs();

/** The catalog name of a code, as the export writes it. */
export function catalogName(catalog: string, code: string | undefined): string {
  if (code === undefined) return '';
  return catalogs.lookup(catalog, code)?.entry.name ?? code;
}

/** The pupils of the first `perClass` of each of `classes` classes. */
export function fixturePupils(classes = 3, perClass = 6): HocSinh[] {
  const pupils = fixtureSchool().hocSinhs;
  const classCodes = [...new Set(pupils.map((p) => p.maLop))].slice(0, classes);
  return classCodes.flatMap((code) => pupils.filter((p) => p.maLop === code).slice(0, perClass));
}

/** A C1-HocSinh column: its header (per variant) and the cell of a pupil. */
interface C1Column {
  readonly header: string;
  readonly nfd?: string;
  readonly newer?: boolean;
  readonly cell: (p: HocSinh, i: number) => CellInput;
}

const DISABILITY_NAME = 'Khuyết tật vận động';

/** The C1-HocSinh columns of the model, in export order. */
const C1_COLUMNS: readonly C1Column[] = [
  { header: 'STT', cell: (_p, i) => i + 1 },
  { header: 'Mã lớp', cell: (p) => ({ text: p.maLop ?? '' }) },
  {
    header: 'Mã học sinh',
    nfd: 'Mã\nhọc sinh',
    // Every fifth code turned into a number by a spreadsheet.
    cell: (p, i) => (i % 5 === 4 ? Number(p.hocSinhId) : { text: p.hocSinhId }),
  },
  { header: 'Họ tên', nfd: 'Họ và tên', cell: (p) => p.hoTen },
  {
    header: 'Ngày sinh',
    nfd: 'Ngày\nsinh',
    // Text dd/mm/yyyy, a date cell, or a bare Excel serial number.
    cell: (p, i) => {
      if (p.ngaySinh === undefined) return null;
      if (i % 3 === 1) return { date: p.ngaySinh };
      if (i % 3 === 2) return isoToExcelSerial(p.ngaySinh);
      return formatVnDate(p.ngaySinh);
    },
  },
  {
    header: 'Giới tính',
    cell: (p, i) => {
      const name = p.maGioiTinh === '2' ? 'Nữ' : 'Nam';
      return i % 4 === 3 ? name.toUpperCase() : name;
    },
  },
  { header: 'Dân tộc', cell: (p) => catalogName('DM_DAN_TOC', p.maDanToc) },
  {
    header: 'Trạng thái HS',
    nfd: 'Trạng thái\nhọc sinh',
    cell: (p) => catalogName('DM_TRANG_THAI_HOC_SINH', p.maTrangThaiHienTai),
  },
  {
    header: 'Ngày nhập trạng thái',
    nfd: 'Ngày nhập\ntrạng thái',
    cell: () => '05/09/2024',
  },
  {
    header: 'Loại khuyết tật',
    cell: (p) => (p.maLoaiKhuyetTat === undefined ? null : DISABILITY_NAME),
  },
  {
    header: 'Số định danh cá nhân',
    nfd: 'Số định danh\ncá nhân',
    // Every third ID stored as a number: its leading zero is lost.
    cell: (p, i) =>
      p.maCongDanId === undefined
        ? null
        : i % 3 === 0
          ? Number(p.maCongDanId)
          : { text: p.maCongDanId },
  },
  {
    header: 'Mã số BHYT',
    newer: true,
    cell: (_p, i) => ({ text: `HS479${String(i).padStart(10, '0')}` }),
  },
  {
    header: 'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)',
    cell: () => 'Thành phố Hồ Chí Minh',
  },
  { header: 'Nơi sinh', cell: (p) => p.noiSinh ?? null },
  { header: 'Họ tên cha', cell: (p) => p.tenCha ?? null },
  { header: 'Họ tên mẹ', cell: (p) => p.tenMe ?? null },
  {
    header: 'Số điện thoại liên hệ',
    cell: (p) => (p.dienThoaiLienHe ? { text: p.dienThoaiLienHe } : null),
  },
];

/** The catalog sheets of the export (hidden, as the Ministry's template hides them). */
function catalogSheets(): { name: string; rows: (string | number)[][] }[] {
  const list = (id: string): [string, string][] =>
    catalogs.entries(id).map((e) => [e.code, e.name]);
  return [
    { name: 'GIOI_TINH', rows: [['Mã', 'Tên'], ...list('DM_GIOI_TINH')] },
    { name: 'DAN_TOC', rows: [['Mã', 'Tên'], ...list('DM_DAN_TOC')] },
    {
      name: 'QUOC_TICH',
      rows: [
        ['Mã', 'Tên'],
        ['VN', 'Việt Nam'],
      ],
    },
    {
      name: 'TINH',
      rows: [
        ['Mã', 'Tên'],
        ['79', 'Thành phố Hồ Chí Minh'],
      ],
    },
    {
      name: 'HUYEN',
      rows: [
        ['Mã', 'Tên'],
        ['760', 'Quận 1'],
      ],
    },
    { name: 'TRANG_THAI_HS', rows: [['Mã', 'Tên'], ...list('DM_TRANG_THAI_HOC_SINH')] },
  ];
}

/** Options of {@link c1Rows}. */
export interface C1RowsOptions {
  /** Headers in NFD with line breaks. */
  readonly nfd?: boolean;
  /** Include the column a newer template version added. */
  readonly newer?: boolean;
  /** Rows of title above the header (default 8: the header on row 9). */
  readonly titleRows?: number;
  /** Repeat the header before every class after the first (default true). */
  readonly repeatHeader?: boolean;
}

/** The rows of a C1-HocSinh `Sheet1` for `pupils`. */
export function c1Rows(pupils: readonly HocSinh[], options: C1RowsOptions = {}): CellInput[][] {
  const columns = C1_COLUMNS.filter((c) => options.newer === true || c.newer !== true);
  const header = columns.map((c) =>
    options.nfd === true ? (c.nfd ?? c.header).normalize('NFD') : c.header,
  );
  const title: CellInput[][] = [
    ['BỘ GIÁO DỤC VÀ ĐÀO TẠO'],
    ['CƠ SỞ DỮ LIỆU NGÀNH GIÁO DỤC'],
    [],
    [null, null, null, 'DANH SÁCH HỌC SINH'],
    ['Trường: Trường Tiểu học Nguyễn Văn Trỗi'],
    [`Năm học: ${SCHOOL_YEAR}`],
    ['Ngày xuất: 01/10/2024'],
    [],
  ].slice(0, options.titleRows ?? 8);
  const rows: CellInput[][] = [...title, header];
  let previous: string | undefined;
  pupils.forEach((p, i) => {
    if (previous !== undefined && p.maLop !== previous && options.repeatHeader !== false) {
      rows.push(header);
    }
    previous = p.maLop;
    rows.push(columns.map((c) => c.cell(p, i)));
  });
  return rows;
}

/** A C1-HocSinh export (.xlsx): `Sheet1` and the hidden catalog sheets. */
export function c1Xlsx(pupils: readonly HocSinh[], options: C1RowsOptions = {}): Uint8Array {
  return writeXlsx([
    { name: 'Sheet1', rows: c1Rows(pupils, options) },
    ...catalogSheets().map((s) => ({ ...s, state: 'hidden' as const })),
  ]);
}

/** A cell of {@link c1Rows} as a legacy .xls holds it (dates as dd/mm/yyyy text). */
function legacyCell(cell: CellInput): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if (typeof cell === 'boolean') return String(cell);
  return 'date' in cell ? formatVnDate(cell.date) : cell.text;
}

/**
 * A C1-HocSinh export as a legacy .xls (Unicode fonts) with a hidden `GIOI_TINH` sheet. Small:
 * `writeLegacyXls` of adapter-kit fails on workbook streams of 4 KiB or more (see the README's
 * open points), so keep `pupils` to two or so.
 */
export function c1Xls(pupils: readonly HocSinh[], options: C1RowsOptions = {}): Uint8Array {
  return writeLegacyXls(
    [
      { name: 'Sheet1', rows: c1Rows(pupils, options).map((r) => r.map(legacyCell)) },
      { name: 'GIOI_TINH', rows: [['Nam'], ['Nữ']], hidden: true },
    ],
    { font: 'Times New Roman', encoding: 'tcvn3', cells: () => false },
  );
}

/** The 72 headers of the staff export model: the six known ones among CanBo's own labels. */
export function staffHeaders(): string[] {
  const known = ['Họ tên', 'Email', 'Trạng thái CB', 'Vị trí việc làm', 'Nhóm chức vụ', 'Môn dạy'];
  const assumed = ['STT', 'Mã cán bộ', 'Ngày sinh', 'Giới tính', 'Dân tộc'];
  const taken = new Set([...known, ...assumed].map((h) => h.toLowerCase()));
  const others = fieldsOf(CanBo)
    .map((f) => f.label.vi)
    .filter((label) => !/^Mã|Họ tên|Email|Ngày sinh|giới tính|dân tộc/i.test(label))
    .filter((label) => !taken.has(label.toLowerCase()));
  const headers = [
    'STT',
    'Mã cán bộ',
    'Họ tên',
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Email',
    'Trạng thái CB',
    'Vị trí việc làm',
    'Nhóm chức vụ',
    'Môn dạy',
    ...others,
  ];
  for (let i = headers.length; i < 72; i++)
    headers.push(`Thông tin bổ sung ${i - others.length - 10}`);
  return headers.slice(0, 72);
}

/** What the staff export writes for a staff member's group and position. */
const GROUP_NAMES: Readonly<Record<string, string>> = {
  CAN_BO_QUAN_LY: 'Cán bộ quản lý',
  GIAO_VIEN: 'Giáo viên',
  NHAN_VIEN: 'Nhân viên',
};

/** The staff export's rows: a two-row title, the header, one row per staff member. */
export function staffRows(
  headers: readonly string[],
  count?: number,
): (string | number | null)[][] {
  const staff = fixtureSchool().canBos.slice(0, count);
  const rows = staff.map((s, i) => {
    const byHeader: Record<string, string | number | null> = {
      STT: i + 1,
      'Mã cán bộ': s.giaoVienId,
      'Họ tên': s.hoTen,
      'Ngày sinh': s.ngaySinh === undefined ? null : formatVnDate(s.ngaySinh),
      'Giới tính': s.maGioiTinh === '2' ? 'Nữ' : 'Nam',
      'Dân tộc': catalogName('DM_DAN_TOC', s.maDanToc),
      // The export's Email is often someone else's or a shared one: the model shares one.
      Email: i % 4 === 0 ? 'c1nguyenvantroi@hcm.edu.vn' : (s.email ?? null),
      'Trạng thái CB': i % 5 === 0 ? 'Đang làm việc (biên chế)' : 'Đang làm việc',
      'Vị trí việc làm': s.maNgach === undefined ? 'Nhân viên' : 'Giáo viên tiểu học',
      'Nhóm chức vụ': GROUP_NAMES[s.maNhomCanBo ?? ''] ?? 'Nhân viên',
      'Môn dạy': catalogName('DM_MON_HOC_TIEU_HOC', s.maMonDay),
    };
    return headers.map((h) => byHeader[h] ?? null);
  });
  return [['DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN'], [], [...headers], ...rows];
}

/** The staff export model with all 72 columns (.xlsx, Unicode). */
export function staffXlsx(): Uint8Array {
  return writeXlsx([{ name: 'Sheet1', rows: staffRows(staffHeaders()) }]);
}

/** The known and assumed staff columns only, for the small legacy .xls. */
export const STAFF_CORE_HEADERS: readonly string[] = staffHeaders().slice(0, 11);

/**
 * The staff export as old school files are (CSDL_GiaoVien.xls): the header in Unicode, the data
 * typed in TCVN3 under `.VnTime`. Small (the known and assumed columns, `count` staff): see
 * {@link c1Xls} on the size limit of `writeLegacyXls`.
 */
export function staffXls(count = 2): Uint8Array {
  return writeLegacyXls([{ name: 'Sheet1', rows: staffRows(STAFF_CORE_HEADERS, count) }], {
    font: '.VnTime',
    cells: (row) => row > 3,
  });
}

/** DanhGiaHocSinh records of one grade and period, without what the KQHT file cannot hold. */
export function assessments(khoi: number, period: KqhtPeriod, count = 12): DanhGiaHocSinh[] {
  return fixtureSchool()
    .danhGias.filter((d) => d.khoi === khoi && d.kyDanhGia === period)
    .slice(0, count)
    .map(({ nhanXet: _n, khenThuong: _k, hoanThanhChuongTrinhTieuHoc: _h, ...rest }) => rest);
}

/** The KQHT adapter of a grade and period for the fixture school. */
export function fixtureKqht(khoi: number, period: KqhtPeriod): Adapter {
  return kqhtAdapter({
    khoi,
    kyDanhGia: period,
    namHoc: SCHOOL_YEAR,
    truongId: fixtureSchool().truong.truongId,
  });
}

/** A KQHT file written by the adapter itself (merged 3-row header), with the pupils' names. */
export async function kqhtWritten(
  khoi: number,
  period: KqhtPeriod,
  count = 12,
): Promise<Uint8Array> {
  const adapter = fixtureKqht(khoi, period);
  const bytes = await adapter.write?.({
    entity: 'DanhGiaHocSinh',
    records: assessments(khoi, period, count),
    options: { pupils: fixtureSchool().hocSinhs },
  });
  if (!bytes) throw new Error('the KQHT adapter has no writer');
  return bytes;
}

/**
 * The rows of a grade 1–2 KQHT file filled by hand in the Ministry's template: lower-case levels,
 * the `x` marks in capitals, every other pupil code as a number; the header's upper texts stand in
 * their first cell only (as they do when the merged ranges are lost).
 */
export function kqhtHandRows(period: KqhtPeriod, count: number): (string | number | null)[][] {
  const layout = KQHT_LAYOUTS[KQHT_LAYOUT_K12];
  const pupils = new Map(fixtureSchool().hocSinhs.map((p) => [p.hocSinhId, p]));
  const rows = assessments(1, period, count).map((record, i) =>
    layout.columns.map((column): string | number | null => {
      const value = column.value;
      const pupil = pupils.get(record.hocSinhId);
      switch (value) {
        case 'stt':
          return i + 1;
        case 'maLop':
          return record.maLop;
        case 'hocSinhId':
          return i % 2 === 0 ? Number(record.hocSinhId) : record.hocSinhId;
        case 'hoTen':
          return pupil?.hoTen ?? null;
        case 'ngaySinh':
          return pupil?.ngaySinh === undefined ? null : formatVnDate(pupil.ngaySinh);
        case 'hoanThanhChuongTrinhLopHoc':
        case 'lenLop':
          return record[value] === true ? 'X' : null;
        case 'ketQuaCuoiNam':
          return record.ketQuaCuoiNam ?? null;
        case 'blank':
          return null;
        default: {
          const [kind, code] = value.split(':');
          if (code !== undefined) {
            const row = record.monHocs.find((m) => m.maMonHoc === code);
            const cell = kind === 'mucDat' ? row?.mucDat.toLowerCase() : row?.diemKtdk;
            return cell ?? null;
          }
          return ((record as Record<string, unknown>)[value] as string | undefined) ?? null;
        }
      }
    }),
  );
  return [...layout.headerRows.map((r) => [...r]), ...rows];
}

/** {@link kqhtHandRows} in an .xlsx that lost the header's merged ranges. */
export function kqhtUnmergedXlsx(period: KqhtPeriod, count = 8): Uint8Array {
  return writeXlsx([{ name: 'Sheet1', rows: kqhtHandRows(period, count) }]);
}

/**
 * {@link kqhtHandRows} as the Ministry's .xls template. One pupil: see {@link c1Xls} on the size
 * limit of `writeLegacyXls`.
 */
export function kqhtTemplateXls(period: KqhtPeriod, count = 1): Uint8Array {
  return writeLegacyXls([{ name: 'Sheet1', rows: kqhtHandRows(period, count) }], {
    font: 'Times New Roman',
    encoding: 'tcvn3',
    cells: () => false,
  });
}

/** Every adapter of this package with its fixtures, for the conformance suites (here and cross-package). */
export async function adapterFixtures(): Promise<
  readonly { adapter: Adapter; fixtures: readonly AdapterFixture[] }[]
> {
  const pupils = fixturePupils(3, 6);
  const few = fixturePupils(1, 2);
  const staff = fixtureSchool().canBos.length;
  const k12 = assessments(1, 'CN').length;
  const k345 = assessments(4, 'CK1').length;
  return [
    {
      adapter: c1HocSinh,
      fixtures: [
        {
          name: 'C1-HocSinh.xlsx',
          bytes: c1Xlsx(pupils),
          expect: { records: { HocSinh: pupils.length } },
        },
        {
          name: 'C1-HocSinh-nfd-newer.xlsx',
          bytes: c1Xlsx(pupils, { nfd: true, newer: true, titleRows: 3 }),
          expect: { records: { HocSinh: pupils.length } },
        },
        {
          name: 'C1-HocSinh.xls',
          bytes: c1Xls(few, { titleRows: 2 }),
          expect: { records: { HocSinh: few.length } },
        },
      ],
    },
    {
      adapter: csdlGiaoVien,
      fixtures: [
        { name: 'CSDL_GiaoVien.xls', bytes: staffXls(2), expect: { records: { CanBo: 2 } } },
        {
          name: 'CSDL_GiaoVien-72-columns.xlsx',
          bytes: staffXlsx(),
          expect: { records: { CanBo: staff } },
        },
      ],
    },
    {
      adapter: fixtureKqht(1, 'CN'),
      fixtures: [
        {
          name: 'KQHT-khoi1-CN.xlsx',
          bytes: await kqhtWritten(1, 'CN'),
          expect: { records: { DanhGiaHocSinh: k12 } },
        },
        {
          name: 'KQHT-khoi1-CN-unmerged.xlsx',
          bytes: kqhtUnmergedXlsx('CN'),
          expect: { records: { DanhGiaHocSinh: 8 } },
        },
        {
          name: 'FlieMau-KQHT-C1-CN-Khoi12-TT27_2020.xls',
          bytes: kqhtTemplateXls('CN'),
          expect: { records: { DanhGiaHocSinh: 1 } },
        },
      ],
    },
    {
      adapter: fixtureKqht(4, 'CK1'),
      fixtures: [
        {
          name: 'KQHT-khoi4-CK1.xlsx',
          bytes: await kqhtWritten(4, 'CK1'),
          expect: { records: { DanhGiaHocSinh: k345 } },
        },
      ],
    },
  ];
}
