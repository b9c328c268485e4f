import {
  type Adapter,
  type ColumnSpec,
  column,
  defineAdapter,
  defineMapping,
  type SheetInfo,
} from '@eduvn/adapter-kit';
import {
  bindCatalogColumns,
  type CatalogColumnSpec,
  catalogExtras,
  catalogTransform,
} from './catalog-columns.ts';
import { checkCatalogOptions, type MoetCatalogOptions } from './catalog-options.ts';
import { MOET_ADAPTER_IDS } from './ids.ts';

/** The layout version {@link c1HocSinh} reads. */
export const C1_HOC_SINH_VERSION = 'csdl-c1-hocsinh-2024-known-headers';

/**
 * Catalog sheets of the C1-HocSinh export. The first five are named in what is known of the file
 * (vendor formats); the others are assumed names of the same kind. Any of them adds evidence for
 * detection; none is read as data.
 */
export const C1_CATALOG_SHEETS: readonly string[] = Object.freeze([
  'GIOI_TINH',
  'DAN_TOC',
  'QUOC_TICH',
  'TINH',
  'HUYEN',
  'XA',
  'TON_GIAO',
  'TRANG_THAI',
  'TRANG_THAI_HS',
  'KHUYET_TAT',
  'LOAI_KHUYET_TAT',
  'KHU_VUC',
]);

/**
 * The catalog columns of the export: the names in the cells are coded with these catalogs. A
 * column whose catalog holds no codes (disability types are not bundled) is left unread until the
 * catalog is given (see {@link C1HocSinhOptions.catalogs}).
 */
export const C1_CATALOG_COLUMNS: readonly CatalogColumnSpec[] = Object.freeze([
  {
    field: 'maTrangThaiHienTai',
    headers: ['Trạng thái HS', 'Trạng thái học sinh'],
    catalog: 'DM_TRANG_THAI_HOC_SINH',
    sensitive: false,
  },
  { field: 'maDanToc', headers: ['Dân tộc'], catalog: 'DM_DAN_TOC', sensitive: true },
  {
    field: 'maLoaiKhuyetTat',
    headers: ['Loại khuyết tật'],
    catalog: 'DM_LOAI_KHUYET_TAT',
    sensitive: true,
  },
]);

/** Options of {@link createC1HocSinh}. */
export interface C1HocSinhOptions extends MoetCatalogOptions {}

const CATALOG_SHEET_KEYS = new Set(C1_CATALOG_SHEETS.map((s) => s.toUpperCase()));

function isCatalogSheet(sheet: SheetInfo): boolean {
  return CATALOG_SHEET_KEYS.has(sheet.name.trim().toUpperCase());
}

/** Evidence from sheet names: 0.1 for each catalog sheet of the export, at most 0.5. */
function catalogSheetEvidence(sheets: readonly SheetInfo[]): number {
  return Math.min(0.5, 0.1 * sheets.filter(isCatalogSheet).length);
}

/** The plain columns (one cell, one field). */
function plainColumns(): Record<string, ColumnSpec> {
  return {
    hocSinhId: column(['Mã học sinh', 'Mã HS'], 'code', { required: true }),
    hoTen: column(['Họ tên', 'Họ và tên'], 'name', { required: true }),
    maLop: column('Mã lớp', 'code'),
    ngaySinh: column('Ngày sinh', 'date'),
    maGioiTinh: column('Giới tính', 'sex'),
    maCongDanId: column('Số định danh cá nhân', 'code', { pad: 12 }),
  };
}

/**
 * Makes the reader of the national database's pupil export **C1-HocSinh**
 * (csdl.moet.gov.vn → `HocSinh`), with catalogs of your choice.
 *
 * What it does:
 *
 * - finds the header within the first 20 rows of every visible sheet but the catalog sheets (the
 *   data is on `Sheet1`; the title block above it is skipped), matching headers by their text —
 *   case, diacritics, NFC/NFD, line breaks never matter, and columns added by newer template
 *   versions are ignored;
 * - reads `Mã học sinh` (`Mã HS`), `Họ tên` (`Họ và tên`), `Mã lớp`, `Ngày sinh` (dd/mm/yyyy
 *   text, Excel serials or date cells), `Giới tính` (Nam/Nữ in any case → `'1'`/`'2'`),
 *   `Số định danh cá nhân` (leading zero restored when the number lost it);
 * - codes the names of `Trạng thái HS` (`DM_TRANG_THAI_HOC_SINH`), `Dân tộc` (`DM_DAN_TOC`) and
 *   `Loại khuyết tật` (`DM_LOAI_KHUYET_TAT`, only when that catalog is given) — a name that is not
 *   in its catalog is never guessed: the row gets an error issue and its catalog fields are left
 *   out;
 * - checks `Ngày nhập trạng thái` as a date but does not keep it (`HocSinh` has no field for it;
 *   a status date belongs to a `SuKienTrangThai`);
 * - skips the header repeated for every class, captions and empty rows, with their reason.
 *
 * @param options - the catalogs to code names with (default the bundled ones) and the day they
 * apply
 * @throws TypeError for options of the wrong shape
 *
 * @example
 * ```ts
 * const pack = await readCatalogSheets(workbook, { sheets: { TRANG_THAI_HS: 'DM_TRANG_THAI_HOC_SINH' } });
 * const reader = createC1HocSinh({ catalogs: bundledCatalogs(pack) });
 * const { records, issues } = await readAll(reader, workbook);
 * ```
 */
export function createC1HocSinh(options: C1HocSinhOptions = {}): Adapter {
  const { catalogs, query } = checkCatalogOptions(options, 'createC1HocSinh');
  const coded = bindCatalogColumns(C1_CATALOG_COLUMNS, catalogs, query);
  const mapping = defineMapping({
    entity: 'HocSinh',
    version: C1_HOC_SINH_VERSION,
    columns: plainColumns(),
    extras: {
      ...catalogExtras(coded),
      ngayNhapTrangThai: column('Ngày nhập trạng thái', 'date'),
    },
    rowKey: ['hocSinhId'],
    transform: catalogTransform(coded),
  });
  return defineAdapter({
    id: MOET_ADAPTER_IDS.c1HocSinh,
    label: 'National database pupil export (C1-HocSinh)',
    version: C1_HOC_SINH_VERSION,
    basis:
      'A model of the csdl.moet.gov.vn C1-HocSinh export built from the headers known from schools and developers (no published template): Sheet1 under a title block, ~16 catalog sheets, headers matched by text.',
    formats: ['xls', 'xlsx'],
    entities: [
      {
        mapping,
        sheets: (sheet) => sheet.state === 'visible' && !isCatalogSheet(sheet),
        headerSearchRows: 20,
      },
    ],
    detect: catalogSheetEvidence,
  });
}

/** Reads the C1-HocSinh export with the bundled catalogs (see {@link createC1HocSinh}). */
export const c1HocSinh: Adapter = createC1HocSinh();
