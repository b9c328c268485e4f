import { PERIOD_NAMES, PERIOD_TITLES, type SmasPeriod } from './period.ts';
import { gradeOfClass, readSmasTitle, type SmasTitle } from './title.ts';

/** What {@link smasAdapter} is told about the files it reads: what a file may not say. */
export interface SmasOptions {
  /** The school's code (`truongId`, QĐ 4998 `TRUONG_ID`, ≤ 15 characters): files never carry it. */
  readonly truongId: string;
  /**
   * The school year (`'2024-2025'`) for sheets whose title names none. A year in the title wins
   * (with a warning from {@link readSmas} when they differ).
   */
  readonly namHoc?: string;
  /**
   * The grade 1–5 for sheets that say nothing about it (no `Khối 3` in the title and no class name
   * starting with its grade). What the file says wins (with a warning from {@link readSmas} when
   * they differ).
   */
  readonly khoi?: number;
  /**
   * The assessment period for sheets whose title names none — as the Ministry's import form asks
   * for one. A period in the title wins (with a warning). Never used for a sheet whose title names
   * several periods, or whose title and name disagree: the period is never guessed.
   */
  readonly kyDanhGia?: SmasPeriod;
}

/** The fields a sheet's context fills. */
export type ContextField = 'kyDanhGia' | 'namHoc' | 'maLop' | 'khoi';

/** What a sheet's title, its name and the options give every record of the sheet. */
export interface SheetContext {
  /** The values every record of the sheet gets (a class column's value overrides `maLop`). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Why a context field has no value, for the records that lack it. */
  readonly missing: Readonly<Partial<Record<ContextField, string>>>;
  /** Things worth a look about the whole sheet (the file and the options disagree). */
  readonly warnings: readonly string[];
}

type Choice<T> =
  | { readonly kind: 'value'; readonly value: T; readonly from: 'title' | 'sheet name' }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly reason: string };

function pick<T>(
  title: readonly T[],
  name: readonly T[],
  [what, whats]: readonly [string, string],
  show: (value: T) => string,
): Choice<T> {
  const list = (values: readonly T[]) => values.map(show).join(', ');
  if (title.length > 1) {
    return { kind: 'ambiguous', reason: `the title names several ${whats} (${list(title)})` };
  }
  const [fromTitle] = title;
  if (fromTitle !== undefined) {
    const other = name.find((v) => v !== fromTitle);
    if (other !== undefined) {
      return {
        kind: 'ambiguous',
        reason: `the title names the ${what} ${show(fromTitle)} but the sheet name ${show(other)}`,
      };
    }
    return { kind: 'value', value: fromTitle, from: 'title' };
  }
  if (name.length > 1) {
    return { kind: 'ambiguous', reason: `the sheet name names several ${whats} (${list(name)})` };
  }
  const [fromName] = name;
  return fromName === undefined
    ? { kind: 'none' }
    : { kind: 'value', value: fromName, from: 'sheet name' };
}

const showPeriod = (p: SmasPeriod): string => `"${PERIOD_TITLES[p][0]}" (${p}, ${PERIOD_NAMES[p]})`;
const quoted = (s: string | number): string => `"${String(s)}"`;

/**
 * The context of one sheet: the period, school year, class and grade its title block (or, failing
 * that, its name) states, with the options as fallbacks, and the reason for every field left
 * without a value. Two different values in the title, or a title and a sheet name that disagree,
 * leave the field without a value: nothing is guessed.
 *
 * @param sheetName - the sheet's name
 * @param titleTexts - the texts of the cells above the header
 * @param options - the adapter's options
 */
