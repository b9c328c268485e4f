import { z } from 'zod';
import type { EntitySchema } from '../meta/entity.ts';

/**
 * A quick "is this record valid?" for an entity: `true` only where the entity's own compiled check
 * (`z.compile(entity).validate`) is `true`. It reads the record's **own keys** instead of every
 * field the entity declares — a pupil record fills about 50 of the 75 pupil fields, and reading an
 * absent field costs more than reading a present one — and runs each field's compiled check on
 * its value.
 *
 * `false` means "not known to be valid", never "invalid": the caller then asks zod itself.
 *
 * @internal
 */
export type FieldsCheck = (input: unknown) => boolean;

/** One field of the entity, with its own compiled check. */
interface Field {
  readonly name: string;
  /** The field's schema, as the entity's shape holds it. */
  readonly schema: z.ZodType;
  /** Whether an absent key is accepted (`optional()`): zod ignores its result when absent. */
  readonly optional: boolean;
  /** The field's compiled check: anything but {@link INVALID} when the value is valid. */
  readonly check: (value: unknown) => unknown;
  /**
   * Whether the field is a plain `z.boolean()` (optional or not; no checks, no coercion), whose
   * compiled check is `typeof value === 'boolean'` and is made here without a call: a pupil record
   * holds some twenty of them.
   */
  readonly boolean: boolean;
  /**
   * Whether the field's last accepted value is remembered ({@link checkOf}): only for a check that
   * costs more than comparing a value with the last one (a pattern, a refinement, a closed set).
   * A text or number with only length or range checks is checked again: comparing two texts of one
   * length (twelve-digit codes, names) and keeping a record's text alive cost more than its check.
   */
  readonly remember: boolean;
}

/** What a compiled check returns for a value it does not accept. */
const INVALID: unknown = z.INVALID;

/**
 * The compiled check of one field: zod's generated assert-only function, the one
 * `z.compile(field).validate` runs first; a field zod cannot compile is checked by its schema.
 */
function compiledCheckOf(field: z.ZodType): (value: unknown) => unknown {
  try {
    return z.core.compileFn(field, { assertOnly: true });
  } catch {
    return (value) => (field.safeParse(value).success ? true : INVALID);
  }
}

/**
 * Builds a {@link FieldsCheck} from an entity schema, or returns `undefined` when the entity is
 * not a plain strict object of fields this reasoning covers — an object-level check, a catchall
 * other than `never`, a symbol key or `__proto__` in the shape, a field whose absence zod would
 * not simply skip — so that the caller keeps zod's check for the whole record.
 *
 * Why `true` here means `true` for zod: zod's strict object accepts a record when it is an object
 * (not `null`, not an array), every key it enumerates (`for…in`) is a declared field, and every
 * declared field's schema accepts `record[field]` — except an optional field whose key is absent,
 * whose result zod ignores, and whose schema accepts `undefined` anyway. This check enumerates the
 * keys the same way and runs each present field's compiled schema (the same zod code, one field at
 * a time). A declared field the enumeration did not meet is `undefined` in a record of plain data
 * — one that inherits from `Object.prototype` (or nothing) while `Object.prototype` has no
 * property of that name, and whose own properties are all enumerable — so only a required one
 * fails it; any other record has each such field read (it may be inherited or hidden) and checked
 * as zod would. A required field not met is left to zod. Only a `Proxy` whose traps contradict
 * each other (a `get` answering for keys its `ownKeys` does not list) could be judged otherwise.
 */
export function fieldsCheckOf(entity: EntitySchema): FieldsCheck | undefined {
  const fields = checkableFields(entity);
  return fields === undefined ? undefined : checkOf(fields);
}

/**
 * The entity's fields with their compiled checks, or `undefined` when the entity is not a plain
 * strict object of fields this reasoning covers (see {@link fieldsCheckOf}).
 */
