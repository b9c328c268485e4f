import { isIsoDate } from '@eduvn/text';
import { z } from 'zod';
import {
  type Bilingual,
  entityRegistry,
  type FieldMeta,
  fieldRegistry,
  type Sensitivity,
} from './field-meta.ts';

/**
 * A cap on text and codes whose length the specification leaves open, so that a 10,000-character
 * cell is still rejected. An eduvn safety limit, not the Ministry's; the field's
 * {@link FieldMeta.maxLength} stays absent.
 */
export const OPEN_TEXT_CAP = 4000;

/** A cap on catalog codes whose length the specification leaves open (an eduvn safety limit). */
export const OPEN_CODE_CAP = 50;

/** What every field definition states. */
export interface FieldInput<R extends boolean = boolean> {
  /** The QĐ 4998 symbol (UPPER_SNAKE), or the SDK's symbol in the same style. */
  readonly symbol: string;
  /** Vietnamese label, as in the specification. */
  readonly vi: string;
  /** English label. */
  readonly en: string;
  /** Default `'public'`. */
  readonly sensitivity?: Sensitivity;
  /** Default `false`: most of the specification's fields may be unknown. */
  readonly required?: R;
  /** A note for the data dictionary. */
  readonly note?: string;
  /** Overrides the kit's source for this field. */
  readonly source?: string;
}

/** A field's schema: the bare schema when required, optional otherwise. */
export type FieldSchema<S extends z.ZodType, R extends boolean> = R extends true
  ? S
  : z.ZodOptional<S>;

/** The field builders for one table, all citing the same source. */
export interface FieldKit {
  /**
   * Text ("Chuỗi ký tự") of at most `maxLength` characters (`undefined`: the spec gives none).
   * `pattern` records a verified form for the JSON Schema (see {@link FieldMeta.pattern}); the zod
   * schema does not check it.
   */
  text<R extends boolean = false>(
    maxLength: number | undefined,
    input: FieldInput<R> & { readonly pattern?: string },
  ): FieldSchema<z.ZodString, R>;
  /**
   * A catalog code ("Danh mục liệt kê"). `catalogInferred: true` where the specification gives
   * only `DMDC` and `catalog` is eduvn's inference from the symbol: the field's note then says so
   * (a sentence is added to it).
   */
  code<R extends boolean = false>(
    catalog: string,
    input: FieldInput<R> & {
      readonly maxLength?: number;
      readonly catalogBy?: FieldMeta['catalogBy'];
      readonly catalogInferred?: boolean;
    },
  ): FieldSchema<z.ZodString, R>;
  /** A calendar date ("Ngày tháng"), ISO `yyyy-mm-dd`. */
  date<R extends boolean = false>(input: FieldInput<R>): FieldSchema<z.ZodString, R>;
  /** A boolean ("Đúng/Sai"). */
  bool<R extends boolean = false>(input: FieldInput<R>): FieldSchema<z.ZodBoolean, R>;
  /** A whole number ≥ `min` (default 0) of at most `maxDigits` digits ("Số nguyên"). */
  int<R extends boolean = false>(
    input: FieldInput<R> & {
      readonly maxDigits?: number;
      readonly min?: number;
      readonly max?: number;
    },
  ): FieldSchema<z.ZodNumber, R>;
  /** A finite number ≥ `min` (default 0) ("Số thập phân"). */
  decimal<R extends boolean = false>(
    input: FieldInput<R> & { readonly min?: number; readonly max?: number },
  ): FieldSchema<z.ZodNumber, R>;
  /** One of a closed set of codes fixed by law (TT27 levels, periods). */
  oneOf<const V extends readonly [string, ...string[]], R extends boolean = false>(
    values: V,
    input: FieldInput<R> & { readonly catalog?: string },
  ): FieldSchema<z.ZodEnum<{ [K in V[number]]: K }>, R>;
  /** A school year `yyyy-yyyy` whose second year follows the first (`'2024-2025'`). */
  schoolYear<R extends boolean = false>(input: FieldInput<R>): FieldSchema<z.ZodString, R>;
  /** An RFC 3339 date-time with an offset (`2025-09-05T08:30:00+07:00`), on a real calendar day. */
  dateTime<R extends boolean = false>(input: FieldInput<R>): FieldSchema<z.ZodString, R>;
  /** The rows of a sub-table ("Tham chiếu …"), each a record of `item`. */
  list<T extends z.ZodType, R extends boolean = false>(
    item: T,
    input: FieldInput<R>,
  ): FieldSchema<z.ZodArray<T>, R>;
}

