import type { InputRecord } from '@eduvn/rules';
import { type EntitySchema, fieldsOf, type WireObject, wireToRecord } from '@eduvn/standard';
import type { Resource } from '../contract/resources.ts';
import type { StoredRecord } from '../store/store.ts';

/** A stored record's wire object. */
export function wireOf(stored: Pick<StoredRecord, 'data'>): WireObject {
  return JSON.parse(stored.data) as WireObject;
}

/** A stored record as the canonical record the rules engine reads. */
export function canonicalOf(schema: EntitySchema, stored: StoredRecord): InputRecord {
  return { entity: stored.entity, record: wireToRecord(schema, wireOf(stored)).record };
}

/** The stored key of a record: the JSON array of its key values after TRUONG_ID, as text. */
export function storedKey(values: readonly unknown[]): string {
  return JSON.stringify(values.map((v) => String(v)));
}

/** The key values of a stored key. */
export function keyValues(key: string): string[] {
  return JSON.parse(key) as string[];
}

/** A record's key values after TRUONG_ID, as the resource orders them. */
export function keyOfRecord(
  resource: Resource,
  record: Readonly<Record<string, unknown>>,
): unknown[] {
  return resource.keyFields.map((f) => record[f]);
}

/** A record's key as the API shows it: QĐ 4998 symbols to values (`{ HOC_SINH_ID: '…' }`). */
export function keyObject(resource: Resource, values: readonly string[]): Record<string, string> {
  const symbols = symbolsOf(resource);
  const out: Record<string, string> = {};
  resource.keyFields.forEach((f, i) => {
    out[symbols.get(f) ?? f] = values[i] ?? '';
  });
  return out;
}

const symbolCache = new WeakMap<Resource, ReadonlyMap<string, string>>();

/** Canonical field name → QĐ 4998 symbol, for a resource's entity. */
export function symbolsOf(resource: Resource): ReadonlyMap<string, string> {
  let found = symbolCache.get(resource);
  if (!found) {
    found = new Map(fieldsOf(resource.schema).map((f) => [f.name, f.symbol]));
    symbolCache.set(resource, found);
  }
  return found;
}
