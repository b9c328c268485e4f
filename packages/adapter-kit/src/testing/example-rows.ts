import { expect } from 'vitest';
import { readAll } from '../adapter/read.ts';
import type { Adapter } from '../adapter/types.ts';
import { openWorkbook } from '../workbook/open.ts';
import { type Cell, columnLetter } from '../workbook/types.ts';
import type { CellInput } from '../workbook/xlsx/cell-writer.ts';
import { writeXlsx } from '../workbook/xlsx/index.ts';
import type { AdapterFixture } from './test-adapter.ts';

// A form's filled-in example row (`VD` … `Nguyễn Văn A`) under the header is skipped with its
// reason, never read as a person — checked on an adapter's own fixtures.

const asInput = (cell: Cell | undefined): CellInput =>
  cell === undefined
    ? null
    : cell.date !== undefined
      ? { date: cell.date }
      : typeof cell.value === 'string' ||
          typeof cell.value === 'number' ||
          typeof cell.value === 'boolean'
        ? cell.value
        : null;

/** The fixture written again (values and merges), with `example` inserted above row `at` of `sheet`. */
async function rewrite(
  bytes: Uint8Array,
  insert?: { sheet: string; at: number; example: (row: CellInput[]) => CellInput[] },
): Promise<Uint8Array> {
  const book = await openWorkbook(bytes);
  try {
    const sheets = [];
    for (const sheet of book.sheets) {
      const rows: CellInput[][] = [];
      for await (const row of book.rows(sheet.index)) {
        while (rows.length < row.row - 1) rows.push([]);
        rows.push(row.cells.map(asInput));
      }
      const here = insert !== undefined && insert.sheet === sheet.name;
      const shift = (r: number) => (here && r >= (insert?.at ?? 0) ? r + 1 : r);
      const merges = (await book.merges(sheet.index)).map(
        (m) => `${columnLetter(m.left)}${shift(m.top)}:${columnLetter(m.right)}${shift(m.bottom)}`,
      );
      if (here && insert !== undefined) {
        const model = rows[insert.at - 1] ?? [];
        rows.splice(insert.at - 1, 0, insert.example([...model]));
      }
      sheets.push({ name: sheet.name, rows, merges, state: sheet.state });
    }
    return writeXlsx(sheets);
  } finally {
    await book.close();
  }
}

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * Checks that a form's filled-in example row (`VD` … `Nguyễn Văn A`) under the header is skipped
 * with its reason, never read as a person: the fixture (an .xlsx) is written again with such a row
 * above its first record and read again; the records must be the fixture's own (rows shifted by
 * one) and the example row a skip `'example'` naming its marker. Returns `false` when the fixture
 * is not an .xlsx or holds no record (nothing to check), `true` once checked; fails the test
 * otherwise.
 *
 * @param adapter - the adapter
 * @param fixture - a fixture of its layout
 */
export async function expectExampleRowSkipped(
  adapter: Adapter,
  fixture: AdapterFixture,
): Promise<boolean> {
  if (!isXlsx(fixture.bytes)) return false;
  const baseline = await readAll(adapter, await rewrite(fixture.bytes));
  const [first] = baseline.records;
  if (first === undefined) return false;
  const { sheet, row: at } = first.provenance;
  const nameColumn = first.provenance.columns['hoTen'];
  let nameIndex = -1;
  if (nameColumn !== undefined && !nameColumn.includes(':')) {
    nameIndex = 0;
    for (const c of nameColumn) nameIndex = nameIndex * 26 + (c.charCodeAt(0) - 64);
    nameIndex--;
  }
  // The marker in column A (the STT column), or after the row when A holds the name.
  const markerIndex = nameIndex === 0 ? 60 : 0;
  const example = (row: CellInput[]) => {
    const out = [...row];
    if (nameIndex >= 0) out[nameIndex] = 'Nguyễn Văn A';
    out[markerIndex] = 'VD';
    return out;
  };
  const result = await readAll(adapter, await rewrite(fixture.bytes, { sheet, at, example }));
  const shifted = (r: { provenance: { sheet: string; row: number } }) =>
    r.provenance.sheet === sheet && r.provenance.row >= at
      ? r.provenance.row + 1
      : r.provenance.row;
  expect(
    result.records.map((r) => [r.entity, r.provenance.sheet, r.provenance.row, r.record]),
  ).toEqual(baseline.records.map((r) => [r.entity, r.provenance.sheet, shifted(r), r.record]));
  const examples = result.skipped.filter((s) => s.reason === 'example');
  expect(examples.map((s) => [s.sheet, s.row])).toEqual(
    [
      ...new Set(
        baseline.records
          .filter((r) => r.provenance.sheet === sheet && r.provenance.row === at)
          .map((r) => r.entity),
      ),
    ].map(() => [sheet, at]),
  );
  expect(examples[0]?.detail).toBe(
    `an example row of the form, marked "VD" in ${columnLetter(markerIndex)}`,
  );
  return true;
}
