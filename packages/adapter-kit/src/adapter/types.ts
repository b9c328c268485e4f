import type { Limits } from '../errors.ts';
import type { HeaderMatch } from '../layout/types.ts';
import type { Mapping } from '../mapping/define-mapping.ts';
import type { MappingIssue, MappingIssueCode } from '../mapping/issue.ts';
import type { WorkbookSource } from '../workbook/csv/source.ts';
import type { Row, SheetInfo, Workbook, WorkbookFormat } from '../workbook/types.ts';

/** Where a record came from: file, sheet, row, and the column of each field. */
export interface RecordProvenance {
  /** The file, as the caller named it. */
  readonly file?: string;
  /** The sheet. */
  readonly sheet: string;
  /** The 1-based row. */
  readonly row: number;
  /** For each canonical field, the column letters it was read from. */
  readonly columns: Readonly<Record<string, string>>;
}

/** How one entity is read from a layout. */
export interface AdapterEntity {
  /** The columns and how their values become fields (see `defineMapping`). */
  readonly mapping: Mapping;
  /** Which sheets may hold it (default: every visible sheet whose header matches). */
  readonly sheets?: (sheet: SheetInfo) => boolean;
  /** How many rows at the top of a sheet to search for the header (default 30). */
  readonly headerSearchRows?: number;
  /**
   * The least header score (number of matched columns) to accept a sheet (default 3, or the
   * number of header terms of the mapping when it has fewer: a one- or two-column mapping, such
   * as one inferred from a small file, finds the header it was made from).
   */
  readonly minScore?: number;
  /**
   * Values every record of a sheet gets, read from the sheet itself — a period written in the sheet
   * title (SMAS), a class in the sheet name (one sheet per class). Called once per sheet with the
   * rows above the header.
   */
  readonly sheetValues?: (
    sheet: SheetInfo,
    titleRows: readonly Row[],
  ) => Readonly<Record<string, unknown>>;
}

/** What {@link AdapterDefinition.open} receives besides the source. */
export interface OpenOptions {
  /** The file's name, for provenance and messages. */
  readonly file?: string;
  /** Limits (file size, rows, columns…). */
  readonly limits?: Partial<Limits>;
}

/** What {@link AdapterDefinition.write} receives. */
export interface WriteRequest {
  /** The entity to write. */
  readonly entity: string;
  /** The records, canonical. */
  readonly records: readonly Readonly<Record<string, unknown>>[];
  /** A template to fill (the Ministry's or the vendor's file), when the layout needs one. */
  readonly template?: Uint8Array;
  /** Layout options of the adapter (a grade, a period, a template version…). */
  readonly options?: Readonly<Record<string, unknown>>;
}

/** An adapter: one source format's layout, as a plugin. */
export interface AdapterDefinition {
  /** A short stable id (`'moet'`, `'smas'`). */
  readonly id: string;
  /** A human name. */
  readonly label: string;
  /** The layout version this adapter implements (layouts change between template versions). */
  readonly version: string;
  /**
   * What the layout is based on, honestly: a public template, a vendor's description, or a model
   * of files seen — shown in docs and in detection results.
   */
  readonly basis: string;
  /** The file formats it reads. */
  readonly formats: readonly WorkbookFormat[];
  /** The entities it reads, each with its mapping. */
  readonly entities: readonly AdapterEntity[];
  /**
   * Extra evidence for detection, 0–1, from the sheet names (e.g. a catalog sheet named
   * `DAN_TOC`); added to the header evidence. Default: none.
   */
  readonly detect?: (sheets: readonly SheetInfo[]) => number;
  /**
   * Opens a file for this adapter when `readWith` and `readAll` are given bytes or a path
   * (default: `openWorkbook`, which sniffs the format): for layouts that need reading options,
   * such as a CSV's forced encoding or delimiter, or removing the formula prefix its writer adds.
   * `detectAdapter` opens a file once for all adapters, with `openWorkbook`.
   */
  readonly open?: (source: WorkbookSource, options: OpenOptions) => Promise<Workbook>;
  /** Writes records in this layout, when the adapter can write. */
  readonly write?: (request: WriteRequest) => Uint8Array | Promise<Uint8Array>;
}

