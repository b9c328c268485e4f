/**
 * Reading and writing the spreadsheets Vietnamese schools and the national database exchange:
 * streaming .xlsx (bounded memory, no temp files), legacy .xls, CSV in any encoding; header
 * detection with multi-row merged headers; a mapping DSL with value converters and inference for
 * unknown layouts; provenance down to the cell; template filling that never writes a formula; and
 * adapters as plugins (`defineAdapter`, `detectAdapter`, `readWith`) with a shared conformance
 * suite in `@eduvn/adapter-kit/testing`.
 *
 * @packageDocumentation
 */

export { defineAdapter } from './adapter/define.ts';
export { detectAdapter } from './adapter/detect.ts';
export { type ReadResult, type ReadSource, readAll, readWith } from './adapter/read.ts';
export { readBatches } from './adapter/read-batches.ts';
export { type SheetHeader, sheetHeader } from './adapter/sheet-header.ts';
export * from './adapter/types.ts';
export { type CatalogSheetOptions, readCatalogSheets } from './catalog-sheets.ts';
export {
  AdapterError,
  type AdapterErrorCode,
  DEFAULT_LIMITS,
  type LimitBreach,
  type Limits,
  resolveLimits,
} from './errors.ts';
export * from './layout/index.ts';
export * from './mapping/index.ts';
export {
  type CsvDelimiter,
  type CsvEncoding,
  type CsvEncodingSource,
  type CsvOptions,
  type CsvWorkbook,
  type InvalidUtf8,
  openCsv,
  type WorkbookSource,
} from './workbook/csv/index.ts';
export * from './workbook/open.ts';
export * from './workbook/types.ts';
export { openXls, type XlsOptions } from './workbook/xls/index.ts';
export {
  type AnnotatedSheet,
  type AnnotatedXlsx,
  AnnotateXlsxError,
  type AnnotateXlsxErrorCode,
  type AnnotateXlsxOptions,
  type AnnotationSeverity,
  annotateXlsx,
  type CellAnnotation,
  type SheetAnnotations,
} from './workbook/xlsx/annotate.ts';
export * from './workbook/xlsx/index.ts';
