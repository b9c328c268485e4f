/**
 * The file the adapter benchmark reads: a model of the national database's "C1-HocSinh" pupil
 * export (see `vendor-formats.md`) — a title block above the header, 25 columns whose headers carry
 * line breaks and mixed NFC/NFD text, dates as `dd/mm/yyyy` text with some Excel serials, codes as
 * text — filled with generated pupils from `@eduvn/fixtures` (never real people), and a
 * `HocSinh` adapter that maps 19 of the columns (the other 6 are left to the reader to skip).
 */
import { writeFile } from 'node:fs/promises';
import {
  type CellInput,
  column,
  defineAdapter,
  defineMapping,
  type SheetInput,
  writeXlsx,
} from '@eduvn/adapter-kit';
import { provinceRecords } from '@eduvn/fixtures';
import type { HocSinh } from '@eduvn/standard';
import { formatVnDate, isoToExcelSerial } from '@eduvn/text';

/** The header row's texts, A to Y (line breaks and one NFD header as real exports have them). */
export const HEADERS: readonly string[] = [
  'STT',
  'Mã lớp',
  'Mã học sinh',
  'Họ tên',
  'Ngày sinh'.normalize('NFD'),
  'Giới tính',
  'Trạng thái HS',
  'Ngày nhập\ntrạng thái',
  'Dân tộc',
  'Quốc tịch',
  'Số định danh\ncá nhân',
  'Tỉnh/Thành phố\n(Theo địa chỉ thường trú)',
  'Xã/Phường\n(Theo địa chỉ thường trú)',
  'Mã tỉnh',
  'Mã xã',
  'Nơi sinh',
  'Họ tên cha',
  'Năm sinh cha',
  'Nghề nghiệp cha',
  'Họ tên mẹ',
  'Năm sinh mẹ',
  'Nghề nghiệp mẹ',
  'Điện thoại\nliên hệ',
  'Học 2 buổi',
  'Loại khuyết tật',
];

/** The header columns the mapping leaves alone (read by the reader, skipped by the mapper). */
export const UNMAPPED: readonly string[] = [
  'STT (A)',
  'Trạng thái HS (G)',
  'Ngày nhập trạng thái (H)',
  'Quốc tịch (J)',
  'Tỉnh/Thành phố (L)',
  'Xã/Phường (M)',
];

/** The mapping: 19 of the 25 columns, by header text (never by position). */
export const mapping = defineMapping({
  entity: 'HocSinh',
  version: 'C1-HocSinh (bench model)',
  columns: {
    maLop: column('Mã lớp', 'code', { required: true }),
    hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
    hoTen: column(['Họ tên', 'Họ và tên'], 'name', { required: true }),
    ngaySinh: column('Ngày sinh', 'date'),
    maGioiTinh: column('Giới tính', 'sex'),
    danTocTheoGiayKhaiSinh: column('Dân tộc', 'text'),
    maCongDanId: column(['Số định danh cá nhân', 'Số ĐDCN'], 'code', { pad: 12 }),
    tinhThanhId: column('Mã tỉnh', 'code', { pad: 2 }),
    xaPhuongId: column('Mã xã', 'code', { pad: 5 }),
    noiSinh: column('Nơi sinh', 'text'),
    tenCha: column('Họ tên cha', 'name'),
    namSinhCha: column('Năm sinh cha', 'integer'),
    ngheNghiepCha: column('Nghề nghiệp cha', 'text'),
    tenMe: column('Họ tên mẹ', 'name'),
    namSinhMe: column('Năm sinh mẹ', 'integer'),
    ngheNghiepMe: column('Nghề nghiệp mẹ', 'text'),
    dienThoaiLienHe: column('Điện thoại liên hệ', 'code'),
    isHoc2Buoi: column('Học 2 buổi', 'flag'),
    maLoaiKhuyetTat: column('Loại khuyết tật', 'code'),
  },
});

/** The benchmark's adapter (a model, not a vendor's published layout). */
export const c1HocSinh = defineAdapter({
  id: 'bench-c1-hoc-sinh',
  label: 'C1-HocSinh pupil export (benchmark model)',
  version: 'bench',
  basis: 'a model of the national database C1-HocSinh export described in vendor-formats.md',
  formats: ['xlsx'],
  entities: [{ mapping, sheets: (sheet) => sheet.name === 'Sheet1' }],
});

