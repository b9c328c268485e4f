import type { z } from 'zod';
import type { EntitySchema, FieldInfo } from '../meta/entity.ts';
import { DATE_TIME_SHAPE, ISO_DATE_SHAPE, SCHOOL_YEAR_SHAPE } from '../meta/field-kit.ts';
import type { Bilingual } from '../meta/field-meta.ts';
import { type EntityPlan, type FieldPlan, planOf } from '../meta/plan.ts';
import { type RecordIssue, type ValueSeen, valueSeen } from './issues.ts';

/** An issue {@link describeSchemaIssue} reads: one of `compileValidator`'s, or zod's own. */
export type DescribableIssue = RecordIssue | z.core.$ZodIssue;

/** Where an issue points: the field (if any) and its label, rows of lists numbered from 1. */
interface Target {
  readonly field?: FieldInfo;
  readonly label: Bilingual;
}

const RECORD: Bilingual = { vi: 'Bản ghi', en: 'The record' };

/** At most this many characters of a key or code are shown. */
const MAX_SHOWN = 40;
/** At most this many unknown keys or allowed values are listed. */
const MAX_LISTED = 8;

/** A key or code as shown: control characters replaced, cut at {@link MAX_SHOWN} characters. */
function shown(text: string): string {
  const clean = text.replace(/\p{Cc}/gu, '\uFFFD');
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN - 1)}…` : clean;
}

/** A number with Vietnamese (`10.000,5`) or English (`10,000.5`) separators. */
function formatNumber(n: number | bigint, lang: 'vi' | 'en'): string {
  // Most numbers an issue shows are small whole numbers (a length, a limit): no separator.
  if (typeof n === 'number' && Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const [whole = '', fraction] = String(n).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  if (!/^\d+$/.test(digits)) return String(n);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return `${sign}${grouped}${fraction === undefined ? '' : (lang === 'vi' ? ',' : '.') + fraction}`;
}

/** The field an issue's path leads to, and its label (`Khen thưởng (dòng 2) › Nội dung`). */
function targetOf(plan: EntityPlan, path: readonly PropertyKey[]): Target {
  // A declared top-level field (most issues): its label as the field metadata holds it.
  if (path.length === 1 && typeof path[0] === 'string') {
    const found = plan.byName.get(path[0]);
    if (found !== undefined) return { field: found.info, label: found.info.label };
  }
  let current: EntityPlan | undefined = plan;
  let field: FieldInfo | undefined;
  const vi: string[] = [];
  const en: string[] = [];
  for (const step of path) {
    if (typeof step === 'number') {
      const i = vi.length - 1;
      if (i >= 0) {
        vi[i] = `${vi[i]} (dòng ${formatNumber(step + 1, 'vi')})`;
        en[i] = `${en[i]} (row ${formatNumber(step + 1, 'en')})`;
      }
      continue;
    }
    const found: FieldPlan | undefined = current?.byName.get(String(step));
    if (found === undefined) {
      // A key the entity does not declare (unknown fields are reported at their parent).
      vi.push(shown(String(step)));
      en.push(shown(String(step)));
      field = undefined;
      current = undefined;
      continue;
    }
    field = found.info;
    vi.push(found.info.label.vi);
    en.push(found.info.label.en);
    current = found.item;
  }
  if (vi.length === 0) return { label: RECORD };
  const last = path.at(-1);
  return {
    ...(field !== undefined && typeof last !== 'number' ? { field } : {}),
    label: { vi: vi.join(' › '), en: en.join(' › ') },
  };
}

/** What a field must hold, by its kind: "văn bản" / "text". */
function kindOf(field: FieldInfo | undefined, expected: string): Bilingual {
  switch (field?.type) {
    case 'string':
      return { vi: 'văn bản', en: 'text' };
    case 'code':
      return { vi: 'một mã (văn bản)', en: 'a code (text)' };
    case 'date':
      return { vi: 'một ngày dạng yyyy-mm-dd', en: 'a date in the form yyyy-mm-dd' };
    case 'dateTime':
      return {
        vi: 'một thời điểm dạng yyyy-mm-ddThh:mm:ss kèm múi giờ',
        en: 'a date-time in the form yyyy-mm-ddThh:mm:ss with an offset',
      };
    case 'boolean':
      return { vi: 'Đúng/Sai (true/false)', en: 'true or false' };
    case 'integer':
      return { vi: 'một số nguyên', en: 'a whole number' };
    case 'decimal':
      return { vi: 'một số', en: 'a number' };
    case 'list':
      return { vi: 'một danh sách', en: 'a list' };
    default:
      break;
  }
  switch (expected) {
    case 'string':
      return { vi: 'văn bản', en: 'text' };
    case 'number':
      return { vi: 'một số', en: 'a number' };
    case 'int':
      return { vi: 'một số nguyên', en: 'a whole number' };
    case 'boolean':
      return { vi: 'Đúng/Sai (true/false)', en: 'true or false' };
    case 'array':
      return { vi: 'một danh sách', en: 'a list' };
    case 'object':
      return { vi: 'một bản ghi gồm các trường', en: 'a record of fields' };
    default:
      return { vi: 'một giá trị khác', en: 'another kind of value' };
  }
}

/** What a value was, in words: "số" / "a number". */
function seenWords(seen: ValueSeen): Bilingual {
  switch (seen.kind) {
    case 'missing':
      return { vi: 'trống', en: 'empty' };
    case 'null':
      return { vi: 'rỗng (null)', en: 'null' };
    case 'string':
      return { vi: 'văn bản', en: 'text' };
    case 'number':
      return { vi: 'một số', en: 'a number' };
    case 'boolean':
      return { vi: 'giá trị Đúng/Sai', en: 'true or false' };
    case 'array':
      return { vi: 'một danh sách', en: 'a list' };
    case 'object':
      return { vi: 'một đối tượng', en: 'an object' };
    case 'date':
      return { vi: 'một đối tượng ngày (Date)', en: 'a Date object' };
    default:
      return { vi: 'một giá trị khác', en: 'another kind of value' };
  }
}

/** The limit a too_big/too_small issue states, as a number. */
function limitOf(issue: z.core.$ZodIssue): number | bigint | undefined {
  if (issue.code === 'too_big') return issue.maximum;
  if (issue.code === 'too_small') return issue.minimum;
  return undefined;
}

/** `L dài 10.000 ký tự, tối đa 50 ký tự` and kin: a too_big or too_small issue. */
function sizeText(
  label: Bilingual,
  issue: z.core.$ZodIssue & { code: 'too_big' | 'too_small'; origin: string },
  seen: ValueSeen | undefined,
): Bilingual {
  const big = issue.code === 'too_big';
  const limit = limitOf(issue) ?? 0;
  const vi = formatNumber(limit, 'vi');
  const en = formatNumber(limit, 'en');
  const exclusive = issue.inclusive === false;
  if (issue.origin === 'string') {
    const length = seen?.kind === 'string' ? seen.length : undefined;
    if (!big && Number(limit) <= 1 && length === 0) {
      return { vi: `${label.vi} đang để trống`, en: `${label.en} is empty` };
    }
    if (length !== undefined) {
      const lvi = formatNumber(length, 'vi');
      const len = formatNumber(length, 'en');
      return big
        ? {
            vi: `${label.vi} dài ${lvi} ký tự, tối đa ${vi} ký tự`,
            en: `${label.en} is ${len} characters long; at most ${en}`,
          }
        : {
            vi: `${label.vi} dài ${lvi} ký tự, tối thiểu ${vi} ký tự`,
            en: `${label.en} is ${len} characters long; at least ${en}`,
          };
    }
    return big
      ? { vi: `${label.vi} dài quá ${vi} ký tự`, en: `${label.en} is longer than ${en} characters` }
      : {
          vi: `${label.vi} ngắn hơn ${vi} ký tự`,
          en: `${label.en} is shorter than ${en} characters`,
        };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const rows = seen?.kind === 'array' ? seen.length : undefined;
    const has =
      rows === undefined
        ? { vi: '', en: '' }
        : {
            vi: ` có ${formatNumber(rows, 'vi')} dòng,`,
            en: ` has ${formatNumber(rows, 'en')} rows;`,
          };
    return big
      ? { vi: `${label.vi}${has.vi} tối đa ${vi} dòng`, en: `${label.en}${has.en} at most ${en}` }
      : {
          vi: `${label.vi}${has.vi} tối thiểu ${vi} dòng`,
          en: `${label.en}${has.en} at least ${en}`,
        };
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    if (big && Number(limit) >= Number.MAX_SAFE_INTEGER) {
      return { vi: `${label.vi} quá lớn`, en: `${label.en} is too large` };
    }
    if (!big && Number(limit) === 0 && !exclusive) {
      return { vi: `${label.vi} không được là số âm`, en: `${label.en} must not be negative` };
    }
    if (big) {
      return exclusive
        ? { vi: `${label.vi} phải nhỏ hơn ${vi}`, en: `${label.en} must be less than ${en}` }
        : {
            vi: `${label.vi} vượt quá mức tối đa ${vi}`,
            en: `${label.en} is above the maximum of ${en}`,
          };
    }
    return exclusive
      ? { vi: `${label.vi} phải lớn hơn ${vi}`, en: `${label.en} must be more than ${en}` }
      : {
          vi: `${label.vi} nhỏ hơn mức tối thiểu ${vi}`,
          en: `${label.en} is below the minimum of ${en}`,
        };
  }
  return big
    ? { vi: `${label.vi} vượt quá giới hạn ${vi}`, en: `${label.en} is over the limit of ${en}` }
    : { vi: `${label.vi} dưới giới hạn ${vi}`, en: `${label.en} is under the limit of ${en}` };
}

/** The pattern of a regex issue against one of the kit's shapes (zod states `/…/`). */
const isShape = (pattern: string | undefined, shape: RegExp): boolean =>
  pattern === String(shape) || pattern === shape.source;

/** An invalid_format issue, with the form the field requires described. */
function formatText(
  label: Bilingual,
  field: FieldInfo | undefined,
  issue: z.core.$ZodIssue & { code: 'invalid_format' },
): Bilingual {
  const pattern = 'pattern' in issue ? (issue.pattern as string | undefined) : undefined;
  if (field?.type === 'date' || isShape(pattern, ISO_DATE_SHAPE)) {
    return {
      vi: `${label.vi} không đúng dạng ngày yyyy-mm-dd (ví dụ 2016-09-05)`,
      en: `${label.en} is not a date in the form yyyy-mm-dd (for example 2016-09-05)`,
    };
  }
  if (field?.type === 'dateTime' || isShape(pattern, DATE_TIME_SHAPE)) {
    return {
      vi: `${label.vi} không đúng dạng thời điểm yyyy-mm-ddThh:mm:ss kèm múi giờ (Z hoặc ±hh:mm)`,
      en: `${label.en} is not a date-time in the form yyyy-mm-ddThh:mm:ss with an offset (Z or ±hh:mm)`,
    };
  }
  if (isShape(pattern, SCHOOL_YEAR_SHAPE)) {
    return {
      vi: `${label.vi} không đúng dạng năm học yyyy-yyyy (ví dụ 2024-2025)`,
      en: `${label.en} is not a school year in the form yyyy-yyyy (for example 2024-2025)`,
    };
  }
  return {
    vi: `${label.vi} không đúng định dạng quy định`,
    en: `${label.en} is not in the required format`,
  };
}

/** A list of keys or values, cut after {@link MAX_LISTED}. */
function listed(items: readonly unknown[]): Bilingual {
  const head = items.slice(0, MAX_LISTED).map((v) => shown(String(v)));
  const more = items.length - head.length;
  return {
    vi: `${head.join(', ')}${more > 0 ? ` và ${formatNumber(more, 'vi')} giá trị khác` : ''}`,
    en: `${head.join(', ')}${more > 0 ? ` and ${formatNumber(more, 'en')} more` : ''}`,
  };
}

/** The bilingual text a refinement of the standard carries (`refinement()` in the field kit). */
function refinementText(issue: z.core.$ZodIssue): Bilingual | undefined {
  if (issue.code !== 'custom') return undefined;
  const text = (issue.params as { text?: unknown } | undefined)?.text;
  if (typeof text !== 'object' || text === null) return undefined;
  const { vi, en } = text as Partial<Bilingual>;
  return typeof vi === 'string' && typeof en === 'string' ? { vi, en } : undefined;
}

/** The text of a zod issue. */
function zodText(
  target: Target,
  issue: z.core.$ZodIssue,
  seen: ValueSeen | undefined,
): Bilingual | undefined {
  const { label, field } = target;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'nonoptional' || seen?.kind === 'missing') {
        return {
          vi: `${label.vi}: chưa có giá trị (bắt buộc)`,
          en: `${label.en}: no value (required)`,
        };
      }
      const want = kindOf(field, issue.expected);
      if (seen?.kind === 'number' && (issue.expected === 'int' || field?.type === 'integer')) {
        return {
          vi: `${label.vi} phải là một số nguyên`,
          en: `${label.en} must be a whole number`,
        };
      }
      if (seen?.kind === 'number' && issue.expected === 'number') {
        return {
          vi: `${label.vi} phải là một số hữu hạn`,
          en: `${label.en} must be a finite number`,
        };
      }
      if (seen === undefined) {
        return { vi: `${label.vi} phải là ${want.vi}`, en: `${label.en} must be ${want.en}` };
      }
      const is = seenWords(seen);
      return {
        vi: `${label.vi} phải là ${want.vi}, nhưng đang là ${is.vi}`,
        en: `${label.en} must be ${want.en}; it is ${is.en}`,
      };
    }
    case 'too_big':
    case 'too_small':
      return sizeText(label, issue, seen);
    case 'invalid_format':
      return formatText(label, field, issue);
    case 'invalid_value': {
      const values = listed(issue.values);
      return {
        vi: `${label.vi} phải là một trong các giá trị: ${values.vi}`,
        en: `${label.en} must be one of: ${values.en}`,
      };
    }
    case 'unrecognized_keys': {
      const keys = listed(issue.keys);
      return {
        vi: `${label.vi} có trường không thuộc chuẩn dữ liệu: ${keys.vi}`,
        en: `${label.en} has fields the data standard does not define: ${keys.en}`,
      };
    }
    case 'not_multiple_of':
      return {
        vi: `${label.vi} phải là bội số của ${formatNumber(issue.divisor, 'vi')}`,
        en: `${label.en} must be a multiple of ${formatNumber(issue.divisor, 'en')}`,
      };
    case 'custom': {
      const text = refinementText(issue);
      return text === undefined
        ? undefined
        : { vi: `${label.vi}: ${text.vi}`, en: `${label.en}: ${text.en}` };
    }
    default:
      return undefined;
  }
}

/** The value at `path` in `input`. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const step of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[step];
  }
  return node;
}

/**
 * A schema issue in words people understand: Vietnamese and English, in the field's own terms —
 * its label from the field metadata, the limit it breaks, and what was seen, described by kind
 * and length only (the value itself may be personal data and is never shown). Every issue code
 * the standard's schemas produce has its own wording — a missing required field, text too long
 * or empty, a number out of range or not whole, a value of the wrong kind, a malformed date,
 * date-time or school year, a value outside a closed set, unknown fields, and each refinement of
 * the standard (which carries its own two texts); anything else gets a general text of ours,
 * never zod's English.
 *
 * @param entity - the entity the record was validated against
 * @param issue - an issue of {@link compileValidator} (a `RecordIssue`) or of the entity's zod
 *   schema (`entity.safeParse(record).error.issues`)
 * @param input - for a zod issue, the record parsed: describes the value's kind and length
 *   (a `RecordIssue` carries that already)
 *
 * @example
 * ```ts
 * const result = compileValidator(HocSinh)({ hocSinhId: 'HS1', hoTen: 'x'.repeat(10_000) });
 * if (!result.ok) describeSchemaIssue(HocSinh, result.issues[0]);
 * // { vi: 'Họ tên dài 10.000 ký tự, tối đa 50 ký tự', en: 'Full name is 10,000 characters long; at most 50' }
 * ```
 */
export function describeSchemaIssue(
  entity: EntitySchema,
  issue: DescribableIssue,
  input?: unknown,
): Bilingual {
  const record = 'symbolPath' in issue ? issue : undefined;
  const zodIssue = record ? record.zod : (issue as z.core.$ZodIssue);
  const path = (record ? record.path : issue.path) ?? [];
  const target = targetOf(planOf(entity), path);
  const seen =
    record?.seen ??
    (input !== undefined
      ? valueSeen(valueAt(input, path))
      : zodIssue !== undefined && 'input' in zodIssue
        ? valueSeen(zodIssue.input)
        : undefined);
  const text = zodIssue === undefined ? undefined : zodText(target, zodIssue, seen);
  if (text !== undefined) return text;
  const { label } = target;
  if (record?.code === 'unknown_symbol') {
    const symbol = shown(String(record.symbolPath.at(-1) ?? ''));
    return {
      vi: `${label.vi} có trường không thuộc chuẩn dữ liệu: ${symbol}`,
      en: `${label.en} has a field the data standard does not define: ${symbol}`,
    };
  }
  if (record?.code === 'invalid_type' && path.length === 0) {
    return {
      vi: `${label.vi} phải là một đối tượng gồm các trường`,
      en: `${label.en} must be an object of fields`,
    };
  }
  return {
    vi: `${label.vi}: giá trị không đúng chuẩn dữ liệu`,
    en: `${label.en}: the value does not follow the data standard`,
  };
}
