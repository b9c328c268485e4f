import {
  decodeLegacy,
  detectLegacy,
  formatPersonName,
  matchKey,
  parseVnDate,
  placeTones,
} from '@eduvn/text';

/** One row as a spreadsheet library hands it over: raw cell values, and the name cell's font. */
export interface RawRow {
  name: unknown;
  birthDate: unknown;
  nameFont?: string;
}

/** A cleaned row, or the reason it could not be cleaned (with its row number). */
export type CleanRow =
  | { row: number; name: string; key: string; birthDate: string }
  | { row: number; problem: string };

/**
 * Cleans a class list: decodes legacy-font names, formats them in the new tone style, reads birth
 * dates in any of the forms spreadsheets use, and reports rows it cannot read instead of dropping
 * them. Duplicates are found by match key, so "Lê Thị Hoà" and "LÊ THỊ HÒA" are the same pupil.
 */
export function cleanClassList(rows: readonly RawRow[]): {
  rows: CleanRow[];
  duplicates: string[][];
} {
  const out: CleanRow[] = [];
  const byKey = new Map<string, string[]>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    if (typeof raw.name !== 'string' || raw.name.trim() === '') {
      out.push({ row, problem: 'the name is empty' });
      return;
    }
    const encoding = detectLegacy(raw.name, { fontName: raw.nameFont ?? '' });
    const text = encoding ? decodeLegacy(raw.name, encoding) : raw.name;
    const name = placeTones(formatPersonName(text), 'new');
    const date = parseVnDate(raw.birthDate, { min: '2010-01-01', max: '2022-12-31' });
    if (!date.ok) {
      out.push({ row, problem: `birth date: ${date.message}` });
      return;
    }
    const key = `${matchKey(name)}|${date.date}`;
    byKey.set(key, [...(byKey.get(key) ?? []), `row ${row}`]);
    out.push({ row, name, key, birthDate: date.date });
  });
  const duplicates = [...byKey.values()].filter((list) => list.length > 1);
  return { rows: out, duplicates };
}
