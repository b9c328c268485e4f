import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { type Adapter, detectAdapter, readWith } from '@eduvn/adapter-kit';
import { defaultAdapters, type FileHints } from '@eduvn/check';
import { entityByName } from '@eduvn/standard';
import { CliError } from './io.ts';

/** A canonical record tagged with its entity. */
export interface TaggedRecord {
  /** The entity (`'HocSinh'`). */
  readonly entity: string;
  /** The canonical record. */
  readonly record: Record<string, unknown>;
}

/** What was read from one file. */
export interface FileRead {
  /** The file's name. */
  readonly file: string;
  /** The adapter used (`'json'` for canonical JSON). */
  readonly adapter: string;
  /** The detection confidence (1 for JSON and a chosen adapter). */
  readonly confidence: number;
  /** Records read. */
  readonly records: number;
  /** Reading problems (cells that could not be read, sheets refused). */
  readonly problems: number;
}

/** What {@link readRecords} read. */
export interface ReadRecordsResult {
  /** The records of every file, in file order. */
  readonly records: TaggedRecord[];
  /** What each file gave. */
  readonly files: FileRead[];
}

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions {
  /** The directory paths are resolved against. */
  readonly cwd: string;
  /** An adapter id to use instead of detection. */
  readonly adapter?: string | undefined;
  /**
   * Hints for the adapters (grade, period, school, year); a record read without a school code gets
   * `hints.truongId` (a vendor export rarely names its own school).
   */
  readonly hints?: FileHints | undefined;
  /** The least detection confidence (default 0.6). */
  readonly minConfidence?: number | undefined;
  /** The most records kept over all files (default 1,000,000). */
  readonly maxRecords?: number | undefined;
  /** Called every 1,000 records. */
  readonly onProgress?: ((records: number) => void) | undefined;
}

/** The largest canonical JSON file read (it is parsed whole). */
const MAX_JSON_BYTES = 256 * 1024 * 1024;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** List keys of a canonical JSON school (as `@eduvn/fixtures` generates it) and their entities. */
const LISTS: Readonly<Record<string, string>> = {
  lops: 'Lop',
  canBos: 'CanBo',
  hocSinhs: 'HocSinh',
  danhGias: 'DanhGiaHocSinh',
  coSoVatChats: 'CoSoVatChat',
  suKiens: 'SuKienTrangThai',
};

/**
 * Canonical JSON: an array of `{ entity, record }`, or a school as `@eduvn/fixtures` generates it
 * (`{ truong, lops, canBos, hocSinhs, danhGias, coSoVatChats, suKiens }`). Unknown entities refuse
 * the file.
 */
function fromJson(text: string, file: string): TaggedRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const out: TaggedRecord[] = [];
  const push = (entity: unknown, record: unknown, where: string) => {
    if (typeof entity !== 'string' || entityByName(entity) === undefined) {
      throw new CliError(
        `${file}: ${where} names no entity of the standard (${JSON.stringify(entity)?.slice(0, 40)})`,
      );
    }
    if (!isObject(record)) throw new CliError(`${file}: ${where} holds no record object`);
    out.push({ entity, record });
  };
  if (Array.isArray(data)) {
    data.forEach((item, i) => {
      push(
        isObject(item) ? item['entity'] : undefined,
        isObject(item) ? item['record'] : undefined,
        `item ${i}`,
      );
    });
    return out;
  }
  if (!isObject(data))
    throw new CliError(`${file}: expected an array of { entity, record } or a school object`);
  if (data['truong'] !== undefined) push('Truong', data['truong'], 'truong');
  if (isObject(data['taiChinh'])) push('TaiChinh', data['taiChinh'], 'taiChinh');
  for (const [key, entity] of Object.entries(LISTS)) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new CliError(`${file}: ${key} must be an array`);
    list.forEach((record, i) => {
      push(entity, record, `${key}[${i}]`);
    });
  }
  return out;
}

/** The adapters offered for these hints, or the one named. */
export function adaptersFor(hints: FileHints | undefined, id: string | undefined): Adapter[] {
  const all = defaultAdapters(hints ?? {});
  if (id === undefined) return all;
  const chosen = all.filter((a) => a.id === id);
  if (chosen.length === 0) {
    throw new CliError(
      `Unknown adapter ${JSON.stringify(id)} (with these hints); available: ${all.map((a) => a.id).join(', ')}. The KQHT import needs --khoi, --ky, --nam-hoc and --truong; SMAS needs --truong.`,
      2,
    );
  }
  return chosen;
}

/**
 * Reads files into canonical records: canonical JSON as is, spreadsheets through the adapter that
 * detection finds (or the one named). A file no adapter recognizes is an error that points at
 * `eduvn inspect`.
 */
export async function readRecords(
  files: readonly string[],
  options: ReadRecordsOptions,
): Promise<ReadRecordsResult> {
  const records: TaggedRecord[] = [];
  const reads: FileRead[] = [];
  const max = options.maxRecords ?? 1_000_000;
  const keep = (r: TaggedRecord) => {
    if (records.length >= max) {
      throw new CliError(
        `More than ${max.toLocaleString('en')} records in the files: split them or raise the limit.`,
      );
    }
    records.push(r);
    if (records.length % 1000 === 0) options.onProgress?.(records.length);
  };
  for (const name of files) {
    const path = resolve(options.cwd, name);
    const file = basename(path);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile()) throw new CliError(`${name}: no such file`);
    if (/\.json$/i.test(path)) {
      if (info.size > MAX_JSON_BYTES)
        throw new CliError(`${name}: JSON over ${MAX_JSON_BYTES / 1024 / 1024} MiB`);
      const list = fromJson(await readFile(path, 'utf8'), file);
      for (const r of list) keep(r);
      reads.push({ file, adapter: 'json', confidence: 1, records: list.length, problems: 0 });
      continue;
    }
    const adapters = adaptersFor(options.hints, options.adapter);
    let adapter: Adapter;
    let confidence = 1;
    if (options.adapter !== undefined) {
      adapter = adapters[0] as Adapter;
    } else {
      const [best] = await detectAdapter({ path }, adapters, { file });
      const min = options.minConfidence ?? 0.6;
      if (best === undefined || best.confidence < min) {
        throw new CliError(
          `${name}: no adapter recognizes this file${best ? ` (best: ${best.adapter.id} at ${best.confidence.toFixed(2)})` : ''}. Run \`eduvn inspect ${name}\`, or name one with --adapter.`,
        );
      }
      adapter = best.adapter;
      confidence = best.confidence;
    }
    let count = 0;
    let problems = 0;
    for await (const item of readWith(adapter, { path }, { file })) {
      if (item.kind === 'record') {
        count++;
        problems += item.issues.length;
        const school = options.hints?.truongId;
        const record =
          school !== undefined && item.record['truongId'] === undefined
            ? { ...item.record, truongId: school }
            : item.record;
        keep({ entity: item.entity, record });
      } else if (item.kind === 'issue') problems++;
    }
    reads.push({ file, adapter: adapter.id, confidence, records: count, problems });
  }
  options.onProgress?.(records.length);
  return { records, files: reads };
}
