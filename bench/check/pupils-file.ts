/**
 * The file the check benchmark reads: the adapter benchmark's model of the national database's
 * "C1-HocSinh" export (`../adapters/c1-hoc-sinh.ts`: a title block, 25 columns, generated pupils,
 * never real people), with one record in ten made invalid in a way a school's file is — in turn
 * an impossible date (`31/02/2019`), a name longer than the standard allows, a sex that is no
 * sex, and a pupil code left blank — so that reading, the reading rules and the schema rule all
 * have work to do.
 */
import { writeFile } from 'node:fs/promises';
import { type CellInput, writeXlsx } from '@eduvn/adapter-kit';
import { HEADER_ROW, pupilRows } from '../adapters/c1-hoc-sinh.ts';

/** The day the benchmark's data are checked as of. */
export const AS_OF = '2026-05-31';

/** One record in this many is invalid. */
export const INVALID_EVERY = 10;

/** The columns planted problems go to (0-based, as in `HEADERS`). */
const CODE = 2;
const NAME = 3;
const BORN = 4;
const SEX = 5;

/** The rows of the file, one data row in {@link INVALID_EVERY} made invalid. */
function* plantedRows(pupils: number): Generator<readonly CellInput[]> {
  let n = 0;
  for (const row of pupilRows(pupils)) {
    n++;
    const data = n - HEADER_ROW;
    if (data <= 0 || data % INVALID_EVERY !== 0) {
      yield row;
      continue;
    }
    const out = [...row];
    switch ((data / INVALID_EVERY) % 4) {
      case 0:
        out[BORN] = '31/02/2019';
        break;
      case 1:
        out[NAME] = `${String(out[NAME])} ${'Nguyễn Thị Minh Khai '.repeat(3)}`.trim();
        break;
      case 2:
        out[SEX] = 'X';
        break;
      default:
        out[CODE] = null;
    }
    yield out;
  }
}

/**
 * Writes the file with `pupils` generated pupils, one in ten invalid, to `path`; returns the
 * number of data rows.
 */
export async function writePlantedFile(path: string, pupils: number): Promise<number> {
  let rows = 0;
  const counted = function* (): Generator<readonly CellInput[]> {
    for (const row of plantedRows(pupils)) {
      rows++;
      yield row;
    }
  };
  await writeFile(path, writeXlsx([{ name: 'Sheet1', rows: counted() }]));
  return rows - HEADER_ROW;
}
