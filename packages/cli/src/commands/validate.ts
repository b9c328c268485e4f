import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { maskDigits } from '@eduvn/adapter-kit';
import { type CheckProgress, type CheckReport, checkFiles, toHtml, toXlsx } from '@eduvn/check';
import { type Acknowledgement, describeLocation, toJSON, toJUnit } from '@eduvn/rules';
import { asOfOf, type HintFlags, hintsOf } from '../hints.ts';
import { CliError, type CliIo } from '../io.ts';
import { createProgress, type Progress } from '../progress.ts';

/** Options of `eduvn validate`. */
export interface ValidateFlags extends HintFlags {
  /** An adapter id instead of detection. */
  readonly adapter?: string | undefined;
  /** The day the data are checked as of. */
  readonly asOf?: string | undefined;
  /** A JSON file of acknowledgements (an array, as `acknowledge` of `@eduvn/rules` returns them). */
  readonly ack?: string | undefined;
  /**
   * Where to write the report: `.json`, `.xml` (JUnit), `.html`, or `.xlsx` (each input marked:
   * `out.xlsx` for one input, `out-<input name>.xlsx` for each of several).
   */
  readonly report?: string | undefined;
  /** The language of messages (default `en`). */
  readonly lang?: 'vi' | 'en' | undefined;
  /** How many issues to list (default 20). */
  readonly maxIssues?: string | undefined;
}

/**
 * A progress bar per file (`Reading C1-HocSinh.xlsx (1/3) [####----] 1,200/5,000 rows 3,400/s
 * 1s left`): the rows read against the rows the file declares (.xlsx and .xls say; a CSV shows
 * a count and a rate). Nothing is drawn when stderr is not a terminal.
 */
function fileProgress(io: CliIo): { update: (p: CheckProgress) => void; stop: () => void } {
  let bar: Progress | undefined;
  let current = -1;
  return {
    update: (p) => {
      if (p.index !== current) {
        bar?.stop();
        current = p.index;
        const label =
          p.files > 1 ? `Reading ${p.file} (${p.index + 1}/${p.files})` : `Reading ${p.file}`;
        bar = createProgress(io.stderr, label, 'rows');
      }
      bar?.update(p.rows, p.rowsDeclared);
    },
    stop: () => bar?.stop(),
  };
}

