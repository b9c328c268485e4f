import { matchKey } from '@eduvn/text';
import { looseHeaderKey } from './header-key.ts';
import type { HeaderColumn, HeaderTerm } from './types.ts';

/**
 * How well a term fits a column: `'exact'` when the keys are equal, `'loose'` when they are equal
 * only with remarks in parentheses left out (see {@link looseHeaderKey}).
 */
export type MatchQuality = 'exact' | 'loose';

/** A vocabulary term found in a header column. */
export interface TermMatch {
  /** The term. */
  readonly term: HeaderTerm;
  /** The column it was found in. */
  readonly column: HeaderColumn;
  /** How well it fits. */
  readonly quality: MatchQuality;
  /**
   * Other columns the term fits just as well and that no other term took (two `Họ tên` columns):
   * the leftmost was chosen. Callers usually report these as ambiguous.
   */
  readonly alternatives: readonly HeaderColumn[];
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
export function termMatcher(
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

/**
 * Finds each term of a vocabulary in a header's columns (see {@link HeaderTerm} for what fits).
 * Each term is given at most one column and each column at most one term: exact matches are
 * handed out before loose ones, earlier terms before later ones, and left columns before right
 * ones.
 *
 * @param columns - the header's columns ({@link HeaderMatch.columns})
 * @param terms - the vocabulary
 * @returns the terms found, in vocabulary order
 */
export function matchTerms(
  columns: readonly HeaderColumn[],
  terms: readonly HeaderTerm[],
): TermMatch[] {
  return termMatcher(terms)(columns);
}
