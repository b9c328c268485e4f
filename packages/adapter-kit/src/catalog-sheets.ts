import type { CatalogEntry, CatalogPack } from '@eduvn/standard';
import { matchKey, normalizeText } from '@eduvn/text';
import { cellText } from './layout/cell-text.ts';
import type { Row, Workbook } from './workbook/types.ts';

/** Options of {@link readCatalogSheets}. */
export interface CatalogSheetOptions {
  /** Which sheet holds which catalog: sheet name → code-system id (`{ DAN_TOC: 'DM_DAN_TOC' }`). */
  readonly sheets: Readonly<Record<string, string>>;
  /** The version id to give the loaded codes (default `'template'`). */
  readonly version?: string;
  /** Where the template comes from (default: the workbook's file name). */
  readonly source?: string;
  /** The first day the codes apply (ISO date), when known. */
  readonly validFrom?: string;
}

const CODE_HEADERS = new Set(['ma', 'code', 'ma so']);
const NAME_HEADERS = new Set(['ten', 'name', 'gia tri', 'noi dung']);
const NUMBER_HEADERS = new Set(['stt', 'tt', 'so tt']);

/** The code and name columns of a catalog sheet: from a header row, or by the number of columns. */
function columnsOf(rows: readonly Row[]): { skip: number; code: number; name: number } {
  const first = rows[0];
  if (first) {
    const keys = first.cells.map((c) => matchKey(cellText(c)));
    const code = keys.findIndex((k) => CODE_HEADERS.has(k) || k.startsWith('ma '));
    const name = keys.findIndex((k) => NAME_HEADERS.has(k) || k.startsWith('ten '));
    if (code >= 0 || name >= 0)
      return { skip: 1, code: code >= 0 ? code : name, name: name >= 0 ? name : code };
  }
  // No header: [STT,] code, name — or a single column of names, used as codes too.
  const widths = rows.map((r) => r.cells.filter((c) => cellText(c) !== '').length);
  const width = Math.max(0, ...widths);
  const numbered = rows.every(
    (r) => /^\d+$/.test(cellText(r.cells[0])) || cellText(r.cells[0]) === '',
  );
  const offset = numbered && width >= 2 ? 1 : 0;
  if (width - offset >= 2) return { skip: 0, code: offset, name: offset + 1 };
  return { skip: 0, code: offset, name: offset };
}

/**
 * Loads the catalog sheets of a template (the Ministry's own values, e.g. the `GIOI_TINH`,
 * `DAN_TOC`, `TINH` sheets of the national database's export) into a catalog pack to merge into
 * `Catalogs`. A sheet with a header row uses its `Mã`/`Tên` columns; without one, `[STT,] code,
 * name`, or a single column of names that serve as codes too (templates often accept names). Rows
 * without a code are left out; the same code twice keeps the first.
 *
 * @example
 * ```ts
 * const pack = await readCatalogSheets(workbook, { sheets: { DAN_TOC: 'DM_DAN_TOC_MAU', TINH: 'DM_TINH_MAU' } });
 * const catalogs = bundledCatalogs(pack);
 * ```
 */
export async function readCatalogSheets(
  workbook: Workbook,
  options: CatalogSheetOptions,
): Promise<CatalogPack> {
  const codeSystems = [];
  for (const [sheetName, id] of Object.entries(options.sheets)) {
    const sheet = workbook.sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    const rows: Row[] = [];
    for await (const row of workbook.rows(sheet.index)) rows.push(row);
    const { skip, code, name } = columnsOf(rows);
    const entries: CatalogEntry[] = [];
    const seen = new Set<string>();
    for (const row of rows.slice(skip)) {
      const c = normalizeText(cellText(row.cells[code]));
      const n = normalizeText(cellText(row.cells[name]));
      if (c === '' || seen.has(c) || NUMBER_HEADERS.has(matchKey(c))) continue;
      seen.add(c);
      entries.push({ code: c.slice(0, 50), name: (n || c).slice(0, 500) });
    }
    const source = options.source ?? workbook.file ?? 'template';
    codeSystems.push({
      id,
      name: { vi: `Danh mục ${sheetName} (mẫu)`, en: `Catalog ${sheetName} (template)` },
      source,
      versions: [
        {
          version: options.version ?? 'template',
          source: `sheet ${sheetName} of ${source}`,
          ...(options.validFrom === undefined ? {} : { validFrom: options.validFrom }),
          entries,
        },
      ],
    });
  }
  return {
    format: 'eduvn-catalog-pack',
    formatVersion: 1,
    name: `catalog sheets of ${workbook.file ?? 'a template'}`,
    codeSystems,
  };
}
