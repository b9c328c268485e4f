import type { z } from 'zod';
import type { EntityPlan, FieldPlan } from '../meta/plan.ts';

/**
 * What a value was, described without the value itself (it may be personal data): its kind and,
 * for text and lists, its length.
 */
export interface ValueSeen {
  /**
   * `'missing'` (absent or `undefined`), `'null'`, `'string'`, `'number'`, `'boolean'`, `'array'`,
   * `'object'`, `'date'` (a `Date` object) or `'other'` (a function, symbol or bigint).
   */
  readonly kind:
    | 'missing'
    | 'null'
    | 'string'
    | 'number'
    | 'boolean'
    | 'array'
    | 'object'
    | 'date'
    | 'other';
  /** For text, its length in UTF-16 code units (as the length limits count it); for lists, rows. */
  readonly length?: number;
}

/** One problem with a record, located by field. */
export interface RecordIssue {
  /** Path to the value in the canonical record (`['khenThuongs', 0, 'noiDung']`). */
  readonly path: readonly (string | number)[];
  /** The same path with QĐ 4998 symbols (`['LIST_KHEN_THUONG', 0, 'NOI_DUNG']`). */
  readonly symbolPath: readonly (string | number)[];
  /** A stable code: zod's issue code (`too_big`, `invalid_type`, `unrecognized_keys`, …) or the codec's. */
  readonly code: string;
  /**
   * What is wrong, in zod's English (for developers and logs). Never contains the offending value
   * (it may be personal data). For people, use `describeSchemaIssue`: Vietnamese and English in
   * the field's own terms.
   */
  readonly message: string;
  /** What the value at the path was — its kind and length, never the value. */
  readonly seen?: ValueSeen;
  /**
   * zod's issue as `safeParse` reports it (limits, expected kind, format, allowed values, unknown
   * keys; no input value), which `describeSchemaIssue` reads. Absent for the codec's own issues.
   */
  readonly zod?: z.core.$ZodIssue;
}

/** Describes a value by kind and length, without keeping it (see {@link ValueSeen}). */
export function valueSeen(value: unknown): ValueSeen {
  switch (typeof value) {
    case 'undefined':
      return { kind: 'missing' };
    case 'string':
      return { kind: 'string', length: value.length };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'object':
      if (value === null) return { kind: 'null' };
      if (Array.isArray(value)) return { kind: 'array', length: value.length };
      if (value instanceof Date) return { kind: 'date' };
      return { kind: 'object' };
    default:
      return { kind: 'other' };
  }
}

/** The value at `path` in `input`, or `undefined` where the path leaves it. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const step of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}

/** Translates a canonical path into a path of wire symbols, following list fields into their rows. */
export function symbolPathOf(plan: EntityPlan, path: readonly PropertyKey[]): (string | number)[] {
  const out: (string | number)[] = [];
  let current: EntityPlan | undefined = plan;
  for (const step of path) {
    if (typeof step === 'number') {
      out.push(step);
      continue;
    }
    const field: FieldPlan | undefined = current?.byName.get(String(step));
    out.push(field ? field.info.symbol : String(step));
    current = field?.item;
  }
  return out;
}

/** One zod issue as a {@link RecordIssue}, with the value it is about described (never kept). */
export function toRecordIssue(
  plan: EntityPlan,
  issue: z.core.$ZodIssue,
  value: unknown,
): RecordIssue {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  return {
    path,
    symbolPath: symbolPathOf(plan, issue.path),
    code: issue.code,
    message: issue.message,
    seen: valueSeen(value),
    zod: issue,
  };
}

/**
 * zod issues as {@link RecordIssue}s (messages kept free of input values); `input`, the record
 * parsed, gives each issue the kind and length of the value it is about.
 */
export function toRecordIssues(
  plan: EntityPlan,
  issues: readonly z.core.$ZodIssue[],
  input?: unknown,
): RecordIssue[] {
  return issues.map((issue) => toRecordIssue(plan, issue, valueAt(input, issue.path)));
}
