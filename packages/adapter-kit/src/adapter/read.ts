import { hasValue } from '../layout/cell-text.ts';
import { classifyCells } from '../layout/classify-row.ts';
import { bindMapping } from '../mapping/bind-mapping.ts';
import { mapRowSharingColumns } from '../mapping/map-row.ts';
import type { CsvWorkbook } from '../workbook/csv/index.ts';
import type { WorkbookSource } from '../workbook/csv/source.ts';
import { EachOfBatches } from '../workbook/each-of-batches.ts';
import { openWorkbook } from '../workbook/open.ts';
import { rowBatches } from '../workbook/row-batches.ts';
import type { Row, Workbook } from '../workbook/types.ts';
import { headerInSample, type SheetHeader, sampleSheet } from './sheet-header.ts';
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

/** The rows of a sheet that belong to one table: from `from` up to, not including, `to`. */
interface TableRows {
  readonly from: number;
  readonly to: number | undefined;
}

/** How many rows above a table's header may be its caption (above them, a blank row parts it). */
const CAPTION_ROWS = 3;

/**
 * The rows of each table of a sheet, when it holds several one below the other (the school's
 * sites, then its classes), each found by its own entity's header. Headers that share rows, or
 * have no filled row between them, are one table (several entities read from the same rows). A table runs from
 * its caption — the rows just above its header, up to {@link CAPTION_ROWS}, below a blank row —
 * down to the next table's caption; the first table from the top of the sheet.
 */
