import { type Adapter, defineAdapter, type WriteRequest } from '@eduvn/adapter-kit';
import { MOET_ADAPTER_IDS } from '../ids.ts';
import { KQHT_LAYOUT_K12 } from './layout.ts';
import { kqhtMapping } from './mapping.ts';
import {
  checkKqhtOptions,
  KQHT_PERIODS,
  type KqhtOptions,
  type KqhtWriteOptions,
} from './options.ts';
import { writeKqht } from './write.ts';

/**
 * Makes the adapter of the national database's **KQHT import** (TT27 results of primary pupils,
 * uploaded on `/C1/KetQuaHocTapImportExcel.aspx`) for one grade, period, school year and school —
 * the values chosen in the upload form, which the file does not hold. It reads and writes
 * `DanhGiaHocSinh` records.
 *
 * Reading is tolerant: the header is found by text under its three merged rows (or flattened),
 * levels are read in any case and as words, blank cells are "not given" (and "no" for the `x`
 * columns at the end of the year), and every value that cannot be read is an error issue of its
 * record — a subject level `X`, a score `7.5`. Every record gets `khoi`, `kyDanhGia`, `namHoc` and
 * `truongId` from the options; subjects become `monHocs` rows in the layout's order.
 *
 * Writing is precise: the template's merged header, one row per record,
 * and a {@link KqhtWriteError} listing every record that does not fit the layout, the period or
 * the form's values. `WriteRequest.options` ({@link KqhtWriteOptions}) may override the options
 * and give the pupils' names and birth dates.
 *
 * @param options - the grade, period, school year and school; optionally the layout version and
 * the catalogs that say which grade takes which test
 * @throws TypeError for options that are missing or of the wrong shape
 *
 * @example
 * ```ts
 * const kqht = kqhtAdapter({ khoi: 1, kyDanhGia: 'CN', namHoc: '2024-2025', truongId: '79000001' });
 * const { records } = await readAll(kqht, { path: 'KQHT-khoi1-CN.xls' });
 * const file = await kqht.write?.({ entity: 'DanhGiaHocSinh', records: records.map((r) => r.record) });
 * ```
 */
export function kqhtAdapter(options: KqhtOptions): Adapter {
  const context = checkKqhtOptions(options, 'kqhtAdapter');
  const { layout, kyDanhGia, khoi, namHoc, truongId } = context;
  const values = Object.freeze({ truongId, namHoc, kyDanhGia, khoi });
  return defineAdapter({
    id: layout.id === KQHT_LAYOUT_K12 ? MOET_ADAPTER_IDS.kqhtK12 : MOET_ADAPTER_IDS.kqhtK345,
    label: `National database TT27 results import (KQHT), grade ${khoi}, ${KQHT_PERIODS[kyDanhGia]} ${namHoc}`,
    version: layout.id,
    basis: layout.basis,
    formats: ['xls', 'xlsx'],
    entities: [{ mapping: kqhtMapping(layout, kyDanhGia), sheetValues: () => values }],
    write: (request: WriteRequest) => {
      if (request.entity !== 'DanhGiaHocSinh') {
        throw new TypeError(
          `KQHT writer: it writes DanhGiaHocSinh records, not ${JSON.stringify(String(request.entity).slice(0, 40))}`,
        );
      }
      const extra = (request.options ?? {}) as KqhtWriteOptions;
      const { pupils, ...overrides } = extra;
      const writing =
        Object.keys(overrides).length === 0
          ? context
          : checkKqhtOptions({ ...options, ...overrides }, 'KQHT writer');
      return writeKqht(request.records, writing, pupils);
    },
  });
}
