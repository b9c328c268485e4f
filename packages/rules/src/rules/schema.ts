import { compileValidator, type EntitySchema, entityByName, type Validator } from '@eduvn/standard';
import { defineRule, type RecordRule } from '../core/rule.ts';

const validators = new Map<string, Validator<unknown> | null>();

/** The entity {@link validatorOf} was last asked about, and its validator (records come by entity). */
let lastEntity: string | undefined;
let lastValidator: Validator<unknown> | null = null;

function validatorOf(entity: string): Validator<unknown> | null {
  if (entity === lastEntity) return lastValidator;
  let v = validators.get(entity);
  if (v === undefined) {
    const schema: EntitySchema | undefined = entityByName(entity);
    v = schema ? compileValidator(schema) : null;
    validators.set(entity, v);
  }
  lastEntity = entity;
  lastValidator = v;
  return v;
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
    if (validatorOf(item.entity) === null)
      ctx.report({ params: { entity: item.entity.slice(0, 60) } });
  },
});

/**
 * `STD.SCHEMA.001`: the record's structure breaks the standard — a type, a maximum length, an ISO
 * date, a closed set, an unknown field. One issue per problem, at the field.
 */
export const schemaViolation: RecordRule = defineRule({
  id: 'STD.SCHEMA.001',
  entity: '*',
  scope: 'record',
  severity: 'error',
  basis: 'QĐ 4998/QĐ-BGDĐT',
  message: {
    vi: 'Trường {symbol} không đúng chuẩn dữ liệu ({code})',
    en: 'Field {symbol} does not follow the standard: {problem}',
  },
  hint: {
    vi: 'Sửa giá trị theo kiểu và độ dài quy định trong QĐ 4998 (xem từ điển dữ liệu)',
    en: 'Correct the value to the type and length QĐ 4998 sets (see the data dictionary)',
  },
  check(item, ctx) {
    const validate = validatorOf(item.entity);
    if (validate === null) return;
    const result = validate(item.record);
    if (result.ok) return;
    for (const issue of result.issues) {
      const field = issue.path.map(String).join('.');
      ctx.report({
        ...(field === '' ? {} : { field }),
        params: {
          symbol: issue.symbolPath.map(String).join('.') || '(bản ghi)',
          code: issue.code,
          problem: issue.message,
        },
      });
    }
  },
});

/** The structural rules. */
export const schemaRules: readonly RecordRule[] = [unknownEntity, schemaViolation];
