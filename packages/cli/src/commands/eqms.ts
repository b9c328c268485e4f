import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { writeXlsx } from '@eduvn/adapter-kit';
import { computeEqms, EQMS_PERIODS, type EqmsPeriod, type EqmsResult } from '@eduvn/check';
import {
  type EntitySchema,
  EqmsChatLuongGiaoDuc,
  EqmsCsvcDienTichDat,
  EqmsCsvcNhaVeSinh,
  EqmsCsvcPhongHoc,
  EqmsDiemKiemTraDinhKy,
  EqmsDiemTruongCsvc,
  EqmsDiemTruongLopHocSinh,
  EqmsGiaoVien,
  EqmsGiaoVienTiengAnh,
  EqmsHoatDongChuyenMon,
  EqmsLopHocSinh,
  EqmsMoDunTapHuan,
  fieldsOf,
} from '@eduvn/standard';
import { asOfOf, type HintFlags, hintsOf } from '../hints.ts';
import { CliError, type CliIo } from '../io.ts';
import { createProgress } from '../progress.ts';
import { readRecords } from '../read-records.ts';

/** Options of `eduvn eqms`. */
export interface EqmsFlags extends HintFlags {
  /** `dau-nam`, `giua-nam` or `cuoi-nam`. */
  readonly period?: string | undefined;
  /** The day of the report. */
  readonly asOf?: string | undefined;
  /** An adapter id instead of detection. */
  readonly adapter?: string | undefined;
  /** Where to write: `.json` or `.xlsx` (default: JSON on stdout). */
  readonly out?: string | undefined;
}

/** The sub-tables of each report: list key, its row entity, its sheet name. */
const TABLES: readonly (readonly [key: string, entity: EntitySchema, sheet: string])[] = [
  ['dnDngvs', EqmsGiaoVien, 'EQMSDN.2.1 Giáo viên'],
  ['dnDngvtas', EqmsGiaoVienTiengAnh, 'EQMSDN.2.2 GV tiếng Anh'],
  ['dnDtrcsvcs', EqmsDiemTruongCsvc, 'EQMSDN.2.3 Điểm trường CSVC'],
  ['dnDtrlophss', EqmsDiemTruongLopHocSinh, 'EQMSDN.2.4 Điểm trường lớp HS'],
  ['dnLophss', EqmsLopHocSinh, 'EQMSDN.2.5 Lớp học sinh'],
  ['dnCsvcdientichdats', EqmsCsvcDienTichDat, 'EQMSDN.2.6 Diện tích đất'],
  ['dnCsvcphonghocs', EqmsCsvcPhongHoc, 'EQMSDN.2.7 Phòng học'],
  ['dnCsvcnhavesinhs', EqmsCsvcNhaVeSinh, 'EQMSDN.2.8 Nhà vệ sinh'],
  ['gnDghss', EqmsChatLuongGiaoDuc, 'EQMSGN.2.1 Chất lượng GD'],
  ['gnDiems', EqmsDiemKiemTraDinhKy, 'EQMSGN.2.2 Điểm KTĐK'],
  ['gnCmcd1s', EqmsHoatDongChuyenMon, 'EQMSGN.2.3 Chuyên môn'],
  ['gnCmcd2s', EqmsMoDunTapHuan, 'EQMSGN.2.4 Tập huấn'],
  ['cnDghss', EqmsChatLuongGiaoDuc, 'EQMSCN Chất lượng GD'],
  ['cnDiems', EqmsDiemKiemTraDinhKy, 'EQMSCN Điểm KTĐK'],
  ['cnCmcd1s', EqmsHoatDongChuyenMon, 'EQMSCN Chuyên môn'],
  ['cnCmcd2s', EqmsMoDunTapHuan, 'EQMSCN Tập huấn'],
];

/**
 * The report as a workbook: one sheet per sub-table, headed by the fields' QĐ 4998 symbols and
 * Vietnamese labels, and a sheet of notes (what the records could not give).
 */
export function eqmsWorkbook(result: EqmsResult): Uint8Array {
  const report = result.report as unknown as Record<string, unknown>;
  const sheets: { name: string; rows: (string | number | null)[][] }[] = [
    {
      name: 'Thông tin chung',
      rows: [
        ['TRUONG_ID', 'Kỳ báo cáo / Period', 'Năm học / School year'],
        [String(report['truongId']), result.period, result.namHoc],
      ],
    },
  ];
  for (const [key, entity, sheet] of TABLES) {
    const rows = report[key];
    if (!Array.isArray(rows)) continue;
    const fields = fieldsOf(entity);
    sheets.push({
      name: sheet.slice(0, 31),
      rows: [
        fields.map((f) => f.symbol),
        fields.map((f) => f.label.vi),
        ...rows.map((r: Record<string, unknown>) =>
          fields.map((f) => {
            const v = r[f.name];
            return typeof v === 'number' || typeof v === 'string' ? v : null;
          }),
        ),
      ],
    });
  }
  sheets.push({
    name: 'Ghi chú - Notes',
    rows: [['code', 'count', 'note'], ...result.notes.map((n) => [n.code, n.count, n.message])],
  });
  return writeXlsx(sheets);
}

/**
 * `eduvn eqms <files…> --period …`: the EQMS report of QĐ 4998 §2.5 computed by `computeEqms` of
 * `@eduvn/check` from the records the files hold (spreadsheets through the adapters, or canonical
 * JSON — classes and facilities have no vendor export), written as JSON or xlsx.
 */
export async function eqmsCommand(
  io: CliIo,
  files: readonly string[],
  flags: EqmsFlags,
): Promise<number> {
  const period = flags.period as EqmsPeriod | undefined;
  if (period === undefined || !EQMS_PERIODS.includes(period)) {
    throw new CliError(
      `--period must be one of ${EQMS_PERIODS.join(', ')}${flags.period === undefined ? '' : `, got ${JSON.stringify(flags.period)}`}`,
      2,
    );
  }
  const out = flags.out;
  const ext = out === undefined ? '.json' : extname(out).toLowerCase();
  if (ext !== '.json' && ext !== '.xlsx')
    throw new CliError(`--out must end in .json or .xlsx, got ${JSON.stringify(out)}`, 2);
  const hints = hintsOf(flags);
  const asOf = asOfOf(flags.asOf);
  const progress = createProgress(io.stderr, 'Reading', 'records');
  let read: Awaited<ReturnType<typeof readRecords>>;
  try {
    read = await readRecords(files, {
      cwd: io.cwd,
      adapter: flags.adapter,
      hints,
      onProgress: (n) => progress.update(n),
    });
  } finally {
    progress.stop();
  }
  for (const f of read.files) io.stderr.write(`${f.file}: ${f.adapter}, ${f.records} record(s)\n`);
  let result: EqmsResult;
  try {
    result = computeEqms(read.records, {
      period,
      ...(asOf === undefined ? {} : { asOf }),
      ...(flags.namHoc === undefined ? {} : { namHoc: flags.namHoc }),
      ...(hints.truongId === undefined ? {} : { truongId: hints.truongId }),
    });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  for (const n of result.notes)
    io.stderr.write(`note: ${n.message}${n.count > 0 ? ` (${n.count})` : ''}\n`);
  if (out === undefined) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const path = resolve(io.cwd, out);
  await writeFile(
    path,
    ext === '.xlsx' ? eqmsWorkbook(result) : `${JSON.stringify(result, null, 2)}\n`,
  );
  io.stdout.write(
    `EQMS ${period} report of school ${result.report.truongId} (${result.namHoc}) written to ${path}\n`,
  );
  return 0;
}
