import { matchKey } from '@eduvn/text';
import { columnLetter, type MergedRange, type Row } from '../workbook/types.ts';
import { hasValue, headerText } from './cell-text.ts';
import type { HeaderColumn } from './types.ts';

/** Column letters by index, made once (header search names every column of every candidate). */
const letters: string[] = [];

function letterOf(c: number): string {
  let letter = letters[c];
  if (letter === undefined) {
    letter = columnLetter(c);
    if (c < 16_384) letters[c] = letter;
  }
  return letter;
}

/** Options of {@link headerColumns}. */
export interface HeaderColumnsOptions {
  /**
   * The sheet's merged ranges. When any of them touches the header rows, parents are filled
   * across exactly their merged span (and down, for vertical merges), and nothing is guessed;
   * otherwise the fill-right heuristic applies (see {@link headerColumns}).
   */
  readonly merges?: readonly MergedRange[];
  /**
   * Rows below the header (a sample is enough): a column with data but no header text is kept
   * (with an empty path), and a column with neither is dropped.
   */
  readonly dataRows?: readonly Row[];
}

/**
 * Fills merged ranges' texts across the part of them that lies in the header rows: an empty cell
 * takes the text of the first range (in the given order) that covers it and has a text in its
 * top-left cell. Linear: in each header row, a cell is visited once whatever the number of ranges
 * over it (the next cell still open is found through a path-compressed pointer), so that ranges
 * spanning whole rows cost the width once, not once each.
 */
function fillMerges(
  grid: string[][],
  texts: readonly (readonly string[])[],
  firstRow: number,
  merges: readonly MergedRange[],
  width: number,
): void {
  // next[r][c]: the first column at or after c of header row r not yet visited (width: none).
  const next: (Int32Array | undefined)[] = [];
  const open = (line: Int32Array, c: number): number => {
    let root = c;
    while (root < width && (line[root] as number) !== root) root = line[root] as number;
    for (let at = c; at < width && at !== root; ) {
      const following = line[at] as number;
      line[at] = root;
      at = following;
    }
    return root;
  };
  for (const m of merges) {
    const anchorRow = m.top - firstRow;
    const anchor = anchorRow >= 0 ? (texts[anchorRow]?.[m.left] ?? '') : '';
    if (anchor === '') continue;
    const lastRow = Math.min(grid.length - 1, m.bottom - firstRow);
    const right = Math.min(m.right, width - 1);
    for (let r = Math.max(0, anchorRow); r <= lastRow; r++) {
      const line = grid[r];
      if (line === undefined) continue;
      let pointers = next[r];
      if (pointers === undefined) {
        pointers = new Int32Array(width + 1);
        for (let c = 0; c <= width; c++) pointers[c] = c;
        next[r] = pointers;
      }
      for (let c = open(pointers, Math.max(0, m.left)); c <= right; c = open(pointers, c + 1)) {
        if (line[c] === '') line[c] = anchor;
        pointers[c] = c + 1;
      }
    }
  }
}

/**
 * The fill-right heuristic for unmerged (or merge-less) upper header rows: an empty cell takes the
 * text of the nearest parent to its left while (a) some lower header row has text in its column
 * (a parent needs a child under it), and (b) no new parent starts above it in the row before. A
 * parent therefore spans until the next non-empty parent, the end of its own parent's span, or the
 * first column without a sub-header, whichever comes first.
 */
function fillRight(grid: string[][], texts: readonly (readonly string[])[], width: number): void {
  for (let r = 0; r < grid.length - 1; r++) {
    const line = grid[r];
    const own = texts[r];
    if (line === undefined || own === undefined) continue;
    let current = '';
    for (let c = 0; c < width; c++) {
      const text = own[c] ?? '';
      if (text !== '') {
        current = text;
        continue;
      }
      if (current === '') continue;
      const newParentAbove = r > 0 && (texts[r - 1]?.[c] ?? '') !== '';
      let hasChild = false;
      for (let below = r + 1; below < texts.length && !hasChild; below++) {
        hasChild = (texts[below]?.[c] ?? '') !== '';
      }
      if (newParentAbove || !hasChild) {
        current = '';
        continue;
      }
      line[c] = current;
    }
  }
}

/**
 * Runs of consecutive columns under the same header texts (a merged parent filled across them):
 * what scoring a candidate header needs, without an object per column.
 *
 * @internal
 */
export interface ColumnRun {
  /** The first column of the run. */
  readonly first: number;
  /** How many columns. */
  readonly count: number;
  /** The path over each of them (see {@link HeaderColumn.path}). */
  readonly path: readonly string[];
  /** The label. */
  readonly label: string;
  /** `matchKey` of the label. */
  readonly key: string;
}

/**
 * The filled header grid of a candidate, and the runs of its columns: columns under the very
 * same texts as the one before them share one run (paths are built once per run). The grid is
 * as wide as the last text, or the last of `dataColumns`.
 */
