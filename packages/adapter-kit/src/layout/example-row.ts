import { matchKey } from '@eduvn/text';
import { type Cell, columnLetter, type Row } from '../workbook/types.ts';
import { cellText } from './cell-text.ts';
import type { HeaderMatch } from './types.ts';

/**
 * Texts (by `matchKey`) that, alone in a cell anywhere in a row, mark it as a form's example row:
 * `VD`, `(VD)`, `Ví dụ`, `Ví dụ mẫu`, `Dòng mẫu`, `Example`.
 */
const MARKERS: ReadonlySet<string> = new Set([
  'vd',
  'vi du',
  'vi du mau',
  'dong mau',
  'hang mau',
  'dong vi du',
  'example',
  'eg',
  'e g',
]);

/**
 * Texts that mark an example row only in the row's first filled cell (its STT column): `Mẫu`
 * alone elsewhere could be a value.
 */
const FIRST_CELL_MARKERS: ReadonlySet<string> = new Set(['mau', 'mau vd', 'mau vi du']);

/**
 * A marker followed by a separator and the example's own text, in the first filled cell:
 * `VD: Nguyễn Văn A`, `Ví dụ - 0123456789`, `Mẫu: …` (`Mẫu giáo` is no marker: no separator).
 */
const MARKER_PREFIX = /^\s*[([]?\s*(vd|ví dụ|example|e\.g\.|mẫu)\s*[)\]]?\s*[:：.\-–]\s*\S/iu;

/**
 * The longest text looked at as a marker in a cell other than the first (`(Ví dụ mẫu)`).
 *
 * @internal
 */
export const MAX_MARKER = 14;

/**
 * A placeholder person's name: a common family name, `Văn` or `Thị`, and one capital letter
 * (`Nguyễn Văn A`, `Trần Thị B`).
 */
const PLACEHOLDER_NAME =
  /^(Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Vũ|Võ|Phan|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý)\s+(Văn|Thị)\s+[A-Z]$/u;

/**
 * Placeholder values other than a name: `xxx`, `x.xxx`, a date mask (`dd/mm/yyyy`), a run of
 * one digit or the digits in order (`000000000000`, `0123456789`, `123456789012`).
 */
const PLACEHOLDERS: readonly RegExp[] = [
  /^[xX]{2,}$/,
  /^[xX](\.[xX]{3})+$/,
  /^(dd|nn)[/.-](mm|tt)[/.-](yyyy|yy|nnnn|nn)$/i,
  /^(\d)\1{8,}$/,
  /^0?123456789\d{0,3}$/,
];

/**
 * Whether a text may start a marker, decided on its first letter (skipping spaces and an opening
 * bracket): every marker starts with `v`, `e`, `m`, `d` or `h`, in either case. Cheap, so that
 * data rows rarely build a match key.
 *
 * @internal
 */
export function mayBeMarker(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x20 || c === 0x28 || c === 0x7b || text.charCodeAt(i) === 0x5b) continue;
    return c === 0x76 || c === 0x65 || c === 0x6d || c === 0x64 || c === 0x68;
  }
  return false;
}

/** {@link KEY_FOLD}: the character folds to a separator (a space in the key). */
const FOLD_SEPARATOR = -1;
/** {@link KEY_FOLD}: the character leaves nothing in the key (a mark, an invisible character). */
const FOLD_NOTHING = -2;
/** {@link KEY_FOLD}: not simple (several characters, or one outside ASCII): the scan stops. */
const FOLD_OTHER = -3;

/**
 * What each character up to U+024F and of U+1E00–U+1EFF (the Vietnamese letters) becomes in a
 * `matchKey`, computed once from `matchKey` itself inside a word: an ASCII letter or digit (its
 * code), {@link FOLD_SEPARATOR}, {@link FOLD_NOTHING} or {@link FOLD_OTHER}.
 */
