import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CellInput, maskDigits, writeXlsx } from '@eduvn/adapter-kit';
import { checkFiles, computeEqms } from '@eduvn/check';
import {
  type FixtureRecord,
  generateSchool,
  PROBLEM_KIND_RULES,
  plantProblems,
  recordsOf,
} from '@eduvn/fixtures';
import { createSandbox } from '@eduvn/sandbox';
import { bundledCatalogs, type HocSinh } from '@eduvn/standard';
import { formatVnDate } from '@eduvn/text';
import type { CliIo } from '../io.ts';
import { readRecords } from '../read-records.ts';
import { eqmsWorkbook } from './eqms.ts';
import { pushRecords } from './push.ts';
import { printSummary } from './validate.ts';

/** Options of `eduvn demo`. */
export interface DemoOptions {
  /** Pupils of the generated school (default 200; 30 to 5,000). */
  readonly pupils?: number | undefined;
  /** Keep the temporary folder (its path is printed). */
  readonly keep?: boolean | undefined;
  /** The day of the story (default today). */
  readonly asOf?: string | undefined;
}

const catalogs = bundledCatalogs();
const nameOf = (catalog: string, code: string | undefined): string =>
  code === undefined ? '' : (catalogs.lookup(catalog, code)?.entry.name ?? code);

