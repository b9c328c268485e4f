import type { BoundMapping, HeaderColumn } from '@eduvn/adapter-kit';
import { matchKey } from '@eduvn/text';
import { LEVEL_HEADERS, SCORE_HEADERS, SMAS_SUBJECTS, SUBJECT_GROUP_HEADERS } from './subjects.ts';

const keys = (texts: readonly string[]): ReadonlySet<string> => new Set(texts.map(matchKey));
const GROUP_KEYS = keys(SUBJECT_GROUP_HEADERS);
const SUB_HEADER_KEYS = keys([...LEVEL_HEADERS, ...SCORE_HEADERS]);
const SUBJECT_EXTRA = /^[A-Z][A-Z0-9_]*_(mucDat|diemKtdk)$/;

/** A header label for a message: cut, one line. */
function shown(column: HeaderColumn): string {
  const label = column.label.replace(/\s+/g, ' ');
  return label.length > 40 ? `${label.slice(0, 40)}…` : label;
}

/**
 * Whether a column the mapping does not read looks like a subject's: it sits under a subject group
 * header (`Môn học và hoạt động giáo dục`), or its own header is a level or score sub-header
 * (`Kỹ năng sống › Mức đạt được`), or — in a one-row header — it sits among the subject columns
 * (between the first subject and the first known column after the last subject).
 */
function looksLikeSubject(column: HeaderColumn, first: number, last: number): boolean {
  const path = column.path.map(matchKey);
  if (path.some((k) => GROUP_KEYS.has(k))) return true;
  const leaf = path[path.length - 1];
  if (path.length > 1 && leaf !== undefined && SUB_HEADER_KEYS.has(leaf)) return true;
  return column.index > first && column.index < last;
}

/**
 * The warnings about the columns of a sheet that the SMAS mapping does not read: one for each
 * column that looks like a subject or activity the adapter does not know (its values are not read:
 * never silently), and one listing the other columns left unread (and columns with values but no
 * header).
 *
 * @param bound - the mapping bound to the sheet's header
 * @param sheetName - the sheet's name, for the messages
 */
export function unknownColumns(bound: BoundMapping, sheetName: string): string[] {
  const subjectColumns = bound.bindings
    .filter((b) => b.target === 'extra' && SUBJECT_EXTRA.test(b.name) && b.column !== undefined)
    .map((b) => b.column?.index ?? -1);
  const first =
    subjectColumns.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...subjectColumns);
  const lastSubject =
    subjectColumns.length === 0 ? Number.NEGATIVE_INFINITY : Math.max(...subjectColumns);
  // The subject block ends where the next known column (a competency, a quality, the comment…)
  // starts: an unknown column between the last subject and it is taken for a subject too.
  const next = bound.bindings
    .filter((b) => b.target === 'field' && (b.column?.index ?? -1) > lastSubject)
    .map((b) => b.column?.index ?? Number.POSITIVE_INFINITY);
  const last = next.length === 0 ? lastSubject : Math.min(...next);
  const sheet = JSON.stringify(sheetName);
  const known = SMAS_SUBJECTS.map((s) => s.names[0]).join(', ');
  const warnings: string[] = [];
  const others: string[] = [];
  for (const column of bound.unmapped) {
    if (column.path.length === 0) {
      others.push(`${column.letter} (values but no header)`);
    } else if (looksLikeSubject(column, first, last)) {
      warnings.push(
        `Sheet ${sheet}, column ${column.letter} ("${shown(column)}"): it looks like a subject or activity, but not one the SMAS adapter knows (${known}); its values were not read. If it is one of these under another name, rename its header.`,
      );
    } else {
      others.push(`${column.letter} ("${shown(column)}")`);
    }
  }
  if (others.length > 0) {
    const list =
      others.length > 12 ? [...others.slice(0, 12), `and ${others.length - 12} more`] : others;
    warnings.push(
      `Sheet ${sheet}: column${others.length === 1 ? '' : 's'} ${list.join(', ')} ${others.length === 1 ? 'is' : 'are'} not part of the SMAS layout and ${others.length === 1 ? 'was' : 'were'} not read.`,
    );
  }
  return warnings;
}
