import { AdapterError, type Limits, limitError } from '../../errors.ts';
import type { Cell, Row } from '../types.ts';
import { inFile } from './source.ts';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** At the start of a field (after a delimiter, or of a record). */
const START = 0;
/** In an unquoted field, or in text after a closing quote, cut by the end of a chunk. */
const UNQUOTED = 1;
/** Inside quotes, cut by the end of a chunk. */
const QUOTED = 2;
/** Inside quotes, a chunk ended right after a quote: closing, or the first of a doubled one. */
const QUOTE_SEEN = 3;

/**
 * A streaming RFC 4180 scanner: text goes in by chunks of any size (split anywhere, even between
 * CR and LF or between two quotes), complete records come out as {@link Row}s.
 *
 * - Fields are separated by the delimiter; records end at CR, LF or CRLF.
 * - A field that starts with `"` is quoted: it may hold delimiters, line breaks and doubled quotes
 *   (`""` is one `"`). Text between a closing quote and the next delimiter is kept as it is
 *   (`"ab"c` is `abc`, as Excel reads it). A `"` anywhere else is an ordinary character.
 * - Values are never trimmed nor converted: `0123`, `=1+1` and ` x ` stay text, as written.
 * - Empty fields (`a,,b`, `""`) are gaps: no cell. Trailing gaps are not represented
 *   (`cells.length` is the position of the last non-empty field + 1), and records with no
 *   non-empty field (blank lines, `,,,`) are left out.
 * - {@link Row.row} is the physical line on which the record starts (1-based): line breaks inside
 *   quoted fields count, so row numbers match what a text editor shows, and rows left out leave
 *   gaps.
 * - A quoted field still open at the end of the text is an error (`'corrupt-file'`, naming the
 *   line where it starts), never one giant field.
 *
 * Limits: a record with a non-empty field beyond `maxColumns` fields, with more than
 * `maxRowLength` characters, or more than `maxRows` records with content, throws
 * `'limit-exceeded'`; a value longer than `maxCellLength` is cut (never inside a surrogate pair),
 * copied and marked `truncated`. Memory per record is bounded whatever the input.
 *
 * A value holding U+FFFD (bytes the decoder could not read) or NUL is marked `invalidText`.
 *
 * @internal
 */
export class CsvScanner {
  private readonly delimiter: number;
  private readonly maxCellLength: number;
  private readonly maxColumns: number;
  private readonly maxRows: number;
  private readonly maxRowLength: number;
  /** Characters of the current record's values. */
  private rowLength = 0;
  /** Whether text pushed so far held U+FFFD or NUL: values are looked at only then. */
  private suspect = false;
  private state = START;
  /** Physical line (1-based) at the scan position. */
  private line = 1;
  /** Whether the last character consumed was a CR (so that an LF after it is not a new line). */
  private prevCR = false;
  /** Line on which the current record starts. */
  private recordLine = 1;
  /** Line on which the current quoted field starts. */
  private fieldLine = 1;
  /** 0-based position of the current field. */
  private col = 0;
  private cells: (Cell | undefined)[] = [];
  /** The current field's text so far, when it spans chunks or holds doubled quotes. */
  private partial = '';
  /** Whether {@link partial} was cut at the cell limit. */
  private overflow = false;
  private records = 0;

  /**
   * @param delimiter - The field delimiter (one character).
   * @param limits - `maxCellLength`, `maxColumns` and `maxRows` apply.
   * @param file - The file's name, for messages.
   */
  constructor(
    delimiter: string,
    limits: Limits,
    private readonly file: string | undefined,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.maxCellLength = limits.maxCellLength;
    this.maxColumns = limits.maxColumns;
    this.maxRows = limits.maxRows;
    this.maxRowLength = limits.maxRowLength;
  }

