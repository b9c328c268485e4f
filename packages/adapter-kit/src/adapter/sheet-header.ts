import { findHeader } from '../layout/find-header.ts';
import type { HeaderMatch } from '../layout/types.ts';
import type { Row, SheetInfo, Workbook } from '../workbook/types.ts';
import type { AdapterEntity } from './types.ts';

/** An entity's header found on a sheet, with the rows above it. */
export interface SheetHeader {
  /** The sheet. */
  readonly sheet: SheetInfo;
  /** The entity definition. */
  readonly entity: AdapterEntity;
  /** The header. */
  readonly header: HeaderMatch;
  /** The rows above the header (titles). */
  readonly titleRows: readonly Row[];
}

const usesPaths = (entity: AdapterEntity): boolean =>
  entity.mapping.vocabulary.some((term) => (term.paths?.length ?? 0) > 0);

/**
 * Finds an entity's header on a sheet: reads the first rows, and the merged ranges only when the
 * mapping has multi-row (path) headers. `undefined` when the sheet is not eligible or no header
 * scores enough.
 */
export async function sheetHeader(
  workbook: Workbook,
  sheet: SheetInfo,
  entity: AdapterEntity,
): Promise<SheetHeader | undefined> {
  const eligible = entity.sheets ? entity.sheets(sheet) : sheet.state === 'visible';
  if (!eligible) return undefined;
  const rows: Row[] = [];
  for await (const row of workbook.rows(sheet.index, { until: entity.headerSearchRows ?? 30 }))
    rows.push(row);
  if (rows.length === 0) return undefined;
  const merges = usesPaths(entity) ? await workbook.merges(sheet.index) : undefined;
  const header = findHeader(rows, entity.mapping.vocabulary, merges ? { merges } : {});
  if (!header || header.score < (entity.minScore ?? 3)) return undefined;
  return { sheet, entity, header, titleRows: rows.filter((r) => r.row < header.firstRow) };
}
