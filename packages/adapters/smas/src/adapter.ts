import { type Adapter, cellText, defineAdapter, type Row } from '@eduvn/adapter-kit';
import { type SmasOptions, sheetContext } from './context.ts';
import { SMAS_MAPPING } from './mapping.ts';
import { isSmasPeriod } from './period.ts';
import { SMAS_LAYOUT_VERSION } from './version.ts';
import { writeSmas } from './write.ts';

/** The SMAS adapter: an adapter of `@eduvn/adapter-kit` that remembers its options. */
export interface SmasAdapter extends Adapter {
  /** The options it was made with (checked, frozen). */
  readonly options: Readonly<SmasOptions>;
}

/** What the adapter says its layout is based on (shown in docs and detection results). */
export const SMAS_BASIS =
  'A model of SMAS (Viettel) TT27 assessment exports, built from a description of the importers ' +
  'schools write for them (the header row moves below a title block, the period is written in ' +
  'the title, subject columns are recognised by name). Viettel publishes no layout: this is not ' +
  'the vendor’s specification.';

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

function checkOptions(options: SmasOptions): Readonly<SmasOptions> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('smasAdapter: expected options { truongId, namHoc?, khoi?, kyDanhGia? }');
  }
  const { truongId, namHoc, khoi, kyDanhGia } = options;
  if (typeof truongId !== 'string' || truongId.trim() === '' || truongId.length > 15) {
    throw new TypeError(
      'smasAdapter: truongId must be the school code, 1 to 15 characters (the files never carry it)',
    );
  }
  if (namHoc !== undefined) {
    const m = typeof namHoc === 'string' ? SCHOOL_YEAR.exec(namHoc) : null;
    if (!m || Number(m[2]) !== Number(m[1]) + 1) {
      throw new RangeError(
        `smasAdapter: namHoc must be a school year like '2024-2025', got ${JSON.stringify(namHoc)}`,
      );
    }
  }
  if (khoi !== undefined && !(Number.isInteger(khoi) && khoi >= 1 && khoi <= 5)) {
    throw new RangeError(`smasAdapter: khoi must be a grade from 1 to 5, got ${String(khoi)}`);
  }
  if (kyDanhGia !== undefined && !isSmasPeriod(kyDanhGia)) {
    throw new RangeError(
      `smasAdapter: kyDanhGia must be GK1, CK1, GK2 or CN, got ${JSON.stringify(kyDanhGia)}`,
    );
  }
  return Object.freeze({
    truongId,
    ...(namHoc === undefined ? {} : { namHoc }),
    ...(khoi === undefined ? {} : { khoi }),
    ...(kyDanhGia === undefined ? {} : { kyDanhGia }),
  });
}

/** The texts of the cells above a header, row by row. */
export function titleTexts(rows: readonly Row[]): string[] {
  const texts: string[] = [];
  for (const row of rows) {
    for (const cell of row.cells) {
      const text = cellText(cell);
      if (text !== '') texts.push(text);
    }
  }
  return texts;
}

/**
 * An adapter for SMAS (Viettel) TT27 assessment exports, read into `DanhGiaHocSinh` records (one
 * per pupil and period, with the `monHocs` sub-table). A model of the files, not the vendor's
 * specification (see {@link SMAS_BASIS}): the header row is searched for below a title block; the
 * period (`Giữa kỳ I`, `Cuối kỳ I`, `Giữa kỳ II`, `Cuối năm`, and variants: see
 * {@link PERIOD_TITLES}), the school year (`Năm học 2024-2025`), the class (`Lớp: 3A`) and the
 * grade (`Khối 3`, or the class's first digit) are read from the title; subject, competency and
 * quality columns are recognised by name, in one header row or two. Reads .xlsx, .xls (legacy
 * TCVN3/VNI fonts decoded) and CSV, and writes .xlsx in the same layout.
 *
 * What the files do not say comes from the options. A sheet whose title names no period gives
 * records without `kyDanhGia` (read them with {@link readSmas} to get an error on each).
 *
 * @param options - the school code, and fallbacks for the school year, the grade and the period
 * @throws TypeError for a missing or malformed `truongId`
 * @throws RangeError for a malformed `namHoc`, `khoi` or `kyDanhGia`
 *
 * @example
 * ```ts
 * const smas = smasAdapter({ truongId: '79000001', namHoc: '2024-2025' });
 * const { records, issues } = await readAllSmas(smas, { path: 'ket-qua-cuoi-ky-1.xlsx' });
 * ```
 */
export function smasAdapter(options: SmasOptions): SmasAdapter {
  const checked = checkOptions(options);
  const adapter = defineAdapter({
    id: 'smas',
    label: 'SMAS (Viettel) TT27 assessment export',
    version: SMAS_LAYOUT_VERSION,
    basis: SMAS_BASIS,
    formats: ['xlsx', 'xls', 'csv'],
    entities: [
      {
        mapping: SMAS_MAPPING,
        headerSearchRows: 30,
        minScore: 4,
        sheetValues: (sheet, titleRows) =>
          sheetContext(sheet.name, titleTexts(titleRows), checked).values,
      },
    ],
    write: (request) => writeSmas(request),
  });
  return Object.freeze({ ...adapter, options: checked });
}
