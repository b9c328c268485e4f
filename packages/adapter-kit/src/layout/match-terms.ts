import { matchKey } from '@eduvn/text';
import type { ColumnRun } from './header-columns.ts';
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

/** One way of writing a term: a single text or a path, with its keys joined. */
interface Form {
  readonly term: number;
  readonly elements: readonly Keys[];
  readonly joined: Keys;
}

const pick = (keys: Keys, quality: MatchQuality): string =>
  quality === 'exact' ? keys.exact : keys.loose;

function keysOf(text: string): Keys {
  return { exact: matchKey(text), loose: looseHeaderKey(text) };
}

function formsOf(term: HeaderTerm, index: number): Form[] {
  const texts = [term.label, ...(term.aliases ?? [])].map((t) => [keysOf(t)]);
  const paths = (term.paths ?? []).map((p) => p.map(keysOf));
  return [...texts, ...paths]
    .filter((f) => f.length > 0 && f.every((k) => k.exact !== ''))
    .map((elements) => ({
      term: index,
      elements,
      joined: {
        exact: elements.map((e) => e.exact).join(' '),
        // As written (an empty loose key leaves its space): what the column's keys are
        // compared with.
        loose: elements.map((e) => e.loose).join(' '),
      },
    }));
}

function fits(form: Form, col: PreparedColumn, quality: MatchQuality): boolean {
  const k = (keys: Keys): string => pick(keys, quality);
  const elements = form.elements;
  const last = elements[elements.length - 1];
  if (last === undefined || k(last) === '') return false;
  if (elements.length === 1) return k(last) === k(col.leaf) || k(last) === k(col.full);
  if (k(form.joined) === k(col.full)) return true;
  if (k(last) !== k(col.leaf)) return false;
  let j = 0;
  for (let i = 0; i < col.elements.length - 1 && j < elements.length - 1; i++) {
    const element = col.elements[i];
    const wanted = elements[j];
    if (
      element !== undefined &&
      wanted !== undefined &&
      k(wanted) !== '' &&
      k(element) === k(wanted)
    )
      j++;
  }
  return j === elements.length - 1;
}

/** The forms by a key, for one quality: only forms found under a column's keys can fit it. */
class FormIndex {
  private readonly byLast = new Map<string, Form[]>();
  private readonly byJoined = new Map<string, Form[]>();

  constructor(
    forms: readonly Form[],
    private readonly quality: MatchQuality,
  ) {
    for (const form of forms) {
      const last = form.elements[form.elements.length - 1];
      if (last !== undefined) add(this.byLast, pick(last, quality), form);
      add(this.byJoined, pick(form.joined, quality), form);
    }
  }

  /**
   * The forms that may fit a column (a form may come twice): a form fits only when its last key
   * is the column's own (or, for a one-text form, the column's whole) key, or its joined keys are
   * the column's whole key (see {@link fits}). `undefined` when none may (most columns): nothing
   * is allocated for them.
   */
  candidates(leafKeys: Keys, fullKeys: Keys): Form[] | undefined {
    const leaf = pick(leafKeys, this.quality);
    const full = pick(fullKeys, this.quality);
    const a = this.byLast.get(leaf);
    const b = full === leaf ? undefined : this.byLast.get(full);
    const c = this.byJoined.get(full);
    if (b === undefined && c === undefined) return a;
    return [...(a ?? []), ...(b ?? []), ...(c ?? [])];
  }
}

function add(map: Map<string, Form[]>, key: string, form: Form): void {
  if (key === '') return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [form]);
  else list.push(form);
}

/** A term a column's texts fit, and how well. */
interface FoundTerm {
  readonly term: number;
  readonly quality: MatchQuality;
}

/** No term found (shared). */
const NONE_FOUND: readonly FoundTerm[] = Object.freeze([]);

/** A level of {@link termMatcher}'s trie of header paths: the terms of the path ending here. */
interface PathNode {
  readonly next: Map<string, PathNode>;
  terms: readonly FoundTerm[] | undefined;
}

/**
 * The most header texts one matcher remembers the terms of (beyond it, a path is matched each
 * time it comes): a search looks at a few dozen rows, whose texts are each cut at
 * `MAX_HEADER_TEXT` characters.
 */
const MAX_PATH_TEXTS = 16_384;

/**
 * Finds a vocabulary's terms in columns (see {@link matchTerms}), and scores runs of identical
 * columns the same way without a column each.
 *
 * @internal
 */
export interface TermMatcher {
  /** The terms found in the columns. */
  (columns: readonly HeaderColumn[]): TermMatch[];
  /** How many terms would be found in the columns the runs stand for. */
  score(runs: readonly ColumnRun[]): number;
}

/**
 * A matcher for a fixed vocabulary, with the terms' keys computed once. Each header text's keys
 * are remembered across calls (the candidate headers of one search share their texts), and the
 * terms that may fit a column are looked up by its keys: a call costs the columns, not the
 * columns times the terms.
 *
 * @internal
 */
