import { entityByName, fieldsOf } from '@eduvn/standard';
import type { Cell, Row } from '../workbook/types.ts';
import type { BoundMapping } from './bind-mapping.ts';
import { quickCode } from './convert-code.ts';
import { quickDate } from './convert-date.ts';
import { quickName, quickText } from './convert-text.ts';
import { ERROR_VALUE } from './converter.ts';
import { maskDigits } from './describe-value.ts';
import type { MappingIssue, MappingIssueCode } from './issue.ts';
import {
  convertStep,
  MAX_SHAPE_STEPS,
  planOf,
  quickValue,
  type Step,
  shapeOf,
} from './row-plan.ts';
import type { Converted, ConvertedValue } from './value-kind.ts';

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

/**
 * The problem of a cell marked `invalidText`.
 *
 * @internal
 */
export const INVALID_TEXT =
  'The cell holds bytes that are not text in the file’s encoding (read as “\uFFFD”) or a NUL character: its value is garbled and was not read. Correct it in the file, or save the file again as CSV UTF-8 or .xlsx.';

/** The code of a cell marked `invalidText`: a NUL character, or bytes invalid in the encoding. */
function invalidTextCode(cell: Cell | undefined): MappingIssueCode {
  const { value } = cell ?? {};
  return typeof value === 'string' && value.includes('\0') ? 'nul-byte' : 'encoding-invalid';
}

/** The code of a value a converter rejected: an error cell, an invalid date, another value. */
function rejectionCode(step: Step, cell: Cell | undefined, result: Converted): MappingIssueCode {
  if (result === ERROR_VALUE || cell?.value === null) return 'cell-error';
  return step.kind === 'date' ? 'date-invalid' : 'value-invalid';
}

/** The values of a row's steps while {@link mapRow} builds its record (see there). */
let scratch: unknown[] = new Array(32);

/**
 * The issues of a row without any, where they are passed on read-only ({@link mapRowSharingColumns}):
 * one frozen array, shared.
 */
const NO_ISSUES: readonly MappingIssue[] = Object.freeze([]);

/** The extras of mappings that have none (frozen, shared). */
const EMPTY_EXTRAS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

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
 *    warning; a cell whose text the reader could not decode (`Cell.invalidText`: bytes invalid
 *    in the file's encoding, a NUL) is an error, and its value is left out;
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
  return mapCells(bound, row, false);
}

/**
 * {@link mapRow} for readers that pass the columns on as read-only provenance: the `columns` of
 * records with the same fields filled are one frozen object, shared (no copy per row), and so are
 * the `issues` of rows without any (one frozen empty array).
 *
 * @internal
 */
export function mapRowSharingColumns<F extends string>(
  bound: BoundMapping<F>,
  row: Row,
): MappedRow<F> {
  return mapCells(bound, row, true);
}