function runsOf(
  texts: readonly (readonly string[])[],
  firstRow: number,
  merges: readonly MergedRange[] | undefined,
  dataColumns: ReadonlySet<number>,
  keyCache: Map<string, string> | undefined,
): ColumnRun[] {
  let width = 0;
  for (const line of texts) {
    for (let c = line.length - 1; c >= width; c--) {
      if (line[c] !== '') {
        width = c + 1;
        break;
      }
    }
  }
  for (const c of dataColumns) width = Math.max(width, c + 1);
  const grid = texts.map((line) => {
    const cells = new Array<string>(width);
    for (let c = 0; c < width; c++) cells[c] = line[c] ?? '';
    return cells;
  });
  const lastRow = firstRow + texts.length - 1;
  const touching = (merges ?? []).filter((m) => m.top <= lastRow && m.bottom >= firstRow);
  if (touching.length > 0) fillMerges(grid, texts, firstRow, touching, width);
  else fillRight(grid, texts, width);

  const keys = keyCache ?? new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) {
      key = matchKey(text);
      keys.set(text, key);
    }
    return key;
  };
  const runs: { first: number; count: number; path: string[]; label: string; key: string }[] = [];
  let run: (typeof runs)[number] | undefined;
  for (let c = 0; c < width; c++) {
    let same = run !== undefined;
    for (let r = 0; same && r < grid.length; r++) {
      const line = grid[r] as string[];
      if (line[c] !== line[c - 1]) same = false;
    }
    if (same && run !== undefined) {
      run.count++;
      continue;
    }
    const path: string[] = [];
    const parts: string[] = [];
    let previous = '';
    for (const line of grid) {
      const text = line[c] ?? '';
      if (text === '') continue;
      const key = keyOf(text);
      if (key === '' || key === previous) continue;
      path.push(text);
      parts.push(key);
      previous = key;
    }
    // matchKey of the joined label is the parts' keys joined by a space (` › ` folds to one).
    run = { first: c, count: 1, path, label: path.join(' › '), key: parts.join(' ') };
    runs.push(run);
  }
  return runs;
}

/**
 * The runs of a candidate header's columns (see {@link ColumnRun}), for scoring it: columns
 * without a path are left out. `keyCache` remembers `matchKey` of each text across calls (the
 * candidates of one header search share their texts).
 *
 * @internal
 */
export function runsFromTexts(
  texts: readonly (readonly string[])[],
  firstRow: number,
  merges: readonly MergedRange[] | undefined,
  keyCache?: Map<string, string>,
): ColumnRun[] {
  return runsOf(texts, firstRow, merges, new Set(), keyCache).filter((r) => r.path.length > 0);
}

/**
 * Columns from header texts already read (one array of cell texts per header row). `keyCache`
 * remembers `matchKey` of each text across calls (the candidates of one header search share
 * their texts).
 *
 * @internal
 */
export function columnsFromTexts(
  texts: readonly (readonly string[])[],
  firstRow: number,
  merges: readonly MergedRange[] | undefined,
  dataColumns: ReadonlySet<number>,
  keyCache?: Map<string, string>,
): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (const run of runsOf(texts, firstRow, merges, dataColumns, keyCache)) {
    for (let c = run.first; c < run.first + run.count; c++) {
      if (run.path.length === 0 && !dataColumns.has(c)) continue;
      columns.push({
        index: c,
        letter: letterOf(c),
        path: run.path,
        label: run.label,
        key: run.key,
      });
    }
  }
  return columns;
}

/**
 * The columns under a header of one or more rows, each with the path of header texts over it.
 *
 * Multi-row headers with merged cells (the KQHT template's `Môn học và hoạt động giáo dục` over
 * F:R, `Toán` over F:G, `Mức đạt được` / `Điểm KTĐK` under it) are flattened into paths such as
 * `['Môn học và hoạt động giáo dục', 'Toán', 'Điểm KTĐK']`:
 *
 * - **with merges** ({@link HeaderColumnsOptions.merges} touching the header rows): a merged
 *   range's text fills every header cell of its range, across and down;
 * - **without**: the fill-right heuristic — in every header row but the last, an empty cell takes
 *   the text of the nearest parent to its left, while a lower header row has text in that column
 *   and no new parent starts in the row above. Files that merge nothing but centre a group title
 *   over its columns read right only when the title sits in the group's first column (where
 *   Excel's "Merge & Center" puts it).
 *
 * Blank header cells are skipped in a path, and a text repeated down a vertical merge appears
 * once, so a single-row column (`Mã học sinh`, merged over three rows) has a one-element path.
 * Columns with neither header text nor data are dropped (phantom columns at the right of
 * formatted sheets). A header text longer than `MAX_HEADER_TEXT` (256) characters is cut there
 * (no header is that long; the cut keeps the work per column bounded).
 *
 * @param rows - the header rows, consecutive, top to bottom
 * @param options - merged ranges, and data rows to tell phantom columns from unlabelled data
 */
export function headerColumns(
  rows: readonly Row[],
  options: HeaderColumnsOptions = {},
): HeaderColumn[] {
  const texts = rows.map((r) => r.cells.map(headerText));
  const dataColumns = new Set<number>();
  for (const row of options.dataRows ?? []) {
    row.cells.forEach((cell, c) => {
      if (hasValue(cell)) dataColumns.add(c);
    });
  }
  return columnsFromTexts(texts, rows[0]?.row ?? 1, options.merges, dataColumns);
}
