import type { ValueKind } from '@eduvn/adapter-kit';
import { formatVnDate, isIsoDate } from '@eduvn/text';

/** How numbers and marks are written; see `CsvWriteOptions`. */
export interface FormatContext {
  /** The decimal separator of `'decimal'` values. */
  readonly decimalSeparator: '.' | ',';
  /** What a blank `'flag'` cell means when read back (`'absent'`: a false mark is written `Không`). */
  readonly blank: 'false' | 'absent' | undefined;
}

/**
 * A finite number in plain decimal notation, never with an exponent (`1e-7` → `0.0000001`,
 * `1e21` → `1000000000000000000000`): the readers of `@eduvn/adapter-kit` do not read exponents.
 */
export function plainNumber(n: number): string {
  const text = String(n === 0 ? 0 : n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (m === null) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** What a value is, for error messages (never the value itself: it may be personal data). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date object';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A formatting failure: what is wrong, without the value. */
export class FormatProblem {
  /** Why, in English. */
  readonly problem: string;
  constructor(problem: string) {
    this.problem = problem;
  }
}

function plainText(value: unknown, kind: ValueKind): string | FormatProblem {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? plainNumber(value)
      : new FormatProblem(`${value} cannot be written as a '${kind}' value.`);
  }
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return new FormatProblem(
    `${describe(value)} cannot be written to one CSV field (expected text or a number).`,
  );
}

/**
 * A canonical value as the text a CSV field holds, the way the readers of `@eduvn/adapter-kit`
 * read it back as the same value: dates as `dd/mm/yyyy`, sex codes as `Nam`/`Nữ`, marks as `x`,
 * booleans as `Có`/`Không`, numbers in plain notation with the chosen decimal separator, codes and
 * text as they are. `undefined` and `null` are a blank field (`undefined` is returned).
 *
 * @param value - the record's value
 * @param kind - the column's kind
 * @param context - separators and options
 * @returns the text, `undefined` for a blank field, or a {@link FormatProblem}
 */
export function formatValue(
  value: unknown,
  kind: ValueKind,
  context: FormatContext,
): string | undefined | FormatProblem {
  if (value === undefined || value === null) return undefined;
  switch (kind) {
    case 'date':
      if (typeof value === 'string' && isIsoDate(value)) return formatVnDate(value);
      return new FormatProblem(
        typeof value === 'string'
          ? 'a date must be an ISO calendar date (yyyy-mm-dd), as records hold them.'
          : `${describe(value)} is not a date: records hold dates as ISO text (yyyy-mm-dd).`,
      );
    case 'sex':
      if (value === '1' || value === 1) return 'Nam';
      if (value === '2' || value === 2) return 'Nữ';
      return plainText(value, kind);
    case 'flag':
      if (value === true) return 'x';
      if (value === false) return context.blank === 'absent' ? 'Không' : undefined;
      return plainText(value, kind);
    case 'boolean':
      if (value === true) return 'Có';
      if (value === false) return 'Không';
      return plainText(value, kind);
    case 'decimal':
    case 'integer': {
      if (typeof value === 'number' && Number.isFinite(value)) {
        const text = plainNumber(value);
        return context.decimalSeparator === ',' ? text.replace('.', ',') : text;
      }
      return plainText(value, kind);
    }
    default:
      return plainText(value, kind);
  }
}
