/**
 * What {@link mapRow} computes once per bound mapping (one sheet) rather than on every row: the
 * bound columns with their converters and options, and the key sets of the records it builds.
 *
 * @internal
 */
import type { Cell } from '../workbook/types.ts';
import type { BoundMapping } from './bind-mapping.ts';
import { converterOf } from './convert-cell.ts';
import { convertCode, quickCode } from './convert-code.ts';
import { convertDate, quickDate } from './convert-date.ts';
import { quickFlag } from './convert-flag.ts';
import { quickInteger } from './convert-number.ts';
import { quickSex } from './convert-sex.ts';
import { convertName, convertText, quickName, quickText } from './convert-text.ts';
import type { Converter } from './converter.ts';
import type { Converted, ConvertedValue, ConvertOptions, ValueKind } from './value-kind.ts';

/** One bound column: everything that does not change from row to row. */
export interface Step {
  /** The field or extras name. */
  readonly name: string;
  /** The 0-based column index. */
  readonly index: number;
  /** The column letters, for provenance and issues. */
  readonly letter: string;
  /** The kind. */
  readonly kind: ValueKind;
  /** The kind's converter. */
  readonly convert: Converter;
  /** Its options (with `hideValue` for sensitive fields). */
  readonly options: ConvertOptions;
  /** A blank cell is an error. */
  readonly required: boolean;
  /** The column fills an extra value, not a field. */
  readonly extra: boolean;
  /** The kind's quick path ({@link quickValue}), as a number: a switch over it is cheaper. */
  readonly quick: number;
}

/** {@link Step.quick}: the kinds with a quick path, and {@link NO_QUICK} for the others. */
const QUICK_KINDS: Readonly<Partial<Record<ValueKind, number>>> = {
  code: 1,
  text: 2,
  name: 3,
  date: 4,
  sex: 5,
  integer: 6,
  flag: 7,
};
const NO_QUICK = 0;

/** A bound mapping's steps and record shapes. */
export interface Plan {
  /** The bound columns, in the mapping's order (columns the sheet lacks left out). */
  readonly steps: readonly Step[];
  /** Whether the mapping has extras. */
  readonly hasExtras: boolean;
  /** The shapes of the records seen, by the bit set of the steps that filled a field. */
  readonly shapes: Map<number, Shape>;
  /** The bit set {@link shapeOf} was asked for last (-1: none yet), and its shape. */
  lastFilled: number;
  /** The shape of {@link Plan.lastFilled} (rows in a row mostly fill the same fields). */
  lastShape: Shape | undefined;
}

/** The keys of records in which the same fields were filled. */
export interface Shape {
  /** Field → column letters, keys in the mapping's order: the template of a record's columns. */
  readonly columns: Readonly<Record<string, string>>;
  /** The same, frozen: shared by the records of this shape where columns are read-only. */
  readonly shared: Readonly<Record<string, string>>;
  /** The indexes of the steps that filled the fields. */
  readonly steps: readonly number[];
  /**
   * Builds a record of this shape from the steps' values in one object literal (see
   * {@link recordMaker}); `undefined` where code cannot be generated (a CSP without
   * `'unsafe-eval'`): the record is then copied from the template and filled key by key.
   */
  readonly make: RecordMaker | undefined;
}

/** Builds a record from the values of a row's steps, by step index. */
type RecordMaker = (values: readonly unknown[]) => Record<string, unknown>;

/** Whether `new Function` works here (a Content Security Policy may forbid it). */
let canGenerate = true;

/**
 * A function that returns `{ "field": values[i], … }` for the given fields and step indexes — an
 * object literal, which engines build far faster than an object given its keys one by one. The
 * code holds only JSON-quoted field names (the mapping's, checked against the entity; never header
 * text) and numbers; `__proto__` (which a literal would take for the prototype) is never generated.
 */
