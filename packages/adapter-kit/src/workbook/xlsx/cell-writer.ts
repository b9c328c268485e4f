import { type ExcelDateSystem, formatVnDate, isoToExcelSerial } from '@eduvn/text';
import { escapeXmlText } from './xml-text.ts';

/**
 * A value to write into a cell:
 *
 * - a string: text (an inline string); text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 *   return gets a `quotePrefix` style, so that Excel shows it literally and never evaluates it;
 * - a number (finite) or a boolean;
 * - `null`: no value (an empty cell; a template cell keeps its style);
 * - `{ date: 'yyyy-mm-dd' }`: a calendar date — an Excel serial with a date format, or the text
 *   `dd/mm/yyyy` when the writer is asked for text dates;
 * - `{ text: '…' }`: text that must stay text (codes with leading zeros such as `'001234'`),
 *   written with the text number format `@` by {@link writeXlsx}.
 *
 * Formulas are never written.
 */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | {
      /** An ISO calendar date, `yyyy-mm-dd`. */
      readonly date: string;
    }
  | {
      /** Text kept as text (never read as a number or a date by a spreadsheet). */
      readonly text: string;
    };

/** Excel's longest cell text. */
const MAX_TEXT = 32_767;

/**
 * Whether text would be taken for a formula by a spreadsheet (CSV/formula injection): it starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return.
 *
 * @internal
 */
export function isFormulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * How a cell writer picks style indexes (`s`) from the cell's base style (the template cell's
 * style, or 0).
 *
 * @internal
 */
export interface CellStyler {
  /** Style of text written from `{ text }`. */
  text(base: number): number;
  /** Style of formula-like text: the base (or text style) with `quotePrefix="1"`. */
  quoted(base: number, forcedText: boolean): number;
  /** Style of a date written as a serial number. */
  date(base: number): number;
  /** Whether a date is written as a serial number (else as `dd/mm/yyyy` text). */
  dateAsSerial(base: number): boolean;
}

/**
 * The parts of a cell's XML that depend on the sheet: the namespace prefix of its elements (`''`
 * or `'x:'`) and the workbook's date system.
 *
 * @internal
 */
export interface CellWriting {
  /** The prefix of SpreadsheetML elements in the sheet (`''` almost always). */
  readonly prefix: string;
  /** The workbook's date system, for serials. */
  readonly dateSystem: ExcelDateSystem;
  /** Picks styles. */
  readonly styler: CellStyler;
}

function describe(input: unknown): string {
  return input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
}

function textCell(w: CellWriting, ref: string, style: number, text: string): string {
  if (text.length > MAX_TEXT) {
    throw new RangeError(
      `Cell ${ref}: text of ${text.length} characters is longer than Excel's ${MAX_TEXT}.`,
    );
  }
  const p = w.prefix;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const space = first <= 32 || last <= 32 ? ' xml:space="preserve"' : '';
  const s = style === 0 ? '' : ` s="${style}"`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeXmlText(text)}</${p}t></${p}is></${p}c>`;
}

function valueCell(
  w: CellWriting,
  ref: string,
  style: number,
  type: string,
  value: string,
): string {
  const p = w.prefix;
  const s = style === 0 ? '' : ` s="${style}"`;
  return `<${p}c r="${ref}"${s}${type}><${p}v>${value}</${p}v></${p}c>`;
}

/**
 * The XML of one cell, or `''` for `null` without a style to keep.
 *
 * @param w - Prefix, date system and styles.
 * @param ref - The cell's A1 reference.
 * @param input - The value.
 * @param base - The style the cell would have without this value (a template's, or 0).
 * @throws RangeError on a non-finite number, an invalid ISO date, text longer than 32,767
 * characters, or a value that is not a {@link CellInput}.
 * @internal
 */
export function cellXml(w: CellWriting, ref: string, input: CellInput, base: number): string {
  switch (typeof input) {
    case 'string':
      return textCell(w, ref, isFormulaLike(input) ? w.styler.quoted(base, false) : base, input);
    case 'number': {
      if (!Number.isFinite(input))
        throw new RangeError(`Cell ${ref}: ${input} cannot be stored in a workbook.`);
      return valueCell(w, ref, base, '', String(input === 0 ? 0 : input));
    }
    case 'boolean':
      return valueCell(w, ref, base, ' t="b"', input ? '1' : '0');
    case 'object': {
      if (input === null) {
        return base === 0 ? '' : `<${w.prefix}c r="${ref}" s="${base}"/>`;
      }
      if ('date' in input && typeof input.date === 'string') {
        if (w.styler.dateAsSerial(base)) {
          const serial = isoToExcelSerial(input.date, w.dateSystem);
          return valueCell(w, ref, w.styler.date(base), '', String(serial));
        }
        return textCell(w, ref, base, formatVnDate(input.date));
      }
      if ('text' in input && typeof input.text === 'string') {
        const text = input.text;
        return textCell(
          w,
          ref,
          isFormulaLike(text) ? w.styler.quoted(base, true) : w.styler.text(base),
          text,
        );
      }
    }
  }
  throw new RangeError(
    `Cell ${ref}: expected a string, a number, a boolean, null, { date } or { text }, got ${describe(input)}.`,
  );
}
