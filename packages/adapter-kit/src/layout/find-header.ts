import { matchKey } from '@eduvn/text';
import type { MergedRange, Row } from '../workbook/types.ts';
import { hasValue, headerText } from './cell-text.ts';
import { columnsFromTexts, runsFromTexts } from './header-columns.ts';
import { termMatcher } from './match-terms.ts';
import type { HeaderColumn, HeaderMatch, HeaderTerm } from './types.ts';

/** Options of {@link findHeader}. */
export interface FindHeaderOptions {
  /** The most rows a header may span (default `3`, the KQHT template's). */
  readonly maxHeaderRows?: number;
  /**
   * The sheet's merged ranges, to flatten multi-row headers exactly (see {@link headerColumns});
   * without them a fill-right heuristic is used.
   */
  readonly merges?: readonly MergedRange[];
  /**
   * The fewest vocabulary terms a header must contain (default 2, or 1 for a one-term
   * vocabulary). Below it, {@link findHeader} finds nothing.
   */
  readonly minScore?: number;
}

/** What is known about one row of the sample. */
interface RowFacts {
  readonly row: Row;
  readonly texts: readonly string[];
  /** Distinct non-empty texts (by key): a lone caption has one. */
  readonly distinct: number;
  /** Non-empty cells. */
  readonly filled: number;
  /** Every non-empty cell is text (no number, boolean, date or error value). */
  readonly textOnly: boolean;
}

/** `matchKey` of a text, remembered for the whole search (candidates share their texts). */
function keyIn(cache: Map<string, string>, text: string): string {
  let key = cache.get(text);
  if (key === undefined) {
    key = matchKey(text);
    cache.set(text, key);
  }
  return key;
}

function factsOf(row: Row, keyCache: Map<string, string>): RowFacts {
  const texts = row.cells.map(headerText);
  const keys = new Set<string>();
  let filled = 0;
  let textOnly = true;
  row.cells.forEach((cell, c) => {
    if (!hasValue(cell)) return;
    filled++;
    if (typeof cell?.value !== 'string' || cell.date !== undefined) textOnly = false;
    const key = keyIn(keyCache, texts[c] ?? '');
    if (key !== '') keys.add(key);
  });
  return { row, texts, distinct: keys.size, filled, textOnly };
}

function checkOptions(options: FindHeaderOptions): {
  maxRows: number;
  minScore: number | undefined;
} {
  const maxRows = options.maxHeaderRows ?? 3;
  if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > 10) {
    throw new RangeError(
      `findHeader: maxHeaderRows must be a whole number from 1 to 10, got ${maxRows}`,
    );
  }
  const { minScore } = options;
  if (minScore !== undefined && !(Number.isInteger(minScore) && minScore >= 1)) {
    throw new RangeError(
      `findHeader: minScore must be a whole number of at least 1, got ${minScore}`,
    );
  }
  return { maxRows, minScore };
}

/**
 * Whether the row below a header block continues it as a sub-header row (the KQHT template's
 * rows 2 and 3 under row 1): text only, more than one distinct text, nothing in a column whose
 * header the vocabulary recognized (those are merged down over the sub-header rows, while a data
 * row fills them), and some text under a blank cell of the block's last row (a sub-header under
 * a merged parent).
 */
function continuesHeader(
  next: RowFacts,
  last: RowFacts,
  matchedColumns: ReadonlySet<number>,
): boolean {
  if (!next.textOnly || next.distinct < 2) return false;
  let underBlank = false;
  for (let c = 0; c < next.texts.length; c++) {
    if ((next.texts[c] ?? '') === '') continue;
    if (matchedColumns.has(c)) return false;
    if ((last.texts[c] ?? '') === '') underBlank = true;
  }
  return underBlank;
}

/**
 * Whether the row above a header block belongs to it: text only, more than one distinct text,
 * and most of its texts (at least two) over blank cells of the block's first row — the KQHT
 * template's row 1 over rows 2–3, where `STT`, `Mã học sinh`… are merged down. Title rows sit
 * over the header's own texts, so they are left out.
 */
function headsHeader(above: RowFacts, first: RowFacts): boolean {
  if (!above.textOnly || above.distinct < 2) return false;
  let texts = 0;
  let overBlank = 0;
  for (let c = 0; c < above.texts.length; c++) {
    if ((above.texts[c] ?? '') === '') continue;
    texts++;
    if ((first.texts[c] ?? '') === '') overBlank++;
  }
  return overBlank >= 2 && overBlank * 2 >= texts;
}

