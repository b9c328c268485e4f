import type { CsvDelimiter, CsvEncodingSource } from '@eduvn/adapter-kit';
import type { CsvProposal, ProposedColumn } from './infer-csv.ts';

const DELIMITERS: Readonly<Record<CsvDelimiter, string>> = {
  ',': 'comma (,)',
  ';': 'semicolon (;)',
  '\t': 'tab',
  '|': 'vertical bar (|)',
};

const ENCODING_SOURCES: Readonly<Record<CsvEncodingSource, string>> = {
  bom: 'from its byte-order mark',
  'nul-pattern': 'from the pattern of its zero bytes',
  'valid-utf-8': 'valid UTF-8 throughout',
  'mostly-utf-8': 'UTF-8 with some invalid bytes (their values are reported)',
  fallback: 'not valid UTF-8, so read as Windows-1258',
  option: 'as asked',
};

/** A header for display: one line, at most 60 characters, quoted. */
function shown(label: string): string {
  const line = label.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}

function columnLine(column: ProposedColumn, minConfidence: number): string {
  const head = `${column.letter} ${column.label === '' ? '(no header)' : shown(column.label)}`;
  const why = column.reasons.join('; ');
  if (column.status === 'unmapped' || column.field === null) {
    return `  ${head}: not mapped — ${why}`;
  }
  const target = `${column.field} (${column.kind ?? '?'}), confidence ${column.confidence.toFixed(2)}`;
  if (column.status === 'below-threshold') {
    return `  ${head} → ${target}, below ${minConfidence}: left out until confirmed — ${why}`;
  }
  return `  ${head} → ${target} — ${why}`;
}

/**
 * A proposal as lines of English text for the person onboarding a file: how the file was read
 * (encoding, delimiter, header row, rows sampled), a count, then one line per column with its
 * field, kind, confidence and reasons — mapped, left out below the threshold, or not mapped.
 * Never any cell value (the sample may hold personal data): only headers, fields and reasons.
 *
 * @param proposal - from {@link inferCsvAdapter}
 * @returns the lines, without line endings
 *
 * @example
 * ```ts
 * const { proposal } = await inferCsvAdapter({ path: 'export.csv' }, 'HocSinh');
 * console.log(describeProposal(proposal).join('\n'));
 * // CSV file "export.csv": UTF-8 (from its byte-order mark), comma (,) delimited, header on row 1, 120 data rows sampled.
 * // HocSinh: 6 of 8 columns mapped (confidence at least 0.7), 1 below it, 1 not mapped.
 * //   A "Họ và tên (*)" → hoTen (name), confidence 0.98 — the header is a known one ('Họ và tên'); the values look like names
 * //   …
 * ```
 */
export function describeProposal(proposal: CsvProposal): string[] {
  const counts = { mapped: 0, 'below-threshold': 0, unmapped: 0 };
  for (const c of proposal.columns) counts[c.status]++;
  const header =
    proposal.lastHeaderRow === proposal.headerRow
      ? `header on row ${proposal.headerRow}`
      : `header on rows ${proposal.headerRow}–${proposal.lastHeaderRow}`;
  const file = proposal.file === undefined ? 'CSV file' : `CSV file ${shown(proposal.file)}`;
  return [
    `${file}: ${proposal.encoding.toUpperCase()} (${ENCODING_SOURCES[proposal.encodingSource]}), ${DELIMITERS[proposal.delimiter]} delimited, ${header}, ${proposal.sampledRows} data row${proposal.sampledRows === 1 ? '' : 's'} sampled.`,
    `${proposal.entity}: ${counts.mapped} of ${proposal.columns.length} columns mapped (confidence at least ${proposal.minConfidence}), ${counts['below-threshold']} below it, ${counts.unmapped} not mapped.`,
    ...proposal.columns.map((c) => columnLine(c, proposal.minConfidence)),
  ];
}
