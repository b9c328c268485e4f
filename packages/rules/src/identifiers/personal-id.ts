/**
 * The personal identification number (số định danh cá nhân, the number on the citizen ID card):
 * 12 digits `PPP G YY RRRRRR` (TT 59/2021/TT-BCA Art. 4; Luật Căn cước 2023 Art. 12).
 *
 * - `PPP`: where the birth was registered — `0` + the province's pre-2025 GSO code (catalog
 *   `DM_MA_TINH_DINH_DANH`), or a country code for births abroad. Numbers are never re-issued, so
 *   old prefixes stay valid after the 2025 merger.
 * - `G`: century and sex — 1900s male `0` / female `1`; 2000s `2`/`3`; 2100s `4`/`5`; 2200s
 *   `6`/`7`; 2300s `8`/`9`.
 * - `YY`: the last two digits of the birth year.
 * - `RRRRRR`: a serial.
 *
 * This is the rules engine's own reading of the format, written apart from the fixtures' generator
 * so that tests of one against the other do not share the code they check.
 *
 * @module
 */

import { maskText } from '@eduvn/standard';

/** A sex code of the standard (DM_GIOI_TINH): `'1'` Nam (male), `'2'` Nữ (female). */
export type SexCode = '1' | '2';

/** What {@link decodePersonalId} reads from a well-formed personal ID. */
export interface DecodedPersonalId {
  /** Always `true`. */
  readonly ok: true;
  /** `PPP`: the three-digit birth-registration prefix (province, or country for births abroad). */
  readonly prefix: string;
  /** `G`: the century-and-sex digit, 0–9. */
  readonly centuryDigit: number;
  /** The first year of the century `G` encodes (1900, 2000, 2100, 2200 or 2300). */
  readonly century: number;
  /** The sex `G` encodes, as a DM_GIOI_TINH code: `'1'` male (even `G`), `'2'` female (odd `G`). */
  readonly sex: SexCode;
  /** The year of birth: the century from `G` plus `YY`. */
  readonly birthYear: number;
  /** `RRRRRR`: the last six digits. */
  readonly serial: string;
}

/** Why a value is not a personal ID. */
export type PersonalIdProblem = 'not-a-string' | 'not-12-digits';

/** What {@link decodePersonalId} returns for a value that is not a personal ID. */
export interface PersonalIdFailure {
  /** Always `false`. */
  readonly ok: false;
  /** Why. */
  readonly reason: PersonalIdProblem;
  /** What is wrong, in English; never repeats the value. */
  readonly message: string;
}

/** The outcome of {@link decodePersonalId}. */
export type PersonalIdResult = DecodedPersonalId | PersonalIdFailure;

/**
 * The `G` digit's table (TT 59/2021/TT-BCA Art. 4): the century it starts and the sex, by digit.
 * Kept as a table, not arithmetic, so that it reads like the regulation.
 */
export const CENTURY_SEX_DIGITS: readonly (readonly [century: number, sex: SexCode])[] =
  Object.freeze([
    [1900, '1'],
    [1900, '2'],
    [2000, '1'],
    [2000, '2'],
    [2100, '1'],
    [2100, '2'],
    [2200, '1'],
    [2200, '2'],
    [2300, '1'],
    [2300, '2'],
  ] as const);

const TWELVE_DIGITS = /^[0-9]{12}$/;

/**
 * Decodes a 12-digit personal identification number into its birth-registration prefix, century
 * and sex, birth year and serial. It checks the form only (12 ASCII digits — every `G` and `YY` is
 * meaningful); whether the prefix is a known one and whether the year and sex agree with the
 * person's record are the rules' business (`ID.PERSONAL.*`).
 *
 * Never throws; the failure's message never repeats the value (a personal ID is sensitive).
 *
 * @example
 * ```ts
 * decodePersonalId('001318012345')
 * // { ok: true, prefix: '001', centuryDigit: 3, century: 2000, sex: '2', birthYear: 2018, serial: '012345' }
 * decodePersonalId('00131801234') // { ok: false, reason: 'not-12-digits', message: '… 11 characters …' }
 * ```
 */
export function decodePersonalId(id: unknown): PersonalIdResult {
  if (typeof id !== 'string') {
    return {
      ok: false,
      reason: 'not-a-string',
      message: `A personal ID is a text of 12 digits, not a value of type ${id === null ? 'null' : typeof id}`,
    };
  }
  if (!TWELVE_DIGITS.test(id)) {
    const length = [...id].length;
    const other = [...id].findIndex((c) => c < '0' || c > '9');
    const why =
      other >= 0
        ? `character ${other + 1} of ${length} is not a digit 0-9`
        : `it has ${length} digits`;
    return {
      ok: false,
      reason: 'not-12-digits',
      message: `A personal ID has exactly 12 digits: ${why}`,
    };
  }
  const centuryDigit = id.charCodeAt(3) - 48;
  const [century, sex] = CENTURY_SEX_DIGITS[centuryDigit] as readonly [number, SexCode];
  return {
    ok: true,
    prefix: id.slice(0, 3),
    centuryDigit,
    century,
    sex,
    birthYear: century + Number(id.slice(4, 6)),
    serial: id.slice(6),
  };
}

/** What {@link encodePersonalId} builds a personal ID from. */
export interface PersonalIdParts {
  /** Three digits. */
  readonly prefix: string;
  /** 1900–2399. */
  readonly birthYear: number;
  /** `'1'` male, `'2'` female. */
  readonly sex: SexCode;
  /** Six digits. */
  readonly serial: string;
}

/**
 * Builds a personal ID from its parts — the inverse of {@link decodePersonalId}, for tests and
 * tools. Throws a `RangeError` for a prefix that is not three digits, a year outside 1900–2399, a
 * sex other than `'1'`/`'2'` or a serial that is not six digits.
 *
 * @example
 * ```ts
 * encodePersonalId({ prefix: '079', birthYear: 2017, sex: '1', serial: '000123' }) // '079217000123'
 * ```
 */
export function encodePersonalId(parts: PersonalIdParts): string {
  const { prefix, birthYear, sex, serial } = parts;
  if (!/^[0-9]{3}$/.test(prefix))
    throw new RangeError('encodePersonalId: the prefix must be three digits');
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) {
    throw new RangeError(`encodePersonalId: the birth year must be 1900–2399, got ${birthYear}`);
  }
  if (sex !== '1' && sex !== '2') throw new RangeError(`encodePersonalId: sex must be '1' or '2'`);
  if (!/^[0-9]{6}$/.test(serial))
    throw new RangeError('encodePersonalId: the serial must be six digits');
  const century = birthYear - (birthYear % 100);
  const digit = CENTURY_SEX_DIGITS.findIndex(([c, s]) => c === century && s === sex);
  return `${prefix}${digit}${String(birthYear % 100).padStart(2, '0')}${serial}`;
}

const LONGEST_SHOWN = 24;

/**
 * A personal ID (or whatever stands in its field) for a message, a log or a report, masked as
 * `maskText` of @eduvn/standard masks it: at most the last three digits shown
 * (`'*********123'`). Values longer than 24 characters are shortened, so that a hostile value
 * cannot swell a report; short ones are hidden entirely.
 */
export function maskPersonalId(id: string): string {
  const chars = [...id];
  if (chars.length <= LONGEST_SHOWN) return maskText(id);
  return `${'*'.repeat(9)}…${chars.slice(-3).join('')}`;
}
