/**
 * The fixtures of this package's adapters, built in memory by code (deterministic): files written
 * by {@link writeCsv} from generated pupils (`@eduvn/fixtures`), and hand-built tricky files as
 * other programs write them. Generated people only.
 */
import { type Adapter, column, defineMapping } from '@eduvn/adapter-kit';
import type { AdapterFixture } from '@eduvn/adapter-kit/testing';
import { generateSchool } from '@eduvn/fixtures';
import type { HocSinh } from '@eduvn/standard';
import { type CsvAdapter, csvAdapter } from './csv-adapter.ts';
import { inferCsvAdapter } from './infer-csv.ts';
import { encodeWindows1258 } from './windows-1258.test-helper.ts';
import { writeCsv } from './write-csv.ts';

/** A pupil list as a school exports it. */
export const pupilMapping = defineMapping({
  entity: 'HocSinh',
  version: 'test',
  columns: {
    hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
    hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
    ngaySinh: column('Ngày sinh', 'date'),
    maGioiTinh: column('Giới tính', 'sex'),
    maLop: column('Mã lớp', 'code'),
    maDanToc: column('Mã dân tộc', 'code', { pad: 2 }),
    noiSinh: column('Nơi sinh', 'text'),
    maCongDanId: column(['Số định danh cá nhân', 'Số ĐDCN'], 'code', { pad: 12 }),
  },
});

/** A school nurse's measurements: heights and weights with decimal commas. */
export const healthMapping = defineMapping({
  entity: 'HocSinh',
  version: 'test',
  columns: {
    hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
    hoTen: column(['Họ và tên', 'Họ tên'], 'name', { required: true }),
    chieuCao: column('Chiều cao (cm)', 'decimal'),
    canNang: column('Cân nặng (kg)', 'decimal'),
  },
});

/** The pupil-list adapter. */
export const pupilsAdapter: CsvAdapter = csvAdapter({
  id: 'csv-test-pupils',
  label: 'A pupil list as CSV',
  basis: 'a layout made for these tests',
  mapping: pupilMapping,
});

/** The measurements adapter (`;`-delimited, decimal commas). */
export const healthAdapter: CsvAdapter = csvAdapter({
  id: 'csv-test-health',
  label: 'Health measurements as CSV',
  basis: 'a layout made for these tests',
  mapping: healthMapping,
  write: { delimiter: ';' },
});

/** Generated pupils (the same every run). */
export function generatedPupils(count: number): HocSinh[] {
  return generateSchool({
    seed: 11,
    schoolYear: '2025-2026',
    pupils: 60,
    assessments: false,
  }).hocSinhs.slice(0, count);
}

const utf8 = new TextEncoder();

/** Text as UTF-8 bytes, with a byte-order mark when asked. */
export function utf8Bytes(text: string, bom = false): Uint8Array {
  return utf8.encode(bom ? `\uFEFF${text}` : text);
}

/** CRLF-joined lines with a final CRLF, as Excel writes CSV. */
export const crlf = (lines: readonly string[]): string => `${lines.join('\r\n')}\r\n`;

/** The pupils projected on the pupil mapping's fields, as a read gives them back. */
function projected(pupils: readonly HocSinh[]): Record<string, unknown>[] {
  const fields = Object.keys(pupilMapping.columns);
  return pupils.map((p) =>
    Object.fromEntries(
      fields.flatMap((f) => {
        const value = (p as Record<string, unknown>)[f];
        return value === undefined ? [] : [[f, value]];
      }),
    ),
  );
}

/** The Windows-1258 file, as Excel's plain "CSV" writes it on a Vietnamese Windows. */
function windows1258File(): Uint8Array {
  const written = writeCsv(projected(generatedPupils(8)), pupilMapping, {
    bom: false,
    delimiter: ';',
  });
  return encodeWindows1258(new TextDecoder().decode(written));
}

/** Quoted fields holding line breaks, delimiters and quotes (names invented for the test). */
export const QUOTED_CSV = crlf([
  'Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Mã lớp,Mã dân tộc,Nơi sinh,Số định danh cá nhân',
  'HS0001,"Nguyễn Văn An",05/09/2018,Nam,1A,01,"Xã Tân Lập, huyện Đan Phượng\r\nthành phố Hà Nội",001218001234',
  'HS0002,Lê Thị Hoà,03/09/2018,Nữ,1A,1,"Bệnh viện ""Phụ sản""; khoa A|B",001318004321',
  'HS0003,"Trần Minh\nKhôi",31/12/2018,nam,1A,01,"",001218009876',
  '"HS0004","Phạm ""Bé"" Thu",01/01/2019,NỮ,1A,01,"Tỉnh\tLào Cai",001319000001',
]);

/** NFD headers and values, and headers named `__proto__` and `constructor`. */
export const NFD_PROTO_CSV = crlf([
  '__proto__,Mã học sinh,Họ và tên,Ngày sinh,Giới tính,constructor,Mã lớp,Mã dân tộc,Nơi sinh,Số định danh cá nhân'.normalize(
    'NFD',
  ),
  'polluted,HS0101,Đặng Thuỳ Dương,12/10/2018,Nữ,polluted,1B,01,Thành phố Hà Nội,001318000101'.normalize(
    'NFD',
  ),
  '{"x":1},HS0102,Vũ Đức Thịnh,07/07/2018,Nam,1,1B,01,Tỉnh Ninh Bình,037218000102'.normalize('NFD'),
]);

/**
 * A title line, a blank row, the header on row 3, serial-looking dates (`43346` is 3 September
 * 2018), a caption and the header repeated for a second class.
 */
