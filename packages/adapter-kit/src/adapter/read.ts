import { classifyCells } from '../layout/classify-row.ts';
import { bindMapping } from '../mapping/bind-mapping.ts';
import { mapRowSharingColumns } from '../mapping/map-row.ts';
import type { CsvWorkbook } from '../workbook/csv/index.ts';
import type { WorkbookSource } from '../workbook/csv/source.ts';
import { openWorkbook } from '../workbook/open.ts';
import { rowBatches } from '../workbook/row-batches.ts';
import type { Row, Workbook } from '../workbook/types.ts';
import { headerInSample, sampleSheet } from './sheet-header.ts';
import type { Adapter, ReadItem, ReadOptions, RecordProvenance } from './types.ts';

/** The source of a read: the bytes, a file on disk (see `WorkbookSource`), or an opened workbook. */
export type ReadSource = WorkbookSource | Workbook;

const isWorkbook = (source: ReadSource): source is Workbook =>
  typeof (source as Workbook).rows === 'function';

/**
 * What a CSV file's encoding says that the user must know: a file read as UTF-8 although some of
 * its bytes are not, or read as Windows-1258 because it is not UTF-8 (nothing is guessed
 * silently).
 */
function encodingWarning(workbook: Workbook): string | undefined {
  if (workbook.format !== 'csv') return undefined;
  const csv = workbook as Partial<CsvWorkbook>;
  if (csv.encodingSource === 'mostly-utf-8') {
    const invalid = csv.invalidUtf8;
    return `The file is UTF-8 except for ${invalid?.count ?? 'some'} invalid byte sequence(s)${invalid === undefined ? '' : ` (the first on line ${invalid.firstLine})`}: each reads as "\uFFFD", and every value holding one is reported as an error and left out. Save the file again as CSV UTF-8 from the spreadsheet program.`;
  }
  if (csv.encodingSource === 'fallback') {
    return 'The file is not UTF-8: it was read as Windows-1258 (what Excel\'s plain "CSV" writes on a Vietnamese Windows). If names look wrong, save the file again as CSV UTF-8.';
  }
  return undefined;
}

/** A record's provenance, built without spreading (it is made for every row). */
function provenanceOf(
  file: string | undefined,
  sheet: string,
  row: number,
  columns: Readonly<Record<string, string | undefined>>,
): RecordProvenance {
  const fields = columns as Record<string, string>;
  return file === undefined
    ? { sheet, row, columns: fields }
    : { file, sheet, row, columns: fields };
}

/**
 * Reads a file with an adapter, streaming: for each sheet that holds one of the adapter's entities
 * (its header found among the first rows), every row after the header becomes a record with its
 * provenance (file, sheet, row, and the column of each field), or a skip with its reason (empty,
 * a repeated header, a class caption), or an issue — never silently nothing. Values that cannot be
 * read become issues on the record; a file that cannot be read at all throws an `AdapterError`.
 * Bytes and paths are opened with the adapter's own `open` when it has one (`openWorkbook`
 * otherwise). The start of each sheet (and its merged ranges, when a mapping has multi-row
 * headers) is read once for all of the adapter's entities. A CSV file read as UTF-8 with invalid
 * bytes, or as Windows-1258, gives a warning; each cell holding undecodable bytes or a NUL an
 * error on its record.
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
    : await (adapter.open ?? openWorkbook)(source, {
        ...(options.file === undefined ? {} : { file: options.file }),
        ...(options.limits === undefined ? {} : { limits: options.limits }),
      });
  const file = options.file ?? workbook.file;
  const where = file === undefined ? {} : { file };
  try {
    if (!adapter.formats.includes(workbook.format)) {
      yield {
        kind: 'issue',
        code: 'wrong-format',
        severity: 'warning',
        problem: `Adapter ${adapter.id} is made for ${adapter.formats.join('/')} files; this is ${workbook.format}`,
        ...where,
      };
    }
    const encoding = encodingWarning(workbook);
    if (encoding !== undefined) {
      yield {
        kind: 'issue',
        code: 'encoding-invalid',
        severity: 'warning',
        problem: encoding,
        ...where,
      };
    }
    let found = 0;
    for (const sheet of workbook.sheets) {
      const sample = await sampleSheet(workbook, sheet, adapter.entities);
      if (sample === undefined) continue;
      for (const entity of adapter.entities) {
        const located = await headerInSample(sample, entity);
        if (!located) continue;
        found++;
        const bound = bindMapping(entity.mapping, located.header);
        for (const problem of bound.problems) {
          yield {
            kind: 'issue',
            ...(problem.code === undefined ? {} : { code: problem.code }),
            severity: problem.severity,
            problem: problem.problem,
            sheet: sheet.name,
            ...where,
          };
        }
        const required = bound.bindings
          .filter((b) => b.column === undefined && b.spec.options.required === true)
          .map((b) => b.name);
        if (required.length > 0) {
          yield {
            kind: 'issue',
            code: 'column-missing',
            severity: 'error',
            problem: `Sheet ${JSON.stringify(sheet.name)} lacks the required column(s) ${required.join(', ')}: its rows cannot be read`,
            sheet: sheet.name,
            ...where,
          };
          continue;
        }
        // Missing optional fields are worth a warning; missing extras (columns a hook may use,
        // such as subjects of other grades) are not.
        const optional = bound.bindings
          .filter(
            (b) => b.column === undefined && b.target === 'field' && !required.includes(b.name),
          )
          .map((b) => b.name);
        if (optional.length > 0) {
          yield {
            kind: 'issue',
            code: 'column-absent',
            severity: 'warning',
            problem: `Sheet ${JSON.stringify(sheet.name)} has no column for ${optional.join(', ')}: these stay empty in its records`,
            sheet: sheet.name,
            ...where,
          };
        }
        const values = entity.sheetValues?.(sheet, located.titleRows) ?? {};
        const withValues = Object.keys(values).length > 0;
        const classify = { keyColumns: bound.keyColumns };
        const { header } = located;
        // What one row becomes: nothing (the header), a skip with its reason, or a record.
        const itemOf = (row: Row): ReadItem | undefined => {
          if (row.row <= header.lastRow) {
            return row.row < header.firstRow
              ? { kind: 'skip', sheet: sheet.name, row: row.row, reason: 'title' }
              : undefined;
          }
          const kind = classifyCells(row, header, classify);
          if (typeof kind !== 'number') {
            return kind.caption === undefined
              ? { kind: 'skip', sheet: sheet.name, row: row.row, reason: kind.kind }
              : {
                  kind: 'skip',
                  sheet: sheet.name,
                  row: row.row,
                  reason: kind.kind,
                  caption: kind.caption,
                };
          }
          const mapped = mapRowSharingColumns(bound, row);
          return {
            kind: 'record',
            entity: entity.mapping.entity,
            record: withValues ? { ...values, ...mapped.record } : mapped.record,
            provenance: provenanceOf(file, sheet.name, row.row, mapped.columns),
            issues: mapped.issues,
          };
        };
        // Rows in batches where the reader makes them (one wait per batch, not per row).
        const batches = rowBatches(workbook, sheet.index);
        if (batches === undefined) {
          for await (const row of workbook.rows(sheet.index)) {
            const item = itemOf(row);
            if (item !== undefined) yield item;
          }
        } else {
          for await (const batch of batches) {
            for (const row of batch) {
              const item = itemOf(row);
              if (item !== undefined) yield item;
            }
          }
        }
      }
    }
    if (found === 0) {
      yield {
        kind: 'issue',
        code: 'no-layout',
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
