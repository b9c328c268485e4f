import type { HeaderTerm } from '../layout/types.ts';
import { type ConvertOptions, isValueKind, type ValueKind } from './value-kind.ts';

/**
 * The header(s) a mapping column is found by:
 *
 * - a text: the canonical header (`'Họ tên'`);
 * - an array of texts: the canonical header first, then aliases (`['Họ tên', 'Họ và tên']`);
 * - `{ path }`: a path through a multi-row header, from an upper row down to the column's own
 *   header (`{ path: ['Toán', 'Mức đạt được'] }`); upper rows may be skipped, so the path fits
 *   `Môn học và hoạt động giáo dục › Toán › Mức đạt được`;
 * - `{ paths }`: several such paths, the first canonical.
 *
 * Matching ignores case, diacritics, tone style, NFC/NFD, line breaks, punctuation and `(*)`
 * markers (see {@link HeaderTerm}).
 */
export type HeaderSpec =
  | string
  | readonly string[]
  | {
      /** A path through a multi-row header, upper row first. */
      readonly path: readonly string[];
    }
  | {
      /** Several paths, the first canonical. */
      readonly paths: readonly (readonly string[])[];
    };

/** Options of one mapping column: its converter's options, and whether the field is required. */
export interface ColumnOptions extends ConvertOptions {
  /**
   * The field must have a value: a missing column is an error of the whole sheet (reported by
   * {@link bindMapping}) and a blank cell an error of the row (reported by {@link mapRow}).
   */
  readonly required?: boolean;
}

/** One column of a mapping, as {@link column} makes it. */
export interface ColumnSpec {
  /** The header term it is found by. */
  readonly term: HeaderTerm;
  /** How its cells are read. */
  readonly kind: ValueKind;
  /** Its options. */
  readonly options: ColumnOptions;
}

/** Column specs made by {@link column}: only they are accepted by {@link defineMapping}. */
const made = new WeakSet<ColumnSpec>();

/** Whether a value is a {@link ColumnSpec} made by {@link column}. */
export function isColumnSpec(value: unknown): value is ColumnSpec {
  return typeof value === 'object' && value !== null && made.has(value as ColumnSpec);
}

function texts(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`column: ${what} must be a non-empty array of header texts`);
  }
  for (const t of value) {
    if (typeof t !== 'string' || t.trim() === '') {
      throw new TypeError(`column: ${what} must hold non-empty header texts`);
    }
  }
  return [...(value as string[])];
}

function termOf(headers: HeaderSpec): HeaderTerm {
  if (typeof headers === 'string') {
    if (headers.trim() === '') throw new TypeError('column: the header text is empty');
    return { label: headers };
  }
  if (Array.isArray(headers)) {
    const [label, ...aliases] = texts(headers, 'the headers');
    return aliases.length === 0 ? { label: label ?? '' } : { label: label ?? '', aliases };
  }
  if (typeof headers === 'object' && headers !== null) {
    if ('path' in headers) {
      const path = texts(headers.path, 'path');
      return { label: path.join(' › '), paths: [path] };
    }
    if ('paths' in headers && Array.isArray(headers.paths) && headers.paths.length > 0) {
      const paths = headers.paths.map((p, i) => texts(p, `paths[${i}]`));
      return { label: (paths[0] ?? []).join(' › '), paths };
    }
  }
  throw new TypeError('column: headers must be a text, an array of texts, { path } or { paths }');
}

/** Which kind each kind-specific option belongs to. */
const OPTION_KINDS: Readonly<
  Record<Exclude<keyof ColumnOptions, 'required' | 'hideValue'>, ValueKind>
> = {
  pad: 'code',
  blank: 'flag',
  dateSystem: 'date',
  format: 'name',
};

function checkOptions(kind: ValueKind, options: ColumnOptions): void {
  for (const [option, owner] of Object.entries(OPTION_KINDS)) {
    if ((options as Record<string, unknown>)[option] !== undefined && owner !== kind) {
      throw new TypeError(`column: option ${option} applies to '${owner}' columns, not '${kind}'`);
    }
  }
  const { pad, blank, dateSystem } = options;
  if (pad !== undefined && !(Number.isInteger(pad) && pad >= 1 && pad <= 50)) {
    throw new RangeError(`column: pad must be a whole number from 1 to 50, got ${String(pad)}`);
  }
  if (blank !== undefined && blank !== 'false' && blank !== 'absent') {
    throw new RangeError(`column: blank must be 'false' or 'absent', got ${String(blank)}`);
  }
  if (dateSystem !== undefined && dateSystem !== '1900' && dateSystem !== '1904') {
    throw new RangeError(`column: dateSystem must be '1900' or '1904', got ${String(dateSystem)}`);
  }
}

/**
 * One column of a mapping: the header(s) it is found by, how its cells are read, and options.
 *
 * @param headers - the canonical header and aliases, or a path through a multi-row header
 * @param kind - how to read the cells (see {@link ValueKind})
 * @param options - `required`, and the kind's options (`pad` for codes, `blank` for flags,
 * `dateSystem` for dates, `format` for names)
 * @throws TypeError for an empty header, an unknown kind, or an option of another kind
 * @throws RangeError for an option value out of range
 *
 * @example
 * ```ts
 * column(['Mã học sinh', 'Mã HS'], 'code')
 * column(['Họ tên', 'Họ và tên'], 'name', { required: true })
 * column(['Dân tộc'], 'code', { pad: 2 })
 * column({ path: ['Toán', 'Mức đạt được'] }, 'subjectLevel')
 * ```
 */
export function column(
  headers: HeaderSpec,
  kind: ValueKind,
  options: ColumnOptions = {},
): ColumnSpec {
  const term = termOf(headers);
  if (!isValueKind(kind)) throw new TypeError(`column: unknown value kind ${String(kind)}`);
  checkOptions(kind, options);
  const spec: ColumnSpec = Object.freeze({
    term: Object.freeze(term),
    kind,
    options: Object.freeze({ ...options }),
  });
  made.add(spec);
  return spec;
}
