import { basename, resolve } from 'node:path';
import {
  type Adapter,
  detectAdapter,
  type HeaderMatch,
  headerColumns,
  inferMapping,
  openWorkbook,
  type Row,
  readWith,
  type Workbook,
} from '@eduvn/adapter-kit';
import type { FileHints } from '@eduvn/check';
import { entityByName, maskRecord } from '@eduvn/standard';
import { CliError, type CliIo } from '../io.ts';
import { adaptersFor } from '../read-records.ts';

/** Options of `eduvn inspect`. */
export interface InspectOptions {
  /** An adapter id to inspect with instead of the best detected. */
  readonly adapter?: string | undefined;
  /** Hints (grade, period, school, year) for the adapters that need them. */
  readonly hints?: FileHints | undefined;
  /** Sample rows to show (default 3, at most 20). */
  readonly rows?: number | undefined;
  /** The least confidence to read with an adapter (default 0.6). */
  readonly minConfidence?: number | undefined;
}

/** Rows searched for a header when no adapter fits. */
const SEARCH_ROWS = 30;
/** Rows profiled below a header. */
const SAMPLE_ROWS = 200;
/** Entities a mapping is proposed for. */
const PROPOSE = ['HocSinh', 'CanBo', 'Lop'] as const;

async function firstRows(workbook: Workbook, sheet: number, count: number): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const row of workbook.rows(sheet)) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

function textCells(row: Row): number {
  return row.cells.filter((c) => typeof c?.value === 'string' && c.value.trim() !== '').length;
}