const KEY_FOLD: Int16Array = (() => {
  const table = new Int16Array(0x1f00).fill(FOLD_OTHER);
  for (let code = 0; code < 0x1f00; code++) {
    if (code >= 0x250 && code < 0x1e00) continue;
    const key = matchKey(`a${String.fromCharCode(code)}a`).slice(1, -1);
    if (key === ' ') table[code] = FOLD_SEPARATOR;
    else if (key === '') table[code] = FOLD_NOTHING;
    else if (key.length === 1 && /[a-z0-9]/.test(key)) table[code] = key.charCodeAt(0);
  }
  return table;
})();

/** The most characters of a key {@link mayStartMarker} builds. */
const KEY_START = 3;

/**
 * A key of up to {@link KEY_START} ASCII characters as one number: each character's code in base
 * 128 after those before it (`''` is 0). Keys of different texts have different numbers.
 */
function keyNumber(key: string): number {
  let n = 0;
  for (let i = 0; i < key.length; i++) n = n * 128 + key.charCodeAt(i);
  return n;
}

/**
 * Every start, up to {@link KEY_START} characters, of the keys a marker's text has: the markers
 * ({@link MARKERS}, {@link FIRST_CELL_MARKERS}) and a marker prefix's word followed by more text
 * (`vd …`, `vi du …`, `example …`, `e g …`, `mau …`: {@link MARKER_PREFIX}) — as
 * {@link keyNumber}s, so that a text's start is looked up without making a string.
 */
const MARKER_STARTS: ReadonlySet<number> = (() => {
  const keys = [
    ...MARKERS,
    ...FIRST_CELL_MARKERS,
    ...['vd', 'vi du', 'example', 'e g', 'mau'].map((word) => `${word} `),
  ];
  const starts = new Set<number>();
  for (const key of keys) {
    for (let n = 1; n <= KEY_START; n++) starts.add(keyNumber(key.slice(0, n)));
  }
  return starts;
})();

/**
 * {@link mayBeMarker}, sharper, for text read as stored (a cell in a Unicode font, which cleaning
 * changes only in ways `matchKey` ignores): the start of the text's `matchKey` (up to
 * {@link KEY_START} characters, built from the characters it folds simply) must also start a
 * marker's key — `Việt Nam` (`vie…`), `Võ Thị Vy` (`vo…`), `Mường` (`mu…`) are ruled out without
 * building their keys. `true` means "may be one", never "is one".
 *
 * @internal
 */
export function mayStartMarker(text: string): boolean {
  if (!mayBeMarker(text)) return false;
  // The key's start as its {@link keyNumber}, and how many characters it has.
  let key = 0;
  let length = 0;
  let separator = false;
  for (let i = 0; i < text.length && length < KEY_START; i++) {
    const c = text.charCodeAt(i);
    const fold = c < 0x1f00 ? (KEY_FOLD[c] as number) : FOLD_OTHER;
    if (fold === FOLD_OTHER) break;
    if (fold === FOLD_SEPARATOR) {
      separator = length > 0;
    } else if (fold !== FOLD_NOTHING) {
      if (separator) {
        key = key * 128 + 0x20;
        length++;
        separator = false;
      }
      if (length < KEY_START) {
        key = key * 128 + fold;
        length++;
      }
    }
  }
  return length === 0 || MARKER_STARTS.has(key);
}

/** Whether a text is a marker, and which: `undefined` when it is none. */
function markerIn(text: string, first: boolean): string | undefined {
  if (!mayBeMarker(text)) return undefined;
  const key = matchKey(text);
  if (MARKERS.has(key) || (first && FIRST_CELL_MARKERS.has(key))) {
    const marker = text.trim();
    return marker.length > MAX_MARKER ? `${marker.slice(0, MAX_MARKER)}…` : marker;
  }
  if (first) {
    const prefix = MARKER_PREFIX.exec(text.normalize('NFC'));
    if (prefix !== null) return prefix[1];
  }
  return undefined;
}

