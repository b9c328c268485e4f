import { describe, expect, it } from 'vitest';
import { schoolAdapters } from './adapters.ts';
import { demoFiles, demoSchool, SCHOOL_YEAR } from './demo-files.ts';
import { importFiles, type SchoolFile } from './import.ts';

const school = demoSchool();
const files = await demoFiles(school);
const adapters = (file: SchoolFile) => schoolAdapters(school.truong.truongId, SCHOOL_YEAR, file);
const result = await importFiles(files, { adapters, asOf: '2026-05-31' });

describe('importFiles', () => {
  it('gives every file an outcome: read, inferred or unreadable', () => {
    expect(result.outcomes.map((o) => [o.file, o.status, o.adapter])).toEqual([
      ['C1-HocSinh.xlsx', 'read', 'moet-c1-hocsinh'],
      ['KQHT-khoi1-CN.xlsx', 'read', 'moet-kqht-k12'],
      ['k12online-tai-khoan.xlsx', 'read', 'k12online'],
      ['danh-sach-tu-phan-mem-khac.csv', 'inferred', 'csv-hocsinh'],
      ['bao-cao.xlsx', 'unreadable', undefined],
    ]);
    expect(result.outcomes[4]?.error).toBe('wrong-file-type');
  });

  it('reads every pupil and every result, with the grade and period the user gave', () => {
    const counts = Object.fromEntries(result.outcomes.map((o) => [o.file, o.records]));
    expect(counts).toEqual({
      'C1-HocSinh.xlsx': school.hocSinhs.length,
      'KQHT-khoi1-CN.xlsx': school.danhGias.filter((d) => d.khoi === 1 && d.kyDanhGia === 'CN')
        .length,
      'k12online-tai-khoan.xlsx': 30,
      'danh-sach-tu-phan-mem-khac.csv': 20,
      'bao-cao.xlsx': 0,
    });
    const results = result.records.filter((r) => r.entity === 'DanhGiaHocSinh');
    expect(new Set(results.map((r) => `${r.record['khoi']} ${r.record['kyDanhGia']}`))).toEqual(
      new Set(['1 CN']),
    );
    const c1 = result.records.filter((r) => r.provenance?.file === 'C1-HocSinh.xlsx');
    expect(c1.map((r) => r.record['hocSinhId'])).toEqual(school.hocSinhs.map((p) => p.hocSinhId));
    expect(c1.map((r) => r.record['ngaySinh'])).toEqual(school.hocSinhs.map((p) => p.ngaySinh));
  });

  it('points every issue of a file at its sheet, row and column', () => {
    const fromFiles = result.report.issues.filter((i) => i.location?.file !== undefined);
    expect(fromFiles.length).toBeGreaterThan(0);
    for (const issue of fromFiles) {
      expect(issue.location?.row, issue.ruleId).toBeGreaterThan(0);
      expect(issue.location?.sheet, issue.ruleId).toBeTruthy();
    }
    // Account files carry no pupil code: the standard requires one.
    const k12 = fromFiles.filter((i) => i.location?.file === 'k12online-tai-khoan.xlsx');
    expect(new Set(k12.map((i) => `${i.ruleId} ${i.field}`))).toEqual(
      new Set(['STD.SCHEMA.001 hocSinhId']),
    );
  });

  it('never files KQHT results under a guessed period: without the form, no KQHT adapter is offered', async () => {
    const kqht = files.find((f) => f.name.startsWith('KQHT'));
    if (!kqht) throw new Error('no KQHT file');
    const { form: _form, ...withoutForm } = kqht;
    const { outcomes } = await importFiles([withoutForm], { adapters, asOf: '2026-05-31' });
    expect(outcomes[0]?.adapter).not.toBe('moet-kqht-k12');
  });
});