/** An ISO date as the export writes it (dd/mm/yyyy), kept as text even when not a real date. */
function vnDate(iso: string | undefined): CellInput {
  if (iso === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return { text: iso };
  try {
    return { text: formatVnDate(iso) };
  } catch {
    return { text: `${m[3]}/${m[2]}/${m[1]}` };
  }
}

/** The pupils as the national database's C1-HocSinh export lays them out (a model of it). */
export function c1Workbook(schoolName: string, pupils: readonly HocSinh[]): Uint8Array {
  const header = [
    'STT',
    'Mã lớp',
    'Mã học sinh',
    'Họ tên',
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Trạng thái HS',
    'Số định danh cá nhân',
  ];
  const rows: CellInput[][] = [
    ['DANH SÁCH HỌC SINH'],
    [schoolName],
    [],
    header,
    ...pupils.map((p, i): CellInput[] => [
      i + 1,
      { text: p.maLop ?? '' },
      { text: p.hocSinhId },
      p.hoTen,
      vnDate(p.ngaySinh),
      p.maGioiTinh === '2' ? 'Nữ' : p.maGioiTinh === '1' ? 'Nam' : '',
      nameOf('DM_DAN_TOC', p.maDanToc),
      nameOf('DM_TRANG_THAI_HOC_SINH', p.maTrangThaiHienTai),
      { text: p.maCongDanId ?? '' },
    ]),
  ];
  return writeXlsx([{ name: 'Sheet1', rows }]);
}

function today(): string {
  // Vietnam time (UTC+7): the school day the story happens on.
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function schoolYearOf(asOf: string): string {
  const year = Number(asOf.slice(0, 4));
  return Number(asOf.slice(5, 7)) >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/**
 * `eduvn demo`: the whole story with no setup, in a temporary folder removed at the end — the
 * sandbox on SQLite over real HTTP, a generated school (generated people only) with a few planted
 * problems written as a C1-HocSinh export plus the school's own canonical JSON (classes, staff,
 * facilities: no vendor export holds them), read back through the adapters, validated with the
 * planted problems explained, pushed through the durable outbox with a progress bar, then the
 * 48-hour report and the start-of-year EQMS report. Resolves to 0 when the story ran.
 */
export async function demoCommand(io: CliIo, options: DemoOptions = {}): Promise<number> {
  const pupilCount = Math.min(5_000, Math.max(30, Math.round(options.pupils ?? 200)));
  const asOf = options.asOf ?? today();
  const schoolYear = schoolYearOf(asOf);
  const out = (s = '') => io.stdout.write(`${s}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'eduvn-demo-'));
  out(`eduvn demo — working in ${dir}${options.keep ? ' (kept)' : ' (removed at the end)'}`);
  const sandbox = createSandbox({ db: join(dir, 'sandbox.db'), logger: { error: () => {} } });
  let server: Awaited<ReturnType<typeof sandbox.listen>> | undefined;
  try {
    // 1. The city database.
    server = await sandbox.listen({ port: 0 });
    out(`\n1. The city database (sandbox, SQLite) listens on ${server.url}`);

    // 2. A school, with planted problems, written as its software would export it.
    const school = generateSchool({
      seed: 2026,
      province: '79',
      schoolYear,
      asOf,
      pupils: pupilCount,
    });
    const truongId = school.truong.truongId;
    const { records: planted, planted: labels } = plantProblems(recordsOf(school), {
      seed: 7,
      rate: 0.01,
      kinds: ['impossible-date', 'over-long-name', 'personal-id-year-mismatch', 'class-over-35'],
    });
    const pupils = planted
      .filter((r): r is Extract<FixtureRecord, { entity: 'HocSinh' }> => r.entity === 'HocSinh')
      .map((r) => r.record);
    sandbox.addUnit({ id: '79', kind: 'so', name: 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh' });
    sandbox.addUnit({
      id: truongId,
      kind: 'truong',
      name: school.truong.ten ?? truongId,
      parentId: '79',
    });
    const account = sandbox.addAccount({ kind: 'quan-tri', unitId: truongId });
    const c1 = join(dir, 'C1-HocSinh.xlsx');
    await writeFile(c1, c1Workbook(school.truong.ten ?? truongId, pupils));
    const own = join(dir, 'truong.json');
    await writeFile(
      own,
      `${JSON.stringify({ truong: school.truong, lops: school.lops, canBos: school.canBos, coSoVatChats: school.coSoVatChats }, null, 1)}\n`,
    );
    out(
      `\n2. ${school.truong.ten} (${truongId}), school year ${schoolYear}: ${pupils.length} pupils in ${school.lops.length} classes, ${school.canBos.length} staff.`,
    );
    out(
      `   Written as a C1-HocSinh export (C1-HocSinh.xlsx) and the school's own records (truong.json).`,
    );
    out(`   Planted: ${labels.map((l) => l.kind).join(', ')}.`);

    // 3. Validate: the one-call check.
    out('\n3. Validate (eduvn validate C1-HocSinh.xlsx):\n');
    const report = await checkFiles([c1], { asOf, hints: { truongId, namHoc: schoolYear } });
    printSummary(io, report, 'en', 8);
    out('\n   The planted problems, and what the check said:');
    for (const label of labels) {
      const id = label.recordKey.split('/').pop() ?? label.recordKey;
      const found = report.issues.filter(
        (i) =>
          i.recordKey.includes(id) ||
          (label.kind === 'class-over-35' && i.ruleId.startsWith('TT28.CLASS')),
      );
      const what = PROBLEM_KIND_RULES[label.kind];
      out(`   - ${label.kind} (${maskDigits(label.recordKey)}): ${what}`);
      out(
        found.length === 0
          ? '     → not reported (the export does not carry the field)'
          : `     → ${[...new Set(found.map((i) => `${i.severity} ${i.ruleId}`))].join(', ')}: ${maskDigits(found[0]?.message.en ?? '')}`,
      );
    }

    // 4. Push through the outbox.
    out('\n4. Push (eduvn push … --to <url>) through the durable outbox (SQLite):');
    const read = await readRecords(['truong.json', 'C1-HocSinh.xlsx'], {
      cwd: dir,
      hints: { truongId, namHoc: schoolYear },
    });
    for (const f of read.files) out(`   read ${f.file}: ${f.adapter}, ${f.records} record(s)`);
    const outcome = await pushRecords(io, read.records, {
      baseUrl: server.url,
      credentials: { clientId: account.clientId, clientSecret: account.clientSecret },
      outboxPath: join(dir, 'outbox.db'),
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      confirm: true,
    });
    out(
      `   ${outcome.delivered} delivered, ${outcome.rejected} refused (kept in the dead-letter list to fix, never dropped).`,
    );

    // 5. The start-of-year EQMS report, computed from the records.
    out('\n5. The start-of-year EQMS report (eduvn eqms … --period dau-nam):');
    const eqms = computeEqms(read.records, {
      period: 'dau-nam',
      asOf,
      namHoc: schoolYear,
      truongId,
    });
    if (eqms.period === 'dau-nam') {
      const total = eqms.report.dnLophss?.find((l) => l.maBaoCao === 'TONG_SO');
      const grades = [1, 2, 3, 4, 5].map((g) => {
        const line = total as unknown as Record<string, number> | undefined;
        return `grade ${g}: ${line?.[`lop${g}SoLop`] ?? 0} classes, ${line?.[`lop${g}SoHs`] ?? 0} pupils`;
      });
      out(
        `   ${total?.tongSoSoLop ?? 0} classes, ${total?.tongSoSoHs ?? 0} pupils (${total?.trongTongSoLopGhepSoLop ?? 0} mixed-grade classes)`,
      );
      for (const g of grades) out(`     ${g}`);
      const teachers = eqms.report.dnDngvs?.find((l) => l.maBaoCao === 'TONG_SO');
      out(
        `   ${teachers?.tongSo ?? 0} teachers: ${teachers?.tddtTrenDaiHoc ?? 0} above bachelor's, ${teachers?.tddtDaiHoc ?? 0} bachelor's, ${teachers?.tddtCaoDang ?? 0} college; ${teachers?.cdldBienChe ?? 0} permanent, ${teachers?.cdldHopDong ?? 0} contract; ${teachers?.trongTongSoNu ?? 0} women`,
      );
      for (const n of eqms.notes) out(`   note: ${n.message}${n.count > 0 ? ` (${n.count})` : ''}`);
    }
    await writeFile(join(dir, 'eqms-dau-nam.json'), `${JSON.stringify(eqms, null, 2)}\n`);
    await writeFile(join(dir, 'eqms-dau-nam.xlsx'), eqmsWorkbook(eqms));
    out('   Written as eqms-dau-nam.json and eqms-dau-nam.xlsx.');
    out(
      '\nDone. Try it on your own files: eduvn validate <files…>, eduvn inspect <file>, eduvn eqms <files…> --period dau-nam.',
    );
    return 0;
  } finally {
    await server?.close().catch(() => {});
    sandbox.close();
    if (options.keep !== true) rmSync(dir, { recursive: true, force: true });
  }
}
