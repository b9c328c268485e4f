import { maskDigits } from '@eduvn/adapter-kit';
import { entityByName, type FieldInfo, fieldsOf, MASKED } from '@eduvn/standard';

/** The most characters of a value an issue shows. */
const SHOWN = 40;

const fieldCache = new Map<string, ReadonlyMap<string, FieldInfo>>();

/** The fields of an entity by name (empty for an entity the standard does not define). */
export function fieldsByName(entity: string): ReadonlyMap<string, FieldInfo> {
  let found = fieldCache.get(entity);
  if (found === undefined) {
    const schema = entityByName(entity);
    found = new Map(schema ? fieldsOf(schema).map((f) => [f.name, f] as const) : []);
    fieldCache.set(entity, found);
  }
  return found;
}

/** The field a path (`'monHocs.0.diem'`) starts with. */
export const topField = (path: string): string => {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
};

/**
 * A value as an issue may show it: `undefined` for no value; `'***'` for a sensitive field
 * (ethnicity, religion, disability, health); otherwise its text with every run of seven or more
 * digits masked to its last three (`'*********234'`: never a full personal ID or phone number —
 * the mask helpers of `@eduvn/standard`), cut after 40 characters. Objects and lists (sub-table
 * rows) are not shown.
 *
 * @param value - the value
 * @param entity - the record's entity
 * @param field - the field (or path) it belongs to
 */
export function describeIssueValue(
  value: unknown,
  entity: string,
  field: string | undefined,
): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') return undefined;
  const info = field === undefined ? undefined : fieldsByName(entity).get(topField(field));
  if (info?.sensitivity === 'sensitive') return MASKED;
  const text = maskDigits(String(value));
  const chars = [...text];
  return chars.length > SHOWN ? `${chars.slice(0, SHOWN).join('')}…` : text;
}