/** `yyyy-mm-dd`. */
export const ISO_DATE_SHAPE: RegExp = /^\d{4}-\d{2}-\d{2}$/;

/** `yyyy-yyyy`. */
export const SCHOOL_YEAR_SHAPE: RegExp = /^(\d{4})-(\d{4})$/;

/**
 * The parameters of a refinement (`.refine(check, refinement({ vi, en }))`): zod's message is the
 * English text, and the issue carries both texts in `params.text`, which `describeSchemaIssue`
 * shows in the field's terms. Give every refinement of the standard's schemas one.
 */
export function refinement(text: Bilingual): { message: string; params: { text: Bilingual } } {
  return { message: text.en, params: { text } };
}

const NOT_A_CALENDAR_DATE = refinement({
  vi: 'không phải một ngày có thật trên lịch',
  en: 'Not a calendar date',
});

/**
 * An RFC 3339 date-time (the ISO 8601 profile): `yyyy-mm-ddThh:mm:ss`, an optional fraction of 1–9
 * digits, and an offset that is `Z` or `±hh:mm`; hours 00–23, minutes and seconds 00–59.
 */
export const DATE_TIME_SHAPE: RegExp =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Adds checks to a field made by a {@link FieldKit} and registers the result with the field's
 * metadata (zod's `.refine` returns a new schema, which would otherwise have none). Use it for
 * structural checks only — uniqueness of sub-table rows, a format the kit has no builder for; legal
 * rules belong to `@eduvn/rules`.
 *
 * @example
 * ```ts
 * refineField(kit.list(Row, {...}), (s) =>
 *   s.refine(uniqueRows, refinement({ vi: 'mỗi môn học chỉ được có một dòng', en: 'Each subject may appear only once' })),
 * )
 * ```
 */
export function refineField<S extends z.ZodType>(field: S, refine: (schema: S) => S): S {
  const meta = fieldRegistry.get(field);
  if (meta === undefined) throw new TypeError('refineField: the field was not made by a field kit');
  const refined = refine(field);
  fieldRegistry.add(refined, meta);
  return refined;
}

/** Options of {@link fieldKit}. */
export interface FieldKitOptions {
  /**
   * `true` for the tables eduvn adds beyond QĐ 4998: every field made by the kit is then marked
   * {@link FieldMeta.addedByEduvn}. Default `false` (a table of QĐ 4998).
   */
  readonly addedByEduvn?: boolean;
}

/** The sentence added to the note of a field whose catalog is inferred from its symbol. */
function inferenceNote(catalog: string): string {
  return `QĐ 4998 gives only DMDC (its shared catalogs) for this field; the link to ${catalog}, the catalog of §II that the symbol names, is eduvn's inference.`;
}

/**
 * Creates the field builders for one table. Every builder returns the field's zod schema with its
 * {@link FieldMeta} registered in {@link fieldRegistry}.
 *
 * @param source - where the table's fields are defined, e.g. `QĐ 4998 HSC1.1.1`
 * @param options - `{ addedByEduvn: true }` for a table eduvn adds beyond QĐ 4998
 */
export function fieldKit(source: string, options: FieldKitOptions = {}): FieldKit {
  const addedByEduvn = options.addedByEduvn === true;
  function finish<S extends z.ZodType>(
    schema: S,
    input: FieldInput,
    meta: Omit<
      FieldMeta,
      'symbol' | 'label' | 'sensitivity' | 'source' | 'required' | 'note' | 'addedByEduvn'
    >,
  ): z.ZodType {
    const required = input.required === true;
    const field = required ? schema : schema.optional();
    const inferred = meta.catalogInferred === true && meta.catalog !== undefined;
    const note = inferred
      ? [input.note, inferenceNote(meta.catalog as string)].filter(Boolean).join(' ')
      : input.note;
    const full: FieldMeta = {
      symbol: input.symbol,
      label: { vi: input.vi, en: input.en },
      ...meta,
      sensitivity: input.sensitivity ?? 'public',
      source: input.source ?? source,
      required,
      addedByEduvn,
      ...(note === undefined ? {} : { note }),
    };
    fieldRegistry.add(field, full);
    return field;
  }
  // The builders' conditional return types cannot be checked through `finish`; each call site is.
  const kit = {
    text(maxLength: number | undefined, input: FieldInput & { pattern?: string }) {
      let s = z.string().max(maxLength ?? OPEN_TEXT_CAP);
      if (input.required) s = s.min(1);
      return finish(s, input, {
        type: 'string',
        ...(maxLength ? { maxLength } : {}),
        ...(input.pattern === undefined ? {} : { pattern: input.pattern }),
      });
    },
    code(
      catalog: string,
      input: FieldInput & {
        maxLength?: number;
        catalogBy?: FieldMeta['catalogBy'];
        catalogInferred?: boolean;
      },
    ) {
      const s = z
        .string()
        .min(1)
        .max(input.maxLength ?? OPEN_CODE_CAP);
      return finish(s, input, {
        type: 'code',
        catalog,
        ...(input.maxLength ? { maxLength: input.maxLength } : {}),
        ...(input.catalogBy ? { catalogBy: input.catalogBy } : {}),
        ...(input.catalogInferred ? { catalogInferred: true } : {}),
      });
    },
    date(input: FieldInput) {
      const s = z
        .string()
        .regex(ISO_DATE_SHAPE, { message: 'Expected an ISO date yyyy-mm-dd', abort: true })
        .refine(isIsoDate, NOT_A_CALENDAR_DATE);
      return finish(s, input, { type: 'date' });
    },
    schoolYear(input: FieldInput) {
      const s = z
        .string()
        .regex(SCHOOL_YEAR_SHAPE, { message: "Expected a school year 'yyyy-yyyy'", abort: true })
        .refine(
          (v) => Number(v.slice(5, 9)) === Number(v.slice(0, 4)) + 1,
          refinement({
            vi: 'năm thứ hai của năm học phải liền sau năm thứ nhất',
            en: 'The second year of a school year must follow the first',
          }),
        );
      return finish(s, input, { type: 'string', maxLength: 9 });
    },
    dateTime(input: FieldInput) {
      const s = z
        .string()
        .regex(DATE_TIME_SHAPE, {
          message: 'Expected a date-time yyyy-mm-ddThh:mm:ss with an offset (Z or ±hh:mm)',
          abort: true,
        })
        .refine((v) => isIsoDate(v.slice(0, 10)), NOT_A_CALENDAR_DATE);
      return finish(s, input, { type: 'dateTime' });
    },
    bool(input: FieldInput) {
      return finish(z.boolean(), input, { type: 'boolean' });
    },
    int(input: FieldInput & { maxDigits?: number; min?: number; max?: number }) {
      const max =
        input.max ?? (input.maxDigits ? 10 ** input.maxDigits - 1 : Number.MAX_SAFE_INTEGER);
      const s = z
        .number()
        .int()
        .min(input.min ?? 0)
        .max(max);
      return finish(s, input, {
        type: 'integer',
        ...(input.maxDigits ? { maxLength: input.maxDigits } : {}),
      });
    },
    decimal(input: FieldInput & { min?: number; max?: number }) {
      let s = z.number().min(input.min ?? 0);
      if (input.max !== undefined) s = s.max(input.max);
      return finish(s, input, { type: 'decimal' });
    },
    oneOf(values: readonly [string, ...string[]], input: FieldInput & { catalog?: string }) {
      return finish(z.enum(values), input, {
        type: 'code',
        values,
        ...(input.catalog ? { catalog: input.catalog } : {}),
      });
    },
    list(item: z.ZodType, input: FieldInput) {
      const entity = entityRegistry.get(item)?.name;
      if (entity === undefined) {
        throw new TypeError(`list field ${input.symbol}: the item schema is not a defined entity`);
      }
      return finish(z.array(item), input, { type: 'list', entity });
    },
  };
  return kit as unknown as FieldKit;
}
