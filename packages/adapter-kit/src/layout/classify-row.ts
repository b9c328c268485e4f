import { matchKey } from '@eduvn/text';
import { columnLetter, type MergedRange, type Row } from '../workbook/types.ts';
import { cellText, hasValue } from './cell-text.ts';
import type { HeaderMatch } from './types.ts';

/**
 * What a row below the header is:
 *
 * - `'data'`: a record (possibly incomplete: mapping reports what is missing);
 * - `'empty'`: no cell with a value — the phantom rows of formatted sheets, blank separators;
 * - `'repeated-header'`: the header again (files that repeat it for every class);
 * - `'caption'`: a lone text outside the key columns, such as `Lớp 1A` or
 *   `DANH SÁCH HỌC SINH LỚP 2B` above each class;
 * - `'numbering'`: the row of column numbers (`1 2 3 …` or `(1) (2) (3) …`) that Vietnamese forms
 *   put under their header.
 */
export type RowKind = 'data' | 'empty' | 'repeated-header' | 'caption' | 'numbering';

/** A row's {@link RowKind} and why. */
export interface RowClass {
  /** The kind. */
  readonly kind: RowKind;
  /** Why, in English, without the row's values (they may be personal data). */
  readonly reason: string;
  /** For a caption: its text (a class name, a title), for callers that track the current class. */
  readonly caption?: string;
}

/** Options of {@link classifyRow}. */
export interface ClassifyRowOptions {
  /**
   * The 0-based indexes of the key columns (a bound mapping's {@link BoundMapping.keyColumns}):
   * a lone value in one of them makes an incomplete data row, never a caption. Default none: any
   * lone text is a caption.
   */
  readonly keyColumns?: readonly number[];
  /** The sheet's merged ranges, to say how far a caption spans. */
  readonly merges?: readonly MergedRange[];
}

/** The keys of every header text over each column, computed once per header. */
const headerKeysCache = new WeakMap<HeaderMatch, ReadonlyMap<number, ReadonlySet<string>>>();

function headerKeys(header: HeaderMatch): ReadonlyMap<number, ReadonlySet<string>> {
  let keys = headerKeysCache.get(header);
  if (keys === undefined) {
    keys = new Map(header.columns.map((c) => [c.index, new Set(c.path.map(matchKey))]));
    headerKeysCache.set(header, keys);
  }
  return keys;
}

/** A column number as the numbering row writes it: `3`, `'3'` or `'(3)'`. */
function columnNumber(text: string): number | undefined {
  const m = /^\(?(\d{1,3})\)?$/.exec(text);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

function isNumbering(cells: readonly { index: number; text: string }[]): boolean {
  if (cells.length < 3) return false;
  let previous: number | undefined;
  for (const { text } of cells) {
    const n = columnNumber(text);
    if (n === undefined || (previous !== undefined && n !== previous + 1)) return false;
    previous = n;
  }
  return true;
}

function spanOf(index: number, row: number, merges: readonly MergedRange[] | undefined): string {
  const m = merges?.find(
    (r) => r.top <= row && r.bottom >= row && r.left <= index && r.right >= index,
  );
  return m === undefined || m.left === m.right
    ? columnLetter(index)
    : `${columnLetter(m.left)}:${columnLetter(m.right)}`;
}

/**
 * Classifies a row below a header (see {@link RowKind}), so that readers skip what is not a record
 * and say why. In order:
 *
 * 1. `'empty'` when no cell has a value (formatted but empty cells count as none);
 * 2. `'numbering'` when three or more cells hold consecutive numbers, left to right;
 * 3. `'repeated-header'` when at least two cells, and at least 60 % of the filled cells, equal (by
 *    `matchKey`) a header text over their own column — any of the header's rows, so a
 *    repeated multi-row header is recognized row by row;
 * 4. `'caption'` when a single text remains (not an error value) (cells holding the same text side by side count as
 *    one, as readers that copy a merged value into every cell produce) and it is not in a key
 *    column and is not a number;
 * 5. `'data'` otherwise.
 *
 * @param row - the row
 * @param header - the sheet's header ({@link findHeader})
 * @param options - key columns and merged ranges
 */
export function classifyRow(
  row: Row,
  header: HeaderMatch,
  options: ClassifyRowOptions = {},
): RowClass {
  const cells: { index: number; text: string; number: boolean }[] = [];
  row.cells.forEach((cell, index) => {
    if (!hasValue(cell)) return;
    cells.push({ index, text: cellText(cell), number: typeof cell?.value === 'number' });
  });
  if (cells.length === 0) {
    const formatted = row.cells.some((c) => c !== undefined);
    return {
      kind: 'empty',
      reason: formatted
        ? 'no cell has a value (a formatted but empty row)'
        : 'the row has no cells',
    };
  }
  if (isNumbering(cells)) {
    return { kind: 'numbering', reason: 'the cells number the columns (1, 2, 3, …)' };
  }
  const keys = headerKeys(header);
  let same = 0;
  for (const { index, text } of cells) {
    if (keys.get(index)?.has(matchKey(text)) === true) same++;
  }
  if (same >= 2 && same >= 0.6 * cells.length) {
    return {
      kind: 'repeated-header',
      reason: `${same} of its ${cells.length} filled cells repeat the header`,
    };
  }
  const first = cells[0];
  const lone =
    first !== undefined &&
    cells.every(
      (c, i) => c.text === first.text && (i === 0 || c.index === (cells[i - 1]?.index ?? -2) + 1),
    );
  if (lone && !first.number && first.text !== '' && !/^[\d.,\s]+$/.test(first.text)) {
    const keyColumns = options.keyColumns ?? [];
    const where = spanOf(first.index, row.row, options.merges);
    const span =
      cells.length > 1
        ? `${columnLetter(first.index)}:${columnLetter(first.index + cells.length - 1)}`
        : where;
    if (!cells.some((c) => keyColumns.includes(c.index))) {
      return {
        kind: 'caption',
        reason: `a single text in ${span}, outside the key columns (a caption such as a class name)`,
        caption: first.text,
      };
    }
  }
  return {
    kind: 'data',
    reason: `${cells.length} cell${cells.length === 1 ? '' : 's'} with a value`,
  };
}