/** Reads an acknowledgements file: a JSON array of `{ ruleId, recordKey, note, by, at }`. */
async function readAcks(cwd: string, file: string): Promise<Acknowledgement[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new CliError(`--ack ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(data))
    throw new CliError(`--ack ${file}: expected a JSON array of acknowledgements`);
  return data.map((a, i) => {
    const ok =
      typeof a === 'object' &&
      a !== null &&
      ['ruleId', 'recordKey', 'note', 'by'].every(
        (k) => typeof (a as Record<string, unknown>)[k] === 'string',
      );
    if (!ok)
      throw new CliError(`--ack ${file}: item ${i} needs ruleId, recordKey, note and by (strings)`);
    const r = a as Record<string, string>;
    return {
      ruleId: r['ruleId'] as string,
      recordKey: r['recordKey'] as string,
      note: r['note'] as string,
      by: r['by'] as string,
      at: r['at'] ?? new Date().toISOString(),
    };
  });
}

/** The report format a path's extension names; throws for one not available. */
export function reportFormatOf(path: string): 'json' | 'junit' | 'html' | 'xlsx' {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xml' || ext === '.junit') return 'junit';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.xlsx') return 'xlsx';
  throw new CliError(
    `--report ${path}: unknown report format ${JSON.stringify(ext)}; use .json, .xml (JUnit), .html or .xlsx (annotated Excel).`,
    2,
  );
}

/**
 * Where the annotated Excel report of each input goes: `path` itself for one input; for several,
 * `<path without .xlsx>-<input name without extension>.xlsx` beside it (names made safe for a
 * file system, and told apart with `-2`, `-3` … when two inputs share one).
 */
export function xlsxReportPaths(path: string, inputs: readonly string[]): string[] {
  if (inputs.length === 1) return [path];
  const stem = basename(path, extname(path));
  const taken = new Set<string>();
  return inputs.map((input) => {
    const name =
      basename(input, extname(input))
        .replace(/[^\p{L}\p{N}._-]+/gu, '_')
        .slice(0, 100) || 'file';
    let candidate = `${stem}-${name}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${name}-${n}`;
    taken.add(candidate.toLowerCase());
    return join(dirname(path), `${candidate}.xlsx`);
  });
}

/**
 * Writes the annotated Excel report: each input's own workbook with its problem cells filled and
 * noted and a "Lỗi / Errors" column (an .xls or CSV input converted to .xlsx). Inputs that cannot
 * be marked (unreadable, not a spreadsheet) are named on stderr and skipped.
 */
async function writeXlsxReports(
  io: CliIo,
  path: string,
  inputs: readonly string[],
  report: CheckReport,
  lang: 'vi' | 'en' | undefined,
): Promise<string[]> {
  const targets = xlsxReportPaths(path, inputs);
  const written: string[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const file = report.files[i];
    const target = resolve(io.cwd, targets[i] as string);
    if (file === undefined || file.status === 'unreadable') {
      io.stderr.write(`Not annotated: ${file?.file ?? inputs[i]}: the file could not be read.\n`);
      continue;
    }
    try {
      const bytes = await readFile(resolve(io.cwd, inputs[i] as string));
      const out = await toXlsx(
        report,
        { file: file.file, bytes },
        lang === undefined ? {} : { lang },
      );
      await writeFile(target, out.bytes);
      written.push(target);
      const left = out.sheets.reduce((n, s) => n + s.unmarked + s.omitted, 0);
      if (left > 0 || out.unplaced > 0) {
        io.stderr.write(
          `${file.file}: ${out.placed} issue(s) marked${left > 0 ? ` (${left} over the limits, listed in the Errors column or left out)` : ''}; ${out.unplaced} not tied to a row (see the other reports).\n`,
        );
      }
    } catch (error) {
      io.stderr.write(`Not annotated: ${file.file}: ${maskDigits((error as Error).message)}\n`);
    }
  }
  return written;
}

/**
 * Writes the report in the format its extension names: JSON, JUnit XML, or a self-contained HTML
 * page (charts and a filterable issue table, in `lang`, default English). For `.xlsx`, use
 * {@link validateCommand} (it needs the input files).
 */
export async function writeReport(
  cwd: string,
  path: string,
  report: CheckReport,
  options: { readonly lang?: 'vi' | 'en' } = {},
): Promise<string> {
  const format = reportFormatOf(path);
  if (format === 'xlsx') {
    throw new CliError(`--report ${path}: the annotated Excel report needs the input files.`, 2);
  }
  const full = resolve(cwd, path);
  await writeFile(
    full,
    format === 'json'
      ? `${JSON.stringify(toJSON(report), null, 2)}\n`
      : format === 'html'
        ? await toHtml(report, { lang: options.lang ?? 'en' })
        : toJUnit(report),
  );
  return full;
}

function counts(c: { error: number; query: number; acknowledged: number }): string {
  return `${c.error} error(s), ${c.query} query(ies)${c.acknowledged ? `, ${c.acknowledged} acknowledged` : ''}`;
}

/** Prints the summary of a check: files, totals, by rule, by class, the first issues. */
export function printSummary(
  io: CliIo,
  report: CheckReport,
  lang: 'vi' | 'en',
  maxIssues: number,
): void {
  const out = (s: string) => io.stdout.write(`${s}\n`);
  for (const f of report.files) {
    out(
      `${f.file}: ${f.status}${f.adapter ? ` (${f.adapter}${f.confidence === undefined ? '' : `, ${Math.round(f.confidence * 100)}%`})` : ''}, ${f.records} record(s)${f.skipped ? `, ${f.skipped} row(s) skipped` : ''}`,
    );
  }
  const s = report.summary;
  out(`\n${s.records} record(s) checked as of ${report.asOf}: ${counts(s.bySeverity)}.`);
  const rules = Object.entries(s.byRule).sort(
    (a, b) => b[1].error + b[1].query - (a[1].error + a[1].query),
  );
  if (rules.length > 0) {
    out('\nBy rule:');
    for (const [id, c] of rules) out(`  ${id.padEnd(22)} ${counts(c)}`);
  }
  const classes = Object.entries(s.byClass);
  if (classes.length > 0) {
    out('\nBy class:');
    for (const [code, c] of classes.slice(0, 50)) out(`  ${code.padEnd(10)} ${counts(c)}`);
    if (classes.length > 50)
      out(`  … and ${classes.length - 50} more class(es) (--report for all)`);
  }
  if (report.notChecked.length > 0) {
    out('\nNot checked:');
    for (const n of report.notChecked.slice(0, 20)) {
      const file = typeof n.file === 'string' ? `${n.file}: ` : '';
      out(`  ${file}${n.entity} ${n.ruleId ?? ''} — ${maskDigits(n.reason[lang])}`);
    }
    if (report.notChecked.length > 20) out(`  … and ${report.notChecked.length - 20} more`);
  }
  const shown = report.issues.filter((i) => i.acknowledged === undefined).slice(0, maxIssues);
  if (shown.length > 0) {
    out(
      `\nIssues${report.issues.length > shown.length ? ` (first ${shown.length} of ${report.issues.length})` : ''}:`,
    );
    for (const i of shown) {
      const where = describeLocation(i, lang);
      out(`  ${i.severity.toUpperCase()} ${i.ruleId} ${where}`);
      out(`    ${maskDigits(i.message[lang])}`);
      if (i.hint[lang]) out(`    → ${maskDigits(i.hint[lang])}`);
    }
  }
  if (report.omitted > 0)
    out(`\n${report.omitted} more reading issue(s) were counted but not kept.`);
}

/**
 * `eduvn validate <files…>`: the one-call check of `@eduvn/check` — detection (or `--adapter`),
 * reading, every rule as of `--as-of` — with a summary on stdout, a progress bar on a terminal,
 * the report written by extension (`.xlsx`: each input annotated, in the `--lang` language), and
 * exit code 1 when there are errors or unacknowledged queries (1 also when no annotated Excel
 * report could be written).
 */
export async function validateCommand(
  io: CliIo,
  files: readonly string[],
  flags: ValidateFlags,
): Promise<number> {
  const hints = {
    ...hintsOf(flags),
    ...(flags.adapter === undefined ? {} : { adapter: flags.adapter }),
  };
  const asOf = asOfOf(flags.asOf);
  const maxIssues = flags.maxIssues === undefined ? 20 : Number(flags.maxIssues);
  if (!Number.isInteger(maxIssues) || maxIssues < 0)
    throw new CliError('--max-issues must be a whole number', 2);
  if (flags.report !== undefined) reportFormatOf(flags.report);
  const acknowledgements = flags.ack === undefined ? undefined : await readAcks(io.cwd, flags.ack);
  const progress = fileProgress(io);
  let report: CheckReport;
  try {
    report = await checkFiles(
      files.map((f) => resolve(io.cwd, f)),
      {
        hints,
        ...(asOf === undefined ? {} : { asOf }),
        ...(acknowledgements === undefined ? {} : { acknowledgements }),
        onProgress: progress.update,
      },
    );
  } catch (error) {
    throw new CliError((error as Error).message);
  } finally {
    progress.stop();
  }
  printSummary(io, report, flags.lang ?? 'en', maxIssues);
  if (flags.report !== undefined && reportFormatOf(flags.report) === 'xlsx') {
    const written = await writeXlsxReports(io, flags.report, files, report, flags.lang);
    for (const path of written) io.stderr.write(`Report written to ${path}\n`);
    if (written.length === 0) throw new CliError('No annotated Excel report could be written.');
  } else if (flags.report !== undefined) {
    const path = await writeReport(io.cwd, flags.report, report, { lang: flags.lang ?? 'en' });
    io.stderr.write(`Report written to ${path}\n`);
  }
  io.stdout.write(
    report.passes
      ? '\nPASS: no errors, no unacknowledged queries.\n'
      : '\nFAIL: fix the errors; fix or acknowledge (--ack) the queries.\n',
  );
  return report.passes ? 0 : 1;
}