function checkableFields(entity: EntitySchema): Field[] | undefined {
  const def = entity._zod.def;
  if (def.type !== 'object' || (def.checks?.length ?? 0) > 0) return undefined;
  if (def.catchall?._zod.def.type !== 'never') return undefined;
  if (Object.getOwnPropertySymbols(def.shape).length > 0) return undefined;
  const fields: Field[] = [];
  for (const [name, schema] of Object.entries(def.shape)) {
    if (name === '__proto__') return undefined;
    const s = schema as z.ZodType;
    const optional = s._zod.optin === 'optional' && s._zod.optout === 'optional';
    // A required field must be of a kind that rejects `undefined` (zod's compiled object then needs
    // no presence test); an optional one must be a plain `optional()` of such a kind.
    const inner = optional ? (s._zod.def as { innerType?: z.ZodType }).innerType : s;
    if (optional && s._zod.def.type !== 'optional') return undefined;
    if (!optional && s._zod.optin !== undefined) return undefined;
    if (inner === undefined || !REJECTS_UNDEFINED.has(inner._zod.def.type)) return undefined;
    if (inner._zod.values?.has(undefined)) return undefined;
    const boolean =
      inner._zod.def.type === 'boolean' &&
      !(inner._zod.def as { coerce?: boolean }).coerce &&
      (inner._zod.def.checks?.length ?? 0) === 0 &&
      (s._zod.def.checks?.length ?? 0) === 0;
    const remember = !boolean && !isCheap(inner, s);
    fields.push({ name, schema: s, optional, check: compiledCheckOf(s), boolean, remember });
  }
  return fields;
}

/** The {@link FieldsCheck} over checkable fields. */
function checkOf(fields: readonly Field[]): FieldsCheck {
  const index = new Map<string, number>(fields.map((f, i) => [f.name, i]));
  const names = fields.map((f) => f.name);
  const lacksFields = lacksAllOf(names);
  const count = fields.length;
  /** By field: the number of the last call that met it among the record's keys. */
  const metIn = new Float64Array(count);
  // By field whose check is costly (`remember`): the last string or number its check accepted.
  // Records of a file repeat many values (a school, a class, a year, a code of a short list); a
  // field's check is a function of its value (entity schemas do not depend on anything else), so
  // the same value again is accepted again.
  const accepted: unknown[] = new Array(count).fill(NOTHING);
  /** The required fields, by index: all a record of plain data must name. */
  const required = Int32Array.from(fields.flatMap((f, i) => (f.optional ? [] : [i])));
  // By place among the keys of the last record that named them: the key, and its field's index.
  // A file's records name their keys in one order, found then without a search.
  const keyAt: string[] = [];
  const fieldAt: number[] = [];
  let call = 0;
  return (input: unknown): boolean => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
    const record = input as Record<string, unknown>;
    const now = ++call;
    let met = 0;
    // Records usually hold their fields in the entity's order: each key is looked for among the
    // few fields after the last one met, before the map is asked.
    let next = 0;
    let place = 0;
    for (const key in record) {
      let i = -1;
      if (keyAt[place] === key) i = fieldAt[place] as number;
      else {
        const end = Math.min(next + LOOK_AHEAD, count);
        for (let j = next; j < end; j++) {
          if (names[j] === key) {
            i = j;
            break;
          }
        }
        if (i < 0) {
          const found = index.get(key);
          if (found === undefined) return false;
          i = found;
        }
        // At most `count` places: `for…in` names a key once, and every key named is a field.
        keyAt[place] = key;
        fieldAt[place] = i;
      }
      place++;
      next = i + 1;
      const field = fields[i] as Field;
      const value = record[key];
      if (field.boolean) {
        if (typeof value !== 'boolean' && !(value === undefined && field.optional)) return false;
      } else if (!field.remember) {
        if (field.check(value) === INVALID) return false;
      } else if (value !== accepted[i]) {
        if (field.check(value) === INVALID) return false;
        if (typeof value === 'string' || typeof value === 'number') accepted[i] = value;
      }
      // `for…in` names a key once, even when an own property shadows an inherited one.
      metIn[i] = now;
      met++;
    }
    if (met === count) return true;
    // The fields the keys did not name. A record of plain data has none of them — no property it
    // hides (not enumerable), none it inherits — and then only a required one matters; reading
    // each absent field instead would cost more than all the checks above.
    if (isPlainData(record, met, lacksFields)) {
      for (let r = 0; r < required.length; r++) {
        if (metIn[required[r] as number] !== now) return false;
      }
      return true;
    }
    for (let i = 0; i < count; i++) {
      if (metIn[i] === now) continue;
      const field = fields[i] as Field;
      if (!field.optional) return false;
      const value = record[field.name];
      if (value !== undefined && field.check(value) === INVALID) return false;
    }
    return true;
  };
}

