import { classifyRow } from '../layout/classify-row.ts';
import { bindMapping } from '../mapping/bind-mapping.ts';
import { mapRow } from '../mapping/map-row.ts';
import type { WorkbookSource } from '../workbook/csv/source.ts';
import { openWorkbook } from '../workbook/open.ts';
import type { Workbook } from '../workbook/types.ts';
import { sheetHeader } from './sheet-header.ts';
import type { Adapter, ReadItem, ReadOptions } from './types.ts';

/** The source of a read: the bytes, a file on disk (see `WorkbookSource`), or an opened workbook. */
export type ReadSource = WorkbookSource | Workbook;

const isWorkbook = (source: ReadSource): source is Workbook =>
  typeof (source as Workbook).rows === 'function';

/**
 * Reads a file with an adapter, streaming: for each sheet that holds one of the adapter's entities
 * (its header found among the first rows), every row after the header becomes a record with its
 * provenance (file, sheet, row, and the column of each field), or a skip with its reason (empty,
 * a repeated header, a class caption), or an issue — never silently nothing. Values that cannot be
 * read become issues on the record; a file that cannot be read at all throws an `AdapterError`.
 *
 * @example
 * ```ts
 * for await (const item of readWith(moetAdapter, { path: 'C1-HocSinh.xlsx' })) {
 *   if (item.kind === 'record') records.push({ entity: item.entity, record: item.record, provenance: item.provenance });
 * }
 * ```
 */
export async function* readWith(
  adapter: Adapter,
  source: ReadSource,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem, void, undefined> {
  const owned = !isWorkbook(source);
  const workbook = isWorkbook(source)
    ? source
    : await openWorkbook(source, {
        ...(options.file === undefined ? {} : { file: options.file }),
        ...(options.limits === undefined ? {} : { limits: options.limits }),
      });
  const file = options.file ?? workbook.file;
  const where = file === undefined ? {} : { file };
  try {
    if (!adapter.formats.includes(workbook.format)) {
      yield {
        kind: 'issue',
        severity: 'warning',
        problem: `Adapter ${adapter.id} is made for ${adapter.formats.join('/')} files; this is ${workbook.format}`,
        ...where,
      };
    }
    let found = 0;
    for (const sheet of workbook.sheets) {
      for (const entity of adapter.entities) {
        const located = await sheetHeader(workbook, sheet, entity);
        if (!located) continue;
        found++;
        const bound = bindMapping(entity.mapping, located.header);
        for (const problem of bound.problems) {
          yield {
            kind: 'issue',
            severity: problem.severity,
            problem: problem.problem,
            sheet: sheet.name,
            ...where,
          };
        }
        if (bound.missing.length > 0) {
          yield {
            kind: 'issue',
            severity: 'error',
            problem: `Sheet ${JSON.stringify(sheet.name)} lacks the required column(s) ${bound.missing.join(', ')}: its rows cannot be read`,
            sheet: sheet.name,
            ...where,
          };
          continue;
        }
        const values = entity.sheetValues?.(sheet, located.titleRows) ?? {};
        for await (const row of workbook.rows(sheet.index)) {
          if (row.row <= located.header.lastRow) {
            if (row.row < located.header.firstRow)
              yield { kind: 'skip', sheet: sheet.name, row: row.row, reason: 'title' };
            continue;
          }
          const kind = classifyRow(row, located.header, { keyColumns: bound.keyColumns }).kind;
          if (kind !== 'data') {
            yield { kind: 'skip', sheet: sheet.name, row: row.row, reason: kind };
            continue;
          }
          const mapped = mapRow(bound, row);
          yield {
            kind: 'record',
            entity: entity.mapping.entity,
            record: { ...values, ...mapped.record },
            provenance: {
              ...where,
              sheet: sheet.name,
              row: row.row,
              columns: mapped.columns as Record<string, string>,
            },
            issues: mapped.issues,
          };
        }
      }
    }
    if (found === 0) {
      yield {
        kind: 'issue',
        severity: 'error',
        problem: `No sheet of this file looks like a ${adapter.label} layout (no header found among the first rows)`,
        ...where,
      };
    }
  } finally {
    if (owned) await workbook.close();
  }
}

/** Everything a read produced, collected (for files that fit in memory). */
export interface ReadResult {
  /** The records, with their provenance and cell issues. */
  readonly records: readonly Extract<ReadItem, { kind: 'record' }>[];
  /** Problems with sheets and rows. */
  readonly issues: readonly Extract<ReadItem, { kind: 'issue' }>[];
  /** Rows that held no data, and why. */
  readonly skipped: readonly Extract<ReadItem, { kind: 'skip' }>[];
}

/** {@link readWith}, collected into arrays. */
export async function readAll(
  adapter: Adapter,
  source: ReadSource,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const records: Extract<ReadItem, { kind: 'record' }>[] = [];
  const issues: Extract<ReadItem, { kind: 'issue' }>[] = [];
  const skipped: Extract<ReadItem, { kind: 'skip' }>[] = [];
  for await (const item of readWith(adapter, source, options)) {
    if (item.kind === 'record') records.push(item);
    else if (item.kind === 'issue') issues.push(item);
    else skipped.push(item);
  }
  return { records, issues, skipped };
}
