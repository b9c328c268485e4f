import type { FieldInfo, FieldType } from '@eduvn/standard';
import type { ValueKind } from './value-kind.ts';

/** The kinds that may fill a field of each type: what each converter produces. */
const KINDS_BY_TYPE: Readonly<Record<FieldType, readonly ValueKind[]>> = {
  string: ['text', 'name', 'code', 'sex', 'subjectLevel', 'traitLevel'],
  code: ['code', 'text', 'sex', 'subjectLevel', 'traitLevel'],
  date: ['date'],
  dateTime: [],
  boolean: ['flag', 'boolean'],
  integer: ['integer'],
  decimal: ['decimal', 'integer'],
  list: [],
};

/**
 * The {@link ValueKind}s that can fill a field of a type: text-like kinds for strings and codes,
 * `'date'` for dates, `'flag'`/`'boolean'` for booleans, `'integer'` for integers (and decimals),
 * `'decimal'` for decimals. Date-times and sub-tables (lists) cannot be read from one cell: none.
 *
 * @param type - the field's type
 */
export function kindsForType(type: FieldType): readonly ValueKind[] {
  return KINDS_BY_TYPE[type] ?? [];
}

/** Fields that hold a person's name. */
const NAME_FIELDS = new Set(['hoTen', 'tenCha', 'tenMe', 'tenNguoiDd']);

/**
 * The kind a field is usually read with: by catalog (`DM_GIOI_TINH` → `'sex'`, the TT27 level
 * catalogs → `'subjectLevel'`/`'traitLevel'`), by name (person names → `'name'`), by sensitivity
 * (identifier strings → `'code'`), else by type. `null` for fields no single cell can fill.
 *
 * @param field - the field, from `fieldsOf`
 */
export function defaultKind(field: FieldInfo): ValueKind | null {
  switch (field.type) {
    case 'date':
      return 'date';
    case 'boolean':
      return 'flag';
    case 'integer':
      return 'integer';
    case 'decimal':
      return 'decimal';
    case 'code':
      if (field.catalog === 'DM_GIOI_TINH' || field.name === 'maGioiTinh') return 'sex';
      if (field.catalog === 'DM_MUC_DAT_MON_HOC') return 'subjectLevel';
      if (field.catalog === 'DM_MUC_DAT_PHAM_CHAT_NANG_LUC') return 'traitLevel';
      return 'code';
    case 'string':
      if (NAME_FIELDS.has(field.name)) return 'name';
      return field.sensitivity === 'identifier' ? 'code' : 'text';
    default:
      return null;
  }
}