  /** Scans the next piece of text; appends the records it completes to `out`. */
  push(s: string, out: Row[]): void {
    if (!this.suspect && (s.indexOf('\uFFFD') >= 0 || s.indexOf('\0') >= 0)) this.suspect = true;
    const n = s.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.state !== START) i = this.resume(s);
    while (i < n) {
      let c = s.charCodeAt(i);
      if (c === QUOTE) {
        this.prevCR = false;
        this.fieldLine = this.line;
        i = this.quoted(s, i + 1);
      } else if (c === delimiter) {
        this.prevCR = false;
        this.col++;
        i++;
      } else if (c === LF) {
        if (!this.prevCR) this.line++;
        this.prevCR = false;
        this.endRecord(out);
        i++;
      } else if (c === CR) {
        this.line++;
        this.prevCR = true;
        this.endRecord(out);
        i++;
      } else {
        this.prevCR = false;
        let j = i + 1;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === delimiter || c === LF || c === CR) break;
          j++;
        }
        if (j === n) {
          this.append(s, i, n);
          this.state = UNQUOTED;
          return;
        }
        this.addCell(s.slice(i, j));
        if (c === delimiter) {
          this.col++;
          i = j + 1;
        } else {
          i = j;
        }
      }
    }
  }

  /**
   * Ends the text: completes the last record (a final line without a line break) and appends it
   * to `out`.
   *
   * @throws AdapterError `'corrupt-file'` when a quoted field is still open.
   */
  finish(out: Row[]): void {
    if (this.state === QUOTED) {
      throw new AdapterError(
        'corrupt-file',
        `The CSV file${inFile(this.file)} has a quoted field starting on line ${this.fieldLine} that is never closed: a " is missing, and the rest of the file would be read as one value. Check the quotes on that line, or save the file again from the spreadsheet program.`,
        this.file === undefined ? {} : { file: this.file },
      );
    }
    if (this.state !== START) this.takePartial();
    this.state = START;
    this.endRecord(out);
  }

  /** Continues a field cut by the end of the previous chunk; returns where scanning goes on. */
  private resume(s: string): number {
    const state = this.state;
    this.state = START;
    if (state === QUOTED) return this.quoted(s, 0);
    if (state === QUOTE_SEEN) {
      if (s.length === 0) {
        this.state = QUOTE_SEEN;
        return 0;
      }
      if (s.charCodeAt(0) === QUOTE) {
        this.append('"', 0, 1);
        return this.quoted(s, 1);
      }
      return this.afterQuote(s, 0);
    }
    return this.rest(s, 0);
  }

  /**
   * Scans a quoted field from `j` (after its opening quote, or after a doubled quote); returns
   * where scanning goes on.
   */
  private quoted(s: string, j: number): number {
    const n = s.length;
    for (;;) {
      const k = s.indexOf('"', j);
      if (k === -1) {
        this.countLines(s, j, n);
        this.append(s, j, n);
        this.state = QUOTED;
        return n;
      }
      this.countLines(s, j, k);
      this.append(s, j, k);
      this.prevCR = false;
      if (k + 1 === n) {
        this.state = QUOTE_SEEN;
        return n;
      }
      if (s.charCodeAt(k + 1) !== QUOTE) return this.afterQuote(s, k + 1);
      this.append('"', 0, 1);
      j = k + 2;
    }
  }

  /** After a closing quote at `i - 1`: the field ends at a delimiter or a line break. */
  private afterQuote(s: string, i: number): number {
    const c = s.charCodeAt(i);
    if (c === this.delimiter) {
      this.takePartial();
      this.col++;
      return i + 1;
    }
    if (c === LF || c === CR) {
      this.takePartial();
      return i;
    }
    return this.rest(s, i);
  }

  /** Text of the current field up to the next delimiter or line break (unquoted, or after quotes). */
  private rest(s: string, i: number): number {
    const n = s.length;
    const delimiter = this.delimiter;
    let j = i;
    let c = 0;
    while (j < n) {
      c = s.charCodeAt(j);
      if (c === delimiter || c === LF || c === CR) break;
      j++;
    }
    if (j > i) this.prevCR = false;
    this.append(s, i, j);
    if (j === n) {
      this.state = UNQUOTED;
      return n;
    }
    this.takePartial();
    if (c === delimiter) {
      this.col++;
      return j + 1;
    }
    return j;
  }

  /** Counts the line breaks of `s[from, to)` (inside quotes). */
  private countLines(s: string, from: number, to: number): void {
    let line = this.line;
    let prevCR = this.prevCR;
    for (let q = from; q < to; q++) {
      const c = s.charCodeAt(q);
      if (c === LF) {
        if (!prevCR) line++;
        prevCR = false;
      } else if (c === CR) {
        line++;
        prevCR = true;
      } else {
        prevCR = false;
      }
    }
    this.line = line;
    this.prevCR = prevCR;
  }

  /** Adds `s[from, to)` to the current field, keeping at most the cell limit + 1 characters. */
  private append(s: string, from: number, to: number): void {
    if (this.overflow || to <= from) return;
    this.partial += from === 0 && to === s.length ? s : s.slice(from, to);
    if (this.partial.length > this.maxCellLength) {
      this.partial = this.partial.slice(0, this.maxCellLength + 1);
      this.overflow = true;
    }
  }

  /** Ends the current field with the text gathered in {@link partial}. */
  private takePartial(): void {
    const value = this.partial;
    this.partial = '';
    this.overflow = false;
    this.addCell(value);
  }

  /** Puts a field's text at the current position (nothing for an empty field). */
  private addCell(value: string): void {
    if (value.length === 0) return;
    const col = this.col;
    if (col >= this.maxColumns) {
      throw new AdapterError(
        'limit-exceeded',
        `The CSV file${inFile(this.file)} has a record on line ${this.recordLine} with a value in column ${col + 1}, more than the limit of ${this.maxColumns} columns (limits.maxColumns).`,
        {
          ...(this.file === undefined ? {} : { file: this.file }),
          limit: { name: 'maxColumns', max: this.maxColumns, found: col + 1 },
        },
      );
    }
    const long = value.length > this.maxCellLength;
    const text = long ? ` ${cut(value, this.maxCellLength)}`.slice(1) : value;
    this.rowLength += text.length;
    if (this.rowLength > this.maxRowLength) {
      throw limitError({
        file: this.file,
        name: 'maxRowLength',
        max: this.maxRowLength,
        found: this.rowLength,
        what: 'The text of the record',
        place: `The record on line ${this.recordLine}`,
      });
    }
    const invalid = this.suspect && (text.indexOf('\uFFFD') >= 0 || text.indexOf('\0') >= 0);
    const cell: { value: string; truncated?: true; invalidText?: true } = { value: text };
    if (long) cell.truncated = true;
    if (invalid) cell.invalidText = true;
    const cells = this.cells;
    while (cells.length < col) cells.push(undefined);
    cells.push(cell);
  }

  /** Ends a record: emits it when it has a cell; the next record starts on the current line. */
  private endRecord(out: Row[]): void {
    if (this.cells.length > 0) {
      if (++this.records > this.maxRows) {
        throw new AdapterError(
          'limit-exceeded',
          `The CSV file${inFile(this.file)} has more than ${this.maxRows} rows (limits.maxRows); the row on line ${this.recordLine} is beyond the limit.`,
          {
            ...(this.file === undefined ? {} : { file: this.file }),
            limit: { name: 'maxRows', max: this.maxRows, found: this.records },
          },
        );
      }
      out.push({ row: this.recordLine, cells: this.cells });
      this.cells = [];
    }
    this.rowLength = 0;
    this.col = 0;
    this.recordLine = this.line;
  }
}

/** The first `max` UTF-16 units of `value`, one fewer when that would split a surrogate pair. */
export function cut(value: string, max: number): string {
  const last = value.charCodeAt(max - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
