import {
  compileValidator,
  ENTITIES,
  type EntitySchema,
  entityByName,
  entityOf,
  type FieldInfo,
  fieldsOf,
  type RecordIssue,
} from '@eduvn/standard';
import { describeValue } from './describe-value.ts';
import type { EntityName } from './entity-name.ts';
import type { MatcherResult } from './types.ts';

const MAX_MESSAGE = 200;

/** The labels of the field a symbol path names, following sub-table rows (`LIST_KHEN_THUONG.0.NOI_DUNG`). */
function labelOf(entity: EntitySchema, path: readonly (string | number)[]): string | undefined {
  let current: EntitySchema | undefined = entity;
  let label: string | undefined;
  for (const step of path) {
    if (typeof step === 'number') continue;
    if (current === undefined) return undefined;
    const field: FieldInfo | undefined = fieldsOf(current).find((f) => f.name === step);
    if (field === undefined) return undefined;
    label = `${field.label.vi} / ${field.label.en}`;
    current = field.entity === undefined ? undefined : entityByName(field.entity);
  }
  return label;
}

function line(entity: EntitySchema, issue: RecordIssue): string {
  const where = issue.symbolPath.length === 0 ? '(record)' : issue.symbolPath.join('.');
  const label = labelOf(entity, issue.path);
  const message =
    issue.message.length > MAX_MESSAGE ? `${issue.message.slice(0, MAX_MESSAGE)}…` : issue.message;
  return `  - ${where}${label === undefined ? '' : ` (${label})`}: ${message} [${issue.code}]`;
}

/**
 * The matcher behind `expect(record).toConformTo(entity)`: passes when `received` is a canonical
 * record that follows the entity's schema (`compileValidator` of @eduvn/standard). The failure
 * message lists every problem by QĐ 4998 symbol and field label, with the validator's message
 * (which never holds the value); no value of the record is printed. Throws a `TypeError` when
 * `entity` is not the name of an entity of the standard.
 *
 * @example
 * ```ts
 * expect.extend({ toConformTo });
 * expect(pupil).toConformTo('HocSinh');
 * ```
 */
export function toConformTo(received: unknown, entity: EntityName): MatcherResult {
  const schema = typeof entity === 'string' ? entityByName(entity) : undefined;
  if (schema === undefined) {
    const records = ENTITIES.map(entityOf)
      .filter((m) => m.kind === 'record')
      .map((m) => m.name);
    throw new TypeError(
      `toConformTo: ${describeValue(entity)} is not an entity of the standard; expected one of ${records.join(', ')} (or a sub-table row's entity)`,
    );
  }
  const result = compileValidator(schema)(received);
  if (result.ok) {
    return {
      pass: true,
      message: () => `expected the value not to conform to ${entity} (QĐ 4998), but it does`,
    };
  }
  const { issues } = result;
  return {
    pass: false,
    message: () =>
      [
        `expected the value to conform to ${entity} (QĐ 4998), but it has ${issues.length} problem${issues.length === 1 ? '' : 's'}:`,
        ...issues.map((issue) => line(schema, issue)),
      ].join('\n'),
  };
}