/**
 * Finds a sheet's header among its first rows (pass the first 20–30): the row, or run of up to
 * {@link FindHeaderOptions.maxHeaderRows} consecutive rows, whose columns contain the most terms of
 * the vocabulary (see {@link HeaderTerm} for how a term matches: case, diacritics, tone style,
 * NFC/NFD, line breaks and `(*)` markers never matter).
 *
 * - Every run of 1 to `maxHeaderRows` consecutive non-empty rows is flattened into columns (see
 *   {@link headerColumns}) and scored by the number of terms found. A run whose upper row holds a
 *   single text (a title such as `DANH SÁCH HỌC SINH`) is not a header. The best score wins;
 *   between equal scores the shorter run, then the earlier one. Title blocks above the header
 *   (school, department, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") never add terms, so they are left
 *   out.
 * - The winner is then extended upward over a parent row whose texts mostly sit over blank cells
 *   of the winner's first row (headers merged down), and downward over sub-header rows: rows of text only that leave the
 *   recognized columns blank (they are merged down, where a data row fills them) and put text
 *   under blank cells of the row above (under a merged parent). So the KQHT template's three
 *   header rows are found even when the vocabulary knows only row 1's texts.
 * - Columns with neither header text nor data in the rows below the header (phantom columns of
 *   formatted sheets) are left out.
 * - Work is bounded whatever the rows hold: header texts are compared on their first
 *   `MAX_HEADER_TEXT` (256) characters, merged ranges fill each cell once, each text's key is
 *   computed once for the whole search, and terms are looked up by key, not tried one by one.
 *
 * @param rows - the first rows of a sheet, in order (empty rows may be missing)
 * @param vocabulary - the headers to look for (a mapping's {@link Mapping.vocabulary})
 * @param options - the most header rows, the sheet's merges, the lowest acceptable score
 * @returns where the header is and its columns, or `undefined` when no run of rows contains
 * enough terms
 * @throws RangeError for options out of range (a programming error)
 *
 * @example
 * ```ts
 * const header = findHeader(rows, [{ label: 'Mã học sinh', aliases: ['Mã HS'] }, { label: 'Họ tên' }]);
 * header?.firstRow // 9, after the title block
 * header?.matched.get('Họ tên')?.letter // 'C'
 * ```
 */
export function findHeader(
  rows: readonly Row[],
  vocabulary: readonly HeaderTerm[],
  options: FindHeaderOptions = {},
): HeaderMatch | undefined {
  const { maxRows, minScore = Math.min(2, vocabulary.length) } = checkOptions(options);
  if (vocabulary.length === 0) return undefined;
  const match = termMatcher(vocabulary);
  const keyCache = new Map<string, string>();
  // Each row's facts, made when a step first looks at the row: a search that finds every term
  // of the vocabulary stops there, and the rows below are looked at only for their filled cells.
  const facts: (RowFacts | undefined)[] = new Array(rows.length);
  const fact = (i: number): RowFacts | undefined => {
    if (i < 0 || i >= rows.length) return undefined;
    let f = facts[i];
    if (f === undefined) {
      f = factsOf(rows[i] as Row, keyCache);
      facts[i] = f;
    }
    return f;
  };
  const textsOf = (start: number, height: number): (readonly string[])[] => {
    const texts: (readonly string[])[] = [];
    for (let i = start; i < start + height && i < rows.length; i++) {
      texts.push((fact(i) as RowFacts).texts);
    }
    return texts;
  };
  const noData: ReadonlySet<number> = new Set();
  // The merged ranges that touch the rows searched, once (each candidate filters these).
  const lastRow = rows[rows.length - 1]?.row ?? 0;
  const merges = options.merges?.filter((m) => m.top <= lastRow);
  const columnsOf = (start: number, height: number, data: ReadonlySet<number>) =>
    columnsFromTexts(textsOf(start, height), rows[start]?.row ?? 1, merges, data, keyCache);

  let best: { start: number; height: number; score: number } | undefined;
  // No header can score more than every term, nor be shorter than one row: once one does, no
  // later candidate can replace it.
  const most = vocabulary.length;
  search: for (let start = 0; start < rows.length; start++) {
    const first = fact(start);
    if (first === undefined || first.filled === 0) continue;
    for (let height = 1; height <= maxRows; height++) {
      const last = fact(start + height - 1);
      const upper = fact(start + height - 2);
      if (last === undefined || last.filled === 0) break;
      if (last.row.row !== first.row.row + height - 1) break;
      if (upper !== undefined && height > 1 && upper.distinct < 2) break;
      // Scored on runs of identical columns: a header spanning a whole row costs its runs.
      const score = match.score(
        runsFromTexts(textsOf(start, height), rows[start]?.row ?? 1, merges, keyCache),
      );
      if (
        best === undefined ||
        score > best.score ||
        (score === best.score && height < best.height)
      ) {
        best = { start, height, score };
        if (score >= most && height === 1) break search;
      }
    }
  }
  if (best === undefined || best.score < Math.max(1, minScore)) return undefined;

  let { height, start } = best;
  while (height < maxRows) {
    const first = fact(start);
    const above = fact(start - 1);
    if (first === undefined || above === undefined || above.row.row !== first.row.row - 1) break;
    if (!headsHeader(above, first)) break;
    start--;
    height++;
  }
  while (height < maxRows) {
    const last = fact(start + height - 1);
    const next = fact(start + height);
    if (last === undefined || next === undefined || next.row.row !== last.row.row + 1) break;
    const matched = new Set(match(columnsOf(start, height, noData)).map((m) => m.column.index));
    if (!continuesHeader(next, last, matched)) break;
    height++;
  }

  const dataColumns = new Set<number>();
  for (const row of rows.slice(start + height)) {
    row.cells.forEach((cell, c) => {
      if (hasValue(cell)) dataColumns.add(c);
    });
  }
  const columns = columnsOf(start, height, dataColumns);
  const found = match(columns);
  const matched = new Map<string, HeaderColumn>();
  for (const m of found) if (!matched.has(m.term.label)) matched.set(m.term.label, m.column);
  return {
    firstRow: rows[start]?.row ?? 1,
    lastRow: rows[start + height - 1]?.row ?? 1,
    columns,
    score: found.length,
    matched,
  };
}