export function sheetContext(
  sheetName: string,
  titleTexts: readonly string[],
  options: SmasOptions,
): SheetContext {
  const title: SmasTitle = readSmasTitle(titleTexts);
  const named: SmasTitle = readSmasTitle([sheetName]);
  const values: Record<string, unknown> = { truongId: options.truongId };
  const missing: Partial<Record<ContextField, string>> = {};
  const warnings: string[] = [];
  const sheet = JSON.stringify(sheetName);

  const period = pick(title.periods, named.periods, ['period', 'periods'], showPeriod);
  if (period.kind === 'value') {
    values['kyDanhGia'] = period.value;
    if (options.kyDanhGia !== undefined && options.kyDanhGia !== period.value) {
      warnings.push(
        `Sheet ${sheet}: the ${period.from} names the period ${showPeriod(period.value)}, but smasAdapter() was given ${options.kyDanhGia}; the ${period.from}'s period was used.`,
      );
    }
  } else if (period.kind === 'none' && options.kyDanhGia !== undefined) {
    values['kyDanhGia'] = options.kyDanhGia;
  } else {
    missing.kyDanhGia =
      period.kind === 'ambiguous'
        ? `No assessment period: ${period.reason} on sheet ${sheet}. The period is never guessed: keep one period per sheet and correct the title or the sheet name.`
        : `No assessment period: the title above the header of sheet ${sheet} names none (such as "Giữa kỳ I", "Cuối kỳ I", "Giữa kỳ II" or "Cuối năm"), nor does the sheet's name, and smasAdapter() was given no kyDanhGia. The period is never guessed: write it in the title, or pass { kyDanhGia } to smasAdapter().`;
  }

  const year = pick(title.schoolYears, named.schoolYears, ['school year', 'school years'], quoted);
  if (year.kind === 'value') {
    values['namHoc'] = year.value;
    if (options.namHoc !== undefined && options.namHoc !== year.value) {
      warnings.push(
        `Sheet ${sheet}: the ${year.from} names the school year ${year.value}, but smasAdapter() was given ${options.namHoc}; the ${year.from}'s year was used.`,
      );
    }
  } else if (year.kind === 'none' && options.namHoc !== undefined) {
    values['namHoc'] = options.namHoc;
  } else {
    missing.namHoc =
      year.kind === 'ambiguous'
        ? `No school year: ${year.reason} on sheet ${sheet}. Correct the title or the sheet name.`
        : `No school year: the title above the header of sheet ${sheet} names none (such as "Năm học 2024-2025") and smasAdapter() was given no namHoc. Write it in the title, or pass { namHoc } to smasAdapter().`;
  }

  const lop = pick(title.classes, named.classes, ['class', 'classes'], quoted);
  if (lop.kind === 'value') values['maLop'] = lop.value;
  missing.maLop =
    lop.kind === 'ambiguous'
      ? `No class: the row has no value in a "Lớp" column, and ${lop.reason} on sheet ${sheet}. Add a "Lớp" column, or correct the title.`
      : `No class: the row has no value in a "Lớp" column, and the title of sheet ${sheet} names no class (such as "Lớp: 3A"). Add one of them.`;

  const fromClass = lop.kind === 'value' ? gradeOfClass(lop.value) : undefined;
  const grade = pick(title.grades, named.grades, ['grade', 'grades'], quoted);
  let khoi: number | undefined;
  let source = '';
  if (grade.kind === 'value') {
    khoi = grade.value;
    source = `the ${grade.from} ("Khối ${grade.value}")`;
    if (fromClass !== undefined && fromClass !== khoi) {
      warnings.push(
        `Sheet ${sheet}: the ${grade.from} names grade ${khoi}, but its class ${lop.kind === 'value' ? quoted(lop.value) : ''} is named like a class of grade ${fromClass}; grade ${khoi} was used.`,
      );
    }
  } else if (grade.kind === 'none' && fromClass !== undefined) {
    khoi = fromClass;
    source = `the class name ${lop.kind === 'value' ? quoted(lop.value) : ''}`;
  }
  if (khoi !== undefined) {
    values['khoi'] = khoi;
    if (options.khoi !== undefined && options.khoi !== khoi) {
      warnings.push(
        `Sheet ${sheet}: ${source} gives grade ${khoi}, but smasAdapter() was given ${options.khoi}; grade ${khoi} was used.`,
      );
    }
  } else if (grade.kind === 'none' && options.khoi !== undefined) {
    values['khoi'] = options.khoi;
  }
  missing.khoi =
    grade.kind === 'ambiguous'
      ? `No grade: ${grade.reason} on sheet ${sheet}. Correct the title.`
      : `No grade: the title of sheet ${sheet} names none (such as "Khối 3"), the class is not named after its grade (as "3A" is), and smasAdapter() was given no khoi. Pass { khoi } to smasAdapter().`;
  return { values, missing, warnings };
}
