import type { z } from 'zod';
import type { EntitySchema } from '../meta/entity.ts';
import { type EntityPlan, planOf } from '../meta/plan.ts';
import { compileValidator } from '../validate/compile.ts';
import type { RecordIssue } from '../validate/issues.ts';

/** A JSON value on the wire. */
export type WireValue = string | number | boolean | null | WireObject | WireValue[];

/** A record on the wire: QĐ 4998 symbols (UPPER_SNAKE) as keys. */
export interface WireObject {
  [symbol: string]: WireValue;
}

/** The outcome of {@link decodeWire}. */
export type WireDecodeResult<T> =
  | { readonly ok: true; readonly record: T }
  | { readonly ok: false; readonly issues: readonly RecordIssue[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function encodeObject(plan: EntityPlan, record: Record<string, unknown>, path: string): WireObject {
  const out: WireObject = {};
  for (const key of Object.keys(record)) {
    if (!plan.byName.has(key)) {
      throw new TypeError(
        `encodeWire: ${path}${key} is not a field of ${plan.fields.length ? 'this entity' : 'the row'}`,
      );
    }
  }
  for (const { info, item } of plan.fields) {
    const value = record[info.name];
    if (value === undefined) continue;
    if (item && Array.isArray(value)) {
      out[info.symbol] = value.map((row: Record<string, unknown>, i) =>
        encodeObject(item, row, `${path}${info.name}[${i}].`),
      );
    } else {
      out[info.symbol] = value as WireValue;
    }
  }
  return out;
}

/**
 * Encodes a canonical record as the QĐ 4998 wire object of the city-database API: field symbols
 * (UPPER_SNAKE) as keys, ISO 8601 dates, booleans as booleans, sub-tables as arrays of wire
 * objects under their own symbols. Absent fields are left out.
 *
 * Throws a `TypeError` for a key that is not a field of the entity (nothing is dropped silently).
 * Lossless: `decodeWire(entity, encodeWire(entity, r))` gives back `r`.
 *
 * @example
 * ```ts
 * encodeWire(Lop, { truongId: '79000701', ma: '1A', ten: 'Lớp 1A' })
 * // { TRUONG_ID: '79000701', MA: '1A', TEN: 'Lớp 1A' }
 * ```
 */
export function encodeWire<E extends EntitySchema>(entity: E, record: z.output<E>): WireObject {
  return encodeObject(planOf(entity), record as Record<string, unknown>, '');
}

function decodeObject(
  plan: EntityPlan,
  wire: Record<string, unknown>,
  path: (string | number)[],
  symbolPath: (string | number)[],
  issues: RecordIssue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const symbol of Object.keys(wire)) {
    const field = plan.bySymbol.get(symbol);
    if (!field) {
      issues.push({
        path,
        symbolPath: [...symbolPath, symbol],
        code: 'unknown_symbol',
        message: `Unknown field symbol ${JSON.stringify(symbol.slice(0, 60))}: not a field of this table in QĐ 4998`,
      });
      continue;
    }
    const value = wire[symbol];
    if (value === null || value === undefined) continue; // absent on the wire
    const name = field.info.name;
    if (field.item && Array.isArray(value)) {
      const item = field.item;
      out[name] = value.map((row, i) =>
        isPlainObject(row)
          ? decodeObject(item, row, [...path, name, i], [...symbolPath, symbol, i], issues)
          : row,
      );
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** The outcome of {@link wireToRecord}: the record as far as it could be read, and what could not. */
export interface WireReadResult {
  /**
   * The canonical record: every known symbol renamed to its field, sub-table rows likewise, `null`
   * left out; values as they came (not validated). Empty when the input was not an object.
   */
  readonly record: Record<string, unknown>;
  /** Unknown symbols (never dropped silently) and an input that is not an object. */
  readonly issues: readonly RecordIssue[];
}

/**
 * Reads a QĐ 4998 wire object into a canonical record **without validating the values**: known
 * symbols become canonical field names (through sub-table rows), `null` means absent, and every
 * unknown symbol is an issue (`code: 'unknown_symbol'`) rather than a key of the record — so a
 * wire key that happens to be a canonical name (`hoTen`) can never slip in. For callers that
 * validate the record themselves (a server running the rules engine, whose `STD.SCHEMA.001`
 * checks the structure); {@link decodeWire} reads and validates in one call. Never throws.
 *
 * @example
 * ```ts
 * wireToRecord(Lop, { TRUONG_ID: '79000701', MA: 7, hoTen: 'x' })
 * // { record: { truongId: '79000701', ma: 7 }, issues: [{ symbolPath: ['hoTen'], code: 'unknown_symbol', … }] }
 * ```
 */
export function wireToRecord(entity: EntitySchema, wire: unknown): WireReadResult {
  if (!isPlainObject(wire)) {
    return {
      record: {},
      issues: [
        {
          path: [],
          symbolPath: [],
          code: 'invalid_type',
          message: `Expected a wire object, got ${Array.isArray(wire) ? 'an array' : wire === null ? 'null' : typeof wire}`,
        },
      ],
    };
  }
  const issues: RecordIssue[] = [];
  const record = decodeObject(planOf(entity), wire, [], [], issues);
  return { record, issues };
}

/**
 * Decodes a QĐ 4998 wire object into a canonical record and validates it: `{ ok: true, record }`,
 * or `{ ok: false, issues }` with every problem located both by canonical path and by wire symbols.
 * Unknown symbols are issues (never dropped); `null` means absent. Never throws for bad input.
 *
 * @example
 * ```ts
 * decodeWire(Lop, { TRUONG_ID: '79000701', MA: '1A' })
 * // { ok: true, record: { truongId: '79000701', ma: '1A' } }
 * ```
 */
export function decodeWire<E extends EntitySchema>(
  entity: E,
  wire: unknown,
): WireDecodeResult<z.output<E>> {
  const { record, issues: read } = wireToRecord(entity, wire);
  if (!isPlainObject(wire)) return { ok: false, issues: read };
  const issues = [...read];
  const result = compileValidator(entity)(record);
  if (!result.ok) issues.push(...result.issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, record: record as z.output<E> };
}
