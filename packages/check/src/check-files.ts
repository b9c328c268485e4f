import {
  type Adapter,
  AdapterError,
  bindMapping,
  detectAdapter,
  type Limits,
  type MappingIssue,
  openWorkbook,
  type ReadItem,
  readBatches,
  readWith,
  resolveLimits,
  type SheetInfo,
  sheetHeader,
  type Workbook,
} from '@eduvn/adapter-kit';
import {
  type InputRecord,
  type IssueCounts,
  inBatches,
  type ReadingProblem,
  type Report,
  recordKeyOf,
  resolveSettings,
  type SourceLayout,
  validate,
} from '@eduvn/rules';
import { entityByName } from '@eduvn/standard';
import { defaultAdapters } from './adapters.ts';
import { CheckOptionsError, shown } from './errors.ts';
import { keyNoter } from './layout-keys.ts';
import { type Proposal, proposeForCsv, proposeForWorkbook } from './propose.ts';
import { FILE_RULES, READING_RULE_IDS, readingCodeOf, toIssue } from './reading.ts';
import { nameOf, type OpenedSource, openInput, toCheckSource } from './source.ts';
import type {
  CheckIssue,
  CheckNotChecked,
  CheckOptions,
  CheckReport,
  CheckSource,
  FileHints,
  FileInput,
  FileStatus,
  FileSummary,
} from './types.ts';
import { describeIssueValue, topField } from './value.ts';

/** The default least detection confidence. */
export const DEFAULT_MIN_CONFIDENCE = 0.6;
/** The default entities a mapping is proposed for. */
export const DEFAULT_PROPOSE_ENTITIES: readonly string[] = Object.freeze([
  'HocSinh',
  'CanBo',
  'Lop',
]);
/** The default {@link CheckOptions.maxReadingIssues}. */
export const DEFAULT_MAX_READING_ISSUES = 100_000;
/** Records read ahead to learn the fields a layout fills itself (a hook's, a title's). */
const SAMPLE_RECORDS = 200;
/** Files kept open between detection and reading; more are opened again to be read. */
const MAX_OPEN_FILES = 16;
/** Rows between two progress calls. */
const PROGRESS_EVERY = 1_000;

const PERIODS = ['GK1', 'CK1', 'GK2', 'CN'];

/** One file on its way through the check. */
interface FileRun {
  readonly index: number;
  readonly name: string;
  readonly hints: FileHints;
  readonly input: FileInput;
  opened: OpenedSource | undefined;
  workbook: Workbook | undefined;
  adapter: Adapter | undefined;
  status: FileStatus;
  confidence: number | undefined;
  proposal: Proposal | undefined;
  /** Per entity, the fields the file carries. */
  readonly layout: Map<string, Set<string>>;
  records: number;
  skipped: number;
  rows: number;
  /** The rows its sheets declare (for a progress bar's time left), once the read has started. */
  rowsDeclared?: number;
}

