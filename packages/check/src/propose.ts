import { DEFAULT_MIN_CONFIDENCE, inferCsvAdapter } from '@eduvn/adapter-csv';
import {
  type Adapter,
  AdapterError,
  aliasesOf,
  defineAdapter,
  defineMapping,
  findHeader,
  type HeaderMatch,
  type HeaderTerm,
  type InferredColumn,
  inferMapping,
  kindsForType,
  type Limits,
  type Row,
  type Workbook,
  type WorkbookSource,
} from '@eduvn/adapter-kit';
import { entityByName, fieldsOf } from '@eduvn/standard';

/** A mapping proposed for a file no adapter fits, and the adapter that reads with it. */
export interface Proposal {
  /** The adapter reading the file with the proposed mapping. */
  readonly adapter: Adapter;
  /** The entity proposed. */
  readonly entity: string;
  /** The sheet the header was found on. */
  readonly sheet: string;
  /** The header's first row. */
  readonly headerRow: number;
  /** Every header column with the field proposed for it (or none), for review. */
  readonly columns: readonly InferredColumn[];
  /** The fields the adapter reads (proposals of at least the threshold). */
  readonly mapped: readonly string[];
}

/** Rows at the top of a sheet searched for a header. */
const SEARCH_ROWS = 30;
/** Rows below the header profiled to confirm the columns. */
const SAMPLE_ROWS = 200;

const vocabularies = new Map<string, HeaderTerm[]>();

/**
 * The header terms by which an entity's columns may be written: the alias dictionary's texts and
 * paths, the field's Vietnamese and English labels and its QĐ 4998 symbol — what a header of the
 * entity is looked for by, as the CSV adapter's proposal does.
 */
function vocabularyOf(entity: string): HeaderTerm[] {
  const cached = vocabularies.get(entity);
  if (cached) return cached;
  const schema = entityByName(entity);
  const terms: HeaderTerm[] = [];
  if (schema !== undefined) {
    const byField = new Map(aliasesOf(entity).map((a) => [a.field, a] as const));
    for (const field of fieldsOf(schema)) {
      if (kindsForType(field.type).length === 0) continue;
      const headers = byField.get(field.name)?.headers ?? [];
      const texts = headers.filter((h): h is string => typeof h === 'string');
      const paths = headers.filter((h): h is readonly string[] => typeof h !== 'string');
      const labels = [...new Set([...texts, field.label.en, field.symbol])].filter(
        (t) => t !== field.label.vi && t.trim() !== '',
      );
      terms.push({ label: field.label.vi, aliases: labels, ...(paths.length ? { paths } : {}) });
    }
  }
  vocabularies.set(entity, terms);
  return terms;
}

interface Candidate {
  readonly entity: string;
  readonly sheet: { readonly name: string; readonly index: number };
  readonly header: HeaderMatch;
  readonly columns: readonly InferredColumn[];
  readonly mapping: ReturnType<typeof inferMapping>['mapping'];
  readonly score: number;
}

/** The sum of the mapped columns' confidences: how much of the entity the header explains. */
const scoreOf = (columns: readonly InferredColumn[], mapped: ReadonlySet<string>): number =>
  columns.reduce((s, c) => s + (c.field !== null && mapped.has(c.field) ? c.confidence : 0), 0);

/**
 * Proposes a mapping for a workbook no adapter fits, as `inferCsvAdapter` does for a CSV file:
 * on each visible sheet, the header is the row (or run of rows) among the first 30 that names the
 * most fields of a candidate entity; `inferMapping` proposes a field for each of its columns from
 * the header texts and up to 200 rows of values; the columns of at least the threshold (0.7) make
 * the mapping. The best entity and sheet win. The adapter accepts its own header however few
 * columns it has (a two-column list is read, not refused for a low header score).
 *
 * @returns the proposal, or `undefined` when no sheet has a header of any candidate
 */
export async function proposeForWorkbook(
  workbook: Workbook,
  entities: readonly string[],
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): Promise<Proposal | undefined> {
  let best: Candidate | undefined;
  for (const sheet of workbook.sheets) {
    if (sheet.state !== 'visible') continue;
    const rows: Row[] = [];
    for await (const row of workbook.rows(sheet.index, { until: SEARCH_ROWS + SAMPLE_ROWS })) {
      rows.push(row);
    }
    const top = rows.filter((r) => r.row <= SEARCH_ROWS);
    for (const entity of entities) {
      const header = findHeader(top, vocabularyOf(entity), { minScore: 2 });
      if (header === undefined) continue;
      const data = rows.filter((r) => r.row > header.lastRow);
      const inferred = inferMapping({ header, rows: data }, entity, { minConfidence });
      const mapped = new Set(Object.keys(inferred.mapping.columns));
      const score = scoreOf(inferred.columns, mapped);
      if (mapped.size > 0 && (best === undefined || score > best.score)) {
        best = {
          entity,
          sheet,
          header,
          columns: inferred.columns,
          mapping: inferred.mapping,
          score,
        };
      }
    }
  }
  if (best === undefined) return undefined;
  const chosen = best;
  const mapping = defineMapping({ ...chosen.mapping, version: 'proposed' });
  const mapped = Object.keys(mapping.columns);
  const adapter = defineAdapter({
    id: `proposed-${chosen.entity.toLowerCase()}`,
    label: `${chosen.entity} list, layout proposed from ${workbook.file ?? 'the file'}`,
    version: 'proposed',
    basis: `a mapping proposed by inferMapping from the header and values of ${workbook.file ?? 'the file'}, to be reviewed`,
    formats: [workbook.format],
    entities: [
      {
        mapping,
        sheets: (s) => s.index === chosen.sheet.index,
        headerSearchRows: Math.max(SEARCH_ROWS, chosen.header.lastRow),
        minScore: Math.max(1, Math.min(mapped.length, 2)),
      },
    ],
  });
  return {
    adapter,
    entity: chosen.entity,
    sheet: chosen.sheet.name,
    headerRow: chosen.header.firstRow,
    columns: chosen.columns,
    mapped,
  };
}

/**
 * Proposes a mapping for a CSV file with `inferCsvAdapter` of `@eduvn/adapter-csv`, trying each
 * candidate entity; the one whose mapped columns explain the header best wins.
 *
 * @returns the proposal, or `undefined` when no candidate's header is found
 * @throws AdapterError from opening the file (not CSV, over a limit)
 */
export async function proposeForCsv(
  source: WorkbookSource,
  file: string,
  entities: readonly string[],
  limits: Partial<Limits> | undefined,
  minConfidence = DEFAULT_MIN_CONFIDENCE,
): Promise<Proposal | undefined> {
  let best: { proposal: Proposal; score: number } | undefined;
  for (const entity of entities) {
    try {
      const { adapter, proposal } = await inferCsvAdapter(source, entity, {
        file,
        minConfidence,
        ...(limits === undefined ? {} : { limits }),
      });
      const mapped = Object.keys(proposal.mapping.columns);
      const score = scoreOf(proposal.columns, new Set(mapped));
      if (best === undefined || score > best.score) {
        best = {
          score,
          proposal: {
            adapter,
            entity,
            sheet: adapter.id,
            headerRow: proposal.headerRow,
            columns: proposal.columns,
            mapped,
          },
        };
      }
    } catch (error) {
      if (error instanceof AdapterError && error.code === 'no-data-sheet') continue;
      throw error;
    }
  }
  return best?.proposal;
}
