/**
 * The quote prefix against CSV (formula) injection, and its exact inverse.
 *
 * A spreadsheet that opens a CSV file runs a field starting with `=`, `+`, `-` or `@` as a formula
 * (and a leading tab or carriage return can hide one). OWASP's advice is to put a single quote
 * `'` in front of such a field. This module does that, and undoes it when reading, so that
 * `unquoteFormula(quoteFormula(text)) === text` for every text:
 *
 * - writing: a field that starts with zero or more `'` followed by `=`, `+`, `-`, `@`, a tab or a
 *   carriage return gets one more `'` in front (`=SUM(A1)` → `'=SUM(A1)`, `'=x` → `''=x`);
 * - reading: a field that starts with one or more `'` followed by one of those characters loses
 *   its first `'`. Nothing else is touched: `'0123`, `O'Neil` and `'` alone stay as they are.
 *
 * The trade-off: a file from elsewhere whose field really is `'-5` (the apostrophe meant as part
 * of the value) is read as `-5`. Spreadsheet programs themselves read a leading `'` as "this is
 * text" and never show it, so such values are almost never intended.
 *
 * @module
 */

/** Whether a UTF-16 code unit is one that makes a spreadsheet read a field as a formula. */
function isTrigger(code: number): boolean {
  // = + - @ tab CR
  return code === 61 || code === 43 || code === 45 || code === 64 || code === 9 || code === 13;
}

/** The index of the first character of `text` that is not `'`. */
function afterQuotes(text: string): number {
  let i = 0;
  while (text.charCodeAt(i) === 39) i++;
  return i;
}

/**
 * Whether a spreadsheet would take the text for a formula: it starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return.
 *
 * @param text - a field's text
 */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && isTrigger(text.charCodeAt(0));
}

/**
 * The text as it must be written to a CSV field so that no spreadsheet runs it: with a `'` in
 * front when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return — or with `'`s
 * followed by one of them, so that {@link unquoteFormula} gives the text back exactly.
 *
 * @param text - the value
 * @returns the text to write
 *
 * @example
 * ```ts
 * quoteFormula('=HYPERLINK("http://example.invalid")') // "'=HYPERLINK(\"http://example.invalid\")"
 * quoteFormula('-1') // "'-1"
 * quoteFormula('Nguyễn Văn An') // 'Nguyễn Văn An'
 * ```
 */
export function quoteFormula(text: string): string {
  const at = afterQuotes(text);
  return at < text.length && isTrigger(text.charCodeAt(at)) ? `'${text}` : text;
}

/**
 * The inverse of {@link quoteFormula}: a field read from a CSV file that starts with `'`s followed
 * by `=`, `+`, `-`, `@`, a tab or a carriage return loses its first `'`; any other text is
 * returned as it is.
 *
 * @param text - a field as read
 * @returns the value
 */
export function unquoteFormula(text: string): string {
  const at = afterQuotes(text);
  return at > 0 && at < text.length && isTrigger(text.charCodeAt(at)) ? text.slice(1) : text;
}