function tablesOf(
  rows: readonly Row[],
  headers: readonly SheetHeader[],
): ReadonlyMap<SheetHeader, TableRows> {
  const tables = new Map<SheetHeader, TableRows>();
  if (headers.length < 2) return tables;
  const sorted = [...headers].sort((a, b) => a.header.firstRow - b.header.firstRow);
  const filled = new Set(rows.filter((r) => r.cells.some(hasValue)).map((r) => r.row));
  // Groups of headers sharing rows (or with no filled row between them), top to bottom.
  const groups: SheetHeader[][] = [];
  for (const located of sorted) {
    const last = groups[groups.length - 1];
    const lastRow = last === undefined ? 0 : Math.max(...last.map((h) => h.header.lastRow));
    let between = false;
    for (let r = lastRow + 1; r < located.header.firstRow && !between; r++) between = filled.has(r);
    if (last !== undefined && !between) last.push(located);
    else groups.push([located]);
  }
  const starts = groups.map((group, g) => {
    if (g === 0) return 1;
    const previous = groups[g - 1] ?? [];
    const floor = Math.max(...previous.map((h) => h.header.lastRow));
    const headerRow = Math.min(...group.map((h) => h.header.firstRow));
    for (let r = headerRow - 1; r > floor && r >= headerRow - 1 - CAPTION_ROWS; r--) {
      if (!filled.has(r)) return r + 1;
    }
    return headerRow;
  });
  groups.forEach((group, g) => {
    const table = { from: starts[g] ?? 1, to: starts[g + 1] };
    for (const located of group) tables.set(located, table);
  });
  return tables;
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

/** The sum of the last rows the workbook's sheets declare, or `undefined` if one declares none. */
async function declaredRows(workbook: Workbook): Promise<number | undefined> {
  if (workbook.dimension === undefined) return undefined;
  let rows = 0;
  for (const sheet of workbook.sheets) {
    const range = await workbook.dimension(sheet.index);
    if (range === undefined) return undefined;
    rows += range.bottom;
  }
  return rows;
}

/** How many items a reader of single rows (CSV, .xls) hands on at a time. */
const ITEMS_PER_BATCH = 256;

/**
 * Reads a file with an adapter, streaming: for each sheet that holds one of the adapter's entities
 * (its header found among the first rows), every row after the header becomes a record with its
 * provenance (file, sheet, row, and the column of each field), or a skip with its reason (empty,
 * a repeated header, a class caption, the form's example row, a numbered line left blank), or an
 * issue — never silently nothing. A sheet holding several tables one below the other (the
 * school's sites, then its classes), each with its own header among the first rows, is read table
 * by table: each entity reads only its own table's rows, numbered as in the sheet. Values that cannot be
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
export function readWith(
  adapter: Adapter,
  source: ReadSource,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem, void, undefined> {
  return new EachOfBatches(readItemBatches(adapter, source, options));
}

/**
 * {@link readWith}'s items in batches, in the same order: the issues before a sheet's rows, then
 * the items of each batch of rows the reader makes (one wait per batch instead of one per item).
 * An error of the reader or of a mapping's hook is thrown after the items before it.
 *
 * @internal
 */
export async function* readItemBatches(
  adapter: Adapter,
  source: ReadSource,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem[], void, undefined> {
  // Items waiting to be handed on: the issues found before a sheet's rows.
  let pending: ReadItem[] = [];
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
      pending.push({
        kind: 'issue',
        code: 'wrong-format',
        severity: 'warning',
        problem: `Adapter ${adapter.id} is made for ${adapter.formats.join('/')} files; this is ${workbook.format}`,
        ...where,
      });
    }
    const encoding = encodingWarning(workbook);
    if (encoding !== undefined) {
      pending.push({
        kind: 'issue',
        code: 'encoding-invalid',
        severity: 'warning',
        problem: encoding,
        ...where,
      });
    }
    if (options.onDeclaredRows !== undefined) {
      const rows = await declaredRows(workbook);
      if (rows !== undefined) options.onDeclaredRows(rows);
    }
    let found = 0;
    for (const sheet of workbook.sheets) {
      const sample = await sampleSheet(workbook, sheet, adapter.entities);
      if (sample === undefined) continue;
      const headers: SheetHeader[] = [];
      for (const entity of adapter.entities) {
        const located = await headerInSample(sample, entity);
        if (located) headers.push(located);
      }
      const tables = tablesOf(sample.rows, headers);
      for (const located of headers) {
        const { entity } = located;
        const table = tables.get(located) ?? { from: 1, to: undefined };
        found++;
        const bound = bindMapping(entity.mapping, located.header);
        for (const problem of bound.problems) {
          pending.push({
            kind: 'issue',
            ...(problem.code === undefined ? {} : { code: problem.code }),
            severity: problem.severity,
            problem: problem.problem,
            sheet: sheet.name,
            ...where,
          });
        }
        const required = bound.bindings
          .filter((b) => b.column === undefined && b.spec.options.required === true)
          .map((b) => b.name);
        if (required.length > 0) {
          pending.push({
            kind: 'issue',
            code: 'column-missing',
            severity: 'error',
            problem: `Sheet ${JSON.stringify(sheet.name)} lacks the required column(s) ${required.join(', ')}: its rows cannot be read`,
            sheet: sheet.name,
            ...where,
          });
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
          pending.push({
            kind: 'issue',
            code: 'column-absent',
            severity: 'warning',
            problem: `Sheet ${JSON.stringify(sheet.name)} has no column for ${optional.join(', ')}: these stay empty in its records`,
            sheet: sheet.name,
            ...where,
          });
        }
        const titleRows = located.titleRows.filter((r) => r.row >= table.from);
        const values = entity.sheetValues?.(sheet, titleRows) ?? {};
        const withValues = Object.keys(values).length > 0;
        const classify = { keyColumns: bound.keyColumns };
        const classifyFirst = { keyColumns: bound.keyColumns, firstData: true };
        const { header } = located;
        const { from, to } = table;
        // No record yet under the header: where a form's example row sits.
        let first = true;
        // What one row becomes: nothing (the header, or a row of another table of the sheet), a
        // skip with its reason, or a record.
        const itemOf = (row: Row): ReadItem | undefined => {
          if (row.row <= header.lastRow) {
            return row.row < header.firstRow && row.row >= from
              ? { kind: 'skip', sheet: sheet.name, row: row.row, reason: 'title' }
              : undefined;
          }
          if (to !== undefined && row.row >= to) return undefined;
          const kind = classifyCells(row, header, first ? classifyFirst : classify);
          if (typeof kind !== 'number') {
            if (kind.kind === 'example' || kind.kind === 'numbered-blank') {
              return {
                kind: 'skip',
                sheet: sheet.name,
                row: row.row,
                reason: kind.kind,
                detail: kind.reason,
              };
            }
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
          first = false;
          const mapped = mapRowSharingColumns(bound, row);
          return {
            kind: 'record',
            entity: entity.mapping.entity,
            record: withValues ? { ...values, ...mapped.record } : mapped.record,
            provenance: provenanceOf(file, sheet.name, row.row, mapped.columns),
            issues: mapped.issues,
          };
        };
        if (pending.length > 0) {
          const out = pending;
          pending = [];
          yield out;
        }
        // Rows in batches where the reader makes them (one wait per batch, not per row); a reader
        // of single rows has its items handed on by ITEMS_PER_BATCH. Whatever throws — the reader,
        // a mapping's hook — does so after the items of the rows before it are handed on.
        const until = to === undefined ? {} : { until: to - 1 };
        const batches = rowBatches(workbook, sheet.index, until);
        let items: ReadItem[] = [];
        try {
          if (batches === undefined) {
            for await (const row of workbook.rows(sheet.index, until)) {
              const item = itemOf(row);
              if (item === undefined) continue;
              items.push(item);
              if (items.length >= ITEMS_PER_BATCH) {
                const out = items;
                items = [];
                yield out;
              }
            }
          } else {
            for await (const batch of batches) {
              for (const row of batch) {
                const item = itemOf(row);
                if (item !== undefined) items.push(item);
              }
              if (items.length > 0) {
                const out = items;
                items = [];
                yield out;
              }
            }
          }
        } catch (error) {
          if (items.length > 0) {
            const out = items;
            items = [];
            yield out;
          }
          throw error;
        }
        if (items.length > 0) yield items;
      }
    }
    if (found === 0) {
      pending.push({
        kind: 'issue',
        code: 'no-layout',
        severity: 'error',
        problem: `No sheet of this file looks like a ${adapter.label} layout (no header found among the first rows)`,
        ...where,
      });
    }
    if (pending.length > 0) yield pending;
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