/** Status codes as the export writes them. */
const STATUS: Readonly<Record<string, string>> = {
  DANG_HOC: 'Đang học',
  CHUYEN_DI: 'Chuyển đi',
  CHUYEN_DEN: 'Chuyển đến',
  TAM_NGHI: 'Tạm nghỉ',
  THOI_HOC: 'Thôi học',
};

/** The title block above the header: the header is on row 7. */
const TITLE: readonly (readonly CellInput[])[] = [
  ['SỞ GIÁO DỤC VÀ ĐÀO TẠO'],
  ['TRƯỜNG TIỂU HỌC (DỮ LIỆU SINH RA ĐỂ ĐO)'],
  [],
  ['DANH SÁCH HỌC SINH'],
  ['Năm học 2025-2026'],
  [],
];

/** The 1-based row of the header. */
export const HEADER_ROW = TITLE.length + 1;

/** Rows of the file in order: title, header, then one row per generated pupil (lazily). */
export function* pupilRows(pupils: number, seed = 3): Generator<readonly CellInput[]> {
  yield* TITLE;
  yield HEADERS;
  const communes = new Map<string, string>();
  let n = 0;
  for (const { entity, record } of provinceRecords({ seed, province: '79', pupils })) {
    if (entity === 'Truong') {
      const school = record as { xaPhuongId?: string; diaChi?: string };
      const [commune] = (school.diaChi ?? '').split(', ');
      if (school.xaPhuongId !== undefined && commune) communes.set(school.xaPhuongId, commune);
      continue;
    }
    if (entity !== 'HocSinh') continue;
    if (n === pupils) break;
    n++;
    const p = record as HocSinh;
    // Most dates as dd/mm/yyyy text; one in ten a General-formatted serial, one in fifty a date cell.
    const born: CellInput =
      p.ngaySinh === undefined
        ? null
        : n % 10 === 0
          ? isoToExcelSerial(p.ngaySinh)
          : n % 50 === 1
            ? { date: p.ngaySinh }
            : formatVnDate(p.ngaySinh);
    const sex = p.maGioiTinh === '2' ? (n % 97 === 0 ? 'NỮ' : 'Nữ') : 'Nam';
    yield [
      n,
      p.maLop ?? null,
      { text: p.hocSinhId },
      p.hoTen,
      born,
      sex,
      STATUS[p.maTrangThaiHienTai ?? 'DANG_HOC'] ?? 'Đang học',
      '05/09/2025',
      p.danTocTheoGiayKhaiSinh ?? null,
      'Việt Nam',
      p.maCongDanId === undefined ? null : { text: p.maCongDanId },
      'Thành phố Hồ Chí Minh',
      communes.get(p.xaPhuongId ?? '') ?? null,
      { text: p.tinhThanhId ?? '79' },
      p.xaPhuongId === undefined ? null : { text: p.xaPhuongId },
      p.noiSinh ?? null,
      p.tenCha ?? null,
      p.namSinhCha ?? null,
      p.ngheNghiepCha ?? null,
      p.tenMe ?? null,
      p.namSinhMe ?? null,
      p.ngheNghiepMe ?? null,
      p.dienThoaiLienHe === undefined ? null : { text: p.dienThoaiLienHe },
      p.isHoc2Buoi === true ? 'x' : null,
      p.maLoaiKhuyetTat ?? null,
    ];
  }
}

/** Two of the export's catalog sheets (hidden from the adapter by its `sheets` filter). */
const CATALOGS: readonly SheetInput[] = [
  {
    name: 'GIOI_TINH',
    rows: [
      ['Mã', 'Tên'],
      ['1', 'Nam'],
      ['2', 'Nữ'],
    ],
  },
  {
    name: 'DAN_TOC',
    rows: [
      ['Mã', 'Tên'],
      ['01', 'Kinh'],
      ['02', 'Tày'],
      ['03', 'Thái'],
    ],
  },
];

/**
 * Writes the export with `pupils` generated pupils to `path` (rows streamed through the writer,
 * never held as one array) and returns the number of rows of its data sheet.
 */
export async function writePupilFile(path: string, pupils: number): Promise<number> {
  let rows = 0;
  const counted = function* (): Generator<readonly CellInput[]> {
    for (const row of pupilRows(pupils)) {
      rows++;
      yield row;
    }
  };
  const bytes = writeXlsx([{ name: 'Sheet1', rows: counted() }, ...CATALOGS]);
  await writeFile(path, bytes);
  return rows;
}
