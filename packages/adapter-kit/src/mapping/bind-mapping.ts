import { entityByName, fieldsOf } from '@eduvn/standard';
import { termMatcher } from '../layout/match-terms.ts';
import type { HeaderColumn, HeaderMatch, HeaderTerm } from '../layout/types.ts';
import type { ColumnSpec } from './column.ts';
import type { Mapping } from './define-mapping.ts';
import type { MappingIssue } from './issue.ts';

/** One column of a mapping bound to the header column that feeds it (if any). */
export interface ColumnBinding {
  /** The field name, or the extras name. */
  readonly name: string;
  /** Whether the column fills a field of the record or an extra value for the transform hook. */
  readonly target: 'field' | 'extra';
  /** The mapping's column. */
  readonly spec: ColumnSpec;
  /** The header column found for it, or `undefined` when the sheet has none. */
  readonly column: HeaderColumn | undefined;
  /** The field is sensitive personal data: problems about it never quote its value. */
  readonly sensitive: boolean;
}

/** A mapping bound to one sheet's header, as {@link bindMapping} returns it. */
export interface BoundMapping<F extends string = string> {
  /** The mapping. */
  readonly mapping: Mapping<F>;
  /** The header it was bound to. */
  readonly header: HeaderMatch;
  /** Every column of the mapping, fields first, with the header column that feeds it. */
  readonly bindings: readonly ColumnBinding[];
  /** The names of the mapping's columns that the sheet lacks. */
  readonly missing: readonly string[];
  /**
   * The header columns the mapping does not use (columns a newer template version added, notes,
   * internal IDs): ignored when mapping rows.
   */
  readonly unmapped: readonly HeaderColumn[];
  /**
   * The 0-based indexes of the columns of the row key and the required fields, for
   * {@link classifyRow}'s `keyColumns`.
   */
  readonly keyColumns: readonly number[];
  /**
   * Problems of the whole sheet: a required column missing (error), a header that fits several
   * columns (warning: the leftmost is used).
   */
  readonly problems: readonly MappingIssue[];
}

function expected(term: HeaderTerm): string {
  const texts = [term.label, ...(term.aliases ?? [])].map((t) => `'${t.replace(/\s+/g, ' ')}'`);
  return texts.length === 1 ? `a header like ${texts[0]}` : `a header like ${texts.join(' or ')}`;
}

/**
 * Binds a mapping to a sheet's header: finds the header column of every mapping column (by the
 * rules of {@link HeaderTerm}; each header column feeds at most one mapping column, exact matches
 * before loose ones, fields before extras, left columns first), and reports what the sheet lacks.
 * Header columns the mapping does not know are left alone (listed in
 * {@link BoundMapping.unmapped}): a newer template's extra column never breaks an older mapping.
 *
 * @param mapping - the mapping ({@link defineMapping})
 * @param header - the sheet's header ({@link findHeader} with the mapping's vocabulary, or any
 * header: the mapping matches its own terms again)
 * @returns the bound mapping, for {@link mapRow}
 */
export function bindMapping<F extends string>(
  mapping: Mapping<F>,
  header: HeaderMatch,
): BoundMapping<F> {
  const schema = entityByName(mapping.entity);
  const sensitivity = new Map(
    (schema === undefined ? [] : fieldsOf(schema)).map((f) => [f.name, f.sensitivity]),
  );
  const specs: { name: string; target: 'field' | 'extra'; spec: ColumnSpec }[] = [
    ...Object.entries<ColumnSpec>(mapping.columns).map(([name, spec]) => ({
      name,
      target: 'field' as const,
      spec,
    })),
    ...Object.entries(mapping.extras).map(([name, spec]) => ({
      name,
      target: 'extra' as const,
      spec,
    })),
  ];
  const terms = specs.map((s) => s.spec.term);
  const matches = termMatcher(terms)(header.columns);
  const byTerm = new Map(matches.map((m) => [m.term, m]));

  const problems: MappingIssue[] = [];
  const bindings: ColumnBinding[] = specs.map(({ name, target, spec }) => {
    const found = byTerm.get(spec.term);
    const sensitive = target === 'field' && sensitivity.get(name) === 'sensitive';
    if (found === undefined) {
      if (spec.options.required === true) {
        problems.push({
          code: 'column-missing',
          field: name,
          problem: `No column for the required field ${name}: expected ${expected(spec.term)}.`,
          severity: 'error',
        });
      }
      return { name, target, spec, column: undefined, sensitive };
    }
    if (found.alternatives.length > 0) {
      const others = found.alternatives.map((c) => c.letter).join(', ');
      problems.push({
        code: 'column-ambiguous',
        field: name,
        column: found.column.letter,
        problem: `Columns ${found.column.letter} and ${others} all fit ${expected(spec.term)}; column ${found.column.letter} is used for ${name}.`,
        severity: 'warning',
      });
    }
    return { name, target, spec, column: found.column, sensitive };
  });

  const used = new Set(bindings.flatMap((b) => (b.column === undefined ? [] : [b.column.index])));
  const keyNames = new Set<string>(mapping.rowKey);
  const keyColumns = bindings
    .filter(
      (b) =>
        b.target === 'field' &&
        b.column !== undefined &&
        (keyNames.has(b.name) || b.spec.options.required === true),
    )
    .map((b) => b.column?.index ?? -1);
  return Object.freeze({
    mapping,
    header,
    bindings: Object.freeze(bindings),
    missing: Object.freeze(bindings.filter((b) => b.column === undefined).map((b) => b.name)),
    unmapped: Object.freeze(header.columns.filter((c) => !used.has(c.index))),
    keyColumns: Object.freeze(keyColumns),
    problems: Object.freeze(problems),
  });
}
