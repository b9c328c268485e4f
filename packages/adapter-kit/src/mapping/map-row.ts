import { entityByName, fieldsOf } from '@eduvn/standard';
import type { Row } from '../workbook/types.ts';
import type { BoundMapping } from './bind-mapping.ts';
import { convertCell } from './convert-cell.ts';
import { maskDigits } from './describe-value.ts';
import type { MappingIssue } from './issue.ts';

/** One row mapped to a record, as {@link mapRow} returns it. */
export interface MappedRow<F extends string = string> {
  /** The row's 1-based number, for provenance. */
  readonly row: number;
  /**
   * The record, by canonical field name. Keys come from the mapping (and the transform hook,
   * filtered to the entity's fields), never from header text. Blank cells leave their field out.
   */
  readonly record: Record<string, unknown>;
  /** The column letters each field of the record was read from (provenance to the cell). */
  readonly columns: Partial<Record<F, string>>;
  /** The values of the mapping's extras, by extras name (blank cells left out). */
  readonly extras: Readonly<Record<string, unknown>>;
  /** What went wrong or deserves a look, each pointing at its field and column. */
  readonly issues: readonly MappingIssue[];
}

/** The fields of each entity by name, cached: mapping rows must not rebuild them per row. */
const fieldNamesCache = new Map<string, ReadonlySet<string>>();

function fieldNames(entity: string): ReadonlySet<string> {
  let names = fieldNamesCache.get(entity);
  if (names === undefined) {
    const schema = entityByName(entity);
    names = new Set(schema === undefined ? [] : fieldsOf(schema).map((f) => f.name));
    fieldNamesCache.set(entity, names);
  }
  return names;
}

/** An error thrown by a hook, for an issue: its name and a masked, cut message. */
function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  const cut = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  return cut === '' ? name : `${name}: ${maskDigits(cut)}`;
}

/**
 * Maps one data row to a record of the mapping's entity:
 *
 * 1. every bound column's cell is read by its kind ({@link convertCell}); a value fills its field
 *    (or extra), with the column letter recorded in {@link MappedRow.columns}; a warning becomes a
 *    `'warning'` issue; a problem an `'error'` issue, and the field is left out — the row is never
 *    dropped and nothing throws;
 * 2. a blank cell of a required field is an error (a required column the sheet lacks was reported
 *    once by {@link bindMapping}, not on every row); a cell cut at the reader's length limit is a
 *    warning;
 * 3. the mapping's transform hook, if any, gets a copy of the record, the row and the extras; its
 *    result becomes the record (keys that are not fields of the entity are left out, with an
 *    error issue). If it throws, the record stays as the columns built it, with an error issue.
 *
 * Problems about sensitive fields (ethnicity, the personal ID…) never quote the value.
 *
 * @param bound - the mapping bound to the sheet's header ({@link bindMapping})
 * @param row - a data row (see {@link classifyRow})
 */
export function mapRow<F extends string>(bound: BoundMapping<F>, row: Row): MappedRow<F> {
  const record: Record<string, unknown> = {};
  const columns: Partial<Record<string, string>> = {};
  const extras: Record<string, unknown> = {};
  const issues: MappingIssue[] = [];

  for (const binding of bound.bindings) {
    const { name, spec, column } = binding;
    if (column === undefined) continue;
    const cell = row.cells[column.index];
    const options = binding.sensitive ? { ...spec.options, hideValue: true } : spec.options;
    const result = convertCell(spec.kind, cell, options);
    const at = { field: name, column: column.letter };
    if (cell?.truncated === true) {
      issues.push({
        ...at,
        problem: 'The cell was cut at the reader’s length limit; its value is incomplete.',
        severity: 'warning',
      });
    }
    if (!result.ok) {
      issues.push({ ...at, problem: result.problem, severity: 'error' });
      continue;
    }
    if (result.warning !== undefined) {
      issues.push({ ...at, problem: result.warning, severity: 'warning' });
    }
    if (result.value === undefined) {
      if (spec.options.required === true) {
        issues.push({ ...at, problem: `The required field ${name} is blank.`, severity: 'error' });
      }
      continue;
    }
    if (binding.target === 'extra') {
      extras[name] = result.value;
    } else {
      record[name] = result.value;
      columns[name] = column.letter;
    }
  }

  let final = record;
  const { transform } = bound.mapping;
  if (transform !== undefined) {
    try {
      const out: unknown = transform({ ...record }, row, Object.freeze({ ...extras }));
      if (typeof out !== 'object' || out === null || Array.isArray(out)) {
        throw new TypeError('the transform hook must return a record object');
      }
      const fields = fieldNames(bound.mapping.entity);
      final = {};
      for (const [key, value] of Object.entries(out)) {
        if (!fields.has(key)) {
          issues.push({
            field: key.length > 60 ? `${key.slice(0, 60)}…` : key,
            problem: `The transform hook returned a key that is not a field of ${bound.mapping.entity}; it was left out.`,
            severity: 'error',
          });
        } else if (value !== undefined) {
          final[key] = value;
        }
      }
    } catch (error) {
      final = record;
      issues.push({
        problem: `The mapping's transform hook failed (${describeError(error)}); the record holds the columns' values only.`,
        severity: 'error',
      });
    }
  }

  const provenance: Partial<Record<string, string>> = {};
  for (const [field, letter] of Object.entries(columns)) {
    if (Object.hasOwn(final, field)) provenance[field] = letter;
  }
  return {
    row: row.row,
    record: final,
    columns: provenance as Partial<Record<F, string>>,
    extras: Object.freeze(extras),
    issues,
  };
}