function checkHints(hints: FileHints, where: string): void {
  if (typeof hints !== 'object' || hints === null) {
    throw new CheckOptionsError('bad-hint', `checkFiles: ${where} must be an object`);
  }
  const { adapter, khoi, kyDanhGia, truongId, namHoc, entity } = hints;
  if (adapter !== undefined && (typeof adapter !== 'string' || adapter === '')) {
    throw new CheckOptionsError('bad-hint', `checkFiles: ${where}.adapter must be an adapter id`);
  }
  if (khoi !== undefined && !(Number.isInteger(khoi) && khoi >= 1 && khoi <= 5)) {
    throw new CheckOptionsError(
      'bad-hint',
      `checkFiles: ${where}.khoi must be a grade from 1 to 5, got ${shown(khoi)}`,
    );
  }
  if (kyDanhGia !== undefined && !PERIODS.includes(kyDanhGia)) {
    throw new CheckOptionsError(
      'bad-hint',
      `checkFiles: ${where}.kyDanhGia must be one of ${PERIODS.join(', ')}, got ${shown(kyDanhGia)}`,
    );
  }
  if (truongId !== undefined && (typeof truongId !== 'string' || truongId.trim() === '')) {
    throw new CheckOptionsError('bad-hint', `checkFiles: ${where}.truongId must be a school code`);
  }
  if (namHoc !== undefined) {
    const m = typeof namHoc === 'string' ? /^(\d{4})-(\d{4})$/.exec(namHoc) : null;
    if (!m || Number(m[2]) !== Number(m[1]) + 1) {
      throw new CheckOptionsError(
        'bad-hint',
        `checkFiles: ${where}.namHoc must be a school year like '2025-2026', got ${shown(namHoc)}`,
      );
    }
  }
  if (entity !== undefined && (typeof entity !== 'string' || entityByName(entity) === undefined)) {
    throw new CheckOptionsError(
      'bad-hint',
      `checkFiles: ${where}.entity must be an entity of @eduvn/standard, got ${shown(entity)}`,
    );
  }
}

