/** The outcome of {@link parseNumberText}. */
export type ParsedNumber =
  | {
      /** A number was read. */
      readonly ok: true;
      /** The number. */
      readonly value: number;
      /** How an ambiguous separator was read. */
      readonly warning?: string;
    }
  | {
      /** The text is not a number. */
      readonly ok: false;
    };

const FAILED: ParsedNumber = Object.freeze({ ok: false });

/** Whether digit groups after the first are thousands groups: first 1–3 digits, others 3. */
function thousands(groups: readonly string[]): boolean {
  const [first, ...rest] = groups;
  return (
    first !== undefined &&
    first.length >= 1 &&
    first.length <= 3 &&
    rest.every((g) => g.length === 3)
  );
}

function finite(text: string, warning?: string): ParsedNumber {
  const value = Number(text);
  if (!Number.isFinite(value)) return FAILED;
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

/**
 * Reads a number written as text, with a decimal comma (Vietnamese) or point (English), and
 * thousands separators where they are unambiguous:
 *
 * - `'7,5'` and `'7.5'` are 7.5 — one `.` or `,` is a decimal separator…
 * - …except in `'integer'` mode when exactly three digits follow it and at most three, not a lone
 *   zero, precede it: `'1.234'` is then 1234 (Vietnamese thousands), with a warning. In
 *   `'decimal'` mode `'1.234'` stays 1.234, with a warning that it could have meant 1234;
 * - a separator used twice or more, or a space, separates thousands: `'1.234.567'`,
 *   `'1,234,567'`, `'1 234'` (the groups after the first must have three digits);
 * - both kinds: the last is the decimal separator and the other separates thousands:
 *   `'1.234,5'` and `'1,234.5'` are 1234.5;
 * - a leading `+` or `-` is allowed; anything else (letters, `1e5`, `%`, misplaced groups such as
 *   `'1.2.3'`) is not a number.
 *
 * @param text - the cleaned cell text (see {@link cellText})
 * @param mode - whether a whole number is expected
 */
export function parseNumberText(text: string, mode: 'integer' | 'decimal'): ParsedNumber {
  const m = /^([+-]?)(\d[\d., ]*)$/.exec(text);
  const sign = m?.[1] ?? '';
  const body = m?.[2];
  if (body === undefined || /[., ]$/.test(body) || /[., ]{2}/.test(body)) return FAILED;
  const parts = body.split(/([., ])/);
  const digits = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  const [firstSep] = seps;
  if (firstSep === undefined) return finite(sign + body);
  const kinds = new Set(seps);
  if (kinds.size === 1) {
    if (firstSep === ' ' || seps.length > 1) {
      return thousands(digits) ? finite(sign + digits.join('')) : FAILED;
    }
    const [whole = '', fraction = ''] = digits;
    const groupLike = fraction.length === 3 && whole.length <= 3 && whole !== '0';
    if (mode === 'integer' && groupLike) {
      return finite(
        sign + whole + fraction,
        `'${text}' was read as ${sign}${whole}${fraction}: the '${firstSep}' was taken as a thousands separator.`,
      );
    }
    const warning =
      mode === 'decimal' && groupLike
        ? `'${text}' was read as ${sign}${whole}.${fraction}; if the '${firstSep}' separates thousands, write ${sign}${whole}${fraction}.`
        : undefined;
    return finite(`${sign}${whole}.${fraction}`, warning);
  }
  if (kinds.size !== 2) return FAILED;
  const decimal = seps[seps.length - 1];
  const groups = seps.slice(0, -1);
  const group = groups[0];
  if (decimal === ' ' || group === decimal || groups.some((g) => g !== group)) return FAILED;
  const fraction = digits[digits.length - 1] ?? '';
  const whole = digits.slice(0, -1);
  return thousands(whole) ? finite(`${sign}${whole.join('')}.${fraction}`) : FAILED;
}
