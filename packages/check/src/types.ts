import type { Adapter, Limits } from '@eduvn/adapter-kit';
import type { Issue, IssueLocation, NotChecked, Report, ValidateOptions } from '@eduvn/rules';

/** A TT27 assessment period, as `DanhGiaHocSinh.kyDanhGia` codes it. */
export type AssessmentPeriod = 'GK1' | 'CK1' | 'GK2' | 'CN';

/**
 * What a file does not say and its sender knows — what the national database's KQHT upload form
 * asks for (the grade and the period), and the school and year SMAS and KQHT files never hold —
 * plus an adapter or an entity to use instead of detection. Names as `kqhtAdapter` and
 * `smasAdapter` of the adapter packages take them.
 */
export interface FileHints {
  /**
   * The id of the adapter to read the file with (`'moet-c1-hocsinh'`, `'smas'`, …), skipping
   * detection: it must be one of the adapters offered for the file.
   */
  readonly adapter?: string;
  /** The grade, 1–5 (the KQHT form's `Khối`). */
  readonly khoi?: number;
  /** The assessment period (the KQHT form's `Kỳ đánh giá`). */
  readonly kyDanhGia?: AssessmentPeriod;
  /** The school's code in the national database (`TRUONG_ID`). */
  readonly truongId?: string;
  /** The school year, `'yyyy-yyyy'`. */
  readonly namHoc?: string;
  /**
   * The entity to propose a mapping for when no adapter fits (default: the best of
   * {@link CheckOptions.proposeEntities}).
   */
  readonly entity?: string;
}