function checkOptions(options: CheckOptions): { limits: Limits } {
  if (typeof options !== 'object' || options === null) {
    throw new CheckOptionsError('bad-option', 'checkFiles: options must be an object');
  }
  try {
    resolveSettings(options);
  } catch (error) {
    throw new CheckOptionsError('bad-option', `checkFiles: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { minConfidence, proposeEntities, maxReadingIssues, onProgress, adapters } = options;
  if (
    minConfidence !== undefined &&
    !(typeof minConfidence === 'number' && minConfidence >= 0 && minConfidence <= 1)
  ) {
    throw new CheckOptionsError(
      'bad-option',
      `checkFiles: minConfidence must be a number from 0 to 1, got ${shown(minConfidence)}`,
    );
  }
  if (proposeEntities !== undefined) {
    if (!Array.isArray(proposeEntities)) {
      throw new CheckOptionsError('bad-option', 'checkFiles: proposeEntities must be a list');
    }
    for (const e of proposeEntities) {
      if (typeof e !== 'string' || entityByName(e) === undefined) {
        throw new CheckOptionsError(
          'bad-option',
          `checkFiles: proposeEntities holds ${shown(e)}, not an entity of @eduvn/standard`,
        );
      }
    }
  }
  if (
    maxReadingIssues !== undefined &&
    !(Number.isInteger(maxReadingIssues) && maxReadingIssues >= 0)
  ) {
    throw new CheckOptionsError(
      'bad-option',
      `checkFiles: maxReadingIssues must be a whole number ≥ 0, got ${shown(maxReadingIssues)}`,
    );
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new CheckOptionsError('bad-option', 'checkFiles: onProgress must be a function');
  }
  if (adapters !== undefined && typeof adapters !== 'function' && !Array.isArray(adapters)) {
    throw new CheckOptionsError(
      'bad-option',
      'checkFiles: adapters must be a list of adapters or a function of the hints',
    );
  }
  if (options.hints !== undefined) checkHints(options.hints, 'options.hints');
  try {
    return { limits: resolveLimits(options.limits) };
  } catch (error) {
    throw new CheckOptionsError('bad-option', `checkFiles: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The adapters offered for a file, with the hinted one checked. */
function adaptersFor(run: FileRun, options: CheckOptions): readonly Adapter[] {
  let list: readonly Adapter[];
  try {
    list =
      typeof options.adapters === 'function'
        ? options.adapters(run.hints)
        : (options.adapters ??
          defaultAdapters(run.hints, {
            ...(options.catalogs === undefined ? {} : { catalogs: options.catalogs }),
            ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
          }));
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      throw new CheckOptionsError('bad-hint', `checkFiles: ${run.name}: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
  const wanted = run.hints.adapter;
  if (wanted !== undefined && !list.some((a) => a.id === wanted)) {
    throw new CheckOptionsError(
      'bad-hint',
      `checkFiles: ${run.name}: the adapter ${shown(wanted)} is not offered for this file (offered: ${list.map((a) => a.id).join(', ')}${wanted.startsWith('moet-kqht') ? '; the KQHT adapters need khoi, kyDanhGia, namHoc and truongId' : ''})`,
    );
  }
  return list;
}

const isAbort = (error: unknown, signal: AbortSignal | undefined): boolean =>
  signal?.aborted === true && (error === signal.reason || (error as Error)?.name === 'AbortError');

/** Why a file could not be read, as a file-level reading problem. */
function unreadable(error: unknown, file: string): ReadingProblem {
  if (error instanceof AdapterError) {
    if (error.code === 'limit-exceeded') {
      return {
        code: FILE_RULES.limit,
        file,
        value: error.limit?.name ?? 'limits',
        detail: error.message,
      };
    }
    return { code: FILE_RULES.file, file, detail: `${error.code}: ${error.message}` };
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: FILE_RULES.file,
    file,
    detail: typeof code === 'string' ? `${code}: ${message}` : message,
  };
}

/** The quoted value a reader's problem text shows (already masked by the reader), if any. */
function quotedValue(problem: string): string | undefined {
  const m = /'([^']{1,60})'|"([^"]{1,60})"/.exec(problem);
  return m?.[1] ?? m?.[2];
}

/** The fields a file's layout carries, per entity: columns found, and what the reader fills. */
async function learnLayout(run: FileRun, workbook: Workbook, adapter: Adapter): Promise<void> {
  const add = (entity: string, field: string): void => {
    let set = run.layout.get(entity);
    if (!set) {
      set = new Set();
      run.layout.set(entity, set);
    }
    set.add(field);
  };
  for (const sheet of workbook.sheets as readonly SheetInfo[]) {
    for (const entity of adapter.entities) {
      const located = await sheetHeader(workbook, sheet, entity);
      if (!located) continue;
      const name = entity.mapping.entity;
      const bound = bindMapping(entity.mapping, located.header);
      for (const b of bound.bindings) {
        if (b.target === 'field' && b.column !== undefined) add(name, b.name);
      }
      for (const key of Object.keys(entity.sheetValues?.(sheet, located.titleRows) ?? {})) {
        add(name, key);
      }
    }
  }
  // What hooks fill (catalog names coded, sub-tables built): seen on the first records.
  let seen = 0;
  for await (const item of readWith(adapter, workbook, { file: run.name })) {
    if (item.kind !== 'record') continue;
    for (const key of Object.keys(item.record)) add(item.entity, key);
    if (++seen >= SAMPLE_RECORDS) break;
  }
}

/**
 * Checks the files a school or a district holds in one call: each file is recognised among the
 * installed adapters (or read with a mapping proposed from its header when none fits well
 * enough, and the report says it must be reviewed), read with provenance, streaming, and every
 * record validated with the full rule set of `@eduvn/rules` as of `options.asOf` — across files,
 * so duplicates between files are found too. The result is one report: problems found while
 * reading (an impossible date, a blank required cell, a file that cannot be read at all) and
 * problems found by rules have one shape — a rule id of the rule catalog, a severity, the file,
 * sheet, row, column and cell, the value (masked), a Vietnamese and an English message and a fix
 * hint — and the formatters of `@eduvn/rules` (`formatText`, `toJSON`, `toJUnit`) take it.
 *
 * Memory stays flat in the files' size: records stream from the reader to the rules; only the
 * keys dataset rules need (uniqueness, references, class sizes) and the issues are kept. Each
 * file's first rows are read once more beforehand, to learn which fields its layout carries: a
 * rule whose evidence a file's layout lacks is not run on it, and `notChecked` says so once.
 *
 * A file that cannot be read (not a spreadsheet, encrypted, damaged, over a limit, missing) is a
 * `READ.FILE.001` or `READ.LIMIT.001` issue of the report, never an exception.
 *
 * @param sources - the files: paths, bytes, streams, or `{ source, name, hints }`
 * @param options - the rules' settings (`asOf`, `period`, `catalogs`, `acknowledgements`…),
 * adapters, hints for every file, thresholds, limits, progress callback, abort signal
 * @returns the report
 * @throws CheckOptionsError for arguments it cannot work with (a bad `asOf`, a grade that is not
 * 1–5, a source that is not a file); the signal's reason when aborted
 *
 * @example
 * ```ts
 * const report = await checkFiles(
 *   ['C1-HocSinh.xlsx', { source: 'KQHT.xlsx', hints: { khoi: 1, kyDanhGia: 'CN' } }],
 *   { asOf: '2026-05-31', hints: { truongId: '79000701', namHoc: '2025-2026' } },
 * );
 * console.log(formatText(report));
 * ```
 */
export async function checkFiles(
  sources: readonly (CheckSource | FileInput)[] | CheckSource | FileInput,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const { limits } = checkOptions(options);
  const list = Array.isArray(sources) ? sources : [sources];
  if (list.length === 0) throw new CheckOptionsError('bad-source', 'checkFiles: no file to check');
  const signal = options.signal;
  signal?.throwIfAborted();
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const entities = options.proposeEntities ?? DEFAULT_PROPOSE_ENTITIES;
  const maxReading = options.maxReadingIssues ?? DEFAULT_MAX_READING_ISSUES;
  // Names as the report shows them, made unique (`a.xlsx`, `a.xlsx (2)`): issues are told apart
  // by their file.
  const used = new Set<string>();
  const runs: FileRun[] = list.map((item, index) => {
    const source = toCheckSource(item, index);
    if (source.hints !== undefined) checkHints(source.hints, `sources[${index}].hints`);
    const base = nameOf(source, index);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return {
      index,
      name,
      hints: { ...options.hints, ...source.hints },
      input: source.source,
      opened: undefined,
      workbook: undefined,
      adapter: undefined,
      status: 'unreadable',
      confidence: undefined,
      proposal: undefined,
      layout: new Map(),
      records: 0,
      skipped: 0,
      rows: 0,
    };
  });
  const offered = runs.map((run) => adaptersFor(run, options));

  const reading: CheckIssue[][] = runs.map(() => []);
  let readingCount = 0;
  let omitted = 0;
  const note = (run: FileRun, problem: ReadingProblem): void => {
    if (readingCount >= maxReading) {
      omitted++;
      return;
    }
    readingCount++;
    (reading[run.index] as CheckIssue[]).push(toIssue(problem, options.rules?.severity));
  };
  const keepOpen = runs.length <= MAX_OPEN_FILES;
  const progress = (run: FileRun, done: boolean): void => {
    options.onProgress?.({
      file: run.name,
      index: run.index,
      files: runs.length,
      rows: run.rows,
      ...(run.rowsDeclared === undefined ? {} : { rowsDeclared: run.rowsDeclared }),
      ...(run.opened?.bytes === undefined ? {} : { bytes: run.opened.bytes }),
      done,
    });
  };

  try {
    // 1. Each file: opened, recognised (or a mapping proposed), its layout learnt.
    for (const run of runs) {
      signal?.throwIfAborted();
      try {
        run.opened = await openInput(run.input, run.name, limits);
        const workbook = await openWorkbook(run.opened.source, {
          file: run.name,
          ...(options.limits === undefined ? {} : { limits: options.limits }),
        });
        run.workbook = workbook;
        const adapters = offered[run.index] as readonly Adapter[];
        const wanted = run.hints.adapter;
        if (wanted !== undefined) {
          run.adapter = adapters.find((a) => a.id === wanted);
          run.status = 'read';
        } else {
          const [best] = await detectAdapter(workbook, adapters, { file: run.name });
          if (best !== undefined && best.confidence >= minConfidence) {
            run.adapter = best.adapter;
            run.confidence = best.confidence;
            run.status = 'read';
          } else {
            const candidates = run.hints.entity === undefined ? entities : [run.hints.entity];
            const proposal =
              workbook.format === 'csv'
                ? await proposeForCsv(run.opened.source, run.name, candidates, options.limits)
                : await proposeForWorkbook(workbook, candidates);
            if (proposal === undefined) {
              note(run, {
                code: FILE_RULES.noLayout,
                file: run.name,
                detail: `No adapter fits (best: ${best ? `${best.adapter.id} ${best.confidence.toFixed(2)}` : 'none'}), and no header of ${candidates.join(', ')} was found to propose a mapping from`,
              });
            } else {
              run.adapter = proposal.adapter;
              run.proposal = proposal;
              run.status = 'proposed';
              const pairs = proposal.columns
                .filter((c) => c.field !== null && proposal.mapped.includes(c.field))
                .map((c) => `${c.letter} → ${c.field}`);
              note(run, {
                code: FILE_RULES.proposed,
                entity: proposal.entity,
                file: run.name,
                sheet:
                  workbook.format === 'csv'
                    ? (workbook.sheets[0]?.name ?? proposal.sheet)
                    : proposal.sheet,
                row: proposal.headerRow,
                detail: `${proposal.entity}, header on row ${proposal.headerRow}, ${proposal.mapped.length} of ${proposal.columns.length} columns mapped: ${pairs.length > 12 ? `${pairs.slice(0, 12).join(', ')}, …` : pairs.join(', ')}`,
              });
            }
          }
        }
        if (run.adapter !== undefined) await learnLayout(run, workbook, run.adapter);
        if (!keepOpen || run.adapter === undefined || run.adapter.open !== undefined) {
          run.workbook = undefined;
          await workbook.close();
        }
      } catch (error) {
        if (isAbort(error, signal)) throw error;
        run.adapter = undefined;
        run.status = 'unreadable';
        note(run, unreadable(error, run.name));
        const workbook = run.workbook;
        run.workbook = undefined;
        await workbook?.close().catch(() => undefined);
      }
    }

    // 2. The layout the rules are told: per entity, every field some file carries.
    const union = new Map<string, Set<string>>();
    for (const run of runs) {
      for (const [entity, fields] of run.layout) {
        const set = union.get(entity) ?? new Set<string>();
        for (const f of fields) set.add(f);
        union.set(entity, set);
      }
    }
    const layout: SourceLayout = Object.fromEntries(
      [...union].map(([entity, fields]) => [entity, [...fields]]),
    );

    // 3. Every record of every file, streamed to the rules a batch at a time (one wait per batch
    // of rows the reader parses).
    async function* records(): AsyncGenerator<InputRecord[], void, undefined> {
      const noteKeys = keyNoter();
      for (const run of runs) {
        const adapter = run.adapter;
        const opened = run.opened;
        if (adapter === undefined || opened === undefined) continue;
        const source = adapter.open !== undefined ? opened.source : (run.workbook ?? opened.source);
        try {
          for await (const batch of readBatches(adapter, source, {
            file: run.name,
            ...(options.limits === undefined ? {} : { limits: options.limits }),
            ...(options.onProgress === undefined
              ? {}
              : {
                  onDeclaredRows: (rows: number) => {
                    run.rowsDeclared = rows;
                  },
                }),
          })) {
            const out: InputRecord[] = [];
            for (const item of batch) {
              if (item.kind === 'record') {
                run.records++;
                run.rows++;
                const readErrors = item.issues.length > 0 ? noteRecordIssues(run, item) : undefined;
                const carried = run.layout.get(item.entity);
                if (carried !== undefined) noteKeys(carried, item.record);
                if (run.rows % PROGRESS_EVERY === 0) {
                  signal?.throwIfAborted();
                  progress(run, false);
                }
                // The fields the reader could not read are not reported again by the schema rule
                // (`readErrors`): `merge` would drop those issues, so they are not even made.
                out.push(
                  readErrors === undefined
                    ? { entity: item.entity, record: item.record, provenance: item.provenance }
                    : {
                        entity: item.entity,
                        record: item.record,
                        provenance: item.provenance,
                        readErrors,
                      },
                );
              } else if (item.kind === 'skip') {
                run.skipped++;
                run.rows++;
              } else {
                if (item.row !== undefined) run.rows++;
                const code = readingCodeOf(item.code, item.severity);
                if (code === undefined) continue;
                note(run, {
                  code,
                  file: run.name,
                  ...(item.sheet === undefined ? {} : { sheet: item.sheet }),
                  ...(item.row === undefined ? {} : { row: item.row }),
                  detail: item.problem,
                });
              }
            }
            if (out.length > 0) yield out;
          }
        } catch (error) {
          if (isAbort(error, signal)) throw error;
          note(run, unreadable(error, run.name));
        } finally {
          const workbook = run.workbook;
          run.workbook = undefined;
          await workbook?.close().catch(() => undefined);
          progress(run, true);
        }
      }
    }

    /**
     * Notes a record's reading problems; returns the top-level fields of its errors, where the
     * rules would locate a schema issue at the same cell (not made again: `readErrors`), or
     * `undefined` for none.
     */
    const noteRecordIssues = (
      run: FileRun,
      item: Extract<ReadItem, { kind: 'record' }>,
    ): string[] | undefined => {
      const { entity, record, provenance } = item;
      let key: string | undefined;
      let readErrors: string[] | undefined;
      const classCode = typeof record['maLop'] === 'string' ? record['maLop'] : undefined;
      for (const issue of item.issues as readonly MappingIssue[]) {
        const code = readingCodeOf(issue.code, issue.severity);
        if (code === undefined) continue;
        key ??= recordKeyOf({ entity, record });
        if (issue.field !== undefined && issue.severity === 'error') {
          // A cell a reading issue already reported: the schema rule is told (`readErrors`) and
          // makes no issue under its field. The rules locate the record's issues at its
          // provenance's file: the same cell only when that is the run's name.
          if (provenance.file === run.name) {
            readErrors ??= [];
            readErrors.push(topField(issue.field));
          }
        }
        const own = (issue as { value?: unknown }).value;
        const value =
          own === undefined
            ? quotedValue(issue.problem)
            : describeIssueValue(own, entity, issue.field);
        // Built property by property (no spreads): a file may hold a reading problem per row.
        const problem: { -readonly [K in keyof ReadingProblem]: ReadingProblem[K] } = {
          code,
          entity,
          recordKey: key,
        };
        if (issue.field !== undefined) problem.field = issue.field;
        if (classCode !== undefined) problem.classCode = classCode;
        problem.file = run.name;
        problem.sheet = provenance.sheet;
        problem.row = provenance.row;
        if (issue.column !== undefined) problem.column = issue.column;
        if (value !== undefined) problem.value = value;
        problem.detail = issue.problem;
        note(run, problem);
      }
      return readErrors;
    };

    // Every entity the files can give records of: the rules relating two entities (a pupil's
    // class) are not run when one of them is in no file, and the report says so.
    const inputEntities = new Set<string>();
    for (const run of runs) {
      for (const entity of run.adapter?.entities ?? []) inputEntities.add(entity.mapping.entity);
    }

    const ruleReport: Report = await validate(inBatches(records()), {
      ...pickValidateOptions(options),
      ...(Object.keys(layout).length === 0 ? {} : { layout }),
      inputEntities: [...inputEntities],
    });
    signal?.throwIfAborted();
    return merge(runs, reading, ruleReport, omitted);
  } finally {
    for (const run of runs) {
      await run.workbook?.close().catch(() => undefined);
      await run.opened?.release().catch(() => undefined);
    }
  }
}

/** The options `validate` takes, from the check's. */
function pickValidateOptions(options: CheckOptions): Parameters<typeof validate>[1] {
  const out: Record<string, unknown> = {};
  for (const key of [
    'asOf',
    'schoolYear',
    'catalogs',
    'period',
    'tt27',
    'deadlineHours',
    'deadlineWarningHours',
    'maxClassSize',
    'previous',
    'acknowledgements',
    'rules',
  ] as const) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out;
}

const zero = (): { error: number; query: number; acknowledged: number } => ({
  error: 0,
  query: 0,
  acknowledged: 0,
});

function count(target: { error: number; query: number; acknowledged: number }, issue: CheckIssue) {
  if (issue.severity === 'error') target.error++;
  else if (issue.acknowledged) target.acknowledged++;
  else target.query++;
}

/** The report: reading issues by file, then the rules' issues not already said; counts anew. */
function merge(
  runs: readonly FileRun[],
  reading: readonly CheckIssue[][],
  ruleReport: Report,
  omitted: number,
): CheckReport {
  const byName = new Map(runs.map((r) => [r.name, r] as const));
  const notChecked: CheckNotChecked[] = [...(ruleReport.notChecked ?? [])];
  const perFile = new Map<string, { entry: CheckNotChecked; fields: Set<string> }>();
  const issues: CheckIssue[] = reading.flat();
  for (const issue of ruleReport.issues as readonly CheckIssue[]) {
    const loc = issue.location;
    if (issue.field !== undefined && loc?.file !== undefined) {
      const run = byName.get(loc.file);
      const carried = run?.layout.get(issue.entity);
      const field = topField(issue.field);
      if (carried !== undefined && !carried.has(field)) {
        // Another file of the entity carries the field; this one does not: not checked here.
        const key = `${loc.file}\u0000${issue.entity}\u0000${issue.ruleId}`;
        let found = perFile.get(key);
        if (!found) {
          found = {
            entry: {
              entity: issue.entity,
              ruleId: issue.ruleId,
              file: loc.file,
              fields: [],
              reason: {
                vi: `Tệp ${loc.file} không có cột cho trường này: quy tắc không kiểm tra được trên các bản ghi của tệp`,
                en: `The file ${loc.file} has no column for this field: the rule cannot check its records`,
              },
            },
            fields: new Set(),
          };
          perFile.set(key, found);
        }
        found.fields.add(field);
        continue;
      }
    }
    issues.push(issue);
  }
  for (const { entry, fields } of perFile.values())
    notChecked.push({ ...entry, fields: [...fields] });

  const bySeverity = zero();
  const byRule: Record<string, IssueCounts> = Object.create(null);
  const byClass: Record<string, IssueCounts> = Object.create(null);
  for (const issue of issues) {
    count(bySeverity, issue);
    byRule[issue.ruleId] ??= zero();
    count(byRule[issue.ruleId] as ReturnType<typeof zero>, issue);
    if (issue.classCode !== undefined) {
      byClass[issue.classCode] ??= zero();
      count(byClass[issue.classCode] as ReturnType<typeof zero>, issue);
    }
  }
  const files: FileSummary[] = runs.map((run) => ({
    file: run.name,
    status: run.status,
    ...(run.adapter === undefined ? {} : { adapter: run.adapter.id }),
    ...(run.confidence === undefined ? {} : { confidence: run.confidence }),
    layout: Object.fromEntries([...run.layout].map(([e, f]) => [e, [...f]])),
    records: run.records,
    skipped: run.skipped,
    ...(run.opened?.bytes === undefined ? {} : { bytes: run.opened.bytes }),
  }));
  return {
    ...ruleReport,
    issues,
    summary: {
      records: ruleReport.summary.records,
      bySeverity,
      byRule: { ...byRule },
      byClass: { ...byClass },
    },
    passes: bySeverity.error === 0 && bySeverity.query === 0,
    rules: [...READING_RULE_IDS, ...ruleReport.rules],
    notChecked,
    files,
    omitted,
  };
}