function recordMaker(
  names: readonly string[],
  indexes: readonly number[],
): RecordMaker | undefined {
  if (!canGenerate || names.includes('__proto__')) return undefined;
  const body = names.map((name, k) => `${JSON.stringify(name)}: values[${indexes[k]}]`).join(', ');
  try {
    return new Function('values', `'use strict'; return { ${body} };`) as RecordMaker;
  } catch {
    canGenerate = false;
    return undefined;
  }
}

/** Mappings of up to this many bound columns get record templates ({@link shapeOf}). */
export const MAX_SHAPE_STEPS = 30;
/** The most shapes kept per bound mapping (rows beyond it are built key by key). */
const MAX_SHAPES = 64;

/** The template of records filled by the steps in `filled`, made on first use. */
export function shapeOf(plan: Plan, filled: number): Shape | undefined {
  if (filled === plan.lastFilled) return plan.lastShape;
  let shape = plan.shapes.get(filled);
  if (shape === undefined) {
    if (plan.shapes.size >= MAX_SHAPES) return undefined;
    const columns: Record<string, string> = {};
    const steps: number[] = [];
    plan.steps.forEach((step, i) => {
      if ((filled & (1 << i)) === 0) return;
      columns[step.name] = step.letter;
      steps.push(i);
    });
    const make = recordMaker(
      steps.map((i) => (plan.steps[i] as Step).name),
      steps,
    );
    shape = { columns, shared: Object.freeze({ ...columns }), steps, make };
    plan.shapes.set(filled, shape);
  }
  plan.lastFilled = filled;
  plan.lastShape = shape;
  return shape;
}

const plans = new WeakMap<BoundMapping<string>, Plan>();
/** The bound mapping seen last, and its plan (one plan stays alive until another is used). */
let lastBound: BoundMapping<string> | undefined;
let lastPlan: Plan | undefined;

/** The plan of a bound mapping, made on its first row and kept as long as the mapping lives. */
export function planOf(bound: BoundMapping<string>): Plan {
  // Rows of one sheet come one after another with the same bound mapping.
  if (bound === lastBound && lastPlan !== undefined) return lastPlan;
  let plan = plans.get(bound);
  if (plan === undefined) {
    const steps: Step[] = [];
    for (const binding of bound.bindings) {
      const { name, spec, column } = binding;
      if (column === undefined) continue;
      steps.push({
        name,
        index: column.index,
        letter: column.letter,
        kind: spec.kind,
        convert: converterOf(spec.kind),
        options: binding.sensitive ? { ...spec.options, hideValue: true } : spec.options,
        required: spec.options.required === true,
        extra: binding.target === 'extra',
        quick: QUICK_KINDS[spec.kind] ?? NO_QUICK,
      });
    }
    plan = {
      steps,
      hasExtras: bound.bindings.some((b) => b.target === 'extra'),
      shapes: new Map(),
      lastFilled: -1,
      lastShape: undefined,
    };
    plans.set(bound, plan);
  }
  lastBound = bound;
  lastPlan = plan;
  return plan;
}

/**
 * The value a step's converter gives a cell when its quick path decides it (most cells: see
 * `quickCode` and the others) — no result object is built — or `undefined` when the converter
 * must run ({@link convertStep}).
 */
export function quickValue(step: Step, cell: Cell | undefined): ConvertedValue | undefined {
  switch (step.quick) {
    case 1:
      return quickCode(cell, step.options);
    case 2:
      return quickText(cell);
    case 3:
      return quickName(cell, step.options);
    case 4:
      return quickDate(cell, step.options);
    case 5:
      return quickSex(cell);
    case 6:
      return quickInteger(cell);
    case 7:
      return quickFlag(cell, step.options);
    default:
      return undefined;
  }
}

/**
 * Converts a step's cell, as its converter does. The common kinds are called directly, each from
 * its own call site, so that the engine can inline them.
 */
export function convertStep(step: Step, cell: Cell | undefined): Converted {
  switch (step.kind) {
    case 'code':
      return convertCode(cell, step.options);
    case 'text':
      return convertText(cell, step.options);
    case 'name':
      return convertName(cell, step.options);
    case 'date':
      return convertDate(cell, step.options);
    default:
      return step.convert(cell, step.options);
  }
}
