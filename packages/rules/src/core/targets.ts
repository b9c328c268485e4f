import { IntColumn } from './int-column.ts';
import { keyNumbersOf, ownKeyNumber } from './key-numbers.ts';
import { classOf, recordKeyOf } from './keys.ts';
import { TextNumbers } from './places.ts';
import { StringIndex } from './string-index.ts';
import type { FindingTarget, InputRecord, Provenance, RuleSettings } from './types.ts';

/** The largest row kept in a column (row + 1 must fit an `Int32Array`). */
const MAX_COLUMN_ROW = 0x7ffffffe - 1;
/**
 * The most distinct frames (file, sheet and columns) kept in columns; provenances past them are
 * kept as they are. A reader shares a sheet's columns between its rows, so a file has a few.
 */
const MAX_FRAMES = 4_096;

/** The file, sheet and columns many records' provenances share. */
interface Frame {
  readonly file: unknown;
  readonly sheet: unknown;
  readonly columns: unknown;
}

/**
 * The provenances of records, by a number the caller gives (a record's index), kept in columns:
 * the file, sheet and columns a reader gives every row of a sheet as one frame number, the row as
 * a number — no object per record. {@link ProvenanceColumns.get} gives back a provenance with the
 * same `file`, `sheet`, `row` and `columns`, which is all a report reads of it (`locate`). A
 * provenance that is not of that plain form (a row that is no whole number, an odd value) is kept
 * as it is.
 *
 * @example
 * ```ts
 * const provenances = new ProvenanceColumns();
 * provenances.set(0, { file: 'a.xlsx', sheet: 'HocSinh', row: 8, columns });
 * provenances.get(0); // { file: 'a.xlsx', sheet: 'HocSinh', row: 8, columns }
 * ```
 */
export class ProvenanceColumns {
  readonly #frames: Frame[] = [];
  /** Frame numbers by file, then sheet, then columns. */
  readonly #frameNumbers = new Map<unknown, Map<unknown, Map<unknown, number>>>();
  /** By number: the frame's number + 1 (0: no provenance; -1: kept whole in `#whole`). */
  readonly #frame = new IntColumn();
  /** By number: the row + 1 (0: none). */
  readonly #row = new IntColumn();
  /** Provenances kept as they are. */
  readonly #whole = new Map<number, Provenance>();
  /** The frame last met (records come sheet by sheet). */
  #last: Frame | undefined;
  #lastNumber = 0;

