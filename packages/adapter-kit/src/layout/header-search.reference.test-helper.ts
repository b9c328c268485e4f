/**
 * The header search as it was before issue 15 (quadratic in merged ranges and in columns, but
 * simple): the reference the bounded search must agree with on every input. Test code only.
 */
import { matchKey } from '@eduvn/text';
import { columnLetter, type MergedRange, type Row } from '../workbook/types.ts';
import { cellText, hasValue } from './cell-text.ts';
import type { FindHeaderOptions } from './find-header.ts';
import { looseHeaderKey } from './header-key.ts';
import type { MatchQuality, TermMatch } from './match-terms.ts';
import type { HeaderColumn, HeaderMatch, HeaderTerm } from './types.ts';

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
export function refColumnsFromTexts(
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

/** The exact and loose key of one header text. */
interface Keys {
  readonly exact: string;
  readonly loose: string;
}

/** A column prepared for matching. */
interface PreparedColumn {
  readonly column: HeaderColumn;
  readonly elements: readonly Keys[];
  readonly leaf: Keys;
  readonly full: Keys;
}

/** One way of writing a term: a single text or a path. */
type Form = readonly Keys[];

function keysOf(text: string): Keys {
  return { exact: matchKey(text), loose: looseHeaderKey(text) };
}

function prepareColumn(column: HeaderColumn): PreparedColumn | undefined {
  const elements = column.path.map(keysOf);
  const leaf = elements[elements.length - 1];
  if (leaf === undefined) return undefined;
  const loose = elements
    .map((e) => e.loose)
    .filter((k) => k !== '')
    .join(' ');
  return { column, elements, leaf, full: { exact: column.key, loose } };
}

function formsOf(term: HeaderTerm): Form[] {
  const texts = [term.label, ...(term.aliases ?? [])].map((t) => [keysOf(t)]);
  const paths = (term.paths ?? []).map((p) => p.map(keysOf));
  return [...texts, ...paths].filter((f) => f.length > 0 && f.every((k) => k.exact !== ''));
}

function fits(form: Form, col: PreparedColumn, quality: MatchQuality): boolean {
  const k = (keys: Keys): string => (quality === 'exact' ? keys.exact : keys.loose);
  const last = form[form.length - 1];
  if (last === undefined || k(last) === '') return false;
  if (form.length === 1) return k(last) === k(col.leaf) || k(last) === k(col.full);
  if (form.map(k).join(' ') === k(col.full)) return true;
  if (k(last) !== k(col.leaf)) return false;
  let j = 0;
  for (let i = 0; i < col.elements.length - 1 && j < form.length - 1; i++) {
    const element = col.elements[i];
    const wanted = form[j];
    if (
      element !== undefined &&
      wanted !== undefined &&
      k(wanted) !== '' &&
      k(element) === k(wanted)
    )
      j++;
  }
  return j === form.length - 1;
}

function qualityOf(forms: readonly Form[], col: PreparedColumn): MatchQuality | undefined {
  if (forms.some((f) => fits(f, col, 'exact'))) return 'exact';
  if (forms.some((f) => fits(f, col, 'loose'))) return 'loose';
  return undefined;
}

/**
 * A matcher for a fixed vocabulary, with the terms' keys computed once.
 *
 * @internal
 */
export function refTermMatcher(
  terms: readonly HeaderTerm[],
): (columns: readonly HeaderColumn[]) => TermMatch[] {
  const forms = terms.map(formsOf);
  return (columns) => {
    const prepared = columns.map(prepareColumn).filter((c) => c !== undefined);
    const candidates: { term: number; col: PreparedColumn; quality: MatchQuality }[] = [];
    forms.forEach((termForms, term) => {
      for (const col of prepared) {
        const quality = qualityOf(termForms, col);
        if (quality !== undefined) candidates.push({ term, col, quality });
      }
    });
    candidates.sort(
      (a, b) =>
        Number(a.quality === 'loose') - Number(b.quality === 'loose') ||
        a.term - b.term ||
        a.col.column.index - b.col.column.index,
    );
    const byTerm = new Map<number, { col: PreparedColumn; quality: MatchQuality }>();
    const taken = new Set<number>();
    for (const c of candidates) {
      if (byTerm.has(c.term) || taken.has(c.col.column.index)) continue;
      byTerm.set(c.term, c);
      taken.add(c.col.column.index);
    }
    const out: TermMatch[] = [];
    terms.forEach((term, index) => {
      const chosen = byTerm.get(index);
      if (chosen === undefined) return;
      const alternatives = candidates
        .filter(
          (c) => c.term === index && c.quality === chosen.quality && !taken.has(c.col.column.index),
        )
        .map((c) => c.col.column);
      out.push({ term, column: chosen.col.column, quality: chosen.quality, alternatives });
    });
    return out;
  };
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

function factsOf(row: Row): RowFacts {
  const texts = row.cells.map(cellText);
  const keys = new Set<string>();
  let filled = 0;
  let textOnly = true;
  row.cells.forEach((cell, c) => {
    if (!hasValue(cell)) return;
    filled++;
    if (typeof cell?.value !== 'string' || cell.date !== undefined) textOnly = false;
    const key = matchKey(texts[c] ?? '');
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
export function refFindHeader(
  rows: readonly Row[],
  vocabulary: readonly HeaderTerm[],
  options: FindHeaderOptions = {},
): HeaderMatch | undefined {
  const { maxRows, minScore = Math.min(2, vocabulary.length) } = checkOptions(options);
  if (vocabulary.length === 0) return undefined;
  const match = refTermMatcher(vocabulary);
  const facts = rows.map(factsOf);
  const noData: ReadonlySet<number> = new Set();
  const columnsOf = (start: number, height: number, data: ReadonlySet<number>) =>
    refColumnsFromTexts(
      facts.slice(start, start + height).map((f) => f.texts),
      facts[start]?.row.row ?? 1,
      options.merges,
      data,
    );

  let best: { start: number; height: number; score: number } | undefined;
  for (let start = 0; start < facts.length; start++) {
    const first = facts[start];
    if (first === undefined || first.filled === 0) continue;
    for (let height = 1; height <= maxRows; height++) {
      const last = facts[start + height - 1];
      const upper = facts[start + height - 2];
      if (last === undefined || last.filled === 0) break;
      if (last.row.row !== first.row.row + height - 1) break;
      if (upper !== undefined && height > 1 && upper.distinct < 2) break;
      const score = match(columnsOf(start, height, noData)).length;
      if (
        best === undefined ||
        score > best.score ||
        (score === best.score && height < best.height)
      ) {
        best = { start, height, score };
      }
    }
  }
  if (best === undefined || best.score < Math.max(1, minScore)) return undefined;

  let { height, start } = best;
  while (height < maxRows) {
    const first = facts[start];
    const above = facts[start - 1];
    if (first === undefined || above === undefined || above.row.row !== first.row.row - 1) break;
    if (!headsHeader(above, first)) break;
    start--;
    height++;
  }
  while (height < maxRows) {
    const last = facts[start + height - 1];
    const next = facts[start + height];
    if (last === undefined || next === undefined || next.row.row !== last.row.row + 1) break;
    const matched = new Set(match(columnsOf(start, height, noData)).map((m) => m.column.index));
    if (!continuesHeader(next, last, matched)) break;
    height++;
  }

  const dataColumns = new Set<number>();
  for (const f of facts.slice(start + height)) {
    f.row.cells.forEach((cell, c) => {
      if (hasValue(cell)) dataColumns.add(c);
    });
  }
  const columns = columnsOf(start, height, dataColumns);
  const found = match(columns);
  const matched = new Map<string, HeaderColumn>();
  for (const m of found) if (!matched.has(m.term.label)) matched.set(m.term.label, m.column);
  return {
    firstRow: facts[start]?.row.row ?? 1,
    lastRow: facts[start + height - 1]?.row.row ?? 1,
    columns,
    score: found.length,
    matched,
  };
}