/**
 * Whether an object has no property named by `names`, own or inherited — each asked by a test of
 * its own, so that asking the same object (`Object.prototype`) again and again costs next to
 * nothing while it does not change. `undefined` where code cannot be generated (a Content
 * Security Policy without `unsafe-eval`, under which zod does not compile either).
 */
function lacksAllOf(names: readonly string[]): ((target: object) => boolean) | undefined {
  const test = names.map((n) => `!(${JSON.stringify(n)} in target)`).join(' && ');
  try {
    return new Function('target', `return ${test || 'true'};`) as (target: object) => boolean;
  } catch {
    return undefined;
  }
}

/**
 * Whether `record[name]` is `undefined` for every declared field the enumeration of `record` did
 * not meet, without reading them: the record inherits from `Object.prototype` (or nothing), which
 * has no property named like a field (`lacksFields`, asked now: it may have been given one), and
 * all its own properties are the `met` keys enumerated — none is hidden.
 */
function isPlainData(
  record: object,
  met: number,
  lacksFields: ((target: object) => boolean) | undefined,
): boolean {
  if (lacksFields === undefined) return false;
  const prototype = Object.getPrototypeOf(record);
  if (prototype !== null && (prototype !== Object.prototype || !lacksFields(prototype))) {
    return false;
  }
  return Object.getOwnPropertyNames(record).length === met;
}

/** The checks whose compiled test is a comparison or two (a length, a bound, an integer). */
const CHEAP_CHECKS: ReadonlySet<string> = new Set([
  'max_length',
  'min_length',
  'length_equals',
  'greater_than',
  'less_than',
  'number_format',
]);

/**
 * Whether a field's compiled check costs no more than comparing its value with the last one: a
 * plain (not coerced) text or number whose checks are all {@link CHEAP_CHECKS}, on the field
 * (`inner`) and on its `optional()` wrapper (`outer`).
 */
function isCheap(inner: z.ZodType, outer: z.ZodType): boolean {
  const def = inner._zod.def as { type: string; coerce?: boolean; checks?: z.core.$ZodCheck[] };
  if ((def.type !== 'string' && def.type !== 'number') || def.coerce) return false;
  const checks = [...(def.checks ?? []), ...(outer === inner ? [] : (outer._zod.def.checks ?? []))];
  return checks.every((c) => CHEAP_CHECKS.has(c._zod.def.check));
}

/** What no field's value is: the mark of a field no value was accepted for yet. */
const NOTHING: unique symbol = Symbol('nothing accepted yet');

/** How many fields after the last one met are compared with a key before the map is asked. */
const LOOK_AHEAD = 8;

/**
 * Kinds of schema that reject `undefined` whatever their checks, so that zod's object needs no
 * presence test for them (zod's own list of kinds whose compiled check rejects an absent value).
 */
const REJECTS_UNDEFINED: ReadonlySet<string> = new Set([
  'string',
  'number',
  'boolean',
  'bigint',
  'symbol',
  'null',
  'nan',
  'date',
  'object',
  'array',
  'tuple',
  'record',
  'map',
  'set',
  'enum',
]);

/**
 * One issue of a record as {@link IssueCollector} finds it: zod's own issue (finalized exactly as
 * `safeParse` finalizes it: path from the record, message, no input) and the value it is about.
 *
 * @internal
 */
export interface CollectedIssue {
  /** zod's issue, as `entity.safeParse(record).error.issues` would hold it. */
  readonly issue: z.core.$ZodIssue;
  /** The value the issue is about (`undefined` for a missing field; the record for unknown keys). */
  readonly value: unknown;
}