  /** Keeps the provenance of number `n` (`undefined`: none). */
  set(n: number, provenance: Provenance | undefined): void {
    if (provenance === undefined) {
      if (this.#frame.get(n) !== 0) this.#frame.set(n, 0);
      return;
    }
    const row: unknown = typeof provenance === 'object' ? provenance?.row : undefined;
    const plainRow =
      row === undefined ||
      (typeof row === 'number' &&
        Number.isInteger(row) &&
        row >= 0 &&
        row <= MAX_COLUMN_ROW &&
        !Object.is(row, -0));
    const frame =
      plainRow && typeof provenance === 'object' && provenance !== null
        ? this.#frameOf(provenance.file, provenance.sheet, provenance.columns)
        : -1;
    if (frame < 0) {
      this.#frame.set(n, -1);
      this.#whole.set(n, provenance);
      return;
    }
    this.#frame.set(n, frame + 1);
    this.#row.set(n, row === undefined ? 0 : (row as number) + 1);
  }

  /** The provenance of number `n`, as `locate` reads it, or `undefined`. */
  get(n: number): Provenance | undefined {
    const entry = this.#frame.get(n);
    if (entry === 0) return undefined;
    if (entry === -1) return this.#whole.get(n);
    const frame = this.#frames[entry - 1] as Frame;
    const row = this.#row.get(n);
    return {
      file: frame.file,
      sheet: frame.sheet,
      row: row === 0 ? undefined : row - 1,
      columns: frame.columns,
    } as Provenance;
  }

  /** The number of the frame (file, sheet, columns), numbering it when new; -1 past the bound. */
  #frameOf(file: unknown, sheet: unknown, columns: unknown): number {
    const last = this.#last;
    if (
      last !== undefined &&
      last.file === file &&
      last.sheet === sheet &&
      last.columns === columns
    )
      return this.#lastNumber;
    let bySheet = this.#frameNumbers.get(file);
    let byColumns = bySheet?.get(sheet);
    let n = byColumns?.get(columns);
    if (n === undefined) {
      if (this.#frames.length >= MAX_FRAMES) return -1;
      n = this.#frames.length;
      this.#frames.push({ file, sheet, columns });
      if (!bySheet) {
        bySheet = new Map();
        this.#frameNumbers.set(file, bySheet);
      }
      if (!byColumns) {
        byColumns = new Map();
        bySheet.set(sheet, byColumns);
      }
      byColumns.set(columns, n);
    }
    this.#last = this.#frames[n];
    this.#lastNumber = n;
    return n;
  }
}

/**
 * The targets of findings a dataset rule may report when the input ends (`FindingTarget`: the
 * record's entity, key, provenance and class), numbered 0, 1, 2… as added and kept in columns:
 * a rule that keeps a target for most records (references not yet resolved) costs a few column
 * slots per record, not an object and the strings of the record. With the run's settings, a
 * record keyed by one text field (a pupil's `hocSinhId`) keeps its key as its number in the run's
 * numbering (`ownKeyNumber`), found once per record for every rule that asks.
 *
 * @example
 * ```ts
 * const pending = new TargetColumns(settings);
 * const n = pending.add(item);
 * pending.targetAt(n); // { entity, recordKey, provenance, classCode }, as `targetOf(item)`
 * ```
 */
export class TargetColumns {
  readonly #entities = new TextNumbers();
  readonly #entity = new IntColumn();
  readonly #keys = new StringIndex();
  readonly #key = new IntColumn();
  readonly #classCodes = new TextNumbers();
  readonly #classCode = new IntColumn();
  readonly #provenances = new ProvenanceColumns();
  readonly #settings: RuleSettings | undefined;
  #size = 0;

  /** Targets of a run with these settings (without: every key is numbered here). */
  constructor(settings?: RuleSettings) {
    this.#settings = settings;
  }

  /** How many targets were added. */
  get size(): number {
    return this.#size;
  }

  /** Adds the target of a finding about `item`; returns its number. */
  add(item: InputRecord): number {
    const n = this.#size++;
    this.#entity.set(n, this.#entities.numberOf(item.entity));
    // The record key of a record keyed by one text field is that text: its number in the run's
    // numbering (stored as -1 - number), else its own number here.
    const own = this.#settings === undefined ? -1 : ownKeyNumber(item, this.#settings);
    this.#key.set(n, own >= 0 ? -1 - own : this.#keys.add(recordKeyOf(item)));
    this.#classCode.set(n, this.#classCodes.numberOf(classOf(item)));
    this.#provenances.set(n, item.provenance);
    return n;
  }

  #keyAt(n: number, entity: string): string {
    const k = this.#key.get(n);
    if (k >= 0) return this.#keys.keyAt(k) as string;
    return keyNumbersOf(this.#settings as RuleSettings, entity).keyAt(-1 - k) as string;
  }

  /**
   * The target numbered `n`: what `{ entity, recordKey, provenance?, classCode? }` of its record
   * was (the provenance as `ProvenanceColumns.get` gives it back).
   */
  targetAt(n: number): FindingTarget {
    const provenance = this.#provenances.get(n);
    const classCode = this.#classCodes.textOf(this.#classCode.get(n));
    const entity = this.#entities.textOf(this.#entity.get(n)) as string;
    return {
      entity,
      recordKey: this.#keyAt(n, this.#entities.textOf(this.#entity.get(n)) as string),
      ...(provenance === undefined ? {} : { provenance }),
      ...(classCode === undefined ? {} : { classCode }),
    };
  }
}
