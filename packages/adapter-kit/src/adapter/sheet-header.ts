import { findHeader } from '../layout/find-header.ts';
import type { HeaderMatch } from '../layout/types.ts';
import type { MergedRange, Row, SheetInfo, Workbook } from '../workbook/types.ts';
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

/** How many rows an entity searches for its header. */
const searchRows = (entity: AdapterEntity): number => entity.headerSearchRows ?? 30;

/**
 * The least header score an entity accepts: its own {@link AdapterEntity.minScore}, else 3 — or
 * every term of the mapping's vocabulary when it has fewer than 3 (a mapping of one or two
 * columns, such as one inferred from a small file, finds the header it was made from).
 *
 * @internal
 */
export const minScoreOf = (entity: AdapterEntity): number =>
  entity.minScore ?? Math.min(3, Math.max(1, entity.mapping.vocabulary.length));

const usesPaths = (entity: AdapterEntity): boolean =>
  entity.mapping.vocabulary.some((term) => (term.paths?.length ?? 0) > 0);

/** Whether an entity may be read from a sheet. */
export const eligible = (entity: AdapterEntity, sheet: SheetInfo): boolean =>
  entity.sheets ? entity.sheets(sheet) : sheet.state === 'visible';

/**
 * The start of a sheet, read once for every entity (and every adapter) that looks for its header
 * there: its first rows, and its merged ranges, read at most once and only when asked. Finding the
 * headers of several entities or adapters then reads the sheet once, not once each.
 *
 * @internal
 */
export interface SheetSample {
  /** The sheet. */
  readonly sheet: SheetInfo;
  /** The first rows (up to the most any entity searches). */
  readonly rows: readonly Row[];
  /** The merged ranges (read on the first call). */
  merges(): Promise<readonly MergedRange[]>;
}

/**
 * Reads the start of a sheet for the entities that may look for their header in it, or
 * `undefined` when none may.
 *
 * @internal
 */
export async function sampleSheet(
  workbook: Workbook,
  sheet: SheetInfo,
  entities: readonly AdapterEntity[],
): Promise<SheetSample | undefined> {
  const looking = entities.filter((entity) => eligible(entity, sheet));
  if (looking.length === 0) return undefined;
  const until = Math.max(...looking.map(searchRows));
  const rows: Row[] = [];
  for await (const row of workbook.rows(sheet.index, { until })) rows.push(row);
  let merges: Promise<readonly MergedRange[]> | undefined;
  return {
    sheet,
    rows,
    merges: () => {
      merges ??= workbook.merges(sheet.index);
      return merges;
    },
  };
}

/**
 * An entity's header in a sheet's sample (see {@link sheetHeader}).
 *
 * @internal
 */
export async function headerInSample(
  sample: SheetSample,
  entity: AdapterEntity,
): Promise<SheetHeader | undefined> {
  const { sheet } = sample;
  if (!eligible(entity, sheet)) return undefined;
  const until = searchRows(entity);
  const rows = sample.rows.filter((row) => row.row <= until);
  if (rows.length === 0) return undefined;
  const merges = usesPaths(entity) ? await sample.merges() : undefined;
  const minScore = minScoreOf(entity);
  const header = findHeader(rows, entity.mapping.vocabulary, {
    minScore: Math.min(minScore, Math.max(1, entity.mapping.vocabulary.length)),
    ...(merges ? { merges } : {}),
  });
  if (!header || header.score < minScore) return undefined;
  return { sheet, entity, header, titleRows: rows.filter((r) => r.row < header.firstRow) };
}

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
  const sample = await sampleSheet(workbook, sheet, [entity]);
  return sample === undefined ? undefined : headerInSample(sample, entity);
}