function mapCells<F extends string>(
  bound: BoundMapping<F>,
  row: Row,
  share: boolean,
): MappedRow<F> {
  const plan = planOf(bound);
  const { steps } = plan;
  const cells = row.cells;
  const extras: Record<string, unknown> = plan.hasExtras ? {} : EMPTY_EXTRAS;
  // Made on the first issue: most rows have none.
  let issues: MappingIssue[] | undefined;
  // The value of each step that fills a field (undefined: none), and which steps did. The
  // buffer is shared by every call: it is read to the end before any hook can call back.
  if (scratch.length < steps.length) scratch = new Array(steps.length);
  const values = scratch;
  let filled = 0;

  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    const cell = cells[step.index];
    let quick: ConvertedValue | undefined;
    if (cell !== undefined && (cell.truncated === true || cell.invalidText === true)) {
      quick = undefined;
    } else {
      // quickValue, inline: each kind's quick path from a call site of its own.
      switch (step.quick) {
        case 1:
          quick = quickCode(cell, step.options);
          break;
        case 2:
          quick = quickText(cell);
          break;
        case 3:
          quick = quickName(cell, step.options);
          break;
        case 4:
          quick = quickDate(cell, step.options);
          break;
        default:
          quick = quickValue(step, cell);
      }
    }
    if (quick !== undefined) {
      // Decided without a result object (and so without a warning or a problem).
      if (step.extra) {
        values[i] = undefined;
        extras[step.name] = quick;
      } else {
        values[i] = quick;
        if (i < MAX_SHAPE_STEPS) filled |= 1 << i;
      }
      continue;
    }
    const { name, letter } = step;
    if (cell?.invalidText === true) {
      // Garbled text is never passed on as a value: the cell must be corrected at the source.
      values[i] = undefined;
      issues ??= [];
      issues.push({
        code: invalidTextCode(cell),
        field: name,
        column: letter,
        problem: INVALID_TEXT,
        severity: 'error',
      });
      continue;
    }
    const result = convertStep(step, cell);
    if (cell?.truncated === true) {
      issues ??= [];
      issues.push({
        code: 'cell-truncated',
        field: name,
        column: letter,
        problem: 'The cell was cut at the reader’s length limit; its value is incomplete.',
        severity: 'warning',
      });
    }
    if (!result.ok) {
      values[i] = undefined;
      issues ??= [];
      issues.push({
        code: rejectionCode(step, cell, result),
        field: name,
        column: letter,
        problem: result.problem,
        severity: 'error',
      });
      continue;
    }
    if (result.warning !== undefined) {
      issues ??= [];
      issues.push({
        code: 'value-unusual',
        field: name,
        column: letter,
        problem: result.warning,
        severity: 'warning',
      });
    }
    if (result.value === undefined) {
      values[i] = undefined;
      if (step.required) {
        issues ??= [];
        issues.push({
          code: 'required-blank',
          field: name,
          column: letter,
          problem: `The required field ${name} is blank.`,
          severity: 'error',
        });
      }
      continue;
    }
    if (step.extra) {
      values[i] = undefined;
      extras[name] = result.value;
    } else {
      values[i] = result.value;
      if (i < MAX_SHAPE_STEPS) filled |= 1 << i;
    }
  }

  // The record and its columns, keys in the mapping's order: copies of a template with the same
  // keys when one is at hand (much cheaper than adding the keys one by one on every row).
  let record: Record<string, unknown>;
  let columns: Partial<Record<string, string>>;
  const shape = steps.length <= MAX_SHAPE_STEPS ? shapeOf(plan, filled) : undefined;
  if (shape === undefined) {
    record = {};
    columns = {};
    for (let i = 0; i < steps.length; i++) {
      const value = values[i];
      if (value === undefined) continue;
      const step = steps[i] as Step;
      record[step.name] = value;
      columns[step.name] = step.letter;
    }
  } else {
    columns = share ? shape.shared : { ...shape.columns };
    if (shape.make !== undefined) {
      record = shape.make(values);
    } else {
      record = { ...shape.columns };
      for (const i of shape.steps) record[(steps[i] as Step).name] = values[i];
    }
  }

  const { transform } = bound.mapping;
  if (transform === undefined) {
    // Every field of the record came from a column: the columns are its provenance as they are.
    return {
      row: row.row,
      record,
      columns: columns as Partial<Record<F, string>>,
      extras: plan.hasExtras ? Object.freeze(extras) : extras,
      issues: issues ?? (share ? NO_ISSUES : []),
    };
  }
  const found: MappingIssue[] = issues ?? [];
  let final = record;
  try {
    const out: unknown = transform({ ...record }, row, Object.freeze({ ...extras }));
    if (typeof out !== 'object' || out === null || Array.isArray(out)) {
      throw new TypeError('the transform hook must return a record object');
    }
    const fields = fieldNames(bound.mapping.entity);
    final = {};
    for (const [key, value] of Object.entries(out)) {
      if (!fields.has(key)) {
        found.push({
          code: 'transform-failed',
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
    found.push({
      code: 'transform-failed',
      problem: `The mapping's transform hook failed (${describeError(error)}); the record holds the columns' values only.`,
      severity: 'error',
    });
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
    issues: found,
  };
}