/**
 * Why a row is a form's example row (`'marked "VD" in A'`), or `undefined` when it is not one.
 * Conservative, so that a real pupil is never dropped for a name alone:
 *
 * - a **marker** — `VD`, `Ví dụ`, `Ví dụ mẫu`, `Dòng mẫu`, `Example` alone in any cell; `Mẫu` alone
 *   in the row's first filled cell; or `VD:`/`Ví dụ:`/`Mẫu:`/`Example:` starting the first filled
 *   cell — makes the row an example wherever it is;
 * - without a marker, only the **first row under the header** (`firstData`) can be one, and only
 *   with placeholder values: two of them (`Nguyễn Văn A`, `xxx`, `dd/mm/yyyy`, `000000000000`,
 *   `0123456789`), or a placeholder name while the first column holds no row number (a real list
 *   numbers its first pupil `1`).
 *
 * @param row - the row
 * @param filled - the indexes of its filled cells, in order
 * @param count - how many of `filled` are used
 * @param header - the header above it
 * @param firstData - whether no data row came before it under the header
 * @internal
 */
export function exampleReason(
  row: Row,
  filled: Int32Array,
  count: number,
  header: HeaderMatch,
  firstData: boolean,
): string | undefined {
  const all = row.cells;
  for (let i = 0; i < count; i++) {
    const index = filled[i] as number;
    const value = all[index]?.value;
    if (typeof value !== 'string') continue;
    if ((i > 0 && value.length > MAX_MARKER) || !mayBeMarker(value)) continue;
    const marker = markerIn(cellText(all[index]), i === 0);
    if (marker !== undefined) {
      return `an example row of the form, marked ${JSON.stringify(marker)} in ${columnLetter(index)}`;
    }
  }
  if (!firstData) return undefined;
  let names = 0;
  let others = 0;
  for (let i = 0; i < count; i++) {
    const cell: Cell | undefined = all[filled[i] as number];
    if (typeof cell?.value !== 'string' || cell.value.length > 40) continue;
    const text = cellText(cell).normalize('NFC').trim();
    if (PLACEHOLDER_NAME.test(text)) names++;
    else if (PLACEHOLDERS.some((p) => p.test(text))) others++;
  }
  const placeholders = names + others;
  if (placeholders === 0) return undefined;
  const firstColumn = header.columns[0]?.index ?? 0;
  const numbered = rowNumberOf(all[firstColumn]) !== undefined;
  if (placeholders >= 2 || (names > 0 && !numbered)) {
    return `an example row of the form: the first row under the header holds placeholder values (${placeholders})${numbered ? '' : ' and no row number'}`;
  }
  return undefined;
}

/** A row number as the STT column writes it (`1`, `'12'`, `'3.'`), or `undefined`. */
export function rowNumberOf(cell: Cell | undefined): number | undefined {
  const value = cell?.value;
  if (typeof value === 'number') {
    return cell?.date === undefined && Number.isInteger(value) && value >= 1 && value <= 1e6
      ? value
      : undefined;
  }
  if (typeof value !== 'string' || value.length > 9) return undefined;
  const match = /^\s*(\d{1,6})\.?\s*$/.exec(value);
  if (match === null) return undefined;
  const n = Number(match[1]);
  return n >= 1 ? n : undefined;
}

/** Header texts (by `matchKey`) of a row-number column. */
const STT_KEYS: ReadonlySet<string> = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'no', 'so']);

const sttCache = new WeakMap<HeaderMatch, number>();

/**
 * The index of a header's row-number column: the column headed `STT`/`TT`/`Số thứ tự`, else the
 * first column when it has no header; `-1` when there is none.
 *
 * @internal
 */
export function rowNumberColumn(header: HeaderMatch): number {
  let index = sttCache.get(header);
  if (index === undefined) {
    const labelled = header.columns.find((c) => c.path.some((p) => STT_KEYS.has(matchKey(p))));
    const first = header.columns[0];
    index = labelled?.index ?? (first !== undefined && first.path.length === 0 ? first.index : -1);
    sttCache.set(header, index);
  }
  return index;
}