/** A header guessed as the row of most text cells among the first rows (for a proposal). */
function guessHeader(rows: readonly Row[]): { header: HeaderMatch; index: number } | undefined {
  let best = -1;
  let score = 0;
  rows.slice(0, SEARCH_ROWS).forEach((row, i) => {
    const n = textCells(row);
    if (n > score) {
      score = n;
      best = i;
    }
  });
  const row = rows[best];
  if (row === undefined || score < 2) return undefined;
  const columns = headerColumns([row], { dataRows: rows.slice(best + 1, best + 21) });
  return {
    index: best,
    header: { firstRow: row.row, lastRow: row.row, columns, score: 0, matched: new Map() },
  };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`.padStart(4);
}

/**
 * `eduvn inspect <file>`: which adapter reads the file (the ranking with reasons), the header
 * found and what each column maps to with a confidence, and a few sample records — masked (names,
 * personal IDs and other personal data are never printed in full).
 */
export async function inspectCommand(
  io: CliIo,
  file: string,
  options: InspectOptions,
): Promise<number> {
  const path = resolve(io.cwd, file);
  const name = basename(path);
  const sampleCount = Math.min(20, Math.max(0, options.rows ?? 3));
  let workbook: Workbook;
  try {
    workbook = await openWorkbook({ path }, { file: name });
  } catch (error) {
    throw new CliError(`${file}: ${(error as Error).message}`);
  }
  const out = (s: string) => io.stdout.write(`${s}\n`);
  try {
    out(
      `${name}: ${workbook.format}, sheets: ${workbook.sheets.map((s) => JSON.stringify(s.name)).join(', ')}`,
    );
    const adapters = adaptersFor(options.hints, options.adapter);
    const ranking = await detectAdapter(workbook, adapters);
    out('\nAdapters (best first):');
    for (const d of ranking.slice(0, 5)) {
      out(`  ${pct(d.confidence)}  ${d.adapter.id.padEnd(22)} ${d.adapter.label}`);
      for (const r of d.reasons.slice(0, 2)) out(`         ${r}`);
    }
    const best = ranking[0];
    const min = options.minConfidence ?? 0.6;
    const sheetIndex = (sheetName: string) =>
      workbook.sheets.findIndex((s) => s.name === sheetName);
    if (best?.best !== undefined && (best.confidence >= min || options.adapter !== undefined)) {
      const layout = best.best;
      out(
        `\nDetected: ${best.adapter.id} (${pct(best.confidence).trim()}), sheet ${JSON.stringify(layout.sheet)}, entity ${layout.entity}, header on row ${layout.header.firstRow}${layout.header.lastRow > layout.header.firstRow ? `–${layout.header.lastRow}` : ''}`,
      );
      const rows = await firstRows(
        workbook,
        sheetIndex(layout.sheet),
        layout.header.lastRow + SAMPLE_ROWS,
      );
      const data = rows.filter((r) => r.row > layout.header.lastRow);
      const inferred = inferMapping({ header: layout.header, rows: data }, layout.entity);
      const byTerm = new Map<string, string>();
      for (const e of best.adapter.entities) {
        if (e.mapping.entity !== layout.entity) continue;
        for (const [field, spec] of Object.entries(e.mapping.columns)) {
          const col = layout.header.matched.get(spec.term.label);
          if (col !== undefined) byTerm.set(col.letter, field);
        }
      }
      out('\nHeader mapping (column, header → field, confidence):');
      for (const col of layout.header.columns) {
        const field = byTerm.get(col.letter);
        const guess = inferred.columns.find((c) => c.letter === col.letter);
        const confidence =
          field === undefined ? 0 : guess?.field === field ? Math.max(guess.confidence, 0.9) : 0.9;
        out(
          `  ${col.letter.padEnd(3)} ${JSON.stringify(col.label).slice(0, 48).padEnd(50)} → ${(field ?? '(not read)').padEnd(24)} ${field === undefined ? '' : pct(confidence)}`,
        );
      }
      await sample(io, best.adapter, path, name, sampleCount);
      return 0;
    }
    out(
      `\nNo adapter reaches ${pct(min).trim()}: a mapping would be proposed (review it before use).`,
    );
    let proposal:
      | {
          sheet: string;
          entity: string;
          row: number;
          columns: ReturnType<typeof inferMapping>['columns'];
          total: number;
        }
      | undefined;
    for (const [i, sheet] of workbook.sheets.entries()) {
      const rows = await firstRows(workbook, i, SEARCH_ROWS + SAMPLE_ROWS);
      const found = guessHeader(rows);
      if (found === undefined) continue;
      const data = rows.slice(found.index + 1);
      for (const entity of PROPOSE) {
        const inferred = inferMapping({ header: found.header, rows: data }, entity);
        const total = inferred.columns.reduce(
          (n, c) => n + (c.field === null ? 0 : c.confidence),
          0,
        );
        if (proposal === undefined || total > proposal.total) {
          proposal = {
            sheet: sheet.name,
            entity,
            row: found.header.firstRow,
            columns: inferred.columns,
            total,
          };
        }
      }
    }
    if (proposal === undefined) {
      out('No header found on any sheet.');
      return 1;
    }
    out(
      `Proposed: entity ${proposal.entity}, sheet ${JSON.stringify(proposal.sheet)}, header on row ${proposal.row}`,
    );
    out('\nHeader mapping (column, header → field, confidence):');
    for (const c of proposal.columns) {
      out(
        `  ${c.letter.padEnd(3)} ${JSON.stringify(c.label).slice(0, 48).padEnd(50)} → ${(c.field ?? '(none)').padEnd(24)} ${c.field === null ? '' : pct(c.confidence)}`,
      );
    }
    return 0;
  } finally {
    await workbook.close();
  }
}

/** Prints the first records an adapter reads, masked. */
async function sample(
  io: CliIo,
  adapter: Adapter,
  path: string,
  file: string,
  count: number,
): Promise<void> {
  if (count === 0) return;
  io.stdout.write(`\nSample records (masked):\n`);
  let shown = 0;
  for await (const item of readWith(adapter, { path }, { file })) {
    if (item.kind !== 'record') continue;
    const schema = entityByName(item.entity);
    const masked =
      schema === undefined ? {} : maskRecord(schema, item.record, { personal: 'mask' });
    io.stdout.write(`  row ${item.provenance.row}: ${JSON.stringify(masked)}\n`);
    if (++shown >= count) break;
  }
  if (shown === 0) io.stdout.write('  (no records)\n');
}