/** A defined adapter (see {@link defineAdapter}). */
export interface Adapter extends AdapterDefinition {
  /** Always `true`: the definition was checked. */
  readonly defined: true;
}

/** One thing a read produces, in file order. */
export type ReadItem =
  | {
      /** A record. */
      readonly kind: 'record';
      /** Its entity. */
      readonly entity: string;
      /** The record, canonical (it may still break the schema: validate it). */
      readonly record: Record<string, unknown>;
      /** Where it came from. */
      readonly provenance: RecordProvenance;
      /** Problems with single cells (a value that could not be read is left out of the record). */
      readonly issues: readonly MappingIssue[];
    }
  | {
      /** A problem with a sheet or a row that yields no record. */
      readonly kind: 'issue';
      /**
       * What kind of problem it is, stable across versions (see {@link MappingIssueCode}):
       * `'wrong-format'`, `'encoding-invalid'`, `'column-missing'`, `'column-absent'`,
       * `'column-ambiguous'` or `'no-layout'` from `readWith`. Every issue adapter-kit makes has
       * one; an adapter's own issues may lack it.
       */
      readonly code?: MappingIssueCode;
      /** `'error'`: data could not be read; `'warning'`: worth a look. */
      readonly severity: 'error' | 'warning';
      /** What is wrong, in English. */
      readonly problem: string;
      /** The file. */
      readonly file?: string;
      /** The sheet. */
      readonly sheet?: string;
      /** The row, when the problem is a row's. */
      readonly row?: number;
    }
  | {
      /** A row that holds no data, and why (so that no row disappears silently). */
      readonly kind: 'skip';
      /** The sheet. */
      readonly sheet: string;
      /** The row. */
      readonly row: number;
      /**
       * `'empty'`, `'repeated-header'`, `'caption'`, `'numbering'`, `'title'`, `'example'` (a
       * form's filled-in example row: `VD`, `Ví dụ`, `Mẫu`, `Nguyễn Văn A`…) or
       * `'numbered-blank'` (a numbered line left blank) — see `RowKind`.
       */
      readonly reason: string;
      /**
       * Why, in English, for the skips a user may want to check (`'example'`,
       * `'numbered-blank'`): `an example row of the form, marked "VD" in A`. It never quotes a
       * row's values beyond the marker.
       */
      readonly detail?: string;
      /**
       * For a `'caption'`: its text (`Lớp 1B`, `DANH SÁCH HỌC SINH LỚP 2A`), for callers that
       * track the class of the rows below it.
       */
      readonly caption?: string;
    };

/** Options of {@link readWith}. */
export interface ReadOptions {
  /** The file's name, for provenance and messages. */
  readonly file?: string;
  /** Limits (file size, rows, columns…). */
  readonly limits?: Partial<Limits>;
  /**
   * Called once, before any row is read, with how many rows the file's sheets declare (the sum of
   * each sheet's last row, from {@link Workbook.dimension}) — for the time left on a progress
   * bar. Not called when a sheet declares none (CSV) or the workbook cannot say. A hint, not a
   * promise: the rows read may be more or fewer.
   */
  readonly onDeclaredRows?: (rows: number) => void;
}

/** Where an adapter's layout was found in a file. */
export interface DetectedLayout {
  /** The sheet. */
  readonly sheet: string;
  /** The entity whose header fits best. */
  readonly entity: string;
  /** The header found. */
  readonly header: HeaderMatch;
}

/** How well an adapter fits a file. */
export interface Detection {
  /** The adapter. */
  readonly adapter: Adapter;
  /** 0–1. */
  readonly confidence: number;
  /** The best sheet and entity, and the header found there. */
  readonly best?: DetectedLayout;
  /** Why, in English. */
  readonly reasons: readonly string[];
}
