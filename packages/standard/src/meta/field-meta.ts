import { z } from 'zod';

/**
 * How a field's value must be protected (domain facts §7):
 *
 * - `'identifier'`: a code that identifies a school, class, person or record (`HOC_SINH_ID`).
 *   Needed to exchange data; not secret, but never published in bulk.
 * - `'personal'`: ordinary personal data (a name, a birth date, an address, a phone number).
 * - `'sensitive'`: sensitive personal data — ethnicity, religion, health and disability, policy
 *   and poverty flags — and the personal identification number (số định danh cá nhân). Masked in
 *   logs, errors and reports unless the caller opts in; left out of exports that do not need it.
 * - `'public'`: data about institutions or aggregates.
 */
export type Sensitivity = 'identifier' | 'personal' | 'sensitive' | 'public';

/** Every sensitivity, from the most to the least protected. */
export const SENSITIVITIES: readonly Sensitivity[] = [
  'sensitive',
  'personal',
  'identifier',
  'public',
];

/**
 * The kind of value a field holds, after the specification's "Kiểu dữ liệu":
 *
 * - `'string'` (Chuỗi ký tự): text, at most {@link FieldMeta.maxLength} UTF-16 code units;
 * - `'code'` (Danh mục liệt kê): a code from the catalog {@link FieldMeta.catalog};
 * - `'date'` (Ngày tháng): an ISO 8601 calendar date `yyyy-mm-dd`;
 * - `'dateTime'`: an RFC 3339 date-time with an offset (the SDK's own fields: when an event was
 *   recorded);
 * - `'boolean'` (Đúng/Sai);
 * - `'integer'` (Số nguyên): a whole number, at most {@link FieldMeta.maxLength} digits;
 * - `'decimal'` (Số thập phân): a finite number;
 * - `'list'` (Tham chiếu …): the rows of a sub-table, records of {@link FieldMeta.entity}.
 */
export type FieldType =
  | 'string'
  | 'code'
  | 'date'
  | 'dateTime'
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'list';

/** A Vietnamese and an English text. */
export interface Bilingual {
  /** Vietnamese, as in the source (the specification's own wording where there is one). */
  readonly vi: string;
  /** English. */
  readonly en: string;
}

/** Everything the SDK knows about one field: the one source for docs, JSON Schema and masking. */
export interface FieldMeta {
  /** The field's symbol in QĐ 4998 ("Ký hiệu trường dữ liệu"), also its key on the wire. */
  readonly symbol: string;
  /** The field's label: Vietnamese as in the specification, and English. */
  readonly label: Bilingual;
  /** The kind of value. */
  readonly type: FieldType;
  /**
   * The maximum length the specification gives ("Độ dài"): characters for strings and codes,
   * digits for integers. Absent where the specification gives none.
   */
  readonly maxLength?: number;
  /**
   * The catalog the code comes from: a `DM_*` catalog of QĐ 4998 §II (or of eduvn), or `DMDC` (the
   * specification's shared catalogs, unnamed) only where §II has no catalog for the field — its
   * {@link FieldMeta.note} then says why.
   */
  readonly catalog?: string;
  /**
   * `true` where the specification gives only `DMDC` for the field and {@link FieldMeta.catalog}
   * is eduvn's inference: the §II catalog whose name matches the field's symbol
   * (`MA_TON_GIAO` → `DM_TON_GIAO`). The field's note says so too. Absent where the specification
   * names the catalog itself.
   */
  readonly catalogInferred?: boolean;
  /**
   * `true` for a field eduvn adds beyond QĐ 4998: every field of an entity eduvn defines (TT27
   * assessments, facilities, finance, status events), even one that reuses a QĐ 4998 symbol such
   * as `TRUONG_ID`. `false` for the fields of QĐ 4998's own tables, so that
   * `fields.filter((f) => !f.addedByEduvn)` is exactly the specification's fields.
   */
  readonly addedByEduvn: boolean;
  /**
   * The form a text value must take, as a regular expression (a JSON Schema `pattern`), where a
   * verified source fixes it (`MA_CONG_DAN_ID`: 12 digits, TT 59/2021/TT-BCA Art. 4). It is
   * written into the generated JSON Schema; in TypeScript the rules engine checks it, with its
   * own message (the zod schema keeps the field open text, so that one malformed value is not
   * reported twice).
   */
  readonly pattern?: string;
  /** How the value must be protected. */
  readonly sensitivity: Sensitivity;
  /** Where the field is defined, e.g. `QĐ 4998 HSC1.1.1` or `TT 27/2020 Art. 9`. */
  readonly source: string;
  /** Whether every record must have a value. */
  readonly required: boolean;
  /** For `'list'` fields: the name of the entity of the sub-table's rows. */
  readonly entity?: string;
  /**
   * For a code whose catalog depends on another field of the record: that field's name and the
   * catalog for each of its values (a status event's status is a pupil status or a staff status).
   * {@link FieldMeta.catalog} then names the first of them.
   */
  readonly catalogBy?: {
    readonly field: string;
    readonly catalogs: Readonly<Record<string, string>>;
  };
  /** Allowed values, for fields with a closed set fixed by law (TT27 levels, periods). */
  readonly values?: readonly string[];
  /** Anything a reader of the data dictionary must know (anomalies of the specification, units). */
  readonly note?: string;
}

/** What an entity (a table or sub-table) is. */
export interface EntityMeta {
  /** The entity's name in the SDK (`HocSinh`); also the exported schema's name. */
  readonly name: string;
  /** The information code in QĐ 4998 (`HSC1.1.1`), or the SDK's own code for entities it adds. */
  readonly code: string;
  /** What the entity holds. */
  readonly label: Bilingual;
  /** Where the entity is defined. */
  readonly source: string;
  /** The fields that identify a record (empty for sub-table rows identified by their parent). */
  readonly key: readonly string[];
  /** `'record'` for a top-level table, `'row'` for a sub-table's rows. */
  readonly kind: 'record' | 'row';
  /** Anything a reader must know about the entity as a whole. */
  readonly note?: string;
}

/** The zod registry that holds every field's {@link FieldMeta}, keyed by the field's schema. */
export const fieldRegistry: z.core.$ZodRegistry<FieldMeta> = z.registry<FieldMeta>();

/** The zod registry that holds every entity's {@link EntityMeta}, keyed by the entity's schema. */
export const entityRegistry: z.core.$ZodRegistry<EntityMeta> = z.registry<EntityMeta>();