export const TITLE_SERIAL_CSV = crlf([
  'DANH SÁCH HỌC SINH LỚP 1A,,,,,,,',
  ',,,,,,,',
  'STT,Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Mã lớp,Mã dân tộc,Nơi sinh,Số định danh cá nhân',
  '1,HS0201,Hoàng Gia Bảo,43346,Nam,1A,1,Tỉnh Nghệ An,040218000201',
  '2,HS0202,Ngô Khánh Linh,43500,Nữ,1A,01,Tỉnh Nghệ An,40318000202',
  '3,HS0203,Bùi Minh Quân,02/02/2018,Nam,1A,01,Tỉnh Nghệ An,040218000203',
  'Lớp 1B,,,,,,,,',
  'STT,Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Mã lớp,Mã dân tộc,Nơi sinh,Số định danh cá nhân',
  '1,HS0301,Đỗ Thảo Vy,43700,Nữ,1B,01,Tỉnh Nghệ An,040318000301',
]);

/** Heights and weights with decimal commas, `;`-delimited, UTF-8 without BOM. */
function healthFile(): Uint8Array {
  const lines = ['Mã học sinh;Họ và tên;Chiều cao (cm);Cân nặng (kg)'];
  generatedPupils(10).forEach((p, i) => {
    const height = `${105 + (i % 7) * 2},${(i * 3) % 10}`;
    const weight = i === 4 ? '' : `${17 + (i % 5)},${(i * 7) % 10}${i % 2}`;
    lines.push(`${p.hocSinhId};${p.hoTen};${height};${weight}`);
  });
  return utf8Bytes(crlf(lines));
}

/**
 * A K12Online-like account export: `(*)` marks the required columns. `'template'` has the columns
 * of K12Online's template (plus `STT`); `'school-copy'` is a school's edited copy — the guardian
 * columns deleted, a pupil code added — which only an inferred adapter reads whole (the
 * K12Online adapter would miss its guardian columns).
 */
export function k12LikeFile(variant: 'template' | 'school-copy' = 'template'): Uint8Array {
  const template = variant === 'template';
  const lines = [
    template
      ? 'STT,Họ và tên (*),Giới tính (*),Lớp (*),Ngày sinh (*),Họ và tên mẹ (*),Năm sinh của mẹ (*),Họ và tên người giám hộ,Năm sinh người giám hộ'
      : 'STT,Mã học sinh,Họ và tên (*),Giới tính (*),Lớp (*),Ngày sinh (*),Họ và tên mẹ (*),Năm sinh của mẹ (*)',
  ];
  generatedPupils(12).forEach((p, i) => {
    const [y, m, d] = (p.ngaySinh ?? '').split('-');
    const guardian = i % 4 === 3 ? [p.tenCha ?? '', String(p.namSinhCha ?? '')] : ['', ''];
    lines.push(
      [
        i + 1,
        ...(template ? [] : [p.hocSinhId]),
        p.hoTen,
        p.maGioiTinh === '1' ? 'Nam' : 'Nữ',
        p.maLop ?? '',
        p.ngaySinh === undefined ? '' : `${d}/${m}/${y}`,
        p.tenMe ?? '',
        p.namSinhMe ?? '',
        ...(template ? guardian : []),
      ].join(','),
    );
  });
  return utf8Bytes(crlf(lines), true);
}

/** Fixtures of the pupil-list adapter. */
export function pupilFixtures(): AdapterFixture[] {
  const pupils = projected(generatedPupils(12));
  return [
    {
      name: 'hoc-sinh-utf8-bom.csv',
      bytes: writeCsv(pupils, pupilMapping),
      expect: { records: { HocSinh: 12 } },
    },
    {
      name: 'hoc-sinh-utf16le.txt',
      bytes: writeCsv(pupils, pupilMapping, { encoding: 'utf-16le', delimiter: '\t' }),
      expect: { records: { HocSinh: 12 } },
    },
    {
      name: 'hoc-sinh-windows-1258.csv',
      bytes: windows1258File(),
      expect: { records: { HocSinh: 8 } },
    },
    {
      name: 'hoc-sinh-quoted.csv',
      bytes: utf8Bytes(QUOTED_CSV, true),
      expect: { records: { HocSinh: 4 } },
    },
    {
      name: 'hoc-sinh-nfd-proto.csv',
      bytes: utf8Bytes(NFD_PROTO_CSV),
      expect: { records: { HocSinh: 2 } },
    },
    {
      name: 'hoc-sinh-title-serial.csv',
      bytes: utf8Bytes(TITLE_SERIAL_CSV, true),
      expect: { records: { HocSinh: 4 } },
    },
  ];
}

/** Fixtures of the measurements adapter. */
export function healthFixtures(): AdapterFixture[] {
  return [
    { name: 'suc-khoe-semicolon.csv', bytes: healthFile(), expect: { records: { HocSinh: 10 } } },
  ];
}

/**
 * Every adapter of this package with its fixtures, for the cross-package detection tests: the
 * pupil list, the measurements, and the adapter `inferCsvAdapter` builds from a school's edited
 * copy of a K12Online export (the unedited template is the K12Online adapter's to recognise).
 */
export async function adapterFixtures(): Promise<
  readonly { adapter: Adapter; fixtures: readonly AdapterFixture[] }[]
> {
  const k12 = k12LikeFile('school-copy');
  const { adapter: k12Adapter } = await inferCsvAdapter(k12, 'HocSinh', {
    file: 'k12online-tai-khoan.csv',
    id: 'csv-test-k12-like',
  });
  return [
    { adapter: pupilsAdapter, fixtures: pupilFixtures() },
    { adapter: healthAdapter, fixtures: healthFixtures() },
    {
      adapter: k12Adapter,
      fixtures: [
        { name: 'k12online-tai-khoan.csv', bytes: k12, expect: { records: { HocSinh: 12 } } },
      ],
    },
  ];
}