/** A Node.js readable stream of bytes (`fs.createReadStream`, an HTTP request). */
export interface NodeByteStream {
  /** The stream's chunks. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array | string>;
}

/**
 * Where a file's bytes come from: a path on disk (Node only), the bytes, a `Blob` or a browser's
 * `File` (read a slice at a time, never sent anywhere), or a web or Node stream.
 */
export type FileInput = string | Uint8Array | Blob | ReadableStream<Uint8Array> | NodeByteStream;

/** One file to check, with a name for the report and hints. */
export interface CheckSource {
  /**
   * The file: a path (Node only), bytes, a `Blob`/`File`, or a stream (a stream is read into
   * memory, up to `limits.maxFileBytes`, never written to disk).
   */
  readonly source: FileInput;
  /**
   * The name the report shows (default: the path's last part, or a `File`'s name; for bytes,
   * blobs and streams `file-1`, `file-2`, … by position). Names given twice are told apart: `a.xlsx (2)`.
   */
  readonly name?: string;
  /** What the file does not say (over {@link CheckOptions.hints}). */
  readonly hints?: FileHints;
}

/** What {@link checkFiles} reports as it reads. */
export interface CheckProgress {
  /** The file, as the report names it. */
  readonly file: string;
  /** Its 0-based position among the sources. */
  readonly index: number;
  /** How many sources there are. */
  readonly files: number;
  /** Rows read from the file so far (records, skipped rows and rows with problems). */
  readonly rows: number;
  /**
   * How many rows the file's sheets declare (.xlsx and .xls; not CSV), when known: with `rows`,
   * what a progress bar's time left is estimated from. A hint — the rows read may end up more or
   * fewer.
   */
  readonly rowsDeclared?: number;
  /** The file's size in bytes, when known. */
  readonly bytes?: number;
  /** `true` on the last call for the file. */
  readonly done: boolean;
}

/**
 * The adapters offered for a file: a list, or a function of the file's hints (the default,
 * {@link defaultAdapters}, offers the KQHT adapter only to a file with a grade and period).
 */
export type AdapterChoice = readonly Adapter[] | ((hints: FileHints) => readonly Adapter[]);

/** Options of {@link checkFiles}. */
export interface CheckOptions
  extends Pick<
    ValidateOptions,
    | 'asOf'
    | 'schoolYear'
    | 'catalogs'
    | 'period'
    | 'tt27'
    | 'deadlineHours'
    | 'deadlineWarningHours'
    | 'maxClassSize'
    | 'previous'
    | 'acknowledgements'
    | 'rules'
  > {
  /**
   * The catalogs codes are checked against (default: the bundled catalogs and the administrative
   * units). Give a template's catalog sheets (`readCatalogSheets` of `@eduvn/adapter-kit`) to
   * check the codes they list; the national database's exports then code names with them too.
   */
  readonly catalogs?: NonNullable<ValidateOptions['catalogs']>;
  /** The TT27 end-of-year thresholds (default: HTXS 9, HTT 7, HT 5 — the last one unsure). */
  readonly tt27?: NonNullable<ValidateOptions['tt27']>;
  /** The adapters files are detected among (default {@link defaultAdapters}). */
  readonly adapters?: AdapterChoice;
  /** Hints for every file (a source's own hints win field by field). */
  readonly hints?: FileHints;
  /**
   * The least detection confidence (0–1) to read a file with an adapter (default 0.6). Below
   * it, a mapping is proposed from the file's header and the report says it must be reviewed.
   */
  readonly minConfidence?: number;
  /**
   * The entities a mapping may be proposed for, when no adapter fits a file (default
   * `['HocSinh', 'CanBo', 'Lop']`): the one whose fields the header names best is used.
   */
  readonly proposeEntities?: readonly string[];
  /** Limits of every read (file size, rows, …; see `Limits` of `@eduvn/adapter-kit`). */
  readonly limits?: Partial<Limits>;
  /**
   * The most reading issues kept in the report (default 100,000): beyond it they are counted in
   * {@link CheckReport.omitted}, not kept.
   */
  readonly maxReadingIssues?: number;
  /** Called as rows are read (about every 1,000 rows, and once at the end of each file). */
  readonly onProgress?: (progress: CheckProgress) => void;
  /** Stops the check: `checkFiles` rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** An issue's location, down to the cell reference (`E15`) when the column is known. */
export interface CheckIssueLocation extends IssueLocation {
  /** The cell reference, column letters and row (`'E15'`), when both are known. */
  readonly cell?: string;
}

/**
 * One problem of a checked file, found while reading (rule ids `READ.*`) or by a rule of
 * `@eduvn/rules`: one shape for both. An `Issue` of `@eduvn/rules` with the cell reference and the
 * value, so that the formatters of `@eduvn/rules` (`formatText`, `toJSON`, `toJUnit`) take it.
 */
export interface CheckIssue extends Issue {
  /** Where: file, sheet, row, column and cell. */
  readonly location?: CheckIssueLocation;
  /**
   * The value at fault, described safely: long digit runs (personal IDs, phones) masked to their
   * last three digits, sensitive fields hidden (`***`), cut after 40 characters.
   */
  readonly value?: string;
}

/** How a file was read. */
export type FileStatus =
  /** By an adapter detected with enough confidence, or named in the hints. */
  | 'read'
  /** With a mapping proposed from its header: to be reviewed (`READ.MAPPING.001`). */
  | 'proposed'
  /** Not at all: the report's `READ.FILE.001` / `READ.LIMIT.001` issue says why. */
  | 'unreadable';

/**
 * A check that was not possible, as `@eduvn/rules` says it (once per entity, rule and reason),
 * or for one file: another file of the entity carries the rule's evidence, this one does not.
 */
export interface CheckNotChecked extends NotChecked {
  /** The file, when the check was not possible on one file only. */
  readonly file?: string;
}

/** What became of one file. */
export interface FileSummary {
  /** The file, as the report names it. */
  readonly file: string;
  /** Read, read with a proposed mapping, or unreadable. */
  readonly status: FileStatus;
  /** The adapter used. */
  readonly adapter?: string;
  /** How sure detection was (0–1), when the adapter was detected. */
  readonly confidence?: number;
  /** For each entity read, the fields the file carries (columns found, and values set). */
  readonly layout: Readonly<Record<string, readonly string[]>>;
  /** Records read. */
  readonly records: number;
  /** Rows that held no data (titles, captions, repeated headers, empty rows). */
  readonly skipped: number;
  /** The file's size in bytes, when known. */
  readonly bytes?: number;
}

/** The outcome of {@link checkFiles}: a `Report` of `@eduvn/rules` with the files' story. */
export interface CheckReport extends Report {
  /** Every issue, reading issues of each file first, then rule issues. */
  readonly issues: readonly CheckIssue[];
  /** Each file, in the order given. */
  readonly files: readonly FileSummary[];
  /** Rules not run on some file because it does not carry their evidence, listed once. */
  readonly notChecked: readonly CheckNotChecked[];
  /** Reading issues counted but not kept (over {@link CheckOptions.maxReadingIssues}). */
  readonly omitted: number;
}
