import { matchKey, normalizeText } from '@eduvn/text';
import { findPeriods, type SmasPeriod } from './period.ts';

/** What a sheet's title block (or its name) says about the records below it. */
export interface SmasTitle {
  /** The assessment periods named, each once, in order of appearance. */
  readonly periods: readonly SmasPeriod[];
  /** The school years named (`'2024-2025'`), each once. */
  readonly schoolYears: readonly string[];
  /** The classes named after `Lớp` (`'3A'`, `'4/1'`), each once. */
  readonly classes: readonly string[];
  /** The grades named after `Khối` (`Khối 3`, `Khối lớp 3`), each once. */
  readonly grades: readonly number[];
}

/** `Năm học 2024-2025`, `NĂM HỌC: 2024 - 2025`, `năm học 2024-25` (in a match key). */
const LABELLED_YEAR = /(?<![a-z0-9])nam hoc (\d{4}) (\d{4}|\d{2})(?![0-9])/g;
/** A bare `2024-2025` (in the text itself: the dash matters). */
const BARE_YEAR = /(?<!\d)(\d{4})\s*[-–—/]\s*(\d{4})(?!\d)/g;
/** `Khối 3`, `KHỐI LỚP: 3` (in a match key). */
const GRADE = /(?<![a-z0-9])khoi(?: lop)? ([1-5])(?![0-9])/g;
/**
 * `Lớp: 3A`, `LỚP 3A1`, `Lop 4/1` (in NFC text): the label with or without its diacritics, then
 * a class name of letters, digits and `/ . _ -` that holds a digit.
 */
const CLASS =
  /(?<![\p{L}\p{N}])l[oóòỏõọơớờởỡợ]p(?![\p{L}\p{N}])\s*[:.]?\s*([\p{L}\p{N}][\p{L}\p{N}/._-]*)/giu;

/**
 * The most characters of a title text looked at (Excel's longest cell), whatever the reader's
 * limits: every pattern below runs in time linear in its input, on bounded input.
 */
const MAX_TITLE = 32_767;

/** The longest class name taken (`MA_LOP` holds 10 characters; names are shorter). */
const MAX_CLASS = 20;

/** A class name without the trailing `.`, `_` and `-` a title may put after it (no pattern). */
function trimSeparators(name: string): string {
  let end = name.length;
  while (end > 0) {
    const c = name.charCodeAt(end - 1);
    if (c !== 0x2e && c !== 0x5f && c !== 0x2d) break;
    end--;
  }
  return name.slice(0, end);
}

function schoolYear(first: string, second: string): string | undefined {
  const start = Number(first);
  const end = second.length === 2 ? Math.floor(start / 100) * 100 + Number(second) : Number(second);
  if (end !== start + 1 || start < 1900 || start > 2999) return undefined;
  return `${start}-${end}`;
}

function add<T>(list: T[], value: T | undefined): void {
  if (value !== undefined && !list.includes(value)) list.push(value);
}

/**
 * Reads what title texts say about the records below them: the assessment period (see
 * {@link findPeriods}), the school year (`Năm học 2024-2025`, or a bare `2024-2025` whose years
 * follow each other), the class (`Lớp: 3A` — a name holding a digit, so `lớp học` is no class) and
 * the grade (`Khối 3`). Case, diacritics, NFC/NFD and line breaks never matter. Each list holds what
 * was found, each value once: several different values make the text ambiguous, and the caller
 * decides (this adapter then uses none of them). Only the first 32,767 characters of each text are
 * read, with patterns that take time linear in the text (a title of hostile runs of `-` costs no
 * more than any other), and a "class" longer than 20 characters is none.
 *
 * @param texts - the texts of the title cells (or a sheet name)
 *
 * @example
 * ```ts
 * readSmasTitle(['KẾT QUẢ ĐÁNH GIÁ CUỐI KỲ I', 'Lớp: 3A - Năm học: 2024-2025'])
 * // { periods: ['CK1'], schoolYears: ['2024-2025'], classes: ['3A'], grades: [] }
 * ```
 */
export function readSmasTitle(texts: readonly string[]): SmasTitle {
  const periods: SmasPeriod[] = [];
  const schoolYears: string[] = [];
  const classes: string[] = [];
  const grades: number[] = [];
  for (const raw of texts) {
    if (typeof raw !== 'string') continue;
    const head = raw.length > MAX_TITLE ? raw.slice(0, MAX_TITLE) : raw;
    if (head.trim() === '') continue;
    const text = normalizeText(head);
    const key = matchKey(text);
    for (const period of findPeriods(text)) add(periods, period);
    for (const m of key.matchAll(LABELLED_YEAR))
      add(schoolYears, schoolYear(m[1] ?? '', m[2] ?? ''));
    for (const m of text.matchAll(BARE_YEAR)) add(schoolYears, schoolYear(m[1] ?? '', m[2] ?? ''));
    for (const m of key.matchAll(GRADE)) add(grades, Number(m[1]));
    for (const m of text.matchAll(CLASS)) {
      const name = trimSeparators(m[1] ?? '');
      if (name.length <= MAX_CLASS && /\d/.test(name)) add(classes, name);
    }
  }
  return { periods, schoolYears, classes, grades };
}

/**
 * The grade a class name implies by the Vietnamese convention of naming classes after their grade
 * (`3A`, `3A1`, `4/2` → 3, 3, 4), or `undefined` when the name does not start with a single digit
 * 1–5.
 *
 * @param className - the class name
 */
export function gradeOfClass(className: string): number | undefined {
  const m = /^([1-5])(?![0-9])/.exec(className.trim());
  return m ? Number(m[1]) : undefined;
}