/**
 * Collects the issues of a record that {@link FieldsCheck} did not find valid, as
 * `entity.safeParse(record).error.issues` would list them — in the same order, with the same
 * paths, codes and messages — without parsing the whole record again: each field's compiled check
 * runs on its value, and only a field it rejects is parsed by zod's runtime (the same schema
 * zod's object runs on it), its issues prefixed with the field's name; unknown keys make the one
 * `unrecognized_keys` issue zod's strict object makes, after the fields' issues.
 *
 * `undefined` means "cannot tell here": the input is not an object, a field's parse is async, or
 * neither a field nor a key is wrong (the record is valid after all, or zod would judge it on
 * something this walk does not see) — the caller then asks zod itself.
 *
 * @internal
 */
export type IssueCollector = (input: unknown) => CollectedIssue[] | undefined;

/** zod's parse context for a synchronous parse, as `safeParse` makes it. */
const SYNC_CONTEXT = { async: false } as const;

/** A raw issue zod's runtime pushes, before `finalizeIssue`. */
type RawIssue = z.core.$ZodRawIssue & { path?: PropertyKey[]; input?: unknown };

/**
 * The text of {@link unreadableIssue}, in the shape a refinement of the standard carries its two
 * texts (`params.text`), so that `describeSchemaIssue` words it in the field's own terms.
 */
export const UNREADABLE_TEXT = {
  vi: 'giá trị không đọc được (không phải văn bản, số hay ngày)',
  en: 'the value cannot be read (it is not text, a number or a date)',
} as const;

/**
 * The issue of a value zod's own code throws on (a hostile object, say `{ length: { toString: 0 } }`,
 * whose properties cannot be converted as zod converts them): a `custom` issue with
 * {@link UNREADABLE_TEXT}, and the error's name (never its message, which may quote the value).
 *
 * @internal
 */
export function unreadableIssue(value: unknown, error: unknown): RawIssue {
  const name = error instanceof Error ? error.name : typeof error;
  return {
    code: 'custom',
    message: `Invalid input: the value cannot be read (${name} while checking it)`,
    input: value,
    params: { text: UNREADABLE_TEXT, unreadable: true },
    path: [],
  } as unknown as RawIssue;
}

/**
 * Builds an {@link IssueCollector} for an entity, or `undefined` where {@link fieldsCheckOf} does
 * (the caller then keeps zod's full parse).
 *
 * @internal
 */
export function issueCollectorOf(entity: EntitySchema): IssueCollector | undefined {
  const fields = checkableFields(entity);
  if (fields === undefined) return undefined;
  const known = new Set(fields.map((f) => f.name));
  const finalize = (raw: RawIssue): z.core.$ZodIssue =>
    z.core.util.finalizeIssue(raw, SYNC_CONTEXT, z.core.config());
  return (input: unknown): CollectedIssue[] | undefined => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    const record = input as Record<string, unknown>;
    const found: CollectedIssue[] = [];
    for (const field of fields) {
      const value = record[field.name];
      // zod ignores an optional field that is absent, and its schema accepts `undefined`.
      if (value === undefined && field.optional) continue;
      let issues: RawIssue[];
      try {
        if (field.boolean ? typeof value === 'boolean' : field.check(value) !== INVALID) continue;
        const result = field.schema._zod.run({ value, issues: [] }, SYNC_CONTEXT);
        if (result instanceof Promise) return undefined;
        issues = result.issues as RawIssue[];
      } catch (error) {
        // A hostile value (an object whose `length` or `toString` cannot be read as zod reads
        // them) makes zod's own code throw; the field is wrong, and says so.
        issues = [unreadableIssue(value, error)];
      }
      for (const raw of issues) {
        raw.path = [field.name, ...(raw.path ?? [])];
        found.push({ issue: finalize(raw), value: 'input' in raw ? raw.input : value });
      }
    }
    let unknown: string[] | undefined;
    for (const key in record) {
      if (known.has(key)) continue;
      if (unknown === undefined) unknown = [key];
      else unknown.push(key);
    }
    if (unknown === undefined) return found.length === 0 ? undefined : found;
    const raw = {
      code: 'unrecognized_keys',
      keys: unknown,
      input: record,
      inst: entity,
      path: [],
    } as unknown as RawIssue;
    found.push({ issue: finalize(raw), value: record });
    return found;
  };
}
