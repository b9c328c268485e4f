import type { Rule } from './rule.ts';
import type { Localized } from './types.ts';

/**
 * What a source layout can hold: per entity name, the canonical fields (top-level names) the
 * layout carries — the columns a file's layout maps, plus what the reader fills in itself (an
 * upload form's grade or year). An entity not listed carries every field.
 *
 * @example
 * ```ts
 * // A MISA pupil list: its own pupil code, not the Ministry's `hocSinhId`.
 * const layout: SourceLayout = { HocSinh: ['hoTen', 'ngaySinh', 'maGioiTinh', 'maLop'] };
 * ```
 */
export type SourceLayout = Readonly<Record<string, readonly string[]>>;

/**
 * A check that was not possible, said once per entity (and rule, and reason) rather than per
 * record: the source layout has no column for a rule's evidence (the rule did not run on that
 * entity's records), required fields the layout lacks (their absence is not reported per record),
 * or a catalog without values (codes not checked).
 */
export interface NotChecked {
  /** The entity whose records the check concerns. */
  readonly entity: string;
  /** The rule not run, or that could not check these fields; absent: the standard's structure. */
  readonly ruleId?: string;
  /** The canonical fields concerned (top-level names, or `list.field` inside sub-tables). */
  readonly fields: readonly string[];
  /** Why, in both languages. */
  readonly reason: Localized;
}

/** The most entities a layout may list, and fields per entity (a layout is a file's columns). */
export const MAX_LAYOUT_ENTITIES = 1_000;
/** The most fields a layout may list for one entity. */
export const MAX_LAYOUT_FIELDS = 10_000;

/** A layout, checked and indexed: per entity, the set of fields it carries. */
export type ResolvedLayout = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Checks and indexes a {@link SourceLayout}. Throws a `TypeError` when it is not an object of
 * string arrays, a `RangeError` past {@link MAX_LAYOUT_ENTITIES} or {@link MAX_LAYOUT_FIELDS}.
 * Entity names are read as own keys (`__proto__` is a name like any other).
 */
export function resolveLayout(layout: SourceLayout | undefined): ResolvedLayout | undefined {
  if (layout === undefined) return undefined;
  if (typeof layout !== 'object' || layout === null || Array.isArray(layout))
    throw new TypeError('layout: expected an object of field lists by entity name');
  const entities = Object.keys(layout);
  if (entities.length > MAX_LAYOUT_ENTITIES)
    throw new RangeError(`layout: more than ${MAX_LAYOUT_ENTITIES} entities`);
  const out = new Map<string, ReadonlySet<string>>();
  for (const entity of entities) {
    const fields: unknown = layout[entity];
    if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string'))
      throw new TypeError(`layout.${entity.slice(0, 60)}: expected an array of field names`);
    if (fields.length > MAX_LAYOUT_FIELDS)
      throw new RangeError(`layout.${entity.slice(0, 60)}: more than ${MAX_LAYOUT_FIELDS} fields`);
    out.set(entity, new Set(fields as readonly string[]));
  }
  return out;
}

const NONE: readonly string[] = Object.freeze([]);

/** The evidence a rule declares for records of `entity` (see `RuleInfo.evidence`). */
export function evidenceOf(rule: Rule, entity: string): readonly string[] {
  const e = rule.evidence;
  if (e === undefined) return NONE;
  if (Array.isArray(e)) return e as readonly string[];
  const byEntity = e as Readonly<Record<string, readonly string[]>>;
  return Object.hasOwn(byEntity, entity) ? (byEntity[entity] ?? NONE) : NONE;
}

/** The fields of a rule's evidence for `entity` that `carried` lacks (empty: it can run). */
export function missingEvidence(
  rule: Rule,
  entity: string,
  carried: ReadonlySet<string>,
): string[] {
  return evidenceOf(rule, entity).filter((field) => !carried.has(field));
}

/** The reason given for a rule not run on an entity for want of evidence. */
export function missingEvidenceReason(rule: Rule, fields: readonly string[]): Localized {
  const list = fields.join(', ');
  return rule.scope === 'record'
    ? {
        vi: `Bố cục của tệp nguồn không có ${list}: quy tắc cần ${fields.length > 1 ? 'các trường này' : 'trường này'} làm căn cứ nên không chạy trên các bản ghi này`,
        en: `The source layout has no ${list}: the rule needs ${fields.length > 1 ? 'these fields' : 'this field'} as evidence and was not run on these records`,
      }
    : {
        vi: `Bố cục của tệp nguồn không có ${list}: quy tắc đối chiếu nhiều bản ghi cần ${fields.length > 1 ? 'các trường này' : 'trường này'} làm căn cứ nên không chạy`,
        en: `The source layout has no ${list}: the rule compares records and needs ${fields.length > 1 ? 'these fields' : 'this field'} as evidence, so it was not run`,
      };
}
