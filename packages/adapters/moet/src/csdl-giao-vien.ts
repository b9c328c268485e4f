import { type Adapter, column, defineAdapter, defineMapping } from '@eduvn/adapter-kit';
import {
  bindCatalogColumns,
  type CatalogColumnSpec,
  catalogExtras,
  catalogTransform,
} from './catalog-columns.ts';
import { checkCatalogOptions, type MoetCatalogOptions } from './catalog-options.ts';
import { MOET_ADAPTER_IDS } from './ids.ts';

/** The layout version {@link csdlGiaoVien} reads. */
export const CSDL_GIAO_VIEN_VERSION = 'csdl-giaovien-xls-known-headers';

/**
 * The catalog columns of the staff export. `Trạng thái CB` is coded with the bundled staff
 * statuses (a status that contains "Đang làm việc" is `DANG_LAM_VIEC`, as active staff's values
 * do); `Nhóm chức vụ` and `Môn dạy` are coded only when their catalog is given (neither is
 * bundled: the Ministry's codes are not published).
 */
export const CSDL_GIAO_VIEN_CATALOG_COLUMNS: readonly CatalogColumnSpec[] = Object.freeze([
  {
    field: 'maTrangThaiCanBo',
    headers: ['Trạng thái CB', 'Trạng thái cán bộ'],
    catalog: 'DM_TRANG_THAI_CAN_BO',
    sensitive: false,
    fallbacks: [{ contains: 'dang lam viec', code: 'DANG_LAM_VIEC' }],
  },
  {
    field: 'maNhomCanBo',
    headers: ['Nhóm chức vụ', 'Chức vụ'],
    catalog: 'DM_NHOM_CAN_BO',
    sensitive: false,
  },
  { field: 'maMonDay', headers: ['Môn dạy'], catalog: 'DM_MON_HOC', sensitive: false },
  { field: 'maDanToc', headers: ['Dân tộc'], catalog: 'DM_DAN_TOC', sensitive: true },
]);

/** Options of {@link createCsdlGiaoVien}. */
export interface CsdlGiaoVienOptions extends MoetCatalogOptions {}

/**
 * Makes the reader of the national database's staff export **CSDL_GiaoVien** (a legacy .xls of 72
 * columns → `CanBo`), with catalogs of your choice.
 *
 * - Known headers: `Họ tên`, `Email`, `Trạng thái CB` (`Trạng thái cán bộ`), `Vị trí việc làm`,
 *   `Nhóm chức vụ` (`Chức vụ`), `Môn dạy`. Assumed (found when present): `Mã cán bộ`
 *   (`Mã giáo viên`), `Ngày sinh`, `Giới tính`, `Dân tộc`. Every other column is ignored.
 * - Text typed under the legacy `.VnTime` (TCVN3) or `VNI-*` fonts is decoded by the cell's font.
 * - **`Email` is read as written but is often wrong** (another person's address, or a shared
 *   official one): it is never used to identify anyone — the row key is the staff code, else the
 *   name.
 * - `Vị trí việc làm` is found (it helps detection) but not kept: `CanBo` (QĐ 4998 GVC1.1.1) has
 *   no job-position field.
 * - Catalog names are coded as {@link createC1HocSinh} does: never guessed; a name outside its
 *   catalog is an error issue of the row.
 *
 * @param options - the catalogs to code names with (default the bundled ones) and the day they
 * apply
 * @throws TypeError for options of the wrong shape
 */
export function createCsdlGiaoVien(options: CsdlGiaoVienOptions = {}): Adapter {
  const { catalogs, query } = checkCatalogOptions(options, 'createCsdlGiaoVien');
  const coded = bindCatalogColumns(CSDL_GIAO_VIEN_CATALOG_COLUMNS, catalogs, query);
  const uncoded = CSDL_GIAO_VIEN_CATALOG_COLUMNS.filter(
    (spec) => !coded.some((c) => c.spec === spec),
  );
  const mapping = defineMapping({
    entity: 'CanBo',
    version: CSDL_GIAO_VIEN_VERSION,
    columns: {
      hoTen: column(['Họ tên', 'Họ và tên'], 'name', { required: true }),
      giaoVienId: column(['Mã cán bộ', 'Mã giáo viên', 'Mã CB', 'Mã GV'], 'code'),
      email: column('Email', 'text'),
      ngaySinh: column('Ngày sinh', 'date'),
      maGioiTinh: column('Giới tính', 'sex'),
    },
    extras: {
      ...catalogExtras(coded),
      // Found for detection, not kept: no field of CanBo holds them (or their catalog is not loaded).
      viTriViecLam: column('Vị trí việc làm', 'text'),
      ...Object.fromEntries(
        uncoded.map((spec) => [`${spec.field}Text`, column([...spec.headers], 'text')]),
      ),
    },
    rowKey: ['giaoVienId', 'hoTen'],
    transform: catalogTransform(coded),
  });
  return defineAdapter({
    id: MOET_ADAPTER_IDS.csdlGiaoVien,
    label: 'National database staff export (CSDL_GiaoVien)',
    version: CSDL_GIAO_VIEN_VERSION,
    basis:
      'A model of the csdl.moet.gov.vn CSDL_GiaoVien export (legacy .xls, 72 columns) built from the six headers known from schools and developers, plus four assumed common ones; no published template.',
    formats: ['xls', 'xlsx'],
    entities: [{ mapping, headerSearchRows: 20 }],
  });
}

/** Reads the CSDL_GiaoVien export with the bundled catalogs (see {@link createCsdlGiaoVien}). */
export const csdlGiaoVien: Adapter = createCsdlGiaoVien();
