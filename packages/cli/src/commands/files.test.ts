import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { k12OnlineAdapter } from '@eduvn/adapter-k12online';
import { openWorkbook, readAll } from '@eduvn/adapter-kit';
import type { HocSinh } from '@eduvn/standard';
import { BaoCaoEqmsCuoiNam, BaoCaoEqmsDauNam } from '@eduvn/standard';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli.test-helper.ts';
import { testSchool, writeC1, writeSchoolJson } from './files.test-helper.ts';

const { dir, remove } = tempDir();
afterAll(remove);
const school = testSchool();
const truongId = school.truong.truongId;
const hints = ['--truong', truongId, '--nam-hoc', '2025-2026'];

/** No full 12-digit personal ID of the school's pupils in the text. */
function noPersonalIds(text: string): void {
  for (const p of school.hocSinhs) if (p.maCongDanId) expect(text).not.toContain(p.maCongDanId);
}

describe('eduvn inspect', () => {
  it('names the adapter, maps the header with confidences, shows masked sample records', async () => {
    writeC1(dir);
    const run = await runCli(['inspect', 'C1-HocSinh.xlsx'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Detected: moet-c1-hocsinh/);
    expect(run.stdout).toMatch(/"Mã học sinh"\s+→ hocSinhId\s+\d+%/);
    expect(run.stdout).toMatch(/"Số định danh cá nhân"\s+→ maCongDanId/);
    expect(run.stdout).toMatch(/Sample records \(masked\)/);
    expect(run.stdout.match(/ row \d+: /g)).toHaveLength(3);
    noPersonalIds(run.stdout);
    const first = school.hocSinhs[0] as HocSinh;
    expect(run.stdout).not.toContain(first.hoTen);
  });

  it('proposes a mapping with confidences for an unknown layout, hostile headers included', async () => {
    const path = join(dir, 'unknown.csv');
    writeFileSync(
      path,
      '__proto__,Họ và tên,Giới tính,Ngày sinh\n1,Trần Văn Bình,Nam,12/03/2017\n2,Phạm Thị Lan,Nữ,01/11/2017\n',
    );
    const run = await runCli(['inspect', 'unknown.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No adapter reaches/);
    expect(run.stdout).toMatch(/"Họ và tên"\s+→ hoTen\s+\d+%/);
    expect(run.stdout).toMatch(/"__proto__"\s+→ \(none\)/);
  });

  it('fails clearly on a file that is not a spreadsheet or does not exist', async () => {
    writeFileSync(join(dir, 'not.xlsx'), '%PDF-1.4 not a workbook');
    const bad = await runCli(['inspect', 'not.xlsx'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^eduvn: not\.xlsx: /);
    const none = await runCli(['inspect', 'missing.xlsx'], { cwd: dir });
    expect(none.code).toBe(1);
  });
});

describe('eduvn validate', () => {
  it('passes a clean export with exit 0 and writes JSON and JUnit reports', async () => {
    writeC1(dir, 'clean.xlsx');
    const run = await runCli(
      ['validate', 'clean.xlsx', ...hints, '--as-of', '2025-10-01', '--report', 'report.json'],
      { cwd: dir },
    );
    expect(run.stderr).toMatch(/Report written to/);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect([json.format, json.passes, json.asOf]).toEqual(['eduvn-report', true, '2025-10-01']);
    expect(run.stdout).toMatch(/clean\.xlsx: read \(moet-c1-hocsinh/);
    expect(run.stdout).toMatch(
      /record\(s\) checked as of 2025-10-01: 0 error\(s\), 0 query\(ies\)/,
    );
    expect(run.stdout).toMatch(
      /Not checked:\n(?: {2}.*\n)* {2}HocSinh TT28\.AGE\.001 — The source layout has no maKhoi/,
    );
    expect(run.stdout).toMatch(/PASS/);
    expect(run.code).toBe(0);
    const junit = await runCli(['validate', 'clean.xlsx', ...hints, '--report', 'report.xml'], {
      cwd: dir,
    });
    expect(readFileSync(join(dir, 'report.xml'), 'utf8')).toMatch(/<testsuites?/);
    expect(junit.code).toBe(0);
  });

  it('exits 1 on errors and lists them by rule, with cell references and no full personal ID', async () => {
    const pupils = school.hocSinhs.map((p, i) =>
      i === 3
        ? { ...p, ngaySinh: '2017-04-31' }
        : i === 5
          ? { ...p, hoTen: 'Nguyễn Văn '.repeat(8) }
          : p,
    );
    writeC1(dir, 'broken.xlsx', pupils);
    const run = await runCli(['validate', 'broken.xlsx', ...hints, '--as-of', '2025-10-01'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/By rule:/);
    expect(run.stdout).toMatch(/READ\.DATE\.001/);
    expect(run.stdout).toMatch(/Sheet1 › row \d+ › column E/);
    expect(run.stdout).toMatch(/FAIL/);
    noPersonalIds(run.stdout + run.stderr);
  });

  it('writes a self-contained HTML report in the language asked, every issue listed, no full personal ID', async () => {
    const pupils = school.hocSinhs.map((p, i) => (i === 3 ? { ...p, ngaySinh: '2017-04-31' } : p));
    writeC1(dir, 'broken-html.xlsx', pupils);
    const args = ['validate', 'broken-html.xlsx', ...hints, '--as-of', '2025-10-01'];
    const json = await runCli([...args, '--report', 'r.json'], { cwd: dir });
    const run = await runCli([...args, '--lang', 'vi', '--report', 'r.html'], { cwd: dir });
    expect([json.code, run.code]).toEqual([1, 1]);
    expect(run.stderr).toMatch(/Report written to .*r\.html/);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const issues = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).issues as unknown[];
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html.match(/<tr data-severity="/g)).toHaveLength(issues.length);
    expect(html).toMatch(
      /<tr data-severity="error" data-rule="READ\.DATE\.001">.*<td>broken-html\.xlsx<\/td><td>Sheet1<\/td><td>E\d+<\/td>/,
    );
    expect(html).toContain('<th>Cách sửa</th>');
    expect(html).toContain('<canvas id="chart-severity">');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    noPersonalIds(html);
  });

  it('honours acknowledgements: an acknowledged query lets the data pass', async () => {
    const big = school.hocSinhs.filter((p) => p.maTrangThaiHienTai === 'DANG_HOC');
    const firstClass = big[0]?.maLop;
    const crowded = big.map((p) => ({ ...p, maLop: firstClass }));
    writeC1(dir, 'crowded.xlsx', crowded);
    const run = await runCli(
      ['validate', 'crowded.xlsx', ...hints, '--as-of', '2025-10-01', '--report', 'crowded.json'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'crowded.json'), 'utf8'));
    const query = (report.issues as { ruleId: string; severity: string; recordKey: string }[]).find(
      (i) => i.ruleId === 'TT28.CLASS.001',
    );
    expect(query?.severity).toBe('query');
    const errors = (report.issues as { severity: string }[]).filter((i) => i.severity === 'error');
    writeFileSync(
      join(dir, 'ack.json'),
      JSON.stringify([
        {
          ruleId: 'TT28.CLASS.001',
          recordKey: query?.recordKey,
          note: 'Approved by the Phòng',
          by: 'hieu.truong',
        },
      ]),
    );
    const acked = await runCli(
      ['validate', 'crowded.xlsx', ...hints, '--as-of', '2025-10-01', '--ack', 'ack.json'],
      { cwd: dir },
    );
    expect(acked.stdout).toMatch(/1 acknowledged/);
    expect(acked.code).toBe(errors.length === 0 ? 0 : 1);
    writeFileSync(join(dir, 'bad-ack.json'), '{"not":"a list"}');
    const bad = await runCli(['validate', 'crowded.xlsx', '--ack', 'bad-ack.json'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/expected a JSON array/);
  });

  it('refuses unknown report formats clearly, before reading anything', async () => {
    const run = await runCli(['validate', 'clean.xlsx', '--report', 'r.pdf'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /unknown report format "\.pdf"; use \.json, \.xml \(JUnit\), \.html or \.xlsx/,
    );
    expect((await runCli(['validate', 'clean.xlsx', '--khoi', '7'], { cwd: dir })).code).toBe(2);
  });
});

describe('eduvn eqms', () => {
  it('writes the start-of-year report as JSON that validates against BaoCaoEqmsDauNam', async () => {
    writeSchoolJson(dir);
    const run = await runCli(
      ['eqms', 'truong.json', '--period', 'dau-nam', '--as-of', '2025-10-01', '--out', 'dn.json'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'dn.json'), 'utf8'));
    expect(BaoCaoEqmsDauNam.safeParse(result.report).success).toBe(true);
    const total = result.report.dnLophss.find(
      (l: { maBaoCao: string }) => l.maBaoCao === 'TONG_SO',
    );
    expect(total.tongSoSoLop).toBe(school.lops.length);
  });

  it('writes xlsx with a sheet per table, and JSON on stdout without --out', async () => {
    const run = await runCli(
      ['eqms', 'truong.json', '--period', 'dau-nam', '--as-of', '2025-10-01', '--out', 'dn.xlsx'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const wb = await openWorkbook({ path: join(dir, 'dn.xlsx') });
    expect(wb.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Thông tin chung', 'EQMSDN.2.1 Giáo viên', 'Ghi chú - Notes']),
    );
    await wb.close();
    const end = await runCli(
      ['eqms', 'truong.json', '--period', 'cuoi-nam', '--as-of', '2026-05-31'],
      { cwd: dir },
    );
    expect(end.code).toBe(0);
    expect(BaoCaoEqmsCuoiNam.safeParse(JSON.parse(end.stdout).report).success).toBe(true);
  });

  it('reads pupils from a vendor export together with the school JSON', async () => {
    const json = join(dir, 'classes.json');
    writeFileSync(json, JSON.stringify({ truong: school.truong, lops: school.lops }));
    const run = await runCli(
      [
        'eqms',
        'classes.json',
        'C1-HocSinh.xlsx',
        '--period',
        'dau-nam',
        '--as-of',
        '2025-10-01',
        ...hints,
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout).report;
    const total = report.dnLophss.find((l: { maBaoCao: string }) => l.maBaoCao === 'TONG_SO');
    expect(total.tongSoSoHs).toBe(
      school.hocSinhs.filter((p) => !['CHUYEN_DI', 'THOI_HOC'].includes(p.maTrangThaiHienTai ?? ''))
        .length,
    );
  });

  it('fails clearly on a bad period, output, JSON or entity', async () => {
    expect((await runCli(['eqms', 'truong.json', '--period', 'giua-ky'], { cwd: dir })).code).toBe(
      2,
    );
    expect(
      (await runCli(['eqms', 'truong.json', '--period', 'dau-nam', '--out', 'x.csv'], { cwd: dir }))
        .code,
    ).toBe(2);
    writeFileSync(join(dir, 'junk.json'), '[{"entity":"__proto__","record":{}}]');
    const junk = await runCli(['eqms', 'junk.json', '--period', 'dau-nam'], { cwd: dir });
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/names no entity of the standard/);
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(
      (await runCli(['eqms', 'broken.json', '--period', 'dau-nam'], { cwd: dir })).stderr,
    ).toMatch(/not valid JSON/);
  });
});

describe('eduvn convert', () => {
  it('validates, then writes the records in the target layout, which reads back the same', async () => {
    const run = await runCli(
      [
        'convert',
        'C1-HocSinh.xlsx',
        '--to',
        'k12online',
        '--out',
        'k12.xlsx',
        ...hints,
        '--as-of',
        '2025-10-01',
        '--force',
      ],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/HocSinh record\(s\) written as k12online/);
    const { records } = await readAll(k12OnlineAdapter, { path: join(dir, 'k12.xlsx') });
    expect(records.length).toBe(school.hocSinhs.length);
  });

  it('stops on errors unless --force, and refuses an unknown or read-only target', async () => {
    const stopped = await runCli(['convert', 'broken.xlsx', '--to', 'k12online', ...hints], {
      cwd: dir,
    });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/Not converted: \d+ error/);
    const unknown = await runCli(['convert', 'clean.xlsx', '--to', 'nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown adapter "nope"/);
    const readOnly = await runCli(['convert', 'clean.xlsx', '--to', 'moet-c1-hocsinh'], {
      cwd: dir,
    });
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toMatch(/cannot write/);
  });
});
