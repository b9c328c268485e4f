import { matchKey } from '@eduvn/text';

/**
 * A TT27 assessment period, as the standard's `kyDanhGia` codes it (catalog `DM_KY_DANH_GIA`):
 * `GK1` mid-semester 1, `CK1` end of semester 1, `GK2` mid-semester 2, `CN` end of year.
 */
export type SmasPeriod = 'GK1' | 'CK1' | 'GK2' | 'CN';

/** The four periods in school-year order. */
export const SMAS_PERIODS: readonly SmasPeriod[] = Object.freeze(['GK1', 'CK1', 'GK2', 'CN']);

/**
 * The period titles this adapter recognises, by period: the first is the one SMAS writes (and the
 * one {@link smasAdapter}'s writer uses); the others are variants seen in school-built files.
 * They are examples of a pattern, not a closed list: {@link findPeriods} reads any of them in any
 * case, with or without diacritics, in NFC or NFD, in old or new tone style, with Roman or Arabic
 * numerals, inside a longer title (`BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CUỐI KỲ I NĂM HỌC 2024-2025`).
 *
 * `Cuối học kỳ II` is read as `CN`: TT27 has no separate end-of-semester-2 assessment, the end of
 * the year is the end of semester 2.
 */
export const PERIOD_TITLES: Readonly<Record<SmasPeriod, readonly string[]>> = Object.freeze({
  GK1: Object.freeze([
    'Giữa kỳ I',
    'Giữa học kỳ I',
    'Giữa học kỳ 1',
    'Giữa HK1',
    'Giữa HKI',
    'Giữa kì 1',
  ]),
  CK1: Object.freeze([
    'Cuối kỳ I',
    'Cuối học kỳ I',
    'Cuối học kỳ 1',
    'Cuối HK1',
    'Cuối HKI',
    'Cuối kì 1',
  ]),
  GK2: Object.freeze([
    'Giữa kỳ II',
    'Giữa học kỳ II',
    'Giữa học kỳ 2',
    'Giữa HK2',
    'Giữa HKII',
    'Giữa kì 2',
  ]),
  CN: Object.freeze([
    'Cuối năm',
    'Cuối năm học',
    'CUỐI NĂM HỌC',
    'Cuối học kỳ II',
    'Cuối HK2',
    'Cuối kỳ II',
  ]),
});

/** The name of each period in English, for messages. */
export const PERIOD_NAMES: Readonly<Record<SmasPeriod, string>> = Object.freeze({
  GK1: 'mid-semester 1',
  CK1: 'end of semester 1',
  GK2: 'mid-semester 2',
  CN: 'end of year',
});

/**
 * A period in a match key (see `matchKey`: lower case, no diacritics, punctuation folded into
 * spaces): `giữa`/`cuối`, then `học kỳ`, `học kì`, `kỳ`, `kì` or `HK`, then `I`, `II`, `1` or
 * `2` (joined or apart: `hk1`, `hk i`, `hkii`); or `cuối năm` (`học`).
 */
const SEMESTER = /(?<![a-z0-9])(giua|cuoi) ?(?:hoc ky|hoc ki|ky|ki|hk) ?(ii|i|2|1)(?![a-z0-9])/g;
const END_OF_YEAR = /(?<![a-z0-9])cuoi nam(?![a-z0-9])/g;

/**
 * Every assessment period a text names, in the order they first appear, each once. Case,
 * diacritics, tone style, NFC/NFD, line breaks and punctuation never matter; numerals may be
 * Roman or Arabic (see {@link PERIOD_TITLES}).
 *
 * @param text - a title, a sheet name, any text
 * @returns the periods named, possibly none, possibly several (a title that names two periods is
 * ambiguous: the caller decides)
 *
 * @example
 * ```ts
 * findPeriods('BẢNG TỔNG HỢP ĐÁNH GIÁ GIỮA HỌC KỲ 1 - NĂM HỌC 2024-2025') // ['GK1']
 * findPeriods('cuoi hkii') // ['CN']
 * findPeriods('Danh sách học sinh') // []
 * ```
 */
export function findPeriods(text: string): SmasPeriod[] {
  if (typeof text !== 'string' || text === '') return [];
  const key = matchKey(text);
  const found: { at: number; period: SmasPeriod }[] = [];
  for (const m of key.matchAll(SEMESTER)) {
    const mid = m[1] === 'giua';
    const first = m[2] === 'i' || m[2] === '1';
    const period: SmasPeriod = mid ? (first ? 'GK1' : 'GK2') : first ? 'CK1' : 'CN';
    found.push({ at: m.index, period });
  }
  for (const m of key.matchAll(END_OF_YEAR)) found.push({ at: m.index, period: 'CN' });
  found.sort((a, b) => a.at - b.at);
  const out: SmasPeriod[] = [];
  for (const { period } of found) if (!out.includes(period)) out.push(period);
  return out;
}

/**
 * The one assessment period a text names, or `undefined` when it names none or several different
 * ones (never a guess). See {@link findPeriods}.
 *
 * @param text - a title, a sheet name, any text
 *
 * @example
 * ```ts
 * parsePeriod('Cuối kỳ I') // 'CK1'
 * parsePeriod('CUỐI NĂM HỌC 2024-2025') // 'CN'
 * parsePeriod('Giữa kỳ I và Cuối kỳ I') // undefined (two periods)
 * ```
 */
export function parsePeriod(text: string): SmasPeriod | undefined {
  const periods = findPeriods(text);
  return periods.length === 1 ? periods[0] : undefined;
}

/** Whether a value is one of the four {@link SmasPeriod} codes. */
export function isSmasPeriod(value: unknown): value is SmasPeriod {
  return typeof value === 'string' && (SMAS_PERIODS as readonly string[]).includes(value);
}