export function termMatcher(terms: readonly HeaderTerm[]): TermMatcher {
  const forms = terms.flatMap(formsOf);
  const exact = new FormIndex(forms, 'exact');
  const loose = new FormIndex(forms, 'loose');
  const textKeys = new Map<string, Keys>();
  const keysOfText = (text: string): Keys => {
    let keys = textKeys.get(text);
    if (keys === undefined) {
      keys = keysOf(text);
      textKeys.set(text, keys);
    }
    return keys;
  };
  // Columns sharing a path (a merged parent over several) share their preparation.
  type Parts = Omit<PreparedColumn, 'column'>;
  const prepare = (
    column: HeaderColumn,
    cache: Map<readonly string[], Parts | null>,
  ): Parts | null => {
    let parts = cache.get(column.path);
    if (parts === undefined) {
      const elements = column.path.map(keysOfText);
      const leaf = elements[elements.length - 1];
      parts =
        leaf === undefined
          ? null
          : {
              elements,
              leaf,
              full: {
                exact: column.key,
                loose: elements
                  .map((e) => e.loose)
                  .filter((k) => k !== '')
                  .join(' '),
              },
            };
      cache.set(column.path, parts);
    }
    return parts;
  };
  /** The terms each column (or run) fits, exactly or else loosely. */
  const termsOf = (
    column: HeaderColumn,
    parts: Parts,
    found: (term: number, quality: MatchQuality) => void,
  ): void => {
    const exactForms = exact.candidates(parts.leaf, parts.full);
    const looseForms = loose.candidates(parts.leaf, parts.full);
    if (exactForms === undefined && looseForms === undefined) return;
    const col: PreparedColumn = { column, ...parts };
    // A term fits exactly, or else loosely (through any of its forms).
    const exactTerms = new Set<number>();
    for (const form of exactForms ?? []) {
      if (!exactTerms.has(form.term) && fits(form, col, 'exact')) exactTerms.add(form.term);
    }
    const looseTerms = new Set<number>();
    for (const form of looseForms ?? []) {
      if (exactTerms.has(form.term) || looseTerms.has(form.term)) continue;
      if (fits(form, col, 'loose')) looseTerms.add(form.term);
    }
    for (const term of exactTerms) found(term, 'exact');
    for (const term of looseTerms) found(term, 'loose');
  };
  // The terms a run's texts fit depend on those texts only (its key is theirs, joined): the
  // candidate headers of one search share most of their runs, so each path is matched once. A
  // trie of the path's texts, level by level (no joined string that two paths could share).
  const pathTerms: PathNode = { next: new Map(), terms: undefined };
  let pathTexts = 0;
  const termsOfPath = (run: ColumnRun): readonly FoundTerm[] => {
    let node = pathTerms;
    for (const text of run.path) {
      let child = node.next.get(text);
      if (child === undefined) {
        if (pathTexts >= MAX_PATH_TEXTS) return matchRun(run);
        pathTexts++;
        child = { next: new Map(), terms: undefined };
        node.next.set(text, child);
      }
      node = child;
    }
    node.terms ??= matchRun(run);
    return node.terms;
  };
  const matchRun = (run: ColumnRun): readonly FoundTerm[] => {
    const column: HeaderColumn = {
      index: run.first,
      letter: '',
      path: run.path,
      label: run.label,
      key: run.key,
    };
    const parts = prepare(column, new Map());
    if (parts === null) return NONE_FOUND;
    const found: FoundTerm[] = [];
    termsOf(column, parts, (term, quality) => found.push({ term, quality }));
    return found.length === 0 ? NONE_FOUND : found;
  };
  const match = (columns: readonly HeaderColumn[]): TermMatch[] => {
    const cache = new Map<readonly string[], Parts | null>();
    const candidates: { term: number; col: PreparedColumn; quality: MatchQuality }[] = [];
    for (const column of columns) {
      const parts = prepare(column, cache);
      if (parts === null) continue;
      termsOf(column, parts, (term, quality) =>
        candidates.push({ term, col: { column, ...parts }, quality }),
      );
    }
    candidates.sort(
      (a, b) =>
        Number(a.quality === 'loose') - Number(b.quality === 'loose') ||
        a.term - b.term ||
        a.col.column.index - b.col.column.index,
    );
    const byTerm = new Map<number, { col: PreparedColumn; quality: MatchQuality }>();
    const taken = new Set<number>();
    const ofTerm = new Map<number, typeof candidates>();
    for (const c of candidates) {
      const list = ofTerm.get(c.term);
      if (list === undefined) ofTerm.set(c.term, [c]);
      else list.push(c);
      if (byTerm.has(c.term) || taken.has(c.col.column.index)) continue;
      byTerm.set(c.term, c);
      taken.add(c.col.column.index);
    }
    const out: TermMatch[] = [];
    terms.forEach((term, index) => {
      const chosen = byTerm.get(index);
      if (chosen === undefined) return;
      const alternatives = (ofTerm.get(index) ?? [])
        .filter((c) => c.quality === chosen.quality && !taken.has(c.col.column.index))
        .map((c) => c.col.column);
      out.push({ term, column: chosen.col.column, quality: chosen.quality, alternatives });
    });
    return out;
  };
  /**
   * The number of terms `match` would find in the columns the runs stand for, without a column
   * each: the same greedy assignment (exact before loose, earlier terms first, leftmost column
   * first), a run taking as many terms as it has columns.
   */
  const score = (runs: readonly ColumnRun[]): number => {
    const entries: { term: number; run: number; quality: MatchQuality }[] = [];
    runs.forEach((run, index) => {
      for (const found of termsOfPath(run)) {
        entries.push({ term: found.term, run: index, quality: found.quality });
      }
    });
    entries.sort(
      (a, b) =>
        Number(a.quality === 'loose') - Number(b.quality === 'loose') ||
        a.term - b.term ||
        a.run - b.run,
    );
    const room = runs.map((r) => r.count);
    const assigned = new Set<number>();
    for (const e of entries) {
      if (assigned.has(e.term) || (room[e.run] as number) === 0) continue;
      assigned.add(e.term);
      room[e.run] = (room[e.run] as number) - 1;
    }
    return assigned.size;
  };
  return Object.assign(match, { score });
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
