import {
  bindMapping,
  type MappingIssue,
  openWorkbook,
  type ReadItem,
  type ReadOptions,
  type ReadResult,
  type ReadSource,
  readWith,
  sheetHeader,
  type Workbook,
} from '@eduvn/adapter-kit';
import { type SmasAdapter, titleTexts } from './adapter.ts';
import { type ContextField, sheetContext } from './context.ts';
import { SMAS_SUBJECTS } from './subjects.ts';
import { unknownColumns } from './unknown-columns.ts';

type RecordItem = Extract<ReadItem, { kind: 'record' }>;
type IssueItem = Extract<ReadItem, { kind: 'issue' }>;

const CONTEXT_FIELDS: readonly ContextField[] = ['kyDanhGia', 'namHoc', 'maLop', 'khoi'];

const isWorkbook = (source: ReadSource): source is Workbook =>
  typeof (source as Workbook).rows === 'function';

/** `TOAN_diemKtdk` → `monHocs.TOAN.diemKtdk`, for the subjects' extras. */
const SUBJECT_FIELD = /^([A-Z][A-Z0-9_]*)_(mucDat|diemKtdk)$/;
const SUBJECT_CODES = new Set(SMAS_SUBJECTS.map((s) => s.code));

/** A cell issue of a subject column, named by its place in the record and explained. */
export function readableIssue(issue: MappingIssue): MappingIssue {
  const m = issue.field === undefined ? null : SUBJECT_FIELD.exec(issue.field);
  if (!m || !SUBJECT_CODES.has(m[1] ?? '')) return issue;
  const score = m[2] === 'diemKtdk' && / is not a (whole )?number/.test(issue.problem);
  return {
    ...issue,
    field: `monHocs.${m[1]}.${m[2]}`,
    problem: score
      ? `${issue.problem} A periodic test score (Điểm KTĐK) is a whole number from 0 to 10 (TT27): correct the file; the score was not read.`
      : issue.problem,
  };
}

/** What is known about one sheet before its rows are read. */
interface SheetFacts {
  /** Warnings about the whole sheet. */
  readonly warnings: readonly string[];
  /** Why a context field has no value, for the records that lack it. */
  readonly missing: Readonly<Partial<Record<ContextField, string>>>;
}

/** The facts of every sheet that holds an SMAS header, by sheet name. */
async function sheetFacts(
  adapter: SmasAdapter,
  workbook: Workbook,
): Promise<Map<string, SheetFacts>> {
  const facts = new Map<string, SheetFacts>();
  for (const sheet of workbook.sheets) {
    for (const entity of adapter.entities) {
      const located = await sheetHeader(workbook, sheet, entity);
      if (!located) continue;
      const context = sheetContext(sheet.name, titleTexts(located.titleRows), adapter.options);
      const bound = bindMapping(entity.mapping, located.header);
      facts.set(sheet.name, {
        warnings: [...context.warnings, ...unknownColumns(bound, sheet.name)],
        missing: context.missing,
      });
    }
  }
  return facts;
}

/** A record with its subject issues named by their place, and the context it lacks explained. */
function explained(item: RecordItem, facts: SheetFacts | undefined): RecordItem {
  const issues: MappingIssue[] = item.issues.map(readableIssue);
  for (const field of CONTEXT_FIELDS) {
    const why = facts?.missing[field];
    if (item.record[field] === undefined && why !== undefined) {
      issues.push({ field, problem: why, severity: 'error' });
    }
  }
  return { ...item, issues };
}

/**
 * Reads a file with the SMAS adapter: the items of `readWith` of `@eduvn/adapter-kit` — every row
 * after a sheet's header a record with its provenance (file, sheet, row, the column of each field),
 * or a skip with its reason, or an issue — with what an adapter of the kit cannot report on its
 * own:
 *
 * - every record without a period (`kyDanhGia`), school year, class or grade gets an **error**
 *   saying why — the title names none, names several, or disagrees with the sheet name — and what
 *   to do (the period is never guessed);
 * - every sheet gets a **warning** for each column that looks like a subject but is not one the
 *   adapter knows (its values are not read), one listing the other columns it does not read, and
 *   one for each disagreement between the file and the options (the file wins);
 * - cell problems of subject columns name the field as `monHocs.TOAN.diemKtdk`, and a score that
 *   is not a whole number (`7,5`) says that TT27 scores are whole numbers.
 *
 * The records are `readWith`'s, unchanged. The file is opened once; items come in file order, a
 * sheet's warnings before its rows.
 *
 * @param adapter - an adapter made by {@link smasAdapter}
 * @param source - the file's bytes, a path (see `WorkbookSource`), or an opened workbook (left open)
 * @param options - the file's name, limits
 * @throws AdapterError when the file cannot be read at all (damaged, encrypted, not a spreadsheet)
 *
 * @example
 * ```ts
 * for await (const item of readSmas(smasAdapter({ truongId: '79000001' }), { path: 'ck1.xlsx' })) {
 *   if (item.kind === 'record') console.log(item.record['kyDanhGia'], item.issues.length);
 * }
 * ```
 */
export async function* readSmas(
  adapter: SmasAdapter,
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
    const facts = await sheetFacts(adapter, workbook);
    const announced = new Set<string>();
    function* announce(sheet: string): Generator<IssueItem> {
      if (announced.has(sheet)) return;
      announced.add(sheet);
      for (const problem of facts.get(sheet)?.warnings ?? []) {
        yield { kind: 'issue', severity: 'warning', problem, ...where, sheet };
      }
    }
    for await (const item of readWith(adapter, workbook, file === undefined ? {} : { file })) {
      if (item.kind === 'record') {
        yield* announce(item.provenance.sheet);
        yield explained(item, facts.get(item.provenance.sheet));
      } else {
        if (item.sheet !== undefined) yield* announce(item.sheet);
        yield item;
      }
    }
    for (const sheet of facts.keys()) yield* announce(sheet);
  } finally {
    if (owned) await workbook.close();
  }
}

/**
 * {@link readSmas}, collected into arrays (for files that fit in memory).
 *
 * @param adapter - an adapter made by {@link smasAdapter}
 * @param source - the file's bytes, a path, or an opened workbook
 * @param options - the file's name, limits
 */
export async function readAllSmas(
  adapter: SmasAdapter,
  source: ReadSource,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const records: RecordItem[] = [];
  const issues: IssueItem[] = [];
  const skipped: Extract<ReadItem, { kind: 'skip' }>[] = [];
  for await (const item of readSmas(adapter, source, options)) {
    if (item.kind === 'record') records.push(item);
    else if (item.kind === 'issue') issues.push(item);
    else skipped.push(item);
  }
  return { records, issues, skipped };
}
