/**
 * Reading and writing .xlsx workbooks with no third-party code: a streaming reader in bounded
 * memory (random access to the zip, shared strings and styles first, then each sheet parsed as it
 * is inflated — no temporary files), a minimal writer, and a template filler that rewrites only
 * the sheets it fills. Node only (`node:fs`, `node:zlib`).
 *
 * @module
 */

export type { CellInput } from './cell-writer.ts';
export { type FillXlsxTemplateOptions, fillXlsxTemplate, type TemplateFill } from './template.ts';
export { type OpenXlsxOptions, openXlsx, type XlsxSource } from './workbook.ts';
export { type ColumnInput, type SheetInput, type WriteXlsxOptions, writeXlsx } from './writer.ts';
