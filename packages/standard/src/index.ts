/**
 * The Vietnamese Ministry of Education's primary-school data standard (QĐ 4998/QĐ-BGDĐT) as
 * TypeScript: zod schemas of every entity with field metadata (QĐ 4998 symbol, labels, length,
 * catalog, sensitivity, source), versioned catalogs, the wire codec of the city-database API,
 * compiled validators, masking, and the JSON Schemas and data dictionary generated from the same
 * metadata. Administrative units are in the `@eduvn/standard/admin-units` subpath.
 *
 * @packageDocumentation
 */

export { bundledCatalogs, bundledCatalogsPack } from './catalogs/bundled/index.ts';
export {
  type CatalogHit,
  type CatalogQuery,
  Catalogs,
  type MergeOptions,
  parseCatalogPack,
} from './catalogs/catalogs.ts';
export { CatalogConflictError, CatalogPackError } from './catalogs/errors.ts';
export { CatalogPackSchema } from './catalogs/pack-schema.ts';
export type {
  CatalogEntry,
  CatalogPack,
  CatalogVersion,
  CodeSystem,
} from './catalogs/types.ts';
export { ENTITIES, entityByName } from './entities/all.ts';
export * from './entities/can-bo.ts';
export * from './entities/co-so-vat-chat.ts';
export * from './entities/danh-gia-hoc-sinh.ts';
export * from './entities/eqms.ts';
export * from './entities/hoc-sinh.ts';
export * from './entities/ket-qua-hoc-tap.ts';
export * from './entities/lop.ts';
export * from './entities/su-kien-trang-thai.ts';
export * from './entities/tai-chinh.ts';
export * from './entities/truong.ts';
export { dictionaryIndex, dictionaryPage } from './generate/dictionary.ts';
export { type JsonSchema, type JsonSchemaForm, toJsonSchema } from './generate/json-schema.ts';
export {
  DEFAULT_MASK_POLICY,
  MASKED,
  type MaskAction,
  type MaskPolicy,
  maskRecord,
  maskText,
} from './mask/mask.ts';
export {
  defineEntity,
  type EntitySchema,
  entityOf,
  type FieldInfo,
  fieldsOf,
} from './meta/entity.ts';
export {
  type FieldInput,
  type FieldKit,
  type FieldKitOptions,
  type FieldSchema,
  fieldKit,
  OPEN_CODE_CAP,
  OPEN_TEXT_CAP,
  refinement,
} from './meta/field-kit.ts';
export {
  type Bilingual,
  type EntityMeta,
  entityRegistry,
  type FieldMeta,
  type FieldType,
  fieldRegistry,
  SENSITIVITIES,
  type Sensitivity,
} from './meta/field-meta.ts';
export { camelFromSymbol } from './meta/symbol.ts';
export { compileValidator, type ValidationResult, type Validator } from './validate/compile.ts';
export { type DescribableIssue, describeSchemaIssue } from './validate/describe.ts';
export type { RecordIssue, ValueSeen } from './validate/issues.ts';
export {
  decodeWire,
  encodeWire,
  type WireDecodeResult,
  type WireObject,
  type WireReadResult,
  type WireValue,
  wireToRecord,
} from './wire/codec.ts';
export { jsonPointer, wirePathOf } from './wire/path.ts';
export { type WireSchema, wireSchemaOf } from './wire/schema.ts';
