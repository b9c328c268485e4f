import type { DanhGiaHocSinh } from '@eduvn/standard';
import { TT27_RESULTS } from './classify.ts';
import { TT27_PERIODS } from './subjects.ts';
import { TRAIT_FIELDS } from './traits.ts';

const SUBJECT_LEVELS: ReadonlySet<unknown> = new Set(['T', 'H', 'C']);
const TRAIT_LEVELS: ReadonlySet<unknown> = new Set(['T', 'Đ', 'C']);
const PERIODS: ReadonlySet<unknown> = new Set(TT27_PERIODS);
const RESULTS: ReadonlySet<unknown> = new Set(TT27_RESULTS);

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The record as a `DanhGiaHocSinh` when the fields the TT27 rules read have the shape the standard
 * gives them — grade 1–5, a known period, subject rows with a code, a level `T`/`H`/`C` and an
 * optional numeric score, levels `T`/`Đ`/`C`, a known result — else `undefined`. Rules skip a
 * record they cannot read: its structure is reported by the schema rule (`STD.SCHEMA.001`), so a
 * malformed record is never reported twice. Other fields are not checked.
 */
export function readAssessment(
  record: Readonly<Record<string, unknown>>,
): DanhGiaHocSinh | undefined {
  const khoi = record['khoi'];
  if (!(typeof khoi === 'number' && Number.isInteger(khoi) && khoi >= 1 && khoi <= 5))
    return undefined;
  if (!PERIODS.has(record['kyDanhGia'])) return undefined;
  const rows = record['monHocs'];
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows as readonly unknown[]) {
    if (
      !isObject(row) ||
      typeof row['maMonHoc'] !== 'string' ||
      !SUBJECT_LEVELS.has(row['mucDat'])
    ) {
      return undefined;
    }
    const score = row['diemKtdk'];
    if (score !== undefined && !(typeof score === 'number' && Number.isFinite(score)))
      return undefined;
  }
  for (const field of TRAIT_FIELDS) {
    const level = record[field];
    if (level !== undefined && !TRAIT_LEVELS.has(level)) return undefined;
  }
  const result = record['ketQuaCuoiNam'];
  if (result !== undefined && !RESULTS.has(result)) return undefined;
  return record as unknown as DanhGiaHocSinh;
}
