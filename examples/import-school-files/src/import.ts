/**
 * Importing the files a school or a district receives: recognise each file's layout among the
 * known adapters (`detectAdapter`), read it with provenance (`readWith`), fall back to a proposed
 * mapping for an unknown CSV (`inferCsvAdapter`), and validate everything with `@eduvn/rules`, so
 * that every issue points at a file, sheet, row and column.
 */
import { inferCsvAdapter } from '@eduvn/adapter-csv';
import { type Adapter, AdapterError, detectAdapter, readWith } from '@eduvn/adapter-kit';
import { type InputRecord, type Report, validate } from '@eduvn/rules';

/** A file to import: its name (for provenance) and its bytes. */
export interface SchoolFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * What the user said about the file, for layouts whose file does not say it: the KQHT import
   * holds neither its grade nor its period (both are chosen in the Ministry's upload form).
   */
  readonly form?: { readonly khoi: number; readonly kyDanhGia: 'GK1' | 'CK1' | 'GK2' | 'CN' };
}

/** What became of one file. */
export interface FileOutcome {
  readonly file: string;
  /**
   * `'read'` by a known adapter, `'inferred'` (an unknown CSV read with a proposed mapping, to be
   * reviewed), `'unrecognised'` (no adapter fits well enough), `'unreadable'` (not a readable
   * spreadsheet: the typed error's code says why).
   */
  readonly status: 'read' | 'inferred' | 'unrecognised' | 'unreadable';
  /** The adapter used, and how sure detection was. */
  readonly adapter?: string;
  readonly confidence?: number;
  /** The best candidates when none was good enough. */
  readonly candidates?: readonly { readonly id: string; readonly confidence: number }[];
  /** Records read, rows skipped (titles, captions, repeated headers) and problems found. */
  readonly records: number;
  readonly skipped: number;
  readonly problems: readonly string[];
  /** For an unreadable file: the `AdapterError` code. */
  readonly error?: string;
}

/** Options of {@link importFiles}. */
export interface ImportOptions {
  /** The adapters to recognise files with, or a function giving them for each file. */
  readonly adapters: readonly Adapter[] | ((file: SchoolFile) => readonly Adapter[]);
  /** The date rules are checked on (`yyyy-mm-dd`). */
  readonly asOf: string;
  /** The least detection confidence to read a file with an adapter (default 0.6). */
  readonly minConfidence?: number;
  /** The entity an unknown CSV is proposed a mapping for (default `'HocSinh'`). */
  readonly csvEntity?: string;
}

/** Everything {@link importFiles} found. */
export interface ImportResult {
  readonly outcomes: readonly FileOutcome[];
  readonly records: readonly InputRecord[];
  readonly report: Report;
}

const where = (i: { sheet?: string; row?: number }): string =>
  [i.sheet, i.row === undefined ? undefined : `row ${i.row}`].filter(Boolean).join(' ');

async function readFile(
  file: SchoolFile,
  adapter: Adapter,
  into: InputRecord[],
): Promise<Pick<FileOutcome, 'records' | 'skipped' | 'problems'>> {
  let records = 0;
  let skipped = 0;
  const problems: string[] = [];
  for await (const item of readWith(adapter, file.bytes, { file: file.name })) {
    if (item.kind === 'record') {
      records++;
      into.push({ entity: item.entity, record: item.record, provenance: item.provenance });
      for (const issue of item.issues) {
        problems.push(
          `${item.provenance.sheet} ${issue.column ?? ''}${item.provenance.row}: ${issue.problem}`,
        );
      }
    } else if (item.kind === 'skip') {
      skipped++;
    } else {
      problems.push(`${where(item)}${where(item) ? ': ' : ''}${item.problem}`);
    }
  }
  return { records, skipped, problems };
}

/**
 * Imports files: detection first, then reading with the best adapter when it is sure enough, a
 * proposed mapping for an unknown CSV, and nothing silently dropped — every file gets an outcome.
 * Then the records of all files are validated together (duplicates across files are found too).
 */
export async function importFiles(
  files: readonly SchoolFile[],
  options: ImportOptions,
): Promise<ImportResult> {
  const minConfidence = options.minConfidence ?? 0.6;
  const records: InputRecord[] = [];
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    try {
      const adapters =
        typeof options.adapters === 'function' ? options.adapters(file) : options.adapters;
      const ranked = await detectAdapter(file.bytes, adapters, { file: file.name });
      const best = ranked[0];
      if (best !== undefined && best.confidence >= minConfidence) {
        outcomes.push({
          file: file.name,
          status: 'read',
          adapter: best.adapter.id,
          confidence: best.confidence,
          ...(await readFile(file, best.adapter, records)),
        });
        continue;
      }
      if (/\.(csv|txt)$/i.test(file.name)) {
        const inferred = await inferCsvAdapter(file.bytes, options.csvEntity ?? 'HocSinh', {
          file: file.name,
        }).catch(() => undefined);
        if (inferred) {
          outcomes.push({
            file: file.name,
            status: 'inferred',
            adapter: inferred.adapter.id,
            ...(await readFile(file, inferred.adapter, records)),
          });
          continue;
        }
      }
      outcomes.push({
        file: file.name,
        status: 'unrecognised',
        candidates: ranked
          .slice(0, 3)
          .map((d) => ({ id: d.adapter.id, confidence: Math.round(d.confidence * 100) / 100 })),
        records: 0,
        skipped: 0,
        problems: ['No known layout fits this file well enough; map it with inferMapping.'],
      });
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      outcomes.push({
        file: file.name,
        status: 'unreadable',
        error: error.code,
        records: 0,
        skipped: 0,
        problems: [error.message],
      });
    }
  }
  const report = await validate(records, { asOf: options.asOf });
  return { outcomes, records, report };
}
