import {
  compileValidator,
  describeSchemaIssue,
  type EntitySchema,
  entityByName,
  fieldsOf,
  type Validator,
} from '@eduvn/standard';
import { defineRule, type RecordRule } from '../core/rule.ts';

/** An entity's schema and its compiled validator. */
interface Checker {
  readonly schema: EntitySchema;
  readonly validate: Validator<unknown>;
}

const checkers = new Map<string, Checker | null>();

/** The entity {@link checkerOf} was last asked about, and its checker (records come by entity). */
let lastEntity: string | undefined;
let lastChecker: Checker | null = null;

function checkerOf(entity: string): Checker | null {
  if (entity === lastEntity) return lastChecker;
  let c = checkers.get(entity);
  if (c === undefined) {
    const schema: EntitySchema | undefined = entityByName(entity);
    c = schema ? { schema, validate: compileValidator(schema) } : null;
    checkers.set(entity, c);
  }
  lastEntity = entity;
  lastChecker = c;
  return c;
}

/** `STD.ENTITY.001`: a record of an entity the standard does not define. */
export const unknownEntity: RecordRule = defineRule({
  id: 'STD.ENTITY.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: 'QĐ 4998/QĐ-BGDĐT',
  message: {
    vi: 'Bản ghi thuộc loại "{entity}" không có trong chuẩn dữ liệu',
    en: 'The record is of an entity "{entity}" the standard does not define',
  },
  hint: {
    vi: 'Dùng một trong các bảng của @eduvn/standard (HocSinh, Lop, CanBo, …)',
    en: 'Use one of the entities of @eduvn/standard (HocSinh, Lop, CanBo, …)',
  },
  check(item, ctx) {
    if (checkerOf(item.entity) === null)
      ctx.report({ params: { entity: item.entity.slice(0, 60) } });
  },
});

/** The required top-level fields of an entity the layout does not carry, in the schema's order. */
function requiredAbsent(entity: string, carried: ReadonlySet<string>): string[] {
  const schema = entityByName(entity);
  if (!schema) return [];
  return fieldsOf(schema)
    .filter((f) => f.required && !carried.has(f.name))
    .map((f) => f.name);
}

/**
 * `STD.SCHEMA.001`: the record's structure breaks the standard — a type, a maximum length, an ISO
 * date, a closed set, an unknown field. One issue per problem, at the field, in the field's own
 * terms (`describeSchemaIssue` of `@eduvn/standard`: its label, the limit, the kind and length of
 * the value seen — "Họ tên dài 10.000 ký tự, tối đa 50 ký tự"), never zod's own English.
 *
 * With a source layout (`layout` option of `validate`), a field the layout does not carry and the
 * record does not hold is not reported per record (a MISA list has no Ministry pupil code): the
 * report's `notChecked` lists the entity's required fields the layout lacks, once. A field the
 * layout carries but left blank is still reported on its row. A field the record lists in
 * `readErrors` (the reader could not read it and said so) is not reported again.
 */
export const schemaViolation: RecordRule = defineRule({
  id: 'STD.SCHEMA.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: 'QĐ 4998/QĐ-BGDĐT',
  message: {
    vi: '{vi} ({symbol})',
    en: '{en} ({symbol})',
  },
  hint: {
    vi: 'Sửa giá trị theo kiểu và độ dài quy định trong QĐ 4998 (xem từ điển dữ liệu)',
    en: 'Correct the value to the type and length QĐ 4998 sets (see the data dictionary)',
  },
  layoutGaps(entity, carried) {
    const fields = requiredAbsent(entity, carried);
    if (fields.length === 0) return undefined;
    return {
      fields,
      reason: {
        vi: `Bố cục của tệp nguồn không có cột cho trường bắt buộc ${fields.join(', ')}: không kiểm tra được các trường này trên từng bản ghi`,
        en: `The source layout has no column for the required field(s) ${fields.join(', ')}: they cannot be checked record by record`,
      },
    };
  },
  check(item, ctx) {
    const checker = checkerOf(item.entity);
    if (checker === null) return;
    const result = checker.validate(item.record);
    if (result.ok) return;
    const readErrors = item.readErrors;
    for (const issue of result.issues) {
      const top = issue.path[0];
      // A field the layout does not carry, and the record does not hold: not a blank, not reported.
      if (typeof top === 'string' && item.record[top] === undefined && !ctx.carries(top)) continue;
      const field = issue.path.map(String).join('.');
      // A field the reader could not read: its own reading problem says so already.
      if (readErrors !== undefined && field !== '' && readErrors.includes(topOf(field))) continue;
      const text = describeSchemaIssue(checker.schema, issue);
      ctx.report({
        ...(field === '' ? {} : { field }),
        params: {
          symbol: issue.symbolPath.map(String).join('.') || '—',
          code: issue.code,
          vi: text.vi,
          en: text.en,
        },
      });
    }
  },
});

/** The top-level field of a field path (`'a'` of `'a.b'`). */
function topOf(field: string): string {
  const dot = field.indexOf('.');
  return dot < 0 ? field : field.slice(0, dot);
}

/** The structural rules. */
export const schemaRules: readonly RecordRule[] = [unknownEntity, schemaViolation];
