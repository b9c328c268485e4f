import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdapterError, resolveLimits } from '../../errors.ts';
import type { Row } from '../types.ts';
import { type CsvDelimiter, detectDelimiter } from './delimiter.ts';
import { openCsv } from './index.ts';
import { CsvScanner, cut } from './scanner.ts';

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/**
 * An RFC 4180 writer, independent of the reader: a field is quoted when it must be (delimiter,
 * quote, CR, LF, or a leading quote) or when `quoteAll` says so; quotes are doubled.
 */
function writeCsv(
  table: readonly (readonly string[])[],
  delimiter: string,
  lineEnd: string,
  quoteAll: boolean,
  finalNewline: boolean,
): string {
  const field = (value: string): string =>
    quoteAll || value.includes(delimiter) || /["\r\n]/.test(value)
      ? `"${value.replaceAll('"', '""')}"`
      : value;
  const body = table.map((record) => record.map(field).join(delimiter)).join(lineEnd);
  return finalNewline ? body + lineEnd : body;
}

/**
 * What the reader must return for a table written by {@link writeCsv}: empty values as gaps,
 * trailing gaps dropped, records without a value left out, each row numbered by the physical line
 * (1 + line breaks before it) where its record starts.
 */
function expected(
  table: readonly (readonly string[])[],
  delimiter: string,
  lineEnd: string,
  quoteAll: boolean,
): Row[] {
  const rows: Row[] = [];
  let line = 1;
  table.forEach((record, i) => {
    let last = -1;
    record.forEach((value, k) => {
      if (value !== '') last = k;
    });
    if (last >= 0) {
      rows.push({
        row: line,
        cells: record.slice(0, last + 1).map((value) => (value === '' ? undefined : { value })),
      });
    }
    const written = writeCsv([record], delimiter, lineEnd, quoteAll, i < table.length - 1);
    line += written.match(/\r\n|\r|\n/g)?.length ?? 0;
  });
  return rows;
}

/** Scans `text` fed in pieces cut at `cuts` (positions, any order). */
function scan(text: string, delimiter: string, cuts: readonly number[] = []): Row[] {
  const scanner = new CsvScanner(delimiter, resolveLimits(), undefined);
  const out: Row[] = [];
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...points, text.length]) {
    scanner.push(text.slice(from, to), out);
    from = to;
  }
  scanner.finish(out);
  return out;
}

/** Strings rich in what CSV must escape, plus Vietnamese letters and astral characters. */
const value = fc.oneof(
  fc.string({
    unit: fc.constantFrom(',', ';', '\t', '|', '"', '\r', '\n', 'a', ' ', 'ệ', 'Đ', '😀'),
  }),
  fc.string(),
  fc.constant(''),
);
const table = fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 8,
});

describe('CsvScanner', () => {
  it('reads back any table written as RFC 4180, for every delimiter, line end and chunking', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, delimiter, lineEnd, quoteAll, finalNewline, cuts) => {
          const text = writeCsv(records, delimiter, lineEnd, quoteAll, finalNewline);
          const want = expected(records, delimiter, lineEnd, quoteAll);
          expect(scan(text, delimiter)).toEqual(want);
          expect(scan(text, delimiter, cuts)).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads back any table through openCsv, from UTF-8 and UTF-16LE bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(...DELIMITERS),
        fc.boolean(),
        async (records, delimiter, quoteAll) => {
          const text = writeCsv(records, delimiter, '\r\n', quoteAll, true);
          const want = expected(records, delimiter, '\r\n', quoteAll);
          if (want.length === 0) return;
          for (const data of [
            new TextEncoder().encode(text),
            Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]),
          ]) {
            const book = await openCsv(data, { delimiter });
            const rows: Row[] = [];
            for await (const row of book.rows(0)) rows.push(row);
            expect(rows).toEqual(want);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('splits CRLF across chunks without counting two lines', () => {
    expect(scan('a\r\nb\r\n"c\r\nd"\r\ne', ',', [2, 9, 12]).map((r) => r.row)).toEqual([
      1, 2, 3, 5,
    ]);
  });

  it('reads a doubled quote split across chunks', () => {
    expect(scan('"a""b",c\n', ',', [3]).map((r) => r.cells)).toEqual([
      [{ value: 'a"b' }, { value: 'c' }],
    ]);
    expect(scan('"ab",c\n', ',', [3]).map((r) => r.cells)).toEqual([
      [{ value: 'ab' }, { value: 'c' }],
    ]);
    expect(scan('"ab"', ',', [3]).map((r) => r.cells)).toEqual([[{ value: 'ab' }]]);
  });

  it('bounds memory for a huge quoted value and still finds where it ends', () => {
    const scanner = new CsvScanner(',', resolveLimits({ maxCellLength: 10 }), undefined);
    const out: Row[] = [];
    scanner.push('"', out);
    for (let i = 0; i < 100; i++) scanner.push('x'.repeat(10_000), out);
    scanner.push('",y\nz', out);
    scanner.finish(out);
    expect(out).toEqual([
      { row: 1, cells: [{ value: 'x'.repeat(10), truncated: true }, { value: 'y' }] },
      { row: 2, cells: [{ value: 'z' }] },
    ]);
  });

  it('throws corrupt-file at the end of a quoted value never closed', () => {
    expect(() => scan('a\n\n"b\nc,d\n', ',')).toThrow(AdapterError);
    expect(() => scan('a\n\n"b\nc,d\n', ',')).toThrow(/line 3/);
  });

  it('cuts without splitting surrogate pairs', () => {
    expect(cut('ab😀', 3)).toBe('ab');
    expect(cut('ab😀', 4)).toBe('ab😀');
    expect(cut('abc', 2)).toBe('ab');
  });
});

describe('detectDelimiter', () => {
  it('prefers the most consistent count, then the larger count', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n4;5;6,5\n', true)).toBe(';');
    expect(detectDelimiter('a,b,c\n1,"x;y",3\n', true)).toBe(',');
    expect(detectDelimiter('a\tb|c\n1\t2|3\n', true)).toBe('\t');
    expect(detectDelimiter('', true)).toBe(',');
  });

  it('does not count a cut last record, unless it is the only one', () => {
    expect(detectDelimiter('a;b\nc;d\ne,f,g,h,i', false)).toBe(';');
    expect(detectDelimiter('a;b;c', false)).toBe(';');
  });

  it('skips blank lines and counts only outside quotes', () => {
    expect(detectDelimiter('\n\na|b\n\n"x|y|z"|w\n', true)).toBe('|');
  });
});
