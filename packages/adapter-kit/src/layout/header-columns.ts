import { matchKey } from '@eduvn/text';
import { columnLetter, type MergedRange, type Row } from '../workbook/types.ts';
import { cellText, hasValue } from './cell-text.ts';
import type { HeaderColumn } from './types.ts';

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

/** Fills a merged range's text across the part of it that lies in the header rows. */
function fillMerges(
  grid: string[][],
  texts: readonly (readonly string[])[],
  firstRow: number,
  merges: readonly MergedRange[],
  width: number,
): void {
  for (const m of merges) {
    const anchorRow = m.top - firstRow;
    const anchor = anchorRow >= 0 ? (texts[anchorRow]?.[m.left] ?? '') : '';
    if (anchor === '') continue;
    const lastRow = Math.min(grid.length - 1, m.bottom - firstRow);
    for (let r = Math.max(0, anchorRow); r <= lastRow; r++) {
      const line = grid[r];
      if (line === undefined) continue;
      for (let c = Math.max(0, m.left); c <= Math.min(m.right, width - 1); c++) {
        if (line[c] === '') line[c] = anchor;
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
 * Columns from header texts already read (one array of cell texts per header row).
 *
 * @internal
 */
export function columnsFromTexts(
  texts: readonly (readonly string[])[],
  firstRow: number,
  merges: readonly MergedRange[] | undefined,
  dataColumns: ReadonlySet<number>,
): HeaderColumn[] {
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
  const grid = texts.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ''));
  const lastRow = firstRow + texts.length - 1;
  const touching = (merges ?? []).filter((m) => m.top <= lastRow && m.bottom >= firstRow);
  if (touching.length > 0) fillMerges(grid, texts, firstRow, touching, width);
  else fillRight(grid, texts, width);

  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    let previous = '';
    for (const line of grid) {
      const text = line[c] ?? '';
      if (text === '') continue;
      const key = matchKey(text);
      if (key === '' || key === previous) continue;
      path.push(text);
      previous = key;
    }
    if (path.length === 0 && !dataColumns.has(c)) continue;
    const label = path.join(' › ');
    columns.push({ index: c, letter: columnLetter(c), path, label, key: matchKey(label) });
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
 * formatted sheets).
 *
 * @param rows - the header rows, consecutive, top to bottom
 * @param options - merged ranges, and data rows to tell phantom columns from unlabelled data
 */
export function headerColumns(
  rows: readonly Row[],
  options: HeaderColumnsOptions = {},
): HeaderColumn[] {
  const texts = rows.map((r) => r.cells.map(cellText));
  const dataColumns = new Set<number>();
  for (const row of options.dataRows ?? []) {
    row.cells.forEach((cell, c) => {
      if (hasValue(cell)) dataColumns.add(c);
    });
  }
  return columnsFromTexts(texts, rows[0]?.row ?? 1, options.merges, dataColumns);
}
