import { maskText } from '@eduvn/standard';

/** The most characters of a value a problem text shows. */
const SHOWN = 24;

/** Runs of at least seven digits, possibly grouped by spaces, dots or hyphens (IDs, phones). */
const LONG_DIGITS = /\d(?:[ .-]?\d){6,}/g;

/**
 * A date with dots or hyphens, day first (`22.09.2020`) or ISO (`9999-12-31`): not an
 * identifier, left as it is.
 */
const DATE_LIKE = /^\d{1,2}([.-])\d{1,2}\1\d{4}$|^\d{4}-\d{2}-\d{2}$/;

/**
 * Numbers the SDK's own messages name, never personal data: `2958465`, the last day of Excel's
 * 1900 date system (9999-12-31), which date problems quote.
 */
const SDK_NUMBERS: ReadonlySet<string> = new Set(['2958465']);

/**
 * Masks every run of seven or more digits (personal IDs, phone numbers, pupil codes) the way
 * `maskText` does: at most the last three digits are kept (`'*********123'`). Dates written with
 * dots or hyphens (`22.09.2020`, `9999-12-31`) and the numbers the SDK's own messages name
 * (`2958465`, Excel's last serial day) are left alone, so that a message's constants are never
 * garbled.
 *
 * @param s - any text
 */
export function maskDigits(s: string): string {
  return s.replace(LONG_DIGITS, (run) =>
    DATE_LIKE.test(run) || SDK_NUMBERS.has(run) ? run : maskText(run),
  );
}

/**
 * A cell value as a problem text may quote it: in single quotes, long digit runs masked, cut after
 * 24 characters; or, with `hide`, only what kind of value it is (`a text of 12 characters`).
 *
 * @param value - the value
 * @param hide - describe without content (sensitive fields)
 */
export function describeValue(value: string | number | boolean, hide = false): string {
  if (hide) {
    if (typeof value === 'string') return `a text of ${[...value].length} characters`;
    return typeof value === 'number' ? 'a number' : 'a boolean';
  }
  const chars = [...maskDigits(String(value))];
  const shown = chars.length > SHOWN ? `${chars.slice(0, SHOWN).join('')}…` : chars.join('');
  return `'${shown}'`;
}
