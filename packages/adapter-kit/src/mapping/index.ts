/**
 * Mapping: how a sheet's columns become canonical records — value converters, the mapping DSL
 * (`defineMapping`, `column`), binding to a sheet's header, mapping rows, and inferring a draft
 * mapping from a sample.
 *
 * @module
 */
export { aliasesOf, HEADER_ALIASES, type HeaderAlias } from './aliases.ts';
export { type BoundMapping, bindMapping, type ColumnBinding } from './bind-mapping.ts';
export {
  type ColumnOptions,
  type ColumnSpec,
  column,
  type HeaderSpec,
  isColumnSpec,
} from './column.ts';
export { convertBoolean } from './convert-boolean.ts';
export { convertCell } from './convert-cell.ts';
export { convertCode } from './convert-code.ts';
export { convertDate } from './convert-date.ts';
export { convertFlag } from './convert-flag.ts';
export { convertSubjectLevel, convertTraitLevel } from './convert-level.ts';
export { convertDecimal, convertInteger } from './convert-number.ts';
export { convertSex } from './convert-sex.ts';
export { convertName, convertText } from './convert-text.ts';
export type { Converter } from './converter.ts';
export {
  defineMapping,
  type Mapping,
  type MappingInput,
  type MappingTransform,
} from './define-mapping.ts';
export { describeValue, maskDigits } from './describe-value.ts';
export { defaultKind, kindsForType } from './field-kinds.ts';
export {
  type InferMappingOptions,
  type InferredColumn,
  type InferredMapping,
  inferMapping,
} from './infer-mapping.ts';
export { MAPPING_ISSUE_CODES, type MappingIssue, type MappingIssueCode } from './issue.ts';
export { type MappedRow, mapRow } from './map-row.ts';
export { type ParsedNumber, parseNumberText } from './parse-number.ts';
export { headerSimilarity } from './similarity.ts';
export {
  type Converted,
  type ConvertedValue,
  type ConvertOptions,
  isValueKind,
  VALUE_KINDS,
  type ValueKind,
} from './value-kind.ts';
export { profileValues, type ValueProfile, type ValueShape } from './value-shape.ts';
