/**
 * Adapters for the national education database's Excel exchange (CSDL ngành,
 * csdl.moet.gov.vn): the pupil export **C1-HocSinh** (`HocSinh`), the staff export
 * **CSDL_GiaoVien** (`CanBo`), and the TT27 results import **KQHT** for every grade and period
 * (`DanhGiaHocSinh`, read and written). Built on `@eduvn/adapter-kit`: every record carries its
 * provenance, and every value that cannot be read is an issue, never a silent gap.
 *
 * @packageDocumentation
 */

export {
  C1_CATALOG_COLUMNS,
  C1_CATALOG_SHEETS,
  C1_HOC_SINH_VERSION,
  type C1HocSinhOptions,
  c1HocSinh,
  createC1HocSinh,
} from './c1-hoc-sinh.ts';
export {
  type CatalogColumnSpec,
  CatalogNameError,
} from './catalog-columns.ts';
export {
  type CatalogFallback,
  type CatalogNames,
  type CatalogResolution,
  catalogNames,
} from './catalog-names.ts';
export type { MoetCatalogOptions } from './catalog-options.ts';
export {
  CSDL_GIAO_VIEN_CATALOG_COLUMNS,
  CSDL_GIAO_VIEN_VERSION,
  type CsdlGiaoVienOptions,
  createCsdlGiaoVien,
  csdlGiaoVien,
} from './csdl-giao-vien.ts';
export { MOET_ADAPTER_IDS } from './ids.ts';
export { kqhtAdapter } from './kqht/adapter.ts';
export {
  KQHT_HEADERS,
  KQHT_LAYOUT_K12,
  KQHT_LAYOUT_K345,
  KQHT_LAYOUTS,
  KQHT_TRAIT_FIELDS,
  type KqhtColumn,
  type KqhtLayout,
  type KqhtLayoutId,
  type KqhtSubject,
  type KqhtTrait,
  type KqhtTraitField,
  type KqhtValue,
  kqhtLayoutForGrade,
} from './kqht/layout.ts';
export {
  KQHT_PERIODS,
  type KqhtOptions,
  type KqhtPeriod,
  type KqhtPupil,
  type KqhtWriteOptions,
} from './kqht/options.ts';
export { KqhtWriteError, type KqhtWriteProblem } from './kqht/write.ts';
